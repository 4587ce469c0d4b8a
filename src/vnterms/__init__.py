"""vnterms: English–Vietnamese terminology for multilateral diplomacy.

>>> from vnterms import fold, canonical
>>> fold("Liên Hợp Quốc")
'lien hop quoc'
"""

from __future__ import annotations

from vnterms.errors import InputError, TermNotFound, VntermsError
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


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata only when asked for (it is slow)."""
    if name != "__version__":
        raise AttributeError(f"module 'vnterms' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vnterms")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


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
