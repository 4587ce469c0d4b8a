"""The translation memory's SQLite database: the only module that speaks SQL.

Units live in ``unit``; ``unit_text`` is an FTS5 index of the English and the Vietnamese side
of each unit, folded (no case, no diacritics), filled by a trigger. The schema version is
SQLite's ``PRAGMA user_version``; ``MIGRATIONS`` brings an older file up to date on opening.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from vnterms.errors import InputError
from vnterms.fileio import make_directory
from vnterms.normalize import fold

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "FIELDS",
    "MIGRATIONS",
    "connect",
    "default_path",
    "find_path",
    "insert_rows",
    "transaction",
]

ENVIRONMENT_VARIABLE = "VNTERMS_TM"
# The columns of a unit, in the order rows are given and read.
FIELDS = ("source", "target", "source_lang", "target_lang", "origin", "created", "changed",
          "user", "context", "note")  # fmt: skip
# A second import waits this long for the first to commit (seconds): imports of large files
# take minutes, and WAL lets readers go on meanwhile.
BUSY_TIMEOUT = 600.0

_UNITS = """
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    key BLOB NOT NULL UNIQUE,  -- hash of source, target and languages: a pair is stored once
    source TEXT NOT NULL, target TEXT NOT NULL,
    source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '', created TEXT NOT NULL DEFAULT '',
    changed TEXT NOT NULL DEFAULT '', user TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT ''
);
"""
_TEXT_INDEX = """
CREATE VIRTUAL TABLE unit_text USING fts5(en, vi, content='', tokenize='ascii');
CREATE VIRTUAL TABLE unit_words USING fts5vocab(unit_text, 'row');
CREATE TRIGGER unit_indexed AFTER INSERT ON unit BEGIN
    INSERT INTO unit_text(rowid, en, vi) VALUES (
        new.id,
        vnterms_fold(CASE new.source_lang WHEN 'en' THEN new.source ELSE new.target END),
        vnterms_fold(CASE new.source_lang WHEN 'vi' THEN new.source ELSE new.target END));
END;
INSERT INTO unit_text(rowid, en, vi)
    SELECT id, vnterms_fold(CASE source_lang WHEN 'en' THEN source ELSE target END),
           vnterms_fold(CASE source_lang WHEN 'vi' THEN source ELSE target END) FROM unit;
"""
# Migration n brings a file at version n to version n + 1.
MIGRATIONS: Sequence[str] = (_UNITS, _TEXT_INDEX)


def default_path() -> Path:
    """``$XDG_DATA_HOME/vnterms/tm.sqlite`` (``~/.local/share`` when unset)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "vnterms" / "tm.sqlite"


def find_path(option: str | Path | None = None) -> Path:
    """Where the memory is: ``option``, else ``$VNTERMS_TM``, else ``default_path()``."""
    if option is not None:
        return Path(option)
    return Path(os.environ.get(ENVIRONMENT_VARIABLE) or default_path())


def connect(path: str | Path, *, migrations: Sequence[str] = MIGRATIONS) -> sqlite3.Connection:
    """Open (creating it if needed) the memory at ``path``, brought to the newest schema."""
    path = Path(path)
    if str(path) != ":memory:":
        make_directory(path.parent)
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        connection.create_function("vnterms_fold", 1, _fold, deterministic=True)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        _migrate(connection, migrations, str(path))
    except sqlite3.DatabaseError as error:
        raise InputError(f"not a translation memory: {error}", str(path)) from None
    return connection


def _fold(text: str | None) -> str:
    return fold(text or "")


def _migrate(connection: sqlite3.Connection, migrations: Sequence[str], name: str) -> None:
    with transaction(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise InputError(f"made by a newer vnterms (schema {version}, this one knows up to "
                             f"{len(migrations)})", name)  # fmt: skip
        for number in range(version, len(migrations)):
            for statement in _statements(migrations[number]):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {len(migrations)}")


def _statements(script: str) -> Iterator[str]:
    """The statements of ``script`` (a trigger body's semicolons do not end its statement)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed if the block ends, rolled back on any exception or
    interrupt. It takes the write lock at once, so a second writer waits for the first."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def unit_key(row: Sequence[str]) -> bytes:
    """The identity of a unit: its texts and languages (not where or when it came from)."""
    joined = "\0".join(row[:4]).encode("utf-8")
    return hashlib.blake2b(joined, digest_size=16).digest()


def insert_rows(connection: sqlite3.Connection, rows: Iterable[Sequence[str]], *,
                batch: int = 2000) -> None:  # fmt: skip
    """Insert unit rows (``FIELDS`` order), skipping those already stored, ``batch`` at a time
    (memory holds one batch). Call inside ``transaction``."""
    columns = ", ".join(FIELDS)
    statement = (f"INSERT OR IGNORE INTO unit (key, {columns}) "
                 f"VALUES (?, {', '.join('?' * len(FIELDS))})")  # fmt: skip
    pending: list[tuple[object, ...]] = []
    for row in rows:
        pending.append((unit_key(row), *row))
        if len(pending) >= batch:
            connection.executemany(statement, pending)
            pending.clear()
    connection.executemany(statement, pending)
