"""The built wheel, installed in a clean virtualenv, carries static/ and translations/."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_serves_resources_and_renders_french(tmp_path):
    dist = tmp_path / "dist"
    # as `make wheel` builds it: setuptools copies build/lib as it finds it, so a file an earlier
    # build left there would ship again (admin trial s31)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("emm_xblocks-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("emm_xblocks/static/js/emm-likert.js", "emm_xblocks/static/min/js/emm-likert.js",
                     "emm_xblocks/static/min/js/i18n/fr-likert.js", "emm_xblocks/static/min/css/emm-common.css",
                     "emm_xblocks/translations/fr/LC_MESSAGES/text.mo",
                     "emm_xblocks/templates/likert/studio.html", "emm_xblocks/migrations/0001_initial.py"):
        assert expected in names
    assert not any(n.startswith(("tests/", "static/", "translations/")) for n in names)
    # every shipped language's compiled catalogue, not the sources an install never reads (850 KB)
    for language in ("fr", "es", "ar"):
        assert f"emm_xblocks/translations/{language}/LC_MESSAGES/text.mo" in names
    assert not [n for n in names if n.endswith((".po", ".pot"))]
    # the AGPL's text travels with the package into an admin's image: in .dist-info/licenses/ from
    # setuptools 77 on (what `build` installs), in .dist-info/ itself before (Tutor 21's 69.1.1)
    [licence] = [n for n in names if n.endswith((".dist-info/licenses/LICENSE", ".dist-info/LICENSE"))]
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in zipfile.ZipFile(wheel).read(licence).decode("utf-8")
    # and the metadata says which licence: by its classifier, which every setuptools the package
    # builds with reads (no PEP 639 License-Expression: it needs setuptools 77, bug hunt s44)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert ("Classifier: License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)"
            in metadata.splitlines()), metadata[:2000]
    assert "License-File: LICENSE" in metadata.splitlines()
    # install and check the wheel itself, never a checkout a PYTHONPATH points to
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    constraints = ROOT / "constraints" / ("ulmo.txt" if sys.version_info < (3, 12) else "verawood.txt")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-c", str(constraints),
                    str(wheel)], check=True, env=env)
    result = subprocess.run([str(py), str(ROOT / "tests" / "wheel_check.py")], cwd=tmp_path,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["french"] and report["djangoapp"] and report["resources"] == "served"
