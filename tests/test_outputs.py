"""Where vnterms writes: through symlinks, into FIFOs and stdout; never half a file or a set."""

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.cli import app
from vnterms.errors import OutputError
from vnterms.fileio import atomic_write, make_directory, write_files

DATA = Path(__file__).parent / "data"
SMALL = str(DATA / "glossary-small")
runner = CliRunner()
TMX_START = b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'


def export_tmx(output: str) -> "object":
    return runner.invoke(app, ["export", "tmx", "-o", output, "-g", SMALL])


def test_export_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "memory.tmx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "link.tmx"
    link.symlink_to(target)
    result = runner.invoke(app, ["export", "tmx", "-o", str(link), "-g", SMALL])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes().startswith(TMX_START)
    assert sorted(p.name for p in target.parent.iterdir()) == ["memory.tmx"]  # no temp file left


def test_a_dangling_symlink_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / "link.tmx"
    link.symlink_to(tmp_path / "new.tmx")
    assert export_tmx(str(link)).exit_code == 0  # type: ignore[attr-defined]
    assert link.is_symlink() and (tmp_path / "new.tmx").read_bytes().startswith(TMX_START)


def test_export_writes_a_fifo_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(app, ["export", "tmx", "-o", str(fifo), "-g", SMALL])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the FIFO, not a file put in its place
    assert received[0].startswith(TMX_START) and received[0].endswith(b"</tmx>\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_export_to_dash_and_to_nothing_is_stdout(tmp_path: Path) -> None:
    for argv in (["-o", "-"], []):
        result = runner.invoke(app, ["export", "tmx", *argv, "-g", SMALL])
        assert result.exit_code == 0
        assert result.stdout_bytes.startswith(TMX_START)
    assert not (tmp_path / "-").exists() and not Path("-").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [("existing-dir", "cannot write: it is a directory"), ("missing/x.tmx", "cannot write: no "
     "directory")],
)  # fmt: skip
def test_a_place_that_takes_no_file_is_one_line_and_exit_2(
    tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "existing-dir").mkdir()
    result = runner.invoke(app, ["export", "tmx", "-o", str(tmp_path / name), "-g", SMALL])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vnterms: {tmp_path / name}: {message}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "missing").exists()


def test_a_read_only_place_is_one_line_and_exit_2(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes in any directory of its own: /proc takes no new file
        output = Path("/proc/vnterms-export.tmx")
    else:
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro").chmod(0o555)
        output = tmp_path / "ro" / "out.tmx"
    result = runner.invoke(app, ["export", "tmx", "-o", str(output), "-g", SMALL])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vnterms: {output}: cannot write: ")
    assert result.stderr.count("\n") == 1


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "private.tmx"
    path.write_bytes(b"old")
    path.chmod(0o600)
    assert export_tmx(str(path)).exit_code == 0  # type: ignore[attr-defined]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(TMX_START)


def test_atomic_write_refuses_a_directory_before_writing(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a directory"), atomic_write(tmp_path, "wb"):
        pytest.fail("the block must not run")


def test_write_files_writes_all_or_none(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(b"old a")
    second.write_bytes(b"old b")
    (tmp_path / "c.txt").mkdir()  # the third cannot be written: nothing may be
    with pytest.raises(OutputError):
        write_files({first: b"new a", second: b"new b", tmp_path / "c.txt": b"new c"})
    assert first.read_bytes() == b"old a" and second.read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_write_files_skips_files_whose_bytes_are_the_same(tmp_path: Path) -> None:
    same, other = tmp_path / "same.txt", tmp_path / "other.txt"
    same.write_bytes(b"kept")
    os.utime(same, (1_000_000_000, 1_000_000_000))
    assert write_files({same: b"kept", other: b"new"}) == [other]
    assert same.stat().st_mtime == 1_000_000_000 and other.read_bytes() == b"new"


def test_write_files_writes_a_fifo_as_a_stream_and_the_files_after_it(tmp_path: Path) -> None:
    fifo, after = tmp_path / "pipe", tmp_path / "z.txt"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader: opening to write succeeds
    try:
        written = write_files({fifo: b"streamed", after: b"after the stream"})
        received = os.read(reader, 100)
    finally:
        os.close(reader)
    assert received == b"streamed" and written == [fifo, after]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the FIFO, not a file put in its place
    assert after.read_bytes() == b"after the stream"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "z.txt"]


def test_write_files_failing_after_a_fifo_raises_its_error_and_changes_nothing(
    tmp_path: Path,
) -> None:
    fifo, old = tmp_path / "pipe", tmp_path / "a.txt"
    os.mkfifo(fifo)
    old.write_bytes(b"old a")
    (tmp_path / "dir").mkdir()
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with pytest.raises(OutputError, match="it is a directory"):
            write_files({fifo: b"never", old: b"new a", tmp_path / "dir": b"x"})
        received = os.read(reader, 100)
    finally:
        os.close(reader)
    assert received == b"" and old.read_bytes() == b"old a"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "dir", "pipe"]


def test_make_directory_makes_parents_and_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    make_directory(tmp_path / "a" / "b")
    make_directory(tmp_path / "a" / "b")  # already there: nothing to do
    assert (tmp_path / "a" / "b").is_dir()
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OutputError) as error:
        make_directory(tmp_path / "file")
    assert str(error.value) == f"{tmp_path / 'file'}: cannot write: not a directory"
    with pytest.raises(OutputError) as error:
        make_directory(tmp_path / "file" / "sub")
    assert str(error.value) == f"{tmp_path / 'file' / 'sub'}: cannot write: Not a directory"

def test_an_interrupt_while_files_are_staged_leaves_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {tmp_path / f"{n}.txt": f"new {n}".encode() for n in range(3)}
    for path in files:
        path.write_bytes(b"old")
    real_chmod = os.chmod
    calls = []

    def interrupted_chmod(path: str, mode: int) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C while the second file is being staged
        real_chmod(path, mode)

    monkeypatch.setattr(os, "chmod", interrupted_chmod)
    with pytest.raises(KeyboardInterrupt):
        write_files(files)
    assert [path.read_bytes() for path in files] == [b"old"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt"]


def test_an_interrupt_while_files_are_renamed_completes_the_new_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {tmp_path / f"{n}.txt": f"new {n}".encode() for n in range(3)}
    real_replace = os.replace

    def replace_then_ctrl_c(source: str, target: Path) -> None:
        real_replace(source, target)
        if target == tmp_path / "0.txt":
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C after the first rename

    monkeypatch.setattr(os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write_files(files)
    assert [path.read_bytes() for path in files] == [b"new 0", b"new 1", b"new 2"]


def test_build_interrupted_says_what_it_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:  # fmt: skip
    out = tmp_path / "locales"
    assert runner.invoke(app, ["build", "-o", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("vnterms.build.render_all", interrupt)
    result = runner.invoke(app, ["build", "-o", str(out)])
    assert result.exit_code == 130
    assert result.stderr == f"vnterms: interrupted; {out} is as it was\n"
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_build_says_which_files_it_left_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "locales"
    first = runner.invoke(app, ["build", "-o", str(out)])
    assert first.exit_code == 0 and "unchanged" not in first.stdout
    assert first.stdout.count("\nwrote ") == 9
    (out / "vnterms.tmx").write_bytes(b"stale")
    second = runner.invoke(app, ["build", "-o", str(out)])
    lines = second.stdout.splitlines()
    assert f"wrote {out / 'vnterms.tmx'}" in lines
    assert sum(line.startswith("unchanged ") for line in lines) == 8
    assert sum(line.startswith("wrote ") for line in lines) == 1


def test_dev_stdout_is_written_in_place_even_when_it_is_a_file(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"earlier lines\n")
    with log.open("ab") as appended:
        result = subprocess.run([sys.executable, "-m", "vnterms", "export", "tmx", "-o",
                                 "/dev/stdout", "-g", SMALL], stdout=appended,
                                stderr=subprocess.PIPE, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = log.read_bytes()
    assert data.startswith(b"earlier lines\n" + TMX_START) and data.endswith(b"</tmx>\n")
    with subprocess.Popen([sys.executable, "-m", "vnterms", "export", "tmx", "-o", "/dev/stdout",
                           "-g", SMALL], stdout=subprocess.PIPE) as piped:  # fmt: skip
        assert piped.stdout is not None
        assert piped.stdout.read().startswith(TMX_START)
    assert piped.returncode == 0
