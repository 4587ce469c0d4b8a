"""Merging what a translator changed in an exported file back into the glossary.

Additions, kind changes and status changes are applied. A conflict (the file prefers another
term than the glossary, takes the preferred term away, or names a concept the glossary lacks) is
reported and not applied, unless the caller accepts one side: ``theirs`` (the file's) or ``ours``
(the glossary's). Importing an unchanged export changes nothing.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vnterms.errors import InputError
from vnterms.model import LANGUAGES, Concept, Glossary, Term

__all__ = ["SIDES", "MergeReport", "merge", "require_committed"]

SIDES = ("theirs", "ours")


@dataclass
class MergeReport:
    """What an import added, changed, refused to change (conflicts) and kept as it was."""

    additions: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.additions or self.changes)

    def lines(self) -> list[str]:
        """One labelled line per addition, change, conflict and conflict kept as ours."""
        return [f"{label}: {line}" for label, lines in (
            ("added", self.additions), ("changed", self.changes),
            ("CONFLICT", self.conflicts), ("kept", self.kept)) for line in lines]  # fmt: skip

    def summary(self) -> str:
        if not (self.changed or self.conflicts or self.kept):
            return "nothing to change"
        return (f"{len(self.additions)} additions, {len(self.changes)} changes, "
                f"{len(self.conflicts)} conflicts, {len(self.kept)} kept")  # fmt: skip


def merge(glossary: Glossary, incoming: Iterable[Concept], *, accept: str | None = None,
          new_file: str = "imported.terms") -> MergeReport:  # fmt: skip
    """Merge ``incoming`` (partial concepts read from an export) into ``glossary`` in place.

    A term with an empty kind or status keeps the glossary's: formats that do not carry them
    (PO, TMX) leave them empty. An import never turns an existing term into a draft.
    ``accept`` settles conflicts: ``"theirs"`` applies the file's side, ``"ours"`` keeps the
    glossary's; by default they stay in ``conflicts``, unapplied.
    """
    if accept not in (None, *SIDES):
        raise ValueError(f"accept must be one of {SIDES}, not {accept!r}")
    report = MergeReport()
    for record in incoming:
        concept = _find(glossary, record)
        if concept is None:
            if record.id and record.category and record.terms_in("en"):
                _add_concept(glossary, record, new_file, report)
            else:
                texts = ", ".join(repr(t.text) for t in record.terms[:2])
                known = f"no concept with id {record.id!r}" if record.id else "no concept id"
                _settle(report, accept, f"{texts}: {known}; not added", None)
            continue
        for lang in LANGUAGES:
            _merge_language(concept, _distinct(record.terms_in(lang)), accept, report)
        if (
            concept.is_draft
            and concept.preferred("en")
            and concept.preferred("vi")
            and any(t.status == "preferred" and t.lang == "vi" for t in record.terms)
        ):
            concept.status = None
            report.changes.append(f"[{concept.id}] no longer a draft")
    return report


def require_committed(directory: Path) -> None:
    """Raise ``InputError`` if ``directory`` is in a git work tree and has uncommitted changes.

    Without git, or outside a repository, there is nothing to check.
    """
    try:
        result = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=directory,
                                capture_output=True, text=True, check=False)  # fmt: skip
    except OSError:  # no git, or no such directory (reading the glossary will say so)
        return
    if result.returncode != 0:
        if "not a git repository" in result.stderr:
            return
        raise InputError(f"git status failed: {result.stderr.strip()}", str(directory))
    changed = result.stdout.splitlines()
    if changed:
        raise InputError(f"{len(changed)} files with uncommitted changes; commit them or "
                         "pass --allow-dirty", str(directory))  # fmt: skip


def _settle(report: MergeReport, accept: str | None, conflict: str,
            apply: Callable[[], None] | None) -> None:  # fmt: skip
    """Record ``conflict`` as the caller chose: applied (theirs), kept (ours) or open."""
    if accept == "theirs" and apply is not None:
        apply()
        report.changes.append(f"{conflict} (theirs accepted)")
    elif accept == "ours":
        report.kept.append(conflict)
    else:
        report.conflicts.append(conflict)


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


def _distinct(terms: list[Term]) -> list[Term]:
    """One term per text: a file repeats a translation (a TMX unit per English term), and where
    the copies differ, a definite status wins over a draft, and a draft over none."""
    rank = {"": 0, "draft": 1}
    by_text: dict[str, Term] = {}
    for term in terms:
        seen = by_text.setdefault(term.text, term)
        if rank.get(term.status, 2) > rank.get(seen.status, 2):
            by_text[term.text] = Term(term.text, term.lang, term.kind or seen.kind, term.status,
                                      term.note or seen.note)  # fmt: skip
    return list(by_text.values())


def _add_concept(glossary: Glossary, record: Concept, new_file: str, report: MergeReport) -> None:
    terms = [Term(t.text, t.lang, t.kind or "full", t.status or "admitted", t.note)
             for t in _distinct(record.terms)]  # fmt: skip
    concept = Concept(record.id, record.category, terms, status="draft", file=new_file)
    glossary.add(concept)
    report.additions.append(f"[{concept.id}] new draft concept {concept.label('en')!r}")


def _merge_language(concept: Concept, terms: list[Term], accept: str | None,
                    report: MergeReport) -> None:  # fmt: skip
    """Merge the file's ``terms`` of one language, first settling which one is preferred."""
    if not terms:
        return
    where = f"[{concept.id}] {terms[0].lang}"
    preferred = concept.preferred(terms[0].lang)
    wanted = [t for t in terms if t.status == "preferred"]
    if len(wanted) > 1:
        texts = ", ".join(repr(t.text) for t in wanted)
        _settle(report, accept, f"{where}: file prefers {len(wanted)} terms, {texts}; "
                                "not changed", None)  # fmt: skip
        terms = [t for t in terms if t not in wanted]
    elif wanted and preferred is not None and wanted[0].text != preferred.text:
        choice, old = wanted[0], preferred
        demoted = next((t.status for t in terms if t.text == old.text
                        and t.status in ("admitted", "deprecated")), "admitted")  # fmt: skip
        _settle(report, accept, f"{where}: file prefers {choice.text!r}, glossary prefers "
                                f"{old.text!r}",
                lambda: _replace_preferred(concept, old, choice, demoted))  # fmt: skip
        terms = [t for t in terms if t.text not in (choice.text, old.text)]
    for term in terms:
        _merge_term(concept, term, where, accept, report)


def _replace_preferred(concept: Concept, old: Term, choice: Term, demoted: str) -> None:
    """Make ``choice`` the preferred term in the place of ``old``, which becomes ``demoted``."""
    same = next((t for t in concept.terms_in(choice.lang) if t.text == choice.text), None)
    if same is None:
        same = Term(choice.text, choice.lang, choice.kind or old.kind, "preferred", choice.note)
        concept.terms.insert(concept.terms.index(old), same)
    same.status = "preferred"
    same.kind = choice.kind or same.kind
    old.status = demoted


def _merge_term(concept: Concept, term: Term, where: str, accept: str | None,
                report: MergeReport) -> None:  # fmt: skip
    same = next((t for t in concept.terms_in(term.lang) if t.text == term.text), None)
    if same is None:
        added = Term(term.text, term.lang, term.kind or "variant", term.status or "admitted",
                     term.note)  # fmt: skip
        concept.terms.append(added)
        report.additions.append(f"{where}: {added.text!r} ({added.kind}, {added.status})")
        return
    if term.status not in ("", "draft", same.status):
        change = f"{where}: {term.text!r} {same.status} → {term.status}"
        if same.status == "preferred":
            def demote() -> None:
                same.status = term.status

            _settle(report, accept, f"{change} leaves no preferred term", demote)
        else:
            report.changes.append(change)
            same.status = term.status
    if term.kind and term.kind != same.kind:
        report.changes.append(f"{where}: {term.text!r} kind {same.kind} → {term.kind}")
        same.kind = term.kind
