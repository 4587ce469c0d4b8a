"""Reading gettext PO files entry by entry, for the translation memory: a streamed reader (babel
and polib hold the whole catalog), which keeps only the entries a memory wants."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from vnterms.errors import InputError
from vnterms.store import decode_line
from vnterms.tm.unit import Unit, language

__all__ = ["Entry", "read_po_entries", "read_po_units"]

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*)$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}  # fmt: skip
_ESCAPE = re.compile(r"\\(.)")
_LANGUAGE = re.compile(r"^Language:\s*(\S*)", re.MULTILINE)


@dataclass
class Entry:
    """One PO entry: its fields, flags, extracted comments and the line it starts on."""

    line: int
    fields: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    comments: list[str] = field(default_factory=list)
    obsolete: bool = False


def _string(text: str, filename: str, lineno: int) -> str:
    """The value of a quoted PO string."""
    text = text.strip()
    if len(text) < 2 or not text.startswith('"') or not text.endswith('"'):
        raise InputError("a PO string must stand between double quotes", filename, lineno)
    inner = text[1:-1]

    def unescape(match: re.Match[str]) -> str:
        if match.group(1) not in _ESCAPES:
            raise InputError(f"unknown escape \\{match.group(1)}", filename, lineno)
        return _ESCAPES[match.group(1)]

    if re.search(r'(?<!\\)(?:\\\\)*"', inner):
        raise InputError("a double quote inside a PO string must be escaped", filename, lineno)
    return _ESCAPE.sub(unescape, inner)


def read_po_entries(handle: IO[bytes], filename: str) -> Iterator[Entry]:
    """The entries of a PO file, one at a time; a line that is not PO is an ``InputError``."""
    entry: Entry | None = None
    key = ""
    offset = 0
    for lineno, data in enumerate(handle, start=1):
        line = decode_line(data, filename, lineno, offset).strip()
        offset += len(data)
        if line.startswith("#~"):
            entry = entry or Entry(lineno)
            entry.obsolete = True
            continue
        keyword = _KEYWORD.match(line)
        if not line or (keyword and keyword.group(1) in ("msgctxt", "msgid") and entry
                        and any(k.startswith("msgstr") for k in entry.fields)):  # fmt: skip
            if entry is not None and (entry.fields or entry.obsolete):
                yield entry
                entry = None
            if not line:
                continue
        entry = entry or Entry(lineno)
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#."):
            entry.comments.append(line[2:].strip())
        elif line.startswith("#"):
            continue
        elif keyword:
            key = keyword.group(1)
            entry.fields[key] = _string(keyword.group(2), filename, lineno)
        elif line.startswith('"') and key in entry.fields:
            entry.fields[key] += _string(line, filename, lineno)
        else:
            raise InputError(f"not a line of a PO file: {line[:40]!r}", filename, lineno)
    if entry is not None and (entry.fields or entry.obsolete):
        yield entry


def read_po_units(handle: IO[bytes], filename: str) -> Iterator[Unit]:
    """The translated, non-fuzzy entries of a PO file as units: English → Vietnamese when the
    header's ``Language`` is Vietnamese or absent, Vietnamese → English when it is English.

    A plural entry whose forms are all translated gives ``msgid_plural`` with the last form
    (Vietnamese has one form, ``msgstr[0]``, for every number) and, when there are more forms
    than one, ``msgid`` with the first (the singular)."""
    langs = ("en", "vi")
    for entry in read_po_entries(handle, filename):
        msgid = entry.fields.get("msgid")
        if msgid == "" and "msgctxt" not in entry.fields:
            found = _LANGUAGE.search(entry.fields.get("msgstr") or "")
            if found and language(found.group(1)) == "en":
                langs = ("vi", "en")
            continue
        if entry.obsolete or "fuzzy" in entry.flags or not msgid:
            continue
        extra = {"origin": filename, "context": entry.fields.get("msgctxt", ""),
                 "note": "\n".join(entry.comments)}  # fmt: skip
        for source, target in _pairs(entry.fields):
            yield Unit(source, target, *langs, **extra)


def _pairs(fields: dict[str, str]) -> list[tuple[str, str]]:
    """The source and translation pairs of a translated entry (none if a form is empty)."""
    if "msgid_plural" not in fields:
        msgstr = fields.get("msgstr")
        return [(fields["msgid"], msgstr)] if msgstr else []
    forms = sorted((int(key[7:-1]), text) for key, text in fields.items()
                   if key.startswith("msgstr["))  # fmt: skip
    if not forms or not all(text for _, text in forms):
        return []
    pairs = [(fields["msgid_plural"], forms[-1][1])]
    if len(forms) > 1:
        pairs.insert(0, (fields["msgid"], forms[0][1]))
    return pairs
