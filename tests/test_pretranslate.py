"""Pre-translation of PO and XLIFF files from the memory and the glossary."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from vnterms.cli import app
from vnterms.tm import TranslationMemory

DATA = Path(__file__).parent / "data"
TM_DATA = DATA / "tm"
runner = CliRunner()

EXACT = "Hội đồng Bảo an đã nhất trí thông qua nghị quyết."
NUMBERS_REPLACED = "Việt Nam được bầu vào Hội đồng Nhân quyền Liên hợp quốc nhiệm kỳ 2026–2028."
GLOSSARY = "Hội đồng Nhân quyền Liên hợp quốc"
MINE = "Đại hội đồng đã khai mạc khóa họp."
XLIFF_12 = "{urn:oasis:names:tc:xliff:document:1.2}"
XLIFF_20 = "{urn:oasis:names:tc:xliff:document:2.0}"


@pytest.fixture
def memory_path(tmp_path: Path) -> Path:
    path = tmp_path / "tm.sqlite"
    with TranslationMemory.open(path) as memory:
        memory.import_file(TM_DATA / "omegat-level2.tmx")
    return path


def _pretranslate(memory_path: Path, source: Path, out: Path) -> str:
    result = runner.invoke(app, ["pretranslate", str(source), "-o", str(out),
                                 "--tm", str(memory_path)])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_po_is_filled_and_fuzzy_matches_marked(memory_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.po"
    summary = _pretranslate(memory_path, TM_DATA / "to-fill.po", out)
    assert summary == ("1 exact, 1 from the glossary, 1 fuzzy, 2 left empty, "
                       "1 already translated\n")  # fmt: skip
    entries = {entry.msgid: entry for entry in polib.pofile(str(out))}
    assert [(e.msgstr, e.flags) for e in entries.values()] == [
        (EXACT, []), (NUMBERS_REPLACED, ["fuzzy"]), (GLOSSARY, []), ("", []), (MINE, []),
        ("", []),
    ]  # fmt: skip
    fuzzy = entries["Viet Nam was elected to the Human Rights Council for the 2026–2028 term."]
    # The comment is wrapped at 78 columns, where a long path may break at a hyphen.
    expected = f"vnterms: 85% match from {TM_DATA / 'omegat-level2.tmx'} (numbers replaced)"
    assert "".join(fuzzy.tcomment.split()) == "".join(expected.split())


def test_filled_po_passes_msgfmt_check(memory_path: Path, tmp_path: Path,
                                       tool: Callable[[str, str], str]) -> None:  # fmt: skip
    msgfmt = tool("msgfmt", "gettext")
    out = tmp_path / "filled.po"
    _pretranslate(memory_path, TM_DATA / "to-fill.po", out)
    result = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(out)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "3 translated messages, 1 fuzzy translation, 2 untranslated messages" in result.stderr


def test_xliff_12_is_filled_and_valid(memory_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.xlf"
    summary = _pretranslate(memory_path, TM_DATA / "to-fill-12.xlf", out)
    assert summary.startswith("1 exact, 1 from the glossary, 1 fuzzy, 1 left empty, 1 already")
    tree = etree.parse(str(out))
    schema = etree.XMLSchema(file=str(DATA / "xliff-core-1.2-strict.xsd"))
    assert schema.validate(tree), schema.error_log.filter_from_errors()
    units = tree.getroot().iter(f"{XLIFF_12}trans-unit")
    targets = [unit.find(f"{XLIFF_12}target") for unit in units]
    found = [(t.text, t.get("state"), t.get("state-qualifier")) if t is not None else None
             for t in targets]  # fmt: skip
    assert found == [
        (EXACT, "translated", "exact-match"),
        (NUMBERS_REPLACED, "needs-review-translation", "fuzzy-match"),
        (GLOSSARY, "translated", "leveraged-glossary"),
        None,
        (MINE, "final", None),
    ]
    notes = [note.text for note in tree.getroot().iter(f"{XLIFF_12}note")]
    assert notes == [f"vnterms: 85% match from {TM_DATA / 'omegat-level2.tmx'} (numbers replaced)",
                     "second sentence"]  # fmt: skip


def test_xliff_20_is_filled_and_valid(memory_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.xlf"
    summary = _pretranslate(memory_path, TM_DATA / "to-fill-20.xlf", out)
    assert summary.startswith("1 exact, 0 from the glossary, 1 fuzzy, 1 left empty, 1 already")
    tree = etree.parse(str(out))
    schema = etree.XMLSchema(file=str(DATA / "xliff-core-2.0.xsd"))
    assert schema.validate(tree), schema.error_log.filter_from_errors()
    segments = list(tree.getroot().iter(f"{XLIFF_20}segment"))
    assert [(s.get("state"), s.get("subState"), s.findtext(f"{XLIFF_20}target"))
            for s in segments] == [
        ("translated", "vnterms:exact", EXACT),
        ("initial", "vnterms:fuzzy-85", NUMBERS_REPLACED),
        (None, None, None),
        ("final", None, MINE),
    ]  # fmt: skip


def test_a_higher_minimum_fills_less(memory_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "one.po"
    source.write_text('msgid ""\nmsgstr "Language: vi\\n"\n\n'
                      'msgid "The General Assembly opened its session in Geneva."\nmsgstr ""\n',
                      encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.po"
    result = runner.invoke(app, ["pretranslate", str(source), "-o", str(out), "--min", "78",
                                 "--tm", str(memory_path)])  # fmt: skip
    assert result.stdout.startswith("0 exact, 0 from the glossary, 0 fuzzy, 1 left empty")
    summary = _pretranslate(memory_path, source, out)  # at the default minimum, 75
    assert summary.startswith("0 exact, 0 from the glossary, 1 fuzzy")
    (entry,) = polib.pofile(str(out))
    assert entry.msgstr == "Đại hội đồng khai mạc khóa họp tại New York."
    assert entry.tcomment.startswith("vnterms: 77% match from ")


def test_bad_input_is_one_line_and_nothing_written(memory_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "broken.xlf"
    source.write_text('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                      "<file>\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.xlf"
    result = runner.invoke(app, ["pretranslate", str(source), "-o", str(out),
                                 "--tm", str(memory_path)])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == f"vnterms: {source}:3: malformed XML: no element found (column 0)\n"
    assert not out.exists()


def test_a_text_file_is_refused(memory_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Hello\n", encoding="utf-8")
    result = runner.invoke(app, ["pretranslate", str(source), "-o", str(tmp_path / "out"),
                                 "--tm", str(memory_path)])  # fmt: skip
    assert result.exit_code == 2
    assert "cannot pre-translate .txt (use .po, .pot, .xlf, .xliff)" in result.stderr
