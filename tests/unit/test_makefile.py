"""What the Makefile tells a newcomer (bug hunt "new"): `make help` lists every target the docs tell
them to run (it left out `lint` and `clean`, though README's Development section runs `make lint`),
and `make run` listens where ``HOST`` says (127.0.0.1 only, before: the live room's QR code could
not reach the room's phones). Read with `make -n`, which runs nothing."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.lan_address import usable

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "tutor-contrib-emm" / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")


def make(*args):
    # the caller's make (make test) passes its own variables down: not these
    env = {k: v for k, v in os.environ.items() if k not in {"HOST", "PORT", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    done = subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout


def test_make_help_lists_every_target_the_docs_run():
    listed = {line.split("\t")[0] for line in make("-s", "help").splitlines()}
    named = {target for doc in DOCS
             for target in re.findall(r"`(?:[A-Z_]+=\S+ )*make ([a-z][a-z0-9-]*)", doc.read_text("utf-8"))}
    assert {"lint", "clean"} <= listed
    assert named and named - listed == set(), f"run in the docs, missing from make help: {sorted(named - listed)}"


def test_make_run_listens_on_this_machine_only_unless_host_says_otherwise():
    assert "runserver --noreload 127.0.0.1:8000" in make("-n", "run")
    wide = make("-n", "run", "HOST=0.0.0.0", "PORT=8001")
    assert "runserver --noreload 0.0.0.0:8001" in wide
    # and it says where to open the facilitator's page, so that the QR code reaches the phones
    assert "scripts/lan_address.py" in wide and "open the facilitator's page at http://" in wide


def test_the_address_said_is_one_another_machine_can_reach():
    assert usable("192.168.1.20") and usable("10.0.0.7")
    assert not any(usable(a) for a in ("127.0.0.1", "127.0.1.1", "169.254.3.4", "0.0.0.0", "", "::1", "fe80::1"))
