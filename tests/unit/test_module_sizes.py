"""Every module of the package and every script the pages load stays within 400 lines
(STYLE.md: one concern per module, "each well under 400 lines"); the catalogues
(``static/js/i18n``) and the minified copies (``static/min``) are generated, not read."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400


def test_no_module_nor_script_is_longer_than_the_limit():
    files = [*ROOT.joinpath("emm_xblocks").rglob("*.py"), *ROOT.joinpath("static", "js").glob("*.js")]
    assert len(files) > 100  # the package and its scripts were found
    lines = {str(f.relative_to(ROOT)): len(f.read_text(encoding="utf-8").splitlines()) for f in files}
    assert {name: n for name, n in lines.items() if n > LIMIT} == {}
