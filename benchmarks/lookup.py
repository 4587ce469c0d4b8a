"""Lookup speed: per-query times on the shipped glossary and on a synthetic one of 100,000
concepts, side by side with rapidfuzz.process.extractOne over all terms; and the whole-process
time of ``vnterms lookup`` next to ``python -c "import typer"``.

Run by hand: ``pip install -e ".[bench]"; python benchmarks/lookup.py``.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from synthetic import synthetic_glossary

from vnterms import Glossary


def per_query(function: Callable[[str], object] | None, queries: list[str]) -> tuple[float, float]:
    """Median and 95th percentile, in microseconds, of one call per query (None: the timer's
    own cost, which every figure includes)."""
    times = []
    for query in queries:
        start = time.perf_counter()
        if function is not None:
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


def _without_number(name: str) -> str:
    head, _, last = name.rpartition(" ")
    return head if head and last.isdigit() else name


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
    # Without its number a synthetic name shares all its words with many others: harder.
    common = [typo(_without_number(c.terms[0].text), rng) for c in sample[300:600]
              if len(c.terms[0].text) > 4]  # fmt: skip
    choices = [t.text for c in concepts for t in c.terms]
    rows = [
        ("timer alone (no call)", None, exact),
        ("exact (get)", glossary.get, exact),
        ("case/style-insensitive (get)", glossary.get, folded),
        ("without diacritics (get)", glossary.get, unmarked),
        ("typo (search, fuzzy)", lambda q: glossary.search(q, limit=5), typos),
        ("typo, common words (search)", lambda q: glossary.search(q, limit=5), common),
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


def process_times(commands: dict[str, list[str]], repeat: int = 31) -> dict[str, float]:
    """Median wall time of each command, run in turn so that the machine's noise hits all alike.

    Bytecode is written and used, as after a pip install, and the lookup cache is warm.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {label: [] for label in commands}
    for round_ in range(repeat + 1):
        for label, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            if round_:  # the first round only warms up
                times[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in times.items()}


def main() -> None:
    rng = random.Random(3)
    report("shipped glossary", Glossary.load(), rng)
    report("synthetic glossary", synthetic_glossary(100_000), rng)
    script = str(Path(sys.executable).with_name("vnterms"))
    lookup = [script, "lookup", "Security Council"]
    firsts = []
    for _ in range(7):
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "XDG_CACHE_HOME": empty}
            start = time.perf_counter()
            subprocess.run(lookup, check=True, capture_output=True, env=env)
            firsts.append(time.perf_counter() - start)
    first = statistics.median(firsts)
    figures = process_times({"typer": [sys.executable, "-c", "import typer"], "lookup": lookup})
    print(f"\nwhole process: python -c 'import typer' {figures['typer'] * 1000:.0f} ms, "
          f"vnterms lookup 'Security Council' {figures['lookup'] * 1000:.0f} ms "
          f"({figures['lookup'] / figures['typer']:.2f}x); "
          f"first lookup without a cache (median of 7): {first * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
