"""Pre-translation of PO and XLIFF (1.2, 2.0) files from a translation memory and the glossary:
exact matches and glossary names are filled as translated, fuzzy matches filled and marked for
review; what is already translated is left alone."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from vnterms.errors import InputError
from vnterms.formats.xmlio import local_name, parse_xml
from vnterms.model import Concept
from vnterms.normalize import diacritic_key, nfc
from vnterms.tm.memory import TranslationMemory
from vnterms.tm.readers import inline_text
from vnterms.tm.unit import LANGUAGES, language

if TYPE_CHECKING:
    from polib import POEntry

__all__ = ["GlossaryNames", "Outcome", "Suggestion", "pretranslate_file"]

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"
SUFFIXES = (".po", ".pot", ".xlf", ".xliff")


class GlossaryNames:
    """The glossary's names in one language, keyed to be met whatever their case or spacing, with
    the preferred rendering in the other language."""

    def __init__(self, concepts: Iterable[Concept], source: str) -> None:
        target = "vi" if source == "en" else "en"
        self.names: dict[str, str] = {}
        for concept in concepts:
            rendering = concept.preferred(target)
            if concept.is_draft or rendering is None:
                continue
            for term in concept.terms_in(source):
                if term.status not in ("deprecated", "draft"):
                    self.names.setdefault(diacritic_key(term.text), rendering.text)

    def get(self, text: str) -> str | None:
        """The rendering of ``text`` when it is exactly a name of the glossary."""
        return self.names.get(diacritic_key(text))


class Suggestion(NamedTuple):
    """A translation to fill in: its text, ``exact``, ``glossary`` or ``fuzzy``, its score and
    a note for the translator."""

    text: str
    kind: str
    score: int
    note: str


@dataclass
class Outcome:
    """What pre-translation did, and the bytes of the file it made."""

    data: bytes
    counts: Counter[str]

    def summary(self) -> str:
        c = self.counts
        return (f"{c['exact']} exact, {c['glossary']} from the glossary, {c['fuzzy']} fuzzy, "
                f"{c['empty']} left empty, {c['translated']} already translated")  # fmt: skip


class _Filler:
    """Finds the suggestion for one source text."""

    def __init__(self, memory: TranslationMemory, names: GlossaryNames | None, lang: str,
                 min_score: int) -> None:  # fmt: skip
        self.memory, self.names, self.lang, self.min_score = memory, names, lang, min_score

    def suggest(self, source: str) -> Suggestion | None:
        source = nfc(source)
        named = self.names.get(source) if self.names is not None else None
        if named is not None:
            return Suggestion(named, "glossary", 100, "")
        found = self.memory.search(source, min_score=self.min_score, limit=1, lang=self.lang)
        if not found:
            return None
        best = found[0]
        if best.score == 100:
            return Suggestion(best.target, "exact", 100, "")
        numbers = " (numbers replaced)" if best.numbers_replaced else ""
        origin = f" from {best.unit.origin}" if best.unit.origin else ""
        note = f"vnterms: {best.score}% match{origin}{numbers}"
        return Suggestion(best.target_suggested, "fuzzy", best.score, note)


def pretranslate_file(
    path: str | Path,
    memory: TranslationMemory,
    *,
    glossary: Iterable[Concept] | None = None,
    min_score: int = 75,
) -> Outcome:
    """Pre-translate a PO or XLIFF file; the caller writes ``Outcome.data``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"cannot pre-translate {suffix or 'a file without a suffix'} "
                         f"(use {', '.join(SUFFIXES)})", str(path))  # fmt: skip
    concepts = list(glossary) if glossary is not None else None

    def filler(lang: str) -> _Filler:
        names = GlossaryNames(concepts, lang) if concepts is not None else None
        return _Filler(memory, names, lang, min_score)

    if suffix in (".po", ".pot"):
        return _pretranslate_po(path, filler)
    return _pretranslate_xliff(path, filler)


def _pretranslate_po(path: Path, filler: Callable[[str], _Filler]) -> Outcome:
    import polib

    from vnterms.store import read_source

    text = read_source(path)
    try:
        catalog = polib.pofile(text, wrapwidth=78)
    except (OSError, ValueError) as error:
        raise InputError(f"not a PO file: {error}", str(path)) from None
    target = language(catalog.metadata.get("Language")) or "vi"
    if target not in LANGUAGES:
        raise InputError(f"a PO file into {target!r}: vnterms translates between English and "
                         "Vietnamese", str(path))  # fmt: skip
    fill = filler("vi" if target == "en" else "en")
    counts: Counter[str] = Counter()
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgstr or any(entry.msgstr_plural.values()):
            counts["translated"] += 1
            continue
        forms = sorted(entry.msgstr_plural) or [0]
        suggestions = _plural_suggestions(entry, fill, len(forms)) if entry.msgid_plural else (
            [fill.suggest(entry.msgid)])  # fmt: skip
        if None in suggestions:
            counts["empty"] += 1
            continue
        found = [suggestion for suggestion in suggestions if suggestion is not None]
        if entry.msgid_plural:
            entry.msgstr_plural = dict(zip(forms, (s.text for s in found), strict=True))
        else:
            entry.msgstr = found[0].text
        fuzzy = [suggestion for suggestion in found if suggestion.kind == "fuzzy"]
        counts["fuzzy" if fuzzy else found[-1].kind] += 1
        if fuzzy:
            entry.flags.append("fuzzy")
            notes = dict.fromkeys(suggestion.note for suggestion in fuzzy)
            entry.tcomment = "\n".join(filter(None, [entry.tcomment, *notes]))
    return Outcome(str(catalog).encode("utf-8"), counts)


def _plural_suggestions(entry: POEntry, fill: _Filler, forms: int) -> list[Suggestion | None]:
    """A suggestion for each of the ``forms`` of a plural entry: with one form (Vietnamese says
    "%d đại biểu" whatever the number), that of ``msgid_plural``; with more, that of ``msgid``
    for the first (the singular) and that of ``msgid_plural`` for the others."""
    plural = fill.suggest(entry.msgid_plural)
    if forms == 1:
        return [plural]
    return [fill.suggest(entry.msgid), *[plural] * (forms - 1)]


def _pretranslate_xliff(path: Path, filler: Callable[[str], _Filler]) -> Outcome:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", str(path)) from None
    with handle:
        root = parse_xml(handle, str(path))
    namespace = root.tag.partition("}")[0].lstrip("{")
    if local_name(root.tag) != "xliff" or namespace not in (XLIFF_12, XLIFF_20):
        raise InputError("not an XLIFF 1.2 or 2.0 file", str(path))
    counts: Counter[str] = Counter()
    if namespace == XLIFF_12:
        for file in root.iter(f"{{{XLIFF_12}}}file"):
            fill = filler(_source_language(file.get("source-language"), path))
            for unit in file.iter(f"{{{XLIFF_12}}}trans-unit"):
                counts[_fill_12(unit, fill)] += 1
    else:
        fill = filler(_source_language(root.get("srcLang"), path))
        for segment in root.iter(f"{{{XLIFF_20}}}segment"):
            counts[_fill_20(segment, fill)] += 1
    # the XLIFF namespace stays the default one, as in the file read (this sets it for every
    # later ElementTree output in this process too; ``default_namespace`` would refuse the
    # attributes without a namespace)
    ElementTree.register_namespace("", namespace)
    body = ElementTree.tostring(root, encoding="unicode")
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()
    return Outcome(data, counts)


def _source_language(tag: str | None, path: Path) -> str:
    lang = language(tag)
    if lang not in LANGUAGES:
        raise InputError(f"source language {tag!r}: vnterms translates between English and "
                         "Vietnamese", str(path))  # fmt: skip
    return lang


def _fill_12(unit: ElementTree.Element, fill: _Filler) -> str:
    source = unit.find(f"{{{XLIFF_12}}}source")
    target = unit.find(f"{{{XLIFF_12}}}target")
    if target is not None and inline_text(target).strip():
        return "translated"
    if source is None or len(source) or unit.get("translate") == "no":
        return "empty"  # inline markup: left for the translator to place
    suggestion = fill.suggest(source.text or "")
    if suggestion is None:
        return "empty"
    if target is None:
        after = unit.find(f"{{{XLIFF_12}}}seg-source")
        position = list(unit).index(after if after is not None else source) + 1
        target = ElementTree.Element(f"{{{XLIFF_12}}}target")
        unit.insert(position, target)
    target.text = suggestion.text
    fuzzy = suggestion.kind == "fuzzy"
    target.set("state", "needs-review-translation" if fuzzy else "translated")
    target.set("state-qualifier", {"fuzzy": "fuzzy-match", "exact": "exact-match",
                                   "glossary": "leveraged-glossary"}[suggestion.kind])  # fmt: skip
    if fuzzy:
        note = ElementTree.Element(f"{{{XLIFF_12}}}note", {"from": "vnterms"})
        note.text = suggestion.note
        unit.insert(list(unit).index(target) + 1, note)
    return suggestion.kind


def _fill_20(segment: ElementTree.Element, fill: _Filler) -> str:
    source = segment.find(f"{{{XLIFF_20}}}source")
    target = segment.find(f"{{{XLIFF_20}}}target")
    if target is not None and inline_text(target).strip():
        return "translated"
    if source is None or len(source):
        return "empty"
    suggestion = fill.suggest(source.text or "")
    if suggestion is None:
        return "empty"
    if target is None:
        target = ElementTree.SubElement(segment, f"{{{XLIFF_20}}}target")
    target.text = suggestion.text
    if suggestion.kind == "fuzzy":
        # XLIFF 2.0 has no "needs review": a target left in the initial state is a proposal
        segment.set("state", "initial")
        segment.set("subState", f"vnterms:fuzzy-{suggestion.score}")
    else:
        segment.set("state", "translated")
        segment.set("subState", f"vnterms:{suggestion.kind}")
    return suggestion.kind


