"""Reading and writing of the curated glossary: a directory of ``*.terms`` record files.

A record is a block of ``key: value`` lines opened by ``[id]``; records are separated by one blank
line; indented lines belong to the term line above them. ``glossary/README.md`` explains it.
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vnterms.errors import InputError
from vnterms.model import KINDS, LANGUAGES, SLOT_TYPES, STATUSES, Concept, Glossary, Term
from vnterms.normalize import nfc

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "MARKER",
    "SUFFIX",
    "GlossaryPlace",
    "decode_line",
    "default_glossary_dir",
    "default_seeds_dir",
    "find_glossary",
    "generate_records",
    "glossary_files",
    "make_glossary",
    "parse_files",
    "parse_records",
    "read_concepts",
    "read_files",
    "read_glossary",
    "read_source",
    "read_source_lines",
    "read_text",
    "shipped_glossary_dir",
    "write_glossary",
]

SUFFIX = ".terms"
# The file that marks a directory named ``glossary`` as a vnterms glossary, for the search up
# from the current directory (as git finds ``.git``).
MARKER = ".vnterms-glossary"
ENVIRONMENT_VARIABLE = "VNTERMS_GLOSSARY"
_SOURCE_TREE = Path(__file__).resolve().parent.parent.parent
_SINGLE_KEYS = ("category", "status", "parent", "definition", "note")
_LIST_KEYS = {"related": "related", "homonym": "homonyms", "source": "sources"}
_TERM_KEYS = ("note", "source")


@dataclass(frozen=True)
class GlossaryPlace:
    """A glossary directory and how it was found: ``option`` (given by the caller),
    ``environment`` (``$VNTERMS_GLOSSARY``), ``search`` (a ``glossary/`` holding the marker file in
    the current directory or a parent) or ``shipped`` (the copy inside the package: read-only)."""

    path: Path
    found_by: str

    def __str__(self) -> str:
        how = {
            "option": "given with --glossary",
            "environment": f"from ${ENVIRONMENT_VARIABLE}",
            "search": "found from the current directory",
            "shipped": "the copy shipped with vnterms, read-only",
        }[self.found_by]
        return f"{self.path} ({how})"

    @property
    def project(self) -> Path | None:
        """The directory holding a glossary found by the search: its seeds/ and locales/ live
        there too."""
        return self.path.parent if self.found_by == "search" else None

    def check_writable(self, action: str) -> None:
        """Refuse ``action`` (what a command is about to write) on the shipped glossary."""
        if self.found_by == "shipped":
            raise InputError(
                f"will not {action} with the glossary shipped with vnterms ({self.path}): it is "
                f"read-only; pass --glossary DIR, set {ENVIRONMENT_VARIABLE}, or run vnterms "
                f"inside a project whose glossary/ holds a {MARKER} file"
            )


def find_glossary(path: str | Path | None = None, *, start: str | Path | None = None
                  ) -> GlossaryPlace:  # fmt: skip
    """Where the glossary is, as git finds its repository: ``path`` when given, else
    ``$VNTERMS_GLOSSARY``, else the first ``glossary/`` holding a ``.vnterms-glossary`` file in
    ``start`` (the current directory) or one of its parents, else the shipped copy."""
    if path is not None:
        return GlossaryPlace(Path(path), "option")
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE)
    if from_environment:
        return GlossaryPlace(Path(from_environment), "environment")
    here = Path(start if start is not None else Path.cwd()).absolute()
    for directory in (here, *here.parents):
        if (directory / "glossary" / MARKER).is_file():
            return GlossaryPlace(Path(os.path.relpath(directory / "glossary")), "search")
    return GlossaryPlace(shipped_glossary_dir(), "shipped")


def _packaged(name: str) -> Path:
    return Path(str(importlib.resources.files("vnterms") / "data" / name))


def shipped_glossary_dir() -> Path:
    """The glossary shipped with vnterms: inside the installed package, else in the source tree."""
    for candidate in (_packaged("glossary"), _SOURCE_TREE / "glossary"):
        if candidate.is_dir():
            return candidate
    raise InputError(
        "no glossary found: pass --glossary DIR or set " + ENVIRONMENT_VARIABLE
    )


def default_glossary_dir() -> Path:
    """The glossary a command reads when it is given none (see ``find_glossary``)."""
    return find_glossary().path


def default_seeds_dir() -> Path:
    """The source articles shipped with vnterms."""
    packaged = _packaged("seeds")
    return packaged if packaged.is_dir() else _SOURCE_TREE / "seeds"


def read_source(path: str | Path) -> str:
    """A source text to extract from; unreadable, binary or non-UTF-8 input is an ``InputError``."""
    data = _read_bytes(Path(path))
    if b"\0" in data:
        offset = data.index(b"\0")
        line = data.count(b"\n", 0, offset) + 1
        raise InputError(f"binary file (NUL byte at byte {offset})", str(path), line)
    return _decode(data, str(path))


def read_source_lines(path: str | Path, *, stream: BinaryIO | None = None,
                      on_read: Callable[[int], None] | None = None) -> Iterator[str]:  # fmt: skip
    """The lines of a source text, as ``read_source(path).splitlines()`` gives them, read and
    decoded one at a time from ``path`` (or from ``stream``, named ``path``): memory stays bounded
    by the longest line. A NUL byte or invalid UTF-8 is an ``InputError`` naming file and line,
    raised when reached; ``on_read`` is told the size in bytes of each line read."""
    name = str(path)
    if stream is not None:
        return _decoded_lines(nullcontext(stream), name, on_read)
    try:
        # opened now, so that a missing file is reported before any work; the lines close it
        handle = Path(path).open("rb")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", name) from None
    return _decoded_lines(handle, name, on_read)


def _decoded_lines(handle: nullcontext[BinaryIO] | BinaryIO, name: str,
                   on_read: Callable[[int], None] | None) -> Iterator[str]:  # fmt: skip
    with handle as lines:
        offset = 0
        for lineno, data in enumerate(lines, start=1):
            text = decode_line(data, name, lineno, offset)
            offset += len(data)
            if on_read is not None:
                on_read(len(data))
            yield from text.splitlines()


def decode_line(data: bytes, name: str, lineno: int, offset: int) -> str:
    """One line of a text (line ``lineno``, starting at byte ``offset``): a NUL byte or invalid
    UTF-8 is an ``InputError`` naming file, line and byte."""
    if b"\0" in data:
        at = offset + data.index(b"\0")
        raise InputError(f"binary file (NUL byte at byte {at})", name, lineno)
    try:
        return data.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as error:
        at = offset + _start(error, data)
        raise InputError(f"invalid UTF-8 at byte {at}", name, lineno) from None


def glossary_files(directory: Path) -> list[Path]:
    """The ``*.terms`` files of a glossary directory, in name order.

    A directory that holds neither such a file nor the marker file is no glossary: an error.
    """
    if not directory.is_dir():
        raise InputError("not a glossary directory", str(directory))
    files = sorted(directory.glob(f"*{SUFFIX}"))
    if not files and not (directory / MARKER).is_file():
        raise InputError(f"not a glossary directory (no *{SUFFIX} files, no {MARKER})",
                         str(directory))  # fmt: skip
    return files


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", str(path)) from None


def read_text(path: Path) -> str:
    """A file's text; an unreadable file or invalid UTF-8 (with its line and byte offset) is an
    ``InputError``."""
    return _decode(_read_bytes(path), str(path))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = _start(error, data)
        line = data.count(b"\n", 0, start) + 1
        raise InputError(f"invalid UTF-8 at byte {start}", name, line) from None


def _start(error: UnicodeDecodeError, data: bytes) -> int:
    """The offset in ``data`` of the invalid byte: ``utf-8-sig`` counts from after the BOM."""
    return error.start + len(data) - len(error.object)


def read_files(path: str | Path | None = None) -> list[tuple[Path, bytes]]:
    """The bytes of every ``*.terms`` file of a glossary directory (the shipped one by default)."""
    directory = find_glossary(path).path
    return [(file, _read_bytes(file)) for file in glossary_files(directory)]


def parse_files(files: Iterable[tuple[Path, bytes]]) -> tuple[list[Concept], dict[str, list[str]]]:
    """Every concept of the given ``.terms`` files, duplicates included, and the comment lines
    heading each file (keyed by file name)."""
    concepts: list[Concept] = []
    headers: dict[str, list[str]] = {}
    for file, data in files:
        lines = nfc(_decode(data, str(file))).splitlines()
        header, records = parse_records(lines, file.name, str(file))
        headers[file.name] = header
        concepts.extend(records)
    return concepts, headers


def read_concepts(path: str | Path | None = None) -> tuple[list[Concept], dict[str, list[str]]]:
    """Every concept of a glossary directory, duplicates included, and each file's header."""
    return parse_files(read_files(path))


def read_glossary(path: str | Path | None = None) -> Glossary:
    """Read a glossary directory (found by ``find_glossary`` when ``path`` is None) into a
    ``Glossary``."""
    directory = find_glossary(path).path
    return make_glossary(*read_concepts(directory), directory=directory)


def make_glossary(concepts: Iterable[Concept], headers: dict[str, list[str]], *,
                  directory: Path | None = None) -> Glossary:  # fmt: skip
    """A ``Glossary`` of parsed concepts; a duplicate id is an ``InputError`` naming both places
    (within ``directory``, where given, as every other error of the files does)."""
    glossary = Glossary()
    for concept in concepts:
        if concept.id in glossary:
            first = glossary[concept.id]
            where = directory / str(concept.file) if directory else concept.file
            raise InputError(
                f"duplicate id {concept.id!r} (first in {first.file}:{first.line})",
                str(where),
                concept.line,
            )
        glossary.add(concept)
    glossary.headers = headers
    return glossary


def parse_records(
    lines: Iterable[str], file: str, display_name: str | None = None
) -> tuple[list[str], list[Concept]]:
    """Parse the lines of one ``.terms`` file into its header comments and its concepts."""
    where = display_name or file
    header: list[str] = []
    concepts: list[Concept] = []
    concept: Concept | None = None
    term: Term | None = None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            concept = term = None
            continue
        if line.startswith("#"):
            if concepts or concept:
                raise InputError("comments belong at the top of the file", where, lineno)
            header.append(line)
            continue
        if line.startswith("["):
            if concept is not None:
                raise InputError("a record starts after a blank line", where, lineno)
            if not line.endswith("]") or len(line) < 3:
                raise InputError(f"expected [id], got {line!r}", where, lineno)
            concept = Concept(line[1:-1], "", file=file, line=lineno)
            concepts.append(concept)
            term = None
            continue
        if concept is None:
            raise InputError(f"expected [id] to open a record, got {line!r}", where, lineno)
        key, value = _split_field(line.lstrip(" "), where, lineno)
        if line.startswith(" "):
            if term is None:
                raise InputError("an indented line must follow a term line", where, lineno)
            _set_term_field(term, key, value, where, lineno)
        elif key in LANGUAGES:
            term = _parse_term(key, value, where, lineno)
            concept.terms.append(term)
        else:
            term = None
            _set_concept_field(concept, key, value, where, lineno)
    for parsed in concepts:
        if not parsed.category:
            raise InputError(f"record [{parsed.id}] has no category", where, parsed.line)
    return header, concepts


def _split_field(line: str, where: str, lineno: int) -> tuple[str, str]:
    key, separator, value = line.partition(": ")
    if not separator:
        if line.endswith(":"):
            raise InputError(f"field {line[:-1]!r} has no value", where, lineno)
        raise InputError(f"expected 'key: value', got {line!r}", where, lineno)
    return key, value


def _parse_term(lang: str, value: str, where: str, lineno: int) -> Term:
    parts = value.rsplit(" | ", 2)
    if len(parts) != 3:
        raise InputError(f"expected '{lang}: TEXT | KIND | STATUS', got {value!r}", where, lineno)
    text, kind, status = parts
    if kind not in KINDS:
        raise InputError(f"unknown term kind {kind!r} (use {', '.join(KINDS)})", where, lineno)
    if status not in STATUSES:
        raise InputError(f"unknown status {status!r} (use {', '.join(STATUSES)})", where, lineno)
    return Term(text, lang, kind, status, line=lineno)


def _set_term_field(term: Term, key: str, value: str, where: str, lineno: int) -> None:
    if key == "note":
        if term.note is not None:
            raise InputError("a term has one note", where, lineno)
        term.note = value
    elif key == "source":
        term.sources.append(value)
    else:
        raise InputError(f"unknown term field {key!r} (use note, source)", where, lineno)


def _set_concept_field(concept: Concept, key: str, value: str, where: str, lineno: int) -> None:
    if key in _SINGLE_KEYS:
        if getattr(concept, key) not in (None, ""):
            raise InputError(f"field {key!r} given twice", where, lineno)
        if key == "status" and value != "draft":
            raise InputError(
                f"a concept's status is 'draft' or absent, not {value!r}", where, lineno
            )
        setattr(concept, key, value)
    elif key in _LIST_KEYS:
        getattr(concept, _LIST_KEYS[key]).append(value)
    elif key == "slot":
        _set_slot(concept, value, where, lineno)
    else:
        known = ", ".join([*_SINGLE_KEYS, *_LIST_KEYS, "slot", *LANGUAGES])
        raise InputError(f"unknown field {key!r} (use {known})", where, lineno)


def _set_slot(concept: Concept, value: str, where: str, lineno: int) -> None:
    """``slot: NAME TYPE``: a slot of a patterned concept (``concept:CATEGORY,…`` for a name)."""
    name, _, kind = value.partition(" ")
    if not name.isidentifier() or kind.split(":")[0] not in SLOT_TYPES or " " in kind:
        raise InputError(f"expected 'slot: NAME TYPE' (TYPE one of {', '.join(SLOT_TYPES)}), "
                         f"got {value!r}", where, lineno)  # fmt: skip
    if name in concept.slots:
        raise InputError(f"slot {name!r} given twice", where, lineno)
    concept.slots[name] = kind


def generate_records(concepts: Iterable[Concept], header: Iterable[str] = ()) -> Iterator[str]:
    """The lines of a ``.terms`` file holding ``concepts``, sorted by id, in canonical layout."""
    header = list(header)
    yield from header
    first = not header
    for concept in sorted(concepts, key=lambda c: c.id):
        if not first:
            yield ""
        first = False
        yield f"[{concept.id}]"
        for key in _SINGLE_KEYS:
            value = getattr(concept, key)
            if value:
                yield f"{key}: {value}"
            if key == "note":
                yield from (f"homonym: {other}" for other in concept.homonyms)
            if key == "parent":
                yield from (f"related: {other}" for other in concept.related)
        yield from (f"source: {source}" for source in concept.sources)
        yield from (f"slot: {name} {kind}" for name, kind in concept.slots.items())
        for lang in LANGUAGES:
            for term in concept.terms_in(lang):
                yield f"{lang}: {term.text} | {term.kind} | {term.status}"
                if term.note is not None:
                    yield f"  note: {term.note}"
                yield from (f"  source: {source}" for source in term.sources)


def write_glossary(glossary: Glossary, directory: str | Path, *, default_file: str = ""
                   ) -> list[Path]:  # fmt: skip
    """Write every concept back to its file in ``directory``: the files whose bytes change, all
    or none (``fileio.write_files``). Returns the files written.

    Concepts read from no file (new ones) go to ``default_file``. The copy of the glossary
    inside the installed package is never written.
    """
    from vnterms.fileio import write_files  # kept off the path of commands that only read

    packaged = _packaged("glossary")
    if packaged.is_dir() and Path(directory).resolve() == packaged.resolve():
        GlossaryPlace(packaged, "shipped").check_writable("write")
    by_file: dict[str, list[Concept]] = {}
    for concept in glossary:
        name = concept.file or default_file
        if not name:
            raise ValueError(f"concept {concept.id!r} belongs to no file")
        by_file.setdefault(name, []).append(concept)
    files = {}
    for name, concepts in sorted(by_file.items()):
        lines = list(generate_records(concepts, glossary.headers.get(name, ())))
        files[Path(directory) / name] = ("\n".join(lines) + "\n").encode("utf-8")
    return write_files(files)
