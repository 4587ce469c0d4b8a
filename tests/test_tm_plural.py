"""Plural PO entries: imported into the memory and pre-translated from it."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from vnterms.cli import app
from vnterms.tm import TranslationMemory

TM_DATA = Path(__file__).parent / "data" / "tm"
runner = CliRunner()
SESSION = "%d đại biểu đã dự khóa họp."

INTO_ENGLISH = """msgid ""
msgstr ""
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Một đại biểu phát biểu."
msgid_plural "%d đại biểu phát biểu."
msgstr[0] "One delegate spoke."
msgstr[1] "%d delegates spoke."
"""


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory.open(tmp_path / "tm.sqlite")


def _pairs(memory: TranslationMemory) -> list[tuple[str, str, str, str]]:
    return [(u.source, u.target, u.source_lang, u.target_lang) for u in memory.units()]


def test_a_vietnamese_plural_gives_its_one_form_for_msgid_plural(
    memory: TranslationMemory,
) -> None:
    # the fuzzy plural and the one left empty are not taken
    assert memory.import_file(TM_DATA / "plurals.po") == (1, 1)
    assert _pairs(memory) == [("%d delegates attended the session.", SESSION, "en", "vi")]


def test_an_english_plural_gives_singular_and_plural(memory: TranslationMemory,
                                                     tmp_path: Path) -> None:  # fmt: skip
    po = tmp_path / "en.po"
    po.write_text(INTO_ENGLISH, encoding="utf-8")
    assert memory.import_file(po) == (2, 2)
    assert _pairs(memory) == [
        ("Một đại biểu phát biểu.", "One delegate spoke.", "vi", "en"),
        ("%d đại biểu phát biểu.", "%d delegates spoke.", "vi", "en"),
    ]


@pytest.fixture
def memory_path(memory: TranslationMemory) -> Path:
    memory.import_file(TM_DATA / "plurals.po")
    memory.close()
    return memory.path


def _pretranslate(memory_path: Path, source: Path, out: Path) -> str:
    result = runner.invoke(app, ["pretranslate", str(source), "-o", str(out),
                                 "--tm", str(memory_path)])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_plural_entries_are_filled_from_msgid_plural(memory_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.po"
    summary = _pretranslate(memory_path, TM_DATA / "plurals-to-fill.po", out)
    assert summary == ("1 exact, 0 from the glossary, 1 fuzzy, 1 left empty, "
                       "1 already translated\n")  # fmt: skip
    entries = polib.pofile(str(out))
    assert [(e.msgstr_plural, e.flags) for e in entries] == [
        ({0: SESSION}, ["c-format"]),
        ({0: SESSION}, ["c-format", "fuzzy"]),
        ({0: ""}, ["c-format"]),
        ({0: "%d quan sát viên đã phát biểu."}, ["c-format"]),
    ]  # fmt: skip
    # "meeting" for "session": one word of 5 ("d", "delegates", "attended", "the", "meeting")
    assert " ".join(entries[1].tcomment.split()) == (
        f"vnterms: 80% match from {TM_DATA / 'plurals.po'}")


def test_filled_plurals_pass_msgfmt_check(memory_path: Path, tmp_path: Path,
                                          tool: Callable[[str, str], str]) -> None:  # fmt: skip
    msgfmt = tool("msgfmt", "gettext")
    out = tmp_path / "filled.po"
    _pretranslate(memory_path, TM_DATA / "plurals-to-fill.po", out)
    result = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(out)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2 translated messages, 1 fuzzy translation, 1 untranslated message" in result.stderr


def test_an_english_plural_gets_each_form_from_its_source(memory: TranslationMemory,
                                                          tmp_path: Path) -> None:  # fmt: skip
    translated = tmp_path / "en.po"
    translated.write_text(INTO_ENGLISH, encoding="utf-8")
    memory.import_file(translated)
    to_fill = tmp_path / "to-fill.po"
    to_fill.write_text(INTO_ENGLISH.replace("One delegate spoke.", "")
                       .replace("%d delegates spoke.", ""), encoding="utf-8")  # fmt: skip
    out = tmp_path / "filled.po"
    assert _pretranslate(memory.path, to_fill, out).startswith("1 exact, ")
    (entry,) = polib.pofile(str(out))
    assert entry.msgstr_plural == {0: "One delegate spoke.", 1: "%d delegates spoke."}
