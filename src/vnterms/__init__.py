"""vnterms: English–Vietnamese terminology for multilateral diplomacy.

>>> from vnterms import fold, canonical
>>> fold("Liên Hợp Quốc")
'lien hop quoc'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("vnterms")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

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
