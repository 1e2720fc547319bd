"""JupyterLab serves the notebooks and a kernel runs one of them end to end, over the REST API."""

import contextlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
import websocket

from .conftest import ROOT
from .servers import free_port, stop, wait_for

pytestmark = pytest.mark.slow  # (starts JupyterLab, Chromium or notebook kernels: `pytest -m "not slow"` leaves it out)

TOKEN = uuid.uuid4().hex


@contextlib.contextmanager
def start_lab(home: Path, token: str):
    """JupyterLab on the notebooks, on loopback with ``token``; yields its base URL."""
    port = free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "JUPYTER_CONFIG_DIR": str(home / "config")}
    process = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--allow-root",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT / 'notebooks'}", "--ServerApp.port_retries=0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/api/status", headers={"Authorization": f"token {token}"})
        yield base
    finally:
        stop(process)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with start_lab(tmp_path_factory.mktemp("lab-home"), TOKEN) as base:
        yield base


def api(base, method, path, **kwargs):
    response = requests.request(method, f"{base}{path}", headers={"Authorization": f"token {TOKEN}"}, timeout=30, **kwargs)
    response.raise_for_status()
    return response.json() if response.content else None


def test_lab_serves_the_notebooks(lab):
    names = sorted(item["name"] for item in api(lab, "GET", "/api/contents")["content"])
    assert {"01_figures.ipynb", "02_trade_and_investment.ipynb", "03_timeline.ipynb"} <= set(names)
    page = requests.get(f"{lab}/lab?token={TOKEN}", timeout=30)
    assert page.status_code == 200 and "JupyterLab" in page.text
    assert requests.get(f"{lab}/api/contents", timeout=30).status_code == 403  # the token is required


def test_a_kernel_runs_a_notebook_end_to_end(lab):
    notebook = api(lab, "GET", "/api/contents/01_figures.ipynb")["content"]
    session = api(lab, "POST", "/api/sessions", json={"path": "01_figures.ipynb", "type": "notebook", "kernel": {"name": "python3"}})
    kernel = session["kernel"]["id"]
    channel = websocket.create_connection(f"{lab.replace('http', 'ws')}/api/kernels/{kernel}/channels?token={TOKEN}", timeout=120)
    try:
        results = []
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            msg_id = uuid.uuid4().hex
            channel.send(json.dumps({
                "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": "".join(cell["source"]), "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False},
            }))
            while True:
                message = json.loads(channel.recv())
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if message["msg_type"] == "execute_result":
                    results.append(message["content"]["data"])
                if message["msg_type"] == "execute_reply":
                    assert message["content"]["status"] == "ok", message["content"]
                    break
    finally:
        channel.close()
        api(lab, "DELETE", f"/api/sessions/{session['id']}")
    tables = [r["text/html"] for r in results if "text/html" in r]
    assert any("15800000000" in table for table in tables)  # the January 2026 trade total, computed live
