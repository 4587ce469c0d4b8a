"""Sentence alignment of an English text and its Vietnamese version (Gale–Church on characters),
anchored by numbers, glossary names and proper names found on both sides (``vnterms.anchors``).

The dynamic programme runs within paragraphs when both texts have as many, else over the whole
text inside a band around the diagonal: time and memory grow as sentences × band, not as their
square.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from vnterms.anchors import GlossaryNames, numbers_in, proper_words
from vnterms.model import Glossary
from vnterms.sentences import Sentence, split_text
from vnterms.tm import Unit

__all__ = [
    "BEADS",
    "FLAG_BELOW",
    "AlignedPair",
    "align_sentences",
    "align_texts",
    "memory_units",
    "write_alignment_tmx",
]

# Gale & Church (1993): the prior probability of each bead (English sentences, Vietnamese ones).
BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011,
}  # fmt: skip
_PRIOR_COST = {bead: -math.log(p) for bead, p in BEADS.items()}
# Vietnamese characters per English character in a translation: about 1.1 in UN and press texts
# (1.07 over the hand-aligned pages in tests/data/align). A fixed figure, since a short text
# with a sentence left out would skew its own.
VI_PER_EN_CHARACTER = 1.1
# The variance of the length difference per character (Gale & Church's s²).
_VARIANCE = 6.8
# How much a bead's cost moves (in nats) when its anchors all agree or all disagree.
_NUMBER_WEIGHT = 3.0
_NAME_WEIGHT = 2.0
_PROPER_WEIGHT = 2.0
_MOST_BONUS = (_NUMBER_WEIGHT + _NAME_WEIGHT) / 2 + _PROPER_WEIGHT
# Cells of the programme costing this much (in nats) above the cheapest of their row are dropped:
# six sentences left out in a row cost less.
_BEAM = 30.0
# Half-width of the band of the whole-text programme, in sentences beyond the diagonal.
BAND = 30
# Paragraphs are aligned one to one only when every pair of them fits at least this well (a
# length difference of about 2.6 standard deviations): equal counts can be a coincidence.
_PARAGRAPH_FIT = 0.01
# A pair whose confidence is below this is flagged for review.
FLAG_BELOW = 0.3

@dataclass(frozen=True)
class AlignedPair:
    """English and Vietnamese text aligned as one unit: ``bead`` says how many sentences of each
    ("1-1", "2-1", "1-0"…), ``confidence`` (0–1) how well their lengths and anchors agree, and
    ``en_line`` / ``vi_line`` where each side starts in its text (0 for an empty side)."""

    en: str
    vi: str
    bead: str
    confidence: float
    flagged: bool
    en_line: int
    vi_line: int


@dataclass(frozen=True)
class _Side:
    """What the programme compares of each sentence of one text."""

    sentences: Sequence[Sentence]
    lengths: Sequence[int]
    numbers: Sequence[tuple[str, ...]]
    names: Sequence[frozenset[str]]
    proper: Sequence[frozenset[str]]


def _side(sentences: Sequence[Sentence], lang: str, anchors: GlossaryNames | None) -> _Side:
    names: list[frozenset[str]] = [frozenset()] * len(sentences)
    if anchors is not None:
        find = anchors.english if lang == "en" else anchors.vietnamese
        names = [find(s.text) for s in sentences]
    return _Side(sentences, [len(s.text) for s in sentences],
                 [tuple(numbers_in(s.text, lang).elements()) for s in sentences],
                 names, [proper_words(s.text) for s in sentences])  # fmt: skip


def _running(values: Sequence[int]) -> list[int]:
    """Running sums: ``sums[k]`` is the sum of the first ``k`` values."""
    sums = [0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _anchored(side: _Side) -> list[int]:
    """1 for each sentence with a number, a name or a proper word, else 0."""
    return [int(bool(n or a or w))
            for n, a, w in zip(side.numbers, side.names, side.proper, strict=True)]  # fmt: skip


def _joined(sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether the one before it is in the same paragraph."""
    return [k > 0 and sentences[k - 1].paragraph == s.paragraph for k, s in enumerate(sentences)]


class _Scorer:
    """The cost of a bead (lower is likelier) and the confidence of an aligned pair."""

    def __init__(self, en: _Side, vi: _Side) -> None:
        self.en, self.vi = en, vi
        self.ratio = VI_PER_EN_CHARACTER
        # running sums, so that a bead's length and whether it has anchors cost one subtraction
        self.en_chars, self.vi_chars = _running(en.lengths), _running(vi.lengths)
        self.en_anchored, self.vi_anchored = _running(_anchored(en)), _running(_anchored(vi))
        # where two sentences in a row belong to one paragraph: a bead never spans two, since a
        # heading, a list item or a paragraph is translated as a whole
        self.en_joined, self.vi_joined = _joined(en.sentences), _joined(vi.sentences)

    def length_fit(self, en_chars: int, vi_chars: int) -> float:
        """Gale–Church: how likely the two lengths are for a translation, 1 at the expected
        ratio, falling towards 0."""
        mean = (en_chars + vi_chars / self.ratio) / 2
        if mean == 0:
            return 1.0
        delta = (vi_chars - en_chars * self.ratio) / math.sqrt(mean * _VARIANCE)
        return math.erfc(abs(delta) / math.sqrt(2))

    def anchors(self, i: int, di: int, j: int, dj: int) -> float:
        """Anchor agreement of English sentences i-di..i and Vietnamese j-dj..j: from -1 (every
        number and name on one side only) to 1 (all shared); 0 when there are none."""
        en, vi = self.en, self.vi
        numbers_en = [n for k in range(i - di, i) for n in en.numbers[k]]
        unmatched = [n for k in range(j - dj, j) for n in vi.numbers[k]]
        score = 0.0
        total_numbers = len(numbers_en) + len(unmatched)
        if total_numbers:
            shared = 0
            for number in numbers_en:
                if number in unmatched:
                    unmatched.remove(number)
                    shared += 1
            score += _NUMBER_WEIGHT * (4 * shared / total_numbers - 1) / 2
        names_en = en.names[i - 1] if di == 1 else en.names[i - 2] | en.names[i - 1]
        if names_en:
            names_vi = vi.names[j - 1] if dj == 1 else vi.names[j - 2] | vi.names[j - 1]
            score += _NAME_WEIGHT * (2 * len(names_en & names_vi) / len(names_en) - 1) / 2
        proper_en = en.proper[i - 1] if di == 1 else en.proper[i - 2] | en.proper[i - 1]
        proper_vi = vi.proper[j - 1] if dj == 1 else vi.proper[j - 2] | vi.proper[j - 1]
        if proper_en and proper_vi:  # a bonus only: most capitals are not names
            shared = len(proper_en & proper_vi)
            score += _PROPER_WEIGHT * 2 * shared / (len(proper_en) + len(proper_vi))
        return score

    def cost(self, i: int, di: int, j: int, dj: int) -> float:
        """The cost of the bead ending before English sentence i and Vietnamese sentence j,
        without its anchors (``bonus``): prior and length fit."""
        if (di == 2 and not self.en_joined[i - 1]) or (dj == 2 and not self.vi_joined[j - 1]):
            return math.inf
        cost = _PRIOR_COST[di, dj]
        if di and dj:
            fit = self.length_fit(self.en_chars[i] - self.en_chars[i - di],
                                  self.vi_chars[j] - self.vi_chars[j - dj])  # fmt: skip
            cost -= math.log(max(fit, 1e-12))
        return cost

    def bonus(self, i: int, di: int, j: int, dj: int) -> float:
        """What the anchors take off the cost of a bead (negative when they disagree). A sentence
        left out has its numbers and names on its side alone: no bonus, no penalty."""
        if not (di and dj) or not (
            self.en_anchored[i] - self.en_anchored[i - di]
            or self.vi_anchored[j] - self.vi_anchored[j - dj]
        ):  # fmt: skip
            return 0.0
        return self.anchors(i, di, j, dj)

    def confidence(self, i: int, di: int, j: int, dj: int) -> float:
        """How sure the pair is: its length fit, lowered when its anchors disagree."""
        if not (di and dj):
            return 0.0
        fit = self.length_fit(self.en_chars[i] - self.en_chars[i - di],
                              self.vi_chars[j] - self.vi_chars[j - dj])  # fmt: skip
        agreement = self.anchors(i, di, j, dj) / (2 * _MOST_BONUS)
        return round(min(1.0, max(0.0, math.sqrt(fit) * (1 + agreement))), 3)


def _programme(scorer: _Scorer, en: range, vi: range, band: int) -> list[tuple[int, int]]:
    """The cheapest sequence of beads over English sentences ``en`` and Vietnamese ``vi``, as
    (English, Vietnamese) sentence counts, searched within ``band`` sentences of the diagonal."""
    n, m = len(en), len(vi)
    width = 2 * band + 1
    centre = [round(i * m / n) if n else 0 for i in range(n + 1)]
    infinity = math.inf
    costs: list[array[float]] = []  # only the last three rows are kept
    back = array("b", bytes(width * (n + 1)))  # bead index, or -1 for none
    beads = list(BEADS)
    for i in range(n + 1):
        row = array("d", [infinity]) * width
        for offset in range(width):
            j = centre[i] - band + offset
            if not 0 <= j <= m:
                continue
            if i == 0 and j == 0:
                row[offset] = 0.0
                continue
            best, choice = infinity, -1
            for index, (di, dj) in enumerate(beads):
                if di > i or dj > j:
                    continue
                previous = j - dj - centre[i - di] + band
                if not 0 <= previous < width:
                    continue
                before = (row if di == 0 else costs[-di])[previous]
                if before == infinity:
                    continue
                total = before + scorer.cost(en.start + i, di, vi.start + j, dj)
                if total - _MOST_BONUS >= best:
                    continue  # no agreement of anchors could make this bead the best
                total -= scorer.bonus(en.start + i, di, vi.start + j, dj)
                if total < best:
                    best, choice = total, index
            row[offset] = best
            back[i * width + offset] = choice
        _prune(row)
        costs = [*costs[-1:], row]
    return _trace(back, centre, band, width, n, m, beads)


def _prune(row: array[float]) -> None:
    """Drop the cells of a row costing more than ``_BEAM`` above its cheapest: no path through
    them can win, and the next rows skip them instead of scoring beads from them."""
    limit = min(row) + _BEAM
    for offset, cost in enumerate(row):
        if cost > limit:
            row[offset] = math.inf


def _trace(back: array[int], centre: list[int], band: int, width: int, n: int, m: int,
           beads: list[tuple[int, int]]) -> list[tuple[int, int]]:  # fmt: skip
    path = []
    i, j = n, m
    while i or j:
        offset = j - centre[i] + band
        if not 0 <= offset < width or back[i * width + offset] < 0:
            raise ValueError("no alignment within the band")  # cannot happen: 1-0/0-1 reach all
        di, dj = beads[back[i * width + offset]]
        path.append((di, dj))
        i, j = i - di, j - dj
    return path[::-1]


def align_sentences(
    en: Sequence[Sentence], vi: Sequence[Sentence], *, glossary: Glossary | None = None,
    band: int = BAND,
) -> list[AlignedPair]:
    """Align two lists of sentences: within paragraphs when both have as many, else over the
    whole text within ``band`` sentences of the diagonal."""
    anchors = GlossaryNames(glossary) if glossary is not None else None
    scorer = _Scorer(_side(en, "en", anchors), _side(vi, "vi", anchors))
    pairs: list[AlignedPair] = []
    for en_span, vi_span in _spans(scorer):
        i, j = en_span.start, vi_span.start
        for di, dj in _programme(scorer, en_span, vi_span, band):
            pairs.append(_pair(scorer, i, di, j, dj))
            i, j = i + di, j + dj
    return pairs


def _spans(scorer: _Scorer) -> Iterator[tuple[range, range]]:
    """The ranges of sentences aligned separately: paragraph by paragraph when the two texts
    have as many paragraphs and each pair of them has lengths that fit a translation, else the
    whole texts."""
    en, vi = scorer.en.sentences, scorer.vi.sentences
    en_paragraphs, vi_paragraphs = _paragraph_ranges(en), _paragraph_ranges(vi)
    pairs = list(zip(en_paragraphs, vi_paragraphs, strict=False))
    if len(en_paragraphs) == len(vi_paragraphs) and all(
        scorer.length_fit(scorer.en_chars[e.stop] - scorer.en_chars[e.start],
                          scorer.vi_chars[v.stop] - scorer.vi_chars[v.start]) >= _PARAGRAPH_FIT
        for e, v in pairs
    ):  # fmt: skip
        yield from pairs
    else:
        yield range(len(en)), range(len(vi))


def _paragraph_ranges(sentences: Sequence[Sentence]) -> list[range]:
    ranges: list[range] = []
    start = 0
    for k in range(1, len(sentences) + 1):
        if k == len(sentences) or sentences[k].paragraph != sentences[start].paragraph:
            ranges.append(range(start, k))
            start = k
    return ranges


def _pair(scorer: _Scorer, i: int, di: int, j: int, dj: int) -> AlignedPair:
    en = scorer.en.sentences[i : i + di]
    vi = scorer.vi.sentences[j : j + dj]
    confidence = scorer.confidence(i + di, di, j + dj, dj)
    return AlignedPair(
        en=" ".join(s.text for s in en), vi=" ".join(s.text for s in vi), bead=f"{di}-{dj}",
        confidence=confidence, flagged=confidence < FLAG_BELOW,
        en_line=en[0].line if en else 0, vi_line=vi[0].line if vi else 0,
    )  # fmt: skip


def align_texts(
    en_lines: Iterable[str], vi_lines: Iterable[str], glossary: Glossary | None = None, *,
    band: int = BAND,
) -> list[AlignedPair]:
    """Split an English text and its Vietnamese version (given by lines) into sentences and align
    them; ``glossary`` adds its names as anchors.

    >>> pairs = align_texts(["Viet Nam has 3 priorities. They were set in 2026."],
    ...                     ["Việt Nam có 3 ưu tiên. Chúng được đặt ra năm 2026."])
    >>> [(p.bead, p.vi) for p in pairs]
    [('1-1', 'Việt Nam có 3 ưu tiên.'), ('1-1', 'Chúng được đặt ra năm 2026.')]
    """
    return align_sentences(split_text(en_lines, "en"), split_text(vi_lines, "vi"),
                           glossary=glossary, band=band)  # fmt: skip


def memory_units(pairs: Iterable[AlignedPair], *, origin: str) -> list[Unit]:
    """The pairs a translation memory can take: both sides present and not flagged for review;
    a bead other than 1-1 says so in the unit's note."""
    return [
        Unit(pair.en, pair.vi, origin=origin,
             note="" if pair.bead == "1-1" else f"aligned {pair.bead}")
        for pair in pairs if pair.en and pair.vi and not pair.flagged
    ]  # fmt: skip


def write_alignment_tmx(fileobj: IO[bytes], pairs: Iterable[AlignedPair], *,
                        version: str = "") -> None:  # fmt: skip
    """Write the pairs with text on both sides as TMX 1.4 units (English source), their bead and
    confidence as ``x-`` properties, a note on those flagged for review."""
    import xml.etree.ElementTree as ElementTree

    from vnterms.formats.tmx import add_variants, write_tmx_document

    def units() -> Iterator[ElementTree.Element]:
        for number, pair in enumerate((p for p in pairs if p.en and p.vi), start=1):
            unit = ElementTree.Element("tu", tuid=str(number))
            if pair.flagged:
                ElementTree.SubElement(unit, "note").text = "low confidence: check this pair"
            for kind, value in (("x-bead", pair.bead), ("x-confidence", f"{pair.confidence}")):
                ElementTree.SubElement(unit, "prop", type=kind).text = value
            add_variants(unit, (("en", pair.en), ("vi", pair.vi)))
            yield unit

    write_tmx_document(fileobj, units(), segtype="sentence", srclang="en", version=version)
