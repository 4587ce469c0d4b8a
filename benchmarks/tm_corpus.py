"""A synthetic English–Vietnamese translation memory for benchmarks: sentences of realistic
length (lognormal around 20 words), words drawn by Zipf's law (function words first), numbers
(years, resolution numbers), and repetition (near copies of earlier sentences and the same source
translated twice), as in real memories."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

FUNCTION_WORDS = [
    ("the", "các"), ("of", "của"), ("and", "và"), ("to", "đến"), ("in", "tại"), ("for", "cho"),
    ("on", "về"), ("with", "với"), ("by", "bởi"), ("a", "một"), ("that", "rằng"), ("is", "là"),
    ("as", "như"), ("at", "ở"), ("from", "từ"), ("its", "của mình"), ("which", "mà"),
    ("has", "đã"), ("was", "được"), ("be", "được"), ("are", "là"), ("all", "tất cả"),
    ("their", "của họ"), ("this", "này"), ("an", "một"), ("also", "cũng"), ("under", "theo"),
]  # fmt: skip
ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "pr", "tr",
          "st", "gr", "cl", "pl", "sh", "ch", "th"]  # fmt: skip
NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "ia"]
CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ct"]
VI_SYLLABLES = ["hội", "đồng", "quốc", "gia", "phát", "triển", "bền", "vững", "an", "ninh",
                "hợp", "tác", "kinh", "tế", "chính", "sách", "nhân", "quyền", "luật", "pháp",
                "biển", "đảo", "khu", "vực", "thương", "mại", "đầu", "tư", "môi", "trường",
                "khí", "hậu", "giáo", "dục", "y", "tế", "ngoại", "giao", "đối", "thoại",
                "hòa", "bình", "ổn", "định", "thịnh", "vượng", "nghị", "quyết", "ủy",
                "ban"]  # fmt: skip


def _english_word(rng: random.Random) -> str:
    return "".join(rng.choice(part) for part in (ONSETS, NUCLEI, ONSETS, NUCLEI, CODAS))


@dataclass
class Corpus:
    """Units (English source, Vietnamese target) and queries made from them."""

    units: list[tuple[str, str]]
    queries: list[str]
    vocabulary: list[str]


class _Language:
    """A vocabulary of ``size`` content words with their Vietnamese, drawn by Zipf's law."""

    def __init__(self, size: int, rng: random.Random) -> None:
        words: dict[str, str] = {}
        while len(words) < size:
            word = _english_word(rng)
            words.setdefault(word, " ".join(rng.sample(VI_SYLLABLES, rng.choice((1, 2, 2, 3)))))
        self.words = list(words)
        self.vietnamese = words
        # Zipf's law over all words, whose first ranks are the function words drawn apart
        self.weights = list(accumulate(1 / (rank + 1 + len(FUNCTION_WORDS)) ** 1.07
                                       for rank in range(size)))  # fmt: skip
        self.rng = rng

    def word(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.42:
            return rng.choice(FUNCTION_WORDS)
        if rng.random() < 0.03:
            number = str(rng.choice((rng.randint(1990, 2030), rng.randint(1, 2800))))
            return number, number
        word = rng.choices(self.words, cum_weights=self.weights)[0]
        return word, self.vietnamese[word]

    def sentence(self) -> tuple[str, str]:
        length = max(4, min(70, int(self.rng.lognormvariate(2.95, 0.45))))
        pairs = [self.word() for _ in range(length)]
        english = " ".join(p[0] for p in pairs)
        vietnamese = " ".join(p[1] for p in pairs)
        return english[0].upper() + english[1:] + ".", vietnamese[0].upper() + vietnamese[1:] + "."


def changed(sentence: str, count: int, language: _Language) -> str:
    """``sentence`` with ``count`` words replaced, deleted or inserted."""
    rng = language.rng
    words = sentence.rstrip(".").split()
    for _ in range(count):
        i = rng.randrange(len(words))
        action = rng.random()
        if action < 0.6:
            words[i] = language.word()[0]
        elif action < 0.8 and len(words) > 3:
            del words[i]
        else:
            words.insert(i, language.word()[0])
    return " ".join(words) + "."


def synthetic_corpus(size: int, *, queries: int = 200, seed: int = 12) -> Corpus:
    """``size`` units and ``queries`` queries: stored English sentences with 1–3 words changed."""
    rng = random.Random(seed)
    language = _Language(min(60_000, max(2_000, size // 4)), rng)
    units: list[tuple[str, str]] = []
    while len(units) < size:
        roll = rng.random()
        if units and roll < 0.10:  # a near copy of an earlier sentence: a new year, a new word
            english, vietnamese = rng.choice(units)
            units.append((changed(english, rng.choice((1, 1, 2)), language), vietnamese))
        elif units and roll < 0.12:  # the same source, translated another way
            english, vietnamese = rng.choice(units)
            units.append((english, vietnamese + " nữa"))
        else:
            units.append(language.sentence())
    asked = [changed(rng.choice(units)[0], rng.choice((1, 2, 3)), language)
             for _ in range(queries)]  # fmt: skip
    return Corpus(units, asked, language.words)


def tmx_lines(units: list[tuple[str, str]]) -> Iterator[str]:
    """The units as a TMX 1.4 file, line by line (the texts need no escaping)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
    yield ('<header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="b" '
           'adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n')  # fmt: skip
    for english, vietnamese in units:
        yield (f'<tu><tuv xml:lang="en"><seg>{english}</seg></tuv>'
               f'<tuv xml:lang="vi"><seg>{vietnamese}</seg></tuv></tu>\n')  # fmt: skip
    yield "</body>\n</tmx>\n"
