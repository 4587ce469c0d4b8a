"""Reading and writing of glossaries as TMX 1.4b translation memories.

One ``<tu>`` per English term, its concept's preferred Vietnamese term as the translation; the
concept id, category and status travel as ``x-`` properties, so an import knows where each
unit belongs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from typing import IO

from vnterms.errors import InputError
from vnterms.formats.xmlio import XML_LANG, parse_xml, write_streamed
from vnterms.model import Concept, Glossary, Term

__all__ = ["add_variants", "read_tmx", "write_tmx", "write_tmx_document"]


def _units(glossary: Glossary, with_drafts: bool) -> Iterator[tuple[Concept, int, Term, Term]]:
    for concept in sorted(glossary, key=lambda c: c.id):
        target = concept.preferred("vi")
        if target is None and with_drafts:
            target = next((t for t in concept.terms_in("vi") if t.status != "deprecated"), None)
        if target is None or (concept.is_draft and not with_drafts):
            continue
        for n, term in enumerate(concept.terms_in("en"), start=1):
            if term.status == "deprecated" or (term.status == "draft" and not with_drafts):
                continue
            yield concept, n, term, target


def write_tmx(fileobj: IO[bytes], glossary: Glossary, *, with_drafts: bool = False,
              version: str = "") -> None:  # fmt: skip
    """Write the English → Vietnamese units of ``glossary`` as TMX 1.4 (drafts only if asked)."""
    write_tmx_document(fileobj, (_unit(*unit) for unit in _units(glossary, with_drafts)),
                       segtype="phrase", srclang="en", version=version)  # fmt: skip


def write_tmx_document(fileobj: IO[bytes], units: Iterable[ElementTree.Element], *, segtype: str,
                       srclang: str, version: str = "") -> None:  # fmt: skip
    """Write ``units`` (``tu`` elements) as a TMX 1.4 document written by vnterms, streamed: one
    unit in memory at a time."""
    header = ElementTree.Element("header", {
        "creationtool": "vnterms", "creationtoolversion": version or "0",
        "segtype": segtype, "o-tmf": "vnterms", "adminlang": "en", "srclang": srclang,
        "datatype": "plaintext",
    })  # fmt: skip
    head = ElementTree.tostring(header, encoding="unicode")
    write_streamed(fileobj, f'<tmx version="1.4">\n  {head}\n', "body", units, 2, "\n</tmx>\n")


def add_variants(unit: ElementTree.Element, texts: Iterable[tuple[str, str]]) -> None:
    """Add to ``unit`` a ``tuv`` with its ``seg`` for each (language, text)."""
    for lang, text in texts:
        variant = ElementTree.SubElement(unit, "tuv", {XML_LANG: lang})
        ElementTree.SubElement(variant, "seg").text = text


def _unit(concept: Concept, n: int, term: Term, target: Term) -> ElementTree.Element:
    unit = ElementTree.Element("tu", tuid=f"{concept.id}.{n}")
    status = "draft" if concept.is_draft or "draft" in (term.status, target.status) else "approved"
    for kind, value in (("x-concept", concept.id), ("x-category", concept.category),
                        ("x-status", status), ("x-kind", term.kind)):  # fmt: skip
        ElementTree.SubElement(unit, "prop", type=kind).text = value
    add_variants(unit, (("en", term.text), ("vi", target.text)))
    return unit


def read_tmx(fileobj: IO[bytes], *, filename: str = "<tmx>") -> list[Concept]:
    """The concepts of a TMX file, grouped by the concept id each unit names (``x-concept``).

    The Vietnamese of a unit is the preferred term it was exported as, unless the unit is a
    draft (``x-status``); the English keeps the glossary's status. Units without a concept id
    stand alone, to be matched by their English term.
    """
    root = parse_xml(fileobj, filename)
    if root.tag != "tmx" or root.find("body") is None:
        raise InputError("not a TMX file (no <tmx><body>)", filename)
    concepts: dict[str, Concept] = {}
    for number, unit in enumerate(root.iter("tu")):
        props = {prop.get("type"): (prop.text or "") for prop in unit.findall("prop")}
        draft = props.get("x-status") == "draft"
        concept_id = props.get("x-concept", "")
        concept = concepts.setdefault(concept_id or f"#{number}",
                                      Concept(concept_id, props.get("x-category", ""), status=""))
        for variant in unit.findall("tuv"):
            lang = (variant.get(XML_LANG) or variant.get("lang") or "").lower()[:2]
            segment = variant.find("seg")
            if lang in ("en", "vi") and segment is not None:
                text = "".join(segment.itertext())
                if lang == "en":
                    term = Term(text, lang, props.get("x-kind", ""), "draft" if draft else "")
                else:
                    term = Term(text, lang, "", "draft" if draft else "preferred")
                concept.terms.append(term)
    return list(concepts.values())
