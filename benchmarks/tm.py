"""Translation memory speed, side by side with rapidfuzz and translate-toolkit, on synthetic
memories (``tm_corpus.py``) of 100,000 and, when asked, 1,000,000 units.

For each size: TMX import time and peak memory (in a process of its own), the database size,
per-query median and p95 of ``TranslationMemory.search`` (best match only, as the peers give),
of rapidfuzz ``process.extractOne`` (``fuzz.ratio``) over all sources and of translate-toolkit's
``match.matcher``; how often each one's first match is as close (word-level Levenshtein over
folded words) as the best one an exhaustive scan finds; concordance per phrase; and
``pretranslate`` of a 1,000-entry PO next to translate-toolkit's ``pretranslate``.

Run by hand: ``pip install -e ".[bench,test]"; python benchmarks/tm.py [--million]``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tm_corpus import Corpus, changed, synthetic_corpus, tmx_lines

from vnterms.normalize import fold


def percentiles(times: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(times)
    return statistics.median(ordered) * 1e3, ordered[int(len(ordered) * 0.95)] * 1e3


def timed(function: Callable[[str], object], queries: list[str]
          ) -> tuple[list[float], list[object]]:  # fmt: skip
    times, answers = [], []
    for query in queries:
        start = time.perf_counter()
        answers.append(function(query))
        times.append(time.perf_counter() - start)
    return times, answers


def child(argv: list[str]) -> None:
    """Run one measured job in this process and print its figures as JSON."""
    from vnterms.tm import TranslationMemory
    from vnterms.tm.pretranslate import pretranslate_file

    job, database, data = argv
    result: dict[str, object] = {}
    start = time.perf_counter()
    with TranslationMemory.open(database) as memory:
        if job == "import":
            memory.import_file(data)
        elif job == "search":
            queries = json.loads(Path(data).read_text(encoding="utf-8"))
            times, found = timed(lambda q: memory.search(q, limit=1, min_score=1), queries)
            result["times"] = times
            result["cpu"] = timed_cpu(lambda q: memory.search(q, limit=1, min_score=1), queries)
            result["top"] = [f[0].source if f else "" for f in found]  # type: ignore[index,attr-defined]
            phrases = [" ".join(q.split()[2:5]) for q in queries]
            result["concordance"] = timed(lambda p: memory.concordance(p, limit=20), phrases)[0]
            result["concordance_cpu"] = timed_cpu(lambda p: memory.concordance(p, limit=20),
                                                  phrases)  # fmt: skip
        elif job == "pretranslate":
            outcome = pretranslate_file(data, memory, min_score=75)
            result["summary"] = outcome.summary()
    result["seconds"] = time.perf_counter() - start
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


def peak_mb() -> float:
    """The most resident memory this process has had since it started its program (not
    ``ru_maxrss``, which keeps that of the process it was forked from)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_cpu(function: Callable[[str], object], queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.process_time()
        function(query)
        times.append(time.process_time() - start)
    return times


def run_child(*args: str) -> dict[str, object]:
    output = subprocess.run([sys.executable, __file__, "--child", *args], check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    return dict(json.loads(output))


def word_similarity(first: str, second: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(fold(first).split(), fold(second).split()))


def exhaustive_best(corpus: Corpus, queries: list[str]) -> list[float]:
    """The best word-level similarity of each query over every source: rapidfuzz's C scan of
    folded word lists (the distance a Python scan would compute), 100,000 sources at a time."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    asked = [fold(query).split() for query in queries]
    best = [0.0] * len(queries)
    for start in range(0, len(corpus.units), 100_000):
        sources = [fold(english).split() for english, _ in corpus.units[start : start + 100_000]]
        for n, query in enumerate(asked):
            found = process.extractOne(query, sources, processor=None,
                                       scorer=Levenshtein.normalized_similarity)  # fmt: skip
            best[n] = max(best[n], float(found[1]))
    return best


def agreement(tops: list[str], queries: list[str], best: list[float]) -> str:
    agree = sum(word_similarity(query, top) >= most - 1e-9
                for query, top, most in zip(queries, tops, best, strict=True))  # fmt: skip
    return f"{agree}/{len(queries)}"


def write_po(path: Path, corpus: Corpus, rng: random.Random) -> None:
    """1,000 entries: 40 % stored sentences, 40 % with 1–3 words changed, 20 % unrelated."""
    lines = ['msgid ""', 'msgstr ""', '"Language: vi\\n"', '"Content-Type: text/plain; '
             'charset=UTF-8\\n"', ""]  # fmt: skip
    seen = set()
    while len(seen) < 1000:
        english = rng.choice(corpus.units)[0]
        roll = rng.random()
        if roll < 0.4:
            text = english
        elif roll < 0.8:
            text = changed(english, rng.choice((1, 2, 3)), _FakeLanguage(corpus, rng))
        else:
            text = " ".join(rng.choices(corpus.vocabulary, k=rng.randint(6, 25))).capitalize() + "."
        if text not in seen:
            seen.add(text)
            lines += [f'msgid "{text}"', 'msgstr ""', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


class _FakeLanguage:
    """What ``changed`` needs of a language: a random generator and a word."""

    def __init__(self, corpus: Corpus, rng: random.Random) -> None:
        self.corpus, self.rng = corpus, rng

    def word(self) -> tuple[str, str]:
        word = self.rng.choice(self.corpus.vocabulary)
        return word, word


def peers(corpus: Corpus, queries: list[str], best: list[float], ttk_queries: int) -> None:
    from rapidfuzz import fuzz, process

    sources = [english for english, _ in corpus.units]
    times, found = timed(lambda q: process.extractOne(q, sources, scorer=fuzz.ratio), queries)
    median, p95 = percentiles(times)
    tops = [f[0] for f in found]  # type: ignore[index]
    print(f"  rapidfuzz extractOne(ratio), {len(queries)} queries: median {median:.2f} ms, "
          f"p95 {p95:.2f} ms, top-1 as close as the exhaustive best "
          f"{agreement(tops, queries, best[: len(queries)])}")
    if ttk_queries == 0:
        return
    from translate.search.match import matcher
    from translate.storage import po

    start = time.perf_counter()
    store = po.pofile()
    for english, vietnamese in corpus.units:
        store.addsourceunit(english).target = vietnamese
    matching = matcher(store, max_candidates=1, min_similarity=1, max_length=1000)
    built = time.perf_counter() - start
    sample = queries[:ttk_queries]
    times, found = timed(matching.matches, sample)
    median, p95 = percentiles(times)
    tops = [f[0].source if f else "" for f in found]  # type: ignore[index,attr-defined]
    print(f"  translate-toolkit matcher ({built:.0f} s to build), {len(sample)} queries: median "
          f"{median:.1f} ms, p95 {p95:.1f} ms, top-1 as close as the exhaustive best "
          f"{agreement(tops, sample, best[: len(sample)])}")


def ttk_pretranslate(po_path: Path, tmx: Path, entries: int) -> None:
    from translate.storage import factory, po
    from translate.tools import pretranslate

    store = factory.getobject(str(po_path))
    store.units = store.units[: entries + 1]
    start = time.perf_counter()
    # an empty template: without one, pretranslate_store fails on PO (findunit of None)
    pretranslate.pretranslate_store(store, po.pofile(), tm=str(tmx), min_similarity=75)
    seconds = time.perf_counter() - start
    print(f"  translate-toolkit pretranslate of {entries} entries: {seconds:.1f} s")


def measure(size: int, sample: int, ttk_queries: int, folder: Path) -> None:
    print(f"\n{size:,} units")
    corpus = synthetic_corpus(size)
    tmx, database = folder / f"tm{size}.tmx", folder / f"tm{size}.sqlite"
    with tmx.open("w", encoding="utf-8") as handle:
        handle.writelines(tmx_lines(corpus.units))
    imported = run_child("import", str(database), str(tmx))
    db_size = sum(p.stat().st_size for p in folder.glob(f"tm{size}.sqlite*"))
    print(f"  import of a {tmx.stat().st_size / 1e6:.0f} MB TMX: {imported['seconds']:.0f} s, "
          f"peak {imported['peak_mb']:.0f} MB; database {db_size / 1e6:.0f} MB")
    asked = folder / "queries.json"
    asked.write_text(json.dumps(corpus.queries), encoding="utf-8")
    searched = run_child("search", str(database), str(asked))
    best = exhaustive_best(corpus, corpus.queries)
    median, p95 = percentiles(searched["times"])  # type: ignore[arg-type]
    cpu_median, cpu_p95 = percentiles(searched["cpu"])  # type: ignore[arg-type]
    print(f"  vnterms search, {len(corpus.queries)} queries: median {median:.2f} ms, p95 "
          f"{p95:.2f} ms (CPU time {cpu_median:.2f} / {cpu_p95:.2f} ms), top-1 as close as the "
          f"exhaustive best {agreement(searched['top'], corpus.queries, best)}, "  # type: ignore[arg-type]
          f"peak {searched['peak_mb']:.0f} MB")
    median, p95 = percentiles(searched["concordance"])  # type: ignore[arg-type]
    cpu_median, cpu_p95 = percentiles(searched["concordance_cpu"])  # type: ignore[arg-type]
    print(f"  vnterms concordance (3-word phrases): median {median:.2f} ms, p95 {p95:.2f} ms "
          f"(CPU time {cpu_median:.2f} / {cpu_p95:.2f} ms)")
    peers(corpus, corpus.queries[:sample], best, ttk_queries)
    po_path = folder / "statement.po"
    write_po(po_path, corpus, random.Random(5))
    filled = run_child("pretranslate", str(database), str(po_path))
    print(f"  vnterms pretranslate of 1,000 entries: {filled['seconds']:.1f} s "
          f"({filled['summary']}), peak {filled['peak_mb']:.0f} MB")
    if ttk_queries:
        ttk_pretranslate(po_path, tmx, 200)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--million", action="store_true", help="Also measure 1,000,000 units.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as directory:
        measure(100_000, sample=200, ttk_queries=50, folder=Path(directory))
        if args.million:
            measure(1_000_000, sample=50, ttk_queries=0, folder=Path(directory))


if __name__ == "__main__":
    main()
