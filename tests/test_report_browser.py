"""The HTML report in a real browser (headless Chromium through chromedriver and selenium).

Skipped when chromium, chromedriver or selenium is missing (.ci/run installs them). Set
SEEDLINT_SCREENSHOTS=DIR to keep the screenshots."""

import os
import shutil
import tempfile

import pytest

from lint.cli import main

webdriver = pytest.importorskip("selenium.webdriver")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="headless chromium/chromedriver not installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2000"]


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="seedlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _screenshot(driver, tmp_path, name):
    path = tmp_path / name
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000
    keep = os.environ.get("SEEDLINT_SCREENSHOTS")
    if keep:
        os.makedirs(keep, exist_ok=True)
        shutil.copy(path, os.path.join(keep, name))


def test_seeds_report_shows_every_finding_and_hover_explains(browser, tmp_path, root):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    out = tmp_path / "report.html"
    main(["--isolated", "--output-format", "html", "-o", str(out), str(root / "seeds")])
    browser.get(out.as_uri())
    assert browser.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
    n = browser.execute_script("return JSON.parse(document.getElementById('sl-data').textContent).length")
    assert n > 0
    # every finding has at least one highlight in the DOM, and a line in its document's list
    missing = browser.execute_script(
        "var n=arguments[0],out=[];for(var i=0;i<n;i++){"
        "if(!document.querySelector('mark[data-f~=\"'+i+'\"]')||!document.querySelector('li[data-f=\"'+i+'\"]'))"
        "out.push(i);}return out;", n)
    assert missing == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    mark = browser.find_element(By.CSS_SELECTOR, "details[open] mark.fx")
    browser.execute_script("arguments[0].scrollIntoView({block:'center'})", mark)
    ActionChains(browser).move_to_element(mark).perform()
    tip = browser.find_element(By.ID, "sl-tip")
    assert tip.is_displayed() and "fix: " in tip.text
    first = int(mark.get_attribute("data-f").split()[0])
    message = browser.execute_script(
        "return JSON.parse(document.getElementById('sl-data').textContent)[arguments[0]].m", first)
    assert message in tip.text
    _screenshot(browser, tmp_path, "report-hover.png")
    browser.execute_script("window.scrollTo(0,0)")
    _screenshot(browser, tmp_path, "report-top.png")
    # unticking a category takes its highlights away
    browser.find_element(By.CSS_SELECTOR, "label.chip input[data-cat='artefact'] + i").click()
    assert "hide-artefact" in browser.find_element(By.TAG_NAME, "body").get_attribute("class")


def test_hostile_document_runs_no_script(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    from test_report import HOSTILE

    doc = tmp_path / "hostile.txt"
    doc.write_text(HOSTILE + "<iframe src=\"javascript:alert(7)\"></iframe>\n"
                   "<body onload=\"window.__pwned=8\"><a href=\"javascript:window.__pwned=9\">x</a>\n",
                   encoding="utf-8")
    out = tmp_path / "hostile.html"
    main(["--isolated", "--output-format", "html", "-o", str(out), str(doc)])
    browser.get(out.as_uri())
    assert browser.execute_script("return document.documentElement.getAttribute('data-ready')") == "1"
    assert browser.execute_script("return window.__pwned === undefined")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.find_elements(By.CSS_SELECTOR, "img, iframe, svg[onload], a[href^='javascript']") == []
    text = browser.find_element(By.CSS_SELECTOR, "pre.text").text
    assert "<script>window.__pwned = 1</script>" in text
    _screenshot(browser, tmp_path, "report-hostile.png")
