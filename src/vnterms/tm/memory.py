"""The translation memory: units in, fuzzy matches, concordance lines and TMX out."""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from vnterms.normalize import canonical_key, fold, has_diacritics, nfc
from vnterms.tm import store
from vnterms.tm.export import write_tmx_units
from vnterms.tm.match import (
    diff_tokens,
    place_numbers,
    score,
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
CANDIDATES = 20
# Rare words are looked up first; once the units holding the words chosen pass this many, no
# more common word is added (unless fewer than MIN_TERMS words are chosen).
POSTINGS_BUDGET = 1000
MIN_TERMS = 3
# The query is taken to be in each language where it has at least this share of the words found
# in the language where it has most.
LANGUAGE_SHARE = 0.6
# Candidates this many points below the best word similarity still get a score: case and
# diacritics cost a little in the score and nothing in the word similarity.
MARGIN = 10
_ALNUM = re.compile(r"[^\W_]+")


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

    def _candidates(self, keys: list[str], lang: str | None,
                    min_score: int) -> dict[str, list[int]]:  # fmt: skip
        """For each language the query may be in, the ids of the units sharing most of its rarer
        words there."""
        terms = sorted(set(keys))
        marks = ", ".join("?" * len(terms))
        frequency: dict[str, dict[str, int]] = {}
        for side in [lang] if lang else LANGUAGES:
            rows = self.connection.execute(f"SELECT term, docs FROM word WHERE lang = ? AND "
                                           f"term IN ({marks})", [side, *terms])  # fmt: skip
            frequency[side] = dict(rows.fetchall())
        most = max(len(found) for found in frequency.values())
        candidates = {}
        for side, found in frequency.items():
            if most and len(found) >= LANGUAGE_SHARE * most:
                candidates[side] = self._sharing(side, keys, found, min_score)
        return candidates

    def _sharing(self, side: str, keys: list[str], frequency: dict[str, int],
                 min_score: int) -> list[int]:  # fmt: skip
        """The ids of the units of ``side`` holding most of the query's rarer words."""
        length = min(len(keys), store.LONGEST)
        chosen: list[str] = []
        total = 0
        for term in sorted(frequency, key=lambda t: (frequency[t], t)):
            docs = frequency[term]
            if docs > store.COMMON or (len(chosen) >= MIN_TERMS and total + docs > POSTINGS_BUDGET):
                break
            chosen.append(term)
            total += docs
        if not chosen:
            return self._holding_phrase(side, keys)
        votes: Counter[int] = Counter()
        marks = ", ".join("?" * len(chosen))
        for (ids,) in self.connection.execute(f"SELECT ids FROM word WHERE lang = ? AND term "
                                              f"IN ({marks})", [side, *chosen]):  # fmt: skip
            votes.update(store.unpack(ids))
        # a text shorter or longer than these cannot reach min_score
        shortest = math.ceil(length * min_score / 100)
        longest = store.LONGEST if length >= store.LONGEST else length * 100 // max(min_score, 1)
        return _most_voted(votes, shortest, longest, length)

    def _holding_phrase(self, side: str, keys: list[str]) -> list[int]:
        """The ids of units holding the query's words in its order: the candidates of a query
        made only of common words, which the word index does not keep."""
        expression = f'{side} : "{" ".join(keys)}"'
        rows = self.connection.execute("SELECT rowid FROM unit_text WHERE unit_text MATCH ? "
                                       "LIMIT ?", (expression, CANDIDATES))  # fmt: skip
        return [row[0] for row in rows]

    def _texts(self, ids: list[int], side: str) -> list[tuple[int, str]]:
        """The text in ``side``'s language of each unit of ``ids``."""
        marks = ", ".join("?" * len(ids))
        rows = self.connection.execute(
            f"SELECT id, CASE source_lang WHEN ? THEN source ELSE target END FROM unit "
            f"WHERE id IN ({marks})", [side, *ids])  # fmt: skip
        return rows.fetchall()

    def unit(self, number: int) -> Unit:
        """The unit stored under id ``number``."""
        columns = ", ".join(store.FIELDS)
        row = self.connection.execute(f"SELECT {columns} FROM unit WHERE id = ?", (number,))
        return Unit(*row.fetchone())

    def search(self, query: str, *, min_score: int = 70, limit: int = 5,
               lang: str | None = None) -> list[Match]:  # fmt: skip
        """The units whose text in either language (or in ``lang``) is closest to ``query``,
        best first, scoring at least ``min_score``."""
        query = nfc(" ".join(query.split()))
        keys = fold(query).split()
        if not keys:
            return []
        found: list[tuple[int, float, int, str]] = []
        for similarity, number, side, text in self._close(keys, lang, min_score, limit):
            if len(found) >= limit and similarity * 100 < found[-1][0]:
                break  # the score is never above the word similarity: none further can enter
            found.append((score(query, text), similarity, number, side))
            found.sort(key=lambda f: (-f[0], -f[1], f[2]))
            del found[limit:]
        return [self._match(query, points, self.unit(number), number, side)
                for points, _, number, side in found if points >= min_score]  # fmt: skip

    def _close(self, keys: list[str], lang: str | None, min_score: int,
               limit: int) -> list[tuple[float, int, str, str]]:  # fmt: skip
        """The candidates whose word similarity to the query is at least ``min_score`` and
        within ``MARGIN`` points of the ``limit``-th best, best first."""
        query_set = set(keys)
        ranked = []
        for side, ids in self._candidates(keys, lang, min_score).items():
            for number, text in self._texts(ids, side):
                other = fold(text).split()
                other_set = set(other)
                common = min(len([k for k in other if k in query_set]),
                             len([k for k in keys if k in other_set]))  # fmt: skip
                ranked.append((common / max(len(keys), len(other)), number, side, text, other))
        ranked.sort(key=lambda r: (-r[0], r[1], r[2]))
        close: list[tuple[float, int, str, str]] = []
        best: list[float] = []
        for bound, number, side, text, other in ranked:
            floor = max(min_score, best[-1] * 100 - MARGIN if len(best) >= limit else 0, 1)
            if bound * 100 < floor:
                break
            longer = max(len(keys), len(other))
            allowed = int(longer * (100 - floor) / 100 + 1e-9)
            distance = word_distance(keys, other, bound=allowed)
            if distance <= allowed:
                similarity = 1 - distance / longer
                close.append((similarity, number, side, text))
                best = sorted([*best, similarity], reverse=True)[:limit]
        close.sort(key=lambda c: (-c[0], c[1], c[2]))
        return close

    @staticmethod
    def _match(query: str, points: int, unit: Unit, number: int, side: str) -> Match:
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
            unit = self.unit(number)
            for side in [lang] if lang else list(LANGUAGES):
                text = unit.source if unit.source_lang == side else unit.target
                spans = _spans(text, folded, marked)
                if spans:
                    found.append(Concordance(unit, side, text, spans))
            if len(found) >= limit:
                break
        cursor.close()
        return found[:limit]


def _most_voted(votes: Counter[int], shortest: int, longest: int, length: int) -> list[int]:
    """The ids of the ``CANDIDATES`` entries with most votes and a length from ``shortest`` to
    ``longest`` words: those nearest ``length`` first among those with as many votes as the
    last."""
    levels = sorted(Counter(votes.values()).items(), reverse=True)
    taken = level = 0
    for level, count in levels:  # noqa: B007 (the level reached is what the loop looks for)
        taken += count
        if taken >= CANDIDATES:
            break
    chosen: list[int] = []
    tied: dict[int, list[int]] = {}  # by length
    for entry, n in votes.items():
        if n > level:
            chosen.append(entry)
        elif n == level and shortest <= entry & store.LONGEST <= longest:
            tied.setdefault(entry & store.LONGEST, []).append(entry)
    for size in sorted(tied, key=lambda size: (abs(size - length), size)):
        chosen.extend(sorted(tied[size])[: CANDIDATES - len(chosen)])
        if len(chosen) >= CANDIDATES:
            break
    return [entry >> store.LENGTH_BITS for entry in chosen]


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
