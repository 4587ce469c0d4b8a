"""Fuzzy matching of sentences: word-level edit scores, the difference shown to a translator,
and numbers as placeables. Pure functions: no SQL, no I/O."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from vnterms.normalize import fold

__all__ = [
    "Placeables",
    "diff_tokens",
    "place_numbers",
    "score",
    "tokens",
    "word_distance",
]

# A token is a word (letters and digits, as ``fold`` splits them) or one punctuation mark.
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_")
_NUMBER = re.compile(r"\d+")
# What a token that differs from its counterpart costs, against 1 for a different word: the
# translator still sees the difference, so a match is never 100 unless the text is identical.
PUNCTUATION_COST = 0.25
CASE_COST = 0.1
DIACRITIC_COST = 0.2


def tokens(text: str) -> list[str]:
    """The words and punctuation marks of ``text``.

    >>> tokens("Viet Nam's term: 2023–2025.")
    ['Viet', 'Nam', "'", 's', 'term', ':', '2023', '–', '2025', '.']
    """
    return _TOKEN.findall(text)


def word_distance(first: Sequence[str], second: Sequence[str], *, bound: int | None = None) -> int:
    """The Levenshtein distance between two word sequences (insert, delete, replace: 1 each).

    With ``bound``, returns ``bound + 1`` when the distance is above it.

    >>> word_distance("the council met today".split(), "the council met yesterday".split())
    1
    """
    start, end_a, end_b = 0, len(first), len(second)
    while start < end_a and start < end_b and first[start] == second[start]:
        start += 1
    while end_a > start and end_b > start and first[end_a - 1] == second[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    a, b = first[start:end_a], second[start:end_b]
    distance = _bit_parallel_distance(a, b) if a and b else len(a) + len(b)
    return distance if bound is None or distance <= bound else bound + 1


def _bit_parallel_distance(pattern: Sequence[str], text: Sequence[str]) -> int:
    """Levenshtein distance by Myers' bit-vector algorithm (Hyyrö's form): one column of the
    edit table is kept as bits of ints, so each word of ``text`` costs a few int operations
    instead of one step per word of ``pattern``."""
    positions: dict[str, int] = {}
    for i, word in enumerate(pattern):
        positions[word] = positions.get(word, 0) | 1 << i
    mask = (1 << len(pattern)) - 1
    last = 1 << (len(pattern) - 1)
    plus, minus, distance = mask, 0, len(pattern)  # vertical deltas +1 / -1, D[m][0]
    for word in text:
        equal = positions.get(word, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        horizontal_plus = minus | ~(horizontal | plus)
        horizontal_minus = plus & horizontal
        if horizontal_plus & last:
            distance += 1
        elif horizontal_minus & last:
            distance -= 1
        horizontal_plus = horizontal_plus << 1 | 1
        horizontal_minus <<= 1
        plus = (horizontal_minus | ~(vertical | horizontal_plus)) & mask
        minus = horizontal_plus & vertical & mask
    return distance


class _Token(NamedTuple):
    """A token with what comparing it needs: its weight, its lower case and its folded form."""

    text: str
    weight: float
    lower: str
    folded: str


@lru_cache(maxsize=1 << 16)
def _token(text: str) -> _Token:
    if text[0].isalnum():
        return _Token(text, 1.0, text.casefold(), fold(text))
    return _Token(text, PUNCTUATION_COST, text, text)


def _replacement(a: _Token, b: _Token) -> float:
    """What replacing token ``a`` by ``b`` costs."""
    if a.text == b.text:
        return 0.0
    if a.weight == b.weight == 1.0:
        return CASE_COST if a.lower == b.lower else DIACRITIC_COST if a.folded == b.folded else 1.0
    if a.weight == b.weight:
        return PUNCTUATION_COST
    return 1.0 + PUNCTUATION_COST


def _weighted_distance(first: list[str], second: list[str]) -> float:
    start, end_a, end_b = 0, len(first), len(second)
    while start < end_a and start < end_b and first[start] == second[start]:
        start += 1
    while end_a > start and end_b > start and first[end_a - 1] == second[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    a = [_token(t) for t in first[start:end_a]]
    b = [_token(t) for t in second[start:end_b]]
    previous = [0.0]
    for token in b:
        previous.append(previous[-1] + token.weight)
    for token in a:
        current = [previous[0] + token.weight]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + token.weight, current[j - 1] + other.weight,
                               previous[j - 1] + _replacement(token, other)))  # fmt: skip
        previous = current
    return previous[-1]


def score(query: str, text: str) -> int:
    """How close ``text`` is to ``query``, 0–100: 100 only for the identical text; each other word
    costs its share of the longer sentence's words, a difference of case, diacritics or
    punctuation a little of it.

    >>> score("The Council met today.", "The Council met today.")
    100
    >>> score("The Council met today.", "The council met today.")
    97
    >>> score("The Council met today.", "The Council met yesterday.")
    75
    """
    if " ".join(query.split()) == " ".join(text.split()):
        return 100
    first, second = tokens(query), tokens(text)
    longer = max(sum(t[0].isalnum() for t in first), sum(t[0].isalnum() for t in second))
    if longer == 0:
        longer = max(len(first), len(second), 1)
    similarity = max(0.0, 1.0 - _weighted_distance(first, second) / longer)
    return min(99, int(similarity * 100 + 1e-9))


def diff_tokens(match: str, query: str) -> list[tuple[str, str]]:
    """The difference from ``match`` to ``query``, as runs of ``=`` (kept), ``-`` (in the match
    only) and ``+`` (in the query only).

    >>> diff_tokens("elected for the 2023 term", "elected for the 2026 term")
    [('=', 'elected for the'), ('-', '2023'), ('+', '2026'), ('=', 'term')]
    """
    old, new = list(_TOKEN.finditer(match)), list(_TOKEN.finditer(query))
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[t.group() for t in old], b=[t.group() for t in new],
                                      autojunk=False)  # fmt: skip
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if a2 > a1:
            runs.append(("=" if op == "equal" else "-", match[old[a1].start() : old[a2 - 1].end()]))
        if b2 > b1 and op != "equal":
            runs.append(("+", query[new[b1].start() : new[b2 - 1].end()]))
    return runs


class Placeables(NamedTuple):
    """The target with the query's numbers put in place of the match's, and the numbers swapped."""

    target: str
    replaced: list[tuple[str, str]]


def place_numbers(query: str, source: str, target: str) -> Placeables | None:
    """When ``source`` differs from ``query`` only in its numbers, and each of those numbers
    stands in ``target``, the target with the query's numbers; else None.

    >>> place_numbers("the 2026–2028 term", "the 2023–2025 term", "nhiệm kỳ 2023–2025")
    Placeables(target='nhiệm kỳ 2026–2028', replaced=[('2023', '2026'), ('2025', '2028')])
    """
    query_tokens, source_tokens = tokens(query), tokens(source)
    if len(query_tokens) != len(source_tokens):
        return None
    pairs: list[tuple[str, str]] = []
    for new, old in zip(query_tokens, source_tokens, strict=True):
        if new == old:
            continue
        if not (_NUMBER.fullmatch(new) and _NUMBER.fullmatch(old)):
            return None
        if (old, new) not in pairs:
            pairs.append((old, new))
    if not pairs or len({old for old, _ in pairs}) != len(pairs):
        return None
    slots = {old: f"\0{n}\0" for n, (old, _) in enumerate(pairs)}
    marked = target
    for old, slot in slots.items():
        pattern = re.compile(rf"(?<![\w.,]){re.escape(old)}(?![\w]|[.,]\d)")
        marked, found = pattern.subn(slot, marked)
        if not found:
            return None
    for (_, new), slot in zip(pairs, slots.values(), strict=True):
        marked = marked.replace(slot, new)
    return Placeables(marked, pairs)
