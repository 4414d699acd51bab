"""What the Makefile tells a newcomer (bug hunt "new"): `make help` lists every target the docs tell
them to run (it left out `lint` and `clean`, though README's Development section runs `make lint`)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

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

