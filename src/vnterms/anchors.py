"""What tells a sentence and its translation apart from others of the same length: the numbers
they hold (written the English or the Vietnamese way), the glossary names they give in each
language, and the proper names that both spell alike but for diacritics."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from vnterms.model import Glossary
from vnterms.normalize import diacritic_key, fold

__all__ = ["GlossaryNames", "numbers_in", "proper_words"]

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
# English writes small numbers in words where Vietnamese often has digits ("four months",
# "4 tháng"). "One" is left out: it is more often a pronoun ("no one", "one of").
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split(), start=2
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def numbers_in(text: str, lang: str) -> Counter[str]:
    """The numbers of a sentence, normalised: thousands separators dropped, decimals with a point.

    Vietnamese writes 1.000.000 and 3,5 where English writes 1,000,000 and 3.5.

    >>> sorted(numbers_in("1.000.000 người, 3,5%, năm 2020", "vi").elements())
    ['1000000', '2020', '3.5']
    >>> sorted(numbers_in("1,000,000 people, 3.5%, in 2020", "en").elements())
    ['1000000', '2020', '3.5']
    """
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    found: Counter[str] = Counter()
    for match in _NUMBER.finditer(text):
        found[_normal_number(match[0], thousands, decimal)] += 1
    if lang == "en":
        for word in _NUMBER_WORD.findall(text):
            found[_NUMBER_WORDS[word.lower()]] += 1
    return found


def proper_words(text: str) -> frozenset[str]:
    """The capitalised words of a sentence after its first, folded: the names of people, places
    and bodies that both versions spell alike but for diacritics ("Vu Duc Dam", "Vũ Đức Đam").

    >>> sorted(proper_words("Tham dự có Phó Thủ tướng Vũ Đức Đam và UNICEF."))
    ['dam', 'duc', 'pho', 'thu', 'unicef', 'vu']
    """
    words = _WORD.findall(text)[1:]
    return frozenset(fold(word) for word in words if word[0].isupper())


def _normal_number(written: str, thousands: str, decimal: str) -> str:
    groups = re.split(r"[.,]", written)
    separators = re.findall(r"[.,]", written)
    grouped = all(len(group) == 3 for group in groups[1:])
    repeated = len(separators) > 1 and len(set(separators)) == 1
    if grouped and (separators[:1] == [thousands] or repeated):
        digits = written.replace(separators[0], "")  # 1.000.000 (vi), 1,000,000 (en)
        if len(set(separators)) == 2:  # 1,234.5 (en) or 1.234,5 (vi)
            digits = written.replace(thousands, "").replace(decimal, ".")
    else:
        digits = written.replace(thousands, "").replace(decimal, ".") if separators else written
    try:
        return format(Decimal(digits).normalize(), "f")
    except InvalidOperation:
        return written


class GlossaryNames:
    """The glossary concepts named in English sentences, and in Vietnamese ones."""

    def __init__(self, glossary: Glossary) -> None:
        from vnterms.extract import TermMatcher

        self.glossary = glossary
        self.matcher = TermMatcher(glossary)
        self.vi_keys: dict[str, str] = {}
        for concept in glossary:
            for term in concept.terms_in("vi"):
                if term.status != "deprecated":
                    self.vi_keys.setdefault(diacritic_key(term.text), concept.id)
        self.longest = max((key.count(" ") + 1 for key in self.vi_keys), default=0)

    def english(self, text: str) -> frozenset[str]:
        """The concepts an English sentence names that have a Vietnamese term."""
        from vnterms.extract import find_names

        return frozenset(
            name.concept.id
            for name in find_names(text, self.glossary, matcher=self.matcher)
            if name.concept is not None and name.concept.terms_in("vi")
        )

    def vietnamese(self, text: str) -> frozenset[str]:
        """The concepts one of whose Vietnamese terms a Vietnamese sentence holds."""
        words = diacritic_key(text).split()
        found = set()
        for start in range(len(words)):
            for size in range(1, min(self.longest, len(words) - start) + 1):
                concept = self.vi_keys.get(" ".join(words[start : start + size]))
                if concept is not None:
                    found.add(concept)
        return frozenset(found)
