"""The file formats vnterms exports and imports: one module per format, this registry on top."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnterms.errors import InputError
from vnterms.model import Concept, Glossary, Occurrence
from vnterms.normalize import nfc

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = ["EXPORTS", "IMPORT_SUFFIXES", "Export", "read_concepts_from", "render"]


@dataclass(frozen=True)
class Export:
    suffix: str
    description: str


EXPORTS = {
    "po": Export(".po", "gettext PO, English → Vietnamese"),
    "po-vi": Export(".po", "gettext PO, Vietnamese → English"),
    "pot": Export(".pot", "gettext template of the English terms"),
    "mo": Export(".mo", "compiled gettext MO, English → Vietnamese"),
    "mo-vi": Export(".mo", "compiled gettext MO, Vietnamese → English"),
    "tmx": Export(".tmx", "TMX 1.4b translation memory"),
    "tbx": Export(".tbx", "TBX termbase"),
    "omegat": Export(".utf8", "OmegaT tab-separated glossary"),
    "csv": Export(".csv", "CSV, one row per term"),
    "json": Export(".json", "JSON, every field of every concept"),
    "html": Export(".html", "one offline HTML page that searches the glossary"),
}
IMPORT_SUFFIXES = (".po", ".tmx", ".tbx", ".csv")


def render(
    name: str,
    glossary: Glossary,
    *,
    occurrences: Mapping[str, Sequence[Occurrence]] | None = None,
    with_drafts: bool = False,
    version: str = "",
    catalogs: dict[str, Catalog] | None = None,
) -> bytes:
    """The bytes of export ``name`` (a key of ``EXPORTS``) for ``glossary``.

    ``catalogs`` lets the PO and the MO of one direction share their gettext catalog (keyed by
    source language; a template is used once and not kept).
    """
    from vnterms.formats import po, tabular, tbx, tmx

    if any(concept.is_pattern for concept in glossary):
        # a pattern ("resolution {number}") is no term a tool can match: exports hold names
        glossary = Glossary(concept for concept in glossary if not concept.is_pattern)

    binary = io.BytesIO()
    text = io.StringIO(newline="\n")
    if name in ("po", "po-vi", "pot", "mo", "mo-vi"):
        source, template = "vi" if name.endswith("-vi") else "en", name == "pot"
        catalog = None if template or catalogs is None else catalogs.get(source)
        if catalog is None:
            catalog = po.to_catalog(glossary, source=source, template=template,
                                    occurrences=occurrences, version=version)  # fmt: skip
            if not template and catalogs is not None:
                catalogs[source] = catalog
        (po.write_mo if name.startswith("mo") else po.write_po)(binary, catalog)
    elif name == "tmx":
        tmx.write_tmx(binary, glossary, with_drafts=with_drafts, version=version)
    elif name == "tbx":
        tbx.write_tbx(binary, glossary)
    elif name == "html":
        from vnterms.formats.html import write_html

        write_html(binary, glossary, version=version)
    else:
        writers: dict[str, Callable[..., None]] = {
            "omegat": tabular.write_omegat, "csv": tabular.write_csv, "json": tabular.write_json,
        }  # fmt: skip
        if name not in writers:
            raise InputError(f"unknown format {name!r} (use {', '.join(EXPORTS)})")
        writers[name](text, glossary)
        return text.getvalue().encode("utf-8")
    return binary.getvalue()


def read_concepts_from(path: Path) -> list[Concept]:
    """The concepts of an exported file (PO, TMX, TBX or CSV), as partial records to merge,
    their texts in NFC whatever form the file was saved in."""
    concepts = _read_concepts(path)
    for concept in concepts:
        for term in concept.terms:
            term.text = nfc(term.text)
            term.note = nfc(term.note) if term.note is not None else None
    return concepts


def _read_concepts(path: Path) -> list[Concept]:
    from vnterms.formats import po, tabular, tbx, tmx

    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise InputError(f"cannot import {suffix or 'files without a suffix'} "
                         f"(use {', '.join(IMPORT_SUFFIXES)})", str(path))  # fmt: skip
    if suffix == ".csv":
        from vnterms.store import read_source

        return tabular.read_csv(io.StringIO(read_source(path), newline=""), filename=str(path))
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", str(path)) from None
    with handle:
        if suffix == ".po":
            return po.from_catalog(po.read_po(handle, filename=str(path)), filename=str(path))
        if suffix == ".tbx":
            return tbx.read_tbx(handle, filename=str(path))
        return tmx.read_tmx(handle, filename=str(path))
