"""Finding concepts by any of their terms, in either language, with or without diacritics.

``Index`` is built once per glossary (``Glossary.index``); ``search`` tries the matching rules in
rank order and returns ``Match``es, best first, each saying which term and which rule matched.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vnterms.normalize import canonical, compact, diacritic_key, fold, has_diacritics

if TYPE_CHECKING:
    from vnterms.model import Concept, Term

__all__ = ["RULES", "Index", "Match", "describe"]

# Rule name → score (0–100) of a match by that rule; the order is the rank order.
RULES = {
    "exact": 100,
    "case-and-style": 97,
    "abbreviation": 96,
    "without-diacritics": 94,
    "spacing": 92,
    "without-un-or-the": 88,
    "all-words": 80,
    "prefix": 70,
    "fuzzy": 60,
}
# Words that may be dropped from both query and term: "the", the UN's name in both languages.
OPTIONAL_PHRASES = ("the", "un", "united nations", "lien hop quoc", "lien hiep quoc", "lhq")
# Words too common to count when matching "all words in any order".
STOPWORDS = frozenset("the of on for and to in at by a an against beyond ve cua va cac".split())
# Acronyms that are also ordinary words: matched only in their own case (WHO, not "who").
COMMON_WORD_ACRONYMS = frozenset("who cat cop aid all art act can ice isa pact care".split())
_STATUS_RANK = {"preferred": 0, "admitted": 1, "draft": 2, "deprecated": 3}
FUZZY_THRESHOLD = 0.82


@dataclass(frozen=True)
class Match:
    """A concept found for a query: how well (``score``), through which term, by which rule."""

    concept: Concept
    score: int
    term: Term
    rule: str


def _reduce(folded: str) -> str:
    """A folded key without the optional words: "the", "UN", "Liên hợp quốc"."""
    padded = f" {folded} "
    for phrase in OPTIONAL_PHRASES:
        padded = padded.replace(f" {phrase} ", " ")
    return " ".join(padded.split())


def _deletions(word: str) -> set[str]:
    """The word with any one letter removed (symmetric-delete spelling correction)."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


class Index:
    """Keys of every term of a glossary, built once; ``search`` answers queries from them."""

    def __init__(self, glossary: Iterable[Concept]) -> None:
        self._exact: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
        self._keys: dict[str, dict[str, list[tuple[Concept, Term]]]] = {
            rule: defaultdict(list)
            for rule in ("case-and-style", "without-diacritics", "spacing", "without-un-or-the")
        }
        self._words: dict[str, set[int]] = defaultdict(set)
        self._entries: list[tuple[Concept, Term, str]] = []
        for concept in glossary:
            for term in concept.terms:
                self._add(concept, term)
        self._sorted_folds = sorted((folded, i) for i, (_, _, folded) in enumerate(self._entries))
        self._vocabulary: dict[str, set[str]] = defaultdict(set)
        for word in self._words:
            if len(word) > 3:
                for deletion in _deletions(word):
                    self._vocabulary[deletion].add(word)

    def _add(self, concept: Concept, term: Term) -> None:
        entry = (concept, term)
        folded = fold(term.text)
        self._exact[term.text].append(entry)
        if term.is_abbreviation and folded in COMMON_WORD_ACRONYMS:
            return  # WHO is found as "WHO" only
        self._entries.append((concept, term, folded))
        self._keys["case-and-style"][diacritic_key(term.text)].append(entry)
        self._keys["without-diacritics"][folded].append(entry)
        self._keys["spacing"][folded.replace(" ", "")].append(entry)
        self._keys["without-un-or-the"][_reduce(folded)].append(entry)
        for word in folded.split():
            if word not in STOPWORDS:
                self._words[word].add(len(self._entries) - 1)

    def search(self, query: str, *, limit: int = 10, lang: str | None = None) -> list[Match]:
        """Matches for ``query``, best first; ties go to preferred terms, then to concept ids."""
        written = " ".join(unicodedata.normalize("NFC", query).split())
        if not written or limit < 1:
            return []
        best: dict[str, Match] = {}
        for batch in self._rules(written, canonical(written)):
            for match in batch:
                if lang is not None and match.term.lang != lang:
                    continue
                current = best.get(match.concept.id)
                if current is None or _rank(match) < _rank(current):
                    best[match.concept.id] = match
            if len(best) >= limit:
                break  # every later rule scores lower
        return sorted(best.values(), key=_rank)[:limit]

    def _rules(self, written: str, query: str) -> Iterator[list[Match]]:
        """The matches of each rule in turn, best rule first, computed only when asked for."""
        marked = has_diacritics(query)
        yield list(self._matches(self._exact.get(written, ()), "exact"))
        key = diacritic_key(query)
        yield list(self._matches(self._keys["case-and-style"].get(key, ()), "case-and-style"))
        folded = fold(query)
        if not marked:
            found = self._keys["without-diacritics"].get(folded, ())
            yield list(self._matches(found, "without-diacritics"))
            found = self._keys["spacing"].get(compact(query), ())
            yield list(self._matches(found, "spacing"))
        reduced = _reduce(folded)
        if reduced:
            found = self._keys["without-un-or-the"].get(reduced, ())
            yield list(self._matches(found, "without-un-or-the", marked, query))
        words = [word for word in reduced.split() if word not in STOPWORDS]
        near = list(self._all_words(words, marked, query)) + list(
            self._prefix(folded, marked, query)
        )
        yield near
        if not near:
            yield list(self._fuzzy(words, marked, query))

    def _matches(
        self,
        entries: Iterable[tuple[Concept, Term]],
        rule: str,
        marked: bool = False,
        query: str = "",
        score: int | None = None,
    ) -> Iterator[Match]:
        for concept, term in entries:
            if marked and not _marks_agree(query, term.text):
                continue  # a query with diacritics never matches a term whose marks differ
            named = "abbreviation" if term.is_abbreviation and rule != "exact" else rule
            yield Match(concept, score if score is not None else RULES[named], term, named)

    def _all_words(self, words: list[str], marked: bool, query: str) -> Iterator[Match]:
        if len(words) < 2:
            return
        postings = sorted((self._words.get(word, set()) for word in words), key=len)
        hits = set.intersection(*postings) if postings[0] else set()
        for i in sorted(hits):
            concept, term, folded = self._entries[i]
            content = [w for w in folded.split() if w not in STOPWORDS]
            coverage = len(set(words)) / max(len(set(content)), 1)
            score = RULES["prefix"] + round((RULES["all-words"] - RULES["prefix"]) * coverage)
            yield from self._matches([(concept, term)], "all-words", marked, query, score)

    def _prefix(self, folded: str, marked: bool, query: str) -> Iterator[Match]:
        if len(folded) < 3:
            return
        start = bisect.bisect_left(self._sorted_folds, (folded, -1))
        for key, i in self._sorted_folds[start : start + 50]:
            if not key.startswith(folded):
                break
            concept, term, _ = self._entries[i]
            score = RULES["fuzzy"] + round(10 * len(folded) / len(key))
            yield from self._matches([(concept, term)], "prefix", marked, query, score)

    def _fuzzy(self, words: list[str], marked: bool, query: str) -> Iterator[Match]:
        """Terms whose words are one typo away from the query's, if close enough overall."""
        corrected: list[set[str]] = []
        for word in words:
            if word in self._words:
                corrected.append({word})
                continue
            near = {c for d in _deletions(word) for c in self._vocabulary.get(d, ())}
            if not near:
                return
            corrected.append(near)
        if not corrected:
            return
        hits: set[int] = set()
        for options in corrected:
            postings = set().union(*(self._words[w] for w in options))
            hits = postings if not hits else hits & postings
            if not hits:
                return
        target = " ".join(words)
        for i in sorted(hits):
            concept, term, folded = self._entries[i]
            content = " ".join(w for w in _reduce(folded).split() if w not in STOPWORDS)
            ratio = difflib.SequenceMatcher(None, target, content).ratio()
            if ratio >= FUZZY_THRESHOLD:
                score = round(RULES["fuzzy"] * ratio)
                yield from self._matches([(concept, term)], "fuzzy", marked, query, score)


def _marks_agree(query: str, text: str) -> bool:
    """Whether the words ``query`` and ``text`` share carry the same marks (case/style aside)."""
    marked = set(diacritic_key(text).split())
    folded = set(fold(text).split())
    return all(
        word in marked or fold(word) not in folded
        for word in diacritic_key(query).split()
        if has_diacritics(word)
    )


def _rank(match: Match) -> tuple[int, int, str]:
    return (-match.score, _STATUS_RANK.get(match.term.status, 9), match.concept.id)


def describe(match: Match) -> dict[str, object]:
    """A match as plain data: what ``vnterms lookup --json`` prints for it."""
    concept = match.concept

    def terms(lang: str) -> list[dict[str, str]]:
        return [
            {"text": t.text, "kind": t.kind, "status": t.status} for t in concept.terms_in(lang)
        ]

    return {
        "id": concept.id,
        "en": concept.label("en"),
        "vi": concept.label("vi"),
        "category": concept.category,
        "status": "draft" if concept.is_draft else "approved",
        "score": match.score,
        "matched": match.term.text,
        "rule": match.rule,
        "definition": concept.definition,
        "note": concept.note,
        "parent": concept.parent,
        "en_terms": terms("en"),
        "vi_terms": terms("vi"),
    }
