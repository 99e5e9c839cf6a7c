/// The UI's only script (`/ui/app.js`): it sends the UI's actions to the v2beta1 API with `fetch`
/// (upload, delete, create run, terminate, retry, archive, create experiment), checks run
/// parameters against their `parameterType`, and refreshes a running run's graph from
/// `GET /apis/v2beta1/runs/{id}`. It writes server data with `textContent` only, never as HTML.
enum ClientScript {
    static let source = core + "\n" + RunListScript.source

    static let core = #"""
        "use strict";
        const api = "/apis/v2beta1";
        const $ = (selector, root) => (root || document).querySelector(selector);
        const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

        function flash(message, kind) {
          const box = $("#flash");
          if (!box) { alert(message); return; }
          box.textContent = message;
          box.className = "flash " + (kind || "error");
          box.hidden = false;
          window.scrollTo(0, 0);
        }

        async function call(method, path, body, headers) {
          const options = { method, headers: headers || {} };
          if (body instanceof FormData) { options.body = body; }
          else if (body !== undefined) { options.body = JSON.stringify(body); options.headers["Content-Type"] = "application/json"; }
          const response = await fetch(path, options);
          const text = await response.text();
          let data = {};
          try { data = text ? JSON.parse(text) : {}; } catch (e) { data = { message: text }; }
          if (!response.ok) {
            const message = data.message || data.error_message || data.error || (response.status + " " + response.statusText);
            throw new Error(message);
          }
          return data;
        }

        async function act(work) {
          try { await work(); } catch (error) { flash(error.message); }
        }

        // A message to show after the page reloads (a bulk action that partly failed).
        function flashAfterReload(message) {
          try { sessionStorage.setItem("kfp-flash", message); } catch (e) { /* private mode */ }
          location.reload();
        }

        function showPendingFlash() {
          let message = null;
          try { message = sessionStorage.getItem("kfp-flash"); sessionStorage.removeItem("kfp-flash"); } catch (e) { /* private mode */ }
          if (message) flash(message);
        }

        // The KFP UI's hash routes (kfp.Client prints /#/runs/details/<id>) open the same pages here.
        function followHashRoute() {
          const match = /^#\/(runs|pipelines|experiments)\/details\/([^/?]+)/.exec(location.hash);
          if (match) location.replace("/" + match[1] + "/" + match[2]);
        }

        function query(values) {
          const parts = [];
          for (const [name, value] of Object.entries(values)) {
            if (value) parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(value));
          }
          return parts.length ? "?" + parts.join("&") : "";
        }

        function setupToggles() {
          for (const button of $$("[data-toggle]")) {
            button.addEventListener("click", () => {
              const target = document.getElementById(button.dataset.toggle);
              if (target) target.hidden = !target.hidden;
            });
          }
        }

        function setupUploads() {
          for (const form of $$("form[data-upload]")) {
            form.addEventListener("submit", (event) => {
              event.preventDefault();
              act(async () => {
                const file = form.elements.uploadfile.files[0];
                if (!file) throw new Error("Choose a pipeline package to upload.");
                const name = form.elements.name.value.trim() || file.name.replace(/\.(ya?ml|json|zip|tar\.gz|tgz)$/i, "");
                const data = new FormData();
                data.append("uploadfile", file, file.name);
                const description = form.elements.description.value.trim();
                if (form.dataset.upload === "pipeline") {
                  const pipeline = await call("POST", api + "/pipelines/upload" + query({ name, description }), data);
                  location.href = "/pipelines/" + encodeURIComponent(pipeline.pipeline_id);
                } else {
                  const pipelineID = form.dataset.pipeline;
                  const version = await call("POST", api + "/pipelines/upload_version" + query({ name, description, pipelineid: pipelineID }), data);
                  location.href = "/pipelines/" + encodeURIComponent(pipelineID) + query({ version: version.pipeline_version_id });
                }
              });
            });
          }
        }

        function setupDeletes() {
          for (const button of $$("[data-delete-pipeline]")) {
            button.addEventListener("click", () => act(async () => {
              if (!confirm("Delete pipeline " + button.dataset.name + " and all its versions?")) return;
              await call("DELETE", api + "/pipelines/" + encodeURIComponent(button.dataset.deletePipeline) + "?cascade=true");
              location.href = "/pipelines";
            }));
          }
          for (const button of $$("[data-delete-version]")) {
            button.addEventListener("click", () => act(async () => {
              if (!confirm("Delete this pipeline version?")) return;
              const pipeline = encodeURIComponent(button.dataset.pipeline);
              await call("DELETE", api + "/pipelines/" + pipeline + "/versions/" + encodeURIComponent(button.dataset.deleteVersion));
              location.href = "/pipelines/" + pipeline;
            }));
          }
        }

        function setupRunActions() {
          for (const button of $$("[data-run-action]")) {
            button.addEventListener("click", () => act(async () => {
              const owner = button.closest("[data-run-id]");
              const ids = owner ? [owner.dataset.runId] : $$("input[name=run]:checked").map((box) => box.value);
              if (ids.length === 0) throw new Error("Select one or more runs first.");
              const verb = button.dataset.runAction;
              if (verb === "delete" && !confirm("Delete " + ids.length + " run(s)?")) return;
              const failures = [];
              for (const id of ids) {
                const path = api + "/runs/" + encodeURIComponent(id);
                try {
                  if (verb === "delete") await call("DELETE", path);
                  else await call("POST", path + ":" + verb);
                } catch (error) { failures.push(error.message); }
              }
              if (failures.length === 0) { location.reload(); return; }
              const message = verb + ": " + failures.length + " of " + ids.length + " run(s) failed:\n" + failures.join("\n");
              if (failures.length < ids.length) flashAfterReload(message); else flash(message);
            }));
          }
        }

        function setupExperiments() {
          const form = $("form[data-create=experiment]");
          if (form) form.addEventListener("submit", (event) => {
            event.preventDefault();
            act(async () => {
              const experiment = await call("POST", api + "/experiments", {
                display_name: form.elements.display_name.value.trim(),
                description: form.elements.description.value.trim(),
              });
              location.href = "/experiments/" + encodeURIComponent(experiment.experiment_id);
            });
          });
          for (const button of $$("[data-experiment-action]")) {
            button.addEventListener("click", () => act(async () => {
              await call("POST", api + "/experiments/" + encodeURIComponent(button.dataset.id) + ":" + button.dataset.experimentAction);
              location.reload();
            }));
          }
        }

        // The value of one parameter field by its KFP parameterType, or an error message.
        function parameterValue(type, text) {
          const trimmed = text.trim();
          switch (type) {
            case "NUMBER_INTEGER":
              if (!/^[-+]?\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) return { error: "expected an integer (NUMBER_INTEGER), found '" + text + "'" };
              return { value: Number(trimmed) };
            case "NUMBER_DOUBLE": {
              const number = Number(trimmed);
              if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) || !Number.isFinite(number)) return { error: "expected a number (NUMBER_DOUBLE), found '" + text + "'" };
              return { value: number };
            }
            case "BOOLEAN":
              if (trimmed !== "true" && trimmed !== "false") return { error: "expected true or false (BOOLEAN), found '" + text + "'" };
              return { value: trimmed === "true" };
            case "LIST":
            case "STRUCT": {
              let value;
              try { value = JSON.parse(trimmed); } catch (e) { return { error: "expected JSON (" + type + "): " + e.message }; }
              const isList = Array.isArray(value);
              if (type === "LIST" && !isList) return { error: "expected a JSON list (LIST), like [1, 2]" };
              if (type === "STRUCT" && (isList || value === null || typeof value !== "object")) return { error: "expected a JSON object (STRUCT), like {\"a\": 1}" };
              return { value };
            }
            default:
              return { value: text };
          }
        }

        function setupRunForm() {
          for (const select of $$("[data-autosubmit]")) {
            select.addEventListener("change", () => {
              if (select.id === "pipeline-select") { const version = $("#version-select"); if (version) version.disabled = true; }
              select.form.submit();
            });
          }
          const form = $("#run-form");
          if (!form) return;
          form.addEventListener("submit", (event) => {
            event.preventDefault();
            const parameters = {};
            let failed = false;
            for (const field of $$(".field[data-param]", form)) {
              const input = field.querySelector("input, select, textarea");
              const error = field.querySelector(".field-error");
              error.textContent = "";
              const name = field.dataset.param;
              if (input.value.trim() === "" && field.dataset.type !== "STRING") {
                if (field.dataset.required === "true") { error.textContent = name + " is required"; failed = true; }
                continue;
              }
              if (input.value === "" && field.dataset.required === "true") { error.textContent = name + " is required"; failed = true; continue; }
              const result = parameterValue(field.dataset.type, input.value);
              if (result.error) { error.textContent = name + ": " + result.error; failed = true; continue; }
              parameters[name] = result.value;
            }
            const formError = $("#run-form-error");
            formError.textContent = "";
            const name = form.elements.display_name.value.trim();
            if (!name) { formError.textContent = "A run needs a name."; failed = true; }
            const schedule = form.dataset.recurring ? recurringFields(form) : {};
            if (schedule.error) { formError.textContent = schedule.error; failed = true; }
            if (failed) return;
            act(async () => {
              const body = {
                display_name: name,
                description: form.elements.description.value.trim(),
                experiment_id: form.elements.experiment_id.value,
                runtime_config: { parameters, pipeline_root: form.elements.pipeline_root.value.trim() },
              };
              if (form.dataset.specRun) {
                const source = await call("GET", api + "/runs/" + encodeURIComponent(form.dataset.specRun));
                body.pipeline_spec = source.pipeline_spec;
              } else {
                body.pipeline_version_reference = { pipeline_id: form.dataset.pipeline, pipeline_version_id: form.dataset.version };
              }
              if (form.dataset.recurring) {
                const recurring = await call("POST", api + "/recurringruns", Object.assign(body, schedule.fields));
                location.href = "/recurringruns/" + encodeURIComponent(recurring.recurring_run_id);
                return;
              }
              const run = await call("POST", api + "/runs", body);
              location.href = "/runs/" + encodeURIComponent(run.run_id);
            });
          });
        }

        function stateClass(state) {
          return !state || state === "RUNTIME_STATE_UNSPECIFIED" ? "unspecified" : state.toLowerCase();
        }

        // The state of a task path from the run's task_details (sub-DAGs without a row of their own
        // combine the tasks under them, as the server does).
        function stateOf(path, states) {
          if (states[path]) return states[path];
          const below = Object.entries(states).filter(([key]) => key.startsWith(path + "/")).map(([, state]) => state);
          if (below.length === 0) return "";
          for (const state of ["FAILED", "CANCELING", "CANCELED", "RUNNING", "PENDING", "PAUSED"]) if (below.includes(state)) return state;
          if (below.every((state) => state === "SKIPPED")) return "SKIPPED";
          return below.every((state) => state === "SUCCEEDED" || state === "SKIPPED") ? "SUCCEEDED" : "RUNNING";
        }

        // The end of a running task's log (the last 64 KiB).
        async function refreshLog(url) {
          try {
            const response = await fetch(url);
            if (!response.ok) return;
            const text = await response.text();
            const log = $("#task-log");
            log.textContent = text.length > 65536 ? text.slice(text.length - 65536) : text;
            log.hidden = text.length === 0;
            const note = $("#task-log-note");
            if (note && text.length > 0) note.hidden = true;
          } catch (error) { /* the next refresh tries again */ }
        }

        function setupRunRefresh() {
          const page = $("#run-page");
          if (!page || page.dataset.terminal === "true") return;
          const runID = page.dataset.runId;
          const refresh = async () => {
            let run;
            try { run = await call("GET", api + "/runs/" + encodeURIComponent(runID)); } catch (error) { setTimeout(refresh, 3000); return; }
            const states = {};
            for (const task of (run.run_details && run.run_details.task_details) || []) states[task.display_name] = task.state;
            for (const node of $$("[data-task-path]", page)) {
              const state = stateOf(node.dataset.taskPath, states);
              if (!state) continue;
              node.classList.forEach((name) => { if (name.startsWith("state-")) node.classList.remove(name); });
              node.classList.add("state-" + stateClass(state));
              const label = node.querySelector(".state-text");
              if (label) label.textContent = " · " + state;
            }
            const panel = $(".task-panel[data-task-path]");
            if (panel) {
              const state = states[panel.dataset.taskPath];
              if (state && state !== panel.dataset.state) { location.reload(); return; }
              if (state === "RUNNING" && panel.dataset.logUrl) await refreshLog(panel.dataset.logUrl);
            }
            const tiles = $("#iterations");
            if (tiles) {
              const layer = page.dataset.layer + "/";
              const shown = new Set($$("[data-task-path]", tiles).map((tile) => tile.dataset.taskPath));
              for (const path of Object.keys(states)) {
                if (!path.startsWith(layer)) continue;
                const index = path.slice(layer.length).split("/")[0];
                if (/^\d+$/.test(index) && !shown.has(layer + index)) { location.reload(); return; }
              }
            }
            const badge = $("#run-state");
            if (badge && run.state) { badge.textContent = run.state; badge.className = "state state-" + stateClass(run.state); }
            if (["SUCCEEDED", "FAILED", "CANCELED", "SKIPPED"].includes(run.state)) { location.reload(); return; }
            setTimeout(refresh, 1000);
          };
          setTimeout(refresh, 1000);
        }

        function setupSignIn() {
          const form = $("#sign-in-form");
          if (!form) return;
          form.addEventListener("submit", async (event) => {
            event.preventDefault();
            document.cookie = "kfp_token=" + encodeURIComponent(form.elements.token.value) + "; path=/; SameSite=Strict";
            const response = await fetch(api + "/healthz");
            if (response.ok) { location.href = form.dataset.next || "/"; return; }
            $("#sign-in-error").textContent = "The server refused this token.";
          });
        }

        function setupTabs() {
          for (const link of $$("[data-tab]")) {
            link.addEventListener("click", (event) => {
              event.preventDefault();
              const panel = link.closest(".task-panel");
              for (const other of $$("[data-tab]", panel)) other.classList.toggle("active", other === link);
              for (const body of $$(".tab-body", panel)) body.hidden = body.id !== link.dataset.tab;
            });
          }
        }

        document.addEventListener("DOMContentLoaded", () => {
          setupToggles(); setupUploads(); setupDeletes(); setupRunActions(); setupRecurringRunActions(); setupCompare(); setupExperiments(); setupRunForm();
          setupRunRefresh(); setupTabs(); setupSignIn(); showPendingFlash(); followHashRoute();
        });
        """#
}
