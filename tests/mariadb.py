"""A private MariaDB server for the tests (Debian's ``mariadb-server``), and its pytest fixtures.

With ``EMM_DB=mysql`` the workbench settings point Django at the unix socket of this server; the
session fixture starts it when nothing answers there and stops it (by the PID it wrote) at the
end. Its data folder, socket, PID file and log are under ``var/mysql/`` of the working folder;
it listens on no TCP port. Without the server (or mysqlclient) the MariaDB tests are skipped with
the reason, except under ``CI=true``, where that fails the run.

``bench/store.py`` uses ``start`` and ``stop`` too.
"""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

_children = {}  # PID -> Popen of the servers this process started
APT = "apt-get install mariadb-server default-libmysqlclient-dev pkg-config"


def using_mysql():
    return os.environ.get("EMM_DB") == "mysql"


def socket_path():
    from django.conf import settings

    return Path(settings.DATABASES["default"]["HOST"])


def _binary(name):
    return shutil.which(name) or next((str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name)
                                       if p.exists()), None)


def missing():
    """Why the server cannot run here, or None."""
    if _binary("mariadbd") is None or _binary("mariadb-install-db") is None:
        return f"the MariaDB server is not installed (Debian: {APT})"
    try:
        import MySQLdb  # noqa: F401
    except ImportError:
        return f"mysqlclient is not installed (pip install mysqlclient; Debian: {APT})"
    return None


def answers(sock):
    import MySQLdb

    try:
        MySQLdb.connect(unix_socket=str(sock), user="root", connect_timeout=2).close()
        return True
    except MySQLdb.Error:
        return False


def start(sock):
    """Start a server on ``sock`` (data beside it); return its PID, or None if one already answers."""
    if answers(sock):
        return None
    base = sock.parent
    data = base / "data"
    base.mkdir(parents=True, exist_ok=True)
    root = ["--user=root"] if os.geteuid() == 0 else []
    if not (data / "mysql").exists():
        subprocess.run([_binary("mariadb-install-db"), "--no-defaults", f"--datadir={data}",
                        "--auth-root-authentication-method=normal", "--skip-test-db", *root],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    pid_file = base / "mariadbd.pid"
    child = subprocess.Popen(
        [_binary("mariadbd"), "--no-defaults", f"--datadir={data}", f"--socket={sock}",
         f"--pid-file={pid_file}", f"--log-error={base / 'error.log'}", "--skip-networking",
         "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
         "--innodb-buffer-pool-size=256M", "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin",
         "--max-connections=300", *root],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if pid_file.exists() and answers(sock):
            _children[child.pid] = child
            return child.pid
        if child.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError(f"MariaDB did not start: see {base / 'error.log'}")


def stop(pid):
    """Stop the server this module started, by its PID, and wait until it is gone."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    child = _children.pop(pid, None)
    if child is not None:
        child.wait(timeout=60)
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.1)


@pytest.fixture(scope="session")
def mariadb_server():
    """The server's socket while the session runs on MySQL; None on SQLite."""
    if not using_mysql():
        yield None
        return
    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"EMM_DB=mysql under CI, but {reason}", pytrace=False)
        pytest.skip(f"MariaDB tests skipped: {reason}")
    sock = socket_path()
    pid = start(sock)
    yield sock
    if pid is not None:
        from django.db import connections

        connections.close_all()
        stop(pid)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, mariadb_server):
    """Start the server before pytest-django creates the test database on it."""

