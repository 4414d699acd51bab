"""What the benchmark scripts share (``bench/*.py`` import it; run from the repository root).

* ``workbench_db(name)``: a throw-away SQLite workbench database, ``var/bench/<name>.db``, made
  fresh, with Django set up and the tables migrated (``run.py``, ``live.py``). Call it before
  importing anything that needs Django's settings.
* ``line(label, value)``: one printed figure, label padded to 58 characters.
* ``servers(database, sqlite_name)``: a context manager giving ``(envs, why_not)``: the
  environments of a child process on SQLite (``var/<sqlite_name>``, removed on leaving) and, when
  ``tests/mariadb.py`` can run its private server, on MariaDB (database ``database``, created
  empty; the server is stopped on leaving). ``why_not`` is
  the reason MariaDB is left out, or None (``report.py``, ``store.py``).
* ``child(script, mode, env)``: run ``script mode`` in a fresh Python with ``env`` and return the
  JSON its last printed line holds.
* ``timed(fn, repeat=5)``: the median time of ``repeat`` calls of ``fn``, in milliseconds.
* ``server_name(connection)``: ``"SQLite 3.40.1"`` / ``"MariaDB 10.11.6"``, what a child reports.
* ``table(title, why_not, rows, results, column)``: print the title, why MariaDB is left out (if
  it is), then the server's name and ``rows`` (label, cell function) as one column per server.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"


def workbench_db(name):
    sys.path.insert(0, str(ROOT))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db_file = BENCH_DIR / f"{name}.db"
    db_file.unlink(missing_ok=True)
    os.environ["EMM_WORKBENCH_DB"] = str(db_file)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emm_xblocks.workbench.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)


def line(label, value):
    print(f"  {label:<58} {value}")


@contextmanager
def servers(database, sqlite_name):
    sys.path.insert(0, str(ROOT))
    base = dict(os.environ, DJANGO_SETTINGS_MODULE="emm_xblocks.workbench.settings", PYTHONPATH=str(ROOT))
    (ROOT / "var").mkdir(exist_ok=True)
    sqlite_file = ROOT / "var" / sqlite_name
    sqlite_file.unlink(missing_ok=True)
    envs = {"SQLite": dict(base, EMM_DB="sqlite", EMM_WORKBENCH_DB=str(sqlite_file))}

    from tests import mariadb

    why_not = mariadb.missing()
    pid = None
    if why_not is None:
        import MySQLdb

        sock = ROOT / "var" / "mysql" / "mysqld.sock"
        pid = mariadb.start(sock)
        with MySQLdb.connect(unix_socket=str(sock), user="root") as db:
            db.cursor().execute(f"DROP DATABASE IF EXISTS {database}")
            db.cursor().execute(f"CREATE DATABASE {database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        envs["MariaDB"] = dict(base, EMM_DB="mysql", EMM_DB_SOCKET=str(sock), EMM_DB_NAME=database,
                               EMM_DB_ISOLATION="read committed")
    try:
        yield envs, why_not
    finally:
        if pid is not None:
            mariadb.stop(pid)
        sqlite_file.unlink(missing_ok=True)


def child(script, mode, env):
    out = subprocess.run([sys.executable, script, mode], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(fn, repeat=5):
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def server_name(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT VERSION()" if connection.vendor == "mysql" else "SELECT sqlite_version()")
        version = cursor.fetchone()[0].split("-")[0]
    return ("MariaDB " if connection.vendor == "mysql" else "SQLite ") + version


def table(title, why_not, rows, results, column):
    print(f"\n{title}")
    if why_not:
        print(f"  (MariaDB left out: {why_not})")
    rows = [("server", lambda r: r["server"]), *rows]
    names = list(results)
    width = max(len(label) for label, _ in rows) + 2
    print(" " * width + "".join(f"{n:<{column}}" for n in names))
    for label, cell in rows:
        print(f"{label:<{width}}" + "".join(f"{cell(results[n]):<{column}}" for n in names))
