"""The offline HTML page: its bytes (self-contained, deterministic) and the keys it carries.

The page's behaviour in a real browser is tested in ``test_html_browser.py``.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.cli import app
from vnterms.formats import render
from vnterms.formats.html import page_data, render_page
from vnterms.model import Concept, Glossary, Term
from vnterms.store import read_glossary

ROOT = Path(__file__).parent.parent
URL = re.compile(r"https?://[^\s\"'<>\\]+")


@pytest.fixture(scope="module")
def page() -> str:
    return render("html", read_glossary(ROOT / "glossary")).decode("utf-8")


def _build_in_process(out: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "vnterms", "build", "-o", str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True)  # fmt: skip
    return (out / "vnterms.html").read_bytes()


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    # separate processes with other string hashes, so that no set order can leak into the page
    first = _build_in_process(tmp_path / "a", "1")
    assert first == _build_in_process(tmp_path / "b", "2")
    assert first == (ROOT / "locales" / "vnterms.html").read_bytes()


def test_the_only_web_addresses_are_the_glossarys_sources(page: str) -> None:
    glossary = read_glossary(ROOT / "glossary")
    sources = {url for c in glossary for url in c.sources}
    sources |= {url for c in glossary for t in c.terms for url in t.sources}
    found = set(URL.findall(page))
    assert "https://www.un.org/securitycouncil/" in found
    assert found <= sources


def test_the_page_refers_to_no_other_file(page: str) -> None:
    # the one reference is the empty data: icon, which keeps browsers from asking for one;
    # the glossary's data, which may quote a source's "&action=", is no markup
    markup = re.sub(r'(<script type="application/json"[^>]*>).*?(</script>)', r"\1\2", page,
                    flags=re.DOTALL)  # fmt: skip
    assert re.findall(r"""\b(?:src|href|action|srcset)\s*=\s*["']?([^"'\s>]*)""", markup) == [
        "data:,"
    ]
    assert "@import" not in page and "url(" not in page


def test_the_policy_allows_exactly_the_inline_style_and_script(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert policy.group(1).startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe-inline" not in policy.group(1)


def test_each_term_carries_its_keys_in_both_tone_styles() -> None:
    glossary = Glossary([Concept("peace", "goal", [
        Term("Peace", "en", "full", "preferred"),
        Term("Ủy ban Hòa bình", "vi", "full", "preferred", sources=["https://example.org/a"]),
        Term("U.N.", "en", "abbreviation", "admitted"),
    ])])  # fmt: skip
    [concept] = page_data(glossary)["concepts"]
    assert concept[:7] == ["peace", 12, 0, None, None, None, []]
    assert concept[7] == [
        ["Peace", "en", 0, 0, None, [], "peace", "", [""]],
        ["Ủy ban Hòa bình", "vi", 0, 0, None, ["https://example.org/a"], "uy ban hoa binh", "",
         ["ủy ban hòa bình", "uỷ ban hoà bình"]],  # the diacritic key first
        ["U.N.", "en", 2, 1, None, [], "u n", "", ["", "u.n."]],
    ]  # fmt: skip


def test_the_fold_table_folds_as_python_does() -> None:
    table = {start: values for start, values in page_data(Glossary())["fold"]}
    latin = table[0x80]
    assert latin[ord("Đ") - 0x80] == "d" and latin[ord("ß") - 0x80] == "ss"
    assert latin[ord("\u00a0") - 0x80] == " " and latin[ord("\u00ad") - 0x80] == ""
    assert table[0x1DC0][ord("ệ") - 0x1DC0] == "e"
    assert table[0x2000][ord("’") - 0x2000] == " " and table[0x2000][ord("\u200b") - 0x2000] == ""


def test_text_of_the_glossary_cannot_end_the_script_or_fill_a_placeholder() -> None:
    note = "</script><script>alert(1)</script> {{script}} <!-- x"
    glossary = Glossary([Concept("x", "goal", [Term("X", "en", "full", "preferred")], note=note)])
    text = render_page(glossary)
    assert text.count("</script>") == 2
    assert text.count("{{script}}") == 1  # the note's own, in the data
    data = re.search(r'<script type="application/json" id="vnterms-data">(.*?)</script>', text,
                     re.DOTALL)  # fmt: skip
    assert data is not None
    assert json.loads(data.group(1))["concepts"][0][5] == note


def test_export_html_writes_the_page_of_the_build(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "html", "-o", str(tmp_path / "page.html"),
                                       "--glossary", str(ROOT / "glossary")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "page.html").read_bytes() == (ROOT / "locales/vnterms.html").read_bytes()

