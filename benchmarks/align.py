"""Time and peak memory of vnterms.align on synthetic documents of growing length.

The English and Vietnamese texts are built from the hand-aligned pages in tests/data/align,
drawn at random into long documents, with one Vietnamese sentence in 20 left out and one in 25
split in two, so that the programme meets 1-0 and 1-2 beads. The paragraph counts differ, so the
whole text is aligned in one banded programme. No aligner on PyPI aligns without a translation model
or a dictionary (bleualign needs machine translation, hunalign is a C++ program), so the
figures stand alone; the growth from one size to the next shows the cost per sentence. Run by
hand: ``python benchmarks/align.py``.
"""

from __future__ import annotations

import random
import time
import tracemalloc
from pathlib import Path

from vnterms.align import align_texts

ALIGN = Path(__file__).resolve().parent.parent / "tests/data/align"
SIZES = (1_000, 5_000, 20_000)


def sentence_pairs() -> list[tuple[str, str]]:
    """The 1-1 links of the hand-aligned pages."""
    pairs = []
    for gold in sorted(ALIGN.glob("*.gold.tsv")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            bead, en, vi = line.split("\t")
            if bead == "1-1":
                pairs.append((en, vi))
    return pairs


def document(size: int) -> tuple[list[str], list[str], set[tuple[str, str]]]:
    """An English and a Vietnamese text of ``size`` English sentences (five to a paragraph, the
    Vietnamese in one paragraph a sentence, so that the counts differ), and the pairs that the
    alignment should give as 1-1."""
    rng = random.Random(size)
    pairs = sentence_pairs()
    en_lines: list[str] = []
    vi_lines: list[str] = []
    expected = set()
    for number in range(size):
        en, vi = rng.choice(pairs)
        en = f"{en[:-1]} ({number})."  # no two sentences alike, and a number to anchor
        if number % 5 == 0:
            en_lines.append("")
        en_lines.append(en)
        if number % 20 == 7:
            continue  # left out of the translation: a 1-0 bead
        vi = f"{vi[:-1]} ({number})."
        if number % 25 == 3 and ", " in vi:
            head, tail = vi.split(", ", 1)
            vi_lines.append(f"{head}. {tail[0].upper()}{tail[1:]}")  # a 1-2 bead
            continue
        vi_lines.append(vi)
        expected.add((en, vi))
    return en_lines, vi_lines, expected


def main() -> None:
    print(f"{'sentences':>10} {'seconds':>8} {'ms/sentence':>12} {'peak MB':>8} {'1-1 right':>10}")
    for size in SIZES:
        en, vi, expected = document(size)
        start = time.perf_counter()
        pairs = align_texts(en, vi)
        elapsed = time.perf_counter() - start
        tracemalloc.start()  # a second run for memory: tracing slows Python several times
        align_texts(en, vi)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        right = len(expected & {(p.en, p.vi) for p in pairs if p.bead == "1-1"})
        print(f"{size:>10,} {elapsed:>8.2f} {elapsed / size * 1000:>12.2f} "
              f"{peak / 1e6:>8.1f} {right / len(expected):>10.1%}")  # fmt: skip


if __name__ == "__main__":
    main()
