"""Terminology QA: the glossary names that a translation renders wrongly, segment by segment.

``Checker(glossary)`` holds the keys of the glossary's names; ``Checker.check(segments, file)``
yields the ``Problem``s of one file's segments (``vnterms.formats.segments``), read one at a time.
The source's names are found as extraction finds them (``TermMatcher``: longest match first,
abbreviations, possessives, plurals); their renderings are compared with the target's text on
keys that ignore case, tone-mark placement, spacing and Unicode form (``normalize``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from vnterms.errors import InputError
from vnterms.extract import (  # the tokeniser's own patterns: the check finds the same words
    _COMBINING,
    _KEYS,
    _PLAIN_TOKEN,
    _TOKEN,
    NOT_UN_CATEGORIES,
    ROLE_WORDS,
    Span,
    TermMatcher,
)
from vnterms.formats.segments import IGNORE_MARK, Segment
from vnterms.model import LANGUAGES, Concept, Term
from vnterms.normalize import (
    Style,
    TokenKeys,
    canonical,
    compact,
    diacritic_key,
    fold,
    has_diacritics,
    nfc,
)

__all__ = [
    "MAX_CACHED",
    "MAX_KEPT",
    "MAX_WALKS",
    "RULES",
    "WARNINGS",
    "Checker",
    "Problem",
    "Rendering",
    "Targets",
    "check_files",
]

# Rule id → what it finds. Every rule is on unless ``rules`` names a selection.
RULES = {
    "missing-term": "the source names a concept; the target has none of its renderings",
    "deprecated-term": "the target uses a deprecated rendering",
    "draft-term": "the target uses a rendering that is only a draft (a warning)",
    "no-diacritics": "the target writes a Vietnamese name without its diacritics",
    "tone-style": "the file mixes tone placements (hòa, hoà): the minority is reported",
    "inconsistent": "a file renders a concept in two admitted ways: the minority is reported",
}
WARNINGS = frozenset({"draft-term"})
# Distinct source texts whose names are remembered (a file repeats its strings); then forgotten.
MAX_CACHED = 10_000
# Steps of the walks over names' words remembered (the words met after each beginning of a name).
MAX_WALKS = 100_000
# Occurrences of each tone style kept per file to report the minority (the rest are counted).
MAX_KEPT = 1_000
_WORD = r"(?<![^\W_]){}(?![^\W_])"
# Vietnamese titles that name no post by themselves, as the one-word English ones (ROLE_WORDS).
_TITLES = frozenset(["Đại sứ", "Chủ tịch", "Phó Chủ tịch"])
# Where a syllable may be written in either tone style: oa, oe, uy with a tone on either vowel.
# Searched in the lower-cased text (three times as fast as ignoring case), the first letter
# first (the search skips to it): [òóỏõọ][ae]|o[àáảãạèéẻẽẹ]|[ùúủũụ]y|u[ỳýỷỹỵ]
_STYLED = re.compile(r"[òóỏõọùúủũụou](?:(?<=[òóỏõọ])[ae]|(?<=o)[àáảãạèéẻẽẹ]"
                     r"|(?<=[ùúủũụ])y|(?<=u)[ỳýỷỹỵ])")
_STYLED_ANY_CASE = re.compile(_STYLED.pattern, re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
# A line split into gap, word, gap, word, …, gap, words as the tokeniser makes them.
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_SPLIT_PLAIN = re.compile(f"({_PLAIN_TOKEN.pattern})")
_SPLIT_ASCII = re.compile(r"([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)")  # the same on ASCII: faster
# ``fold`` of each word of the targets (fold treats each word alone): a text repeats its words.
_FOLDS = TokenKeys(fold)


class Problem(NamedTuple):
    """One finding: where, which rule, for which concept, what was expected and what was found."""

    file: str
    line: int
    rule: str
    concept: str | None
    source_term: str | None
    expected: tuple[str, ...]
    found: str | None
    message: str

    @property
    def is_warning(self) -> bool:
        return self.rule in WARNINGS

    def as_dict(self) -> dict[str, object]:
        """The problem as ``vnterms check --json`` prints it."""
        return {**self._asdict(), "expected": list(self.expected)}


class Rendering(NamedTuple):
    """A term as the target is searched for it."""

    text: str
    key: str  # diacritic_key, spaces kept
    squeezed: str  # the same without spaces, for spacing variants (Viet Nam, Vietnam)
    pattern: re.Pattern[str] | None  # abbreviations: whole word, in their own case
    lower: str  # the text in lower case: most targets hold it as it is
    folded: str  # ``compact``: a target whose compact form lacks it holds no variant of it
    folded_without_un: str  # the same without the UN's English names
    probes: tuple[str, ...]  # its syllables with marks, written without them: ("hoi", "dong")
    usage_key: str  # padded ``key`` without the UN's English names: what ``inconsistent`` counts


def _rendering(term: Term) -> Rendering:
    key = diacritic_key(term.text)
    pattern = None
    if term.is_abbreviation:
        words = r"[\s.]*".join(re.escape(word) for word in term.text.split())
        pattern = re.compile(_WORD.format(words))
    marked = tuple(dict.fromkeys(fold(word) for word in term.text.split()
                                 if fold(word) != word.lower()))  # fmt: skip
    return Rendering(term.text, key, key.replace(" ", ""), pattern, term.text.lower(),
                     compact(term.text), _without_un(f" {fold(term.text)} ").replace(" ", ""),
                     marked, _without_un(f" {key} "))


@dataclass
class Targets:
    """A concept's renderings in one language, by what the check does with them."""

    accepted: list[Rendering] = field(default_factory=list)
    deprecated: list[Rendering] = field(default_factory=list)
    draft: list[Rendering] = field(default_factory=list)
    # accepted names with diacritics, some or all syllables written without them (case aside)
    unmarked: list[Rendering] = field(default_factory=list)
    unmarked_longest: int = 0  # the length of the longest one's key
    longest_first: list[Rendering] = field(default_factory=list)  # the accepted ones
    expected: tuple[str, ...] = ()  # the accepted ones' texts
    # accepted names without the name of the body they belong to ("Hội đồng Chấp hành" of
    # "Hội đồng Chấp hành UNESCO"), each with that body's accepted names: the translation may
    # name the body elsewhere in the sentence
    detached: list[tuple[Rendering, list[Rendering]]] = field(default_factory=list)

    @classmethod
    def of(cls, concept: Concept, lang: str) -> Targets:
        targets = cls()
        for term in concept.terms_in(lang):
            status = "draft" if concept.is_draft and term.status != "deprecated" else term.status
            kind = {"preferred": "accepted", "admitted": "accepted"}.get(status, status)
            if kind in ("accepted", "deprecated", "draft"):
                getattr(targets, kind).append(_rendering(term))
            if kind == "accepted" and lang == "vi" and has_diacritics(term.text):
                targets.unmarked.append(targets.accepted[-1])
        if lang == "en":
            # English names a post by its title alone ("President Luong Cuong")
            titles = {r.text.split()[0] for r in targets.accepted} & ROLE_WORDS
            targets.accepted += [_rendering(Term(title, lang, "abbreviation")) for title in
                                 sorted(titles - {r.text for r in targets.accepted})]  # fmt: skip
        targets.longest_first = sorted(targets.accepted, key=lambda r: -len(r.key))
        targets.unmarked_longest = max((len(r.key) for r in targets.unmarked), default=0)
        targets.expected = tuple(rendering.text for rendering in targets.accepted)
        return targets


@cache
def _unmarked(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` with each syllable as written or without its marks (any case),
    compiled when first needed: most names are never written so."""
    words = [word for word in canonical(text).split() if fold(word)]
    either = (f"(?:{re.escape(word)}|{re.escape(fold(word))})" for word in words)
    return re.compile(_WORD.format(r"[\s-]+".join(either)), re.IGNORECASE)


class _Target:
    """A segment's translation, with the keys computed only if a name needs them (plain slots
    that a property fills: ``cached_property`` takes a lock on each first access)."""

    __slots__ = (
        "_compacted",
        "_compacted_without_un",
        "_folded",
        "_key",
        "_squeezed",
        "_without_un",
        "lower",
        "text",
    )  # fmt: skip
    _key: str | None
    _squeezed: str | None
    _without_un: str | None
    _folded: str | None
    _compacted: str | None
    _compacted_without_un: str | None

    def __init__(self, text: str) -> None:
        self.text = nfc(text)
        self.lower = self.text.lower()
        self._key = self._squeezed = self._without_un = None
        self._folded = self._compacted = self._compacted_without_un = None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = f" {diacritic_key(self.text)} "
        return self._key

    @property
    def squeezed(self) -> str:
        if self._squeezed is None:
            self._squeezed = self.key.replace(" ", "")
        return self._squeezed

    @property
    def without_un(self) -> str:
        if self._without_un is None:
            self._without_un = _without_un(self.key)
        return self._without_un

    @property
    def folded(self) -> str:
        """The padded ``fold`` of the text, word by word (each word folded once in a run)."""
        if self._folded is None:
            self._folded = f" {_FOLDS.of(self.text.split())} "
        return self._folded

    @property
    def compacted(self) -> str:
        if self._compacted is None:
            self._compacted = self.folded.replace(" ", "")  # ``compact``, without folding again
        return self._compacted

    @property
    def compacted_without_un(self) -> str:
        if self._compacted_without_un is None:
            self._compacted_without_un = _without_un(self.folded).replace(" ", "")
        return self._compacted_without_un

    def first_held(self, renderings: list[Rendering]) -> Rendering | None:
        """The first of ``renderings`` that the target holds, if any."""
        lower = self.lower
        for rendering in renderings:  # (most are there as they are written: no call for them)
            if (rendering.pattern is None and rendering.lower in lower) or self.has(rendering):
                return rendering
        return None

    def has(self, rendering: Rendering) -> bool:
        """Whether the target holds ``rendering``, in any case, tone style, spacing or form."""
        if rendering.pattern is not None:
            return rendering.pattern.search(self.text) is not None
        if rendering.lower in self.lower:
            return True
        if rendering.folded not in self.compacted and (
            rendering.folded_without_un not in self.compacted_without_un
        ):
            return False  # no variant can be there: the keys need not be computed
        key = f" {rendering.key} "
        if key in self.key or rendering.squeezed in self.squeezed:
            return True
        # "President of the United Nations Security Council": the UN's name may stand inside
        bare = _without_un(key)
        return bare != key and bare.strip() != "" and bare in self.without_un


def _without_un(key: str) -> str:
    """A padded key without the UN's English names."""
    return key.replace(" united nations ", " ").replace(" un ", " ")


class _Walk:
    """Where a walk over a name's words stands: the key of the words so far, the entry of the
    glossary key it is (``()`` if it only begins one, None if it begins none), and the walks one
    word further, by that word as written, met so far (None until one is: most walks end)."""

    __slots__ = ("after", "key", "step")

    def __init__(self, key: str, step: tuple[Concept, Term] | tuple[()] | None) -> None:
        self.key = key
        self.step = step
        self.after: dict[str, _Walk] | None = None


class _SourceMatcher(TermMatcher):
    """The names of one language's terms, also in the plural ("the two Conventions")."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        super().__init__(concepts)
        for key, entry in list(self.names.items()):
            if key[-1:].isalpha() and not key.endswith("s"):
                plural = key[:-1] + "ies" if key.endswith("y") else key + "s"
                self.names.setdefault(plural, entry)
                self.prefixes.update(plural[:i] for i in range(len(key), len(plural) + 1))
        for text, entry in list(self.abbreviations.items()):
            if text[-1:].isupper():
                self.abbreviations.setdefault(text + "s", entry)
        # "Hội đồng Nhân quyền LHQ": Vietnamese puts the UN's name after the body's
        for key, (concept, term) in list(self.names.items()):
            if term.lang == "vi" and concept.category not in NOT_UN_CATEGORIES:
                for suffix in ("lienhopquoc", "lienhiepquoc", "lhq"):
                    if not key.endswith(suffix):
                        self.names.setdefault(key + suffix, (concept, term))
                        self.prefixes.update((key + suffix)[:i] for i in
                                             range(len(key), len(key) + len(suffix) + 1))
        # each beginning of a key with the entry of the key it is, () if none: one look-up a word
        self.steps: dict[str, tuple[Concept, Term] | tuple[()]] = {
            prefix: self.names.get(prefix, ()) for prefix in self.prefixes
        }
        # the words with a capital or a digit first, each with its walk and its abbreviation
        # entry: a name's words are walked over in a small tree of the words met, not in the
        # large dict of every beginning of a key
        self.first_words: dict[str, tuple[_Walk, tuple[Concept, Term] | None]] = {}
        self.lowercase_starts = frozenset(text for text in self.abbreviations
                                          if not (text[0].isupper() or text[0].isdigit()))
        self.walks = 0  # how many walks the tree holds: it is cleared at MAX_WALKS

    def spans(self, line: str) -> list[Span]:
        """``TermMatcher.spans`` over the words of one split of ``line`` (a single pass in C):
        a name begins at a word with a capital or a digit whose key begins a glossary key, or at
        an abbreviation, and goes on over the words after it, with nothing but spaces and
        apostrophes between them, as long as their keys joined begin one."""
        if line.isascii():
            parts = _SPLIT_ASCII.split(line)
        else:
            parts = (_SPLIT_PLAIN if _COMBINING.search(line) is None else _SPLIT).split(line)
        keys, steps, first_words = _KEYS, self.steps, self.first_words
        abbreviations, make = self.abbreviations, tuple.__new__  # (skips Span's own __new__)
        lowercase = self.lowercase_starts
        found: list[Span] = []
        last = len(parts) - 1  # parts: gap, word, gap, word, …, gap
        after = 0
        for i in range(1, last, 2):
            text = parts[i]
            first = text[0]  # (a letter or a digit: comparing it is faster than asking it)
            if (first >= "a" and (first <= "z" or not (first.isupper() or first.isdigit()))
                    and not (lowercase and text in lowercase)):  # fmt: skip
                continue  # no capital or digit begins the word, nor an abbreviation ("imPACT")
            if i < after:
                continue
            first_word = first_words.get(text)
            if first_word is None:
                if self.walks >= MAX_WALKS:
                    first_words.clear()
                    self.walks = 0
                self.walks += 1
                key = keys[text]
                first_word = first_words[text] = (_Walk(key, steps.get(key)),
                                                  abbreviations.get(text))  # fmt: skip
            walk, best = first_word
            step = walk.step  # None: no key begins so
            if step is None and best is None:
                continue
            end = i + 2
            if step:
                best = step
            j = i
            while step is not None and j + 2 < last and (parts[j + 1] == " "
                                                          or not parts[j + 1].strip(" ’'")):
                j += 2
                word = parts[j]
                onward = walk.after
                if onward is None:
                    onward = walk.after = {}
                further = onward.get(word)
                if further is None:
                    self.walks += 1
                    key = walk.key + keys[word]
                    further = onward[word] = _Walk(key, steps.get(key))
                walk = further
                step = walk.step
                if step:
                    best, end = step, j + 2
            if best is None or (best[0].category == "post"
                                 and all(w in ROLE_WORDS for w in parts[i:end:2])):
                continue
            at = sum(map(len, parts[:i]))
            found.append(make(Span, (at, at + sum(map(len, parts[i : end - 1])), *best)))
            after = end
        return found


@dataclass
class _Usage:
    """One way a file renders one concept: how often, first where, the first places kept."""

    rendering: Rendering
    key: str  # padded, without the UN's English names
    first: int
    count: int = 0
    kept: list[tuple[int, str]] = field(default_factory=list)  # (line, the source's name)


@dataclass
class _FileState:
    """What one file's check remembers beyond a segment: bounded by the glossary's size and by
    ``MAX_KEPT`` occurrences of each rendering and each tone style."""

    renderings: dict[str, dict[str, _Usage]] = field(default_factory=dict)
    styles: dict[str, list[tuple[int, str]]] = field(
        default_factory=lambda: {"old": [], "new": []}
    )
    counts: dict[str, int] = field(default_factory=lambda: {"old": 0, "new": 0})


class Checker:
    """The rules of ``rules`` (ids of ``RULES``, all by default) over a glossary's names."""

    def __init__(self, glossary: Iterable[Concept], *, rules: Iterable[str] = RULES) -> None:
        self.concepts = {concept.id: concept for concept in glossary}
        self.rules = frozenset(rules)
        unknown = sorted(self.rules - RULES.keys())
        if unknown:
            raise InputError(f"unknown rule {', '.join(unknown)} (use {', '.join(RULES)})")
        self._targets: dict[tuple[str, str], Targets] = {}
        self._names: dict[str, dict[str, list[Span]]] = {lang: {} for lang in LANGUAGES}

    @cached_property
    def _matchers(self) -> dict[str, _SourceMatcher]:
        return {
            lang: _SourceMatcher(
                replace(concept, terms=[t for t in concept.terms_in(lang) if not _bare_title(t)])
                for concept in self.concepts.values()
            )
            for lang in LANGUAGES
        }

    def targets(self, concept_id: str, lang: str) -> Targets:
        """The renderings in ``lang`` of the concept ``concept_id``, keyed once."""
        found = self._targets.get((concept_id, lang))
        if found is None:
            concept = self.concepts[concept_id]
            found = self._targets[concept_id, lang] = Targets.of(concept, lang)
            if concept.parent in self.concepts:
                found.detached = _detached(found, self.targets(concept.parent, lang), lang)
        return found

    def names(self, text: str, lang: str) -> list[Span]:
        """The glossary names of ``text`` (one segment) in ``lang``, longest match first; each
        span's concept holds only its terms in ``lang``. The spans of the last ``MAX_CACHED``
        distinct texts of each language are remembered: the list returned may be shared."""
        cache = self._names[lang]
        found = cache.get(text)
        if found is None:
            if len(cache) >= MAX_CACHED:
                cache.clear()
            found = cache[text] = self._matchers[lang].spans(text)
        return found

    def check(self, segments: Iterable[Segment], file: str) -> Iterator[Problem]:
        """The problems of one file's segments, segment by segment, then those of the whole
        file (``inconsistent``, ``tone-style``: the minority of each)."""
        state = _FileState()
        for segment in segments:
            rules = self.rules
            if segment.ignored:  # (most segments have no ignore note: no set arithmetic)
                unknown = sorted(segment.ignored - RULES.keys())
                if unknown:
                    raise InputError(f"{IGNORE_MARK}: unknown rule {', '.join(unknown)} "
                                     f"(use {', '.join(RULES)})", file, segment.line)  # fmt: skip
                rules = rules - segment.ignored
            for problem in self._segment(segment, file, state):
                if problem.rule in rules:
                    yield problem
        if "inconsistent" in self.rules:
            yield from _minority_renderings(state, file)
        if "tone-style" in self.rules:
            yield from _minority_style(state, file)

    def _segment(self, segment: Segment, file: str, state: _FileState) -> list[Problem]:
        problems: list[Problem] = []
        lang = "vi" if segment.source_lang == "en" else "en"
        spans = self.names(segment.source, segment.source_lang)
        styles = lang == "vi" and "tone-style" in self.rules and "tone-style" not in segment.ignored
        if not spans and not styles:
            return problems  # (the target need not be read)
        target = _Target(segment.target)
        seen: set[str] = set()
        for span in spans:
            if len(spans) > 1:  # (a concept is checked once a segment)
                if span.concept.id in seen:
                    continue
                seen.add(span.concept.id)
            written = segment.source[span.start : span.end]
            where = (file, segment.line, span.concept.id, written)
            problem = self._name(where, self.targets(span.concept.id, lang), target, state,
                                 report="inconsistent" not in segment.ignored)
            if problem is not None:
                problems.append(problem)
        if styles:
            _tally_styles(target.text, target.lower, segment.line, state)
        return problems

    def _name(self, where: tuple[str, int, str, str], targets: Targets, target: _Target,
              state: _FileState, *, report: bool) -> Problem | None:  # fmt: skip
        """The problem of one source name, if any, ``where`` = (file, line, concept id, name);
        ``report``: whether its rendering may be reported as inconsistent later."""
        expected = targets.expected
        best = target.first_held(targets.longest_first)
        deprecated = None
        for rendering in targets.deprecated:  # (one the best rendering holds is not used)
            if (best is None or rendering.key not in best.key) and target.has(rendering):
                deprecated = rendering
                break
        name = where[3]
        if deprecated is not None:
            advice = f"; use “{expected[0]}”" if expected else ""
            return _problem(where, "deprecated-term", expected, deprecated.text,
                            f"“{name}” rendered by deprecated “{deprecated.text}”{advice}")
        if best is not None:
            bare = _stripped(targets, target, len(best.key))
            if bare is not None:  # "Tổng Thư ký Lien hop quoc": a shorter name is whole
                return _problem(where, "no-diacritics", expected, bare, f"“{name}” rendered "
                                f"“{bare}” without diacritics; write “{expected[0]}”")  # fmt: skip
            _tally_rendering(where, best, state, report=report)
            return None
        if any(target.has(head) and any(target.has(r) for r in body)
               for head, body in targets.detached):  # fmt: skip
            return None  # the name split around its body's: "Hội đồng Chấp hành … của UNESCO"
        draft = target.first_held(targets.draft)
        if draft is not None:
            return _problem(where, "draft-term", expected, draft.text,
                            f"“{name}” rendered by “{draft.text}”, only a draft in the glossary")
        if not expected:
            return None  # a concept with no accepted rendering asks for none
        bare = _stripped(targets, target, 0)
        if bare is not None:
            return _problem(where, "no-diacritics", expected, bare,
                            f"“{name}” rendered “{bare}” without diacritics; write “{expected[0]}”")
        return _problem(where, "missing-term", expected, None,
                        f"“{name}” not rendered: expected {_either(expected)}")


def _detached(targets: Targets, body: Targets, lang: str
              ) -> list[tuple[Rendering, list[Rendering]]]:
    """``targets``' accepted names that begin or end with a name of their ``body``, without it:
    at least two words must stay, so that a bare "Ủy ban" never stands for a committee."""
    found = []
    for rendering in targets.accepted:
        words = rendering.text.split()
        for part in body.accepted:
            size = len(part.text.split())
            if words[-size:] == part.text.split():
                rest = words[:-size]
            elif words[:size] == part.text.split():
                rest = words[size:]
            else:
                continue
            if len(rest) >= 2:
                found.append((_rendering(Term(" ".join(rest), lang, "full")), body.accepted))
    return found


def _stripped(targets: Targets, target: _Target, longer_than: int) -> str | None:
    """The target's text of an accepted name longer than ``longer_than`` characters, written
    with some or all of its syllables without their diacritics, if there is one."""
    if targets.unmarked_longest <= longer_than:
        return None
    for rendering in targets.unmarked:
        if (len(rendering.key) > longer_than  # (the probes first: the target's lower case is
                and any(probe in target.lower for probe in rendering.probes)  # already there)
                and rendering.folded in target.compacted):
            match = _unmarked(rendering.text).search(target.text)
            if match is not None and diacritic_key(match[0]) != rendering.key:
                return match[0]
    return None


def _problem(where: tuple[str, int, str, str], rule: str, expected: tuple[str, ...],
             found: str | None, message: str) -> Problem:  # fmt: skip
    file, line, concept, name = where
    return Problem(file, line, rule, concept, name, expected, found, message)


def _bare_title(term: Term) -> bool:
    """A Vietnamese title that names no post by itself, as a one-word English one."""
    return term.lang == "vi" and term.text in _TITLES


def _either(texts: tuple[str, ...]) -> str:
    quoted = [f"“{text}”" for text in texts]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _tally_rendering(where: tuple[str, int, str, str], found: Rendering, state: _FileState,
                     *, report: bool) -> None:  # fmt: skip
    """Count ``found`` as the way this file renders the concept (abbreviations aside); keep its
    place if ``report``."""
    if found.pattern is not None:
        return
    key = found.usage_key
    usages = state.renderings.get(where[2])
    if usages is None:
        usages = state.renderings[where[2]] = {}
    usage = usages.get(key)
    if usage is None:
        usage = usages[key] = _Usage(found, key, where[1])
    usage.count += 1
    if report and len(usage.kept) < MAX_KEPT:
        usage.kept.append((where[1], where[3]))


def _minority_renderings(state: _FileState, file: str) -> Iterator[Problem]:
    """``inconsistent`` problems: each place that renders a concept otherwise than the file
    mostly does, neither rendering holding the other (a short form is the same way)."""
    for concept, usages in state.renderings.items():
        ranked = sorted(usages.values(), key=lambda usage: (-usage.count, usage.first))
        major = ranked[0]
        for usage in ranked[1:]:
            if usage.key in major.key or major.key in usage.key:
                continue
            found, usual = usage.rendering.text, major.rendering.text
            for line, name in usage.kept:
                yield Problem(file, line, "inconsistent", concept, name, (usual,), found,
                              f"“{name}” rendered “{found}” here; the file renders it "
                              f"“{usual}” {major.count} times")


def _tally_styles(text: str, lower: str, line: int, state: _FileState) -> None:
    """Count the syllables of ``text`` (``lower`` in lower case) written in each tone style,
    keeping the first ``MAX_KEPT`` of each."""
    end = 0
    hits = _STYLED.finditer(lower) if len(lower) == len(text) else _STYLED_ANY_CASE.finditer(text)
    for hit in hits:
        start = hit.start()
        if start < end:
            continue  # (a second hit in the same word)
        while start and text[start - 1].isalpha():
            start -= 1
        word = _LETTERS.match(text, start)[0]  # type: ignore[index]  # (a letter is there)
        end = start + len(word)
        style = _style_of(word)
        if style is not None:
            state.counts[style] += 1
            if len(state.styles[style]) < MAX_KEPT:
                state.styles[style].append((line, word))


@lru_cache(maxsize=65_536)
def _style_of(word: str) -> Style | None:
    """The tone placement ``word`` is written in, None where both place it alike (hoàn, quý)."""
    old, new = canonical(word, style="old"), canonical(word, style="new")
    if old == new:
        return None
    return "old" if word == old else "new" if word == new else None


def _minority_style(state: _FileState, file: str) -> Iterator[Problem]:
    counts = state.counts
    if not counts["old"] or not counts["new"]:
        return
    minority: Style = "new" if counts["new"] <= counts["old"] else "old"
    majority: Style = "old" if minority == "new" else "new"
    for line, word in state.styles[minority]:
        other = canonical(word, style=majority)
        yield Problem(file, line, "tone-style", None, None, (other,), word,
                      f"“{word}” in the {minority} tone placement; the file writes "
                      f"{counts[majority]} syllables in the {majority} one (“{other}”)")


def check_files(checker: Checker, inputs: Iterable[tuple[str, Iterable[Segment]]]
                ) -> list[tuple[str, list[Problem]]]:  # fmt: skip
    """Each file's problems, by line (then rule, in ``RULES`` order): ``inputs`` are
    (file name, segments) pairs, read one after the other."""
    order = {rule: n for n, rule in enumerate(RULES)}
    return [
        (name, sorted(checker.check(segments, name), key=lambda p: (p.line, order[p.rule])))
        for name, segments in inputs
    ]
