"""XML for the formats: safe reading of imports (defusedxml: no DTD fetching, no entity
expansion) and streamed writing of long exports."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ElementTree
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import IO

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException, EntitiesForbidden

from vnterms.errors import InputError

__all__ = ["XML_LANG", "iter_elements", "local_name", "parse_xml", "write_streamed"]

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


def local_name(tag: str) -> str:
    """A tag without its namespace: ``{urn:…}trans-unit`` → ``trans-unit``."""
    return tag.rpartition("}")[2]


class _Collector:
    """A parser target keeping only the elements asked for: ``heads`` without their content,
    ``units`` whole, each with the line where it starts, released as soon as it ends."""

    def __init__(self, heads: Collection[str], units: Collection[str]) -> None:
        self.heads, self.units = heads, units
        self.ready: deque[tuple[ElementTree.Element, int]] = deque()
        self.builder: ElementTree.TreeBuilder | None = None
        self.depth = self.line = 0
        # the parser's current line, set once the parser exists
        self.where: Callable[[], int] = lambda: 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.builder is None:
            name = local_name(tag)
            if name in self.heads:
                self.ready.append((ElementTree.Element(name, attributes), self.where()))
            if name not in self.units:
                return
            self.builder, self.line = ElementTree.TreeBuilder(), self.where()
        self.depth += 1
        self.builder.start(tag, attributes)

    def end(self, tag: str) -> None:
        if self.builder is not None:
            self.builder.end(tag)
            self.depth -= 1
            if not self.depth:
                self.ready.append((self.builder.close(), self.line))
                self.builder = None

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def close(self) -> None:
        return None


def iter_elements(fileobj: IO[bytes], filename: str, *, heads: Collection[str],
                  units: Collection[str]) -> Iterator[tuple[ElementTree.Element, int]]:  # fmt: skip
    """The elements named in ``heads`` (attributes only, tag without namespace) and ``units``
    (whole, tags as written) of an XML file, in document order, each with the line where it
    starts. The file is read in pieces, so memory stays that of one unit; hostile or malformed
    XML is an ``InputError``, refused as ``parse_xml`` refuses it."""
    collector = _Collector(heads, units)
    parser = SafeElementTree.DefusedXMLParser(target=collector, forbid_dtd=False)
    expat = parser.parser
    collector.where = lambda: int(expat.CurrentLineNumber)
    try:
        while chunk := fileobj.read(1 << 16):
            parser.feed(chunk)
            while collector.ready:
                yield collector.ready.popleft()
        parser.close()
    except DefusedXmlException as error:
        raise InputError(_refusal(error), filename, expat.CurrentLineNumber) from None
    except ElementTree.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise InputError(f"malformed XML: {message} (column {column})", filename, line) from None
    yield from collector.ready


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
