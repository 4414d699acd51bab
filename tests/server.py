"""Start the real workbench (``runserver``) on a free port with its own SQLite file."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_workbench(folder):
    """Yield the base URL of a workbench served from ``folder`` (its var/ and database)."""
    folder = Path(folder)
    (folder / "var").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="emm_xblocks.workbench.settings",
               EMM_WORKBENCH_DB=str(folder / "var" / "workbench.db"), PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "django", "migrate", "--run-syncdb", "-v", "0"],
                   cwd=folder, env=env, check=True)
    port = free_port()
    log = open(folder / "server.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "django", "runserver", "--noreload", f"127.0.0.1:{port}"],
                              cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(base + "/", timeout=30)
                break
            except requests.RequestException:
                time.sleep(0.3)
        else:
            raise RuntimeError("the workbench did not start: " + (folder / "server.log").read_text())
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def session_for(base, scenario_url):
    """A requests session holding the csrftoken cookie the page sets, like a browser."""
    session = requests.Session()
    session.get(base + scenario_url, timeout=30)
    session.headers["X-CSRFToken"] = session.cookies.get("csrftoken", "")
    session.headers["Referer"] = base + scenario_url
    return session
