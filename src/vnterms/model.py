"""The terminology model: a ``Glossary`` of ``Concept``s holding ``Term``s in two languages.

No files and no printing here: reading and writing belong to ``vnterms.store`` and the formats.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vnterms.errors import TermNotFound

if TYPE_CHECKING:
    from vnterms.lookup import Index, Match

__all__ = [
    "CATEGORIES",
    "KINDS",
    "LANGUAGES",
    "SLOT_TYPES",
    "STATUSES",
    "Concept",
    "Glossary",
    "Occurrence",
    "Term",
]

LANGUAGES = ("en", "vi")
KINDS = ("full", "short", "abbreviation", "variant")
# TBX administrativeStatus / IATE reliability notions, best first.
STATUSES = ("preferred", "admitted", "deprecated", "draft")
CATEGORIES = (
    "organization",
    "principal-organ",
    "subsidiary-body",
    "fund-programme",
    "specialized-agency",
    "related-organization",
    "regional-commission",
    "secretariat-office",
    "treaty",
    "treaty-body",
    "conference",
    "initiative",
    "goal",
    "post",
    "document",
    "regional-organization",
    "vn-body",
    "place",
)
# What a slot of a patterned concept holds (``slot: NAME TYPE``; see glossary/README.md):
# ``concept:CATEGORY[,CATEGORY…]`` holds the name of a concept of one of those categories.
SLOT_TYPES = ("number", "ordinal", "year", "symbol", "target", "country", "topic", "concept")


@dataclass
class Term:
    """One way of writing a concept in one language."""

    text: str
    lang: str
    kind: str = "full"
    status: str = "admitted"
    note: str | None = None
    sources: list[str] = field(default_factory=list)
    line: int | None = field(default=None, compare=False, repr=False)

    @property
    def is_abbreviation(self) -> bool:
        return self.kind == "abbreviation"


@dataclass
class Occurrence:
    """Where a term was seen: file, 1-based line and column, and the text as written there."""

    file: str
    line: int
    column: int
    text: str


@dataclass
class Concept:
    """A unit of meaning (a body, a treaty, a post…) with its terms in both languages."""

    id: str
    category: str
    terms: list[Term] = field(default_factory=list)
    status: str | None = None
    parent: str | None = None
    related: list[str] = field(default_factory=list)
    definition: str | None = None
    note: str | None = None
    homonyms: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # a patterned concept's slots, name → type: its terms hold them as {NAME}
    slots: dict[str, str] = field(default_factory=dict)
    file: str | None = field(default=None, compare=False, repr=False)
    line: int | None = field(default=None, compare=False, repr=False)

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def is_pattern(self) -> bool:
        """Whether the concept is a pattern ("resolution {number}") rather than one name."""
        return bool(self.slots)

    def terms_in(self, lang: str) -> list[Term]:
        """The terms in ``lang``, in the order they were given."""
        return [term for term in self.terms if term.lang == lang]

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in ``lang`` (the first one, if there are several), else None."""
        return next((t for t in self.terms if t.lang == lang and t.status == "preferred"), None)

    def label(self, lang: str) -> str | None:
        """The text to show for ``lang``: the preferred term, else the first non-deprecated one."""
        term = self.preferred(lang) or next(
            (t for t in self.terms_in(lang) if t.status != "deprecated"), None
        )
        return term.text if term else None

    def abbreviations(self, lang: str | None = None) -> list[str]:
        return [
            term.text
            for term in self.terms
            if term.is_abbreviation and (lang is None or term.lang == lang)
        ]


class Glossary:
    """An ordered collection of concepts, addressable by id, searchable by any of their terms.

    >>> glossary = Glossary([Concept("un", "organization", [Term("United Nations", "en")])])
    >>> len(glossary), "un" in glossary, glossary["un"].category
    (1, True, 'organization')
    """

    def __init__(self, concepts: Iterable[Concept] = ()) -> None:
        self._concepts: dict[str, Concept] = {}
        self._index: Index | None = None
        # comment lines heading each glossary file, kept so that a file written back is unchanged
        self.headers: dict[str, list[str]] = {}
        for concept in concepts:
            self.add(concept)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Glossary:
        """Read a glossary directory; the one shipped with vnterms when ``path`` is None."""
        from vnterms.store import read_glossary  # the model itself does no I/O

        return read_glossary(path)

    def add(self, concept: Concept) -> None:
        if concept.id in self._concepts:
            raise ValueError(f"duplicate concept id {concept.id!r}")
        self._concepts[concept.id] = concept
        self._index = None

    def remove(self, concept_id: str) -> None:
        del self._concepts[concept_id]
        self._index = None

    def __getitem__(self, concept_id: str) -> Concept:
        return self._concepts[concept_id]

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._concepts

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._concepts.values())

    def __len__(self) -> int:
        return len(self._concepts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Glossary):
            return NotImplemented
        return sorted(self._concepts.items()) == sorted(other._concepts.items())

    def __repr__(self) -> str:
        return f"<Glossary of {len(self)} concepts>"

    @property
    def index(self) -> Index:
        """The lookup index, built on first use and rebuilt after a change."""
        if self._index is None:
            from vnterms.lookup import Index

            self._index = Index(self)
        return self._index

    @index.setter
    def index(self, index: Index) -> None:
        """Use an index already built for exactly these concepts (as the cache does)."""
        self._index = index

    def get(self, query: str, default: Concept | None = None) -> Concept | None:
        """The concept with this id or best matching ``query``, else ``default``. Never raises."""
        if query in self._concepts:
            return self._concepts[query]
        found = self.index.first(query)
        return default if found is None else found

    def lookup(self, query: str) -> Concept:
        """The concept best matching ``query``; raises ``TermNotFound`` (a ``LookupError``)."""
        concept = self.get(query)
        if concept is None:
            raise TermNotFound(f"no term matches {query!r}")
        return concept

    def search(self, query: str, *, limit: int = 10, lang: str | None = None) -> list[Match]:
        """Ranked matches for ``query``, best first, each saying which term and rule matched.

        A query longer than ``lookup.MAX_QUERY_LENGTH`` (1,000 characters) matches nothing.
        """
        return self.index.search(query, limit=limit, lang=lang)
