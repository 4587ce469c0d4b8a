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
from functools import cached_property
from typing import NamedTuple

from vnterms.errors import InputError
from vnterms.extract import NOT_UN_CATEGORIES, ROLE_WORDS, Span, TermMatcher
from vnterms.formats.segments import IGNORE_MARK, Segment
from vnterms.model import LANGUAGES, Concept, Term
from vnterms.normalize import Style, canonical, diacritic_key, fold, has_diacritics

__all__ = [
    "MAX_KEPT",
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
    "inconsistent": "one file renders the same concept in two admitted ways",
}
WARNINGS = frozenset({"draft-term"})
# Occurrences of each tone style kept per file to report the minority (the rest are counted).
MAX_KEPT = 1_000
_WORD = r"(?<![^\W_]){}(?![^\W_])"
# Vietnamese titles that name no post by themselves, as the one-word English ones (ROLE_WORDS).
_TITLES = frozenset(["Đại sứ", "Chủ tịch", "Phó Chủ tịch"])
# Syllables whose tone mark sits on another vowel in the new style than in the old: oa, oe, uy.
_STYLED = re.compile(r"[^\W\d_]*(?:[òóỏõọ][ae]|o[àáảãạèéẻẽẹ]|[ùúủũụ]y|u[ỳýỷỹỵ])(?![^\W_])",
                     re.IGNORECASE)  # fmt: skip


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


def _rendering(term: Term) -> Rendering:
    key = diacritic_key(term.text)
    pattern = None
    if term.is_abbreviation:
        words = r"[\s.]*".join(re.escape(word) for word in term.text.split())
        pattern = re.compile(_WORD.format(words))
    return Rendering(term.text, key, key.replace(" ", ""), pattern)


@dataclass
class Targets:
    """A concept's renderings in one language, by what the check does with them."""

    accepted: list[Rendering] = field(default_factory=list)
    deprecated: list[Rendering] = field(default_factory=list)
    draft: list[Rendering] = field(default_factory=list)
    # accepted names with diacritics, some or all syllables written without them (case aside)
    unmarked: list[tuple[Rendering, re.Pattern[str]]] = field(default_factory=list)

    @classmethod
    def of(cls, concept: Concept, lang: str) -> Targets:
        targets = cls()
        for term in concept.terms_in(lang):
            status = "draft" if concept.is_draft and term.status != "deprecated" else term.status
            kind = {"preferred": "accepted", "admitted": "accepted"}.get(status, status)
            if kind in ("accepted", "deprecated", "draft"):
                getattr(targets, kind).append(_rendering(term))
            if kind == "accepted" and lang == "vi" and has_diacritics(term.text):
                targets.unmarked.append((targets.accepted[-1], _unmarked(term.text)))
        if lang == "en":
            # English names a post by its title alone ("President Luong Cuong")
            titles = {r.text.split()[0] for r in targets.accepted} & ROLE_WORDS
            targets.accepted += [_rendering(Term(title, lang, "abbreviation")) for title in
                                 sorted(titles - {r.text for r in targets.accepted})]  # fmt: skip
        return targets

    @property
    def expected(self) -> tuple[str, ...]:
        return tuple(rendering.text for rendering in self.accepted)


def _unmarked(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` with each syllable as written or without its marks (any case)."""
    words = [word for word in canonical(text).split() if fold(word)]
    either = (f"(?:{re.escape(word)}|{re.escape(fold(word))})" for word in words)
    return re.compile(_WORD.format(r"[\s-]+".join(either)), re.IGNORECASE)


class _Target:
    """A segment's translation, with the keys computed only if a name needs them."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def key(self) -> str:
        return f" {diacritic_key(self.text)} "

    @cached_property
    def squeezed(self) -> str:
        return self.key.replace(" ", "")

    @cached_property
    def without_un(self) -> str:
        return _without_un(self.key)

    def has(self, rendering: Rendering) -> bool:
        if rendering.pattern is not None:
            return rendering.pattern.search(self.text) is not None
        key = f" {rendering.key} "
        if key in self.key or rendering.squeezed in self.squeezed:
            return True
        # "President of the United Nations Security Council": the UN's name may stand inside
        bare = _without_un(key)
        return bare != key and bare.strip() != "" and bare in self.without_un


def _without_un(key: str) -> str:
    """A padded key without the UN's English names."""
    return key.replace(" united nations ", " ").replace(" un ", " ")


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


@dataclass
class _FileState:
    """What one file's check remembers beyond a segment: bounded by the glossary's size and by
    ``MAX_KEPT`` occurrences of each tone style."""

    renderings: dict[str, tuple[Rendering, int]] = field(default_factory=dict)
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
            found = self._targets[concept_id, lang] = Targets.of(self.concepts[concept_id], lang)
        return found

    def names(self, text: str, lang: str) -> list[Span]:
        """The glossary names of ``text`` (one segment) in ``lang``, longest match first; each
        span's concept holds only its terms in ``lang``."""
        return self._matchers[lang].spans(text)

    def check(self, segments: Iterable[Segment], file: str) -> Iterator[Problem]:
        """The problems of one file's segments, segment by segment, then those of the whole
        file (``tone-style``)."""
        state = _FileState()
        for segment in segments:
            unknown = sorted(segment.ignored - RULES.keys())
            if unknown:
                raise InputError(f"{IGNORE_MARK}: unknown rule {', '.join(unknown)} "
                                 f"(use {', '.join(RULES)})", file, segment.line)  # fmt: skip
            for problem in self._segment(segment, file, state):
                if problem.rule in self.rules and problem.rule not in segment.ignored:
                    yield problem
        if "tone-style" in self.rules:
            yield from _minority_style(state, file)

    def _segment(self, segment: Segment, file: str, state: _FileState) -> Iterator[Problem]:
        lang = "vi" if segment.source_lang == "en" else "en"
        target = _Target(segment.target)
        seen: set[str] = set()
        for span in self.names(segment.source, segment.source_lang):
            if span.concept.id in seen:
                continue
            seen.add(span.concept.id)
            written = segment.source[span.start : span.end]
            where = (file, segment.line, span.concept.id, written)
            yield from self._name(where, self.targets(span.concept.id, lang), target, state)
        if lang == "vi" and "tone-style" in self.rules and "tone-style" not in segment.ignored:
            _tally_styles(segment.target, segment.line, state)

    def _name(self, where: tuple[str, int, str, str], targets: Targets, target: _Target,
              state: _FileState) -> Iterator[Problem]:  # fmt: skip
        """The problems of one source name, ``where`` = (file, line, concept id, name)."""
        expected = targets.expected
        accepted = [r for r in targets.accepted if target.has(r)]
        deprecated = next((r for r in targets.deprecated if target.has(r)
                           and not any(r.key in a.key for a in accepted)), None)  # fmt: skip
        name = f"“{where[3]}”"
        if deprecated is not None:
            advice = f"; use “{expected[0]}”" if expected else ""
            yield _problem(where, "deprecated-term", expected, deprecated.text,
                          f"{name} rendered by deprecated “{deprecated.text}”{advice}")
        elif accepted:
            best = max(accepted, key=lambda r: len(r.key))
            bare = _stripped(targets, target, len(best.key))
            if bare is not None:  # "Tổng Thư ký Lien hop quoc": a shorter name is whole
                yield _problem(where, "no-diacritics", expected, bare,
                              f"{name} rendered “{bare}” without diacritics; write “{expected[0]}”")
            else:
                yield from _consistency(where, best, state)
        elif any(target.has(r) for r in targets.draft):
            draft = next(r for r in targets.draft if target.has(r))
            yield _problem(where, "draft-term", expected, draft.text,
                          f"{name} rendered by “{draft.text}”, only a draft in the glossary")
        elif expected:  # (a concept with no accepted rendering asks for none)
            bare = _stripped(targets, target, 0)
            if bare is not None:
                yield _problem(where, "no-diacritics", expected, bare,
                              f"{name} rendered “{bare}” without diacritics; write “{expected[0]}”")
            else:
                yield _problem(where, "missing-term", expected, None,
                              f"{name} not rendered: expected {_either(expected)}")


def _stripped(targets: Targets, target: _Target, longer_than: int) -> str | None:
    """The target's text of an accepted name longer than ``longer_than`` characters, written
    with some or all of its syllables without their diacritics, if there is one."""
    for rendering, pattern in targets.unmarked:
        if len(rendering.key) > longer_than:
            match = pattern.search(target.text)
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


def _consistency(where: tuple[str, int, str, str], found: Rendering,
                 state: _FileState) -> Iterator[Problem]:  # fmt: skip
    """An ``inconsistent`` problem when the file rendered this concept another way before:
    neither rendering holding the other (a short form, an abbreviation, is the same way)."""
    if found.pattern is not None:
        return
    first = state.renderings.setdefault(where[2], (found, where[1]))
    earlier, line = first
    before, now = _without_un(f" {earlier.key} "), _without_un(f" {found.key} ")
    if before not in now and now not in before:
        yield _problem(where, "inconsistent", (earlier.text,), found.text,
                      f"“{where[3]}” rendered “{found.text}” here and “{earlier.text}” at "
                      f"line {line}")


def _tally_styles(text: str, line: int, state: _FileState) -> None:
    """Count the syllables written in each tone style, keeping the first ``MAX_KEPT`` of each."""
    for match in _STYLED.finditer(text):
        word = match[0]
        if word.lower().startswith("qu"):
            continue  # quý: the u belongs to the onset, one placement only
        old = canonical(word, style="old")
        style = "old" if word == old else "new" if word == canonical(word, style="new") else ""
        if style:
            state.counts[style] += 1
            if len(state.styles[style]) < MAX_KEPT:
                state.styles[style].append((line, word))


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
