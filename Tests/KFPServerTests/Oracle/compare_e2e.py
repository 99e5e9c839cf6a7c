"""Drives the compare, runs-list metric columns, artifacts and executions pages of kfp server's
web UI in headless Chromium (Debian's chromium + chromedriver) like a user, over runs the Swift
test made.

usage: compare_e2e.py BASE_URL SCREENSHOT_DIR PIPELINE_ID DATA_PATH

1. Runs list: tick both runs, press "Compare runs"; add the accuracy metric column.
2. Compare page: the parameters table, the metric cells (best marked) and the ROC curves.
3. Artifacts: filter by system.Metrics, open one, read its lineage.
4. Executions: filter by cache hits, open the training execution, read its log.
5. Recurring runs: create one with the form (cron, concurrency 2, no catch-up) for PIPELINE_ID.

Prints one JSON object with what the pages showed; the Swift test asserts on it.
Screenshots: runs-metrics.png, compare-metrics.png, compare.png, artifacts.png, artifact.png, executions.png,
execution.png, recurring-form.png, recurring.png in SCREENSHOT_DIR.
"""

import json
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, shots, pipeline_id, data_path = sys.argv[1:5]
os.makedirs(shots, exist_ok=True)
result = {"steps": []}


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("KFP_UI_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1100"]:
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=os.environ.get("KFP_UI_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def alert_text(driver):
    try:
        text = driver.switch_to.alert.text
        driver.switch_to.alert.dismiss()
        return text
    except NoAlertPresentException:
        return None


def table(driver, selector):
    """Rows of a table as {row name: [cell texts]} plus the marked rows and cells."""
    rows, differs, best = {}, [], []
    for row in driver.find_elements(By.CSS_SELECTOR, selector + " tbody tr[data-name]"):
        name = row.get_attribute("data-name")
        cells = row.find_elements(By.CSS_SELECTOR, "td")
        rows[name] = [cell.text for cell in cells]
        if "differs" in (row.get_attribute("class") or ""):
            differs.append(name)
        best += [name + "@" + str(index) for index, cell in enumerate(cells) if "best" in (cell.get_attribute("class") or "")]
    return rows, differs, best


driver = browser()
wait = WebDriverWait(driver, 30)
try:
    # 1. The runs list: the compare button needs two runs ticked.
    driver.get(base + "/runs")
    button = driver.find_element(By.ID, "compare-runs")
    result["compare_disabled_before"] = not button.is_enabled()
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name=run]"):
        box.click()
    result["compare_disabled_after"] = not button.is_enabled()
    driver.find_element(By.CSS_SELECTOR, "#metric-choice a[data-metric=accuracy]").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "th.metric-column[data-metric=accuracy]")))
    result["metric_column_url"] = driver.current_url[len(base):]
    result["metric_cells"] = {
        row.find_element(By.CSS_SELECTOR, "a.run-link").text: row.find_element(By.CSS_SELECTOR, "td.metric-cell").text
        for row in driver.find_elements(By.CSS_SELECTOR, "#run-list tbody tr[data-run-id]")}
    driver.save_screenshot(os.path.join(shots, "runs-metrics.png"))
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name=run]"):
        box.click()
    driver.find_element(By.ID, "compare-runs").click()
    wait.until(EC.presence_of_element_located((By.ID, "compare-parameters")))
    result["steps"].append("compare")

    # 2. The compare page.
    result["compare_url"] = driver.current_url[len(base):]
    result["compare_heading"] = driver.find_element(By.TAG_NAME, "h1").text
    result["compare_columns"] = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#compare-overview thead th[data-run-id]")]
    result["parameters"], result["parameters_differ"], _ = table(driver, "#compare-parameters")
    result["metrics"], result["metrics_differ"], result["metrics_best"] = table(driver, "#compare-metrics")
    curves = driver.find_elements(By.CSS_SELECTOR, "#compare-roc svg polyline.roc-curve")
    result["roc_curves"] = [curve.get_attribute("data-label") for curve in curves]
    result["roc_points"] = [len(curve.get_attribute("points").split()) for curve in curves]
    result["roc_legend"] = [text.text for text in driver.find_elements(By.CSS_SELECTOR, "#compare-roc svg g.legend-entry text")]
    result["matrices"] = len(driver.find_elements(By.CSS_SELECTOR, "#compare-matrices table.confusion"))
    result["documents"] = len(driver.find_elements(By.CSS_SELECTOR, "iframe.document[sandbox='']"))
    result["alert"] = alert_text(driver)
    driver.execute_script("document.getElementById('compare-parameters').scrollIntoView()")
    driver.save_screenshot(os.path.join(shots, "compare-metrics.png"))
    driver.execute_script("document.getElementById('compare-roc').scrollIntoView()")
    driver.save_screenshot(os.path.join(shots, "compare.png"))

    # 3. Artifacts: the metrics artifacts, then the training data's lineage.
    driver.get(base + "/artifacts")
    result["artifacts_total"] = driver.find_element(By.CSS_SELECTOR, ".pager span").text
    driver.find_element(By.CSS_SELECTOR, "#artifact-type-filter option[value='system.Metrics']").click()
    driver.find_element(By.CSS_SELECTOR, "form.toolbar button[type=submit]").click()
    wait.until(EC.url_contains("type=system.Metrics"))
    result["metrics_artifacts"] = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#artifact-list a.artifact-link")]
    driver.save_screenshot(os.path.join(shots, "artifacts.png"))
    driver.get(base + "/artifacts?q=train")
    driver.find_element(By.CSS_SELECTOR, "#artifact-list a.artifact-link").click()
    wait.until(EC.presence_of_element_located((By.ID, "artifact-lineage")))
    result["lineage"] = [
        " | ".join(cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td"))
        for row in driver.find_elements(By.CSS_SELECTOR, "#artifact-lineage tbody tr")]
    driver.save_screenshot(os.path.join(shots, "artifact.png"))
    result["steps"].append("artifacts")

    # 4. Executions: the cache hit, then the training task's log.
    driver.get(base + "/executions?cached=1")
    result["cached_executions"] = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#execution-list a.execution-link")]
    driver.save_screenshot(os.path.join(shots, "executions.png"))
    driver.get(base + "/executions?q=train-model")
    links = driver.find_elements(By.CSS_SELECTOR, "#execution-list a.execution-link")
    links[-1].click()
    wait.until(EC.presence_of_element_located((By.ID, "task-log")))
    driver.find_element(By.CSS_SELECTOR, "[data-tab=task-logs]").click()
    result["execution_log"] = driver.find_element(By.ID, "task-log").text
    driver.save_screenshot(os.path.join(shots, "execution.png"))
    result["steps"].append("executions")
    result["script_elements"] = len(driver.find_elements(By.CSS_SELECTOR, "main script"))

    # 5. A recurring run made with the form.
    driver.get(base + "/recurringruns")
    driver.find_element(By.ID, "create-recurring-run").click()
    wait.until(EC.presence_of_element_located((By.ID, "pipeline-select")))
    driver.find_element(By.CSS_SELECTOR, "#pipeline-select option[value='" + pipeline_id + "']").click()
    wait.until(EC.presence_of_element_located((By.ID, "trigger-type")))
    name = driver.find_element(By.ID, "run-name")
    name.clear()
    name.send_keys("yearly <wine>")
    driver.find_element(By.CSS_SELECTOR, "#trigger-type option[value=cron]").click()
    cron = driver.find_element(By.ID, "trigger-cron")
    cron.clear()
    cron.send_keys("0 0 0 1 1 *")
    concurrency = driver.find_element(By.ID, "max-concurrency")
    concurrency.clear()
    concurrency.send_keys("2")
    driver.find_element(By.ID, "trigger-catchup").click()
    driver.find_element(By.ID, "param-data_path").send_keys(data_path)
    driver.save_screenshot(os.path.join(shots, "recurring-form.png"))
    driver.find_element(By.ID, "start-run").click()
    wait.until(EC.url_matches(r"/recurringruns/[0-9a-f-]{36}$"))
    result["recurring_run_id"] = driver.current_url.rsplit("/", 1)[1]
    result["recurring_name"] = driver.find_element(By.ID, "recurring-run-name").text
    result["recurring_trigger"] = driver.find_element(By.ID, "recurring-run-trigger").text
    driver.find_element(By.ID, "disable-recurring-run").click()
    wait.until(EC.presence_of_element_located((By.ID, "enable-recurring-run")))
    result["recurring_status"] = driver.find_element(By.ID, "recurring-run-status").text
    driver.save_screenshot(os.path.join(shots, "recurring.png"))
    result["steps"].append("recurring")
finally:
    driver.quit()
print(json.dumps(result))
