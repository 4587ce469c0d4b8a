"""XML for the formats: safe reading of imports (defusedxml: no DTD fetching, no entity
expansion) and streamed writing of long exports."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from typing import IO

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException, EntitiesForbidden

from vnterms.errors import InputError

__all__ = ["XML_LANG", "parse_xml", "write_streamed"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(fileobj: IO[bytes], filename: str) -> ElementTree.Element:
    """The root element of an XML file; hostile or malformed XML is an ``InputError``."""
    parser = SafeElementTree.DefusedXMLParser(target=ElementTree.TreeBuilder(), forbid_dtd=False)
    try:
        root = ElementTree.parse(fileobj, parser).getroot()
    except DefusedXmlException as error:
        raise InputError(_refusal(error), filename, parser.parser.CurrentLineNumber) from None
    except ElementTree.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise InputError(f"malformed XML: {message} (column {column})", filename, line) from None
    return root  # never None: expat refuses a document without an element


def _refusal(error: DefusedXmlException) -> str:
    """Why a file was refused, in words (defusedxml's own message is a constructor call)."""
    if isinstance(error, EntitiesForbidden):
        if error.sysid or error.pubid:
            return (f"refused: the file declares an external entity ({error.name}, "
                    f"{error.sysid or error.pubid}); vnterms reads no other file")  # fmt: skip
        return (f"refused: the file declares an entity ({error.name}); "
                "vnterms does not expand entities")
    return f"refused: {(type(error).__doc__ or 'unsafe XML').lower()}"


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
