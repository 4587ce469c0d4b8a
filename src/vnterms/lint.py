"""Checks of a glossary's content: what a terminologist would send back before it is published."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vnterms.model import CATEGORIES, LANGUAGES, Concept, Term
from vnterms.normalize import canonical, fold, has_diacritics, is_syllable
from vnterms.patterns import slot_problems, without_slots
from vnterms.store import (
    find_glossary,
    generate_records,
    glossary_files,
    parse_records,
    read_text,
)

__all__ = ["Problem", "check_concepts", "check_layout", "lint_glossary"]

_ID = re.compile(r"[a-z][a-z0-9-]*\Z")
_WORD = re.compile(r"[^\W\d_]+")
# Loanwords written as Vietnamese words although their spelling breaks the syllable rules.
ACCEPTED_LOANWORDS = frozenset(["gen"])


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


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

    def problem(concept: Concept, line: int | None, message: str) -> Problem:
        return Problem(f"{prefix}{concept.file}", line or concept.line or 0, message)

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
    for concept, term, message in _check_collisions(concepts):
        problems.append(problem(concept, term.line, message))
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
