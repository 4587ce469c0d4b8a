"""Splitting English and Vietnamese text into paragraphs and sentences, knowing the abbreviations,
numbers and list markers of both languages, so that "TS. Nguyễn", "U.S. Government", "1.000.000"
or "No. 5" never end a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vnterms.normalize import nfc

__all__ = ["ABBREVIATIONS", "Sentence", "paragraphs", "split_sentences", "split_text"]

# Words written with a final full stop that never end a sentence where they stand: titles and
# words that a name or a number follows. Compared case-sensitively, without the full stop.
ABBREVIATIONS = {
    "en": frozenset(
        """
        Mr Mrs Ms Messrs Mmes Dr Prof Sr Jr St Mt Gen Lt Col Maj Capt Cmdr Adm Sgt Gov Sen Rep Rev
        Hon Amb Pres Supt Det No Nos Art Arts Vol Vols Fig Figs Para Paras Ch Sec Ed Eds para paras
        p pp cf vs approx ca Inc Ltd Co Corp Dept Univ Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
        Dec Ref ref op cit al
        """.split()
    ),
    # with the English titles that Vietnamese text keeps before foreign names ("bà Ms. S. …")
    "vi": frozenset(
        """
        TS ThS PGS GS TP Tp BS KS CN NXB Nxb TT GĐ PGĐ Th.S TS.BS ThS.BS PGS.TS GS.TS Q P TX H
        tr St Mr Mrs Ms Dr Prof
        """.split()
    ),
}
# Abbreviations that may also end a sentence ("…, v.v. Tiếp theo"): a boundary when a capital
# follows them.
_MAY_END = frozenset(["etc", "v.v", "vv", "a.m", "p.m", "A.M", "P.M"])
# A sentence ends at . ! ? … (or several), with the quotes and brackets that close after it.
_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"“‘'«(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"(\S+?)[.!?…]*$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, v.v, Th.S
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[a-zA-Z]|[IVXLC]+)[.)]\s")
_OPENING_DASH = "-–—•*"


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: its NFC text, the paragraph it belongs to (0-based) and the line of
    the file where it starts (1-based)."""

    text: str
    paragraph: int
    line: int


def paragraphs(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The paragraphs of a text given by lines, with the line each starts on (1-based).

    Each line is a paragraph (a heading, a list item, a paragraph of a web page), except a line
    that goes on a sentence left open by the one before it and starts in lower case, as in text
    wrapped at a fixed width. Blank lines separate paragraphs and are dropped.

    >>> list(paragraphs(["Title", "", "One sentence that", "goes on. Two.", "- item"]))
    [(1, 'Title'), (3, 'One sentence that goes on. Two.'), (5, '- item')]
    """
    text, start = "", 0
    for lineno, raw in enumerate(lines, start=1):
        line = " ".join(nfc(raw).split())
        if not line:
            if text:
                yield start, text
            text = ""
            continue
        if text and line[0].islower() and not _closes_sentence(text):
            text += " " + line
            continue
        if text:
            yield start, text
        text, start = line, lineno
    if text:
        yield start, text


def _closes_sentence(text: str) -> bool:
    return text.rstrip("\"”’'»)]").endswith((".", "!", "?", "…", ":", ";"))


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """The sentences of one paragraph of English (``en``) or Vietnamese (``vi``) text.

    >>> split_sentences("TS. Nguyễn Văn A nói: “Tốt.” Ông đi Tp. Hồ Chí Minh.", "vi")
    ['TS. Nguyễn Văn A nói: “Tốt.”', 'Ông đi Tp. Hồ Chí Minh.']
    >>> split_sentences("Mr. J. Smith met the U.S. delegation. It went well!", "en")
    ['Mr. J. Smith met the U.S. delegation.', 'It went well!']
    """
    abbreviations = ABBREVIATIONS.get(lang, frozenset())
    sentences = []
    begin = 0
    skip = _list_marker_end(paragraph)
    for end in _END.finditer(paragraph):
        if end.start() < skip:
            continue
        following = _NEXT_START.match(paragraph, end.end())
        if following is None:
            break
        if _is_boundary(paragraph[begin : end.end()], end[0], following[2], abbreviations):
            sentences.append(paragraph[begin : end.end()].strip())
            begin = following.start(1)
    rest = paragraph[begin:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _list_marker_end(paragraph: str) -> int:
    """Where a list marker opening the paragraph ends ("1. ", "a) ", "IV. "), else 0."""
    marker = _LIST_MARKER.match(paragraph)
    return marker.end() if marker else 0


def _is_boundary(before: str, mark: str, next_char: str, abbreviations: frozenset[str]) -> bool:
    """Whether the text ``before`` (ending with the mark ``mark``) ends a sentence, the next one
    starting with ``next_char``."""
    starts_sentence = next_char.isupper() or next_char.isdigit() or next_char in _OPENING_DASH
    if not starts_sentence:
        return False
    if mark != ".":
        return True  # ! ? … and quotes closing after them
    word = _WORD_BEFORE.search(before)
    last = word[1].lstrip("\"“‘'«([") if word else ""
    if last in _MAY_END:
        return True
    if last in abbreviations or _INITIALS.fullmatch(last):
        return False
    if len(last) == 1 and last.isalpha() and last.isupper():
        return False  # an initial: "J. Smith", "Nguyễn V. A."
    return not (last.isdigit() and next_char.isdigit())  # "Article 5. 2 …" is one sentence


def split_text(lines: Iterable[str], lang: str) -> list[Sentence]:
    """Every sentence of a text given by lines, with its paragraph and line."""
    return [
        Sentence(sentence, number, lineno)
        for number, (lineno, paragraph) in enumerate(paragraphs(lines))
        for sentence in split_sentences(paragraph, lang)
    ]
