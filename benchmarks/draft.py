"""Leave-one-out measure of the draft composer on the shipped glossary.

For each concept with an English and a Vietnamese preferred term, a drafter is learned from all the
other concepts (the concept is left out of the table and of whole-name matching) and drafts the
Vietnamese of the concept's English preferred term. Printed: the share of drafts equal to the
Vietnamese preferred term (``diacritic_key``: case and tone style ignored), the share within two
syllables of it (syllable edit distance ≤ 2), the share with no draft, and a sample of misses;
then the time to learn a drafter from the whole glossary.

Run by hand: ``python benchmarks/draft.py [--misses N] [--every N]``.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

from vnterms import Glossary
from vnterms.draft import Drafter
from vnterms.model import Concept
from vnterms.normalize import diacritic_key


@dataclass
class Outcome:
    concept: Concept
    english: str
    expected: str
    draft: str | None

    @property
    def distance(self) -> int | None:
        if self.draft is None:
            return None
        return syllable_distance(diacritic_key(self.draft).split(),
                                 diacritic_key(self.expected).split())  # fmt: skip


def syllable_distance(first: list[str], second: list[str]) -> int:
    """Levenshtein distance counted in syllables."""
    previous = list(range(len(second) + 1))
    for i, left in enumerate(first, 1):
        current = [i]
        for j, right in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (left != right)))  # fmt: skip
        previous = current
    return previous[-1]


def leave_one_out(glossary: Glossary, every: int = 1) -> list[Outcome]:
    """Each concept's English (of every ``every``-th concept) drafted by a drafter learned from
    all the others."""
    outcomes = []
    concepts = list(glossary)
    for concept in concepts[::every]:
        english, vietnamese = concept.preferred("en"), concept.preferred("vi")
        if english is None or vietnamese is None or concept.is_draft:
            continue
        drafter = Drafter(other for other in concepts if other is not concept)
        draft = drafter.draft(english.text, exclude=concept)
        outcomes.append(Outcome(concept, english.text, vietnamese.text, draft.text))
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=25, help="misses to print")
    parser.add_argument("--every", type=int, default=1, help="measure every N-th concept only")
    args = parser.parse_args()
    glossary = Glossary.load()
    started = time.perf_counter()
    outcomes = leave_one_out(glossary, args.every)
    elapsed = time.perf_counter() - started
    total = len(outcomes)
    exact = sum(outcome.distance == 0 for outcome in outcomes)
    near = sum(outcome.distance is not None and outcome.distance <= 2 for outcome in outcomes)
    none = sum(outcome.draft is None for outcome in outcomes)
    print(f"leave-one-out over {total} concepts ({elapsed:.1f} s)")
    print("  each concept left out: a drafter learned anew without it (none of its terms in the")
    print("  table, the one-pair renderings, the links, the implied UN or the word order), and")
    print("  its own names out of whole-name matching")
    print(f"  exact (diacritic_key):     {exact:4d}  {exact / total:6.1%}")
    print(f"  within two syllables:      {near:4d}  {near / total:6.1%}")
    print(f"  no draft:                  {none:4d}  {none / total:6.1%}")
    drafted = total - none
    print(f"  exact among drafts:        {exact / max(drafted, 1):6.1%}")
    misses = [o for o in outcomes if o.draft is not None and o.distance]
    print(f"\nmisses (draft given, not exact): {len(misses)}; the first {args.misses}:")
    for outcome in misses[: args.misses]:
        print(f"  {outcome.english}\n    draft:    {outcome.draft}")
        print(f"    glossary: {outcome.expected}")
    started = time.perf_counter()
    Drafter(glossary)
    print(f"\nlearning a drafter from the whole glossary: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
