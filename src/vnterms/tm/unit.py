"""A translation unit: one source sentence and its translation, with where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from vnterms.normalize import nfc

__all__ = ["LANGUAGES", "Unit", "clean", "language"]

LANGUAGES = ("en", "vi")
# Characters XML 1.0 cannot hold: a memory keeps only what it can export.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def language(tag: str | None) -> str:
    """The primary language of a tag, lower case: ``vi-VN``, ``VI_vn``, ``vi`` → ``vi``.

    >>> language("EN-US"), language("vi_VN"), language(None)
    ('en', 'vi', '')
    """
    return (tag or "").replace("_", "-").split("-")[0].strip().lower()


def clean(text: str) -> str:
    """``text`` as a memory stores it: NFC, ``\\n`` line ends, no characters XML cannot hold.

    >>> clean("Vie\\u0323\\u0302t Nam\\r\\n") == "Việt Nam\\n"
    True
    """
    return _NOT_XML.sub("", nfc(text.replace("\r\n", "\n").replace("\r", "\n")))


@dataclass(frozen=True)
class Unit:
    """A source text, its translation and their languages (``en`` or ``vi``); where the unit was
    read (``origin``), its dates and user as the file gave them, and its context and note."""

    source: str
    target: str
    source_lang: str = "en"
    target_lang: str = "vi"
    origin: str = ""
    created: str = ""
    changed: str = ""
    user: str = ""
    context: str = ""
    note: str = ""

    def row(self) -> tuple[str, ...]:
        """The fields in storage order, cleaned."""
        return tuple(clean(getattr(self, field.name)) for field in fields(self))

    @property
    def usable(self) -> bool:
        """Whether the unit pairs English and Vietnamese, both sides with some text."""
        return (
            {self.source_lang, self.target_lang} == set(LANGUAGES)
            and bool(self.source.strip())
            and bool(self.target.strip())
        )
