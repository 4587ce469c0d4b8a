"""Rules that keep the settled Vietnamese names alike: capitals by Decree 30/2020/NĐ-CP, one
Vietnamese word for one English word, a treaty's full title preferred over its short name.

A record whose source requires a departure from one rule says so in a note that names the rule,
"… (exception to rule un-placement: the form VNA writes)", on the term, or on the concept for
all its terms; the rule then passes it over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from vnterms.model import Concept, Term
from vnterms.sources import is_legal_text, source_rank

__all__ = [
    "BODY_CATEGORIES",
    "RULES",
    "TERM_TABLE",
    "Finding",
    "TableEntry",
    "check_naming",
    "exempt",
    "settled_names",
]

RULES = {
    "first-capital": "a settled Vietnamese name begins with a capital letter",
    "same-component": "a body's Vietnamese name keeps its capitals inside other names",
    "field-capital": "in a body's name, the field of activity after 'về' begins with a capital",
    "term-table": "an English word of a name is rendered by the Vietnamese words of the term table",
    "treaty-short-name": "a treaty's official full title is preferred over its short name",
    "treaty-name": "a treaty named inside a name is written as the treaty's own Vietnamese term",
    "un-placement": "names of one pattern put 'Liên hợp quốc' in one place",
}

# Decree 30 gives its capitals for the names of bodies ("cơ quan, tổ chức"), foreign ones
# translated included; treaties, documents, goals, posts and places follow other rules.
BODY_CATEGORIES = frozenset([
    "organization", "principal-organ", "subsidiary-body", "fund-programme", "specialized-agency",
    "related-organization", "regional-commission", "secretariat-office", "treaty-body",
    "regional-organization", "vn-body",
])  # fmt: skip

_EXCEPTION = re.compile(r"\bexception to rule ([a-z][a-z-]*)")


class Finding(NamedTuple):
    """What a rule found: the concept, the line of the term, the message, and its weight."""

    concept: Concept
    line: int | None
    message: str
    warning: bool = False


class TableEntry(NamedTuple):
    """An English word of names (a regular expression, matched whole and in any case in the
    concept's preferred English term) and the Vietnamese words its settled full names hold."""

    english: str
    vietnamese: str
    proper: bool = False  # a proper name: matched with its capitals


# One Vietnamese rendering for one English word in the same role (checked only where the English
# name holds the word): the words of the Vietnamese texts of the treaties, which the titles of
# legal texts as published may still depart from. Head nouns (Convention, Protocol, Treaty) are
# left out: a name may cite its parent treaty without naming it ("Bản sửa đổi Doha").
TERM_TABLE = (
    TableEntry("optional protocol", "Nghị định thư không bắt buộc"),
    TableEntry("migrants?", "di trú"),  # the Migrant Workers Convention's text, not "nhập cư"
    TableEntry("status of refugees", "vị thế của người tị nạn"),
    TableEntry("refugees?", "tị nạn"),
    TableEntry("vienna", "Viên", proper=True),
    TableEntry("special rapporteur", "Báo cáo viên đặc biệt"),
)


def exempt(concept: Concept, term: Term | None, rule: str) -> bool:
    """Whether a note of the concept or of the term declares an exception to ``rule``."""
    notes = [concept.note, term.note if term is not None else None]
    return any(rule in _EXCEPTION.findall(note) for note in notes if note)


def settled_names(concept: Concept) -> list[Term]:
    """The Vietnamese names a settled concept is known by: its preferred term and its admitted
    ones, acronyms left out (none for a draft concept)."""
    if concept.is_draft:
        return []
    return [term for term in concept.terms_in("vi")
            if term.status in ("preferred", "admitted") and not term.is_abbreviation]  # fmt: skip


def check_naming(concepts: list[Concept]) -> Iterator[Finding]:
    """Every finding of the naming rules over ``concepts``."""
    yield from _unknown_exceptions(concepts)
    yield from _first_capital(concepts)
    yield from _same_component(concepts)
    yield from _field_capital(concepts)
    yield from _term_table(concepts)
    yield from _treaty_short_names(concepts)


def _unknown_exceptions(concepts: Iterable[Concept]) -> Iterator[Finding]:
    for concept in concepts:
        for term in [None, *concept.terms]:
            note = concept.note if term is None else term.note
            for rule in _EXCEPTION.findall(note or ""):
                if rule not in RULES:
                    line = None if term is None else term.line
                    yield Finding(concept, line, f"exception to an unknown rule {rule!r} "
                                  f"(rules: {', '.join(sorted(RULES))})")  # fmt: skip


def _first_capital(concepts: Iterable[Concept]) -> Iterator[Finding]:
    """Decree 30 writes the first syllable of a name with a capital: "Ủy ban…", "Công ước…"."""
    for concept in concepts:
        for term in settled_names(concept):
            first = term.text[:1]
            if term.kind == "variant" or exempt(concept, term, "first-capital"):
                continue  # another spelling, as seen in use
            if first.isalpha() and first.islower():
                yield Finding(concept, term.line, f"{term.text!r} begins in lower case: a name "
                              "begins with a capital (rule first-capital)")  # fmt: skip


def _components(concepts: Iterable[Concept]) -> dict[str, Concept]:
    """The proper names of bodies and places that other names may hold: three words or more,
    so that a word of two syllables ("chính phủ" in "liên chính phủ") is not taken for one."""
    components: dict[str, Concept] = {}
    for concept in concepts:
        if concept.category not in BODY_CATEGORIES | {"place"}:
            continue
        for term in settled_names(concept):
            text = term.text
            if term.kind != "variant" and text[:1].isupper() and text.count(" ") >= 2:
                components.setdefault(text, concept)
    return components


def _same_component(concepts: list[Concept]) -> Iterator[Finding]:
    """A body's name inside another name keeps its capitals: "Chủ tịch Hội đồng Bảo an…"."""
    components = _components(concepts)
    patterns = {text: re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)
                for text in components}  # fmt: skip
    for concept in concepts:
        for term in settled_names(concept):
            if term.kind == "variant" or any(map(is_legal_text, term.sources)):
                continue  # another spelling; the title of a legal text as published
            if exempt(concept, term, "same-component"):
                continue
            for text, owner in components.items():
                if owner.id == concept.id:
                    continue
                for match in patterns[text].finditer(term.text):
                    found = match.group()
                    if found[1:] == text[1:]:
                        continue  # the first letter follows the place ("Đại hội đồng ICAO")
                    yield Finding(concept, term.line, f"{term.text!r} writes [{owner.id}]'s "
                                  f"name {text!r} as {found!r} (rule same-component)")  # fmt: skip


# The first word of a body's field after "về", past a plural marker and "vấn đề" (questions),
# which do not name the field: "về các vấn đề Hành chính và Ngân sách".
_FIELD = re.compile(r"(?<!\w)về ((?:các |những )?(?:vấn đề )?)(\w+)")
# A treaty named inside a body's name ends the body's own words: its "về" opens the treaty's
# topic, which the rule for the titles of documents writes in lower case.
_DOCUMENT_HEAD = re.compile(r"(?<!\w)(?:công ước|hiệp ước|hiệp định|nghị định thư)(?!\w)",
                            re.IGNORECASE)


def _field_capital(concepts: Iterable[Concept]) -> Iterator[Finding]:
    """Decree 30 capitalises the words naming a body's field of activity, after "về" too:
    "Cao ủy Liên hợp quốc về Nhân quyền", "Ủy ban về Quyền trẻ em"."""
    for concept in concepts:
        if concept.category not in BODY_CATEGORIES:
            continue
        for term in settled_names(concept):
            if term.kind == "variant" or exempt(concept, term, "field-capital"):
                continue
            own_words = _DOCUMENT_HEAD.split(term.text, maxsplit=1)[0]
            for match in _FIELD.finditer(own_words):
                word = match.group(2)
                if word[0].islower():
                    fixed = f"về {match.group(1)}{word[0].upper()}{word[1:]}"
                    yield Finding(concept, term.line, f"{term.text!r}: a body's field of activity "
                                  f"begins with a capital, {fixed!r} (rule field-capital)",
                                  warning=True)  # fmt: skip


def _term_table(concepts: Iterable[Concept]) -> Iterator[Finding]:
    entries = [(re.compile(rf"\b(?:{entry.english})\b", re.IGNORECASE), entry)
               for entry in TERM_TABLE]  # fmt: skip
    for concept in concepts:
        english = concept.preferred("en")
        if english is None or concept.is_pattern:
            continue
        wanted = [entry for pattern, entry in entries if pattern.search(english.text)]
        for term in settled_names(concept):
            if term.status != "preferred" and term.kind != "full":
                continue  # a short form or a variant may leave words out
            if any(map(is_legal_text, term.sources)) or exempt(concept, term, "term-table"):
                continue
            for entry in wanted:
                if not _holds(term.text, entry):
                    yield Finding(concept, term.line, f"{term.text!r} does not render "
                                  f"{entry.english!r} of the English name as {entry.vietnamese!r} "
                                  "(rule term-table)")  # fmt: skip


def _holds(text: str, entry: TableEntry) -> bool:
    flags = 0 if entry.proper else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(entry.vietnamese)}(?!\w)", text, flags) is not None


def _treaty_short_names(concepts: Iterable[Concept]) -> Iterator[Finding]:
    """A treaty is known by its full official title (one an official text or the state press
    writes); its short name (Kyoto, Ottawa) is then a short form."""
    for concept in concepts:
        preferred = concept.preferred("vi")
        if concept.category != "treaty" or concept.is_draft or preferred is None:
            continue
        if preferred.kind != "short" or exempt(concept, preferred, "treaty-short-name"):
            continue
        full = [term for term in settled_names(concept) if term.kind == "full"
                and term.sources and min(map(source_rank, term.sources)) == 1]  # fmt: skip
        if full:
            yield Finding(concept, preferred.line, f"the short name {preferred.text!r} is "
                          f"preferred over the settled full title {full[0].text!r}: prefer the "
                          "title, admit the short name (rule treaty-short-name)")  # fmt: skip
