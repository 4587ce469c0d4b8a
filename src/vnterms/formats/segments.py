"""Reading the segment pairs of bilingual files to check: PO, XLIFF 1.2 and 2.0, TMX, two-column
TSV/CSV, and two text files aligned line by line. Every reader streams: memory stays that of one
segment however long the file (a PO file's message keys are kept to refuse a message defined
twice, as msgfmt does)."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from itertools import zip_longest
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from vnterms.errors import InputError
from vnterms.formats.po import _StrictParser
from vnterms.formats.xmlio import XML_LANG, iter_elements, local_name
from vnterms.normalize import nfc
from vnterms.store import decode_line, read_source_lines

__all__ = ["IGNORE_MARK", "SUFFIXES", "Segment", "read_aligned", "read_segments"]

# A translator's note that turns off rules for one segment: "vnterms-ignore: missing-term".
IGNORE_MARK = "vnterms-ignore"
_IGNORE = re.compile(rf"{IGNORE_MARK}:?([^\n]*)")
SUFFIXES = (".po", ".xlf", ".xliff", ".tmx", ".tsv", ".csv")


class Segment(NamedTuple):
    """A source text and its translation, where they stand, and the rules a note turns off."""

    source: str
    target: str
    source_lang: str  # "en" or "vi"; the target is in the other
    line: int
    ignored: frozenset[str] = frozenset()


def ignored_rules(notes: Iterable[str]) -> frozenset[str]:
    """The rule ids that ``vnterms-ignore:`` notes name (separated by commas or spaces)."""
    rules: set[str] = set()
    for note in notes:
        for match in _IGNORE.finditer(note):
            rules.update(match[1].replace(",", " ").split())
    return frozenset(rules)


def _language(code: str | None, filename: str, line: int | None = None) -> str:
    language = (code or "").replace("_", "-").lower().partition("-")[0]
    if language not in ("en", "vi"):
        said = f"language {code!r}" if code else "no language given"
        raise InputError(f"{said}: vnterms checks English–Vietnamese pairs", filename, line)
    return language


def read_segments(path: Path) -> Iterator[Segment]:
    """The translated segments of a bilingual file, chosen by its suffix (``SUFFIXES``)."""
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in (".tsv", ".csv"):
        return _table_segments(path, delimiter="\t" if suffix == ".tsv" else ",")
    if suffix not in SUFFIXES:
        what = suffix or "files without a suffix"
        raise InputError(f"cannot check {what} (use {', '.join(SUFFIXES)}, or --source and "
                         "--target)", name)  # fmt: skip
    try:
        handle = path.open("rb")  # closed by _closing
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", name) from None
    reader = {".po": _po_segments, ".tmx": _tmx_segments}.get(suffix, _xliff_segments)
    return _closing(handle, reader(handle, name))


def _closing(handle: IO[bytes], segments: Iterator[Segment]) -> Iterator[Segment]:
    with handle:
        yield from segments


class _StreamingParser(_StrictParser):
    """The strict PO parser, handing each message on instead of keeping it in a catalog."""

    def __init__(self) -> None:
        super().__init__(Catalog(), abort_invalid=True)
        self.ready: list[tuple[str, str, int, list[str], bool]] = []
        self.seen: dict[tuple[str, str | None], int] = {}
        self.language: str | None = None

    def _add_message(self) -> None:
        if not self.translations:
            msgid = self.messages[0].denormalize()
            self._invalid_pofile("", self.offset, f"missing msgstr for msgid {msgid!r}")
        msgid = self.messages[0].denormalize()
        context = self.context.denormalize() if self.context else None
        strings = [text.denormalize() for _, text in sorted(self.translations)]
        first = None if self.obsolete else self.seen.setdefault((msgid, context), self.offset + 1)
        if first is not None and first != self.offset + 1:
            self._invalid_pofile("", self.offset, f"msgid {msgid!r} defined twice "
                                                  f"(first at line {first})")  # fmt: skip
        if not msgid and self.language is None:
            header = dict(line.partition(":")[::2] for line in strings[0].splitlines())
            self.language = header.get("Language", "").strip()
        elif not self.obsolete and strings[0]:
            self.ready.append((msgid, strings[0], self.offset + 1,
                               self.user_comments + self.auto_comments, "fuzzy" in self.flags))
        self.counter += 1
        self._reset_message_state()

    def read_line(self, lineno: int, line: str) -> None:
        """One line of the file, as babel's ``PoFileParser.parse`` reads it (0-based ``lineno``)."""
        if line[:1] != "#":
            self._process_message_line(lineno, line)
        elif line[1:2] == "-":
            self._invalid_pofile(line, lineno, "cannot parse po file with conflicts")
        elif line[1:2] == "~":
            self._process_message_line(lineno, line[2:].lstrip(), obsolete=True)
        else:
            try:
                self._process_comment(line)
            except ValueError as error:
                self._invalid_pofile(line, lineno, str(error))

    def finish(self) -> None:
        self._finish_current_message()


def _po_segments(handle: IO[bytes], filename: str) -> Iterator[Segment]:
    """The translated messages of a PO file, its ``Language`` header telling the direction."""
    parser = _StreamingParser()
    offset = 0
    try:
        for lineno, data in enumerate(handle):
            line = decode_line(data, filename, lineno + 1, offset).strip()
            offset += len(data)
            if line:
                parser.read_line(lineno, line)
            yield from _po_ready(parser, filename)
        parser.finish()
    except PoFileError as error:
        message = str(error).removesuffix(f" on {error.lineno}")
        raise InputError(message, filename, error.lineno + 1) from None
    yield from _po_ready(parser, filename)


def _po_ready(parser: _StreamingParser, filename: str) -> Iterator[Segment]:
    if parser.ready:
        if parser.language is None:
            raise InputError("no PO header before the first message: which language is the "
                             "msgstr in?", filename, parser.ready[0][2])  # fmt: skip
        target = _language(parser.language, filename)
        source = "vi" if target == "en" else "en"
        for msgid, msgstr, line, comments, _ in parser.ready:
            yield Segment(nfc(msgid), nfc(msgstr), source, line, ignored_rules(comments))
        parser.ready.clear()


def _text(element: ElementTree.Element | None) -> str:
    return nfc("".join(element.itertext())) if element is not None else ""


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in element.iter() if local_name(child.tag) == name)


def _xliff_segments(handle: IO[bytes], filename: str) -> Iterator[Segment]:
    """XLIFF 1.2 ``trans-unit``s and XLIFF 2.0 ``unit``s (each of whose ``segment``s), with the
    languages of their ``file`` (1.2) or of the document (2.0)."""
    source = None
    for element, line in iter_elements(handle, filename, heads=("xliff", "file"),
                                       units=("trans-unit", "unit")):  # fmt: skip
        tag = local_name(element.tag)
        if tag in ("xliff", "file"):
            code = element.get("source-language") or element.get("srcLang")
            target = element.get("target-language") or element.get("trgLang")
            if code is not None:
                source = _language(code, filename, line)
                _language(target, filename, line)
            continue
        if source is None:
            raise InputError("no source-language (XLIFF 1.2) or srcLang (2.0) before the first "
                             "unit", filename, line)  # fmt: skip
        ignored = ignored_rules(_text(note) for note in _children(element, "note"))
        pieces = list(_children(element, "segment")) if tag == "unit" else [element]
        for piece in pieces:
            sources, targets = list(_children(piece, "source")), list(_children(piece, "target"))
            if sources and targets and _text(targets[0]).strip():
                yield Segment(_text(sources[0]), _text(targets[0]), source, line, ignored)


def _tmx_segments(handle: IO[bytes], filename: str) -> Iterator[Segment]:
    """TMX ``tu``s with an English and a Vietnamese ``tuv``; the header's ``srclang`` (else
    English) is the source."""
    source = "en"
    for element, line in iter_elements(handle, filename, heads=("header",), units=("tu",)):
        if local_name(element.tag) == "header":
            code = element.get("srclang", "")
            source = "en" if code in ("", "*all*") else _language(code, filename, line)
            continue
        texts: dict[str, str] = {}
        for variant in _children(element, "tuv"):
            code = variant.get(XML_LANG) or variant.get("lang") or ""
            language = code.replace("_", "-").lower().partition("-")[0]
            texts.setdefault(language, _text(next(_children(variant, "seg"), None)))
        target = "vi" if source == "en" else "en"
        notes = (_text(note) for note in element if local_name(note.tag) == "note")
        if texts.get(source) and texts.get(target, "").strip():
            yield Segment(texts[source], texts[target], source, line, ignored_rules(notes))


def _table_segments(path: Path, *, delimiter: str) -> Iterator[Segment]:
    """Rows of two columns, source and translation; a first row naming two languages
    (``en``, ``vi`` or the other way round) is a header saying the direction."""
    name = str(path)
    lines = read_source_lines(path)
    # a tab-separated file has no quoting: a quotation mark in a text is that text's own
    quoting: Literal[0, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(_with_ends(lines), delimiter=delimiter, quoting=quoting, strict=True)
    source, start = "en", 1
    try:
        for row in reader:
            if len(row) != 2:
                raise InputError(f"{len(row)} columns where a segment has 2 (source, "
                                 "translation)", name, start)  # fmt: skip
            codes = [cell.strip().lower() for cell in row]
            if start == 1 and sorted(codes) == ["en", "vi"]:
                source = codes[0]
            elif row[1].strip():
                yield Segment(nfc(row[0]), nfc(row[1]), source, start)
            start = reader.line_num + 1
    except csv.Error as error:
        kind = "TSV" if delimiter == "\t" else "CSV"
        raise InputError(f"malformed {kind}: {error}", name, reader.line_num) from None


def _with_ends(lines: Iterable[str]) -> Iterator[str]:
    return (line + "\n" for line in lines)


def read_aligned(source: Path, target: Path) -> Iterator[Segment]:
    """Two text files whose lines translate each other, line by line. The direction is
    English → Vietnamese unless the source file's name ends in ``vi`` (``vi.txt``,
    ``speech.vi.txt``) or the target's in ``en``."""
    language = "vi" if _named_language(source) == "vi" or _named_language(target) == "en" else "en"
    pairs: Iterable[Any] = zip_longest(read_source_lines(source), read_source_lines(target))
    for line, (text, translation) in enumerate(pairs, start=1):
        if text is None or translation is None:
            shorter = source if text is None else target
            raise InputError(f"the file ends here and {target if text is None else source} "
                             "goes on: the two files must have as many lines", str(shorter),
                             line)  # fmt: skip
        if translation.strip():
            yield Segment(nfc(text), nfc(translation), language, line)


def _named_language(path: Path) -> str:
    stem = path.name.partition(".")[0] if path.name.count(".") == 1 else path.stem
    return stem.lower()[-2:]
