"""Extraction quality: precision and recall at the level of names on every annotated real text
(seeds/ and tests/data/texts/, gold lists in tests/data/gold/, see its README), one row a text,
then the totals over all names. A name counts when its line and its exact text are both in the
gold list; places are found but not scored, as in tests/test_extract.py.

Run by hand: ``python benchmarks/extract_quality.py [--misses]`` (``--misses`` lists, under each
text below 1.00, the gold names not found and the names found that are not in the gold list).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from vnterms import Glossary
from vnterms.extract import TermMatcher, find_names

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests/data/gold"
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/texts").glob("*.txt"))
TARGET = 0.95

Mentions = Counter[tuple[int, str]]


def predicted(text: str, glossary: Glossary, matcher: TermMatcher) -> Mentions:
    """The mentions found, as (line, text), places left out."""
    return Counter(
        (name.line, name.text)
        for name in find_names(text, glossary, matcher=matcher)
        if not (name.concept is not None and name.concept.category == "place")
    )


def gold(path: Path) -> Mentions:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
    return Counter((int(line), name) for line, name in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list what each text gets wrong")
    args = parser.parse_args()
    glossary = Glossary.load()
    matcher = TermMatcher(glossary)
    print(f"{'text':54} {'names':>5} {'found':>5} {'right':>5} {'P':>6} {'R':>6}")
    totals = Counter[str]()
    below = 0
    for path in TEXTS:
        found = predicted(path.read_text(encoding="utf-8"), glossary, matcher)
        expected = gold(GOLD / f"{path.stem}.tsv")
        right = sum((found & expected).values())
        names, reported = sum(expected.values()), sum(found.values())
        precision, recall = right / max(reported, 1), right / max(names, 1)
        mark = "  <" if min(precision, recall) < TARGET else ""
        below += bool(mark)
        print(f"{path.stem:54} {names:5} {reported:5} {right:5} "
              f"{precision:6.3f} {recall:6.3f}{mark}")  # fmt: skip
        totals.update(names=names, reported=reported, right=right)
        if args.misses and min(precision, recall) < 1:
            for line, text in sorted((expected - found).elements()):
                print(f"    missed {line:3} {text}")
            for line, text in sorted((found - expected).elements()):
                print(f"    wrong  {line:3} {text}")
    precision = totals["right"] / max(totals["reported"], 1)
    recall = totals["right"] / max(totals["names"], 1)
    print(f"{'all texts':54} {totals['names']:5} {totals['reported']:5} {totals['right']:5} "
          f"{precision:6.3f} {recall:6.3f}")  # fmt: skip
    print(f"{below} of {len(TEXTS)} texts below {TARGET} in precision or recall (marked <)")


if __name__ == "__main__":
    main()
