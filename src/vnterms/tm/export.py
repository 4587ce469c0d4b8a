"""Writing translation units as TMX 1.4, streamed: one ``tu`` in memory at a time."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from typing import IO

from vnterms.formats.tmx import add_variants, write_tmx_document
from vnterms.tm.unit import Unit

__all__ = ["write_tmx_units"]


def write_tmx_units(fileobj: IO[bytes], units: Iterable[Unit], *, version: str = "") -> None:
    """Write ``units`` as TMX 1.4: each ``tu`` names its source language, keeps the unit's dates
    and user as attributes, its note as ``note`` and its context and origin as ``x-`` props, so
    that importing the file gives the same units back."""
    write_tmx_document(fileobj, (_element(unit) for unit in units), segtype="sentence",
                       srclang="*all*", version=version)


def _element(unit: Unit) -> ElementTree.Element:
    attributes = {"srclang": unit.source_lang}
    for name, value in (("creationdate", unit.created), ("changedate", unit.changed),
                        ("creationid", unit.user)):  # fmt: skip
        if value:
            attributes[name] = value
    element = ElementTree.Element("tu", attributes)
    if unit.note:
        ElementTree.SubElement(element, "note").text = unit.note
    for kind, value in (("x-context", unit.context), ("x-origin", unit.origin)):
        if value:
            ElementTree.SubElement(element, "prop", type=kind).text = value
    add_variants(element, ((unit.source_lang, unit.source), (unit.target_lang, unit.target)))
    return element
