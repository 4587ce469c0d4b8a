"""The translation memory: units in, fuzzy matches, concordance lines and TMX out."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from vnterms.normalize import canonical_key, compact, fold, has_diacritics, nfc
from vnterms.tm import store
from vnterms.tm.export import write_tmx_units
from vnterms.tm.match import (
    diff_tokens,
    place_numbers,
    score,
    tokens,
    word_distance,
)
from vnterms.tm.readers import read_units
from vnterms.tm.unit import LANGUAGES, Unit

if TYPE_CHECKING:
    from vnterms.model import Glossary

__all__ = [
    "Concordance",
    "Imported",
    "Match",
    "Stats",
    "TranslationMemory",
    "describe",
    "glossary_terms",
]

# How many units the word index proposes for a query; the edit distance ranks them.
CANDIDATES = 50
# Rare words are looked up first; once the units holding the words chosen pass this many, no
# more common word is added (unless fewer than three words are chosen).
POSTINGS_BUDGET = 5000
_ALNUM = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    return compact(token)


def _word_keys(text: str) -> list[str]:
    """The words of ``text`` as compared: folded, without punctuation."""
    return [_key(token) for token in tokens(text) if token[0].isalnum() or token[0] == "_"]


@dataclass(frozen=True)
class Match:
    """A unit found for a query: ``source`` is the side in the query's language."""

    score: int
    source: str
    target: str
    target_suggested: str
    numbers_replaced: list[tuple[str, str]]
    diff: list[tuple[str, str]]
    unit: Unit
    id: int


class Concordance(NamedTuple):
    """A unit holding a phrase, and where the phrase stands in its text in ``lang``."""

    unit: Unit
    lang: str
    text: str
    spans: list[tuple[int, int]]


class Imported(NamedTuple):
    """What an import did: units read from the file, and how many of them were new."""

    read: int
    added: int


@dataclass
class Stats:
    """How many units a memory holds, by direction and by origin."""

    path: str
    units: int
    directions: dict[str, int] = field(default_factory=dict)
    origins: int = 0
    size: int = 0
    schema: int = 0


class TranslationMemory:
    """A translation memory in SQLite: ``TranslationMemory.open(path)``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None) -> TranslationMemory:
        """The memory at ``path``, else ``$VNTERMS_TM``, else the default place (created)."""
        where = store.find_path(path)
        return cls(store.connect(where), where)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_units(self, units: Iterable[Unit], origin: str = "") -> int:
        """Store ``units`` in one transaction (all or none); a unit without an origin gets
        ``origin``. Return how many were new (a pair already stored is kept once)."""
        rows = (unit.row() if unit.origin or not origin else
                Unit(**{**unit.__dict__, "origin": origin}).row()
                for unit in units if unit.usable)  # fmt: skip
        with store.transaction(self.connection):
            last = self.connection.execute("SELECT coalesce(max(id), 0) FROM unit").fetchone()[0]
            store.insert_rows(self.connection, rows)
            return int(self.connection.execute("SELECT count(*) FROM unit WHERE id > ?",
                                               (last,)).fetchone()[0])  # fmt: skip

    def import_file(self, path: str | Path) -> Imported:
        """Import a TMX, PO, XLIFF, TSV or CSV file in one transaction: a bad line or an
        interrupt leaves the memory as it was."""
        count = [0]

        def counted(units: Iterator[Unit]) -> Iterator[Unit]:
            for unit in units:
                count[0] += 1
                yield unit

        added = self.add_units(counted(read_units(path)), str(path))
        return Imported(count[0], added)

    def __len__(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM unit").fetchone()[0])

    def units(self) -> Iterator[Unit]:
        """Every unit, in the order stored."""
        columns = ", ".join(store.FIELDS)
        for row in self.connection.execute(f"SELECT {columns} FROM unit ORDER BY id"):
            yield Unit(*row)

    def export_tmx(self, fileobj: IO[bytes], *, version: str = "") -> None:
        """Write every unit as TMX 1.4."""
        write_tmx_units(fileobj, self.units(), version=version)

    def stats(self) -> Stats:
        """How many units, in which directions, from how many files."""
        query = self.connection.execute
        result = Stats(str(self.path), len(self))
        for source, target, count in query("SELECT source_lang, target_lang, count(*) FROM unit "
                                           "GROUP BY 1, 2 ORDER BY 1, 2"):  # fmt: skip
            result.directions[f"{source}→{target}"] = count
        result.origins = query("SELECT count(DISTINCT origin) FROM unit").fetchone()[0]
        result.schema = query("PRAGMA user_version").fetchone()[0]
        result.size = (query("PRAGMA page_size").fetchone()[0]
                       * query("PRAGMA page_count").fetchone()[0])  # fmt: skip
        return result

    def _candidates(self, folded: list[str], lang: str | None) -> list[int]:
        """The ids of the units sharing the most rare words with the query."""
        frequency: dict[str, int] = {}
        for term in set(folded):
            row = self.connection.execute("SELECT doc FROM unit_words WHERE term = ?",
                                          (term,)).fetchone()  # fmt: skip
            if row is not None:
                frequency[term] = row[0]
        chosen: list[str] = []
        total = 0
        for term in sorted(frequency, key=lambda t: (frequency[t], t)):
            if len(chosen) >= 3 and total + frequency[term] > POSTINGS_BUDGET:
                break
            chosen.append(term)
            total += frequency[term]
        if not chosen:
            return []
        expression = " OR ".join(f'"{term}"' for term in chosen)
        if lang is not None:
            expression = f"{lang} : ({expression})"
        rows = self.connection.execute(
            "SELECT rowid FROM unit_text WHERE unit_text MATCH ? ORDER BY rank LIMIT ?",
            (expression, CANDIDATES),
        )
        return [row[0] for row in rows]

    def _fetch(self, ids: list[int]) -> list[tuple[int, Unit]]:
        columns = ", ".join(store.FIELDS)
        marks = ", ".join("?" * len(ids))
        rows = self.connection.execute(f"SELECT id, {columns} FROM unit WHERE id IN ({marks})",
                                       ids)  # fmt: skip
        return [(row[0], Unit(*row[1:])) for row in rows]

    def search(self, query: str, *, min_score: int = 70, limit: int = 5,
               lang: str | None = None) -> list[Match]:  # fmt: skip
        """The units whose text in either language (or in ``lang``) is closest to ``query``,
        best first, scoring at least ``min_score``."""
        query = nfc(" ".join(query.split()))
        keys = _word_keys(query)
        if not keys:
            return []
        query_set = set(keys)
        sides = [lang] if lang else list(LANGUAGES)
        ranked = []
        for number, unit in self._fetch(self._candidates(fold(query).split(), lang)):
            for side in sides:
                text = unit.source if unit.source_lang == side else unit.target
                other = _word_keys(text)
                other_set = set(other)
                common = min(len([k for k in other if k in query_set]),
                             len([k for k in keys if k in other_set]))  # fmt: skip
                longer = max(len(keys), len(other))
                ranked.append((common / longer, number, side, unit, text, other))
        ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
        found: list[tuple[int, float, int, str, Unit]] = []
        for bound, number, side, unit, text, other in ranked:
            floor = max(min_score, found[-1][0] if len(found) >= limit else 0, 1)
            if bound * 100 < floor:
                break
            longer = max(len(keys), len(other))
            allowed = int(longer * (100 - floor) / 100 + 1e-9)
            distance = word_distance(keys, other, bound=allowed)
            if distance > allowed:
                continue
            found.append((score(query, text), 1 - distance / longer, number, side, unit))
            found.sort(key=lambda f: (-f[0], -f[1], f[2]))
            del found[limit:]
        return [self._match(query, *item) for item in found if item[0] >= min_score]

    @staticmethod
    def _match(query: str, points: int, _: float, number: int, side: str, unit: Unit) -> Match:
        source, target = (unit.source, unit.target) if unit.source_lang == side else (
            unit.target, unit.source)  # fmt: skip
        placed = place_numbers(query, source, target) if points < 100 else None
        return Match(points, source, target, placed.target if placed else target,
                     placed.replaced if placed else [], diff_tokens(source, query), unit, number)

    def concordance(self, phrase: str, *, lang: str | None = None,
                    limit: int = 20) -> list[Concordance]:  # fmt: skip
        """The units holding ``phrase`` (without regard to diacritics when it has none), in the
        order stored, with where the phrase stands."""
        folded = fold(phrase).split()
        if not folded:
            return []
        expression = '"' + " ".join(folded) + '"'
        if lang is not None:
            expression = f"{lang} : {expression}"
        marked = [canonical_key(nfc(w)) for w in _ALNUM.findall(phrase)] if has_diacritics(
            phrase) else None  # fmt: skip
        found: list[Concordance] = []
        cursor = self.connection.execute(
            "SELECT rowid FROM unit_text WHERE unit_text MATCH ? ORDER BY rowid", (expression,))
        for (number,) in cursor:
            for _, unit in self._fetch([number]):
                for side in [lang] if lang else list(LANGUAGES):
                    text = unit.source if unit.source_lang == side else unit.target
                    spans = _spans(text, folded, marked)
                    if spans:
                        found.append(Concordance(unit, side, text, spans))
            if len(found) >= limit:
                break
        cursor.close()
        return found[:limit]


def _spans(text: str, folded: list[str], marked: list[str] | None) -> list[tuple[int, int]]:
    """Where the words ``folded`` stand in ``text`` one after the other (with the marks of
    ``marked`` too, when given)."""
    runs = list(_ALNUM.finditer(text))
    spans = []
    size = len(folded)
    for start in range(len(runs) - size + 1):
        window = runs[start : start + size]
        if [fold(run.group()) for run in window] != folded:
            continue
        if marked is not None and [canonical_key(run.group()) for run in window] != marked:
            continue
        spans.append((window[0].start(), window[-1].end()))
    return spans


def glossary_terms(text: str, glossary: Glossary) -> list[dict[str, str]]:
    """The glossary names in ``text``, each once, with their English and Vietnamese."""
    from vnterms.extract import find_names

    found: dict[str, dict[str, str]] = {}
    for name in find_names(text, glossary):
        if name.concept is not None and name.concept.id not in found:
            found[name.concept.id] = {"text": name.text, "id": name.concept.id,
                                      "en": name.concept.label("en") or "",
                                      "vi": name.concept.label("vi") or ""}  # fmt: skip
    return list(found.values())


def describe(match: Match, terms: list[dict[str, str]]) -> dict[str, object]:
    """A match as JSON: ``score``, ``source``, ``target``, ``target_suggested``, ``origin``,
    ``diff`` (runs ``=`` kept, ``-`` only in the match, ``+`` only in the query), ``terms``."""
    return {
        "score": match.score, "source": match.source, "target": match.target,
        "target_suggested": match.target_suggested,
        "numbers_replaced": [list(pair) for pair in match.numbers_replaced],
        "origin": match.unit.origin, "diff": [list(run) for run in match.diff], "terms": terms,
    }  # fmt: skip
