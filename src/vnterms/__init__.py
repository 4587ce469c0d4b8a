"""vnterms: English–Vietnamese terminology for multilateral diplomacy.

>>> from vnterms import fold, canonical
>>> fold("Liên Hợp Quốc")
'lien hop quoc'

The names below are imported on first use, so that a command that needs few of them starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from vnterms.errors import InputError, TermNotFound, VntermsError

if TYPE_CHECKING:
    from vnterms.lookup import Match
    from vnterms.model import Concept, Glossary, Occurrence, Term
    from vnterms.normalize import (
        canonical,
        compact,
        diacritic_key,
        fold,
        has_diacritics,
        is_syllable,
    )

# Public name → the module that defines it.
_LAZY = {
    "Match": "vnterms.lookup",
    **dict.fromkeys(("Concept", "Glossary", "Occurrence", "Term"), "vnterms.model"),
    **dict.fromkeys(
        ("canonical", "compact", "diacritic_key", "fold", "has_diacritics", "is_syllable"),
        "vnterms.normalize",
    ),
}

__all__ = [
    "Concept",
    "Glossary",
    "InputError",
    "Match",
    "Occurrence",
    "Term",
    "TermNotFound",
    "VntermsError",
    "__version__",
    "canonical",
    "compact",
    "diacritic_key",
    "fold",
    "has_diacritics",
    "is_syllable",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use; ``__version__`` is read from the installed metadata."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("vnterms")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return "0+unknown"
    if name not in _LAZY:
        raise AttributeError(f"module 'vnterms' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
