"""Safe reading of XML imports: no DTD fetching, no entity expansion (defusedxml)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import IO

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from vnterms.errors import InputError

__all__ = ["XML_LANG", "parse_xml"]

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
