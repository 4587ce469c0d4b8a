"""The translation memory: units in, fuzzy matches, concordance lines and TMX out."""

from __future__ import annotations

import math
import re
import sqlite3
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
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
# When more than CANDIDATES units share the most words looked up, more are looked up: at least
# WIDE_TERMS more words, within WIDE_BUDGET units; WIDE_CANDIDATES units are then taken.
WIDE_CANDIDATES = 30
WIDE_BUDGET = 3000
WIDE_TERMS = 2
# The look-up is also wide when no candidate is this similar (%) to the query.
WIDEN_BELOW = 70
# The query is taken to be in each language where it has at least this share of the words found
# in the language where it has most.
LANGUAGE_SHARE = 0.6
# Candidates this many points below the best word similarity still get a score: case and
# diacritics cost a little in the score and nothing in the word similarity.
MARGIN = 10
_ALNUM = re.compile(r"[^\W_]+")
# The folded form of a word, kept for the words met most often.
_fold_word = lru_cache(maxsize=1 << 16)(fold)


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

    def _candidates(self, keys: list[str], lang: str | None, min_score: int,
                    wide: bool) -> tuple[dict[str, list[int]], bool]:  # fmt: skip
        """For each language the query may be in, the ids of the units sharing most of its rarer
        words there, and whether the look-up was wide: more words looked up and more units
        taken (``WIDE_TERMS``, ``WIDE_BUDGET``, ``WIDE_CANDIDATES``), as asked, or because more
        units than are taken share the most words."""
        terms = sorted(set(keys))
        sides = [lang] if lang else list(LANGUAGES)
        frequency: dict[str, dict[str, int]] = {side: {} for side in sides}
        rows = self.connection.execute(
            f"SELECT lang, term, docs FROM word WHERE lang IN ({_marks(sides)}) "
            f"AND term IN ({_marks(terms)})", [*sides, *terms])  # fmt: skip
        for side, term, docs in rows:
            frequency[side][term] = docs
        most = max(len(found) for found in frequency.values())
        if not most:
            return {}, True
        frequency = {side: found for side, found in frequency.items()
                     if len(found) >= LANGUAGE_SHARE * most}  # fmt: skip
        chosen = {side: _rarest(found, POSTINGS_BUDGET, MIN_TERMS)
                  for side, found in frequency.items()}  # fmt: skip
        votes = self._votes(chosen)
        wanted = CANDIDATES
        wide = wide or any(terms and _crowded(votes[side], CANDIDATES)
                           for side, terms in chosen.items())  # fmt: skip
        if wide:
            wanted = WIDE_CANDIDATES
            wider = {side: _rarest(found, WIDE_BUDGET, len(chosen[side]) + WIDE_TERMS)
                     for side, found in frequency.items()}  # fmt: skip
            self._votes({side: terms[len(chosen[side]) :] for side, terms in wider.items()},
                        votes)  # fmt: skip
            chosen = wider
        length = min(len(keys), store.LONGEST)
        # a text shorter or longer than these cannot reach min_score
        shortest = math.ceil(length * min_score / 100)
        longest = store.LONGEST if length >= store.LONGEST else length * 100 // max(min_score, 1)
        return {side: _most_voted(votes[side], wanted, shortest, longest, length) if terms
                else self._holding_pairs(side, keys, wanted)
                for side, terms in chosen.items()}, wide  # fmt: skip

    def _votes(self, chosen: dict[str, list[str]], votes: dict[str, Counter[int]] | None = None
               ) -> dict[str, Counter[int]]:  # fmt: skip
        """For each side, how many of its ``chosen`` words each unit entry holds (added to
        ``votes`` when given)."""
        if votes is None:
            votes = {side: Counter() for side in chosen}
        terms = sorted({term for found in chosen.values() for term in found})
        if not terms:
            return votes
        wanted = {(side, term) for side, found in chosen.items() for term in found}
        rows = self.connection.execute(
            f"SELECT lang, term, ids FROM word WHERE lang IN ({_marks(chosen)}) "
            f"AND term IN ({_marks(terms)})", [*chosen, *terms])  # fmt: skip
        for side, term, ids in rows:
            if (side, term) in wanted:
                votes[side].update(store.unpack(ids))
        return votes

    def _holding_pairs(self, side: str, keys: list[str], wanted: int) -> list[int]:
        """The ids of the units holding most of the rarer pairs of the query's words that follow
        one another, else all of them: the candidates of a query made only of common words,
        which the word index does not keep."""
        pairs = sorted(set(store.word_pairs(keys)))
        rows = self.connection.execute(f"SELECT term, doc FROM unit_text_terms WHERE term IN "
                                       f"({_marks(pairs)})", pairs)  # fmt: skip
        chosen = _rarest(dict(rows.fetchall()), WIDE_BUDGET, MIN_TERMS)
        if not chosen:
            expression = store.phrase_query(keys, side)
            rows = self.connection.execute("SELECT rowid FROM unit_text WHERE unit_text MATCH ? "
                                           "LIMIT ?", (expression, wanted))  # fmt: skip
            return [row[0] for row in rows]
        votes: Counter[int] = Counter()
        for pair in chosen:
            rows = self.connection.execute("SELECT rowid FROM unit_text WHERE unit_text MATCH ?",
                                           (store.phrase_query([pair], side),))  # fmt: skip
            votes.update(row[0] for row in rows)
        return [number for number, _ in votes.most_common(wanted)]

    def _texts(self, candidates: dict[str, list[int]]) -> list[tuple[int, str, str]]:
        """The id, side and text in that side's language of each candidate unit."""
        ids = sorted({number for found in candidates.values() for number in found})
        if not ids:
            return []
        rows = self.connection.execute(f"SELECT id, source, target, source_lang FROM unit "
                                       f"WHERE id IN ({_marks(ids)})", ids)  # fmt: skip
        texts = {number: (source, target, source_lang) for number, source, target, source_lang
                 in rows}  # fmt: skip
        found = []
        for side, numbers in candidates.items():
            for number in numbers:
                source, target, source_lang = texts[number]
                found.append((number, side, source if source_lang == side else target))
        return found

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
        within ``MARGIN`` points of the ``limit``-th best, best first; looked up wide when none
        is ``WIDEN_BELOW`` % similar."""
        candidates, wide = self._candidates(keys, lang, min_score, wide=False)
        close = self._closest(keys, candidates, min_score, limit)
        if not wide and (not close or close[0][0] * 100 < WIDEN_BELOW):
            more, _ = self._candidates(keys, lang, min_score, wide=True)
            for side, ids in more.items():
                candidates[side] = list(dict.fromkeys([*candidates.get(side, []), *ids]))
            close = self._closest(keys, candidates, min_score, limit)
        return close

    def _closest(self, keys: list[str], candidates: dict[str, list[int]], min_score: int,
                 limit: int) -> list[tuple[float, int, str, str]]:  # fmt: skip
        """The ``candidates`` as ``_close`` keeps them."""
        query_set = set(keys)
        ranked = []
        for number, side, text in self._texts(candidates):
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
        expression = store.phrase_query(folded, lang)
        marked = [canonical_key(nfc(w)) for w in _ALNUM.findall(phrase)] if has_diacritics(
            phrase) else None  # fmt: skip
        found: list[Concordance] = []
        columns = ", ".join(f"unit.{name}" for name in store.FIELDS)
        cursor = self.connection.execute(
            f"SELECT {columns} FROM unit_text JOIN unit ON unit.id = unit_text.rowid "
            f"WHERE unit_text MATCH ? ORDER BY unit_text.rowid", (expression,))  # fmt: skip
        for row in cursor:
            unit = Unit(*row)
            for side in [lang] if lang else list(LANGUAGES):
                text = unit.source if unit.source_lang == side else unit.target
                spans = _spans(text, folded, marked)
                if spans:
                    found.append(Concordance(unit, side, text, spans))
            if len(found) >= limit:
                break
        cursor.close()
        return found[:limit]


def _rarest(frequency: dict[str, int], budget: int, least: int) -> list[str]:
    """The rarest words of ``frequency`` (word: units holding it) while their units add up to
    at most ``budget`` (at least ``least`` words, none common), rarest first."""
    chosen: list[str] = []
    total = 0
    for term in sorted(frequency, key=lambda t: (frequency[t], t)):
        docs = frequency[term]
        if docs > store.COMMON or (len(chosen) >= least and total + docs > budget):
            break
        chosen.append(term)
        total += docs
    return chosen


def _crowded(votes: Counter[int], wanted: int) -> bool:
    """Whether more than ``wanted`` entries have the most votes: the best unit may then be left
    out, as when the rarest words of the query are those changed, or are not rare."""
    return bool(votes) and Counter(votes.values())[max(votes.values())] > wanted


def _most_voted(votes: Counter[int], wanted: int, shortest: int, longest: int,
                length: int) -> list[int]:  # fmt: skip
    """The ids of the ``wanted`` entries with most votes and a length from ``shortest`` to
    ``longest`` words: those nearest ``length`` first among those with as many votes as the
    last."""
    above = level_count = 0
    for _, level_count in sorted(Counter(votes.values()).items(), reverse=True):
        if above + level_count >= wanted:
            break
        above += level_count
    else:
        above -= level_count  # the last level is the one whose units are chosen by length
    ranked = sorted(votes, key=votes.__getitem__, reverse=True)
    tied = _nearest(ranked[above : above + level_count], wanted - above,
                    _distances(shortest, longest, length))  # fmt: skip
    return [entry >> store.LENGTH_BITS for entry in ranked[:above] + tied]


# An entry's lowest byte holds its length (LENGTH_BITS <= 8): read from the entries' bytes.
_LOW_BYTE = 0 if sys.byteorder == "little" else 3
_OUT = 255


@lru_cache(maxsize=256)
def _distances(shortest: int, longest: int, length: int) -> bytes:
    """For each value of an entry's lowest byte, how far its length is from ``length``, or
    ``_OUT`` when it is not from ``shortest`` to ``longest``."""
    sizes = [byte & store.LONGEST for byte in range(256)]
    return bytes(abs(size - length) if shortest <= size <= longest else _OUT for size in sizes)


def _nearest(entries: list[int], room: int, distances: bytes) -> list[int]:
    """The first ``room`` of ``entries`` by the distance of their length (``_distances``), then
    by entry; found with bytes operations, since there may be thousands of entries."""
    entries = sorted(entries)
    away = array("I", entries).tobytes()[_LOW_BYTE::4].translate(distances)
    chosen: list[int] = []
    for distance in sorted(set(away) - {_OUT}):
        position = away.find(distance)
        while position >= 0 and len(chosen) < room:
            chosen.append(entries[position])
            position = away.find(distance, position + 1)
    return chosen


def _marks(values: Iterable[object]) -> str:
    """As many SQL parameter marks as ``values``."""
    return ", ".join("?" for _ in values)


def _spans(text: str, folded: list[str], marked: list[str] | None) -> list[tuple[int, int]]:
    """Where the words ``folded`` stand in ``text`` one after the other (with the marks of
    ``marked`` too, when given)."""
    runs = list(_ALNUM.finditer(text))
    words = [_fold_word(run.group()) for run in runs]
    spans = []
    size = len(folded)
    for start in range(len(runs) - size + 1):
        if words[start] != folded[0] or words[start : start + size] != folded:
            continue
        window = runs[start : start + size]
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
