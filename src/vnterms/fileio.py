"""Writing files so that nothing is ever half-written.

A regular file is replaced atomically: a temporary file beside it, renamed over it. A symbolic
link is written through, to its target (the link stays). A FIFO, a terminal or another device,
and ``-`` (stdout), are written as streams. ``write_files`` writes a set of files all or none.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from vnterms.errors import OutputError

__all__ = [
    "STDOUT",
    "InterruptedAfterWriting",
    "atomic_write",
    "make_directory",
    "same_bytes",
    "write_files",
]

STDOUT = "-"


class InterruptedAfterWriting(KeyboardInterrupt):
    """Ctrl-C came while ``write_files`` renamed its files into place: they were all written."""


def _target(path: str | Path) -> tuple[Path, bool]:
    """The file to write for ``path``, and whether it is a stream (not a regular file) to be
    written in place: a stream is opened by the name given (``/dev/stdout`` is a link that only
    the writing process can follow), a regular file is replaced at the end of its symlinks.
    Raises ``OutputError`` for a place that cannot take a file: a directory, a missing parent."""
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", str(path)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError("cannot write: it is a directory", str(path))
    if mode is not None and (not stat.S_ISREG(mode) or _is_device_name(path)):
        return Path(path), True
    target = Path(os.path.realpath(path))
    if mode is None and not target.parent.is_dir():
        raise OutputError(f"cannot write: no directory {target.parent}", str(path))
    return target, False


def _is_device_name(path: str | Path) -> bool:
    """Whether ``path`` names a device or a descriptor (``/dev/stdout``, ``/proc/self/fd/3``):
    what stands behind it, even a regular file (``>> log``), is written in place."""
    return Path(path).absolute().parts[1:2] in (("dev",), ("proc",))


def _descriptor(path: str | Path) -> int | None:
    """The descriptor of this process that ``path`` names, if it names one (``/dev/stdout``,
    ``/dev/fd/3``, ``/proc/self/fd/3``): written through, not reopened, so that it keeps its
    offset and its append mode."""
    parts = Path(path).absolute().parts
    standard = {"stdin": 0, "stdout": 1, "stderr": 2}
    if parts[:2] == ("/", "dev") and len(parts) == 3 and parts[2] in standard:
        return standard[parts[2]]
    if parts[:-1] in (("/", "dev", "fd"), ("/", "proc", "self", "fd")) and parts[-1].isdigit():
        return int(parts[-1])
    return None


def make_directory(path: Path) -> None:
    """Create directory ``path`` and its parents where missing; ``OutputError`` if it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError("cannot write: not a directory", str(path)) from None
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", str(path)) from None


def _mode_for(target: Path) -> int:
    """The permissions of the file replaced, else those a new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _open(descriptor: int, mode: str) -> IO[Any]:
    if "b" in mode:
        return os.fdopen(descriptor, mode)
    return os.fdopen(descriptor, mode, encoding="utf-8", newline="\n")


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open ``path`` for writing; what is written replaces it only if the block succeeds.

    Text mode writes UTF-8 with ``\\n`` line ends. ``-`` is stdout; a symlink is written
    through to its target; a FIFO or a device is written as a stream. A place that cannot be
    written is an ``OutputError`` naming ``path``.
    """
    if str(path) == STDOUT:
        stream: IO[Any] = sys.stdout
        if "b" in mode:
            stream = sys.stdout.buffer
        yield stream
        stream.flush()
        return
    target, streamed = _target(path)
    if streamed:
        with _opened(path, target, mode) as handle:
            yield handle
        return
    descriptor, temporary = _temporary(path, target)
    try:
        with _open(descriptor, mode) as handle:
            yield handle
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _opened(path: str | Path, stream: Path, mode: str) -> Iterator[IO[Any]]:
    """A FIFO or a device, opened to be written as a stream (no truncation, no rename)."""
    descriptor = _descriptor(stream)
    try:
        opened = os.open(stream, os.O_WRONLY) if descriptor is None else os.dup(descriptor)
        handle = _open(opened, mode)
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", str(path)) from None
    with handle:
        yield handle


def _temporary(path: str | Path, target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", str(path)) from None


def write_files(files: Mapping[Path, bytes]) -> list[Path]:
    """Write every file of ``files`` that differs from what is on disk, all or none.

    Each is first written to a temporary file beside it; only when all are written are they
    renamed into place, with Ctrl-C held back until the last rename (then raised as
    ``InterruptedAfterWriting``). An error or an interrupt before that leaves every file as it
    was. Returns the paths written, in order.
    """
    staged: list[tuple[Path, Path, str | None, bytes]] = []
    try:
        for path, data in files.items():
            target, streamed = _target(path)
            if not streamed and same_bytes(target, data):
                continue
            if streamed:
                staged.append((path, target, None, data))
                continue
            descriptor, temporary = _temporary(path, target)
            staged.append((path, target, temporary, data))
            with _open(descriptor, "wb") as handle:
                handle.write(data)
            os.chmod(temporary, _mode_for(target))
        with _interrupts_held():
            for path, target, staging, data in staged:
                if staging is None:
                    with _opened(path, target, "wb") as handle:
                        handle.write(data)
                else:
                    os.replace(staging, target)
    except BaseException:
        for _, _, staging, _ in staged:
            if staging is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(staging)
        raise
    return [path for path, *_ in staged]


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data`` (false if it cannot be read)."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back during the block and raise ``InterruptedAfterWriting`` after it, if it
    came."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise InterruptedAfterWriting
