"""Merging what a translator changed in an exported file back into the glossary.

Additions and status changes are applied; a preferred term that disagrees with the glossary's is
a conflict, reported and never applied. Importing an unchanged export changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from vnterms.model import Concept, Glossary, Term

__all__ = ["MergeReport", "merge"]


@dataclass
class MergeReport:
    """What an import added, changed, and refused to change."""

    additions: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.additions or self.changes)


def merge(glossary: Glossary, incoming: Iterable[Concept], *, new_file: str = "imported.terms"
          ) -> MergeReport:  # fmt: skip
    """Merge ``incoming`` (partial concepts read from an export) into ``glossary`` in place.

    A term or concept with an empty kind or status keeps the glossary's: formats that do not
    carry them (PO, TMX) leave them empty. An import never turns an existing term into a draft.
    """
    report = MergeReport()
    for record in incoming:
        concept = _find(glossary, record)
        if concept is None:
            if record.id and record.category and record.terms_in("en"):
                _add_concept(glossary, record, new_file, report)
            else:
                texts = ", ".join(repr(t.text) for t in record.terms[:2])
                report.conflicts.append(f"{texts}: no concept with id {record.id!r}; not added")
            continue
        for term in record.terms:
            _merge_term(concept, term, report)
        if (
            concept.is_draft
            and concept.preferred("en")
            and concept.preferred("vi")
            and any(t.status == "preferred" and t.lang == "vi" for t in record.terms)
        ):
            concept.status = None
            report.changes.append(f"[{concept.id}] no longer a draft")
    return report


def _find(glossary: Glossary, record: Concept) -> Concept | None:
    if record.id in glossary:
        return glossary[record.id]
    if record.id:
        return None
    for term in record.terms_in("en"):
        for concept in glossary:
            if any(t.text == term.text for t in concept.terms_in("en")):
                return concept
    return None


def _add_concept(glossary: Glossary, record: Concept, new_file: str, report: MergeReport) -> None:
    terms = [Term(t.text, t.lang, t.kind or "full", t.status or "admitted", t.note)
             for t in record.terms]  # fmt: skip
    concept = Concept(record.id, record.category, terms, status="draft", file=new_file)
    glossary.add(concept)
    report.additions.append(f"[{concept.id}] new draft concept {concept.label('en')!r}")


def _merge_term(concept: Concept, term: Term, report: MergeReport) -> None:
    same = next((t for t in concept.terms_in(term.lang) if t.text == term.text), None)
    preferred = concept.preferred(term.lang)
    where = f"[{concept.id}] {term.lang}"
    if same is not None:
        if term.status not in ("", "draft", same.status):
            other = preferred if preferred is not same else None
            if "preferred" in (term.status, same.status) and other is not None:
                report.conflicts.append(f"{where}: file makes {term.text!r} {term.status}, "
                                        f"glossary prefers {other.text!r}")  # fmt: skip
            elif same.status == "preferred":
                report.conflicts.append(f"{where}: file makes preferred {term.text!r} "
                                        f"{term.status}; not changed")  # fmt: skip
            else:
                report.changes.append(f"{where}: {term.text!r} {same.status} → {term.status}")
                same.status = term.status
        if term.kind and term.kind != same.kind:
            report.changes.append(f"{where}: {term.text!r} kind {same.kind} → {term.kind}")
            same.kind = term.kind
        return
    if term.status == "preferred" and preferred is not None:
        report.conflicts.append(f"{where}: file has {term.text!r}, glossary prefers "
                                f"{preferred.text!r}; not changed")  # fmt: skip
        return
    added = Term(term.text, term.lang, term.kind or "variant", term.status or "admitted", term.note)
    concept.terms.append(added)
    report.additions.append(f"{where}: {added.text!r} ({added.kind}, {added.status})")
