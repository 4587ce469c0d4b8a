"""The offline page's size and speed in the system's Chromium (headless, through Selenium).

For a glossary of 1,000 concepts made of the shipped one's records (copied until there are that
many) and for synthetic glossaries of 1,000 and 20,000 concepts: the page's size; the time from
navigation to the first results shown; the time of a first query just after the page loads; the
time of each keystroke, once the page's idle preparation is done, while queries are typed one
character at a time (the page's search and the rendering of its results up to layout); side by
side, the Python lookup's time for the same prefixes (``Glossary.search``, in this process).

Run by hand: ``pip install -e ".[test]"; python benchmarks/html_page.py`` (about a minute); needs
``apt-get install chromium chromium-driver``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from copy import deepcopy
from pathlib import Path
from typing import Any

from synthetic import synthetic_glossary

from vnterms import Glossary
from vnterms.formats import render
from vnterms.store import read_glossary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import chromium  # noqa: E402  (the tests' launcher: same flags, fresh profile)

QUERIES = ["hoi dong bao an", "Secuirty Council", "cong uoc luat bien", "UNCLOS",
           "Committee on Human Rights", "uy ban ve nhan quyen"]  # fmt: skip
KEYSTROKE = """
const box = document.getElementById("q");
const start = performance.now();
box.value = arguments[0];
box.dispatchEvent(new Event("input"));
document.body.offsetHeight;  // layout of the new results
return performance.now() - start;
"""
READY = "return performance.getEntriesByName('vnterms-ready')[0].startTime"
PREPARED = "return performance.getEntriesByName('vnterms-prepared').length"


def shipped_times(size: int) -> Glossary:
    """The shipped glossary's records copied (ids and texts numbered) up to ``size`` concepts."""
    shipped = list(read_glossary(ROOT / "glossary"))
    concepts = []
    for n in range(size):
        concept = deepcopy(shipped[n % len(shipped)])
        copy = n // len(shipped)
        if copy:
            concept.id = f"{concept.id}-{copy}"
            for term in concept.terms:
                term.text = f"{term.text} {copy}"
        concepts.append(concept)
    return Glossary(concepts)


def measure(browser: Any, glossary: Glossary, name: str, rounds: int) -> None:
    """Print the figures of one glossary's page."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "vnterms.html"
        path.write_bytes(render("html", glossary))
        size = path.stat().st_size
        loads, firsts, strokes = [], [], []
        for _ in range(rounds):
            browser.get("about:blank")
            browser.get(path.as_uri())
            loads.append(browser.execute_script(READY))
            firsts.append(browser.execute_script(KEYSTROKE, QUERIES[0]))
            while not browser.execute_script(PREPARED):  # the page's idle work is done
                time.sleep(0.05)
            for query in QUERIES:
                for end in range(1, len(query) + 1):
                    strokes.append(browser.execute_script(KEYSTROKE, query[:end]))
    python = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            glossary.search(query[:end], limit=21)
            python.append((time.perf_counter() - start) * 1000)
    strokes.sort()
    print(f"{name}: {len(glossary):,} concepts, {size / 1e6:.2f} MB")
    print(f"  first results {statistics.median(loads):.0f} ms after navigation; first query "
          f"just after load {statistics.median(firsts):.1f} ms")  # fmt: skip
    print(f"  keystroke (page): median {statistics.median(strokes):.1f} ms, p95 "
          f"{strokes[int(len(strokes) * 0.95)]:.1f} ms, max {strokes[-1]:.1f} ms "
          f"({len(strokes)} keystrokes)")  # fmt: skip
    print(f"  Python lookup, same prefixes: median {statistics.median(python):.2f} ms, max "
          f"{max(python):.2f} ms (page/Python at the median: "
          f"{statistics.median(strokes) / statistics.median(python):.0f}x)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="page loads per glossary")
    args = parser.parse_args()
    glossaries = {
        "empty (the browser's own time)": Glossary(),
        "shipped records": shipped_times(1000),
        "synthetic": synthetic_glossary(1000),
        "synthetic, large": synthetic_glossary(20000),
    }
    for glossary in glossaries.values():
        for query in QUERIES:  # the Python index and its typo table are built before timing
            glossary.search(query)
    with chromium("/usr/bin/chromium", "/usr/bin/chromedriver") as browser:
        for name, glossary in glossaries.items():
            measure(browser, glossary, name, args.rounds)


if __name__ == "__main__":
    main()
