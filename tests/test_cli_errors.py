"""Every command against input it cannot read and output it cannot write: one line on stderr,
exit code 2, no traceback, nothing changed. Run both in-process and as a real process."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.cli import app

DATA = Path(__file__).parent / "data"
SMALL = DATA / "glossary-small"
runner = CliRunner()


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    """A good glossary, one that cannot be read, a text, a CSV to import, a file in the way."""
    shutil.copytree(SMALL, tmp_path / "good")
    shutil.copytree(SMALL, tmp_path / "unreadable")
    (tmp_path / "unreadable" / "places.terms").unlink()
    (tmp_path / "unreadable" / "places.terms").symlink_to(tmp_path / "gone.terms")
    (tmp_path / "text.txt").write_text("The Global Forum on Ocean Literacy met in Hanoi.\n")
    (tmp_path / "edit.csv").write_text("id,lang,text,kind,status\nha-noi,en,Hanoi City,"
                                       "variant,admitted\n")  # fmt: skip
    (tmp_path / "a-file").write_text("not a directory")
    return {name: tmp_path / name for name in ("good", "unreadable", "text.txt", "edit.csv",
                                               "a-file")}  # fmt: skip


def _unreadable_inputs(p: dict[str, Path]) -> list[tuple[list[str], str]]:
    gone = f"{p['unreadable'] / 'places.terms'}: cannot read: No such file or directory"
    return [
        (["lookup", "UNSC", "-g", str(p["unreadable"])], gone),
        (["lint", str(p["unreadable"])], gone),
        (["extract", str(p["text.txt"]), "-g", str(p["unreadable"])], gone),
        (["extract", str(p["good"] / "missing.txt"), "-g", str(p["good"])],
         f"{p['good'] / 'missing.txt'}: cannot read: No such file or directory"),
        (["build", "-g", str(p["unreadable"]), "-o", str(p["good"].parent / "out")], gone),
        (["export", "tbx", "-g", str(p["unreadable"])], gone),
        (["import", str(p["edit.csv"]), "-g", str(p["unreadable"]), "--yes"], gone),
        (["import", str(p["good"] / "missing.csv"), "-g", str(p["good"]), "--yes"],
         f"{p['good'] / 'missing.csv'}: cannot read: No such file or directory"),
    ]  # fmt: skip


def test_every_command_reports_an_unreadable_input_in_one_line(places: dict[str, Path]) -> None:
    for argv, message in _unreadable_inputs(places):
        result = runner.invoke(app, argv)
        assert (result.exit_code, result.stderr) == (2, f"vnterms: {message}\n"), argv
        assert result.exception is None or isinstance(result.exception, SystemExit), argv


@pytest.mark.parametrize(
    "argv",
    [["normalize", "-"], ["lookup", "-"], ["extract", "-"]],
)
def test_invalid_bytes_on_stdin_are_one_line_with_their_place(argv: list[str]) -> None:
    result = runner.invoke(app, [*argv, "-g", str(SMALL)] if argv[0] != "normalize" else argv,
                           input=b"UNSC\nH\xe1\xbb\x99i \xff\n")  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == "vnterms: <stdin>:2: invalid UTF-8 at byte 11\n"


def _unwritable_outputs(p: dict[str, Path]) -> list[list[str]]:
    return [
        ["build", "-g", str(p["good"]), "-o", str(p["a-file"])],
        ["export", "tmx", "-g", str(p["good"]), "-o", str(p["good"])],
        ["export", "tmx", "-g", str(p["good"]), "-o", str(p["a-file"] / "x.tmx")],
        ["import", str(p["edit.csv"]), "-g", str(p["good"]), "--yes"],
        ["lint", str(p["good"]), "--fix"],
        ["extract", str(p["text.txt"]), "-g", str(p["good"]), "--add-drafts"],
    ]


def test_every_command_reports_an_unwritable_output_in_one_line(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))

    # The glossary directory cannot take a new file (as on a read-only mount, which root's
    # chmod cannot make): every command that writes there meets this.
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with (places["good"] / "bodies.terms").open("a") as handle:
        handle.write("\n")  # out of canonical layout: lint --fix has something to write
    bodies = (places["good"] / "bodies.terms").read_bytes()
    for argv in _unwritable_outputs(places):
        result = runner.invoke(app, argv)
        assert result.exit_code == 2, (argv, result.output)
        assert result.stderr.startswith("vnterms: ") and result.stderr.count("\n") == 1, argv
        assert "cannot write: " in result.stderr, argv
        assert isinstance(result.exception, SystemExit), argv
    assert (places["good"] / "bodies.terms").read_bytes() == bodies
    assert sorted(p.name for p in places["good"].iterdir()) == ["bodies.terms", "places.terms"]
    assert places["a-file"].read_text() == "not a directory"


def test_lookup_works_with_an_unwritable_cache(
    places: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cache-file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-file"))  # no directory there
    result = runner.invoke(app, ["lookup", "UNSC", "-g", str(places["good"])])
    assert result.exit_code == 0 and "Hội đồng Bảo an" in result.stdout


def _vnterms(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "vnterms", *argv], input=stdin,
                          capture_output=True, timeout=120, check=False)  # fmt: skip


def test_a_real_process_prints_no_traceback(places: dict[str, Path]) -> None:
    for argv, message in _unreadable_inputs(places)[:3]:
        result = _vnterms(*argv)
        assert result.returncode == 2
        assert result.stderr.decode() == f"vnterms: {message}\n"
    result = _vnterms("export", "tmx", "-g", str(places["good"]), "-o", str(places["good"]))
    assert result.returncode == 2
    assert result.stderr.decode() == f"vnterms: {places['good']}: cannot write: it is a directory\n"


def test_a_closed_pipe_ends_quietly(places: dict[str, Path]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads what lookup prints
    result = subprocess.run([sys.executable, "-m", "vnterms", "lookup", "-", "-g",
                             str(places["good"])], input=b"UNSC\n" * 2000, stdout=writer,
                            stderr=subprocess.PIPE, timeout=120, check=False)  # fmt: skip
    os.close(writer)
    assert result.returncode == 141 and result.stderr == b""


def test_version_and_completion() -> None:
    from vnterms import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"vnterms {__version__}\n"
    assert __version__ != "0+unknown"
    shown = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in shown and "--show-completion" in shown
    command = [sys.executable, "-m", "vnterms", "--show-completion", "bash"]
    completion = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert completion.returncode == 0 and "complete" in completion.stdout


def test_json_and_tsv_together_are_a_usage_error(places: dict[str, Path]) -> None:
    result = runner.invoke(app, ["extract", str(places["text.txt"]), "--json", "--tsv", "-g",
                                 str(places["good"])])  # fmt: skip
    assert result.exit_code == 2
    assert "--json and --tsv exclude each other" in result.stderr
