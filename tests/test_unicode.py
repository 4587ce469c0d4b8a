"""Unicode on every way in: whatever form text arrives in, vnterms stores and writes NFC."""

import shutil
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms import Glossary
from vnterms.build import build
from vnterms.cli import app

ROOT = Path(__file__).parent.parent
runner = CliRunner()


def _decomposed_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    for path in target.glob("*.terms"):
        text = path.read_text(encoding="utf-8")
        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    return target


def test_a_decomposed_glossary_builds_the_same_bytes(tmp_path: Path) -> None:
    nfd = _decomposed_copy(ROOT / "glossary", tmp_path / "nfd")
    assert (nfd / "un-organs.terms").read_bytes() != (ROOT / "glossary/un-organs.terms"
                                                      ).read_bytes()  # fmt: skip
    build(ROOT / "glossary", out_dir=tmp_path / "from-nfc")
    build(nfd, out_dir=tmp_path / "from-nfd")
    files = sorted(p.relative_to(tmp_path / "from-nfc") for p in (tmp_path / "from-nfc").rglob("*")
                   if p.is_file())  # fmt: skip
    assert len(files) == 9
    for relative in files:
        nfc_bytes = (tmp_path / "from-nfc" / relative).read_bytes()
        assert (tmp_path / "from-nfd" / relative).read_bytes() == nfc_bytes, relative
    po = (tmp_path / "from-nfd" / "vi/LC_MESSAGES/vnterms.po").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", po) and "Hội đồng Bảo an" in po


def test_lint_reports_a_decomposed_glossary_and_fix_rewrites_it_in_nfc(tmp_path: Path) -> None:
    nfd = _decomposed_copy(ROOT / "tests/data/glossary-small", tmp_path / "g")
    reported = runner.invoke(app, ["lint", str(nfd)])
    assert reported.exit_code == 1
    assert "not in NFC" in reported.stdout or "not in canonical layout" in reported.stdout
    fixed = runner.invoke(app, ["lint", str(nfd), "--fix"])
    assert fixed.exit_code == 0, fixed.output
    for path in nfd.glob("*.terms"):
        original = ROOT / "tests/data/glossary-small" / path.name
        assert path.read_bytes() == original.read_bytes()


def test_a_decomposed_glossary_is_read_in_nfc(tmp_path: Path) -> None:
    nfd = _decomposed_copy(ROOT / "tests/data/glossary-small", tmp_path / "g")
    concept = Glossary.load(nfd)["security-council"]
    assert concept.preferred("vi").text == "Hội đồng Bảo an Liên hợp quốc"  # type: ignore[union-attr]
    assert all(unicodedata.is_normalized("NFC", t.text) for t in concept.terms)


@pytest.mark.parametrize(
    "query",
    [
        "Hội đồng Bả\u200do an Liên hợp quốc",  # zero-width joiner
        "Hội đồ\u00adng Bảo an Liên hợp quốc",  # soft hyphen
        "\ufeffHội đồng Bảo an Liên hợp quốc",  # byte order mark
        "Ho\u0323\u0302i đồng Bảo an Liên hợp quốc",  # marks in the other order
        "Hội đồng Bảo\u200b an Liên hợp quốc",  # zero-width space
    ],
)
def test_invisible_characters_and_mark_order_do_not_break_an_exact_match(query: str) -> None:
    [match] = Glossary.load(ROOT / "tests/data/glossary-small").search(query, limit=1)
    assert (match.concept.id, match.rule, match.score) == ("security-council", "exact", 100)


def test_extraction_reads_decomposed_text() -> None:
    text = unicodedata.normalize("NFD", "Hội đồng Bảo an Liên hợp quốc họp tại Hà Nội.\n")
    result = runner.invoke(app, ["extract", "-", "--tsv", "-g", str(ROOT / "tests/data/"
                                                                   "glossary-small")],
                           input=text.encode())  # fmt: skip
    assert result.exit_code == 0
    ids = [line.split("\t")[1] for line in result.stdout.splitlines()[1:]]
    assert ids == ["ha-noi", "security-council"]


@pytest.mark.parametrize("format_", ["csv", "tbx", "tmx", "po"])
def test_a_decomposed_export_imports_as_no_change(tmp_path: Path, format_: str) -> None:
    glossary = tmp_path / "g"
    shutil.copytree(ROOT / "tests/data/glossary-small", glossary)
    exported = tmp_path / f"export.{format_}"
    assert runner.invoke(app, ["export", format_, "-o", str(exported), "-g", str(glossary)]
                         ).exit_code == 0  # fmt: skip
    text = exported.read_text(encoding="utf-8")
    exported.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert "Hội đồng" not in exported.read_text(encoding="utf-8")  # really decomposed
    result = runner.invoke(app, ["import", str(exported), "-g", str(glossary), "--yes"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "nothing to change\n"
