"""Patterned concepts: names with slots ("Security Council resolution {number}", "{ordinal}
session of the {body}"), found in running text or matched as a query, with their Vietnamese
filled in from the concept's own Vietnamese template ("Nghị quyết {number} của {body}").

A concept is a pattern when it declares slots (``slot: NAME TYPE``, see glossary/README.md); its
terms hold them as ``{NAME}``. The types are ``model.SLOT_TYPES``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from vnterms.model import CATEGORIES, Concept, Term
from vnterms.normalize import compact

__all__ = [
    "PERIOD_WORDS",
    "Instance",
    "PatternSet",
    "SlotValue",
    "countries",
    "ordinal_number",
    "placeholders",
    "slot_problems",
    "without_slots",
]

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
          "eighteenth nineteenth").split()  # fmt: skip
_TENS = "twent thirt fort fift sixt sevent eight ninet".split()  # + "y-…" or "ieth"


def _ordinal_words() -> dict[str, int]:
    words = {word: n for n, word in enumerate(_UNITS, start=1)}
    words.update({word: n for n, word in enumerate(_TEENS, start=10)})
    for i, stem in enumerate(_TENS):
        tens = 20 + 10 * i
        words[stem + "ieth"] = tens
        words.update({f"{stem}y-{unit}": tens + n for n, unit in enumerate(_UNITS, start=1)})
    return words


ORDINAL_WORDS = _ordinal_words()
# Any word may stand where an ordinal does; ``ordinal_number`` then keeps the ordinals (a regex
# of the hundred words cost extraction a third of its speed).
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)|[A-Za-z]+(?:-[a-z]+)?"
# A run of capitalised words, with small words between them: a name the slot's table must know.
_NAME_RUN = (r"(?:[Tt]he[ ])?[A-Z0-9\u00c0-\u1ef9][\w-]*(?:[’']s)?"
             r"(?:[ ](?:(?:of|on|for|and|the|to|against|in|de)[ ])*"
             r"[A-Z0-9\u00c0-\u1ef9][\w-]*(?:[’']s)?)*")
# Words a topic ("on the right to education") never runs over: verbs of reporting, relatives.
_TOPIC_STOPS = ("said says say told stated noted urged called warned visited presented expressed "
                "welcomed stressed added affirmed has have had is was were are will would who "
                "which that whose during at on from with by since after before as while when "
                "and").split()  # fmt: skip
_TOPIC = rf"[\w-]+(?:[ ](?!(?:{'|'.join(_TOPIC_STOPS)})\b)[\w-]+){{0,8}}"
_SLOT_PATTERNS = {
    "number": r"\d{1,5}",
    "year": r"(?:19|20)\d\d",
    "ordinal": _ORDINAL,
    "symbol": r"(?:[AS]/RES/|[as]/res/)?\d{1,4}(?:/\d{1,4}){1,2}",  # 74/247, A/RES/71/4
    "target": r"\d{1,2}\.(?:\d{1,2}|[a-c])",
    "country": _NAME_RUN,
    "concept": _NAME_RUN,
    "topic": _TOPIC,
}
_CONNECTORS = frozenset("of on for and the to against in de".split())
# Words that, with a number after them, say which period of a body's work a text means ("Cycle 4",
# "Phase 2"): not part of the body's name.
PERIOD_WORDS = frozenset("Cycle Phase Round Stage Term".split())
# Categories whose names are written with and without "UN" / "United Nations" before them.
_NOT_UN = frozenset(["vn-body", "place", "regional-organization", "organization"])


def placeholders(text: str) -> list[str]:
    """The slot names a term holds, in order.

    >>> placeholders("{ordinal} session of the {body}")
    ['ordinal', 'body']
    """
    return _PLACEHOLDER.findall(text)


def without_slots(text: str) -> str:
    """A term's text with each slot as "X", for the checks of its words and spacing.

    >>> without_slots("Khóa họp thứ {ordinal} {body}")
    'Khóa họp thứ X X'
    """
    return _PLACEHOLDER.sub("X", text)


def ordinal_number(text: str) -> int | None:
    """The number an English ordinal stands for, else None.

    >>> ordinal_number("80th"), ordinal_number("Thirty-fifth"), ordinal_number("eighty")
    (80, 35, None)
    """
    if text[:1].isdigit():
        digits = text.rstrip("stndrh")
        return int(digits) if digits.isdigit() and digits != text else None
    return ORDINAL_WORDS.get(text.lower())


def _vietnamese_ordinal(number: int) -> str:
    """What follows "thứ" in Vietnamese: "thứ nhất", "thứ tư", else the digits ("thứ 80")."""
    return {1: "nhất", 4: "tư"}.get(number, str(number))


class Country(NamedTuple):
    vi: str
    checked: bool  # False where no Vietnamese official source was checked


@cache
def countries() -> dict[str, Country]:
    """The shipped country list (``countries.tsv``), keyed by ``compact`` of each English name."""
    table: dict[str, Country] = {}
    text = files("vnterms").joinpath("countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            names, vi, source = line.split("\t")
            for name in names.split("|"):
                table[compact(name)] = Country(vi, source != "uncertain")
    return table


def slot_problems(concept: Concept) -> Iterator[tuple[int | None, str]]:
    """What is wrong with a concept's slots: unknown categories, and terms whose slots differ
    from the declared ones (every term, in both languages, holds every slot once)."""
    for name, kind in concept.slots.items():
        _, _, categories = kind.partition(":")
        if kind.startswith("concept") and not categories:
            yield None, f"slot {name!r}: concept slots name their categories (concept:CATEGORY)"
        for category in filter(None, categories.split(",")):
            if category not in CATEGORIES:
                yield None, f"slot {name!r}: unknown category {category!r}"
    declared = sorted(concept.slots)
    for term in concept.terms:
        held = placeholders(term.text)
        if sorted(set(held)) != declared:
            has = ", ".join(held) or "none"
            yield term.line, (f"{term.lang} term {term.text!r} holds slots {has}; the concept "
                              f"declares {', '.join(declared) or 'none'}")  # fmt: skip


@dataclass(frozen=True)
class SlotValue:
    """What fills one slot of an instance: the English as written and its Vietnamese."""

    text: str
    vi: str
    draft: bool = False  # the Vietnamese is a guess or left in English
    concept: str | None = None  # the id of the concept a name slot holds


@dataclass(frozen=True)
class Instance:
    """One name made by a pattern ("resolution 2417 of the Security Council"): the patterned
    concept and term it fills, where it stands (``start``/``end``) and its slot values."""

    concept: Concept
    term: Term
    text: str
    start: int
    end: int
    slots: dict[str, SlotValue]

    @property
    def vi(self) -> str | None:
        """The Vietnamese: the concept's Vietnamese template with the slot values filled in."""
        template = self.concept.label("vi")
        if template is None:
            return None
        return _PLACEHOLDER.sub(lambda m: self._filled(m[1], template[: m.start()]), template)

    def _filled(self, slot: str, before: str) -> str:
        """A slot's Vietnamese; an ordinal's words ("nhất", "tư") only after "thứ", its digits
        elsewhere ("Chủ tịch Đại hội đồng … khóa 4", not "khóa tư")."""
        value = self.slots[slot]
        if self.concept.slots[slot] == "ordinal" and not before.endswith("thứ "):
            return str(ordinal_number(value.text) or value.vi)
        return value.vi

    @property
    def draft(self) -> bool:
        """Whether the Vietnamese needs checking: a draft concept or template, or a slot value
        left in English or not confirmed."""
        term = self.concept.preferred("vi")
        return (self.concept.is_draft or term is None or term.status == "draft"
                or any(value.draft for value in self.slots.values()))  # fmt: skip

    def describe(self) -> dict[str, object]:
        """The instance as plain data, for JSON."""
        return {
            "text": self.text,
            "vi": self.vi,
            "draft": self.draft,
            "slots": {
                name: {"text": value.text, "vi": value.vi, "concept": value.concept}
                for name, value in self.slots.items()
            },
        }


@dataclass
class _Pattern:
    concept: Concept
    term: Term
    ignore_case: bool
    # how far an instance may reach before and after its trigger (see ``_reach``)
    before: int = 0
    after: int = 0
    _regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: most patterns' triggers never turn up in a text."""
        if self._regex is None:
            self._regex = _compile(self.term.text, self.concept.slots,
                                   ignore_case=self.ignore_case)  # fmt: skip
        return self._regex


def _literal(text: str, *, ignore_case: bool, opening: bool = False) -> str:
    """The regex of a template's fixed words: "the" optional, a first letter in either case but
    a capital where a capitalised word opens the template (``opening``): "Working Group on …" is
    a name, "working group on …" is not."""
    parts = []
    words = re.split(r"(\s+)", text)
    skip_space = False
    for word in words:
        if not word:
            continue
        if word.isspace():
            if not skip_space:
                parts.append(r"\s+")
            skip_space = False
        elif word.lower() == "the" and not ignore_case:
            parts.append(r"(?:[Tt]he\s+)?")
            skip_space = True
        elif word.lower() == "the":
            parts.append(r"(?:the\s+)?")
            skip_space = True
        else:
            escaped = re.escape(word).replace("'", "[’']")
            either = not ignore_case and not (opening and not parts and word[0].isupper())
            if word[0].isalpha() and (word.islower() or word.istitle()) and either:
                escaped = f"[{word[0].upper()}{word[0].lower()}]" + escaped[1:]
            parts.append(escaped)
    return "".join(parts)


def _slots_regex(template: str, slots: dict[str, str], *, ignore_case: bool,
                 capture: bool = True) -> str:  # fmt: skip
    """The regex of a template, each slot a (named, if ``capture``) group of its type's regex."""
    parts = []
    at = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(_literal(template[at : match.start()], ignore_case=ignore_case,
                              opening=capture and at == 0))  # fmt: skip
        group = f"?P<{match[1]}>" if capture else "?:"
        parts.append(f"({group}{_SLOT_PATTERNS[slots[match[1]].split(':')[0]]})")
        at = match.end()
    parts.append(_literal(template[at:], ignore_case=ignore_case))
    return "".join(parts)


def _compile(template: str, slots: dict[str, str], *, ignore_case: bool) -> re.Pattern[str]:
    regex = _slots_regex(template, slots, ignore_case=ignore_case)
    return re.compile(r"(?<![\w/.-])" + regex + r"(?![\w-]|[/.]\d)",
                      re.IGNORECASE if ignore_case else 0)  # fmt: skip


# Slots written with digits: a trigger may hold them ("resolution 2417", not "resolution").
_DIGIT_SLOTS = frozenset(["number", "year", "symbol", "target"])
# What a trigger is cut from: the slots that open it (an ordinal may be any word, a trigger opens
# with fixed letters), spaces and an optional "the" at either end.
_TRIGGER_EDGES = re.compile(r"\A(?:\{\w+\}|\s+|[Tt]he\s)*|(?:\s+|\s[Tt]he)*\Z")


def trigger(template: str, slots: dict[str, str]) -> str | None:
    """The most telling piece of a template that every instance holds as written: the longest
    run of fixed words with the number or ordinal slots between or after them (name slots, which
    match any capitalised words, end a run), without the slots that open it and "the" at its
    ends. A line
    without it holds no instance; None when a template has no run of three letters.

    >>> trigger("{body}'s {ordinal} session", {"body": "concept:x", "ordinal": "ordinal"})
    "'s {ordinal} session"
    >>> trigger("{body} resolution {symbol}", {"body": "concept:x", "symbol": "symbol"})
    'resolution {symbol}'
    >>> trigger("{ordinal} Conference of the Parties to the {treaty}",
    ...         {"ordinal": "ordinal", "treaty": "concept:treaty"})
    'Conference of the Parties to'
    """
    runs = re.split(r"(\{\w+\})", template)
    pieces: list[str] = [""]
    for piece in runs:
        name = piece[1:-1] if _PLACEHOLDER.fullmatch(piece) else None
        kind = slots.get(name, "").split(":")[0] if name else ""
        if name is not None and kind not in _DIGIT_SLOTS and kind != "ordinal":
            pieces.append("")  # a name slot: the run ends
        else:
            pieces[-1] += piece
    best, score = None, 2
    for piece in pieces:
        piece = _TRIGGER_EDGES.sub("", piece)
        fixed = _PLACEHOLDER.sub("", piece).replace(" the ", " ")
        value = len(fixed.strip()) + 3 * len(_PLACEHOLDER.findall(piece))
        if value > score:
            best, score = piece, value
    return best


# Words in most lines of UN news: a trigger is looked for by another of its words if it has one.
_COMMON_WORDS = frozenset("international united nations sustainable development".split())


def _key_word(text: str) -> str:
    """The word a trigger is first looked for by: its longest fixed word but a common one, in
    lower case unless written in capitals ("COP" is in every "cooperation" in lower case); ""
    for none.

    >>> _key_word("'s {ordinal} session"), _key_word("COP{number}")
    ('session', 'COP')
    >>> _key_word("International Decade of")
    'decade'
    """
    words = re.findall(r"[A-Za-z]+", _PLACEHOLDER.sub(" ", text))
    telling = [word for word in words if word.lower() not in _COMMON_WORDS] or words
    longest = max(telling, key=len, default="")
    return longest if longest.isupper() else longest.lower()


# How far an instance may stand before and after its trigger: a body's or a treaty's name, a
# topic of nine words, else an ordinal or a number and "the". Only that stretch of a long line is
# searched for the whole pattern.
_NAME_REACH, _WORD_REACH = 250, 40


def _reach(template: str, trigger: str, slots: dict[str, str]) -> tuple[int, int]:
    """How far an instance of ``template`` reaches before and after its ``trigger``.

    >>> slots = {"ordinal": "ordinal", "body": "concept:x"}
    >>> _reach("{ordinal} session of the {body}", "session of", slots)
    (40, 250)
    """
    before, _, after = template.partition(trigger)

    def reach(text: str) -> int:
        kinds = {slots[name].split(":")[0] for name in placeholders(text)}
        return _NAME_REACH if kinds & {"country", "concept", "topic"} else _WORD_REACH

    return reach(before), reach(after)


@dataclass
class _Trigger:
    """A trigger shared by some patterns: its key word, then its regex, both looked for in
    the line as written when the word is in capitals ("COP"), else in the lower-cased line."""

    word: str
    regex: re.Pattern[str]
    as_written: bool
    patterns: list[_Pattern]

    def hits(self, line: str, lowered: str) -> list[tuple[int, int]]:
        """Where the trigger stands in ``line`` (``lowered``: the line in lower case)."""
        if self.as_written or len(lowered) == len(line):
            return [m.span() for m in self.regex.finditer(line if self.as_written else lowered)]
        # lower case made the line longer ("İ" is two characters): its places are not the line's
        return [m.span() for m in re.finditer(self.regex.pattern, line, re.IGNORECASE)]


def _trigger_of(pattern: _Pattern) -> _Trigger:
    """The trigger of ``pattern``, whose reach around it is set on the way."""
    slots = pattern.concept.slots
    found = trigger(pattern.term.text, slots) or ""
    word = _key_word(found)
    as_written = word.isupper() and not pattern.ignore_case
    pattern.before, pattern.after = _reach(pattern.term.text, found, slots)
    if not as_written:  # the fixed words in lower case, the slots as they are
        found = "".join(piece if _PLACEHOLDER.fullmatch(piece) else piece.lower()
                        for piece in re.split(r"(\{\w+\})", found))  # fmt: skip
    regex = _slots_regex(found, slots, ignore_case=not as_written, capture=False)
    return _Trigger(word if as_written else word.lower(), re.compile(regex), as_written,
                    [pattern])  # fmt: skip


class PatternSet:
    """The patterned concepts of a glossary, compiled once: ``find`` reads a line of text,
    ``match`` a whole query (case ignored). Name slots are checked against the glossary's
    names of their categories and the shipped country list."""

    def __init__(self, concepts: Iterable[Concept], *, ignore_case: bool = False) -> None:
        concepts = list(concepts)
        self._patterns: list[_Pattern] = []
        for concept in concepts:
            if not concept.is_pattern or slot_problem(concept):
                continue
            for term in concept.terms_in("en"):
                if term.status == "deprecated":
                    continue
                self._patterns.append(_Pattern(concept, term, ignore_case))
        self._concepts = [concept for concept in concepts if not concept.is_pattern]
        # patterns that share a trigger are looked for once (most lines of news hold none)
        # patterns that share a trigger are looked for once, and triggers by their longest word
        # (most lines of news hold none of the words)
        triggers: dict[str, _Trigger] = {}
        self._in_order: list[tuple[_Pattern, _Trigger]] = []  # for ``match``: the first fits
        for pattern in self._patterns:
            found = _trigger_of(pattern)
            shared = triggers.setdefault(found.regex.pattern, found)
            if shared is not found:
                shared.patterns.append(pattern)
            self._in_order.append((pattern, shared))
        self._by_word: dict[tuple[str, bool], list[_Trigger]] = {}
        for found in triggers.values():
            self._by_word.setdefault((found.word, found.as_written), []).append(found)
        self._names: dict[str, dict[str, Concept]] = {}  # per slot type: compact(term) → concept

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def find(self, line: str) -> list[Instance]:
        """The pattern instances in ``line``, left to right, none overlapping: the longest
        wins, then the earliest glossary entry."""
        lowered = line.lower()
        found: dict[tuple[int, int, int], Instance] = {}
        for (word, as_written), triggers in self._by_word.items():
            if word not in (line if as_written else lowered):
                continue
            for trigger in triggers:
                for hit in trigger.hits(line, lowered):
                    for pattern in trigger.patterns:
                        for instance in self._found(pattern, line, hit):
                            found.setdefault((instance.start, instance.end, id(pattern)),
                                             instance)  # fmt: skip
        if not found:
            return []
        ranked = sorted(found.values(), key=lambda i: (i.start - i.end, i.start))
        kept: list[Instance] = []
        for instance in ranked:
            if all(instance.end <= other.start or other.end <= instance.start for other in kept):
                kept.append(instance)
        return sorted(kept, key=lambda instance: instance.start)

    def _found(self, pattern: _Pattern, line: str, hit: tuple[int, int]) -> Iterator[Instance]:
        """The instances of ``pattern`` that hold the trigger found at ``hit`` (start, end)."""
        end = line.find(" ", min(len(line), hit[1] + pattern.after))
        for match in pattern.regex.finditer(line, max(0, hit[0] - pattern.before),
                                            len(line) if end < 0 else end):  # fmt: skip
            if match.start() > hit[0]:
                break  # the trigger stands before this match: the rest are past it too
            instance = self._instance(pattern, match, line)
            if instance is not None:
                yield instance

    def match(self, query: str) -> Instance | None:
        """The instance that ``query`` is, whole, if any (the first glossary entry it fits)."""
        if query[:4].lower() == "the ":
            query = query[4:]
        lowered = query.lower()
        for pattern, trigger in self._in_order:
            if not trigger.hits(query, lowered):
                continue
            match = pattern.regex.fullmatch(query)
            instance = match and self._instance(pattern, match, query)
            if instance and instance.start == 0 and instance.end == len(query):
                return instance
        return None

    def _instance(self, pattern: _Pattern, match: re.Match[str], line: str) -> Instance | None:
        start, end = match.span()
        slots = {}
        for name, kind in pattern.concept.slots.items():
            value_start, value_end = match.span(name)
            text = match[name]
            if kind.startswith(("concept", "country")):
                # a name slot at either end of the match may hold more words than the name
                found = self._name(kind, text, at_start=value_start == start,
                                   at_end=value_end == end)  # fmt: skip
                if found is None:
                    return None
                offset, length, value = found
                if value_start == start:  # "the" before a name that opens it is not its own
                    start = value_start + offset + (4 if value.text[:4].lower() == "the " else 0)
                if value_end == end:
                    end = value_start + offset + length
                slots[name] = value
            elif kind == "ordinal" and ordinal_number(text) is None:
                return None
            else:
                value_text = text
                if kind == "topic":
                    value_text = _trim_topic(text)
                    if value_end == end:
                        end = value_start + len(value_text)
                slots[name] = self._simple(kind, value_text)
        return Instance(pattern.concept, pattern.term, line[start:end], start, end, slots)

    def _simple(self, kind: str, text: str) -> SlotValue:
        if kind == "ordinal":
            return SlotValue(text, _vietnamese_ordinal(ordinal_number(text) or 0))
        if kind == "topic":
            known = self._table("topic").get(compact(text.removeprefix("the ")))
            vi = known.label("vi") if known else None
            return SlotValue(text, vi or text, vi is None, known.id if known else None)
        return SlotValue(text, text)

    def _name(self, kind: str, text: str, *, at_start: bool, at_end: bool
              ) -> tuple[int, int, SlotValue] | None:  # fmt: skip
        """The known name in ``text`` (its offset, length and value): the whole text, else the
        longest run of its last words (a slot that opens the match) or of its first words (one
        that ends it)."""
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        spans = [(0, len(words))]
        if at_start:
            spans += [(i, len(words)) for i in range(1, len(words))]
        if at_end:
            spans += [(0, j) for j in range(len(words) - 1, 0, -1)]
        for i, j in spans:
            if text[words[i][0] : words[j - 1][1]].split()[-1] in _CONNECTORS:
                continue
            if j < len(words) and re.search(r"[’']s ", text[: words[j - 1][1]]):
                continue  # "the Council's UPR [Working Group]": what is owned goes on
            offset, stop = words[i][0], words[j - 1][1]
            written = text[offset:stop]
            value = self._value(kind, written)
            if value is not None:
                return offset, stop - offset, value
        return None

    def _value(self, kind: str, written: str) -> SlotValue | None:
        name = written[4:] if written[:4].lower() == "the " else written
        if kind == "country":
            country = countries().get(compact(name))
            return None if country is None else SlotValue(written, country.vi, not country.checked)
        table = self._table(kind)
        concept = table.get(compact(name))
        owner, possessive, owned = name.replace("’", "'").partition("'s ")
        if concept is None and possessive:  # "UNESCO's General Conference": the one of UNESCO
            concept = table.get(compact(f"{owned} of {owner}")) or table.get(compact(owned))
        if concept is None:
            return None
        vi = concept.label("vi")
        return SlotValue(written, vi or written, vi is None or concept.is_draft, concept.id)

    def _table(self, kind: str) -> dict[str, Concept]:
        """The glossary's names of the categories a slot type names (every category for a
        topic), keyed by ``compact``, UN bodies also with "UN" or "United Nations" before."""
        table = self._names.get(kind)
        if table is not None:
            return table
        table = {}
        categories = set(kind.partition(":")[2].split(",")) if kind != "topic" else None
        for concept in self._concepts:
            if categories is not None and concept.category not in categories:
                continue
            for term in concept.terms_in("en"):
                if term.status == "deprecated":
                    continue
                key = compact(term.text)
                table.setdefault(key, concept)
                if concept.category not in _NOT_UN and not key.startswith("un"):
                    table.setdefault("un" + key, concept)
                    table.setdefault("unitednations" + key, concept)
        self._names[kind] = table
        return table


def slot_problem(concept: Concept) -> bool:
    """Whether a patterned concept's slots are wrong (``slot_problems``): it is not compiled."""
    return any(True for _ in slot_problems(concept))


# The small words a topic written in capitals keeps ("Rights of Persons with Disabilities").
_TITLE_SMALL_WORDS = _CONNECTORS | frozenset("with by from a an its their".split())


def _trim_topic(text: str) -> str:
    words = text.split()
    titled = next((w for w in words if w not in _CONNECTORS), "")[:1].isupper()
    for i in range(1, len(words)):
        word = words[i]
        if word in PERIOD_WORDS and words[i + 1 : i + 2] and words[i + 1].isdigit():
            del words[i:]  # "… Peacekeeping Operations [Cycle 4]": when, not what
            break
        if titled and word[0].islower() and word not in _TITLE_SMALL_WORDS:
            del words[i:]  # a topic in capitals ends at a word in lower case: "… Debris [met]"
            break
    while len(words) > 1 and words[-1] in _CONNECTORS:
        words.pop()
    return " ".join(words)
