"""XML for the formats: safe reading of imports (defusedxml: no DTD fetching, no entity
expansion) and streamed writing of long exports."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from typing import IO

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from vnterms.errors import InputError

__all__ = ["XML_LANG", "parse_xml", "write_streamed"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(fileobj: IO[bytes], filename: str) -> ElementTree.Element:
    """The root element of an XML file; hostile or malformed XML is an ``InputError``."""
    try:
        root = SafeElementTree.parse(fileobj, forbid_dtd=False).getroot()
    except DefusedXmlException as error:
        raise InputError(f"refused: {error}", filename) from None
    except ElementTree.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise InputError(f"malformed XML: {message} (column {column})", filename, line) from None
    if root is None:
        raise InputError("empty XML document", filename)
    return root


def write_streamed(
    fileobj: IO[bytes],
    head: str,
    parent: str,
    children: Iterable[ElementTree.Element],
    level: int,
    tail: str,
) -> None:
    """Write an XML document: the declaration, ``head``, the element ``parent`` holding
    ``children`` at depth ``level``, then ``tail``. The bytes are those ``ElementTree.indent`` and
    ``tostring`` give for the whole tree, but written one child at a time, so that memory stays
    that of one child however many there are."""
    outer = "  " * (level - 1)
    fileobj.write(f'<?xml version="1.0" encoding="UTF-8"?>\n{head}'.encode())
    items = iter(children)
    first = next(items, None)
    if first is None:
        fileobj.write(f"{outer}<{parent} />{tail}".encode())
        return
    fileobj.write(f"{outer}<{parent}>".encode())
    inner = "\n" + "  " * level
    for child in itertools.chain([first], items):
        ElementTree.indent(child, level=level)
        fileobj.write((inner + ElementTree.tostring(child, encoding="unicode")).encode("utf-8"))
    fileobj.write(f"\n{outer}</{parent}>{tail}".encode())
