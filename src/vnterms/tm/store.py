"""The translation memory's SQLite database: the only module that speaks SQL.

Units live in ``unit``. Their English and Vietnamese sides are indexed folded (no case, no
diacritics): ``unit_text`` (FTS5, words and pairs of words) finds phrases, ``word`` keeps the
ids of the units holding each word that is not too common, from which fuzzy search draws its
candidates. The schema version is SQLite's ``PRAGMA user_version``; ``MIGRATIONS`` bring an
older file up to date.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    "phrase_query",
    "transaction",
    "unpack",
    "word_pairs",
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
_INDEXES = """
CREATE VIRTUAL TABLE unit_text USING fts5(en, vi, content='', tokenize='ascii');
CREATE TABLE word (
    lang TEXT NOT NULL, term TEXT NOT NULL,
    docs INTEGER NOT NULL,  -- how many units hold the word in this language
    ids BLOB NOT NULL,  -- their entries while docs <= COMMON: 4-byte id << 7 | words in the text
    PRIMARY KEY (lang, term)
);
"""


# Each unit's folded words and the pairs of words that follow one another ("of_the"), with the
# columns they stand in but not their positions: a phrase is looked up as all its pairs, whose
# lists are short even when its words are each in most units, and placed by the caller.
_PHRASES = """
CREATE VIRTUAL TABLE unit_text USING fts5(
    en, vi, content='', detail=column, tokenize="ascii tokenchars '_'"
);
CREATE VIRTUAL TABLE unit_text_terms USING fts5vocab(unit_text, 'row');  -- term, doc, cnt
"""


def _create_units(connection: sqlite3.Connection) -> None:
    _run(connection, _UNITS)


def _create_indexes(connection: sqlite3.Connection) -> None:
    """The word indexes (folded), filled for the units already stored."""
    _run(connection, _INDEXES)
    index = _WordIndex(connection)
    columns = "id, source, target, source_lang"
    for number, source, target, source_lang in connection.execute(f"SELECT {columns} FROM unit"):
        index.add(number, source, target, source_lang)
    index.flush()


def _run(connection: sqlite3.Connection, script: str) -> None:
    for statement in _statements(script):
        connection.execute(statement)


def _index_word_pairs(connection: sqlite3.Connection) -> None:
    """The phrase index remade with pairs of words, for the units already stored."""
    connection.execute("DROP TABLE unit_text")
    _run(connection, _PHRASES)
    columns = "id, source, target, source_lang"
    for number, source, target, source_lang in connection.execute(f"SELECT {columns} FROM unit"):
        english, vietnamese = (source, target) if source_lang == "en" else (target, source)
        _add_phrases(connection, number, fold(english).split(), fold(vietnamese).split())


# Migration n brings a file at version n to version n + 1.
Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: Sequence[Migration] = (_create_units, _create_indexes, _index_word_pairs)
# A word in more units than this is not used to find candidates, so its ids are not kept.
COMMON = 10_000
# An entry of ``word.ids`` is a unit's id and the length in words of its text (up to LONGEST),
# so that candidates of about the query's length come first.
LENGTH_BITS = 7
LONGEST = (1 << LENGTH_BITS) - 1
# Word ids are gathered in memory for this many units, then written.
FLUSH_UNITS = 20_000


class _WordIndex:
    """Writes the folded words of new units to ``unit_text`` (FTS5, for phrases) and to ``word``
    (ids per word, for fuzzy candidates), holding at most ``FLUSH_UNITS`` units' words."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.pending: dict[tuple[str, str], list[int]] = {}
        self.units = 0

    def add(self, number: int, source: str, target: str, source_lang: str) -> None:
        english, vietnamese = (source, target) if source_lang == "en" else (target, source)
        folded = {"en": fold(english).split(), "vi": fold(vietnamese).split()}
        _add_phrases(self.connection, number, folded["en"], folded["vi"])
        for lang, words in folded.items():
            entry = number << LENGTH_BITS | min(len(words), LONGEST)
            for term in set(words):
                self.pending.setdefault((lang, term), []).append(entry)
        self.units += 1
        if self.units >= FLUSH_UNITS:
            self.flush()

    def flush(self) -> None:
        rows = []
        for (lang, term), numbers in self.pending.items():
            stored = self.connection.execute("SELECT docs, ids FROM word WHERE lang = ? AND "
                                             "term = ?", (lang, term)).fetchone()  # fmt: skip
            docs = len(numbers) + (stored[0] if stored else 0)
            ids = b"" if docs > COMMON else (stored[1] if stored else b"") + _pack(numbers)
            rows.append((lang, term, docs, ids))
        self.connection.executemany("INSERT OR REPLACE INTO word (lang, term, docs, ids) "
                                    "VALUES (?, ?, ?, ?)", rows)  # fmt: skip
        self.pending.clear()
        self.units = 0


def _add_phrases(connection: sqlite3.Connection, number: int, english: list[str],
                 vietnamese: list[str]) -> None:  # fmt: skip
    connection.execute("INSERT INTO unit_text (rowid, en, vi) VALUES (?, ?, ?)",
                       (number, _phrase_tokens(english), _phrase_tokens(vietnamese)))  # fmt: skip


def _phrase_tokens(words: list[str]) -> str:
    """The words and the pairs of words that follow one another, as ``unit_text`` holds them.

    >>> _phrase_tokens(["the", "council", "met"])
    'the council met the_council council_met'
    """
    return " ".join([*words, *word_pairs(words)])


def word_pairs(words: Sequence[str]) -> list[str]:
    """The pairs of ``words`` that follow one another, as ``unit_text`` holds them."""
    return [f"{first}_{second}" for first, second in itertools.pairwise(words)]


def phrase_query(words: Sequence[str], lang: str | None = None, *, every: bool = True) -> str:
    """The ``unit_text MATCH`` expression of the units holding every pair of folded ``words``
    (in ``lang``, else in either language), a superset of those holding the phrase; or, when
    not ``every``, any of the pairs.

    >>> phrase_query(["of", "the", "council"], "en")
    'en : ("of_the" AND "the_council")'
    >>> phrase_query(["council"])
    '("council")'
    >>> phrase_query(["it", "is", "so"], every=False)
    '("it_is" OR "is_so")'
    """
    pairs = word_pairs(words) or list(words[:1])
    joint = " AND " if every else " OR "
    expression = "(" + joint.join(f'"{token}"' for token in dict.fromkeys(pairs)) + ")"
    return f"{lang} : {expression}" if lang else expression


def _pack(numbers: list[int]) -> bytes:
    return array("I", numbers).tobytes()


def unpack(ids: bytes) -> array[int]:
    """The entries of a ``word`` row: ``id << LENGTH_BITS | length``."""
    numbers = array("I")
    numbers.frombytes(ids)
    return numbers


def default_path() -> Path:
    """``$XDG_DATA_HOME/vnterms/tm.sqlite`` (``~/.local/share`` when unset)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "vnterms" / "tm.sqlite"


def find_path(option: str | Path | None = None) -> Path:
    """Where the memory is: ``option``, else ``$VNTERMS_TM``, else ``default_path()``."""
    if option is not None:
        return Path(option)
    return Path(os.environ.get(ENVIRONMENT_VARIABLE) or default_path())


def connect(path: str | Path, *, migrations: Sequence[Migration] = MIGRATIONS
            ) -> sqlite3.Connection:  # fmt: skip
    """Open (creating it if needed) the memory at ``path``, brought to the newest schema."""
    path = Path(path)
    if str(path) != ":memory:":
        make_directory(path.parent)
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        _migrate(connection, migrations, str(path))
    except sqlite3.DatabaseError as error:
        raise InputError(f"not a translation memory: {error}", str(path)) from None
    return connection


def _migrate(connection: sqlite3.Connection, migrations: Sequence[Migration], name: str) -> None:
    with transaction(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise InputError(f"made by a newer vnterms (schema {version}, this one knows up to "
                             f"{len(migrations)})", name)  # fmt: skip
        for migration in migrations[version:]:
            migration(connection)
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


def insert_rows(connection: sqlite3.Connection, rows: Iterable[Sequence[str]]) -> int:
    """Insert unit rows (``FIELDS`` order), skipping those already stored, and index the new
    ones; return how many were new. Call inside ``transaction``."""
    columns = ", ".join(FIELDS)
    statement = (f"INSERT OR IGNORE INTO unit (key, {columns}) "
                 f"VALUES (?, {', '.join('?' * len(FIELDS))})")  # fmt: skip
    index = _WordIndex(connection)
    added = 0
    for row in rows:
        cursor = connection.execute(statement, (unit_key(row), *row))
        if cursor.rowcount == 1 and cursor.lastrowid is not None:
            index.add(cursor.lastrowid, row[0], row[1], row[2])
            added += 1
    index.flush()
    return added
