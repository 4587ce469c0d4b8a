"""A cache of parsed glossaries with the search keys of their terms, for commands run often.

A single ``vnterms lookup`` from the shell would otherwise spend most of its time parsing the
glossary and computing the keys of every term again. The cache keeps, for each glossary directory,
one file holding the concepts and keys of the last run, written with ``marshal`` (plain data,
never code, unlike pickle), and uses it only while the bytes of every ``.terms`` file are the
ones it was made from. Each table of keys is stored apart and read only when a query reaches
it. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import marshal
import os
import zlib
from dataclasses import fields
from pathlib import Path
from typing import Any

from vnterms.errors import OutputError
from vnterms.lookup import TABLES, Index, collection_paused
from vnterms.model import Concept, Glossary, Term
from vnterms.store import find_glossary, make_glossary, parse_files, read_files

__all__ = ["cache_dir", "load_glossary"]

# Bumped whenever the layout below or the meaning of the keys changes.
FORMAT = 8
_CONCEPT_FIELDS = tuple(f.name for f in fields(Concept) if f.name != "terms")
_TERM_FIELDS = tuple(f.name for f in fields(Term))


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/vnterms``, by default ``~/.cache/vnterms``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vnterms"


def load_glossary(path: str | Path | None = None) -> Glossary:
    """``Glossary.load(path)`` with its lookup index ready, from the cache when it is current."""
    directory = find_glossary(path).path
    files = read_files(directory)
    # What the cache was made from: names, sizes and checksums (hashlib would take longer to
    # import than the rest of a lookup).
    source = (FORMAT, _CONCEPT_FIELDS, _TERM_FIELDS,
              [(file.name, len(data), zlib.crc32(data)) for file, data in files])  # fmt: skip
    entry = cache_dir() / f"{zlib.crc32(str(directory.resolve()).encode()):08x}.marshal"
    cached = _read(entry, source)
    if cached is not None:
        return cached
    glossary = make_glossary(*parse_files(files), directory=directory)
    from vnterms.fileio import atomic_write, make_directory  # only on a miss: imports tempfile

    try:
        make_directory(entry.parent)
        with atomic_write(entry, "wb") as handle:
            marshal.dump((source, _freeze(glossary)), handle)
    except (OSError, OutputError):
        pass  # a read-only or missing home: work without the cache
    return glossary


def _read(entry: Path, source: tuple[Any, ...]) -> Glossary | None:
    try:
        with collection_paused():
            stored, data = marshal.loads(entry.read_bytes())
            return _thaw(data) if stored == source else None
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None  # absent, damaged or from another layout: rebuilt by the caller


def _freeze(glossary: Glossary) -> tuple[Any, ...]:
    concepts = [
        (
            tuple(getattr(concept, name) for name in _CONCEPT_FIELDS),
            [tuple(getattr(term, name) for name in _TERM_FIELDS) for term in concept.terms],
        )
        for concept in glossary
    ]
    tables = {name: marshal.dumps(table) for name, table in glossary.index.tables.items()}
    return (
        concepts,
        glossary.headers,
        {name: (zlib.crc32(data), data) for name, data in tables.items()},
    )


class _Tables(dict[str, Any]):
    """The tables of an index, each read from its stored bytes on first use.

    Bytes found damaged then (their checksum differs) are not used: every table is built
    again from the glossary, as without a cache.
    """

    def __init__(self, stored: dict[str, tuple[int, bytes]], glossary: Glossary) -> None:
        super().__init__()
        self.stored = stored
        self.glossary = glossary

    def __missing__(self, name: str) -> Any:
        checksum, data = self.stored.pop(name)
        with collection_paused():
            if zlib.crc32(data) == checksum:
                table = self[name] = marshal.loads(data)
                return table
            self.stored.clear()
            self.update(Index(self.glossary).tables)
        return self[name]


def _thaw(data: tuple[Any, ...]) -> Glossary:
    concepts, headers, stored = data
    if set(stored) != set(TABLES):
        raise KeyError("tables")
    glossary = Glossary()
    for concept_values, terms in concepts:
        concept = Concept(**dict(zip(_CONCEPT_FIELDS, concept_values, strict=True)))
        concept.terms = [Term(*values) for values in terms]  # the fields, in their order
        glossary.add(concept)
    glossary.headers = headers
    glossary.index = Index(glossary, tables=_Tables(stored, glossary))
    return glossary
