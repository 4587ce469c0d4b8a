"""The offline page: one self-contained HTML file that searches the glossary as ``lookup`` does.

The template (``page/``: markup, style, script) and the glossary's data are put into one file
with no reference to any other file or host. The search keys of every term are computed here, by
the same functions as the Python lookup; the page's script computes only the query's keys.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib.resources import files
from typing import IO, Any

from vnterms.lookup import (
    COMMON_WORD_ACRONYMS,
    OPTIONAL_PHRASES,
    RULES,
    STOPWORDS,
    TYPO_CEILING,
    term_keys,
)
from vnterms.model import CATEGORIES, KINDS, STATUSES, Concept, Glossary, Term
from vnterms.normalize import canonical, canonical_key, fold

__all__ = ["FOLD_RANGES", "page_data", "render_page", "write_html"]

# Code points whose fold the page reads from a table made here, so that its key of a query is
# Python's: Latin with every Vietnamese letter, combining marks, Greek, Cyrillic, punctuation and
# symbols, compatibility forms. A character outside them is folded by the page's own rule.
FOLD_RANGES = ((0x80, 0x4FF), (0x1AB0, 0x1AFF), (0x1DC0, 0x1EFF), (0x2000, 0x214F),
               (0x2460, 0x24FF), (0x3000, 0x3000), (0xFB00, 0xFB06), (0xFE00, 0xFE0F),
               (0xFE20, 0xFE2F), (0xFEFF, 0xFEFF), (0xFF01, 0xFF5E))  # fmt: skip
_PLACEHOLDER = re.compile(r"\{\{(csp|version|count|style|data|script)\}\}")


def write_html(fileobj: IO[bytes], glossary: Glossary, *, version: str = "") -> None:
    """Write the page for ``glossary``: deterministic bytes, UTF-8, ``\\n`` line ends."""
    fileobj.write(render_page(glossary, version=version).encode("utf-8"))


def render_page(glossary: Glossary, *, version: str = "") -> str:
    """The page's text: the template with its style, script and data inline."""
    page = files(__package__).joinpath("page")
    template = page.joinpath("page.html").read_text(encoding="utf-8")
    style = page.joinpath("page.css").read_text(encoding="utf-8")
    script = page.joinpath("page.js").read_text(encoding="utf-8")
    data = json.dumps(page_data(glossary), ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</script" or "<!--" would end or change the element: JSON spells "<"
    # as \u003c too.
    data = data.replace("<", "\\u003c")
    values = {"csp": _policy(style, script), "version": f"vnterms {version}".strip(),
              "count": f"{len(glossary):,}", "style": style, "data": data, "script": script}
    # one pass, so that a placeholder written in the glossary's own text is left as it is
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _policy(style: str, script: str) -> str:
    """A content security policy that lets run only this page's own style and script and
    loads nothing: no file, host, font, image or frame."""

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    return (f"default-src 'none'; script-src {digest(script)}; style-src {digest(style)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")  # fmt: skip


def page_data(glossary: Glossary) -> dict[str, Any]:
    """What the page's script reads: the concepts sorted by id with each term's keys, the
    lookup's constants, and the fold of each character of ``FOLD_RANGES``."""
    return {
        "categories": list(CATEGORIES),
        "kinds": list(KINDS),
        "statuses": list(STATUSES),
        "rules": RULES,
        "typo_ceiling": TYPO_CEILING,
        "optional": list(OPTIONAL_PHRASES),
        "stopwords": sorted(STOPWORDS),
        "acronyms": sorted(COMMON_WORD_ACRONYMS),
        "fold": [
            [start, [_fold_char(chr(code)) for code in range(start, end + 1)]]
            for start, end in FOLD_RANGES
        ],
        "concepts": [_concept(c) for c in sorted(glossary, key=lambda c: c.id)],
    }


def _fold_char(char: str) -> str:
    """What ``fold`` makes of ``char`` between two letters (spaces stand for separators)."""
    return fold(f"a{char}a")[1:-1]


def _concept(concept: Concept) -> list[Any]:
    """[id, category, draft, parent, definition, note, sources, terms]."""
    category = CATEGORIES.index(concept.category) if concept.category in CATEGORIES else -1
    return [concept.id, category, int(concept.is_draft), concept.parent, concept.definition,
            concept.note, concept.sources, [_term(term) for term in concept.terms]]  # fmt: skip


def _term(term: Term) -> list[Any]:
    """[text, lang, kind, status, note, sources, fold, reduced, case-and-style keys].

    The keys are the term's diacritic key, then its other lower-case forms in both tone styles
    ("" stands for the fold, and for a reduced fold equal to it): what ``lookup.Index`` files
    under its case-and-style rule, the other forms pointing to the terms of the first.
    """
    folded, key, reduced = term_keys(term.text)
    aliases = {term.text.lower()}
    if not term.text.isascii():
        new_style = canonical(term.text, style="new")
        aliases |= {new_style.lower(), canonical_key(new_style)}
    keys = [key, *sorted(aliases - {key})]
    return [term.text, term.lang, KINDS.index(term.kind), STATUSES.index(term.status), term.note,
            term.sources, folded, "" if reduced == folded else reduced,
            ["" if k == folded else k for k in keys]]  # fmt: skip
