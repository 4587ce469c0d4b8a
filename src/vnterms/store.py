"""Reading and writing of the curated glossary: a directory of ``*.terms`` record files.

A record is a block of ``key: value`` lines opened by ``[id]``; records are separated by one blank
line; indented lines belong to the term line above them. ``glossary/README.md`` explains it.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import BinaryIO

from vnterms.errors import InputError
from vnterms.model import KINDS, LANGUAGES, STATUSES, Concept, Glossary, Term

__all__ = [
    "SUFFIX",
    "default_glossary_dir",
    "default_seeds_dir",
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
    "write_glossary",
]

SUFFIX = ".terms"
_REPO_GLOSSARY = Path(__file__).resolve().parent.parent.parent / "glossary"
_SINGLE_KEYS = ("category", "status", "parent", "definition", "note")
_LIST_KEYS = {"related": "related", "homonym": "homonyms", "source": "sources"}
_TERM_KEYS = ("note", "source")


def default_glossary_dir() -> Path:
    """The glossary shipped with vnterms: inside the installed package, else in the source tree."""
    packaged = Path(str(importlib.resources.files("vnterms") / "data" / "glossary"))
    for candidate in (packaged, _REPO_GLOSSARY):
        if candidate.is_dir():
            return candidate
    raise InputError(
        f"no glossary found (looked in {packaged} and {_REPO_GLOSSARY}); "
        "pass a glossary directory explicitly"
    )


def default_seeds_dir() -> Path:
    """The source articles shipped with vnterms."""
    packaged = Path(str(importlib.resources.files("vnterms") / "data" / "seeds"))
    repo = _REPO_GLOSSARY.parent / "seeds"
    return packaged if packaged.is_dir() else repo


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
    try:
        # opened now, so that a missing file is reported before any work; the lines close it
        handle = nullcontext(stream) if stream is not None else Path(path).open("rb")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", name) from None
    return _decoded_lines(handle, name, on_read)


def _decoded_lines(handle: nullcontext[BinaryIO] | BinaryIO, name: str,
                   on_read: Callable[[int], None] | None) -> Iterator[str]:  # fmt: skip
    with handle as lines:
        offset = 0
        for lineno, data in enumerate(lines, start=1):
            if b"\0" in data:
                at = offset + data.index(b"\0")
                raise InputError(f"binary file (NUL byte at byte {at})", name, lineno)
            try:
                text = data.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as error:
                at = offset + error.start
                raise InputError(f"invalid UTF-8 at byte {at}", name, lineno) from None
            offset += len(data)
            if on_read is not None:
                on_read(len(data))
            yield from text.splitlines()


def glossary_files(directory: Path) -> list[Path]:
    """The ``*.terms`` files of a glossary directory, in name order."""
    if not directory.is_dir():
        raise InputError("not a glossary directory", str(directory))
    return sorted(directory.glob(f"*{SUFFIX}"))


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
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"invalid UTF-8 at byte {error.start}", name, line) from None


def read_files(path: str | Path | None = None) -> list[tuple[Path, bytes]]:
    """The bytes of every ``*.terms`` file of a glossary directory (the shipped one by default)."""
    directory = Path(path) if path is not None else default_glossary_dir()
    return [(file, _read_bytes(file)) for file in glossary_files(directory)]


def parse_files(files: Iterable[tuple[Path, bytes]]) -> tuple[list[Concept], dict[str, list[str]]]:
    """Every concept of the given ``.terms`` files, duplicates included, and the comment lines
    heading each file (keyed by file name)."""
    concepts: list[Concept] = []
    headers: dict[str, list[str]] = {}
    for file, data in files:
        lines = _decode(data, str(file)).splitlines()
        header, records = parse_records(lines, file.name, str(file))
        headers[file.name] = header
        concepts.extend(records)
    return concepts, headers


def read_concepts(path: str | Path | None = None) -> tuple[list[Concept], dict[str, list[str]]]:
    """Every concept of a glossary directory, duplicates included, and each file's header."""
    return parse_files(read_files(path))


def read_glossary(path: str | Path | None = None) -> Glossary:
    """Read a glossary directory (the shipped one when ``path`` is None) into a ``Glossary``."""
    return make_glossary(*read_concepts(path))


def make_glossary(concepts: Iterable[Concept], headers: dict[str, list[str]]) -> Glossary:
    """A ``Glossary`` of parsed concepts; a duplicate id is an ``InputError`` naming both places."""
    glossary = Glossary()
    for concept in concepts:
        if concept.id in glossary:
            first = glossary[concept.id]
            raise InputError(
                f"duplicate id {concept.id!r} (first in {first.file}:{first.line})",
                concept.file,
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
    else:
        known = ", ".join([*_SINGLE_KEYS, *_LIST_KEYS, *LANGUAGES])
        raise InputError(f"unknown field {key!r} (use {known})", where, lineno)


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
        for lang in LANGUAGES:
            for term in concept.terms_in(lang):
                yield f"{lang}: {term.text} | {term.kind} | {term.status}"
                if term.note is not None:
                    yield f"  note: {term.note}"
                yield from (f"  source: {source}" for source in term.sources)


def write_glossary(glossary: Glossary, directory: str | Path, *, default_file: str = "") -> None:
    """Write every concept back to its file in ``directory``, one atomic write per file.

    Concepts read from no file (new ones) go to ``default_file``.
    """
    from vnterms.fileio import atomic_write  # kept off the path of commands that only read

    by_file: dict[str, list[Concept]] = {}
    for concept in glossary:
        name = concept.file or default_file
        if not name:
            raise ValueError(f"concept {concept.id!r} belongs to no file")
        by_file.setdefault(name, []).append(concept)
    for name, concepts in sorted(by_file.items()):
        lines = list(generate_records(concepts, glossary.headers.get(name, ())))
        with atomic_write(Path(directory) / name) as handle:
            handle.write("\n".join(lines) + "\n")
