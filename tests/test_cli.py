"""The command line, through typer's CliRunner: exit codes, stdout, one-line errors on stderr."""

import gc
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.cli import app, main

DATA = Path(__file__).parent / "data"
SMALL = str(DATA / "glossary-small")
runner = CliRunner()


def test_normalize_styles_and_keys() -> None:
    assert runner.invoke(app, ["normalize", "Uỷ ban  hoà bình"]).stdout == "Ủy ban hòa bình\n"
    assert runner.invoke(app, ["normalize", "hòa", "--style", "new"]).stdout == "hoà\n"
    assert runner.invoke(app, ["normalize", "VIỆT NAM", "--fold"]).stdout == "viet nam\n"
    result = runner.invoke(app, ["normalize", "-", "--compact"], input="Hà Nội\nViet Nam\n")
    assert result.stdout == "hanoi\nvietnam\n"
    assert runner.invoke(app, ["normalize", "x", "--fold", "--compact"]).exit_code == 2


def test_lookup_json_has_the_documented_keys() -> None:
    result = runner.invoke(app, ["lookup", "hoi dong bao an", "--json", "-g", SMALL])
    assert result.exit_code == 0
    [match] = json.loads(result.stdout)
    assert {"id", "en", "vi", "category", "status", "score", "matched", "rule", "en_terms",
            "vi_terms"} <= set(match)  # fmt: skip
    assert match["id"] == "security-council"
    assert match["vi"] == "Hội đồng Bảo an Liên hợp quốc"
    assert {"text": "HĐBA", "kind": "abbreviation", "status": "admitted"} in match["vi_terms"]
    assert 0 <= match["score"] <= 100


def test_lookup_readable_output_and_exit_codes() -> None:
    found = runner.invoke(app, ["lookup", "WHO", "-g", SMALL])
    assert found.exit_code == 0 and "Tổ chức Y tế thế giới" in found.stdout
    missing = runner.invoke(app, ["lookup", "xyzzy", "-g", SMALL])
    assert missing.exit_code == 1 and missing.stdout == ""
    assert runner.invoke(app, ["lookup", "x", "--limit", "0", "-g", SMALL]).exit_code == 2


def test_lookup_batch_mode_writes_one_json_line_per_query() -> None:
    result = runner.invoke(app, ["lookup", "-", "-g", SMALL], input="UNSC\nHa Noi\nxyzzy\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["UNSC", "Ha Noi", "xyzzy"]
    assert [[m["id"] for m in line["matches"]][:1] for line in lines] == [
        ["security-council"], ["ha-noi"], []]  # fmt: skip


def test_lookup_refuses_a_query_longer_than_1000_characters() -> None:
    result = runner.invoke(app, ["lookup", "x" * 1_001, "-g", SMALL])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("vnterms: query of 1,001 characters: longer than 1,000 characters, "
                             "the most a query may have\n")  # fmt: skip


def test_lookup_batch_mode_answers_a_long_line_with_an_error_and_exits_2() -> None:
    text = "UNSC\n" + "Security Council " * 60_000 + "\nHa Noi\n"
    result = runner.invoke(app, ["lookup", "-", "-g", SMALL], input=text)
    assert result.exit_code == 2
    assert result.stderr == ("vnterms: <stdin>:2: query longer than 1,000 characters, the most a "
                             "query may have\n")  # fmt: skip
    first, long, last = (json.loads(line) for line in result.stdout.splitlines())
    assert [m["id"] for m in first["matches"]][:1] == ["security-council"]
    assert long["query"] == ("Security Council " * 59)[:1_000] + "…"
    assert long["matches"] == [] and long["error"].startswith("longer than 1,000 characters")
    assert [m["id"] for m in last["matches"]][:1] == ["ha-noi"]


def test_lint_exit_codes(tmp_path: Path) -> None:
    assert runner.invoke(app, ["lint", SMALL]).exit_code == 0
    shutil.copy(DATA / "broken" / "new-tone-style.terms", tmp_path)
    result = runner.invoke(app, ["lint", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path}/new-tone-style.terms:4: tone marks")


def test_malformed_glossary_is_one_line_and_exit_2(tmp_path: Path) -> None:
    shutil.copy(DATA / "broken" / "unknown-field.terms", tmp_path)
    before = (tmp_path / "unknown-field.terms").read_bytes()
    result = runner.invoke(app, ["lint", str(tmp_path), "--fix"])
    assert result.exit_code == 2
    assert (
        result.stderr == f"vnterms: {tmp_path}/unknown-field.terms:3: unknown field 'colour' "
        "(use category, status, parent, definition, note, related, homonym, source, slot, en, vi)\n"
    )
    assert (tmp_path / "unknown-field.terms").read_bytes() == before


def test_extract_rejects_binary_and_unreadable_input(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\n")
    result = runner.invoke(app, ["extract", str(binary), "-g", SMALL])
    assert result.exit_code == 2
    assert result.stderr == f"vnterms: {binary}:1: binary file (NUL byte at byte 4)\n"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Conseil de sécurité\n".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(latin1), "-g", SMALL])
    assert result.exit_code == 2 and "latin1.txt:1: invalid UTF-8 at byte 12" in result.stderr
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), "-g", SMALL])
    assert result.exit_code == 2 and "missing.txt: cannot read" in result.stderr


def test_extract_json_from_stdin() -> None:
    text = "The UN Security Council met in Hanoi. The Global Forum on Ocean Literacy opened.\n"
    result = runner.invoke(app, ["extract", "-", "--json", "-g", SMALL], input=text)
    assert result.exit_code == 0, result.stderr
    rows = {row["term"]: row for row in json.loads(result.stdout)}
    council = rows["Security Council"]
    assert council["id"] == "security-council" and council["count"] == 1
    assert council["occurrences"] == [{"file": "<stdin>", "line": 1, "column": 5,
                                       "text": "UN Security Council"}]  # fmt: skip
    new = rows["Global Forum on Ocean Literacy"]
    assert new["id"] is None and new["category"] == "conference"


def test_extract_reports_invalid_utf8_at_its_line_and_writes_nothing(tmp_path: Path) -> None:
    text = tmp_path / "news.txt"
    text.write_bytes(
        b"The Security Council met.\nIt adopted a text.\nLe Conseil de s\xe9curit\xe9\n"
    )
    result = runner.invoke(app, ["extract", str(text), "-g", SMALL])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"vnterms: {text}:3: invalid UTF-8 at byte 60\n"


def test_extract_shows_progress_on_stderr_for_a_large_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = "The Global Forum on Ocean Literacy opened. "
    text = tmp_path / "large.txt"
    text.write_text((line + "x" * (9_999 - len(line)) + "\n") * 100, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(text), "-g", SMALL])
    assert result.exit_code == 0 and result.stderr == ""  # 1 MB: under the 4 MB of a progress line
    monkeypatch.setattr("vnterms.cli.PROGRESS_FROM", 1_000_000)
    result = runner.invoke(app, ["extract", str(text), "-g", SMALL])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"vnterms extract: {tenth}0% of 1.0 MB read" for tenth in range(1, 11)
    ]
    assert "Global Forum on Ocean Literacy  [NEW conference] ×100" in result.stdout
    quiet = runner.invoke(app, ["extract", str(text), "--quiet", "-g", SMALL])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == result.stdout


def test_import_dry_run_changes_nothing(tmp_path: Path) -> None:
    shutil.copytree(SMALL, tmp_path / "g")
    exported = tmp_path / "g.csv"
    assert runner.invoke(app, ["export", "csv", "-o", str(exported), "-g", str(tmp_path / "g")]
                         ).exit_code == 0  # fmt: skip
    exported.write_text(exported.read_text(encoding="utf-8") +
                        "who,specialized-agency,,vi,WHO,abbreviation,admitted,\n",
                        encoding="utf-8")  # fmt: skip
    before = (tmp_path / "g" / "bodies.terms").read_bytes()
    result = runner.invoke(app, ["import", str(exported), "--dry-run", "-g", str(tmp_path / "g")])
    assert result.exit_code == 0
    assert "added: [who] vi: 'WHO' (abbreviation, admitted)" in result.stdout
    assert (tmp_path / "g" / "bodies.terms").read_bytes() == before
    result = runner.invoke(app, ["import", str(exported), "--yes", "-g", str(tmp_path / "g")])
    assert "vi: WHO | abbreviation | admitted" in (tmp_path / "g" / "bodies.terms").read_text()


@pytest.mark.parametrize(
    ("argv", "code", "shown"),
    [
        (["lookup", "Security Council", "-g", SMALL], 0, "Hội đồng Bảo an"),
        (["lookup", "--help"], 0, "--limit"),
        (["--help"], 0, "import"),
        (["nonsense"], 2, "No such command"),
    ],
)
def test_main_runs_the_named_command_and_keeps_the_others(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str],
    code: int, shown: str,
) -> None:  # fmt: skip
    commands = list(app.registered_commands)
    monkeypatch.setattr("sys.argv", ["vnterms", *argv])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == code
    output = capsys.readouterr()
    assert shown in output.out + output.err
    assert app.registered_commands == commands
    assert gc.isenabled()
