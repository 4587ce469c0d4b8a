"""Checks of a glossary's content: what a terminologist would send back before it is published."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vnterms.model import CATEGORIES, LANGUAGES, Concept, Glossary, Term
from vnterms.naming import check_naming, exempt
from vnterms.normalize import canonical, fold, has_diacritics, is_syllable
from vnterms.patterns import slot_problems, without_slots
from vnterms.sources import RANK_NAMES, is_legal_text, source_rank
from vnterms.store import (
    find_glossary,
    generate_records,
    glossary_files,
    parse_records,
    read_text,
)

__all__ = ["Problem", "check_concepts", "check_layout", "glossary_stats", "lint_glossary"]

_ID = re.compile(r"[a-z][a-z0-9-]*\Z")
_WORD = re.compile(r"[^\W\d_]+")
# Loanwords written as Vietnamese words although their spelling breaks the syllable rules.
ACCEPTED_LOANWORDS = frozenset(["gen"])


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as ``file:line: message`` (``file:line: warning: message``)."""

    file: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


def lint_glossary(path: str | Path | None = None) -> list[Problem]:
    """Every problem in a glossary directory (the shipped one when ``path`` is None).

    Raises ``InputError`` when a file cannot be parsed at all.
    """
    directory = find_glossary(path).path
    concepts: list[Concept] = []
    problems: list[Problem] = []
    for file in glossary_files(directory):
        lines = read_text(file).splitlines()
        header, records = parse_records(lines, file.name, str(file))
        concepts.extend(records)
        layout = check_layout(lines, records, header, display_name=str(file))
        if layout is not None:
            problems.append(layout)
    return sorted(problems + check_concepts(concepts, directory=str(directory)))


def check_concepts(concepts: list[Concept], *, directory: str = "") -> list[Problem]:
    """Every problem in ``concepts`` (as read, duplicates included), sorted by file and line."""
    prefix = f"{directory.rstrip('/')}/" if directory else ""

    def problem(concept: Concept, line: int | None, message: str, warning: bool = False) -> Problem:
        return Problem(f"{prefix}{concept.file}", line or concept.line or 0, message, warning)

    ids = {concept.id for concept in concepts}
    problems: list[Problem] = []
    first_seen: dict[str, Concept] = {}
    for concept in concepts:
        if concept.id in first_seen:
            other = first_seen[concept.id]
            problems.append(problem(concept, None, f"duplicate id {concept.id!r} "
                                    f"(first in {other.file}:{other.line})"))  # fmt: skip
        first_seen.setdefault(concept.id, concept)
        problems.extend(
            problem(concept, line, message) for line, message in _check_concept(concept, ids)
        )
        problems.extend(
            problem(concept, line, message, warning)
            for line, message, warning in _check_sources(concept)
        )
    for concept, term, message in _check_collisions(concepts):
        problems.append(problem(concept, term.line, message))
    for concept, line, message in _check_consistency(concepts):
        problems.append(problem(concept, line, message))
    for finding in check_naming(concepts):
        problems.append(problem(finding.concept, finding.line, finding.message, finding.warning))
    return sorted(problems)


def _check_concept(concept: Concept, ids: set[str]) -> Iterator[tuple[int | None, str]]:
    if not _ID.match(concept.id):
        yield None, f"id {concept.id!r} is not a lower-case slug (a letter, then a-z, 0-9, -)"
    if concept.category not in CATEGORIES:
        yield None, f"unknown category {concept.category!r}"
    for key, others in (("parent", [concept.parent] if concept.parent else []),
                        ("related", concept.related), ("homonym", concept.homonyms)):  # fmt: skip
        for other in others:
            if other not in ids:
                yield None, f"{key} {other!r} is not a concept id"
            elif other == concept.id:
                yield None, f"{key} {other!r} is the concept itself"
    if concept.homonyms and not concept.note:
        yield None, "a concept with homonyms needs a note telling them apart"
    for lang in LANGUAGES:
        preferred = [term for term in concept.terms_in(lang) if term.status == "preferred"]
        if len(preferred) > 1:
            yield (
                preferred[1].line,
                f"two preferred {lang} terms: {preferred[0].text!r}, {preferred[1].text!r}",
            )
        elif not preferred and not concept.is_draft:
            yield None, f"no preferred {lang} term (or mark the concept 'status: draft')"
    if not concept.terms_in("en"):
        yield None, "no English term"
    fields = [concept.definition, concept.note, *concept.sources]
    for value in fields:
        if value is not None:
            yield from ((None, message) for message in _check_text(value, ""))
    for term in concept.terms:
        yield from ((term.line, message) for message in _check_term(term))
    yield from slot_problems(concept)


def _check_term(term: Term) -> Iterator[str]:
    yield from _check_text(without_slots(term.text), term.lang)
    if term.lang == "vi" and term.is_abbreviation:
        spelled = [word for word in _WORD.findall(term.text) if not word.isupper()
                   and (has_diacritics(word) or is_syllable(word))]  # fmt: skip
        if spelled:
            yield (f"{term.text!r} spells out {spelled[0]!r}: a Vietnamese short form is kind "
                   "'short', not 'abbreviation'")  # fmt: skip
    for value in [term.note or "", *term.sources]:
        yield from _check_text(value, "")


def _check_text(text: str, lang: str) -> Iterator[str]:
    if not unicodedata.is_normalized("NFC", text):
        yield f"not in NFC: {text!r}"
        return
    if text != text.strip() or "  " in text or any(c.isspace() and c != " " for c in text):
        yield f"stray whitespace in {text!r}"
        return
    if lang != "vi":
        return
    for word in _WORD.findall(text):
        if len(word) > 1 and word.isupper():
            continue  # an abbreviation: HĐBA, LHQ, UNESCO
        if word.lower() in ACCEPTED_LOANWORDS:
            continue
        if (has_diacritics(word) or word.islower()) and not is_syllable(word):
            yield f"{word!r} is not a Vietnamese syllable (in {text!r})"
            return
    if canonical(text) != text:
        yield f"tone marks not in the old placement: write {canonical(text)!r} for {text!r}"


def _check_collisions(concepts: Iterable[Concept]) -> Iterator[tuple[Concept, Term, str]]:
    """Terms of two concepts that meet after folding, and abbreviations shared without a note."""
    names: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
    abbreviations: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
    for concept in concepts:
        for term in concept.terms:
            if term.is_abbreviation:
                abbreviations[term.text].append((concept, term))
            else:
                names[fold(term.text)].append((concept, term))
    for entries in names.values():
        first_concept, first_term = entries[0]
        for concept, term in entries[1:]:
            if concept.id == first_concept.id:
                continue
            if concept.id in first_concept.homonyms or first_concept.id in concept.homonyms:
                continue
            yield (
                concept,
                term,
                (
                    f"{term.text!r} folds like {first_term.text!r} of [{first_concept.id}] "
                    f"(declare 'homonym: {first_concept.id}' with a note if both are right)"
                ),
            )
    for text, entries in abbreviations.items():
        owners = {concept.id for concept, _ in entries}
        if len(owners) > 1 and not any(term.note for _, term in entries):
            first_concept = entries[0][0]
            for concept, term in entries[1:]:
                if concept.id != first_concept.id:
                    yield (
                        concept,
                        term,
                        (
                            f"abbreviation {text!r} is also [{first_concept.id}]'s: "
                            "add a note to the term saying which is meant where"
                        ),
                    )


def check_layout(
    lines: list[str], concepts: list[Concept], header: list[str], *, display_name: str
) -> Problem | None:
    """A problem at the first line where the file differs from its canonical layout, if any."""
    expected = list(generate_records(concepts, header))
    for lineno, (actual, wanted) in enumerate(zip(lines, expected, strict=False), start=1):
        if actual != wanted:
            message = (
                f"not in canonical layout: expected {wanted!r} (records sorted by id, "
                "fields in order; 'vnterms lint --fix' rewrites it)"
            )
            return Problem(display_name, lineno, message)
    if len(lines) != len(expected):
        line = min(len(lines), len(expected)) + 1
        return Problem(
            display_name, line, "not in canonical layout: extra or missing lines at the end"
        )
    return None


def _needs_source(term: Term) -> bool:
    """A settled Vietnamese name: the preferred term (not an acronym), or an admitted full name."""
    if term.lang != "vi" or term.is_abbreviation:
        return False
    return term.status == "preferred" or (term.status == "admitted" and term.kind == "full")


def _check_sources(concept: Concept) -> Iterator[tuple[int | None, str, bool]]:
    """Settled Vietnamese terms cite where they are used; a preferred one not only on rank 3."""
    if concept.is_draft:
        return
    for term in concept.terms_in("vi"):
        if not _needs_source(term):
            continue
        if not term.sources:
            yield (term.line, f"{term.status} Vietnamese term {term.text!r} cites no source "
                   "(add '  source: URL' under it, or mark it draft)", False)  # fmt: skip
        elif term.status == "preferred" and min(map(source_rank, term.sources)) == 3:
            yield (term.line, f"preferred term {term.text!r} rests only on sources of rank 3 "
                   f"({RANK_NAMES[3]}): cite an official text or the press", True)  # fmt: skip


def _check_consistency(concepts: list[Concept]) -> Iterator[tuple[Concept, int | None, str]]:
    """Rules across concepts: shared preferred terms, treaty names inside names, placements."""
    settled = [c for c in concepts if not c.is_draft and c.preferred("vi") is not None]
    yield from _shared_preferred(settled)
    yield from _treaties_inside_names(settled)
    yield from _un_placements(settled)


def _vi(concept: Concept) -> Term:
    term = concept.preferred("vi")
    assert term is not None  # only concepts with a preferred Vietnamese term are checked
    return term


def _shared_preferred(concepts: list[Concept]) -> Iterator[tuple[Concept, int | None, str]]:
    first: dict[str, Concept] = {}
    for concept in concepts:
        term = _vi(concept)
        other = first.setdefault(term.text.casefold(), concept)
        if other.id != concept.id:
            yield (concept, term.line, f"preferred Vietnamese term {term.text!r} is also "
                   f"[{other.id}]'s: two concepts need two names")  # fmt: skip


def _treaties_inside_names(concepts: list[Concept]) -> Iterator[tuple[Concept, int | None, str]]:
    """A treaty named in the English name of its protocol, committee or conference is written,
    in the Vietnamese name, as the treaty's own Vietnamese term of the same kind (unless the
    name cites the legal text that gives it)."""
    by_id = {concept.id: concept for concept in concepts}
    for concept in concepts:
        english = concept.preferred("en")
        if english is None:
            continue
        vietnamese = _vi(concept)
        if any(map(is_legal_text, vietnamese.sources)):
            continue  # the title of a legal text as published is not second-guessed
        if exempt(concept, vietnamese, "treaty-name"):
            continue
        for treaty_id in dict.fromkeys([concept.parent or "", *concept.related]):
            treaty = by_id.get(treaty_id)
            if treaty is None or treaty.category != "treaty":
                continue
            expected = _treaty_name_expected(treaty, english.text)
            if (
                expected
                and _names_a_treaty(vietnamese.text, expected[0])
                and not any(
                    form in vietnamese.text for text in expected for form in _embedded_forms(text)
                )
            ):
                yield (concept, vietnamese.line, f"names [{treaty.id}] in English but not as "
                       f"its Vietnamese term {expected[0]!r}")  # fmt: skip


_YEAR_SUFFIX = re.compile(r" (?:năm \d{4}|\(\d{4}\))\Z")


def _names_a_treaty(vietnamese: str, treaty_name: str) -> bool:
    """Whether a Vietnamese name holds the head of a treaty's name ("Công ước", "Hiệp ước"…)
    after its own first word: a name that leaves the treaty out is not checked."""
    head = " ".join(treaty_name.split()[:2]).casefold()
    return head in vietnamese.casefold()[1:]


def _embedded_forms(text: str) -> list[str]:
    """How a treaty's name may stand inside another: as it is, with a lower-case first letter
    ("bổ sung các Công ước Geneva"), and without a closing year ("… về Luật Biển")."""
    forms = [text, text[:1].lower() + text[1:]]
    return forms + [_YEAR_SUFFIX.sub("", form) for form in forms if _YEAR_SUFFIX.search(form)]


def _treaty_name_expected(treaty: Concept, english: str) -> list[str]:
    """The Vietnamese terms of ``treaty`` one of which must appear, if ``english`` names it."""
    named = fold(english)
    for term in sorted(treaty.terms_in("en"), key=lambda t: -len(t.text)):
        if term.status == "deprecated" or term.is_abbreviation:
            continue
        if re.search(rf"\b{re.escape(fold(term.text))}\b", named):
            if term.status == "preferred":
                return [_vi(treaty).text]
            return [t.text for t in treaty.terms_in("vi")
                    if t.kind == term.kind and t.status in ("preferred", "admitted")]  # fmt: skip
    return []


_UN = "Liên hợp quốc"
_TOPIC = re.compile(r"\b(?:on|for|at|in|to|against)\b")


def _un_placements(concepts: list[Concept]) -> Iterator[tuple[Concept, int | None, str]]:
    """Names of one pattern put "Liên hợp quốc" in one place: after the head, or at the end.

    A pattern is a category, a parent and the shape of the English name (where "United Nations"
    stands in it, and whether a topic follows: "Commission on …", "United Nations Office at …").
    """
    groups: dict[tuple[str, str, str], list[tuple[Concept, str]]] = defaultdict(list)
    for concept in concepts:
        vietnamese, english = _vi(concept).text, concept.preferred("en")
        if _UN not in vietnamese or vietnamese == _UN or english is None:
            continue
        if exempt(concept, _vi(concept), "un-placement"):
            continue
        placement = "at the end" if vietnamese.endswith(_UN) else "inside the name"
        groups[(concept.category, concept.parent or "", _english_shape(english.text))].append(
            (concept, placement)
        )
    for (category, parent, shape), members in groups.items():
        counts = Counter(placement for _, placement in members)
        if len(counts) < 2:
            continue
        usual, _ = max(counts.items(), key=lambda item: (item[1], item[0]))
        others = sorted(c.id for c, placement in members if placement == usual)
        for concept, placement in members:
            if placement != usual:
                message = (f"'{_UN}' {placement} here but {usual} in {', '.join(others)} "
                           f"({category} of {parent or '-'}, English {shape})")  # fmt: skip
                yield concept, _vi(concept).line, message


def _english_shape(english: str) -> str:
    """Where "United Nations" stands in an English name, and whether a topic follows the head."""
    if english.startswith("United Nations"):
        where = "'United Nations …'"
    elif english.endswith("of the United Nations"):
        where = "'… of the United Nations'"
    elif "United Nations" in english:
        where = "'… United Nations …'"
    else:
        where = "without 'United Nations'"
    return f"{where}{' with a topic' if _TOPIC.search(english) else ''}"


def glossary_stats(glossary: Glossary) -> list[str]:
    """Lines of figures: concepts per category, Vietnamese settled or draft, sources by rank."""
    categories = Counter(concept.category for concept in glossary)
    lines = [f"concepts: {len(glossary)}"]
    lines += [f"  {name}: {categories[name]}" for name in CATEGORIES if categories[name]]
    settled = sum(1 for c in glossary if not c.is_draft and c.preferred("vi") is not None)
    lines.append(f"Vietnamese preferred term: {settled} settled, {len(glossary) - settled} draft")
    cited: Counter[int] = Counter()
    best: Counter[int] = Counter()
    for concept in glossary:
        for term in concept.terms_in("vi"):
            cited.update(source_rank(url) for url in term.sources)
        preferred = concept.preferred("vi")
        if preferred is not None and not concept.is_draft:
            best[min(map(source_rank, preferred.sources), default=0)] += 1
    lines.append("sources of Vietnamese terms by rank:")
    lines += [f"  rank {rank} ({name}): {cited[rank]}" for rank, name in RANK_NAMES.items()]
    lines.append("settled preferred Vietnamese terms by their best source:")
    lines += [f"  rank {rank}: {best[rank]}" for rank in RANK_NAMES]
    lines.append(f"  no source: {best[0]}")
    return lines
