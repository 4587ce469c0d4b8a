"""Reading and writing of glossaries as CSV, JSON and OmegaT's tab-separated glossary."""

from __future__ import annotations

import csv
import io
import json
from typing import IO

from vnterms.errors import InputError
from vnterms.model import KINDS, STATUSES, Concept, Glossary, Term

__all__ = ["CSV_COLUMNS", "read_csv", "write_csv", "write_json", "write_omegat"]

CSV_COLUMNS = ("id", "category", "concept_status", "lang", "text", "kind", "status", "note")


def write_csv(fileobj: IO[str], glossary: Glossary) -> None:
    """One row per term, with its concept's id, category and status."""
    writer = csv.writer(fileobj, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for concept in sorted(glossary, key=lambda c: c.id):
        for term in concept.terms:
            writer.writerow([concept.id, concept.category, concept.status or "", term.lang,
                             term.text, term.kind, term.status, term.note or ""])  # fmt: skip


def read_csv(fileobj: IO[str], *, filename: str = "<csv>") -> list[Concept]:
    """The concepts of a CSV file written by ``write_csv`` (columns may come in any order)."""
    reader = csv.reader(fileobj, strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise InputError(f"malformed CSV: {error}", filename, reader.line_num) from None
    if not rows or not {"id", "lang", "text"} <= set(rows[0]):
        raise InputError("the first row must name the columns id, lang, text", filename, 1)
    header = rows[0]
    concepts: dict[str, Concept] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise InputError(f"{len(row)} fields where the header has {len(header)}", filename,
                             lineno)  # fmt: skip
        record = dict(zip(header, row, strict=True))
        kind, status = record.get("kind", ""), record.get("status", "")
        if kind not in (*KINDS, "") or status not in (*STATUSES, ""):
            raise InputError(f"unknown kind or status {kind!r}, {status!r}", filename, lineno)
        if record["lang"] not in ("en", "vi"):
            raise InputError(f"unknown language {record['lang']!r}", filename, lineno)
        concept = concepts.setdefault(
            record["id"],
            Concept(
                record["id"],
                record.get("category", ""),
                # no concept_status column: unknown (""); an empty cell: approved (None)
                status=record.get("concept_status", "")
                or (None if "concept_status" in header else ""),
            ),
        )
        concept.terms.append(Term(record["text"], record["lang"], kind, status,
                                  note=record.get("note") or None))  # fmt: skip
    return list(concepts.values())


def write_json(fileobj: IO[str], glossary: Glossary) -> None:
    """Every concept with all its fields, as a JSON array (for programs)."""
    data = [
        {
            "id": c.id, "category": c.category, "status": c.status or "approved",
            "parent": c.parent, "related": c.related, "definition": c.definition,
            "note": c.note, "sources": c.sources,
            "terms": [{"text": t.text, "lang": t.lang, "kind": t.kind, "status": t.status,
                       "note": t.note, "sources": t.sources} for t in c.terms],
        }
        for c in sorted(glossary, key=lambda c: c.id)
    ]  # fmt: skip
    json.dump(data, fileobj, ensure_ascii=False, indent=1)
    fileobj.write("\n")


def write_omegat(fileobj: IO[str], glossary: Glossary) -> None:
    """OmegaT's glossary: ``source<TAB>target<TAB>comment``, approved terms only."""
    buffer = io.StringIO()
    for concept in sorted(glossary, key=lambda c: c.id):
        target = concept.preferred("vi")
        if target is None or concept.is_draft:
            continue
        for term in concept.terms_in("en"):
            if term.status in ("deprecated", "draft"):
                continue
            comment = f"{concept.category}; {concept.id}"
            buffer.write(f"{term.text}\t{target.text}\t{comment}\n")
    fileobj.write(buffer.getvalue())
