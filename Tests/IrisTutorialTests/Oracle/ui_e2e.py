"""Drives kfp server's web UI in headless Chromium (Debian's chromium + chromedriver) like a user.

usage: ui_e2e.py BASE_URL PIPELINE_YAML TARBALL_URL SCREENSHOT_DIR TYPED_PIPELINE_YAML

1. Upload PIPELINE_YAML on the Pipelines page ("Upload pipeline" -> file -> Create).
2. On the pipeline page press "Create run", type TARBALL_URL into the `url` field, Start.
3. Wait on the run page until the run and every task show SUCCEEDED (the page refreshes itself).
4. Open the merge task: read the first rows of the merged CSV preview and the task log.
5. Escaping: upload the same file as a pipeline named <script>alert(1)</script>; the list shows
   the name as text and no alert opens.
6. A run created with the official kfp.Client appears in the runs list with the state the API gives.
7. The form checks values by parameterType (TYPED_PIPELINE_YAML has one parameter of each type):
   wrong values are refused with a message, right ones reach the API as typed JSON.

Prints one JSON object with what the pages showed; the Swift test asserts on it.
Screenshots: pipeline.png, run.png, task.png, escaping.png in SCREENSHOT_DIR.
"""

import json
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, pipeline_yaml, tarball_url, shots, typed_yaml = sys.argv[1:6]
sys.stdout = sys.stderr  # kfp.Client prints links; stdout carries only the result JSON
os.makedirs(shots, exist_ok=True)
result = {"steps": []}


def step(name):
    result["steps"].append(name)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("KFP_UI_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
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


def upload(driver, wait, name):
    driver.get(base + "/pipelines")
    driver.find_element(By.CSS_SELECTOR, "[data-toggle=upload-form]").click()
    driver.find_element(By.ID, "upload-file").send_keys(pipeline_yaml)
    driver.find_element(By.ID, "upload-name").send_keys(name)
    driver.find_element(By.ID, "upload-submit").click()
    wait.until(EC.url_matches(r"/pipelines/[0-9a-f-]{36}$"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#graph [data-node]")))


driver = browser()
wait = WebDriverWait(driver, 30)
try:
    # 1. Upload the main job's pipeline.
    upload(driver, wait, "iris-ui")
    step("uploaded")
    result["pipeline_heading"] = driver.find_element(By.ID, "pipeline-name").text
    result["pipeline_nodes"] = sorted(n.get_attribute("data-node") for n in driver.find_elements(By.CSS_SELECTOR, "#graph [data-node]"))
    result["pipeline_edges"] = sorted(
        e.get_attribute("data-from") + "->" + e.get_attribute("data-to") for e in driver.find_elements(By.CSS_SELECTOR, "#graph path.edge"))
    driver.save_screenshot(os.path.join(shots, "pipeline.png"))

    # 2. Create a run with the url typed into the form.
    driver.find_element(By.ID, "create-run").click()
    wait.until(EC.presence_of_element_located((By.ID, "param-url")))
    result["form_fields"] = sorted(f.get_attribute("data-param") + ":" + f.get_attribute("data-type")
                                   for f in driver.find_elements(By.CSS_SELECTOR, ".field[data-param]"))
    driver.find_element(By.ID, "start-run").click()
    result["empty_url_error"] = driver.find_element(By.ID, "error-url").text
    driver.find_element(By.ID, "param-url").send_keys(tarball_url)
    driver.find_element(By.ID, "start-run").click()
    wait.until(EC.url_matches(r"/runs/[0-9a-f-]{36}$"))
    run_id = driver.current_url.rsplit("/", 1)[1]
    result["run_id"] = run_id
    step("run created")

    # 3. Wait until the page shows the run and every task SUCCEEDED (it refreshes and reloads itself).
    long_wait = WebDriverWait(driver, 180)
    long_wait.until(EC.text_to_be_present_in_element((By.ID, "run-state"), "SUCCEEDED"))
    long_wait.until(lambda d: all("state-succeeded" in n.get_attribute("class")
                                  for n in d.find_elements(By.CSS_SELECTOR, "#graph g.node")))
    result["run_state"] = driver.find_element(By.ID, "run-state").text
    result["node_states"] = {n.get_attribute("data-task-path"): n.find_element(By.CSS_SELECTOR, ".state-text").text.strip(" ·")
                             for n in driver.find_elements(By.CSS_SELECTOR, "#graph g.node")}
    result["run_parameters"] = {row.find_element(By.TAG_NAME, "th").text: row.find_element(By.TAG_NAME, "td").text
                                for row in driver.find_elements(By.CSS_SELECTOR, "#run-parameters tr")}
    driver.save_screenshot(os.path.join(shots, "run.png"))
    step("run succeeded")

    # 4. Open the merge task: CSV preview and log.
    driver.find_element(By.CSS_SELECTOR, "g.node[data-task-path='merge-csv']").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#task-panel table.csv")))
    result["task_name"] = driver.find_element(By.ID, "task-name").text
    result["csv_rows"] = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
                          for row in driver.find_elements(By.CSS_SELECTOR, "#task-panel table.csv tbody tr")][:3]
    result["csv_row_count"] = len(driver.find_elements(By.CSS_SELECTOR, "#task-panel table.csv tbody tr"))
    driver.save_screenshot(os.path.join(shots, "task.png"))
    driver.find_element(By.CSS_SELECTOR, "[data-tab=task-logs]").click()
    log = driver.find_element(By.ID, "task-log")
    result["log_visible"] = log.is_displayed()
    result["log_lines"] = [line for line in log.text.splitlines() if "Wrote executor output file" in line][:1]
    driver.find_element(By.CSS_SELECTOR, "[data-tab=task-details]").click()
    result["task_state"] = driver.find_element(By.ID, "task-state").text
    result["task_cache"] = driver.find_element(By.ID, "task-cache").text
    driver.save_screenshot(os.path.join(shots, "task-log.png"))
    step("task panel")

    # 5. A pipeline named like a script is shown as text; nothing runs.
    hostile = "<script>alert(1)</script>"
    upload(driver, wait, hostile)
    result["hostile_heading"] = driver.find_element(By.ID, "pipeline-name").text
    result["hostile_alert_on_details"] = alert_text(driver)
    driver.get(base + "/pipelines")
    result["hostile_alert_on_list"] = alert_text(driver)
    result["pipeline_list_names"] = sorted(a.text for a in driver.find_elements(By.CSS_SELECTOR, "a.pipeline-link"))
    result["script_elements"] = len(driver.find_elements(By.CSS_SELECTOR, "main script"))
    driver.save_screenshot(os.path.join(shots, "escaping.png"))
    step("escaping")

    # 6. A run created with the official client shows in the runs list with the API's state.
    import kfp

    client = kfp.Client(host=base)
    created = client.create_run_from_pipeline_package(
        pipeline_yaml, arguments={"url": tarball_url}, run_name="from kfp.Client", experiment_name="client-experiment")
    finished = client.wait_for_run_completion(created.run_id, timeout=180, sleep_duration=1)
    result["client_state"] = finished.state
    driver.get(base + "/runs")
    row = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "tr[data-run-id='%s']" % created.run_id)))
    result["client_row"] = {
        "name": row.find_element(By.CSS_SELECTOR, "a.run-link").text,
        "state": row.find_element(By.CSS_SELECTOR, ".state").text,
        "experiment": row.find_elements(By.TAG_NAME, "td")[4].text,
    }
    result["runs_listed"] = len(driver.find_elements(By.CSS_SELECTOR, "#run-list tr[data-run-id]"))
    step("client run listed")

    # 7. The form checks values by parameterType before anything is sent.
    pipeline_yaml = typed_yaml
    upload(driver, wait, "typed")
    driver.find_element(By.ID, "create-run").click()
    wait.until(EC.presence_of_element_located((By.ID, "run-form")))
    result["typed_defaults"] = {f.get_attribute("data-param"): f.find_element(By.CSS_SELECTOR, "input, select, textarea").get_attribute("value")
                                for f in driver.find_elements(By.CSS_SELECTOR, ".field[data-param]")}

    def fill(name, value):
        field = driver.find_element(By.ID, "param-" + name)
        field.clear()
        field.send_keys(value)

    fill("count", "12x")
    fill("ratio", "abc")
    fill("tags", "{\"a\": 1}")
    fill("options", "[1]")
    driver.find_element(By.ID, "start-run").click()
    result["typed_errors"] = {name: driver.find_element(By.ID, "error-" + name).text
                              for name in ["count", "ratio", "tags", "options", "text"]}
    result["still_on_form"] = "/runs/new" in driver.current_url
    fill("count", "42")
    fill("ratio", "2.5")
    fill("tags", "[\"x\", 2]")
    fill("options", "{\"k\": [true]}")
    fill("text", "<b>bold</b> & 'quotes'")
    driver.find_element(By.CSS_SELECTOR, "#param-flag option[value=false]").click()
    driver.find_element(By.ID, "start-run").click()
    wait.until(EC.url_matches(r"/runs/[0-9a-f-]{36}$"))
    result["typed_run_id"] = driver.current_url.rsplit("/", 1)[1]
    step("typed form")
finally:
    driver.quit()

sys.__stdout__.write(json.dumps(result) + "\n")
