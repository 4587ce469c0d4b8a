"""A translation memory of English–Vietnamese sentences in SQLite: import, fuzzy search,
concordance, TMX export (``TranslationMemory``), and pre-translation of PO and XLIFF files."""

from vnterms.tm.memory import Concordance, Imported, Match, Stats, TranslationMemory
from vnterms.tm.unit import Unit

__all__ = ["Concordance", "Imported", "Match", "Stats", "TranslationMemory", "Unit"]
