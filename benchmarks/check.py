"""Terminology check speed and findings: ``vnterms.check.Checker`` on 100,000 synthetic segment
pairs built from the shipped glossary, side by side with Weblate's method ("Does not follow
glossary": an Aho-Corasick automaton over the lower-cased source, whole words, then for each term
found a case-insensitive whole-word regex per translation in the target; "forbidden" rows for
deprecated translations), in one run on the same segments.

Run by hand: ``pip install -e ".[bench]"; python benchmarks/check.py [SEGMENTS]``.
"""

from __future__ import annotations

import gc
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator

import ahocorasick

from vnterms import Glossary
from vnterms.check import Checker
from vnterms.formats.segments import Segment
from vnterms.model import Concept, Term
from vnterms.normalize import canonical, fold, has_diacritics

EN_FRAMES = [
    "The {} met in New York on Monday to discuss the budget for next year.",
    "Delegates welcomed the report of the {} and called for more funding.",
    "Viet Nam will continue to work closely with the {} in the coming years.",
    "On Tuesday the {} adopted its programme of work without a vote.",
]
VI_FRAMES = [
    "{} đã họp tại New York hôm thứ Hai để thảo luận ngân sách năm tới.",
    "Các đại biểu hoan nghênh báo cáo của {} và kêu gọi thêm kinh phí.",
    "Việt Nam sẽ tiếp tục phối hợp chặt chẽ với {} trong những năm tới.",
    "Hôm thứ Ba, {} đã thông qua chương trình làm việc mà không cần biểu quyết.",
]
PLAIN = ("Delegates discussed the budget at length.", "Các đại biểu thảo luận kỹ về ngân sách.")
# What a segment holds, and how often: the first is right, the others are errors or variants.
KINDS = {
    "right": 55, "abbreviation in the source": 10, "other tone style": 5, "no name": 10,
    "wrong body": 8, "diacritics stripped": 5, "deprecated": 4, "another admitted rendering": 3,
}  # fmt: skip
ERRORS = ("wrong body", "diacritics stripped", "deprecated", "another admitted rendering")


def _usable(glossary: Glossary) -> list[tuple[Concept, list[Term], list[Term]]]:
    """Concepts with an English name of several words and an accepted Vietnamese rendering."""
    usable = []
    for concept in glossary:
        english = [t for t in concept.terms_in("en") if t.status in ("preferred", "admitted")
                   and " " in t.text and not concept.is_draft]  # fmt: skip
        vietnamese = [t for t in concept.terms_in("vi") if t.status == "preferred"] + [
            t for t in concept.terms_in("vi") if t.status == "admitted"]  # preferred first
        if english and vietnamese:
            usable.append((concept, english, vietnamese))
    return usable


def segments(glossary: Glossary, count: int, seed: int = 11) -> Iterator[tuple[str, Segment]]:
    """``count`` (kind, segment) pairs, kinds drawn with the weights of ``KINDS``."""
    rng = random.Random(seed)
    usable = _usable(glossary)
    with_style = [u for u in usable if canonical(u[2][0].text, style="new") != u[2][0].text]
    marked = [u for u in usable if has_diacritics(u[2][0].text)]
    # a second rendering neither holding the first nor held by it: another way of saying it
    other_way = [(u, t) for u in usable for t in u[2][1:] if t.kind != "abbreviation"
                 and fold(t.text) not in fold(u[2][0].text)]  # fmt: skip
    deprecated = [(u, d) for u in usable for d in u[0].terms_in("vi") if d.status == "deprecated"]
    kinds = rng.choices(list(KINDS), weights=list(KINDS.values()), k=count)
    for line, kind in enumerate(kinds, 1):
        frame = rng.randrange(len(EN_FRAMES))
        pool = {"other tone style": with_style, "diacritics stripped": marked}.get(kind, usable)
        concept, english, vietnamese = rng.choice(pool)
        # each name rendered one way throughout (its preferred term), as a careful file does
        source, target = rng.choice(english).text, vietnamese[0].text
        if kind == "no name":
            yield kind, Segment(*PLAIN, "en", line)
            continue
        if kind == "abbreviation in the source":
            source = next((a for a in concept.abbreviations("en")), source)
        elif kind == "other tone style":
            target = canonical(target, style="new")
        elif kind == "wrong body":
            target = rng.choice([u for u in usable if u[0] is not concept])[2][0].text
        elif kind == "diacritics stripped":
            target = " ".join(fold(word).capitalize() if word[0].isupper() else fold(word)
                              for word in target.split())  # fmt: skip
        elif kind == "another admitted rendering":
            (concept, english, _), term = rng.choice(other_way)
            source, target = english[0].text, term.text
        elif kind == "deprecated" and deprecated:
            (concept, english, _), term = rng.choice(deprecated)
            source, target = english[0].text, term.text
        yield kind, Segment(EN_FRAMES[frame].format(source), VI_FRAMES[frame].format(target),
                            "en", line)  # fmt: skip


class WeblateGlossaryCheck:
    """Weblate's "Does not follow glossary" (weblate/checks/glossary.py) over this glossary:
    one row per English term and Vietnamese translation; deprecated translations are
    "forbidden" rows."""

    def __init__(self, glossary: Glossary) -> None:
        self.rows: dict[str, list[tuple[str, bool]]] = {}
        for concept in glossary:
            if concept.is_draft:
                continue
            for term in concept.terms_in("en"):
                if term.status == "deprecated":
                    continue
                rows = self.rows.setdefault(term.text.lower(), [])
                rows += [(t.text, t.status == "deprecated") for t in concept.terms_in("vi")
                         if t.status != "draft"]  # fmt: skip
        self.automaton = ahocorasick.Automaton()
        for key in self.rows:
            self.automaton.add_word(key, key)
        self.automaton.make_automaton()
        self.patterns: dict[str, re.Pattern[str]] = {}

    def terms(self, source: str) -> list[str]:
        """The glossary terms in ``source``: every whole-word hit, overlapping ones too."""
        lowered = source.lower()
        found = []
        for end, key in self.automaton.iter(lowered):
            start = end - len(key) + 1
            before = lowered[start - 1] if start else " "
            after = lowered[end + 1] if end + 1 < len(lowered) else " "
            if not before.isalnum() and not after.isalnum():
                found.append(key)
        return found

    def _search(self, text: str, target: str) -> bool:
        pattern = self.patterns.get(text)
        if pattern is None:
            pattern = self.patterns[text] = re.compile(rf"\b{re.escape(text)}\b", re.IGNORECASE)
        return pattern.search(target) is not None

    def check(self, source: str, target: str) -> set[str]:
        """The source terms not followed: forbidden translation used, or none of the others."""
        forbidden, mismatched, matched = set(), set(), set()
        for key in self.terms(source):
            for text, is_forbidden in self.rows[key]:
                if is_forbidden:
                    if self._search(text, target):
                        forbidden.add(key)
                elif key not in matched:
                    if self._search(text, target):
                        matched.add(key)
                        mismatched.discard(key)
                    else:
                        mismatched.add(key)
        return forbidden | mismatched


def _timed(checker: Checker, weblate: WeblateGlossaryCheck, pairs: list[Segment],
           rounds: int = 3) -> tuple[float, float]:  # fmt: skip
    """CPU seconds of each method over ``pairs``, the best of ``rounds``, the two run in turns
    on chunks of 1,000 segments so that a busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        spent = [0.0, 0.0]
        for at in range(0, len(pairs), 1_000):
            chunk = pairs[at : at + 1_000]
            start = time.process_time()
            for _problem in checker.check(chunk, "bench"):
                pass
            middle = time.process_time()
            for segment in chunk:
                weblate.check(segment.source, segment.target)
            spent[0] += middle - start
            spent[1] += time.process_time() - middle
        best = [min(b, s) for b, s in zip(best, spent, strict=True)]
    return best[0], best[1]


def _distinct(pairs: list[Segment]) -> list[Segment]:
    """The same segments, each made a text of its own by a lower-case reference code (no name,
    no capital, no digit): no cache of texts can help on them."""
    def code(line: int) -> str:
        letters = ""
        while line:
            line, digit = divmod(line, 26)
            letters += chr(97 + digit)
        return letters

    return [s._replace(source=f"{s.source} (ref. {code(s.line)})",
                       target=f"{s.target} (mã {code(s.line)})") for s in pairs]  # fmt: skip


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    glossary = Glossary.load()
    data = list(segments(glossary, count))
    kinds = [kind for kind, _ in data]
    pairs = [segment for _, segment in data]

    start = time.perf_counter()
    checker = Checker(glossary)
    checker.names("warm up", "en")  # build the matchers before timing
    built = time.perf_counter() - start
    weblate = WeblateGlossaryCheck(glossary)
    flagged = {p.line for p in checker.check(pairs, "bench") if p.rule != "tone-style"}
    theirs_flagged = {s.line for s in pairs if weblate.check(s.source, s.target)}
    distinct = _distinct(pairs)
    gc.freeze()  # the segments and the glossary stay: the collector need not walk them
    ours, theirs = _timed(checker, weblate, pairs)
    ours_distinct, theirs_distinct = _timed(checker, weblate, distinct)

    terms = sum(len(c.terms) for c in glossary)
    print(f"{count:,} segment pairs ({len({s.source for s in pairs}):,} distinct source texts), "
          f"{len(glossary)} concepts ({terms:,} terms); checker built in {built:.2f} s")
    for label, mine, other in (("as generated", ours, theirs),
                               ("each text distinct", ours_distinct, theirs_distinct)):
        per_ours, per_theirs = mine / count * 1e6, other / count * 1e6
        print(f"{label:20} vnterms check {per_ours:6.1f} µs per segment, Weblate's method "
              f"{per_theirs:6.1f} µs (CPU time, best of 3): vnterms takes "
              f"{per_ours / per_theirs:.2f}× its time")
    total = Counter(kinds)
    print(f"\n{'segments':28} {'count':>7} {'vnterms flags':>14} {'Weblate flags':>14}")
    for kind in KINDS:
        lines = [n for n, k in enumerate(kinds, 1) if k == kind]
        mine = sum(n in flagged for n in lines)
        other = sum(n in theirs_flagged for n in lines)
        note = "  (errors)" if kind in ERRORS else ""
        print(f"{kind:28} {total[kind]:7,} {mine:14,} {other:14,}{note}")
    right = [s for kind, s in data if kind == "right"][:2000]
    nfd = [s._replace(target=unicodedata.normalize("NFD", s.target)) for s in right]
    print(f"\n{len(nfd):,} right renderings typed decomposed (NFD): vnterms flags "
          f"{len({p.line for p in checker.check(nfd, 'nfd')})}, Weblate flags "
          f"{sum(bool(weblate.check(s.source, s.target)) for s in nfd)}")  # fmt: skip


if __name__ == "__main__":
    main()
