"""Load time of a KFP web UI page in headless Chromium, for ServerBenchmark's section (4).

Opens URL --loads times in one headless Chromium (Selenium + chromedriver) and prints, as JSON,
the p50 and max (nearest rank) of three Navigation Timing figures in milliseconds:
  response_ms             responseEnd - requestStart (the server's answer, as the browser saw it)
  dom_content_loaded_ms   domContentLoadedEventEnd - startTime (the HTML parsed, scripts run)
  load_ms                 loadEventEnd - startTime (the page and its style sheet and script loaded)
and the number of graph nodes (`#graph [data-task-path]`) on the last load.

  python ui_page_timing.py http://127.0.0.1:8888/runs/<id> [--loads 10]
"""

import argparse
import json
import math
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

NAVIGATION = "return performance.getEntriesByType('navigation')[0].toJSON();"
NODES = "return document.querySelectorAll('#graph [data-task-path]').length;"


def percentile(values, fraction):
    ordered = sorted(values)
    rank = math.ceil(fraction * len(ordered))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def spread(values):
    return {"p50": round(percentile(values, 0.5), 2), "max": round(max(values), 2)}


def navigation_entry(driver, timeout=30.0):
    """The page's navigation entry once its load event has ended."""
    deadline = time.monotonic() + timeout
    while True:
        entry = driver.execute_script(NAVIGATION)
        if entry and entry.get("loadEventEnd", 0) > 0:
            return entry
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not finish loading in {timeout} s")
        time.sleep(0.02)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    arguments = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = arguments.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=arguments.chromedriver), options=options)
    try:
        driver.set_page_load_timeout(60)
        response, content_loaded, load = [], [], []
        for _ in range(arguments.loads):
            driver.get(arguments.url)
            entry = navigation_entry(driver)
            response.append(entry["responseEnd"] - entry["requestStart"])
            content_loaded.append(entry["domContentLoadedEventEnd"] - entry["startTime"])
            load.append(entry["loadEventEnd"] - entry["startTime"])
        nodes = driver.execute_script(NODES)
        browser = f"{driver.capabilities.get('browserName', 'chrome')} {driver.capabilities.get('browserVersion', '')}".strip()
    finally:
        driver.quit()

    json.dump(
        {
            "loads": arguments.loads,
            "nodes": nodes,
            "browser": browser,
            "response_ms": spread(response),
            "dom_content_loaded_ms": spread(content_loaded),
            "load_ms": spread(load),
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
