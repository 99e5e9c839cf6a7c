/// The part of the UI's script (`/ui/app.js`) for comparing runs and for recurring runs: the
/// "Compare runs" button (enabled with 2 to 10 runs ticked), the recurring-run form's trigger,
/// concurrency and catch-up fields, and Enable / Disable / Delete of a recurring run. Function
/// declarations, called from ``ClientScript``'s start-up.
enum RunListScript {
    static let source = #"""
        function setupCompare() {
          const button = $("#compare-runs");
          if (!button) return;
          const chosen = () => $$("input[name=run]:checked").map((box) => box.value);
          const update = () => { const count = chosen().length; button.disabled = count < 2 || count > 10; };
          for (const box of $$("input[name=run]")) box.addEventListener("change", update);
          update();
          button.addEventListener("click", () => {
            const ids = chosen();
            if (ids.length < 2 || ids.length > 10) { flash("Select 2 to 10 runs to compare.", "error"); return; }
            location.href = "/compare?runlist=" + ids.map(encodeURIComponent).join(",");
          });
        }

        // The trigger, concurrency and catch-up of the recurring-run form, or the first error.
        function recurringFields(form) {
          const fields = {};
          const when = (input) => input.value ? new Date(input.value + ":00Z").toISOString() : undefined;
          const concurrency = form.elements.max_concurrency.value.trim();
          if (!/^[0-9]+$/.test(concurrency) || +concurrency < 1 || +concurrency > 10) {
            return { error: "Maximum concurrent runs: expected an integer from 1 to 10, found '" + concurrency + "'" };
          }
          const range = { start_time: when(form.elements.start_time), end_time: when(form.elements.end_time) };
          if (form.elements.trigger_type.value === "cron") {
            const cron = form.elements.cron.value.trim();
            if (cron.split(/\s+/).length !== 6) return { error: "Cron expression: expected 6 fields (with seconds), found '" + cron + "'" };
            fields.trigger = { cron_schedule: Object.assign({ cron }, range) };
          } else {
            const interval = form.elements.interval_second.value.trim();
            if (!/^[0-9]+$/.test(interval) || +interval < 1) {
              return { error: "Run every: expected a positive number of seconds, found '" + interval + "'" };
            }
            fields.trigger = { periodic_schedule: Object.assign({ interval_second: interval }, range) };
          }
          fields.max_concurrency = concurrency;
          fields.no_catchup = !form.elements.catchup.checked;
          fields.mode = "ENABLE";
          return { fields };
        }

        function setupRecurringRunActions() {
          for (const button of $$("[data-recurring-action]")) {
            button.addEventListener("click", () => act(async () => {
              const owner = button.closest("[data-recurring-run-id]");
              const path = api + "/recurringruns/" + encodeURIComponent(owner.dataset.recurringRunId);
              const verb = button.dataset.recurringAction;
              if (verb === "delete") {
                if (!confirm("Delete this recurring run? Its runs stay.")) return;
                await call("DELETE", path);
                location.href = "/recurringruns";
                return;
              }
              await call("POST", path + ":" + verb);
              location.reload();
            }));
          }
        }
        """#
}
