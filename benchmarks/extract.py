"""Extraction speed: words per second of vnterms.extract over ≥ 10 MB of news-like English with
the shipped glossary loaded, side by side with YAKE keyword extraction on a slice of the same text;
then ``vnterms extract FILE`` on one file of 10, 50 and 200 MB of the same kind of text, and on
1,000 and 4,000 lines of a numbered series ("… Security Council Resolution N …"): wall time and
peak memory (maximum resident set size) of the whole process, which must stay under 500 MB and
grow with the size of the input no faster than linearly.

The corpus is built deterministically (fixed seed) from the real articles in seeds/ and
tests/data/texts/: their headlines and sentences are turned into templates whose years, numbers,
ordinals, country names and glossary names (swapped for other English terms of the same category)
vary from one use to the next, then mixed across texts into articles of headline and paragraphs.
Words are whitespace-separated tokens; MB are 10⁶ bytes of UTF-8. One process, one thread.

Run by hand: ``pip install -e ".[bench]"; python benchmarks/extract.py [--size MB]
[--files 10,50,200]``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from vnterms import Glossary
from vnterms.extract import Candidate, TermMatcher, extract, find_names

ROOT = Path(__file__).resolve().parent.parent
# The texts the corpus is made from, named so that texts added to tests/ later leave it unchanged
# and figures stay comparable from one version to the next.
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + [
    ROOT / "tests/data/texts" / f"{name}.txt"
    for name in (
        "vnplus-vietnam-unclos-splos-34",
        "vnplus-vietnam-unsc-presidency",
        "vnplus-vietnam-who-support",
        "vns-viet-nam-unesco-general-conference",
        "vov-vietnam-upr-working-group",
    )
]
TARGET = 300_000  # words per second, on one core
MEMORY_TARGET = 500  # MB of peak resident memory for ``vnterms extract`` on one 200 MB file
CHUNK_LINES = 1_000  # lines per document, as if the corpus were a folder of files
# Categories whose names are not swapped: places are kept, and countries vary on their own.
KEPT_CATEGORIES = frozenset(["place"])
COUNTRIES = (
    "Viet Nam Indonesia Thailand Malaysia Singapore Cambodia Japan India Brazil Kenya Norway "
    "Mexico Chile Egypt Ghana Peru Mongolia Kazakhstan Bangladesh Ireland"
).split()
COUNTRY_NAMES = ("Viet Nam", "Vietnam", "Việt Nam")
CITIES = ("Ha Noi", "Hà Nội", "New York", "Geneva", "Bangkok", "Paris", "Nairobi", "Vienna")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
SWAP = 0.5  # the chance that a variable part of a sentence is changed on each use

Piece = tuple[str, str]  # (kind, text): kind "" is literal text, any other kind a variable part
Pools = dict[str, list[str]]  # what each kind of variable part is drawn from
Timing = tuple[float, float]  # wall seconds, CPU seconds of this process


def source_units() -> tuple[list[str], list[str]]:
    """The headlines (title-like lines) and the sentences of the real texts, without repeats."""
    headlines: dict[str, None] = {}
    sentences: dict[str, None] = {}
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split())
            words = len(line.split())
            if words < 4:
                continue  # sign-offs ("VNA") and empty lines
            if words <= 20 and not line.endswith((".", "!", "?", "./.", ")")):
                headlines[line] = None
                continue
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘(])", line):
                sentences[sentence] = None
    return list(headlines), list(sentences)


def variable_parts(glossary: Glossary) -> tuple[re.Pattern[str], dict[str, str], Pools]:
    """A pattern for the parts of a sentence that vary, the kind of each glossary name, and the
    pool each kind draws from."""
    kinds: dict[str, str] = {}
    pools: Pools = {}
    for concept in glossary:
        if concept.category in KEPT_CATEGORIES or concept.is_pattern:
            continue  # a pattern's terms hold slots ("{ordinal} session of …"), not names
        for term in concept.terms:
            if term.lang != "en" or term.status == "deprecated":
                continue
            if term.is_abbreviation:
                kind = "abbr:" + concept.category
            elif " " in term.text:
                kind = "name:" + concept.category
            else:
                continue  # single words ("Party", "Rapporteur") stay as they are
            kinds.setdefault(term.text, kind)
            pools.setdefault(kind, []).append(term.text)
    names = sorted((t for t, k in kinds.items() if k.startswith("name:")), key=len, reverse=True)
    abbreviations = sorted((t for t, k in kinds.items() if k.startswith("abbr:")), key=len,
                           reverse=True)  # fmt: skip
    pattern = re.compile(
        r"(?<!\w)(?:"
        rf"(?P<name>{'|'.join(map(re.escape, names))})"
        rf"|(?P<abbr>{'|'.join(map(re.escape, abbreviations))})"
        rf"|(?P<country>{'|'.join(COUNTRY_NAMES)})"
        r"|(?P<year>(?:19|20)\d\d)"
        r"|(?P<ordinal>\d+(?:st|nd|rd|th))"
        r"|(?P<number>\d+)"
        r")(?!\w)"
    )
    pools["country"] = COUNTRIES
    return pattern, kinds, pools


def template(text: str, pattern: re.Pattern[str], kinds: dict[str, str]) -> list[Piece]:
    """``text`` cut into literal pieces and variable parts."""
    pieces: list[Piece] = []
    at = 0
    for match in pattern.finditer(text):
        group = match.lastgroup or ""
        kind = kinds[match.group()] if group in ("name", "abbr") else group
        pieces += [("", text[at : match.start()]), (kind, match.group())]
        at = match.end()
    pieces.append(("", text[at:]))
    return [piece for piece in pieces if piece[1]]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def render(pieces: list[Piece], rng: random.Random, pools: Pools) -> str:
    """One use of a template: each variable part kept or, with chance ``SWAP``, changed."""
    out = []
    for kind, text in pieces:
        if not kind or rng.random() >= SWAP:
            out.append(text)
        elif kind == "year":
            out.append(str(rng.randint(1945, 2035)))
        elif kind == "ordinal":
            out.append(ordinal(rng.randint(1, 80)))
        elif kind == "number":
            digits = len(text)
            out.append(str(rng.randrange(10 ** (digits - 1), 10**digits)))
        else:
            out.append(rng.choice(pools[kind]))
    return "".join(out)


def article(rng: random.Random, headlines: list[list[Piece]], sentences: list[list[Piece]],
            pools: Pools) -> str:  # fmt: skip
    """A headline and 4–12 paragraphs of 1–4 sentences drawn from all the texts, the first one
    with a dateline."""
    paragraphs = [render(rng.choice(headlines), rng, pools)]
    for n in range(rng.randint(4, 12)):
        paragraph = " ".join(
            render(rng.choice(sentences), rng, pools) for _ in range(rng.randint(1, 4))
        )
        if n == 0:
            dateline = f"{rng.choice(CITIES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)} (VNA) – "
            paragraph = dateline + paragraph
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + "\n"


def news_corpus(megabytes: float, glossary: Glossary, seed: int = 2026) -> list[str]:
    """Articles of news-like English, at least ``megabytes`` MB of them in all."""
    rng = random.Random(seed)
    pattern, kinds, pools = variable_parts(glossary)
    headline_units, sentence_units = source_units()
    headlines = [template(text, pattern, kinds) for text in headline_units]
    sentences = [template(text, pattern, kinds) for text in sentence_units]
    articles: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        articles.append(article(rng, headlines, sentences, pools))
        size += len(articles[-1].encode("utf-8")) + 1
    return articles


def chunks(text: str, lines: int) -> list[tuple[str, str]]:
    """``text`` as documents of ``lines`` lines each, named like files."""
    all_lines = text.splitlines()
    return [
        (f"news-{n:04}.txt", "\n".join(all_lines[i : i + lines]))
        for n, i in enumerate(range(0, len(all_lines), lines))
    ]


def words(documents: Sequence[tuple[str, str]]) -> int:
    return sum(len(text.split()) for _, text in documents)


def megabytes(documents: Sequence[tuple[str, str]]) -> float:
    return sum(len(text.encode("utf-8")) for _, text in documents) / 1e6


def time_vnterms(documents: Sequence[tuple[str, str]], glossary: Glossary
                 ) -> tuple[Timing, list[Candidate]]:  # fmt: skip
    """Wall and CPU seconds of one ``extract`` call over ``documents``, and what it found."""
    wall, cpu = time.perf_counter(), time.process_time()
    candidates = extract(documents, glossary)
    return (time.perf_counter() - wall, time.process_time() - cpu), candidates


def time_yake(documents: Sequence[tuple[str, str]]) -> Timing:
    """Wall and CPU seconds of YAKE's keywords for each document in turn."""
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=5, top=20)
    extractor.extract_keywords(documents[0][1])  # warm up: stop words, caches
    wall, cpu = time.perf_counter(), time.process_time()
    for _, text in documents:
        extractor.extract_keywords(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def name_share(documents: Sequence[tuple[str, str]], glossary: Glossary) -> float:
    """The share of the words that stand inside a name found (nested names counted once)."""
    inside = 0
    matcher = TermMatcher(glossary)
    for _, text in documents:
        lines = text.splitlines()
        spans: dict[int, set[int]] = {}
        for name in find_names(text, glossary, matcher=matcher):
            covered = spans.setdefault(name.line, set())
            covered.update(range(name.column - 1, name.column - 1 + len(name.text)))
        for number, covered in spans.items():
            inside += sum(1 for m in re.finditer(r"\S+", lines[number - 1])
                          if any(i in covered for i in range(*m.span())))  # fmt: skip
    return inside / words(documents)


def write_news(path: Path, megabytes: float, glossary: Glossary, seed: int = 2026) -> None:
    """``news_corpus`` written article by article into one file of at least ``megabytes`` MB."""
    rng = random.Random(seed)
    pattern, kinds, pools = variable_parts(glossary)
    headline_units, sentence_units = source_units()
    headlines = [template(text, pattern, kinds) for text in headline_units]
    sentences = [template(text, pattern, kinds) for text in sentence_units]
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < megabytes * 1e6:
            handle.write(article(rng, headlines, sentences, pools) + "\n")


# Runs the command line, then writes its process's peak resident memory (VmHWM, in kB) on
# stderr. The kernel's own figure for a child (ru_maxrss) would count the benchmark's memory too,
# copied into the child when it was forked.
_PEAK_REPORTING = """
import atexit, runpy, sys
status = lambda: open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
atexit.register(lambda: print(status(), file=sys.stderr))
sys.argv = ["vnterms", *sys.argv[1:]]
runpy.run_module("vnterms", run_name="__main__")
"""


def run_cli(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and stdout bytes of ``vnterms extract FILE --quiet``."""
    command = [sys.executable, "-c", _PEAK_REPORTING, "extract", str(path), "--quiet"]
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        done = subprocess.run(command, stdout=output, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if done.returncode:
            raise SystemExit(f"vnterms extract {path} exited with {done.returncode}")
        return wall, int(done.stderr.split()[-1]) / 1024, output.seek(0, os.SEEK_END)


def scaling(sizes: list[float], glossary: Glossary) -> None:
    """``vnterms extract`` on one news file of each size, and on a numbered series."""
    print("\nvnterms extract FILE --quiet, one file, whole process (glossary loading included):")
    rows = []
    with tempfile.TemporaryDirectory() as directory:
        for size in sizes:
            path = Path(directory) / f"news-{size:g}MB.txt"
            write_news(path, size, glossary)
            megabytes = path.stat().st_size / 1e6
            wall, peak, printed = run_cli(path)
            rows.append((megabytes, wall, peak))
            print(f"  news {megabytes:7.1f} MB  {wall:7.1f} s  {megabytes / wall:5.2f} MB/s  "
                  f"peak {peak:6.0f} MB  output {printed / 1e3:8,.0f} kB")  # fmt: skip
            path.unlink()
        for count in (1_000, 4_000):
            path = Path(directory) / f"resolutions-{count}.txt"
            path.write_text("".join(
                f"The Council adopted Security Council Resolution {n} on the situation in the "
                "Middle East.\n" for n in range(1, count + 1)), encoding="utf-8")  # fmt: skip
            wall, peak, printed = run_cli(path)
            print(f"  {count:,} lines of a numbered resolution series  {wall:5.2f} s  "
                  f"peak {peak:4.0f} MB  output {printed:,} bytes")  # fmt: skip
    (small, small_wall, _), (large, large_wall, large_peak) = rows[0], rows[-1]
    ratio = (large_wall / small_wall) / (large / small)
    print(
        f"  time per MB at {large:.0f} MB is {ratio:.2f}x that at {small:.0f} MB "
        f"(1.00 is linear); peak at {large:.0f} MB {large_peak:.0f} MB: "
        f"{'within' if large_peak <= MEMORY_TARGET else 'OVER'} the {MEMORY_TARGET} MB target"
    )


def line(label: str, timing: Timing, documents: Sequence[tuple[str, str]]) -> Timing:
    """Print one timing row; return words per second of wall time and of CPU time."""
    wall, cpu = timing
    count = words(documents)
    print(f"  {label:32} {wall:6.2f} s wall {cpu:6.2f} s CPU  {count / wall:9,.0f} words/s "
          f"({count / cpu:,.0f} by CPU)  {megabytes(documents) / wall:5.2f} MB/s")  # fmt: skip
    if cpu < 0.9 * wall:
        print(f"  {'':32} (wall time {wall / cpu - 1:.0%} above CPU time: the machine is busy)")
    return count / wall, count / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=10.0, help="MB of text (default 10)")
    parser.add_argument(
        "--yake-size", type=float, default=0.5, help="MB, from the start, timed with YAKE"
    )
    parser.add_argument(
        "--files", default="10,50,200", help="MB of the single files given to vnterms extract"
    )
    args = parser.parse_args()

    start = time.perf_counter()
    glossary = Glossary.load()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    TermMatcher(glossary)
    matcher = time.perf_counter() - start
    print(f"glossary: {len(glossary)} concepts, loaded in {loaded * 1000:.0f} ms "
          f"(not timed below); its TermMatcher built in {matcher * 1000:.1f} ms "
          f"(inside each extract call)")  # fmt: skip

    start = time.perf_counter()
    articles = news_corpus(args.size, glossary)
    corpus = "\n".join(articles)
    documents = chunks(corpus, CHUNK_LINES)
    built = time.perf_counter() - start
    sentences = re.split(r"(?<=[.!?])\s+", corpus)
    print(f"corpus: {megabytes(documents):.2f} MB, {words(documents):,} words, "
          f"{len(corpus.splitlines()):,} lines, {len(articles):,} articles, "
          f"{len(set(sentences)) / len(sentences):.0%} of sentences distinct "
          f"(built in {built:.1f} s from {len(SOURCES)} real texts)")  # fmt: skip

    print("\nvnterms.extract, whole corpus:")
    timing, candidates = time_vnterms(documents, glossary)
    rate, cpu_rate = line(f"{len(documents)} documents of {CHUNK_LINES:,} lines", timing, documents)
    occurrences = sum(c.count for c in candidates)
    known = sum(c.id is not None for c in candidates)
    print(f"  {len(candidates):,} candidates ({known} known concepts, "
          f"{len(candidates) - known:,} new names), {occurrences:,} occurrences, "
          f"{occurrences / words(documents) * 1000:.0f} per 1,000 words; "
          f"{name_share(documents, glossary):.0%} of words inside a name")  # fmt: skip
    whole = [("news.txt", corpus)]
    timing, single = time_vnterms(whole, glossary)
    line("one document", timing, whole)
    print(f"  {len(single):,} candidates, {sum(c.count for c in single):,} occurrences")

    sliced: list[tuple[str, str]] = []
    size = 0
    for n, text in enumerate(articles):
        if size >= args.yake_size * 1e6:
            break
        sliced.append((f"article-{n:05}.txt", text))
        size += len(text.encode("utf-8"))
    print(f"\nslice for YAKE: the first {len(sliced)} articles as documents, "
          f"{megabytes(sliced):.2f} MB, {words(sliced):,} words")  # fmt: skip
    timing, _ = time_vnterms(sliced, glossary)
    slice_rate, slice_cpu = line("vnterms.extract", timing, sliced)
    yake_rate, yake_cpu = line("yake (n=5, top=20)", time_yake(sliced), sliced)

    print(f"\nvnterms / YAKE words/s on the same slice: {slice_rate / yake_rate:.1f}x wall, "
          f"{slice_cpu / yake_cpu:.1f}x CPU")  # fmt: skip
    verdict = "meets" if rate >= TARGET else "misses"
    print(f"target {TARGET:,} words/s on one core: vnterms {verdict} it: {rate:,.0f} words/s "
          f"on the whole corpus ({rate / TARGET:.0%} of target), "
          f"{cpu_rate:,.0f} by CPU time")  # fmt: skip
    if args.files:
        scaling([float(size) for size in args.files.split(",")], glossary)


if __name__ == "__main__":
    main()
