"""Draft Vietnamese for new English names, composed from a table learned from the glossary itself.

``Drafter(glossary)`` aligns the glossary's English and Vietnamese preferred terms into a table of
words and phrases ("Committee" → "ủy ban", "human rights" → "nhân quyền"), of linking words and of
where "Liên hợp quốc", ordinals and years go; ``draft`` then renders a name head first, as
Vietnamese does. A name with a word the table does not know gets no draft at all.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from vnterms.model import Concept, Glossary
from vnterms.normalize import canonical, canonical_key, compact
from vnterms.patterns import Country, countries

__all__ = ["Draft", "Drafter", "Part", "draft_vietnamese", "drafter_for"]

# Words that link the parts of a name ("Committee on X", "Office for Y"): each part is rendered
# alone, head first, and the link by what the glossary puts between such parts.
LINKS = frozenset(
    "of on for against to in at with under concerning relating from among between by".split()
)
_SKIPPED = frozenset(["the", "a", "an", "no", "'", "’"])  # "no": "No. 98"; "'": "Ministers'"
_STOPWORDS = LINKS | _SKIPPED | {"and", "or"}
# Longest English phrase the table holds, in words; and of a Vietnamese rendering, in syllables.
MAX_PHRASE = 4
MAX_RENDERING = 5
YEAR_WORD = "năm"  # the word for "year", which may or may not stand before a year in a name
MIN_SUPPORT = 2  # pairs a word and its rendering must share to enter the table
MIN_DICE = 0.5
# A phrase is learned from any round on, before its words, when this clear, or when its best
# rendering is the one a word of it would take ("climate change" → "biến đổi khí hậu").
PHRASE_DICE = 0.8
# The word supports at which the table is learned, the best attested first: each round's
# alignments are taken out of their pairs before the next round counts again.
ROUNDS = (8, 5, 3, 2)
# A longer rendering that holds the best one wins when it shares this much of its pairs.
NESTED_SHARE = 0.8
# Vietnamese linking words: a rendering of a word or phrase neither starts nor ends with one.
VI_LINKS = frozenset("về của và với vì tại cho".split())
# What a Vietnamese name may hold around a rendering learned from one pair: its links, plural
# markers, the words that stand before numbers ("các", "lần thứ 35", "năm 1961") and the words
# that make a noun of a verb ("sự phát triển").
_VI_EDGES = VI_LINKS | {"các", "những", "năm", "lần", "thứ", "số", "sự", "việc"}
# Syllables a rendering learned from one pair may have per English word, and at most.
SINGLE_PER_WORD = 4
SINGLE_MAX = 8
_WORD = re.compile(r"[A-Z\d]+(?:/[A-Z\d]+)+\b|\d+[–-]\d+\b"  # "HIV/AIDS", "2011–2020"
                   r"|[^\W_]+(?:['’][^\W_]+)*(?:[-‐‑][^\W_]+)*|,|\S")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\Z")
_YEAR = re.compile(r"(?:19|20)\d\d\Z")
_NUMBER = re.compile(r"\d+(?:[/.]\d+)*\Z|\d+[–-]\d+\Z")
_HYPHEN = re.compile(r"[-‐‑]")
_VI_PUNCTUATION = ",;:()\"“”'’.-–"


class Part(NamedTuple):
    """One piece of a draft: the English it renders, its Vietnamese, and where that came from
    (``concept:ID`` for a whole glossary name, ``table`` for the learned table)."""

    en: str
    vi: str
    source: str


@dataclass
class Draft:
    """A draft rendering (``text`` None when there is none, ``reason`` saying why) and its parts."""

    text: str | None
    parts: list[Part] = field(default_factory=list)
    reason: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"draft": self.text, "parts": [part._asdict() for part in self.parts],
                **({"reason": self.reason} if self.reason else {})}  # fmt: skip


class _Unit(NamedTuple):
    """A run of English words with one rendering (``vi`` None for a link, "and" or a comma)."""

    words: tuple[str, ...]
    vi: str | None
    source: str
    head: bool = False  # the rendering opens Vietnamese names: a kind of body or instrument
    concept: Concept | None = None

    @property
    def key(self) -> str:
        return " ".join(self.words).lower()


class _Syllables(NamedTuple):
    surface: list[str]
    keys: list[str]


def _english_words(text: str) -> list[str]:
    return _WORD.findall(text)


def _vietnamese(text: str) -> _Syllables:
    surface = [word.strip(_VI_PUNCTUATION) for word in canonical(text).split()]
    surface = [word for word in surface if word]
    return _Syllables(surface, [canonical_key(word) for word in surface])


def _find(keys: Sequence[str], wanted: Sequence[str], taken: Sequence[bool]) -> int:
    """Where ``wanted`` first stands in ``keys`` on syllables not yet taken, else -1."""
    size = len(wanted)
    for start in range(len(keys) - size + 1):
        window = slice(start, start + size)
        if list(keys[window]) == list(wanted) and not any(taken[window]):
            return start
    return -1


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _proper_case(surface: list[str], start: int) -> bool:
    return start > 0 and all(word[:1].isupper() for word in surface)


@dataclass
class _Structure:
    """A name as its parts (runs of units between links), the links (the word before each and
    the link itself), and what stands apart: the UN before it, an ordinal, a year."""

    parts: list[list[_Unit]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    un: str | None = None
    ordinal: str | None = None
    year: str | None = None
    dangling: str = ""  # a link that ends the name: nothing to link to
    un_part: Part | None = None


@dataclass
class _Layout:
    """Counts of what stands between the rendered parts of the glossary's names."""

    links: dict[tuple[str, ...], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    ordinals: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)
    un_places: Counter[tuple[bool, str]] = field(default_factory=Counter)

    def read(self, structure: _Structure, keys: list[str],
             places: list[tuple[int, int] | None]) -> None:  # fmt: skip
        """Count, in one name, what stands between each two parts found and the places of its
        UN, ordinal and year."""
        un = _vietnamese(structure.un).keys if structure.un else []
        first, last = places[0], places[-1]
        if first and structure.ordinal in keys[first[1] :]:  # "Hội nghị lần thứ 35 …"
            at = keys.index(structure.ordinal, first[1])
            self.ordinals[" ".join(keys[max(first[1], at - 2) : at])] += 1
        if last and structure.year in keys[last[1] :]:  # "… năm 1961" or "… 2026"
            before = keys[keys.index(structure.year, last[1]) - 1]
            self.years[before if before == YEAR_WORD else ""] += 1
        numbers = {structure.ordinal, structure.year}
        for left, right, link in zip(places, places[1:], structure.links, strict=False):
            if left is None or right is None:
                continue
            between = [key for key in keys[left[1] : right[0]] if key not in numbers]
            at = next((k for k in range(len(between)) if between[k : k + len(un)] == un), -1)
            if un and at >= 0:
                self.un_places[(False, " ".join(between[:at]))] += 1
                between, un = between[at + len(un) :], []
            self.links[link].update([" ".join(between)])
            self.links[link[1:]].update([" ".join(between)])
        if un and keys[-len(un) :] == un and len(places) > 1 and all(places):
            self.un_places[(True, "")] += 1


@dataclass
class _Pair:
    """One glossary concept's English and Vietnamese preferred terms, with what is aligned."""

    concept: Concept
    words: list[str]
    vi: _Syllables
    en_taken: list[bool]
    vi_taken: list[bool]
    # The English runs of up to MAX_PHRASE words, the longest first: (start, size, lower-cased).
    spans: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    # Its n-grams not yet aligned, English and Vietnamese, until something is aligned.
    grams: tuple[set[tuple[str, ...]], set[tuple[str, ...]]] | None = None
    # What is aligned: (English start, English size, Vietnamese start).
    aligned: list[tuple[int, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        lower = tuple(word.lower() for word in self.words)
        self.spans = [(start, size, lower[start : start + size])
                      for size in range(MAX_PHRASE, 0, -1)
                      for start in range(len(lower) - size + 1)]  # fmt: skip

    def ngrams(self) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
        if self.grams is None:
            self.grams = set(_english_ngrams(self)), set(_vi_ngrams(self))
        return self.grams


class Drafter:
    """The table learned from ``concepts`` and the composer that drafts with it."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.concepts = [c for c in concepts if not c.is_draft]
        self.names: dict[tuple[str, ...], tuple[Concept, str]] = {}
        self.acronyms: dict[str, Concept] = {}
        self.table: dict[tuple[str, ...], str] = {}
        self.heads: set[str] = set()
        # Entries learned from one pair alone, by elimination: the concept they came from.
        self.single: dict[tuple[str, ...], str] = {}
        self.links: dict[tuple[str, ...], str] = {}
        self.ordinal_words = self.year_words = self.un_link = ""
        self.un_last = False
        # A country that opens a name of several parts goes to its end ("Viet Nam Department of
        # Peacekeeping Operations" → "Cục Gìn giữ hòa bình Việt Nam").
        self.country_last = False
        # Heads whose names the glossary writes with "Liên hợp quốc" at the end though the English
        # does not say it ("Human Rights Council" → "Hội đồng Nhân quyền Liên hợp quốc").
        self.un_implied: set[str] = set()
        # Words whose rendering stays before the words after them ("Deputy" → "Phó …").
        self.prefixes: set[str] = set()
        self._index_names()
        pairs = list(self._pairs())
        self._learn_table(pairs)
        self._learn_layout(pairs)
        self._learn_prefixes(pairs)

    def _index_names(self) -> None:
        for concept in self.concepts:
            vi = concept.label("vi")
            if vi is None:
                continue
            for term in concept.terms_in("en"):
                if term.status in ("deprecated", "draft"):
                    continue
                if term.is_abbreviation and " " not in term.text:
                    self.acronyms.setdefault(term.text, concept)
                else:
                    key = tuple(word.lower() for word in _english_words(term.text))
                    self.names.setdefault(key, (concept, vi))

    def _pairs(self) -> Iterator[_Pair]:
        for concept in self.concepts:
            for en, vi in _term_pairs(concept):
                words = _english_words(en)
                syllables = _vietnamese(vi)
                pair = _Pair(concept, words, syllables, [False] * len(words),
                             [False] * len(syllables.keys))  # fmt: skip
                for start, size, name in self._names_in(words, exclude=concept):
                    self._align(pair, start, size, _vietnamese(name).keys)
                yield pair

    def _names_in(self, words: list[str], *, exclude: Concept
                  ) -> list[tuple[int, int, str]]:  # fmt: skip
        """Every glossary name in ``words`` but ``exclude``'s: (start, size, Vietnamese), the
        longest first."""
        lower = [word.lower() for word in words]
        found = []
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                name = self.names.get(tuple(lower[start:end]))
                if name is not None and name[0] is not exclude:
                    found.append((start, end - start, name[1]))
        return sorted(found, key=lambda item: -item[1])

    @staticmethod
    def _align(pair: _Pair, start: int, size: int, wanted: Sequence[str]) -> bool:
        """Take English words and their rendering out of ``pair`` when the rendering is there."""
        at = _find(pair.vi.keys, wanted, pair.vi_taken) if wanted else -1
        if at < 0 or any(pair.en_taken[start : start + size]):
            return False
        pair.en_taken[start : start + size] = [True] * size
        pair.vi_taken[at : at + len(wanted)] = [True] * len(wanted)
        pair.aligned.append((start, size, at))
        pair.grams = None
        return True

    def _learn_table(self, pairs: list[_Pair]) -> None:
        """Align English phrases with Vietnamese n-grams by their Dice score over the pairs, the
        most often seen first, taking each alignment out of its pairs before counting again."""
        surfaces: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
        starts: Counter[tuple[str, ...]] = Counter()
        for support in ROUNDS:
            while chosen := self._best_alignments(pairs, support):
                for english, vi in chosen.items():
                    self.table[english] = " ".join(vi)
                for pair in pairs:
                    self._take(pair, chosen, surfaces, starts)
        while found := self._eliminate(pairs):
            for english, (vi, concept) in found.items():
                self.table[english] = " ".join(vi)
                self.single[english] = concept.id
            chosen = {english: vi for english, (vi, _) in found.items()}
            for pair in pairs:
                self._take(pair, chosen, surfaces, starts)
        for english, forms in surfaces.items():
            surface, _ = forms.most_common(1)[0]
            self.table[english] = " ".join(surface)
            if starts[english] >= MIN_SUPPORT:
                self.heads.add(" ".join(english))

    def _best_alignments(self, pairs: list[_Pair], support: int
                         ) -> dict[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
        """The rendering of each English word seen in ``support`` pairs or more (of each phrase
        seen in two or more), by Dice score, when its best rendering is clear."""
        english_count: Counter[tuple[str, ...]] = Counter()
        vi_count: Counter[tuple[str, ...]] = Counter()
        grams: dict[int, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]] = {}
        pair_grams = []
        for pair in pairs:  # counted once per concept, however many of its terms are paired
            english_grams, vi_grams = grams.setdefault(id(pair.concept), (set(), set()))
            pair_grams.append(pair.ngrams())
            english_grams |= pair_grams[-1][0]
            vi_grams |= pair_grams[-1][1]
        for english_grams, vi_grams in grams.values():
            english_count.update(english_grams)
            vi_count.update(vi_grams)
        seen: dict[int, set[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(set)
        for pair, (english_grams, vi_grams) in zip(pairs, pair_grams, strict=True):
            wanted = [e for e in english_grams if e not in self.table
                      and english_count[e] >= (support if len(e) == 1 else MIN_SUPPORT)]
            frequent = [v for v in vi_grams if vi_count[v] >= MIN_SUPPORT]
            seen[id(pair.concept)].update((e, v) for e in wanted for v in frequent)
        joint: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
        for concept_joint in seen.values():
            joint.update(concept_joint)
        candidates: dict[tuple[str, ...], list[tuple[float, int, tuple[str, ...]]]] = (
            defaultdict(list))
        for (english, vi), shared in joint.items():
            dice = 2 * shared / (english_count[english] + vi_count[vi])
            if shared >= MIN_SUPPORT and dice >= MIN_DICE:
                candidates[english].append((dice, shared, vi))
        chosen = {}
        for english, scored in candidates.items():
            best = _clear_best(scored)
            if best is not None and (len(english) == 1 or max(scored)[0] >= PHRASE_DICE):
                chosen[english] = best
        for english, scored in candidates.items():  # "climate change" before "climate"
            best = _clear_best(scored)
            words = [chosen.get((word,)) for word in english]
            if len(english) > 1 and best is not None and best in words:
                chosen[english] = best
        # a rendering a phrase shares with one of its words is the phrase's ("deputy minister" →
        # "thứ trưởng"), not the word's: a later round learns the word alone ("deputy" → "phó")
        phrases = [(english, vi) for english, vi in chosen.items() if len(english) > 1]
        for english, vi in phrases:
            for word in english:
                if chosen.get((word,)) == vi:
                    del chosen[(word,)]
        return chosen

    def _eliminate(self, pairs: list[_Pair]
                   ) -> dict[tuple[str, ...], tuple[tuple[str, ...], Concept]]:  # fmt: skip
        """The renderings learned from one pair each: where, the known names and words taken
        out, one run of English words the table does not know is left, and one run of syllables
        (two pairs that disagree teach nothing)."""
        un = self.names.get(("united", "nations"))
        un_keys = tuple(_vietnamese(un[1]).keys) if un else ()
        found: dict[tuple[str, ...], tuple[tuple[str, ...], Concept]] = {}
        clashes = set()
        for pair in pairs:
            english = _english_left(pair)
            if english is None or any((word,) in self.table for word in english):
                continue
            vi = _vi_left(pair, un_keys)
            if vi is None or len(vi) > min(SINGLE_MAX, SINGLE_PER_WORD * len(english)):
                continue
            if found.get(english, (vi,))[0] != vi:
                clashes.add(english)
            found.setdefault(english, (vi, pair.concept))
        return {english: found[english] for english in found.keys() - clashes}

    def _take(self, pair: _Pair, chosen: dict[tuple[str, ...], tuple[str, ...]],
              surfaces: dict[tuple[str, ...], Counter[tuple[str, ...]]],
              starts: Counter[tuple[str, ...]]) -> None:  # fmt: skip
        for start, size, english in pair.spans:
            wanted = chosen.get(english)
            if wanted is None:
                continue
            at = _find(pair.vi.keys, wanted, pair.vi_taken)
            if at >= 0 and self._align(pair, start, size, wanted):
                surface = pair.vi.surface[at : at + len(wanted)]
                if not _proper_case(surface, at):  # "Hội đồng Chấp hành" → "hội đồng Chấp hành"
                    surface = [surface[0].lower(), *surface[1:]]
                surfaces[english][tuple(surface)] += 1
                starts[english] += at == 0

    def _learn_prefixes(self, pairs: list[_Pair]) -> None:
        """The words whose rendering most often comes before that of the next English word."""
        order: dict[str, Counter[bool]] = defaultdict(Counter)
        for pair in pairs:
            aligned = sorted(pair.aligned)
            for (start, size, at), (after, _, after_at) in itertools.pairwise(aligned):
                if after == start + size:
                    order[" ".join(pair.words[start:after]).lower()][at < after_at] += 1
        self.prefixes = {words for words, kept in order.items()
                         if kept[True] >= MIN_SUPPORT and kept[True] > kept[False]}

    def _learn_layout(self, pairs: list[_Pair]) -> None:
        """Learn, from the pairs whose parts the table renders, what the Vietnamese puts between
        the parts, before an ordinal and a year, and where "Liên hợp quốc" goes."""
        layout = _Layout()
        un = self.names.get(("united", "nations"))
        un_keys = _vietnamese(un[1]).keys if un else []
        implied: dict[str, Counter[bool]] = defaultdict(Counter)
        country_last: Counter[bool] = Counter()
        for pair in pairs:
            structure = self._structure(pair.words, exclude=pair.concept)
            country = _leading_country(structure)
            if country is not None:
                country_last[pair.vi.keys[-len(country) :] == country] += 1
            if pair.concept.category == "vn-body":
                continue  # English made from the Vietnamese: "Committee on Legal Affairs"
            unsaid = _unsaid_un(structure) is not None
            layout.read(structure, pair.vi.keys, self._places(structure, pair.vi.keys))
            if un_keys and unsaid:
                ends = pair.vi.keys[-len(un_keys) :] == un_keys
                implied[_unsaid_un(structure) or ""][ends] += 1
        self.un_implied = {head for head, counts in implied.items()
                           if counts[True] >= MIN_SUPPORT and counts[True] > counts[False]}
        self.links = {key: counts.most_common(1)[0][0] for key, counts in layout.links.items()
                      if len(key) == 1 or counts.total() >= MIN_SUPPORT}  # fmt: skip
        self.country_last = country_last[True] >= MIN_SUPPORT and (
            country_last[True] > country_last[False])
        self.ordinal_words = _majority(layout.ordinals)
        self.year_words = layout.years.most_common(1)[0][0] if layout.years else ""
        if layout.un_places:
            self.un_last, self.un_link = layout.un_places.most_common(1)[0][0]

    def _places(self, structure: _Structure, keys: list[str]) -> list[tuple[int, int] | None]:
        """Where the rendering of each part stands in ``keys``, each after the one before it;
        None for a part that has no rendering or is not there."""
        places: list[tuple[int, int] | None] = []
        position = 0
        for part in structure.parts:
            text, _ = self._render_part(part)
            wanted = _vietnamese(text).keys if text else []
            at = _find(keys[position:], wanted, [False] * (len(keys) - position)) if wanted else -1
            if at < 0:
                places.append(None)
                continue
            places.append((position + at, position + at + len(wanted)))
            position += at + len(wanted)
        return places

    def _units(self, words: list[str], *, exclude: Concept | None = None
               ) -> Iterator[tuple[_Unit, int]]:  # fmt: skip
        """The words as units, longest first from the left: glossary names, acronyms, table
        phrases, links; a word nothing renders is a unit with no rendering and no source."""
        i = 0
        while i < len(words):
            unit = self._unit_at(words, i, exclude)
            yield unit, i
            i += len(unit.words)

    def _unit_at(self, words: list[str], i: int, exclude: Concept | None) -> _Unit:
        lower = [word.lower() for word in words]
        country_end, country = _country_at(words, i) if words[i][:1].isupper() else (i, None)
        for end in range(len(words), i, -1):
            found = self.names.get(tuple(lower[i:end]))
            if found is not None and found[0] is not exclude:
                return _Unit(tuple(words[i:end]), found[1], f"concept:{found[0].id}",
                             concept=found[0])
            if end == country_end and country is not None:
                return _Unit(tuple(words[i:end]), country.vi, "country")
            if end - i > MAX_PHRASE:
                continue
            key = tuple(lower[i:end])
            if key in self.table:
                single = self.single.get(key)
                return _Unit(tuple(words[i:end]), self.table[key],
                             f"pair:{single}" if single else "table",
                             " ".join(key) in self.heads)  # fmt: skip
        word = words[i]
        acronym = self.acronyms.get(word)
        if acronym is not None and acronym is not exclude:
            return _Unit((word,), word, f"concept:{acronym.id}", concept=acronym)
        if lower[i] in _STOPWORDS or word == ",":
            return _Unit((word,), None, "")
        if _NUMBER.match(word) or _is_acronym(word):
            return _Unit((word,), word, "text")
        return self._compound(word, exclude) or _Unit((word,), None, "unknown")

    def _compound(self, word: str, exclude: Concept | None) -> _Unit | None:
        """A hyphenated word the table does not hold, of parts it renders one by one, all names
        ("ASEAN-UN", "Mekong-Korea") or all words ("Political-Security"): the parts in their
        order, joined by " - "."""
        pieces = _HYPHEN.split(word)
        if len(pieces) < 2 or not all(pieces):
            return None
        units = [self._unit_at(pieces, i, exclude) for i in range(len(pieces))]
        if any(unit.vi is None or len(unit.words) != 1 for unit in units):
            return None
        names = {unit.source.startswith(("concept:", "country")) or _is_acronym(unit.words[0])
                 for unit in units}  # fmt: skip
        if len(names) > 1:
            return None  # "UN-Water": a name of its own
        return _Unit((word,), " - ".join(_capitalise(unit.vi or "") for unit in units), "compound")

    def _structure(self, words: list[str], *, exclude: Concept | None = None) -> _Structure:
        """The name split into its parts and the links between them, with its UN, ordinal and
        year set apart."""
        structure = _Structure()
        while words and words[0].lower() in _SKIPPED:
            words = words[1:]
        if len(words) > 1 and _YEAR.match(words[0]):
            structure.year, words = words[0], words[1:]
        elif len(words) > 2 and words[-2] == "," and _YEAR.match(words[-1]):
            structure.year, words = words[-1], words[:-2]
        if len(words) > 1 and (ordinal := _ORDINAL.match(words[0])):
            structure.ordinal, words = ordinal[1], words[1:]
        units = [unit for unit, _ in self._units(words, exclude=exclude)]
        if len(units) > 1 and units[0].key in ("united nations", "un") and (
            units[0].concept or units[0].vi
        ):  # "UN" may be learned as a word rather than found as the glossary's name
            known = self.names.get(("united", "nations"))
            structure.un = units[0].concept.label("vi") if units[0].concept else (
                known[1] if known else units[0].vi)
            structure.un_part = Part(" ".join(units[0].words), structure.un or "", units[0].source)
            units = units[1:]
        part: list[_Unit] = []
        link: list[str] = []
        for unit in units:
            if unit.vi is None and unit.key in LINKS and part:
                link.append(unit.key)
            elif unit.vi is None and unit.key in _SKIPPED:
                continue
            else:
                if link:
                    structure.parts.append(part)
                    structure.links.append((part[-1].key.split()[-1], " ".join(link)))
                    part, link = [], []
                part.append(unit)
        structure.parts.append(part)
        structure.dangling = " ".join(link)
        return structure

    def _render_part(self, units: list[_Unit], *, first: bool = False
                     ) -> tuple[str | None, list[Part]]:  # fmt: skip
        """A part head first: "Legal and Technical Commission" → "ủy ban pháp lý và kỹ thuật",
        numbers after the head ("Resolution 2417"); None when a word has no rendering."""
        units, numbers = list(units), list[_Unit]()
        while len(units) > 1 and units[-1].source == "text" and _NUMBER.match(units[-1].key):
            numbers.insert(0, units.pop())
        unknown = next((unit for unit in units if unit.source == "unknown"), None)
        if unknown is not None or not units:
            return None, []
        conjuncts: list[list[_Unit]] = [[]]
        for unit in units:
            if unit.vi is None:
                conjuncts.append([])
            else:
                conjuncts[-1].append(unit)
        if not all(conjuncts):
            return None, []
        rendered = [unit for unit in units if unit.vi is not None]
        if len(conjuncts) == 1:
            words = self._head_first(conjuncts[0], capitalise=first)
        else:
            last = conjuncts[-1]
            shared = len(last) > 1 and last[-1].head and all(len(c) == 1 for c in conjuncts[:-1])
            if shared:  # "Legal and Technical Commission": one head for all
                modifiers = [*conjuncts[:-1], last[:-1]]
                words = [_head_first([last[-1]])[0],
                         self._coordinate([self._head_first(c) for c in modifiers], first)]
            else:
                words = [self._coordinate([self._head_first(c) for c in conjuncts], False)]
        parts = [Part(" ".join(unit.words), unit.vi or "", unit.source) for unit in rendered]
        return " ".join([*words, *(unit.vi or "" for unit in numbers)]), parts

    def _head_first(self, units: list[_Unit], *, capitalise: bool = False) -> list[str]:
        """``_head_first``, the words that stay first ("Deputy") kept before the rest."""
        kept = 0
        while kept < len(units) - 1 and units[kept].key in self.prefixes:
            kept += 1
        rest = _head_first(units[kept:], capitalise=capitalise and not kept)
        return [unit.vi or "" for unit in units[:kept]] + rest

    def _coordinate(self, items: list[list[str]], capitalise: bool) -> str:
        texts = [" ".join(item) for item in items]
        if capitalise:
            texts[0] = _capitalise(texts[0])
        joined = ", ".join(texts[:-1])
        return f"{joined} {self.table.get(('and',), 'và')} {texts[-1]}"

    def draft(self, name: str, *, exclude: Concept | None = None) -> Draft:
        """The draft Vietnamese of ``name``, or a ``Draft`` with no text and the reason.

        ``exclude`` leaves one concept out of whole-name matching (to measure the drafter).
        """
        structure = self._structure(_english_words(name), exclude=exclude)
        units = [unit for part in structure.parts for unit in part]
        unknown = [unit.key for unit in units if unit.source == "unknown"]
        if unknown:
            return Draft(None, reason=f"no Vietnamese known for {unknown[0]!r}")
        if structure.dangling or not structure.parts[0]:
            return Draft(None, reason="the name does not have the form of a name")
        un = self.names.get(("united", "nations"))
        if un is not None and un[0] is exclude:
            un = None
        country = None
        if self.country_last and _leading_country(structure) is not None:
            country, *structure.parts[0] = structure.parts[0]
        texts, parts = [], []
        for i, part in enumerate(structure.parts):
            text, used = self._render_part(part, first=i == 0)
            if text is None:
                return Draft(None, reason="a part of the name has no Vietnamese")
            if i > 0:
                link = structure.links[i - 1]
                link_vi = self.links.get(link, self.links.get(link[1:]))
                if link_vi is None:
                    return Draft(None, reason=f"no Vietnamese known for {link[1]!r}")
                texts.append(link_vi)
                parts.append(Part(link[1], link_vi, "table"))
            texts.append(text)
            parts += used
            if i == 0:
                texts += self._after_first(structure, len(structure.parts) > 1)
        if structure.un and (self.un_last or len(structure.parts) == 1):
            texts.append(structure.un)
        head = _unsaid_un(structure)
        if head in self.un_implied and un is not None:
            texts.append(un[1])
            parts.append(Part("", un[1], f"implied by {head!r}"))
        if country is not None:
            texts.append(country.vi or "")
            parts.append(Part(" ".join(country.words), country.vi or "", country.source))
        if structure.year:
            texts += [self.year_words, structure.year]
        text = _capitalise(" ".join(word for word in texts if word))
        return Draft(canonical(text), [structure.un_part, *parts] if structure.un_part else parts)

    def _after_first(self, structure: _Structure, linked: bool) -> list[str]:
        words = []
        if structure.ordinal:
            words += [self.ordinal_words, structure.ordinal]
        if structure.un and linked and not self.un_last:
            words += [self.un_link, structure.un]
        return words


@cache
def _country_prefixes() -> frozenset[str]:
    """Every beginning of a country's key (``compact``): where to stop looking for one."""
    return frozenset(key[:size] for key in countries() for size in range(1, len(key) + 1))


def _country_at(words: list[str], i: int) -> tuple[int, Country | None]:
    """The longest country name from ``words[i]`` on: where it ends and the country, else
    ``(i, None)``; its key grows a word at a time while it begins a country's."""
    key = ""
    found: tuple[int, Country | None] = (i, None)
    for end in range(i, len(words)):
        key += compact(words[end])
        if key not in _country_prefixes():
            break
        if key in countries():
            found = (end + 1, countries()[key])
    return found


def _leading_country(structure: _Structure) -> list[str] | None:
    """The syllables of the country that opens a name of several parts, before more words of
    its first part; else None."""
    first = structure.parts[0]
    if len(structure.parts) < 2 or len(first) < 2:
        return None
    unit = first[0]
    if unit.vi is None or compact(" ".join(unit.words)) not in countries():
        return None  # not a city: "New York Declaration"
    return _vietnamese(unit.vi).keys


def _unsaid_un(structure: _Structure) -> str | None:
    """The head of a name that neither says "United Nations" nor holds another glossary name,
    which may imply the UN; else None."""
    units = [unit for part in structure.parts for unit in part]
    if structure.un or not structure.parts[0] or any(unit.concept for unit in units):
        return None
    return structure.parts[0][-1].key


def _head_first(units: list[_Unit], *, capitalise: bool = False) -> list[str]:
    """The renderings of ``units``, the last (the head) first and the others after it in reverse
    order, as Vietnamese puts modifiers after the noun; the first modifier capitalised with
    ``capitalise`` (Decree 30: the syllables naming the kind of body)."""
    head, *modifiers = [unit.vi or "" for unit in reversed(units)]
    if capitalise and modifiers and units[-2].source.startswith(("table", "pair:")):
        modifiers[0] = _capitalise(modifiers[0])
    return [head, *modifiers]


def _clear_best(scored: list[tuple[float, int, tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The best rendering by Dice, made as long as three pairs or more allow ("ủy ban" rather
    than "ban", when most pairs that have "ban" for the word have "ủy ban"); the longest of those
    that score as well if it holds them all, else None."""
    dice, shared, best = max(scored)
    if shared >= 3:
        longer = [(len(vi), n, vi) for _, n, vi in scored
                  if len(vi) > len(best) and _inside(best, vi) and n >= NESTED_SHARE * shared]
        return max(longer, default=(0, 0, best))[2]  # the longest, the most shared of those
    tied = sorted((vi for score, _, vi in scored if score == dice), key=len)
    return tied[-1] if all(_inside(vi, tied[-1]) for vi in tied) else None


def _majority(counts: Counter[str]) -> str:
    """The most frequent non-empty words, or ""."""
    counts = Counter({words: n for words, n in counts.items() if words})
    return counts.most_common(1)[0][0] if counts else ""


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part`` is a run of syllables of ``whole``."""
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _english_ngrams(pair: _Pair) -> Iterator[tuple[str, ...]]:
    """The runs of up to ``MAX_PHRASE`` English words of ``pair`` not yet aligned, without a
    small word or a comma in them."""
    words = [word.lower() for word in pair.words]
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + MAX_PHRASE) + 1):
            word = words[end - 1]
            if pair.en_taken[end - 1] or word in _STOPWORDS or not word[0].isalpha():
                break
            yield tuple(words[start:end])


def _term_pairs(concept: Concept) -> list[tuple[str, str]]:
    """The English and Vietnamese terms of ``concept`` that name it alike: the preferred terms,
    every settled full name or variant with the other language's preferred term, and the short
    forms when there is one in each language."""
    settled = [term for term in concept.terms if term.status in ("preferred", "admitted")
               and not term.is_abbreviation]  # fmt: skip
    en, vi = concept.preferred("en"), concept.preferred("vi")
    if en is None or vi is None:
        return []
    pairs = {(en.text, vi.text)}
    for term in settled:
        if term.kind != "short":
            pairs.add((term.text, vi.text) if term.lang == "en" else (en.text, term.text))
    shorts = [[term.text for term in settled if term.kind == "short" and term.lang == lang]
              for lang in ("en", "vi")]  # fmt: skip
    if all(len(texts) == 1 for texts in shorts):
        pairs.add((shorts[0][0], shorts[1][0]))
    return sorted(pairs)


def _english_left(pair: _Pair) -> tuple[str, ...] | None:
    """The one run of words of ``pair`` not aligned (small words, numbers and commas aside),
    lower-cased; None when there are none, or two runs or more, or a run too long."""
    left = [i for i, word in enumerate(pair.words) if not pair.en_taken[i]
            and word.lower() not in _STOPWORDS and word[0].isalpha()]  # fmt: skip
    if not left or left[-1] - left[0] + 1 != len(left) or len(left) > MAX_PHRASE:
        return None
    return tuple(pair.words[i].lower() for i in left)


def _vi_left(pair: _Pair, un: tuple[str, ...]) -> tuple[str, ...] | None:
    """The one run of syllables of ``pair`` not aligned, without links, plural markers or
    numbers at its ends, nor "Liên hợp quốc" (which a name may carry unsaid); None when there
    is no such run or two or more."""
    keys = pair.vi.keys
    left = [i for i, taken in enumerate(pair.vi_taken) if not taken]
    while True:
        size = len(left)
        while left and (keys[left[0]] in _VI_EDGES or not keys[left[0]][0].isalpha()):
            left = left[1:]
        while left and (keys[left[-1]] in _VI_EDGES or not keys[left[-1]][0].isalpha()):
            left = left[:-1]
        if un and tuple(keys[i] for i in left[-len(un) :]) == un:
            left = left[: -len(un)]
        if len(left) == size:
            break
    if not left or left[-1] - left[0] + 1 != len(left):
        return None
    return tuple(keys[i] for i in left)


def _vi_ngrams(pair: _Pair) -> Iterator[tuple[str, ...]]:
    """The Vietnamese n-grams of ``pair`` not yet aligned, without a linking word at either end."""
    keys = pair.vi.keys
    for start, key in enumerate(keys):
        if key in VI_LINKS:
            continue
        for end in range(start + 1, min(len(keys), start + MAX_RENDERING) + 1):
            if pair.vi_taken[end - 1]:
                break
            if keys[end - 1] not in VI_LINKS:
                yield tuple(keys[start:end])


class _Cached(NamedTuple):
    glossary: weakref.ref[Glossary]
    size: int
    drafter: Drafter


_DRAFTERS: dict[int, _Cached] = {}


def drafter_for(glossary: Glossary) -> Drafter:
    """The drafter learned from ``glossary``, learned once per glossary object (again if
    concepts were added or removed since)."""
    cached = _DRAFTERS.get(id(glossary))
    if cached is None or cached.glossary() is not glossary or cached.size != len(glossary):
        key = id(glossary)
        reference = weakref.ref(glossary, lambda _: _DRAFTERS.pop(key, None))
        cached = _DRAFTERS[key] = _Cached(reference, len(glossary), Drafter(glossary))
    return cached.drafter


def draft_vietnamese(name: str, glossary: Glossary) -> Draft:
    """Draft Vietnamese for the English ``name`` from what ``glossary`` teaches."""
    return drafter_for(glossary).draft(name)
