"""Lookup speed: per-query times on the shipped glossary and on a synthetic one of 100,000
concepts, side by side with rapidfuzz.process.extractOne over all terms; and the whole-process
time of ``vnterms lookup`` next to ``python -c "import typer"``.

Run by hand: ``pip install -e ".[bench]"; python benchmarks/lookup.py``.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from synthetic import synthetic_glossary

from vnterms import Glossary


def per_query(function: Callable[[str], object], queries: list[str]) -> tuple[float, float]:
    """Median and 95th percentile, in microseconds, of one call per query."""
    times = []
    for query in queries:
        start = time.perf_counter()
        function(query)
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def typo(text: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(text) - 1)
    return (
        text[:i] + text[i + 1 :]
        if rng.random() < 0.5
        else text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    )


def report(name: str, glossary: Glossary, rng: random.Random) -> None:
    from rapidfuzz import fuzz, process

    start = time.perf_counter()
    glossary.index  # noqa: B018  (built once, on first use)
    print(f"\n{name}: {len(glossary)} concepts, index built in {time.perf_counter() - start:.2f} s")
    concepts = list(glossary)
    sample = [rng.choice(concepts) for _ in range(2000)]
    exact = [c.terms[0].text for c in sample]
    folded = [c.terms_in("vi")[0].text.upper() if c.terms_in("vi") else c.terms[0].text.lower()
              for c in sample]  # fmt: skip
    from vnterms import fold

    unmarked = [fold(c.label("vi") or c.terms[0].text) for c in sample]
    typos = [typo(c.terms[0].text, rng) for c in sample[:300]]
    choices = [t.text for c in concepts for t in c.terms]
    rows = [
        ("exact (get)", lambda q: glossary.get(q), exact),
        ("case/style-insensitive (get)", lambda q: glossary.get(q), folded),
        ("without diacritics (get)", lambda q: glossary.get(q), unmarked),
        ("typo (search, fuzzy)", lambda q: glossary.search(q, limit=5), typos),
        ("rapidfuzz extractOne ratio",
         lambda q: process.extractOne(q, choices, scorer=fuzz.ratio), typos[:100]),
        ("rapidfuzz extractOne WRatio",
         lambda q: process.extractOne(q, choices, scorer=fuzz.WRatio), typos[:30]),
    ]  # fmt: skip
    figures = {}
    for label, function, queries in rows:
        median, p95 = per_query(function, queries)
        figures[label] = p95
        print(f"  {label:32} median {median:9.1f} µs   p95 {p95:9.1f} µs")
    hits = sum(glossary.get(q) is c for q, c in zip(typos, sample, strict=False))
    print(f"  typo queries answered with the right concept: {hits}/{len(typos)}")
    ratio = figures["rapidfuzz extractOne ratio"] / figures["typo (search, fuzzy)"]
    print(f"  fuzzy p95: rapidfuzz ratio / vnterms = {ratio:.1f}x")


def process_time(command: list[str], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(3)
    report("shipped glossary", Glossary.load(), rng)
    report("synthetic glossary", synthetic_glossary(100_000), rng)
    typer_only = process_time([sys.executable, "-c", "import typer"])
    lookup = process_time([sys.executable, "-m", "vnterms", "lookup", "Security Council"])
    print(f"\nwhole process: python -c 'import typer' {typer_only * 1000:.0f} ms, "
          f"vnterms lookup 'Security Council' {lookup * 1000:.0f} ms "
          f"({lookup / typer_only:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
