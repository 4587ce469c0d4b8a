"""Atomic writes: the target is replaced whole or left as it was, and no temporary file stays."""

import os
import stat
from pathlib import Path

import pytest

from vnterms.fileio import atomic_write


def test_text_is_written_as_utf8_with_newlines(tmp_path: Path) -> None:
    target = tmp_path / "out.po"
    with atomic_write(target) as handle:
        handle.write("Việt Nam\nHà Nội\n")
    assert target.read_bytes() == b"Vi\xe1\xbb\x87t Nam\nH\xc3\xa0 N\xe1\xbb\x99i\n"
    assert os.listdir(tmp_path) == ["out.po"]


def test_binary_mode_writes_the_bytes_given(tmp_path: Path) -> None:
    target = tmp_path / "out.mo"
    with atomic_write(target, "wb") as handle:
        handle.write(b"\xde\x12\x04\x95\x00\r\n")
    assert target.read_bytes() == b"\xde\x12\x04\x95\x00\r\n"


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"an older and much longer content\n")
    with atomic_write(str(target)) as handle:
        handle.write("new\n")
    assert target.read_bytes() == b"new\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_the_target_is_unchanged_until_the_write_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old\n")
    with atomic_write(target) as handle:
        handle.write("new\n")
        handle.flush()
        assert target.read_bytes() == b"old\n"
        [temporary] = set(os.listdir(tmp_path)) - {"out.txt"}  # beside it, for os.replace
        assert temporary.startswith(".")  # hidden from a listing of the directory
    assert target.read_bytes() == b"new\n"
    assert not (tmp_path / temporary).exists()


def test_the_written_file_is_readable_by_all(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_write(target) as handle:
        handle.write("x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_an_error_in_the_block_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old\n")
    with pytest.raises(RuntimeError, match="half-way"), atomic_write(target) as handle:
        handle.write("the first half of the new content\n")
        handle.flush()
        raise RuntimeError("half-way")
    assert target.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_an_error_before_any_write_leaves_no_file_at_all(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_write(tmp_path / "out.txt"):
        raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old\n")

    def refuse(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied", str(destination))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError), atomic_write(target) as handle:
        handle.write("new\n")
    assert target.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_a_failed_encoding_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(UnicodeEncodeError), atomic_write(target) as handle:
        handle.write("a lone surrogate \udc80 cannot be written as UTF-8")
    assert os.listdir(tmp_path) == []
