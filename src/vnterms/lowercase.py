"""Lower-case references to glossary names in running text: "the security council", "the general
assembly", "the human rights council". Only names that cannot be read as common words are taken:
a principal organ's name of two words or more, another UN body's of three or more, written after
"the", and no other concept's name in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from vnterms.model import Concept, Term

__all__ = ["LowercaseNames", "LowercaseSpan"]

# Categories of UN bodies, and how many words their names need to be read in lower case: "the
# executive board" or "the peacebuilding commission" may be anyone's, "the general assembly" not.
_MINIMUM_WORDS = {
    "principal-organ": 2,
    "subsidiary-body": 3,
    "treaty-body": 3,
    "specialized-agency": 3,
    "fund-programme": 3,
    "regional-commission": 3,
}


class LowercaseSpan(NamedTuple):
    """A lower-case reference in a line: where it starts and ends, its concept and term."""

    start: int
    end: int
    concept: Concept
    term: Term


class LowercaseNames:
    """The glossary names that may be written in lower case, by their first word."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        owners: dict[str, set[str]] = {}
        terms: dict[str, tuple[Concept, Term]] = {}
        for concept in concepts:
            for term in concept.terms_in("en"):
                lowered = term.text.lower()
                owners.setdefault(lowered, set()).add(concept.id)
                words = lowered.split()
                minimum = _MINIMUM_WORDS.get(concept.category)
                if (minimum and len(words) >= minimum and term.status != "deprecated"
                        and all(word.isalpha() and not word.isupper()  # no acronym: "HRC …"
                                for word in term.text.split())):  # fmt: skip
                    terms.setdefault(lowered, (concept, term))
        self._names = {lowered: found for lowered, found in terms.items()
                       if len(owners[lowered]) == 1}  # fmt: skip
        # "the" and the whole name, longest first: matches are rare, so little is left to check
        # (a look-behind for the start of "the", in the regex, would cost a third of the time)
        names = "|".join(sorted(map(re.escape, self._names), key=len, reverse=True)) or "(?!)"
        self._after_the = re.compile(rf"[Tt]he ({names})(?![^\W_])")

    def find(self, line: str) -> list[LowercaseSpan]:
        """The lower-case references in ``line``, the longest where two start together.

        >>> from vnterms.model import Concept, Term
        >>> council = Concept("security-council", "principal-organ",
        ...                   [Term("Security Council", "en", "full", "preferred")])
        >>> [line[s.start:s.end] for line in ["Members of the security council met."]
        ...  for s in LowercaseNames([council]).find(line)]
        ['security council']
        """
        found = []
        for match in self._after_the.finditer(line):
            if match.start() and line[match.start() - 1].isalnum():
                continue  # "bathe …", "lithe …"
            concept, term = self._names[match[1]]
            found.append(LowercaseSpan(match.start(1), match.end(1), concept, term))
        return found
