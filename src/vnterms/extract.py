"""Finding the names of UN bodies, treaties, conferences and posts in English text.

``find_names`` yields every name in a text: the glossary's terms (diacritic-aware, acronyms in
their own case, longest match first) and new names built on institutional head nouns, with names
nested inside them. ``extract`` clusters what was found into ``Candidate``s, one per concept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, NamedTuple

from vnterms.draft import draft_vietnamese
from vnterms.lookup import STOPWORDS, strip_optional
from vnterms.lowercase import LowercaseNames
from vnterms.model import Concept, Glossary, Occurrence, Term
from vnterms.normalize import TokenKeys, compact, fold, nfc
from vnterms.patterns import ORDINAL_WORDS, PERIOD_WORDS, Instance, PatternSet, countries

__all__ = [
    "MAX_OCCURRENCES",
    "MAX_SUGGESTIONS",
    "MAX_VARIANTS",
    "Candidate",
    "Name",
    "Span",
    "Suggestion",
    "TermMatcher",
    "Texts",
    "describe_candidate",
    "draft_concepts",
    "extract",
    "find_names",
]

# Nouns that head the names of institutions, instruments and meetings.
HEAD_NOUNS = frozenset(
    """
    Agency Agenda Agreement Assembly Association Authority Bank Board Centre Center Charter
    Commission Committee Compact Conference Congress Convention Council Court Covenant Declaration
    Debate Delegation Department Dialogue Forum Framework Fund Goal Goals Group Initiative
    Institute Meeting Ministry Mission Office Organisation Organization Pact Panel Programme
    Plan Program Protocol Resolution Secretariat Statute Summit Treaty Tribunal Union Workshop
    """.split()
)
# Small words that may stand inside a name, between capitalised words.
CONNECTORS = frozenset("of on for and against to beyond the".split())
# Capitalised words that are not part of a name: dates end a name ("… on October 25").
MONTHS = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()
)
# Titles that open the name of a post: "Director of the IAEA Department of Safeguards",
# "Secretary-General of the Vietnam National Commission for UNESCO".
POST_TITLES = frozenset(
    "Director Director-General Secretary-General Chief Representative Coordinator".split()
)
# Titles before "of …": the post is named in the glossary or not at all; the body after it is
# the name ("Chair of the 35th Meeting of States Parties …").
ROLE_WORDS = frozenset(
    "Ambassador Chair Chairman Chairperson Head Judge President President-designate Vice "
    "Vice-Chair Vice-President Member".split()
)
# Words before a role that belong to it: "Deputy Head of the Vietnamese Mission".
ROLE_PREFIXES = frozenset("Deputy Acting".split())
# A minister's post names no body, only its field ("Minister of Natural Resources and
# Environment"): a run that opens with it needs no head noun.
MINISTER = "Minister"
MINISTER_PREFIXES = frozenset("Deputy Assistant Vice".split())
# The last words of a minister's field: the post ends at the last of them, and a person's
# name may follow ("Minister of Public Security To Lam").
MINISTER_FIELDS = frozenset(
    """
    Affairs Agriculture Communications Construction Culture Defence Defense Development Economy
    Education Energy Environment Finance Health Industry Information Investment Justice Labour
    Planning Resources Security Science Sports Technology Tourism Trade Training Transport
    """.split()
)
# Family names of Vietnamese people: a run of capitalised words that goes on to one of them
# with no small word between has reached a person ("… Government Office Trần Văn Sơn").
VN_SURNAMES = frozenset(
    """
    Nguyễn Nguyen Trần Tran Lê Le Phạm Pham Hoàng Hoang Huỳnh Huynh Phan Vũ Vu Võ Vo Đặng Dang
    Bùi Bui Đỗ Do Hồ Ho Ngô Ngo Dương Duong Lý Ly Đào Dao Đinh Dinh Trương Truong Lưu Luu
    """.split()
)
# Capitalised words that open sentences or captions without belonging to the name after them.
SENTENCE_WORDS = frozenset(
    """
    A After Against Also Among Amid An And Another As At Becoming Besides But By Choosing Could
    During Experts First For From Hosting However In It Its Moreover Most Nevertheless On Our Over
    Second Since Some Thanks That The These This Third Through To Under When Whereas While With
    """.split()
)
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)\Z")
_YEAR = re.compile(r"(19|20)\d\d\Z")
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:[-‐‑](?:[^\W_]|[\u0300-\u036f])+)*")
# The same without combining marks, which NFC text seldom keeps: twice as fast.
_PLAIN_TOKEN = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_SENTENCE_MARKS = frozenset('.!?:;—–"“”(')
VN_WORDS = frozenset("viet vietnam vietnamese party".split())
NOT_UN_CATEGORIES = frozenset(["vn-body", "place", "regional-organization", "organization"])


class Token(NamedTuple):
    """A word of a line (a tuple: millions are made on a long text)."""

    text: str
    start: int
    end: int
    key: str  # compact(text): what matching compares


@dataclass(frozen=True)
class Name:
    """A name found in a line: its text, where it stands, and the glossary entry it is, if any."""

    text: str
    line: int
    column: int  # 1-based, in the NFC form of the line
    concept: Concept | None = None
    term: Term | None = None
    nested: bool = False
    stands_for: str | None = None  # the full name, when the text defines this one as its alias
    instance: Instance | None = None  # the slots and Vietnamese of a patterned concept's name
    # a year or an ordinal just before the name, not part of it: "[2026] Review Conference …"
    qualifier: str | None = None


# British and American spellings of a word of a name meet: "… Cultural Organisation" is the
# glossary's "… Cultural Organization".
_SPELLINGS = {"organisation": "organization", "organisations": "organizations",
              "defence": "defense", "centre": "center", "centres": "centers",
              "labour": "labor", "programme": "program", "programmes": "programs"}  # fmt: skip


def _word_key(word: str) -> str:
    key = compact(word)
    return _SPELLINGS.get(key, key)


# The key of each word, remembered: news text uses the same words again and again.
_KEYS = TokenKeys(_word_key)


def _key(text: str) -> str:
    """What matching compares: ``compact`` of the words, one spelling of each."""
    keys = _KEYS
    return "".join(keys[word] for word in _TOKEN.findall(text))


# Titles written short in headlines: "Deputy PM" is the Deputy Prime Minister.
_SHORT_TITLES = {"primeminister": "pm", "foreignminister": "fm"}
_SHORT_FORMS = frozenset(short.upper() for short in _SHORT_TITLES.values())
_AFTER_NUMBER = re.compile(r"\d\s*\Z")


def _tokens(line: str) -> list[Token]:
    keys, make = _KEYS, tuple.__new__  # tuple.__new__ skips Token's own, slower, constructor
    words = _TOKEN if _COMBINING.search(line) else _PLAIN_TOKEN
    return [make(Token, (t := m[0], m.start(), m.end(), keys[t])) for m in words.finditer(line)]


# Where a word that starts with anything but a-z begins (a capital, a digit): only runs of words
# from one of these can hold a name, so the rest of a line need not be tokenised at all.
_SEED = re.compile(
    r"(?<![^\W_])(?<![\u0300-\u036f])(?<![^\W_][-‐‑])(?<![\u0300-\u036f][-‐‑])[^\W_a-z]"
)
# The next word, with nothing but spaces and apostrophes before it (else a name stops there).
_NEXT = re.compile(rf"[ ’']*({_TOKEN.pattern})")
_NEXT_PLAIN = re.compile(rf"[ ’']*({_PLAIN_TOKEN.pattern})")


def _name_tokens(line: str, matcher: TermMatcher) -> list[Token]:
    """The words of ``line`` that can be in a name: runs that start with a capital or a digit and
    go on over capitalised words and words that can stand inside a name. A word left out always
    has text between it and a kept one, so the gap checks stop where they would have stopped."""
    if matcher.lowercase_abbreviations:
        return _tokens(line)
    keys, make, continues = _KEYS, tuple.__new__, matcher.continues
    words, following = (_TOKEN, _NEXT) if _COMBINING.search(line) else (_PLAIN_TOKEN, _NEXT_PLAIN)
    tokens: list[Token] = []
    end = -1
    for seed in _SEED.finditer(line):
        at = seed.start()
        if at < end:
            continue
        m = words.match(line, at)
        if m is None:
            continue
        text = m[0]
        while True:
            end = m.end()
            tokens.append(make(Token, (text, end - len(text), end, keys[text])))
            m = following.match(line, end)
            if m is None:
                break
            text = m[1]
            first = text[0]
            if not (first.isupper() or first.isdigit()):
                go_on = continues.get(text)
                if go_on is None:
                    go_on = continues[text] = matcher.may_continue(text)
                if not go_on:
                    break
    return tokens


class TermMatcher:
    """Every term of a glossary, keyed for matching runs of tokens (longest first)."""

    def __init__(self, glossary: Iterable[Concept]) -> None:
        glossary = list(glossary)
        self.patterns = PatternSet(glossary)
        self.lowercase = LowercaseNames(c for c in glossary if not c.is_pattern)
        self.names: dict[str, tuple[Concept, Term]] = {}
        self.abbreviations: dict[str, tuple[Concept, Term]] = {}
        self.comma_keys: set[str] = set()  # beginnings of keys that a comma ends in a term
        # beginnings of a ministry's field that a comma ends: "Labour, Invalids and Social Affairs"
        self.field_commas: set[str] = set()
        # names keyed without their small words, which the press changes
        self.loose: dict[str, tuple[Concept, Term]] = {}
        self.tails: set[str] = set()  # the ends of names, from a capitalised word on
        self.words: set[str] = set()  # the capitalised words of English names ("Paris")
        for concept in glossary:
            if concept.is_pattern:
                continue  # found by ``patterns``, not as a fixed name
            for term in concept.terms:
                if term.status == "deprecated":
                    continue
                if concept.category == "post" and " " not in term.text and "-" not in term.text:
                    continue  # a bare role word (Ambassador, Chair) is not a name in running text
                if term.is_abbreviation and " " not in term.text:
                    self.abbreviations.setdefault(term.text, (concept, term))
                elif term.lang == "en" or fold(term.text) != compact(term.text):
                    # multi-word abbreviations too ("SDG 16", "NPT RevCon"), matched word by word
                    self._add_name(concept, term)
        for key, (concept, term) in list(self.names.items()):
            # "UN Security Council", "United Nations Human Rights Council": the UN's own bodies,
            # instruments and posts are written with and without the UN's name before them
            if concept.category not in NOT_UN_CATEGORIES and not key.startswith("un"):
                for prefix in ("un", "unitednations"):
                    self.names.setdefault(prefix + key, (concept, term))
            elif key.startswith("unitednations") and len(key) > len("unitednations"):
                # "UN Regional Centre for …": a name that opens with the UN's, written short
                self.names.setdefault("un" + key.removeprefix("unitednations"), (concept, term))
        self.comma_keys |= {prefix + key for key in self.comma_keys
                            for prefix in ("un", "unitednations")}  # fmt: skip
        self.prefixes = {key[:i] for key in self.names for i in range(1, len(key) + 1)}
        self.lowercase_abbreviations = any(not a[0].isupper() and not a[0].isdigit()
                                           for a in self.abbreviations)  # fmt: skip
        self.continues: dict[str, bool] = {}  # may_continue, remembered per word
        self._joined = "\n".join(self.names)
        self._foreign: dict[str, bool] = {}  # is_foreign, remembered per word
        self._lower: dict[str, frozenset[str]] = {}  # a term's words in lower case

    def _add_name(self, concept: Concept, term: Term) -> None:
        text = term.text
        words = _TOKEN.findall(text)
        keys = [_KEYS[word] for word in words]
        key = "".join(keys)
        self.names.setdefault(key, (concept, term))
        for long, short in _SHORT_TITLES.items():
            if long in key and concept.category in ("post", "vn-body"):
                self.names.setdefault(key.replace(long, short), (concept, term))
        if "," in text:  # "United Nations Educational, Scientific and …": a comma inside
            self.comma_keys.update(_key(text[:at]) for at, c in enumerate(text) if c == ",")
            if text.startswith(_MINISTRY_OF):  # its minister's field goes on over the comma too
                field = text[len(_MINISTRY_OF) :]
                self.field_commas.update(_key(field[:at]) for at, c in enumerate(field) if c == ",")
        if term.lang == "en" and not text[:1].islower():
            self.words.update(word for word in words if word[:1].isupper())
            if not CONNECTORS.isdisjoint(words):
                # the small words of a name swapped: "2030 Agenda on Sustainable Development"
                self.loose.setdefault(_loose_key(words), (concept, term))
            for i in range(1, len(words) - 1):  # "Executive Board" of "UNESCO Executive Board"
                word = words[i]
                if word[:1].isupper() and not word.isupper() and words[i - 1] not in CONNECTORS:
                    self.tails.add("".join(keys[i:]))

    def is_foreign(self, word: str) -> bool:
        """Whether ``word`` names a country other than Viet Nam or is its adjective ("Japanese"):
        a new name that opens with it is another country's body, not a name vnterms keeps."""
        foreign = self._foreign.get(word)
        if foreign is None:
            key = compact(word)
            foreign = key not in VN_WORDS and any(
                key[:length] in starts for length, starts in _country_starts().items())
            self._foreign[word] = foreign
        return foreign

    def may_continue(self, word: str) -> bool:
        """Whether a lower-case word can stand inside a name: a connector or a piece of a key."""
        return word in CONNECTORS or compact(word) in self._joined

    def match_at(self, tokens: list[Token], i: int, line: str) -> tuple[int, Concept, Term] | None:
        """The longest glossary term starting at token ``i``: (end token index, concept, term)."""
        best = None
        if tokens[i].text in self.abbreviations:
            best = (i + 1, *self.abbreviations[tokens[i].text])
        key = ""
        for j in range(i, len(tokens)):
            if j > i:
                gap = line[tokens[j - 1].end : tokens[j].start]
                if gap != " " and gap.strip(" ’'") and (
                    gap.strip() != "," or key not in self.comma_keys
                ):
                    break  # punctuation between the words: the name cannot go on
            key += tokens[j].key
            if key not in self.prefixes:
                break
            if (key in self.names and (tokens[i].text[0].isupper() or tokens[i].text[0].isdigit())
                    and (not tokens[j].text[0].islower()
                         or self._cased(tokens, i, j, self.names[key][1]))):  # fmt: skip
                best = (j + 1, *self.names[key])
        return best

    def _cased(self, tokens: list[Token], i: int, j: int, term: Term) -> bool:
        """Whether the words of ``tokens[i : j + 1]`` in lower case are so in ``term`` too: "Paris
        Agreement on climate change" is the "Paris Agreement" and lower-case words after it, not
        the glossary's "Paris Agreement on Climate Change"."""
        lower = self._lower.get(term.text)
        if lower is None:
            lower = self._lower[term.text] = frozenset(
                word for word in _TOKEN.findall(term.text) if word[0].islower())
        return all(t.text in lower or t.text in CONNECTORS
                   for t in tokens[i : j + 1] if t.text[0].islower())  # fmt: skip

    def owner(self, tokens: list[Token], start: int, end: int, line: str
              ) -> tuple[int, Concept, Term] | None:  # fmt: skip
        """Where a name found over ``tokens[start:end]`` is an owner's name and a possessive
        ("United Nations' Human Rights Council", "UN's Charter"): the end of the owner's name and
        its concept and term. What follows is the owned name, "X of the UN"."""
        between = line[tokens[start].end : tokens[end - 1].start]
        if "'" not in between and "’" not in between:
            return None  # most names: no apostrophe at all
        key = ""
        for j in range(start, end - 1):
            key += tokens[j].key
            gap = line[tokens[j].end : tokens[j + 1].start]
            if key in self.names and gap[:1] in ("'", "’") and gap[1:2] == " ":
                return (j + 1, *self.names[key])
        return None

    def spans(self, line: str) -> list[Span]:
        """The glossary names of ``line`` alone (no new names, no definitions), longest first,
        each with its place in ``line``: what a terminology check needs of a segment."""
        tokens = _name_tokens(line, self)
        found: list[Span] = []
        after = 0
        for i, token in enumerate(tokens):
            first = token.text[0]
            if i < after or not (first.isupper() or first.isdigit()
                                 or token.text in self.abbreviations):  # fmt: skip
                continue
            match = self.match_at(tokens, i, line)
            if match and not _is_bare_role(tokens[i : match[0]], match[1]):
                found.append(Span(token.start, tokens[match[0] - 1].end, match[1], match[2]))
                after = match[0]
        return found


def _loose_key(words: Iterable[str]) -> str:
    return "".join(_KEYS[word] for word in words if word not in CONNECTORS)


@cache
def _country_starts() -> dict[int, frozenset[str]]:
    """How a word naming a country (not Viet Nam) or its people starts, by length: all of the
    country's name but its last two letters, and four at least ("Japan" -> "japa", "Japanese")."""
    starts: dict[int, set[str]] = {}
    for country in countries():
        if country not in ("vietnam", "vietnamese") and len(country) >= 4:
            length = max(4, len(country) - 2)
            starts.setdefault(length, set()).add(country[:length])
    return {length: frozenset(found) for length, found in starts.items()}


class Span(NamedTuple):
    """A glossary name in a line: where it starts and ends, its concept and the term it is."""

    start: int
    end: int
    concept: Concept
    term: Term


def find_names(text: str, glossary: Glossary, *, matcher: TermMatcher | None = None
               ) -> Iterator[Name]:  # fmt: skip
    """Every name in ``text``, line by line: glossary terms, new names, names nested in them, and
    the acronyms and aliases the text itself defines ("… Law of the Sea (UNCLOS)"), wherever they
    stand in it, before the definition too."""
    matcher = matcher or TermMatcher(glossary)
    lines = [nfc(raw) for raw in text.splitlines()]
    found = [_line_names(line, lineno, matcher) for lineno, line in enumerate(lines, 1)]
    definitions = _Definitions()
    for line, names in zip(lines, found, strict=True):
        definitions.read(line, names)
    for lineno, (line, names) in enumerate(zip(lines, found, strict=True), start=1):
        for name in names:
            target = definitions.alias_of(name)
            if target is not None:
                name = replace(name, concept=target.concept, stands_for=target.text)
            yield name
        for column, forms in _acronym_words(line, names):
            form = definitions.acronym_among(forms)
            if form is not None:
                target = definitions.acronyms[form]
                yield Name(form, lineno, column + 1, target.concept, None, stands_for=target.text)
            elif (form := _lone_acronym(line, column, forms, matcher)) is not None:
                yield Name(form, lineno, column + 1)


# "NAME (ACRONYM)", "NAME (the “Alias”)", "NAME, also known as the Alias": a definition.
_DEFINED = re.compile(
    r"\s*(?:\(\s*|,?\s+(?:also\s+)?(?:known as|called|dubbed)\s+)(?:the\s+)?[\"“]?"
)
_ACRONYM_FORM = r"[A-Z][A-Za-z]*[A-Z](?:-?\d+)?"  # NPT, UNCLOS, SPLOS-34, RevCon
# An acronym may keep a word of the name whole: "ASEAN Defence Ministers’ Meeting Plus (ADMM Plus)".
_DEFINED_ACRONYM = re.compile(rf"({_ACRONYM_FORM}(?: [A-Z][a-z]+)?)[\"”]?(?:\s*\)|[\s,.;]|\Z)")
# A word an acronym may be read from: its letters, and a number joined to them ("SPLOS-34").
_ACRONYM_WORD = re.compile(r"(?<![^\W_])([A-Z][A-Za-z]*[A-Z])(-?\d+(?![^\W_]))?")
_KEPT_WORD = re.compile(r" ([A-Z][a-z]+)(?![^\W_])")
# An acronym of capitals alone in running text, not in brackets, a symbol or a longer name.
_LONE_ACRONYM = re.compile(r"[A-Z]{3,}\Z")
# A line that opens with its source: "VGP - …", "VOV.VN - …".
_BYLINE = re.compile(r"\(?([A-Z]{2,}(?:\.[A-Z]{2,})*)\)? [-–—] ?")
_WORD_CHARACTER = re.compile(r"[^\W_]")


class _Definitions:
    """What a text defines: acronyms (text → the full name) and aliases (a new name's cluster
    key → the name it is another name for, a glossary one if either side is known).

    Only a name of several words is defined, and an acronym only when its letters stand in the
    name in order (NPT, ITLOS and BBNJ are not plain initials; "SPLOS-34" is no acronym of a
    "UNCLOS" before it).
    """

    def __init__(self) -> None:
        self.acronyms: dict[str, Name] = {}
        self.aliases: dict[str, Name] = {}

    def read(self, line: str, names: list[Name]) -> None:
        """Note the definitions ``line`` makes (``names``: the names found in it)."""
        ends: dict[int, list[Name]] = {}
        for name in names:
            if len(name.text.split()) > 1:
                ends.setdefault(name.column - 1 + len(name.text), []).append(name)
        for end, defined_by in ends.items():
            match = _DEFINED.match(line, end)
            if match is None:
                continue
            acronym = _DEFINED_ACRONYM.match(line, match.end())
            if acronym:
                # the innermost name the letters fit: "… Conference of the [Treaty …] (NPT)"
                form, _, kept = acronym[1].partition(" ")
                fitting = [n for n in defined_by if _letters_in_order(form, n.text)]
                if fitting:
                    target = min(fitting, key=lambda n: len(n.text))
                    if kept and target.text.endswith(" " + kept):
                        form = acronym[1]
                    self.acronyms.setdefault(form, target)
                continue
            alias = next((n for n in names if n.column - 1 == match.end() and not n.nested), None)
            target = max(defined_by, key=lambda n: len(n.text))
            if alias is None or (alias.concept is not None and target.concept is not None):
                continue  # nothing said, or two names the glossary knows already
            if alias.concept is None:
                self.aliases.setdefault(_cluster_key(alias.text), target)
            else:
                self.aliases.setdefault(_cluster_key(target.text), alias)

    def alias_of(self, name: Name) -> Name | None:
        """The name a new name stands for, wherever it is written, before or after the
        definition."""
        return None if name.concept is not None else self.aliases.get(_cluster_key(name.text))

    def acronym_among(self, forms: tuple[str, ...]) -> str | None:
        """The form of an acronym word that the text defined (the earlier defined, if both)."""
        defined = [form for form in forms if form in self.acronyms]
        if len(defined) > 1:
            order = list(self.acronyms)
            defined.sort(key=order.index)
        return defined[0] if defined else None


def _acronym_words(line: str, names: list[Name]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Where a word that may be a defined acronym stands outside the names found in ``line``: its
    0-based column, and the forms it may be read as ("SPLOS-34" is "SPLOS" too)."""
    taken = [(n.column - 1, n.column - 1 + len(n.text)) for n in names]
    for match in _ACRONYM_WORD.finditer(line):
        letters, number = match[1], match[2]
        alone = not _WORD_CHARACTER.match(line, match.end(1))
        forms = ((letters,) if alone else ()) + ((letters + number,) if number else ())
        kept = _KEPT_WORD.match(line, match.end()) if alone and not number else None
        if kept and kept[1] not in ROLE_WORDS:  # "ADMM Plus", not "ASEAN Chair"
            forms = (f"{letters} {kept[1]}", *forms)  # "ADMM Plus"
        if forms and not any(a <= match.start() < b for a, b in taken):
            yield match.start(), forms


def _lone_acronym(line: str, column: int, forms: tuple[str, ...], matcher: TermMatcher
                  ) -> str | None:  # fmt: skip
    """An acronym no text defined that stands alone as a name ("particularly ASEAN and the UN"):
    three capitals or more, not in brackets, a compound or a symbol ("A/RES/71/4"), no
    capitalised word after it, and no ordinary word written in capitals ("PARIS —")."""
    form = forms[-1]
    if len(forms) > 1 or not _LONE_ACRONYM.match(form) or form.title() in matcher.words:
        return None
    if form.lower() in countries():
        return None  # a country's letters ("UAE"), not a name vnterms keeps
    before = line[column - 1 : column] if column else ""
    after = line[column + len(form) : column + len(form) + 1]
    # nor one in a compound ("ASEAN-UN cooperation")
    return None if before in ("(", "/", "-") or after in (")", "/", "-") else form


def _cluster_key(name: str) -> str:
    """What new names written alike share: "the UN Hanoi Convention", "Ha Noi Convention"."""
    return strip_optional(fold(name)).replace(" ", "")


def _letters_in_order(acronym: str, name: str) -> bool:
    """Whether the acronym's letters occur in the name in order, the first one opening a word."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = name.lower().split()
    if not any(word.startswith(letters[0]) for word in words):
        return False
    text = iter(" ".join(words[next(i for i, w in enumerate(words) if w[0] == letters[0]) :]))
    return all(letter in text for letter in letters)


# What a name nested in another stands after: a small word or a possessive, and an ordinal
# ("President of the 76th [UN General Assembly]").
_NESTING = re.compile(
    r"(?:(?<![^\W_])(?:of|to|on|for|the)|[’']s|s[’'])\s+(?:\d+(?:st|nd|rd|th)\s+)?\Z"
)
# An owner's possessive ("UNESCO’s"), not a plural one ("Experts’ Working Group").
_OF_THE = re.compile(r" of (?:the )?")
# What stands before an event's name and belongs to it ("High-level General Debate …").
_EVENT_MODIFIER = re.compile(r"(?<![^\W_])High-[Ll]evel \Z")
_OWNED = re.compile(r"[’']s\s+\Z")
_OWNED_OR_SMALL_WORD = re.compile(r"(?:(?<![^\W_])(?:of|to|on|for|the)|[’']s)\s+\Z")


# "U.N.", as American papers write the UN: read as "UN" followed by two spaces.
_DOTTED_UN = re.compile(r"(?<![^\W_])U\.N\.")


def _line_names(line: str, lineno: int, matcher: TermMatcher) -> list[Name]:
    """The names in ``line``, "U.N." read as "UN" and given back as written."""
    if "U.N." not in line:
        return list(_names_in_line(line, lineno, matcher))
    dotted = {m.end() - 2 for m in _DOTTED_UN.finditer(line)}  # where "UN" ends in the reading
    names = []
    for name in _names_in_line(_DOTTED_UN.sub("UN  ", line), lineno, matcher):
        start = name.column - 1
        end = start + len(name.text)
        end += 2 if end in dotted else 0
        names.append(replace(name, text=line[start:end]))
    return names


def _names_in_line(line: str, lineno: int, matcher: TermMatcher) -> Iterator[Name]:
    if not line:
        return  # half the lines of news: the blank ones between paragraphs
    byline = _BYLINE.match(line)
    after = 0  # where names may start: past the byline, whose pieces are not names ("VOV.VN")
    if byline and byline[1] not in matcher.abbreviations and byline[1].title() not in matcher.words:
        # the source of a text: "VGP - …", "(VOVWORLD) - …" (not "PARIS — …")
        yield Name(byline[1], lineno, byline.start(1) + 1)
        after = byline.end(1)
    instances = matcher.patterns.find(line) if matcher.patterns else []
    for span in matcher.lowercase.find(line):  # "the security council"
        if not any(span.start < i.end and i.start < span.end for i in instances):
            yield Name(line[span.start : span.end], lineno, span.start + 1, span.concept, span.term)
    names: Iterable[Name] = _fixed_names_in_line(line, lineno, matcher)
    if after:
        names = (name for name in names if name.column > after)
    if not instances:
        yield from names
        return
    names = list(names)
    spans = [(n.column - 1, n.column - 1 + len(n.text), n) for n in names]
    # a glossary name as long as an instance or longer is that name ("81st session of …")
    instances = [i for i in instances if not any(
        a <= i.start and i.end <= b and n.concept and not n.nested for a, b, n in spans)]
    # a known event of a numbered session is one name with the event's concept, the session
    # nested in it: "[High-level] General Debate of the [77th Session of the … General Assembly]"
    composed: set[int] = set()
    for k, (a, b, n) in enumerate(spans):
        if n.concept is None or n.nested or n.concept.category != "conference":
            continue
        of = _OF_THE.match(line, b)
        session = next((i for i in instances if of and i.start == of.end()), None)
        if session is None:
            continue
        modifier = _EVENT_MODIFIER.search(line, 0, a)
        a = modifier.start() if modifier else a
        whole = Name(line[a : session.end], lineno, a + 1, n.concept, n.term)
        spans[k] = (a, session.end, whole)
        composed.update((id(whole), id(session)))
    # a new name that holds an instance and more: the instance is in it
    longer = {(id(i), id(n)) for i in instances for a, b, n in spans
              if a <= i.start and i.end <= b and b - a > i.end - i.start
              and n.concept is None and not n.nested}  # fmt: skip
    composed |= {n for _, n in longer}
    for start, end, name in spans:
        if id(name) in composed:
            yield name  # "High-level General Debate of the [77th Session of …]"
            continue
        inside = [i for i in instances if i.start <= start and end <= i.end]
        # what a name slot holds, and what its owner owns: "UNESCO's [General Conference]"
        held = [v.text.removeprefix("the ") for i in inside for v in i.slots.values()]
        slots = {*held, *(re.split(r"[’']s ", text)[-1] for text in held)}
        if inside and (name.concept is not None or name.text in slots):
            # the slot's name after a small word or a possessive: "… session of the [Assembly]",
            # "UNESCO's [General Conference]", not "[WHO] Representative in Vietnam"
            if any(i.start < start for i in inside) and _NESTING.search(line, 0, start):
                yield replace(name, nested=True)
        elif not any(start < i.end and i.start < end for i in instances):
            yield name
    for instance in instances:
        if id(instance) in composed:
            yield Name(instance.text, lineno, instance.start + 1, instance.concept, instance.term,
                       nested=True, instance=instance)  # fmt: skip
            continue
        nested = any(id(instance) == i for i, _ in longer) if longer else False
        if nested and not _OWNED_OR_SMALL_WORD.search(line, 0, instance.start):
            continue  # the end of a longer name: "Experts’ [Working Group on …]"
        yield Name(instance.text, lineno, instance.start + 1, instance.concept, instance.term,
                   nested=nested, instance=instance)  # fmt: skip


# A name in a line by its tokens: first, end, and the glossary's concept and term (None for a
# new name the glossary lacks, such as a title before a known post: "Acting Director-General").
_Known = tuple[int, int, Concept | None, Term | None]


def _fixed_names_in_line(line: str, lineno: int, matcher: TermMatcher) -> Iterator[Name]:
    """The glossary's fixed names and the new names in ``line``."""
    tokens = _name_tokens(line, matcher)
    known: list[_Known] = []
    abbreviations = matcher.abbreviations
    # a glossary name starts with a capital or a digit, else it is an acronym
    starts = [i for i, token in enumerate(tokens)
              if token.text[0].isupper() or token.text[0].isdigit()
              or token.text in abbreviations]  # fmt: skip
    if not starts:
        return  # nor can a new name be here: head nouns are capitalised
    after = 0
    for i in starts:
        if i < after:
            continue
        found = matcher.match_at(tokens, i, line)
        if found and _is_bare_role(tokens[i : found[0]], found[1]):
            found = None  # "Vice Chair", "Ambassador": a title, not a name
        elif (found and tokens[i].text in _SHORT_FORMS
              and _AFTER_NUMBER.search(line, 0, tokens[i].start)):  # fmt: skip
            found = None  # "at 3 PM": the time, not the Prime Minister
        elif found and _is_foreign_post(tokens, i, found[0], found[1], line, matcher):
            found = None  # "Japanese Prime Minister": another country's, not Viet Nam's
        if found:
            end = found[0]
            if (end < len(tokens) and tokens[end].text == "Headquarters"
                    and _joins(line, tokens, end)):  # fmt: skip
                after = end
                continue  # a place: "the United Nations Headquarters"
            owner = matcher.owner(tokens, i, end, line) if end - i > 1 else None
            if owner is not None:  # the owner, then "X of the owner" with the name's concept
                known.append((i, *owner))
                i = owner[0]
            if i and tokens[i - 1].text in TITLE_MODIFIERS and _joins(line, tokens, i):
                known.append((i - 1, end, None, None))  # "Standing Deputy Prime Minister"
            elif (known and known[-1][1] == i
                  and _is_post_of(known[-1][2], found[1], line, tokens, i)):  # fmt: skip
                known[-1] = (known[-1][0], end, None, None)  # "IAEA Director General"
            else:
                known.append((i, end, found[1], found[2]))
            after = end
    spans = _name_spans(tokens, line, known, matcher.field_commas)
    covered: set[tuple[int, int]] = set()
    for start, end in spans:
        inner = [k for k in known if start <= k[0] and k[1] <= end]
        last = max(k[1] for k in inner) if inner else end
        if last < end and tokens[last].text not in CONNECTORS and HEAD_NOUNS.isdisjoint(
            token.text for token in tokens[last:end]
        ):
            end = last  # "… Commission for UNESCO [Mai Phan Dung]": a person after the name
        if any(k[0] <= start and end <= k[1] for k in known):
            continue  # part of a name the glossary knows
        if inner:
            loose = matcher.loose.get(_loose_key(t.text for t in tokens[start:end]))
            if loose is not None:  # "2030 Agenda on Sustainable Development"
                covered.update((k[0], k[1]) for k in inner)
                yield _name(line, lineno, tokens, start, end, *loose)
                continue
        heads = [i for i in range(start, end) if tokens[i].text in HEAD_NOUNS]
        if not heads and _is_minister([t.text for t in tokens], start, end):
            heads = [start]  # "Minister of Public Security": the title is the head
        if not heads or end - start < 2:
            continue  # no head noun, or a bare one ("the Convention")
        if not _is_new_name(line, tokens, start, end, inner, matcher):
            continue
        if (
            tokens[start].text not in POST_TITLES
            and all(any(k[0] <= i < k[1] for k in inner if not _is_common(k[3])) for i in heads)
            and not _modifies_known(line, tokens, start, inner)
        ):
            continue  # known names joined by connectors, not a new name (but a post of one)
        covered.add((start, end))
        yield _name(line, lineno, tokens, start, end)
        nested = _nested_new(tokens, start, end, inner)
        if nested is not None:
            yield _name(line, lineno, tokens, nested, end, nested=True)
        for k in inner:  # names nested in a new name, after a connector
            covered.add((k[0], k[1]))
            if k[0] == start or tokens[k[0] - 1].text not in CONNECTORS or _is_common(k[3]):
                continue
            rest = [t.text for t in tokens[k[1] : end]]
            if rest and CONNECTORS.isdisjoint(rest) and not HEAD_NOUNS.isdisjoint(rest):
                # a known name that opens the new name nested at its end: "Deputy Chief of
                # the [Party Central Committee Office]"
                yield _name(line, lineno, tokens, k[0], end, nested=True)
                continue
            yield _name(line, lineno, tokens, k[0], k[1], k[2], k[3], nested=True)
            yield from _nested_known(line, lineno, tokens, k[0], k[1], matcher)
    for start, end, concept, term in known:
        if (start, end) in covered:
            continue
        yield _name(line, lineno, tokens, start, end, concept, term)
        yield from _nested_known(line, lineno, tokens, start, end, matcher)


def _nested_new(tokens: list[Token], start: int, end: int,
                inner: list[_Known]) -> int | None:  # fmt: skip
    """Where a new name nested in a new name starts: "Committee of the [2005 Convention on …]"."""
    for i in range(start + 2, end - 1):
        if tokens[i - 1].text not in CONNECTORS or any(k[0] <= i < k[1] for k in inner):
            continue
        head = i + 1 if _YEAR.match(tokens[i].text) or _ORDINAL.match(tokens[i].text) else i
        if tokens[head].text in HEAD_NOUNS:
            return i
    return None


def _joins(line: str, tokens: list[Token], i: int) -> bool:
    """Whether only a space stands between ``tokens[i - 1]`` and ``tokens[i]``."""
    return line[tokens[i - 1].end : tokens[i].start] == " "


def _is_post_of(owner: Concept | None, post: Concept, line: str, tokens: list[Token], i: int
                ) -> bool:  # fmt: skip
    """Whether a glossary post right after an organisation's name is that organisation's post:
    "IAEA Director General" (not "Viet Nam Deputy Prime Minister")."""
    return (owner is not None and post.category == "post"
            and owner.category not in ("post", "place", "vn-body")
            and _joins(line, tokens, i))  # fmt: skip


def _modifies_known(line: str, tokens: list[Token], start: int,
                    inner: list[_Known]) -> bool:  # fmt: skip
    """Whether a plural possessive of no glossary name stands right before one in the run: the
    run names something else ("Experts’ [Working Group] on …")."""
    for k in inner:
        before = k[0] - 1
        if before >= start and not any(o[0] <= before < o[1] for o in inner):
            word = tokens[before].text
            gap = line[tokens[before].end : tokens[k[0]].start]
            if word[0].isupper() and word.endswith("s") and gap in ("’ ", "' "):
                return True
    return False


def _is_common(term: Term | None) -> bool:
    """A term written in lower case ("peacekeeping operations"): inside a longer name it is a
    word of that name, not a name of its own."""
    return term is not None and term.text[:1].islower()


_ROMAN = re.compile(r"[IVX]+\Z")
# Words that belong to a glossary name's title when they stand before it.
TITLE_MODIFIERS = frozenset("Acting Interim Standing".split())
# What a body holds, which a text names after it without naming a new body: "IAEA Board of
# Governors Meeting" is a meeting of the Board.
_SITTINGS = frozenset("Meeting Session".split())


def _is_new_name(line: str, tokens: list[Token], start: int, end: int, inner: list[_Known],
                 matcher: TermMatcher) -> bool:  # fmt: skip
    """Whether ``tokens[start:end]``, a run with a head noun, names something vnterms keeps."""
    if any(k[0] == start and k[1] == end - 1 and k[2] is not None for k in inner) and (
        tokens[end - 1].text in _SITTINGS
    ):
        return False  # a known body's meeting
    if matcher.is_foreign(tokens[start].text):
        return False  # another country's body: "Japanese Defence Ministry"
    key = "".join(token.key for token in tokens[start:end])
    # a known name's end, standing for it ("a member of the Executive Board"), unless owned;
    # a number makes it a name ("Goal 4")
    return (key not in matcher.tails or _OWNED.search(line, 0, tokens[start].start) is not None
            or any(token.text[0].isdigit() or _ROMAN.match(token.text)
                   for token in tokens[start:end]))  # fmt: skip


# The most words of a person's name between a post and "of" its country.
_PERSON_WORDS = 4


def _is_foreign_post(tokens: list[Token], start: int, end: int, concept: Concept, line: str,
                     matcher: TermMatcher) -> bool:  # fmt: skip
    """Whether a post of Viet Nam's, written without the country, is another country's here:
    "Japanese Minister of Foreign Affairs", "Prime Minister of Japan", "Minister of Foreign
    Affairs Sergey Lavrov of Russia"."""
    if concept.category != "vn-body":
        return False
    if start and matcher.is_foreign(tokens[start - 1].text) and _joins(line, tokens, start):
        return True
    after = end
    while (after < len(tokens) and after - end < _PERSON_WORDS and tokens[after].text[0].isupper()
           and _joins(line, tokens, after)):  # fmt: skip
        after += 1  # a person's name: "… Sergey Lavrov"
    if after + 1 >= len(tokens) or tokens[after].text != "of":
        return False
    country = after + 1 + (tokens[after + 1].text == "the")
    if country < len(tokens) and matcher.is_foreign(tokens[country].text):
        return True
    words = [token.text for token in tokens[country : country + _PERSON_WORDS]]
    keys = (compact("".join(words[:n])) for n in range(2, len(words) + 1))
    return any(key in countries() and countries()[key].vi != "Việt Nam" for key in keys)


def _is_bare_role(tokens: list[Token], concept: Concept) -> bool:
    return concept.category == "post" and all(t.text in ROLE_WORDS for t in tokens)


def _nested_known(line: str, lineno: int, tokens: list[Token], start: int, end: int,
                  matcher: TermMatcher) -> Iterator[Name]:  # fmt: skip
    """Glossary names inside a longer one, after a connector: "Review Conference of the [NPT]"."""
    i = start + 1
    while i < end:
        if tokens[i - 1].text in CONNECTORS:
            found = matcher.match_at(tokens, i, line)
            if found and found[0] <= end and not _is_common(found[2]):
                yield _name(line, lineno, tokens, i, found[0], found[1], found[2], nested=True)
                i = found[0]
                continue
        i += 1


def _name(line: str, lineno: int, tokens: list[Token], start: int, end: int,
          concept: Concept | None = None, term: Term | None = None, *, nested: bool = False
          ) -> Name:  # fmt: skip
    """The name of ``tokens[start:end]``; a new name's leading year or ordinal, or one just
    before a glossary name, is its qualifier ("2026 Review Conference …", "1982 UNCLOS")."""
    if concept is None and end - start > 1 and _is_qualifier(tokens[start].text):
        start += 1
    before = tokens[start - 1] if start else None
    qualifier = None
    if before and _is_qualifier(before.text) and line[before.end : tokens[start].start] == " ":
        qualifier = before.text
    begin = tokens[start].start
    return Name(line[begin : tokens[end - 1].end], lineno, begin + 1, concept, term, nested,
                qualifier=qualifier)  # fmt: skip


def _is_qualifier(word: str) -> bool:
    """A year or an ordinal ("2026", "12th", "Tenth")."""
    if word[0].isdigit():
        return bool(_YEAR.match(word) or _ORDINAL.match(word))
    return word in _ORDINAL_FORMS


_ORDINAL_FORMS = frozenset([*ORDINAL_WORDS, *(word.capitalize() for word in ORDINAL_WORDS)])


def _is_name_word(text: str) -> bool:
    """A capitalised word (not a month), a number or an ordinal: a word a name is made of."""
    first = text[0]
    if first.isupper():
        return text not in MONTHS
    return first.isdigit() and (text.isdigit() or bool(_ORDINAL.match(text)))


def _name_spans(tokens: list[Token], line: str, known: list[_Known],
                field_commas: set[str]) -> list[tuple[int, int]]:  # fmt: skip
    """Runs of capitalised words (with connectors between them) that contain a head noun; they go
    on over punctuation and small words inside a ``known`` name (a comma: "… Educational,
    Scientific and …", "… UN Office in Geneva") and
    over a comma inside a known ministry's field after "Minister of" ("… of Labour, Invalids …")."""
    words = [token.text for token in tokens]
    if HEAD_NOUNS.isdisjoint(words) and MINISTER not in words:
        return []  # a third of the lines of news: no head noun, so no run to look at
    name_words = [_is_name_word(word) for word in words]
    has_minister = MINISTER in words
    inside_known = {j for a, b, _, _ in known for j in range(a + 1, b)}  # after its first
    count = len(tokens)
    spans = []
    i = 0
    while i < count:
        if not name_words[i] or (
            words[i][0].isdigit() and i + 1 < count and words[i + 1] in CONNECTORS
        ):
            i += 1
            continue  # not a name word, or a number before a small word ("2020 and …")
        start = end = i
        j = i
        while j < count:
            word = words[j]
            if j > start:
                gap = line[tokens[j - 1].end : tokens[j].start]
                if (gap != " " and gap.strip(" ’'") and j not in inside_known
                        and not (has_minister and gap == ", "
                                 and _in_ministers_field(tokens, start, j, field_commas))):
                    break
            if word in _RUN_STOPS and _stops_run(words, name_words, start, j, line, tokens):
                break
            if name_words[j]:
                end = j + 1
            elif word not in CONNECTORS and j not in inside_known:
                break  # not a small word of a name, nor a word inside a known one ("… in Geneva")
            j += 1
        if not any(words[k] in HEAD_NOUNS for k in range(start, end)):
            # a minister's post, the run's first words or after "and" ("Khánh and Deputy …")
            if has_minister:
                at = next((m for m in range(start, end) if (m == start or words[m - 1] == "and")
                           and _is_minister(words, m, end)), None)  # fmt: skip
                spans += _minister(words, at, end) if at is not None else []
            i = max(end, i + 1)
            continue  # no head noun, no name (and trimming never removes one)
        start = _trim_start(tokens, start, end, line)
        while end > start and (
            _ORDINAL.match(tokens[end - 1].text) or tokens[end - 1].text in CONNECTORS
        ):
            end -= 1
        spans += _coordinated(tokens, start, end, line)
        i = max(end, i + 1)
    return spans


_MINISTRY_OF = "Ministry of "
# Words at which a run may stop: a period ("Cycle 4") or a person's family name.
_RUN_STOPS = PERIOD_WORDS | VN_SURNAMES


def _stops_run(words: list[str], name_words: list[bool], start: int, j: int, line: str,
               tokens: list[Token]) -> bool:  # fmt: skip
    """Whether the run from ``start`` ends before ``words[j]``: "… Operations [Cycle 4]" (when,
    not what), "… Government Office [Trần Văn Sơn]" (a person after the name)."""
    following = j + 1 < len(words) and name_words[j + 1]
    if words[j] in PERIOD_WORDS and following and words[j + 1].isdigit():
        return True
    return (words[j] in VN_SURNAMES and j > start and following
            and words[j - 1] not in CONNECTORS
            and line[tokens[j - 1].end : tokens[j].start] == " ")  # fmt: skip


def _in_ministers_field(tokens: list[Token], start: int, j: int, field_commas: set[str]) -> bool:
    """Whether a comma before ``tokens[j]`` stands inside a known ministry's field that follows
    "Minister of" in the run: "Minister of [Labour, Invalids and Social Affairs]"."""
    for m in range(start, j - 2):
        if tokens[m].text == MINISTER and tokens[m + 1].text == "of":
            return "".join(token.key for token in tokens[m + 2 : j]) in field_commas
    return False


def _minister(words: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """A minister's post, up to the last word of its field; none when no word names a field or
    a country follows (another country's minister: "… Sergey Lavrov of Russia")."""
    fields = [k for k in range(start + 2, end) if words[k] in MINISTER_FIELDS]
    if not fields or any(compact(word) in countries() for word in words[fields[-1] + 1 : end]):
        return []
    return [(start, fields[-1] + 1)]


def _is_minister(words: list[str], start: int, end: int) -> bool:
    """Whether ``words[start:end]`` name a minister's post: "(Deputy) Minister of …"."""
    at = start + (words[start] in MINISTER_PREFIXES)
    return at + 2 < end and words[at] == MINISTER and words[at + 1] == "of"


def _coordinated(tokens: list[Token], start: int, end: int, line: str) -> list[tuple[int, int]]:
    """A run cut at "and" where the words on both sides hold a head noun: "[Vietnam
    Peacekeeping Department] and the [Ministry of National Defence]", but one "Department of
    Economic and Social Affairs" (no head noun after "and")."""
    for i in range(start + 1, end - 1):
        if tokens[i].text != "and":
            continue
        left = [t.text for t in tokens[start:i]]
        right = [t.text for t in tokens[i + 1 : end]]
        title = right[1:] if right[0] == "the" else right
        if (
            (left[-1] in HEAD_NOUNS and not HEAD_NOUNS.isdisjoint(right))
            or (
                (not HEAD_NOUNS.isdisjoint(left) or left[-1] == MINISTER)
                and right[0] in ROLE_WORDS  # "… and Head of the …", "Minister and Chairman of …"
            )
            # "… for Human Rights and the Director General of the …": a post after "and"
            or (title[0] in POST_TITLES and "of" in title[1:3])
        ):
            after = _trim_start(tokens, i + 1, end, line)
            return [(start, i), *_coordinated(tokens, after, end, line)]
    return [(start, end)] if start < end else []


def _at_sentence_start(line: str, position: int) -> bool:
    """Whether only spaces stand between ``position`` and the line's start or a sentence mark."""
    before = position
    while before and line[before - 1].isspace():
        before -= 1
    return before == 0 or line[before - 1] in _SENTENCE_MARKS


def _trim_start(tokens: list[Token], start: int, end: int, line: str) -> int:
    """Drop sentence-opening words ("Hosting the …") and a leading "the"."""
    while start < end:
        word = tokens[start].text
        at_sentence_start = _at_sentence_start(line, tokens[start].start)
        following = start + 1
        while following < end and tokens[following].text in ROLE_WORDS:
            following += 1  # "Vice Chair of …", "Deputy Head of …"
        role = (word in ROLE_WORDS or (word in ROLE_PREFIXES and following > start + 1)) and (
            following < end and tokens[following].text in CONNECTORS
        )
        if (
            role
            or word in CONNECTORS
            or word == "The"
            or (at_sentence_start and (word in SENTENCE_WORDS or word.endswith("ing")))
        ):
            start += 1
        else:
            break
    return start


# What a candidate keeps, however often its names occur: its first occurrences (the PO files
# cite these lines) and its first ways of writing them, with a count of them all.
MAX_OCCURRENCES = 100
MAX_VARIANTS = 50
# Suggestions kept per candidate, and candidates looked at to find them.
MAX_SUGGESTIONS = 5
_MAX_COMPARED = 2_000


class Suggestion(NamedTuple):
    """A candidate a new name may be a shorter form of; ``names`` > 1 for a numbered family."""

    term: str
    id: str | None
    names: int = 1


@dataclass
class Candidate:
    """One concept found in the texts (or one family of names that differ only by their numbers),
    how often, and the first ``MAX_OCCURRENCES`` places and ``MAX_VARIANTS`` spellings."""

    term: str
    id: str | None
    category: str | None
    vi: str | None
    vi_draft: str | None = None
    abbreviations: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    # candidates this new name may be a short form of: a guess, left to a person
    suggestions: list[Suggestion] = field(default_factory=list)
    count: int = 0  # occurrences in all, of which the first MAX_OCCURRENCES are kept
    # distinct names: more than 1 for a family ("Security Council Resolution 1", "… 2", …)
    names: int = 1
    # a patterned concept's first MAX_VARIANTS distinct instances, with their Vietnamese
    instances: list[Instance] = field(default_factory=list)


# The category a new name most likely has, by its first head noun.
HEAD_CATEGORIES = {
    **dict.fromkeys("Agreement Charter Convention Covenant Protocol Statute Treaty".split(),
                    "treaty"),
    **dict.fromkeys("Conference Debate Dialogue Forum Meeting Summit Workshop".split(),
                    "conference"),
    **dict.fromkeys("Agenda Goal Goals".split(), "goal"),
    **dict.fromkeys("Compact Framework Initiative Pact".split(), "initiative"),
    **dict.fromkeys("Declaration Resolution".split(), "document"),
    **dict.fromkeys("Department Office Secretariat".split(), "secretariat-office"),
    **dict.fromkeys("Agency Bank Fund Organisation Organization Programme Program".split(),
                    "fund-programme"),
    "Association": "regional-organization",
}  # fmt: skip


def _new_category(name: str) -> str | None:
    words = name.split()
    if words[0] in POST_TITLES:
        return "post"
    if VN_WORDS & {fold(word) for word in words}:
        return "vn-body"
    heads = [word for word in words if word in HEAD_NOUNS]
    return HEAD_CATEGORIES.get(heads[0], "subsidiary-body") if heads else None


Texts = Iterable[tuple[str, str | Iterable[str]]]
_Place = tuple[int, int, int, int]  # (text number, line, 0 for names | 1 for acronyms, order)


@dataclass
class _Tally:
    """The names gathered under one key: how many, and the first occurrences, spellings and
    acronyms, each with its place in the order of the texts (merges keep that order)."""

    first: tuple[_Place, str]  # the earliest name's place, and the full name it stands for
    count: int = 0
    occurrences: list[tuple[_Place, Occurrence]] = field(default_factory=list)
    variants: dict[str, _Place] = field(default_factory=dict)
    acronyms: dict[str, _Place] = field(default_factory=dict)

    def add(self, place: _Place, occurrence: Occurrence, *, acronym: bool = False) -> None:
        """Count a name found at ``place``, later than all the tally has (or merged) so far."""
        self.count += 1
        if len(self.occurrences) < MAX_OCCURRENCES:
            self.occurrences.append((place, occurrence))
        text = occurrence.text
        if text not in self.variants and len(self.variants) < MAX_VARIANTS:
            self.variants[text] = place
        if acronym and text not in self.acronyms and len(self.acronyms) < MAX_VARIANTS:
            self.acronyms[text] = place

    def merge(self, other: _Tally) -> None:
        self.first = min(self.first, other.first)
        self.count += other.count
        joined = sorted(self.occurrences + other.occurrences, key=lambda pair: pair[0])
        self.occurrences = joined[:MAX_OCCURRENCES]
        self.variants = _earliest(self.variants, other.variants)
        self.acronyms = _earliest(self.acronyms, other.acronyms)


def _earliest(ours: dict[str, _Place], theirs: dict[str, _Place]) -> dict[str, _Place]:
    """The first ``MAX_VARIANTS`` texts of both, each at its earlier place, in place order."""
    both = {**theirs, **ours}
    for text, place in theirs.items():
        both[text] = min(both[text], place)
    return dict(sorted(both.items(), key=lambda item: item[1])[:MAX_VARIANTS])


class _Gathering:
    """Names read from texts, line by line, and what is kept of them: a ``_Tally`` per concept
    and per new name, never the lines or the names themselves.

    A text's acronyms and aliases join the names they stand for, wherever they stand in the text
    (before the definition too): what a text may define is kept per text, by key, until its end.
    """

    def __init__(self, glossary: Glossary) -> None:
        self.matcher = TermMatcher(glossary)
        self.concepts = {concept.id: concept for concept in glossary}
        self.glossary = glossary
        self.known: dict[str, _Tally] = {}  # by concept id
        self.new: dict[str, _Tally] = {}  # by cluster key of the full name
        self.undefined: dict[str, _Tally] = {}  # new names no text of theirs defined, by key
        self.defined: dict[str, Name] = {}  # cluster key → what a text defined it as
        self.instances: dict[str, dict[str, Instance]] = {}  # concept id → text → instance

    def read(self, number: int, source: str, lines: Iterable[str]) -> None:
        """Gather the names of one text."""
        definitions = _Definitions()
        names_by_key: dict[str, _Tally] = {}  # this text's new names
        acronym_words: dict[tuple[str, ...], list[tuple[_Place, int, int]]] = {}
        acronym_counts: dict[tuple[str, ...], int] = {}
        lone: dict[str, _Tally] = {}  # acronyms standing alone, if the text defines none of them
        for lineno, raw in enumerate(lines, start=1):
            line = nfc(raw)
            names = _line_names(line, lineno, self.matcher)
            definitions.read(line, names)
            for order, name in enumerate(names):
                place = (number, lineno, 0, order)
                occurrence = Occurrence(source, lineno, name.column, name.text)
                if name.instance is not None:
                    self._keep_instance(name.instance)
                if name.concept is not None:
                    self._tally_known(name.concept, place, name.text).add(place, occurrence)
                else:
                    key = _cluster_key(name.text)
                    tally = names_by_key.get(key)
                    if tally is None:
                        tally = names_by_key[key] = _Tally((place, name.text))
                    tally.add(place, occurrence)
            for column, forms in _acronym_words(line, names):
                acronym_counts[forms] = acronym_counts.get(forms, 0) + 1
                kept = acronym_words.setdefault(forms, [])
                place = (number, lineno, 1, column)
                if len(kept) < MAX_OCCURRENCES:
                    kept.append((place, lineno, column + 1))
                form = _lone_acronym(line, column, forms, self.matcher)
                if form is not None:
                    tally = lone.get(form)
                    if tally is None:
                        tally = lone[form] = _Tally((place, form))
                    tally.add(place, Occurrence(source, lineno, column + 1, form))
        for form, tally in lone.items():
            if definitions.acronym_among((form,)) is None:
                self._merge(names_by_key, _cluster_key(form), tally)
        for key, tally in names_by_key.items():
            target = definitions.aliases.get(key)
            if target is None:
                self._merge(self.undefined, key, tally)
                continue
            self.defined[key] = target
            self._join(tally, target)
        for forms, kept in acronym_words.items():
            form = definitions.acronym_among(forms)
            if form is None:
                continue
            target = definitions.acronyms[form]
            self.defined[_cluster_key(form)] = target
            tally = _Tally((kept[0][0], target.text))
            for place, lineno, column in kept:
                tally.add(place, Occurrence(source, lineno, column, form), acronym=True)
            tally.count = acronym_counts[forms]
            self._join(tally, target)

    def _keep_instance(self, instance: Instance) -> None:
        kept = self.instances.setdefault(instance.concept.id, {})
        if instance.text not in kept and len(kept) < MAX_VARIANTS:
            kept[instance.text] = instance

    def _tally_known(self, concept: Concept, place: _Place, text: str) -> _Tally:
        tally = self.known.get(concept.id)
        if tally is None:
            tally = self.known[concept.id] = _Tally((place, text))
        return tally

    def _join(self, tally: _Tally, target: Name) -> None:
        """Add names that stand for ``target`` to its concept's or its new name's tally."""
        if target.concept is not None:
            self._tally_known(target.concept, *tally.first).merge(tally)
        else:
            tally.first = (tally.first[0], target.text)
            self._merge(self.new, _cluster_key(target.text), tally)

    @staticmethod
    def _merge(tallies: dict[str, _Tally], key: str, tally: _Tally) -> None:
        if key in tallies:
            tallies[key].merge(tally)
        else:
            tallies[key] = tally

    def candidates(self) -> list[Candidate]:
        """Known concepts by id, then new names and numbered families by first occurrence."""
        for key, tally in self.undefined.items():  # a name another text defined joins it
            target = self.defined.get(key)
            if target is None:
                self._merge(self.new, key, tally)
            else:
                self._join(tally, target)
        self.undefined.clear()
        known = [self._known(self.concepts[cid], self.known[cid]) for cid in sorted(self.known)]
        families = _families(sorted(self.new.values(), key=lambda tally: tally.first))
        candidates = known + [self._new(tally, names) for tally, names in families]
        _suggest(candidates)
        return candidates

    def _known(self, concept: Concept, tally: _Tally) -> Candidate:
        abbreviations = concept.abbreviations()
        abbreviations += [a for a in tally.acronyms if a not in abbreviations]
        instances = list(self.instances.get(concept.id, {}).values())
        return Candidate(concept.label("en") or tally.first[1], concept.id, concept.category,
                         concept.label("vi"), abbreviations=abbreviations, instances=instances,
                         **_kept(tally))  # fmt: skip

    def _new(self, tally: _Tally, names: int) -> Candidate:
        full = tally.first[1]
        return Candidate(full, None, _new_category(full), None,
                         draft_vietnamese(full, self.glossary).text,
                         abbreviations=list(tally.acronyms),
                         names=names, **_kept(tally))  # fmt: skip


def _kept(tally: _Tally) -> dict[str, Any]:
    return {"variants": list(tally.variants), "count": tally.count,
            "occurrences": [occurrence for _, occurrence in tally.occurrences]}  # fmt: skip


# A number standing as a word of a name: "Resolution 2231", "2026 Review Conference", "35th".
_NUMBER = re.compile(r"(?<![^\W_])\d+(?:st|nd|rd|th)?(?![^\W_])")


def _families(tallies: list[_Tally]) -> list[tuple[_Tally, int]]:
    """New names that differ only by their numbers, each family as one tally (with how many
    names it holds), at its first name's place; other names as they are."""
    families: dict[str, tuple[_Tally, int]] = {}
    for tally in tallies:
        name = tally.first[1]
        key = _cluster_key(_NUMBER.sub("0", name)) + "#" if _NUMBER.search(name) else name
        if key in families:
            family, names = families[key]
            family.merge(tally)
            families[key] = (family, names + 1)
        else:
            families[key] = (tally, 1)
    return list(families.values())


def extract(texts: Texts, glossary: Glossary) -> list[Candidate]:
    """Cluster the names found in ``texts`` into candidates: pairs of source name and text, the
    text whole or as an iterable of lines (read once, one line at a time).

    Known names are grouped by concept; new names by their folded form without "the"/"UN", or
    with the name a text defined them as (in any of the texts); new names that differ only by
    their numbers form one family. Known candidates come first, by concept id, then new ones by
    first occurrence. What is kept stays bounded however long the texts: see ``Candidate``.
    """
    gathering = _Gathering(glossary)
    for number, (source, text) in enumerate(texts):
        gathering.read(number, source, text.splitlines() if isinstance(text, str) else text)
    return gathering.candidates()


def _suggest(candidates: list[Candidate]) -> None:
    """Note, for each new name, up to ``MAX_SUGGESTIONS`` names it may be a shorter form of: the
    same head noun and all its words among theirs, acronyms read in full ("NPT Review
    Conference" → "2026 Review Conference of the Treaty on the Non-Proliferation …"). Only
    suggested, never merged. Each name is compared with at most ``_MAX_COMPARED`` others, those
    that have its rarest word, not with all."""
    expansions = {a: c.term for c in candidates for a in c.abbreviations}
    words = [_content_words(c.term, expansions) for c in candidates]
    having: dict[str, list[int]] = {}
    for i, content in enumerate(words):
        for word in content:
            having.setdefault(word, []).append(i)
    heads = [_head(c.term) for c in candidates]
    for i, candidate in enumerate(candidates):
        if candidate.id is not None or len(words[i]) < 2:
            continue
        rarest = min(words[i], key=lambda word: len(having[word]))
        for j in having[rarest][:_MAX_COMPARED]:
            if j != i and heads[j] == heads[i] and words[i] <= words[j]:
                other = candidates[j]
                candidate.suggestions.append(Suggestion(other.term, other.id, other.names))
                if len(candidate.suggestions) == MAX_SUGGESTIONS:
                    break


def _content_words(text: str, expansions: dict[str, str]) -> set[str]:
    """The words that carry a name's meaning: no "the", "UN", connectors or numbers."""
    written = " ".join(expansions.get(word, word) for word in text.split())
    return {w for w in strip_optional(fold(written)).split() if w not in STOPWORDS and w.isalpha()}


def _head(name: str) -> str | None:
    return next((word for word in name.split() if word in HEAD_NOUNS), None)


def describe_candidate(candidate: Candidate) -> dict[str, object]:
    """A candidate as plain data: what ``vnterms extract --json`` prints for it."""
    return {
        "term": candidate.term,
        "id": candidate.id,
        "category": candidate.category,
        "abbreviations": candidate.abbreviations,
        "variants": candidate.variants,
        "count": candidate.count,
        "vi": candidate.vi,
        "vi_draft": candidate.vi_draft,
        "occurrences": [
            {"file": o.file, "line": o.line, "column": o.column, "text": o.text}
            for o in candidate.occurrences
        ],
        "names": candidate.names,
        "suggestions": [s._asdict() for s in candidate.suggestions],
        "instances": [instance.describe() for instance in candidate.instances],
    }


def draft_concepts(candidates: Iterable[Candidate], glossary: Glossary) -> list[Concept]:
    """New concepts, marked draft, for the candidates the glossary does not know yet."""
    drafts = []
    taken = {concept.id for concept in glossary}
    for candidate in candidates:
        if candidate.id is not None:
            continue
        base = "-".join(fold(candidate.term).split())[:60] or "name"
        concept_id, n = base, 2
        while concept_id in taken:
            concept_id, n = f"{base}-{n}", n + 1
        taken.add(concept_id)
        sources = sorted({f"{o.file}:{o.line}" for o in candidate.occurrences})
        terms = [Term(candidate.term, "en", "full", "preferred")]
        numbers = _NUMBER.findall(candidate.term)  # in a family, other numbers: other names
        terms += [Term(v, "en", "variant", "admitted") for v in candidate.variants
                  if v != candidate.term and v not in candidate.abbreviations
                  and _NUMBER.findall(v) == numbers]  # fmt: skip
        terms += [Term(a, "en", "abbreviation", "admitted") for a in candidate.abbreviations]
        if candidate.vi_draft:
            terms.append(Term(candidate.vi_draft, "vi", "full", "draft"))
        drafts.append(Concept(concept_id, candidate.category or "subsidiary-body", terms,
                              status="draft", note=_draft_note(candidate), sources=sources,
                              file="drafts.terms"))  # fmt: skip
    return drafts


def _draft_note(candidate: Candidate) -> str | None:
    notes = [f"The first of {candidate.names:,} names that differ only by their numbers; "
             "the others are not added."] if candidate.names > 1 else []  # fmt: skip
    for suggestion in candidate.suggestions:
        named = f"[{suggestion.id}]" if suggestion.id else f"“{suggestion.term}”"
        family = f" or another of its {suggestion.names:,} numbered names" * (suggestion.names > 1)
        notes.append(f"May be the same as {named}{family}.")
    return " ".join(notes) or None
