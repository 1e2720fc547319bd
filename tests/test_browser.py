"""The HTML report as a web page in headless Chromium: charts load, no console errors, a screenshot."""

import base64
import os
import shutil
import subprocess
import tempfile

import pytest
import requests

from analysis.run.report import run_report

from .conftest import ROOT
from .servers import DevTools, free_port, stop, wait_for

pytestmark = pytest.mark.slow  # (starts JupyterLab, Chromium or notebook kernels: `pytest -m "not slow"` leaves it out)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs Debian's chromium before the tests")
    pytest.skip("no chromium on this machine (CI installs it)", allow_module_level=True)

REPORTS = ROOT / "reports"
CHECK_IMAGES = """(() => {
  const images = Array.from(document.images).map(i => ({src: i.src.slice(0, 60), ok: i.complete && i.naturalWidth > 0}));
  const svgs = Array.from(document.querySelectorAll('svg')).map(s => s.getBoundingClientRect().width > 0);
  return JSON.stringify({images, svgs});
})()"""


@pytest.fixture(scope="module")
def browser():
    assert run_report(seeds=ROOT / "seeds", out=REPORTS, figures_dir=ROOT / "figures") == 0
    port = free_port()
    profile = tempfile.mkdtemp(prefix="vnus-chromium-")
    process = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
         "--remote-allow-origins=*", "--allow-file-access-from-files", "--window-size=1280,1600", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/json/version", seconds=60)
        yield port
    finally:
        stop(process)
        shutil.rmtree(profile, ignore_errors=True)


def open_page(port: int, page: str, screenshot: str):
    import json

    target = requests.put(f"http://127.0.0.1:{port}/json/new?about:blank", timeout=30).json()
    tools = DevTools(target["webSocketDebuggerUrl"])
    try:
        for domain in ("Page", "Runtime", "Log"):
            tools.send(f"{domain}.enable")
        tools.send("Page.navigate", url=(REPORTS / page).as_uri())
        tools.wait_event("Page.loadEventFired", seconds=60)
        state = json.loads(tools.send("Runtime.evaluate", expression=CHECK_IMAGES, returnByValue=True)["result"]["value"])
        shot = tools.send("Page.captureScreenshot", format="png")
        (REPORTS / screenshot).write_bytes(base64.b64decode(shot["data"]))
        errors = [e for e in tools.events if e.get("method") == "Runtime.exceptionThrown"
                  or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
                  or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")]
        return state, errors
    finally:
        tools.close()


def test_index_page_charts_load_without_errors(browser):
    state, errors = open_page(browser, "index.html", "screenshot-index.png")
    assert len(state["images"]) == 6 and all(image["ok"] for image in state["images"]), state
    assert errors == []
    assert (REPORTS / "screenshot-index.png").stat().st_size > 10_000


def test_notebook_page_charts_render_without_errors(browser):
    state, errors = open_page(browser, "02_trade_and_investment.html", "screenshot-trade-and-investment.png")
    # the five charts, embedded as SVG images
    assert len(state["images"]) == 5 and all(image["ok"] and image["src"].startswith("data:image/svg") for image in state["images"]), state
    assert errors == []


RENDERED_IN_LAB = """(() => {
  const images = Array.from(document.querySelectorAll('.jp-RenderedImage img'));
  return JSON.stringify(images.map(i => ({png: i.src.startsWith('data:image/png'), ok: i.complete && i.naturalWidth > 0})));
})()"""


def test_charts_render_in_jupyterlab_without_trusting_the_notebook(browser, tmp_path):
    """The stored notebook opened in JupyterLab as it ships: its charts show (as PNG), with no
    kernel run and no trust given."""
    import time
    import uuid

    from .test_jupyterlab import start_lab

    token = uuid.uuid4().hex
    with start_lab(tmp_path, token) as base:
        target = requests.put(f"http://127.0.0.1:{browser}/json/new?about:blank", timeout=30).json()
        tools = DevTools(target["webSocketDebuggerUrl"])
        try:
            tools.send("Page.enable")
            tools.send("Runtime.enable")
            tools.send("Page.navigate", url=f"{base}/lab/tree/02_trade_and_investment.ipynb?token={token}")
            deadline, images = time.monotonic() + 90, []
            while time.monotonic() < deadline:
                value = tools.send("Runtime.evaluate", expression=RENDERED_IN_LAB, returnByValue=True)["result"].get("value")
                images = __import__("json").loads(value or "[]")
                if len(images) >= 5 and all(i["ok"] for i in images):
                    break
                time.sleep(1)
        finally:
            tools.close()
    assert len(images) >= 5 and all(i["ok"] and i["png"] for i in images), images
