"""Start the real workbench (``runserver``) on a free port, on the database the settings name.

SQLite: its own file under the folder's ``var/``. MySQL/MariaDB (``EMM_DB=mysql``): its own
database on the test server (``tests/mariadb.py``), dropped afterwards. Extra scenarios (OLX) are
registered in the server process before it serves, as the workbench registers its demos.
"""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent

# registers the scenarios given in EMM_EXTRA_SCENARIOS (JSON {name: xml}), then runs runserver in
# this same process (--noreload), so the scenarios stay registered
LAUNCHER = """
import copy, json, os, sys
from django.conf import settings
# a request answered 500 leaves its traceback in server.log (Database.server_errors), where
# xblock-sdk's rotating var/workbench.log, full of SQL, may have rotated it away by the end. In the
# LOGGING setting, not added to the logger: each django.setup() applies LOGGING again (dictConfig
# replaces a configured logger's handlers), and runserver's get_wsgi_application runs one more
logging = copy.deepcopy(settings.LOGGING)
logging.setdefault("handlers", {})["emm_server_errors"] = {"class": "logging.StreamHandler", "level": "ERROR",
                                                           "stream": "ext://sys.stderr"}
request = logging.setdefault("loggers", {}).setdefault("django.request", {"level": "ERROR"})
request.setdefault("handlers", []).append("emm_server_errors")
settings.LOGGING = logging
import django
django.setup()
from workbench import scenarios
for name, xml in json.loads(os.environ.get("EMM_EXTRA_SCENARIOS", "{}")).items():
    scenarios.add_xml_scenario(name, name, xml)
from django.core.management import execute_from_command_line
execute_from_command_line(["django", "runserver", "--noreload", sys.argv[1]])
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def state_key_sql(mysql):
    """The ``CREATE UNIQUE INDEX`` of ``Database.add_state_key``: one xblock-sdk ``XBlockState`` row
    per (scope, block, user), as the LMS's ``StudentModule`` has one per (student, block, course)."""
    columns = ("scope(50), scope_id(255), user_id(150), scenario(150), tag(50)" if mysql
               else "scope, scope_id, user_id, scenario, tag")
    return f"CREATE UNIQUE INDEX {STATE_KEY} ON workbench_xblockstate ({columns})"


STATE_KEY = "emm_test_state_once"


class Database:
    """The workbench's database, read from the test (counts, never through the server)."""

    def __init__(self, folder):
        from django.conf import settings

        self.log = Path(folder) / "server.log"
        self.mysql = settings.DATABASES["default"]["ENGINE"].endswith("mysql")
        if self.mysql:
            self.socket = settings.DATABASES["default"]["HOST"]
            self.name = f"emm_server_{uuid.uuid4().hex[:12]}"
            self.env = {"EMM_DB": "mysql", "EMM_DB_SOCKET": self.socket, "EMM_DB_NAME": self.name}
        else:
            self.path = Path(folder) / "var" / "workbench.db"
            self.env = {"EMM_DB": "sqlite", "EMM_WORKBENCH_DB": str(self.path)}

    def server_errors(self, most=6000):
        """The tracebacks of the requests the server answered 500 (the end of them, ``most``
        characters), for a failing test's message: "" when there was none."""
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        start = text.find("Internal Server Error")
        return text[start:][-most:] if start >= 0 else ""

    def _connect(self, database=None):
        if self.mysql:
            import MySQLdb

            return MySQLdb.connect(unix_socket=self.socket, user="root", charset="utf8mb4",
                                   **({"database": database} if database else {}))
        import sqlite3

        return sqlite3.connect(self.path)

    def create(self):
        if self.mysql:
            with self._connect() as db:
                db.cursor().execute(f"CREATE DATABASE `{self.name}` CHARACTER SET utf8mb4")

    def drop(self):
        if self.mysql:
            with self._connect() as db:
                db.cursor().execute(f"DROP DATABASE IF EXISTS `{self.name}`")

    def add_state_key(self):
        """One learner-state row per (scope, block, user), as the LMS's StudentModule has
        (``unique_together = (student, module_state_key, course_id)`` in
        lms/djangoapps/courseware/models.py): xblock-sdk's ``XBlockState`` (workbench/models.py) has
        none, so two first saves of one learner's state at once would leave two rows there and every
        later request of that learner would fail. With the key, its ``get_or_create`` behaves as the
        LMS's does: the second insert fails and the row the first one made is read."""
        db = self._connect(self.name if self.mysql else None)
        try:
            db.cursor().execute(state_key_sql(self.mysql))
            db.commit()
        finally:
            db.close()

    def query(self, sql, params=()):
        """Rows of ``sql`` (``%s`` placeholders on every database)."""
        db = self._connect(self.name if self.mysql else None)
        try:
            cursor = db.cursor()
            cursor.execute(sql if self.mysql else sql.replace("%s", "?"), params)
            return cursor.fetchall()
        finally:
            db.close()


@contextmanager
def running_workbench(folder, scenarios=None):
    """Yield ``(base URL, Database)`` of a workbench served from ``folder`` (its var/)."""
    folder = Path(folder)
    (folder / "var").mkdir(parents=True, exist_ok=True)
    database = Database(folder)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="emm_xblocks.workbench.settings", PYTHONPATH=str(ROOT),
               EMM_EXTRA_SCENARIOS=json.dumps(scenarios or {}), **database.env)
    database.create()
    port = free_port()
    log = open(folder / "server.log", "w")
    server = None
    try:
        subprocess.run([sys.executable, "-m", "django", "migrate", "--run-syncdb", "-v", "0"],
                       cwd=folder, env=env, check=True)
        database.add_state_key()
        server = subprocess.Popen([sys.executable, "-c", LAUNCHER, f"127.0.0.1:{port}"],
                                  cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(base + "/", timeout=30)
                break
            except requests.RequestException:
                time.sleep(0.3)
        else:
            raise RuntimeError("the workbench did not start: " + (folder / "server.log").read_text())
        yield base, database
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        log.close()
        database.drop()


def session_for(base, scenario_url):
    """A requests session holding the csrftoken cookie the page sets, like a browser."""
    session = requests.Session()
    session.get(base + scenario_url, timeout=30)
    session.headers["X-CSRFToken"] = session.cookies.get("csrftoken", "")
    session.headers["Referer"] = base + scenario_url
    return session
