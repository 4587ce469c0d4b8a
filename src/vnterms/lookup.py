"""Finding concepts by any of their terms, in either language, with or without diacritics.

``Index`` is built once per glossary (``Glossary.index``); ``search`` tries the matching rules in
rank order and returns ``Match``es, best first, each saying which term and which rule matched.
"""

from __future__ import annotations

import bisect
import gc
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from vnterms.normalize import (
    TokenKeys,
    canonical,
    canonical_key,
    diacritic_key,
    fold,
    has_diacritics,
    visible,
)

if TYPE_CHECKING:
    from vnterms.model import Concept, Term
    from vnterms.patterns import Instance, PatternSet

__all__ = [
    "MAX_QUERY_LENGTH",
    "RULES",
    "TABLES",
    "Index",
    "Match",
    "describe",
    "strip_optional",
    "term_keys",
]

# Rule name → score (0–100) of a match by that rule; the order is the rank order.
RULES = {
    "exact": 100,
    "pattern": 99,
    "case-and-style": 97,
    "abbreviation": 96,
    "without-diacritics": 94,
    "spacing": 92,
    "without-un-or-the": 88,
    "all-words": 80,
    "acronym-as-word": 75,
    "prefix": 70,
    "fuzzy": 60,  # the base of a prefix's score; a typo scores by its similarity (typo_score)
}
# Words that may be dropped from both query and term: "the", the UN's name in both languages.
OPTIONAL_PHRASES = ("the", "un", "united nations", "lien hop quoc", "lien hiep quoc", "lhq")
# Words too common to count when matching "all words in any order".
STOPWORDS = frozenset("the of on for and to in at by a an against beyond ve cua va cac".split())
# Acronyms that are also ordinary words: matched in their own case (WHO); in another ("who") they
# rank below every name they are not, though above names that merely start with them.
COMMON_WORD_ACRONYMS = frozenset("who cat cop aid all art act can ice isa pact care".split())
_STATUS_RANK = {"preferred": 0, "admitted": 1, "draft": 2, "deprecated": 3}
FUZZY_THRESHOLD = 0.82
# A near match scores 100 less 3 points per hundredth of dissimilarity, so that one letter added
# or lost in a name of three words (similarity about 0.95) scores 85 or more, and a match at the
# threshold (a nonsense query that happens to come near a term) below 50. It never reaches the
# keyed rules, which are exact up to case, marks, spacing or "the".
TYPO_CEILING = 87


def typo_score(similarity: float) -> int:
    """The score of a near match of this similarity (0–1).

    >>> typo_score(0.95), typo_score(FUZZY_THRESHOLD), typo_score(1.0)
    (85, 46, 87)
    """
    return max(0, min(TYPO_CEILING, round(100 - 300 * (1 - similarity))))

# The longest query searched, in characters: a name is never that long, and the typo rule's work
# grows with the square of a word's length (a 120,000-character query took 10 s and more).
MAX_QUERY_LENGTH = 1_000
# What a rule found: (score, rule name, term number); a Match is made only for those returned.
_Hit = tuple[int, str, int]
# A hit in rank order: (-score, rank of its term (see ``Index._build``), rule stage, term number,
# rule name); of two equal hits, the one found first wins.
_Ranked = tuple[int, int, int, int, str]
_UNRANKED = (1,)  # ranks after every hit


class Match(NamedTuple):
    """A concept found for a query: how well (``score``), through which term, by which rule;
    for a patterned concept, the ``instance`` the query is ("resolution 2417")."""

    concept: Concept
    score: int
    term: Term
    rule: str
    instance: Instance | None = None


def strip_optional(folded: str) -> str:
    """A folded key without the optional words: "the", "UN", "Liên hợp quốc"."""
    padded = f" {folded} "
    for phrase in OPTIONAL_PHRASES:
        padded = padded.replace(f" {phrase} ", " ")
    return " ".join(padded.split())


def _deletions(word: str) -> set[str]:
    """The word with any one letter removed (symmetric-delete spelling correction)."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


_DIACRITIC_KEYS = TokenKeys(diacritic_key)
_FOLDS = TokenKeys(fold)
_NEW_STYLE_LOWER = TokenKeys(lambda token: canonical(token, style="new").lower())
_NEW_STYLE_KEYS = TokenKeys(lambda token: canonical_key(canonical(token, style="new")))


def term_keys(text: str) -> tuple[str, str, str]:
    """The keys a term is indexed under: folded, diacritic key, and folded without "the"/"UN"."""
    if text.isascii() and text.isprintable():  # one key, with or without diacritics
        folded = key = fold(text)
    else:
        tokens = text.split()
        folded, key = _FOLDS.of(tokens), _DIACRITIC_KEYS.of(tokens)
    return folded, key, strip_optional(folded)


def _lower_case_forms(text: str, key: str) -> set[str]:
    """``text`` in lower case, in both tone styles, as written and as keys, other than ``key``.

    The case-and-style table holds them beside the key, with the same terms: a query that is one
    of them needs no splitting, folding or repair of its tone marks (see ``Index._rules``).
    """
    if text.isascii():  # no tone marks: one style
        return {text.lower()} - {key}
    tokens = text.split()
    return {text.lower(), _NEW_STYLE_LOWER.of(tokens), _NEW_STYLE_KEYS.of(tokens)} - {key}


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an index of plain data is built.

    The index creates no cycles, yet each of its many new containers brings the collector
    round again: at 100,000 concepts it more than doubled the build time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Keyed rules whose table maps one key of a term to the positions of the terms that have it.
_KEYED_RULES = ("exact", "case-and-style", "without-diacritics", "spacing", "without-un-or-the",
                "acronym-as-word")  # fmt: skip
# The names of an index's tables: each term's fold, each word's terms, each term's rank and
# whether it is an abbreviation, and the keyed rules' tables.
TABLES = ("folds", "words", "ranks", "abbreviations", *_KEYED_RULES)


class Index:
    """Keys of every term of a glossary, built once; ``search`` answers queries from them.

    Terms are numbered in glossary order; the tables hold those numbers, so that they are plain
    data (``tables``, by name: ``TABLES``) that a cache can store and give back
    (``Index(glossary, tables=…)``, where a mapping that reads each table on first use will do).
    """

    def __init__(self, glossary: Iterable[Concept], *, tables: Mapping[str, Any] | None = None):
        concepts = list(glossary)
        self._concepts = concepts
        self._terms = [(concept, term) for concept in concepts for term in concept.terms]
        self._concept_count = len(concepts)
        with collection_paused():
            self.tables = tables if tables is not None else self._build()

    def _build(self) -> dict[str, Any]:
        folds = []
        keys: dict[str, dict[str, list[int]]] = {rule: {} for rule in _KEYED_RULES}
        words: dict[str, set[int]] = {}
        for i, (_, term) in enumerate(self._terms):
            folded, key, reduced = term_keys(term.text)
            folds.append(folded)
            keys["exact"].setdefault(term.text, []).append(i)
            if term.is_abbreviation and folded in COMMON_WORD_ACRONYMS:
                keys["acronym-as-word"].setdefault(folded, []).append(i)
                continue
            same_key = keys["case-and-style"].setdefault(key, [])
            same_key.append(i)
            for alias in _lower_case_forms(term.text, key):
                keys["case-and-style"][alias] = same_key
            keys["without-diacritics"].setdefault(folded, []).append(i)
            keys["spacing"].setdefault(folded.replace(" ", ""), []).append(i)
            keys["without-un-or-the"].setdefault(reduced, []).append(i)
            for word in folded.split():
                if word not in STOPWORDS:
                    words.setdefault(word, set()).add(i)
        # What ranking needs of each term, packed so that a query touches no Term or Concept:
        # its status rank and its concept's place in id order, as status × concepts + place.
        places = {cid: n for n, cid in enumerate(sorted({c.id for c, _ in self._terms}))}
        ranks = [_STATUS_RANK.get(term.status, 9) * self._concept_count + places[concept.id]
                 for concept, term in self._terms]  # fmt: skip
        abbreviations = bytes(term.is_abbreviation for _, term in self._terms)
        return {"folds": folds, "words": words, "ranks": ranks, "abbreviations": abbreviations,
                **keys}  # fmt: skip

    @cached_property
    def _sorted_folds(self) -> list[tuple[str, int]]:
        """Every folded term with its number, in order: the prefix rule's index."""
        unmarked = self.tables["without-diacritics"]
        return sorted((folded, i) for folded, found in unmarked.items() for i in found)

    @cached_property
    def _vocabulary(self) -> dict[str, set[str]]:
        """Each word (of four letters or more, without digits) under each of its deletions.

        Numbers are left out: "Goal 15" is not a typo of "Goal 16".
        """
        vocabulary: dict[str, set[str]] = defaultdict(set)
        for word in self.tables["words"]:
            if len(word) > 3 and word.isalpha():
                for deletion in _deletions(word):
                    vocabulary[deletion].add(word)
        return vocabulary

    @cached_property
    def _contents(self) -> list[str]:
        """Each term's content words, what the typo rule compares with the query's."""
        return [
            " ".join(w for w in strip_optional(folded).split() if w not in STOPWORDS)
            for folded in self.tables["folds"]
        ]

    def search(self, query: str, *, limit: int = 10, lang: str | None = None) -> list[Match]:
        """Matches for ``query``, best first; ties go to preferred terms, then to concept ids.

        A query longer than ``MAX_QUERY_LENGTH`` characters matches nothing: the answer is an
        empty list, returned at once.
        """
        ranked = self._ranked(query, limit, lang)
        instance = None
        if any(rule == "pattern" for *_, rule in ranked):
            instance = self._patterns.match(_written(query))
        return [
            Match(self._terms[i][0], -score, self._terms[i][1], rule,
                  instance if rule == "pattern" else None)
            for score, _, _, i, rule in ranked
        ]  # fmt: skip

    @cached_property
    def _patterns(self) -> PatternSet:
        """The glossary's patterned concepts, matched whole against a query, case ignored."""
        from vnterms.patterns import PatternSet  # only a query that may be an instance needs it

        return PatternSet(self._concepts, ignore_case=True)

    @cached_property
    def _term_numbers(self) -> dict[int, int]:
        """Each term's number, by the term object's identity: where a pattern's term stands."""
        return {id(term): i for i, (_, term) in enumerate(self._terms)}

    @cached_property
    def _has_patterns(self) -> bool:
        return any(concept.slots for concept in self._concepts)

    def _pattern_hits(self, written: str) -> list[_Hit]:
        if not self._has_patterns:
            return []
        instance = self._patterns.match(written)
        if instance is None:
            return []
        return [(RULES["pattern"], "pattern", self._term_numbers[id(instance.term)])]

    def first(self, query: str) -> Concept | None:
        """The concept of the best match for ``query``, if any: ``search(query, limit=1)``."""
        ranked = self._ranked(query, 1, None)
        return self._terms[ranked[0][3]][0] if ranked else None

    def _ranked(self, query: str, limit: int, lang: str | None) -> list[_Ranked]:
        """The best hit of each of the ``limit`` best concepts, in rank order."""
        if len(query) > MAX_QUERY_LENGTH:
            return []
        written = _written(query)
        if not written or limit < 1:
            return []
        ranks, concepts = self.tables["ranks"], self._concept_count
        found: dict[int, _Ranked] = {}  # concept's place → its best hit
        for stage, hits in enumerate(self._rules(written)):
            for score, rule, i in hits:
                if lang is not None and self._terms[i][1].lang != lang:
                    continue
                rank = ranks[i]
                ranked = (-score, rank, stage, i, rule)
                if ranked < found.get(rank % concepts, _UNRANKED):
                    found[rank % concepts] = ranked
            if len(found) >= limit:
                break  # every later rule scores lower
        return sorted(found.values())[:limit] if len(found) > 1 else list(found.values())

    def _rules(self, written: str) -> Iterator[list[_Hit]]:
        """The hits of each rule in turn, best rule first, computed only when asked for.

        A keyed rule is tried only when its key is in its table: most queries stop at the first.
        """
        keys = self.tables
        if written in keys["exact"]:
            yield self._batch("exact", written)
        patterned = self._pattern_hits(written)
        if patterned:
            yield patterned
        plain = written.isascii() and written.isprintable()
        lowered = written.lower()
        case_hit = lowered in keys["case-and-style"]  # as every term is, in lower case
        if case_hit:
            yield self._batch("case-and-style", lowered)
        if plain:  # printable ASCII has one key, with or without diacritics
            key = folded = lowered if lowered in keys["without-diacritics"] else fold(written)
            marks = []
        else:  # marks are compared in the tables' own tone style
            tokens = written.split()
            key, folded = _DIACRITIC_KEYS.of(tokens), _FOLDS.of(tokens)
            marks = [word for word in key.split() if has_diacritics(word)]
        if not case_hit and key != lowered and key in keys["case-and-style"]:
            yield self._batch("case-and-style", key)
        if not marks:
            if folded in keys["without-diacritics"]:
                yield self._batch("without-diacritics", folded)
            compacted = folded.replace(" ", "")
            if compacted in keys["spacing"]:
                yield self._batch("spacing", compacted)
        reduced = strip_optional(folded)
        if reduced and reduced in keys["without-un-or-the"]:
            yield self._batch("without-un-or-the", reduced, marks)
        if lowered in keys["acronym-as-word"]:
            yield self._batch("acronym-as-word", lowered)
        words = [word for word in reduced.split() if word not in STOPWORDS]
        near = self._all_words(words, marks) + self._prefix(folded, marks)
        yield near
        if not near:
            yield self._fuzzy(words, marks)

    def _batch(self, rule: str, key: str, marks: list[str] | None = None) -> list[_Hit]:
        """The hits of a keyed rule: the terms indexed under ``key``, scored by the rule."""
        abbreviations = self.tables["abbreviations"]
        hits = []
        for i in self.tables[rule][key]:
            if marks and not _marks_agree(marks, self._terms[i][1].text):
                continue  # a query with diacritics never matches a term whose marks differ
            named = rule if rule in ("exact", "acronym-as-word") or not abbreviations[i] else (
                "abbreviation")  # fmt: skip
            hits.append((RULES[named], named, i))
        return hits

    def _scored(self, rule: str, scored: list[tuple[int, int]], marks: list[str]) -> list[_Hit]:
        """The hits of a rule that scores each term itself: ``scored`` is (term, score) pairs."""
        return [
            (score, rule, i)
            for i, score in scored
            if not marks or _marks_agree(marks, self._terms[i][1].text)
        ]

    def _all_words(self, words: list[str], marks: list[str]) -> list[_Hit]:
        if len(words) < 2:
            return []
        index = self.tables["words"]
        postings = sorted((index.get(word, set()) for word in words), key=len)
        hits = set.intersection(*postings) if postings[0] else set()
        scored = []
        for i in sorted(hits):
            content = [w for w in self.tables["folds"][i].split() if w not in STOPWORDS]
            coverage = len(set(words)) / max(len(set(content)), 1)
            score = RULES["prefix"] + round((RULES["all-words"] - RULES["prefix"]) * coverage)
            scored.append((i, score))
        return self._scored("all-words", scored, marks)

    def _prefix(self, folded: str, marks: list[str]) -> list[_Hit]:
        if len(folded) < 3:
            return []
        start = bisect.bisect_left(self._sorted_folds, (folded, -1))
        scored = []
        for key, i in self._sorted_folds[start : start + 50]:
            if not key.startswith(folded):
                break
            # a query that lacks only a letter or two of the term scores as a typo would
            typed = RULES["fuzzy"] + round(10 * len(folded) / len(key))
            scored.append((i, max(typed, typo_score(2 * len(folded) / (len(folded) + len(key))))))
        return self._scored("prefix", scored, marks)

    def _fuzzy(self, words: list[str], marks: list[str]) -> list[_Hit]:
        """Terms whose words are one typo away from the query's, if close enough overall."""
        index = self.tables["words"]
        options: list[list[set[int]]] = []
        for word in words:
            if word in index:  # a plural "s" more or less is a typo too ("Human Right Council")
                forms = (word, word + "s", word[:-1] if word.endswith("s") else "")
                options.append([index[form] for form in forms if form in index])
                continue
            near = {c for d in _deletions(word) for c in self._vocabulary.get(d, ())}
            if not near:
                return []
            options.append([index[c] for c in sorted(near)])
        if not options:
            return []
        # Start from the rarest word; intersect with the others' postings, or filter by them
        # when their union would be the larger work.
        options.sort(key=lambda postings: sum(map(len, postings)))
        hits = set().union(*options[0])
        for postings in options[1:]:
            if len(postings) == 1:
                hits &= postings[0]
            elif sum(map(len, postings)) < len(hits):
                hits &= set().union(*postings)
            else:
                hits = {i for i in hits if any(i in posting for posting in postings)}
            if not hits:
                return []
        from difflib import SequenceMatcher  # only typos need it

        matcher = SequenceMatcher(None, "", " ".join(words))
        numbered = any(word.isdigit() for word in words)
        ratios: dict[str, float] = {}  # terms that differ only by a number share their ratio
        scored = []
        for i in sorted(hits):
            content = self._contents[i]
            if not numbered:  # "… in Africa" is compared with "… in Africa 7" without the 7
                content = " ".join(w for w in content.split() if not w.isdigit())
            ratio = ratios.get(content)
            if ratio is None:
                matcher.set_seq1(content)
                ratio = ratios[content] = (
                    matcher.ratio()
                    if matcher.real_quick_ratio() >= FUZZY_THRESHOLD
                    and matcher.quick_ratio() >= FUZZY_THRESHOLD
                    else 0.0
                )
            if ratio >= FUZZY_THRESHOLD:
                scored.append((i, typo_score(ratio)))
        return self._scored("fuzzy", scored, marks)


def _written(query: str) -> str:
    """A query as the rules read it: NFC, without invisible characters, spaces collapsed."""
    written = query if query.isascii() else unicodedata.normalize("NFC", visible(query))
    if not written.isprintable() or "  " in written or written.strip() != written:
        written = " ".join(written.split())  # (printable text has no other space than " ")
    return written


def _marks_agree(marks: list[str], text: str) -> bool:
    """Whether the query's marked words (``marks``, as diacritic keys) that ``text`` shares,
    ignoring marks, carry the same marks in ``text``."""
    tokens = text.split()
    marked, unmarked = set(_DIACRITIC_KEYS.of(tokens).split()), set(_FOLDS.of(tokens).split())
    return all(word in marked or fold(word) not in unmarked for word in marks)


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
        "instance": match.instance.describe() if match.instance else None,
    }
