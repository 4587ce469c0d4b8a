"""Reading and writing of glossaries as TBX (v2, ``martif``) with TBX-Basic data categories.

The dialect that translate-toolkit, Weblate, OmegaT and Lokalize read: ``termEntry`` per concept,
``langSet`` per language, ``tig`` per term with ``termType`` and ``administrativeStatus``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import IO

from vnterms.errors import InputError
from vnterms.formats.xmlio import XML_LANG, parse_xml, write_streamed
from vnterms.model import LANGUAGES, Concept, Glossary, Term

__all__ = ["read_tbx", "write_tbx"]

TERM_TYPES = {"full": "fullForm", "short": "shortForm", "abbreviation": "abbreviation",
              "variant": "variant"}  # fmt: skip
STATUSES = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
            "deprecated": "deprecatedTerm-admn-sts", "draft": "admittedTerm-admn-sts"}  # fmt: skip
_KINDS = {value: key for key, value in TERM_TYPES.items()}
_STATUSES = {value: key for key, value in STATUSES.items() if key != "draft"}


def write_tbx(fileobj: IO[bytes], glossary: Glossary) -> None:
    """Write every concept of ``glossary``, drafts marked as such, as a TBX file."""
    header = ElementTree.Element("martifHeader")
    description = ElementTree.SubElement(ElementTree.SubElement(header, "fileDesc"), "sourceDesc")
    ElementTree.SubElement(description, "p").text = "vnterms English–Vietnamese UN glossary"
    ElementTree.indent(header, level=1)
    head = (f'<martif type="TBX" xml:lang="en">\n  '
            f'{ElementTree.tostring(header, encoding="unicode")}\n  <text>\n')  # fmt: skip
    entries = (_entry(concept) for concept in sorted(glossary, key=lambda c: c.id))
    write_streamed(fileobj, head, "body", entries, 3, "\n  </text>\n</martif>\n")


def _entry(concept: Concept) -> ElementTree.Element:
    entry = ElementTree.Element("termEntry", id=concept.id)
    ElementTree.SubElement(entry, "descrip", type="subjectField").text = concept.category
    if concept.is_draft:
        ElementTree.SubElement(entry, "admin", type="x-status").text = "draft"
    if concept.note:
        ElementTree.SubElement(entry, "note").text = concept.note
    for lang in LANGUAGES:
        terms = concept.terms_in(lang)
        if not terms:
            continue
        language = ElementTree.SubElement(entry, "langSet", {XML_LANG: lang})
        if lang == "en" and concept.definition:
            ElementTree.SubElement(language, "descrip", type="definition").text = concept.definition
        for term in terms:
            _write_term(language, term)
    return entry


def _write_term(language: ElementTree.Element, term: Term) -> None:
    group = ElementTree.SubElement(language, "tig")
    ElementTree.SubElement(group, "term").text = term.text
    ElementTree.SubElement(group, "termNote", type="termType").text = TERM_TYPES[term.kind]
    ElementTree.SubElement(group, "termNote", type="administrativeStatus").text = STATUSES[
        term.status
    ]
    if term.status == "draft":
        ElementTree.SubElement(group, "admin", type="x-status").text = "draft"
    if term.note:
        ElementTree.SubElement(group, "note").text = term.note


def read_tbx(fileobj: IO[bytes], *, filename: str = "<tbx>") -> list[Concept]:
    """The concepts of a TBX file (id, category, terms), to merge into a glossary."""
    root = parse_xml(fileobj, filename)
    if root.tag != "martif" or root.find("text/body") is None:
        raise InputError("not a TBX file (no <martif><text><body>)", filename)
    concepts = []
    for number, entry in enumerate(root.iter("termEntry"), start=1):
        category = entry.findtext("descrip[@type='subjectField']") or ""
        concept = Concept(entry.get("id") or f"imported-{number}", category)
        if entry.findtext("admin[@type='x-status']") == "draft":
            concept.status = "draft"
        for language in entry.findall("langSet"):
            lang = (language.get(XML_LANG) or "").lower()[:2]
            if lang not in LANGUAGES:
                continue
            for group in [*language.findall("tig"), *language.findall("ntig/termGrp")]:
                concept.terms.append(_read_term(group, lang))
        concepts.append(concept)
    return concepts


def _read_term(group: ElementTree.Element, lang: str) -> Term:
    kind = _KINDS.get(group.findtext("termNote[@type='termType']") or "", "")
    status = _STATUSES.get(group.findtext("termNote[@type='administrativeStatus']") or "", "")
    if group.findtext("admin[@type='x-status']") == "draft":
        status = "draft"
    return Term(group.findtext("term") or "", lang, kind, status, note=group.findtext("note"))
