"""(Bug hunt s43.) docs/versions.md: "the test stacks stay at the releases' pins, never above", and it lists the
pins (Ulmo: Django 5.2.11; Verawood when cut: Django 5.2.12). constraints/*.txt are what the test
stacks install (Makefile: ``pip install -c constraints/<release>.txt -e '.[dev]'``)."""

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def constraint(stack, name):
    for line in (ROOT / "constraints" / f"{stack}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and Requirement(line).name.lower() == name.lower():
            return Requirement(line).specifier
    return None


def doc_pin(era, name):
    text = " ".join((ROOT / "docs" / "versions.md").read_text(encoding="utf-8").split())
    sentence = text.split(era, 1)[1].split(";", 1)[0] if era == "the Ulmo-era pins" else text.split(era, 1)[1]
    return re.search(rf"{name} (\d+\.\d+\.\d+)", sentence).group(1)


@pytest.mark.parametrize("stack, era", [("ulmo", "the Ulmo-era pins"), ("verawood", "the pins when Verawood was cut")])
def test_the_test_stack_never_installs_a_django_above_the_release_pin(stack, era):
    pinned = doc_pin(era, "Django")
    major, minor, patch = (int(p) for p in pinned.split("."))
    above = f"{major}.{minor}.{patch + 1}"
    spec = constraint(stack, "Django")
    assert spec is not None and not spec.contains(above), (
        f"constraints/{stack}.txt lets Django {above} (PyPI: 5.2.20) in, above the release's {pinned}: {spec}")
