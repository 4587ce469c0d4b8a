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

from vnterms import Concept, Glossary, Term

HEADS = [
    ("Committee", "Ủy ban"), ("Council", "Hội đồng"), ("Convention", "Công ước"),
    ("Agreement", "Hiệp định"), ("Programme", "Chương trình"), ("Fund", "Quỹ"),
    ("Commission", "Ủy ban"), ("Conference", "Hội nghị"), ("Office", "Văn phòng"),
    ("Treaty", "Hiệp ước"), ("Protocol", "Nghị định thư"), ("Forum", "Diễn đàn"),
]  # fmt: skip
TOPICS = [
    ("Human Rights", "Nhân quyền"), ("Climate Change", "Biến đổi khí hậu"),
    ("Sustainable Development", "Phát triển bền vững"), ("Food Security", "An ninh lương thực"),
    ("Disarmament", "Giải trừ quân bị"), ("Maritime Safety", "An toàn hàng hải"),
    ("Public Health", "Y tế công cộng"), ("Cybercrime", "Tội phạm mạng"),
    ("Migration", "Di cư"), ("Refugees", "Người tị nạn"), ("Oceans", "Đại dương"),
    ("Trade and Development", "Thương mại và Phát triển"), ("Gender Equality", "Bình đẳng giới"),
    ("Drug Control", "Kiểm soát ma túy"), ("Nuclear Safety", "An toàn hạt nhân"),
    ("Water Resources", "Tài nguyên nước"), ("Education", "Giáo dục"),
]  # fmt: skip
REGIONS = [
    ("Asia and the Pacific", "châu Á - Thái Bình Dương"), ("Africa", "châu Phi"),
    ("Europe", "châu Âu"), ("Latin America", "Mỹ Latinh"), ("Western Asia", "Tây Á"),
    ("Small Island States", "các quốc đảo nhỏ"),
    ("Least Developed Countries", "các nước kém phát triển"),
]  # fmt: skip


def synthetic_glossary(size: int, seed: int = 7) -> Glossary:
    """``size`` concepts with realistic, unique English and Vietnamese names and acronyms."""
    rng = random.Random(seed)
    concepts = []
    for n in range(size):
        head, head_vi = rng.choice(HEADS)
        topic, topic_vi = rng.choice(TOPICS)
        region, region_vi = rng.choice(REGIONS)
        english = f"{head} on {topic} in {region} {n}"
        vietnamese = f"{head_vi} về {topic_vi} tại {region_vi} số {n}"
        acronym = "".join(w[0] for w in english.split() if w[0].isupper()) + str(n)
        concepts.append(Concept(f"c{n}", "subsidiary-body", [
            Term(english, "en", "full", "preferred"),
            Term(f"United Nations {english}", "en", "full", "admitted"),
            Term(acronym, "en", "abbreviation", "admitted"),
            Term(vietnamese, "vi", "full", "preferred"),
        ]))  # fmt: skip
    return Glossary(concepts)


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
