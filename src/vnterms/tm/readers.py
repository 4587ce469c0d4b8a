"""Reading translation units from TMX, XLIFF 1.2 and 2.0, PO and two-column TSV/CSV files,
streamed: memory holds one unit (and one 64 KB chunk) at a time, however long the file."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from vnterms.errors import InputError
from vnterms.formats.xmlio import XML_LANG, iter_elements, local_name
from vnterms.tm.pofile import read_po_units
from vnterms.tm.unit import Unit, language

__all__ = ["SUFFIXES", "inline_text", "read_units"]

SUFFIXES = (".tmx", ".po", ".xlf", ".xliff", ".tsv", ".tab", ".csv")
# Inline elements holding native code (TMX, XLIFF): their content is markup, not text.
_CODE = frozenset({"bpt", "ept", "ph", "it", "sub"})


def read_units(path: str | Path) -> Iterator[Unit]:
    """The English–Vietnamese units of a file, by its suffix; bad input is an ``InputError``
    naming the file and line, raised when reached."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"cannot import {suffix or 'a file without a suffix'} "
                         f"(use {', '.join(SUFFIXES)})", str(path))  # fmt: skip
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", str(path)) from None
    readers: dict[str, Callable[[IO[bytes], str], Iterator[Unit]]] = {
        ".tmx": read_tmx_units, ".po": read_po_units, ".xlf": read_xliff_units,
        ".xliff": read_xliff_units, ".csv": read_table_units,
    }  # fmt: skip
    return _closing(handle, readers.get(suffix, read_table_units)(handle, str(path)))


def _closing(handle: IO[bytes], units: Iterator[Unit]) -> Iterator[Unit]:
    with handle:
        yield from (unit for unit in units if unit.usable)


def inline_text(element: ElementTree.Element) -> str:
    """The text of a segment: its own and that of inline elements such as ``hi``, ``g``, ``pc``
    or ``mrk``, without the native code that ``bpt``, ``ept``, ``ph``, ``it`` and ``sub`` hold."""
    parts = [element.text or ""]
    for child in element:
        if local_name(child.tag) not in _CODE:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_tmx_units(handle: IO[bytes], filename: str) -> Iterator[Unit]:
    """The units of a TMX file (1.1 to 1.4, as OmegaT, Trados, memoQ, translate-toolkit and
    vnterms write them): one per target variant of each ``tu``."""
    srclang = ""
    root = False
    elements = iter_elements(handle, filename, units={"tu", "header"}, heads={"tmx"})
    for element, line in elements:
        name = local_name(element.tag)
        if name == "tmx":
            root = True
            continue
        if name == "header":
            srclang = language(element.get("srclang"))
            continue
        if srclang == "":
            raise InputError("not a TMX file (no <header> before the first <tu>)", filename, line)
        yield from _tmx_units(element, srclang, filename)
    if not root:
        raise InputError("not a TMX file (no <tmx> element)", filename)


def _tmx_units(unit: ElementTree.Element, srclang: str, filename: str) -> Iterator[Unit]:
    variants = []
    for variant in unit.iter("tuv"):
        segment = variant.find("seg")
        if segment is not None:
            lang = language(variant.get(XML_LANG) or variant.get("lang"))
            variants.append((lang, inline_text(segment), variant))
    if not variants:
        return
    wanted = language(unit.get("srclang")) or srclang
    source = next((v for v in variants if v[0] == wanted), variants[0])
    props = {prop.get("type", ""): prop.text or "" for prop in unit.findall("prop")}
    context = props.get("x-context") or props.get("context") or ""
    note = "\n".join(note.text or "" for note in unit.findall("note"))
    for lang, text, variant in variants:
        if lang == source[0]:
            continue
        def attribute(name: str, variant: ElementTree.Element = variant) -> str:
            return variant.get(name) or unit.get(name) or ""
        yield Unit(source[1], text, source[0], lang, props.get("x-origin") or filename,
                   attribute("creationdate"), attribute("changedate"),
                   attribute("changeid") or attribute("creationid"), context, note)  # fmt: skip


def read_xliff_units(handle: IO[bytes], filename: str) -> Iterator[Unit]:
    """The translated units of an XLIFF 1.2 or 2.0 file (not those still new or needing work)."""
    langs = ("en", "vi")
    elements = iter_elements(handle, filename, units={"trans-unit", "unit"},
                             heads={"xliff", "file"})
    for element, _ in elements:
        name = local_name(element.tag)
        if name == "xliff" and element.get("version", "").startswith("2"):
            langs = (language(element.get("srcLang")), language(element.get("trgLang")))
        elif name == "file" and element.get("source-language"):
            langs = (language(element.get("source-language")),
                     language(element.get("target-language")))  # fmt: skip
        elif name == "trans-unit":
            yield from _xliff12_unit(element, langs, filename)
        elif name == "unit":
            yield from _xliff20_units(element, langs, filename)


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if local_name(child.tag) == name]


def _notes(element: ElementTree.Element) -> str:
    return "\n".join(note.text or "" for note in element.iter() if local_name(note.tag) == "note")


def _xliff12_unit(unit: ElementTree.Element, langs: tuple[str, str],
                  filename: str) -> Iterator[Unit]:  # fmt: skip
    sources, targets = _children(unit, "source"), _children(unit, "target")
    if not sources or not targets:
        return
    state = targets[0].get("state", "")
    if state == "new" or state.startswith("needs-"):
        return
    yield Unit(inline_text(sources[0]), inline_text(targets[0]), *langs, origin=filename,
               context=unit.get("resname") or "", note=_notes(unit))  # fmt: skip


def _xliff20_units(unit: ElementTree.Element, langs: tuple[str, str],
                   filename: str) -> Iterator[Unit]:  # fmt: skip
    for segment in _children(unit, "segment"):
        sources, targets = _children(segment, "source"), _children(segment, "target")
        if sources and targets and segment.get("state") != "initial":
            yield Unit(inline_text(sources[0]), inline_text(targets[0]), *langs, origin=filename,
                       context=unit.get("name") or "", note=_notes(unit))  # fmt: skip


def read_table_units(handle: IO[bytes], filename: str) -> Iterator[Unit]:
    """Two columns, source and target (tab-separated unless the file ends in ``.csv``); a first
    row of two language codes (``en``, ``vi-VN``) sets the direction, else English → Vietnamese."""
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    tabs = not filename.lower().endswith(".csv")
    reader = csv.reader(text, delimiter="\t" if tabs else ",", strict=True,
                        quoting=csv.QUOTE_NONE if tabs else csv.QUOTE_MINIMAL)  # fmt: skip
    langs = ("en", "vi")
    while True:
        try:
            row = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as error:
            problem = "invalid UTF-8" if isinstance(error, UnicodeDecodeError) else str(error)
            raise InputError(problem, filename, reader.line_num + 1) from None
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise InputError(f"{len(row)} columns where a unit has 2 (source, target)", filename,
                             reader.line_num)  # fmt: skip
        if reader.line_num == 1 and all(language(cell) in ("en", "vi") and len(cell) <= 5
                                        for cell in row):  # fmt: skip
            langs = (language(row[0]), language(row[1]))
            continue
        yield Unit(row[0], row[1], *langs, origin=filename)
