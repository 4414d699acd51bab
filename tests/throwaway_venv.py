"""Throw-away virtualenvs under ``var/`` for tests that need a tool the test venvs must not hold
(Tutor and its plugin): ``venv_with(name, requirements, key_files)`` -> the venv's folder.

A venv is built once per key (the requirements and the contents of ``key_files``: change one and a
new venv is built) and kept as ``var/<name>-<key>/`` with ``.installed`` written last, so a later
run reuses it. Never one of the test venvs (``.venv``, ``.venv312``).

When the install fails (no network, no index): the test is skipped with pip's last lines as the
reason, except under ``CI=true``, where it fails.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _key(requirements, key_files):
    digest = hashlib.sha256("\n".join(requirements).encode())
    for path in sorted(key_files):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]


def unavailable(reason):
    """Skip with ``reason`` here; fail under CI, where every tool must be installable."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: this must work in CI)", pytrace=False)
    pytest.skip(reason)


def clean_env():
    """The environment for a venv's commands: no PYTHONPATH pointing at a checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def venv_with(name, requirements, key_files=()):
    """A venv under ``var/`` holding ``requirements`` (pip arguments, e.g. ``-e path``)."""
    venv = ROOT / "var" / f"{name}-{_key(requirements, key_files)}"
    if (venv / ".installed").exists():
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    result = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                             "--disable-pip-version-check", *requirements],
                            capture_output=True, text=True, env=clean_env())
    if result.returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        tail = " | ".join((result.stderr or result.stdout).strip().splitlines()[-3:])
        unavailable(f"could not pip install {' '.join(requirements)} into {venv.name}: {tail}")
    (venv / ".installed").write_text("\n".join(requirements) + "\n")
    return venv
