"""Diacritic-aware normalisation of Vietnamese and English text.

``canonical`` gives the form to store and show (NFC, repaired Vietnamese letters, one tone-placement
style); ``fold``, ``compact`` and ``diacritic_key`` give the keys that lookups and matching compare.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

__all__ = [
    "Style",
    "canonical",
    "canonical_key",
    "compact",
    "diacritic_key",
    "fold",
    "has_diacritics",
    "is_syllable",
    "nfc",
    "visible",
]

Style = Literal["old", "new"]

# Letters that look like Đ/đ and are typed in its place (Icelandic eth, African D): Unicode
# gives them no decomposition to Đ/đ, so they are mapped by hand, inside Vietnamese syllables only.
LOOKALIKE_LETTERS = {"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"}

# The five tone marks, as combining characters; the deprecated U+0340/U+0341 become grave/acute.
TONE_MARKS = {
    "\u0300": "\u0300",  # huyền
    "\u0340": "\u0300",
    "\u0301": "\u0301",  # sắc
    "\u0341": "\u0301",
    "\u0309": "\u0309",  # hỏi
    "\u0303": "\u0303",  # ngã
    "\u0323": "\u0323",  # nặng
}
# The marks that make a different letter (â ê ô, ă, ơ ư) rather than a tone.
SHAPE_MARKS = frozenset("\u0302\u0306\u031b")
STOP_TONES = frozenset("\u0301\u0323")

VOWELS = frozenset("aăâeêioôơuưy")
SHAPED_VOWELS = frozenset("ăâêôơư")

# Every rhyme (medial + vowel nucleus + final) that Vietnamese spelling allows, without tone.
RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăk ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu
    o oc oi om on ong op ot ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u uc ui um un ung up ut
    ua uôc uôi uôm uôn uông uôt
    uân uâng uât uây
    uê uêch uênh
    uơ
    uy uych uyn uynh uyt uyu uya uyên uyêt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    """.split()
)
# After "qu" the u belongs to the onset; these rhymes are written with y there (quỳnh, quýt, quyết).
QU_RHYMES = frozenset(r for r in RHYMES if r[0] not in "ou") | frozenset(
    "ych ynh yt yên yêt".split()
)
# After "gi" the i of iê is not written twice (giếng, giết).
GI_RHYMES = frozenset(r for r in RHYMES if r[0] not in "iy") | frozenset(["êc", "êng"])

ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
FRONT_VOWELS = frozenset("eêiy")
# Onsets spelled differently before e, ê, i, y: the first of each pair never stands there.
_BEFORE_BACK = {"c": "k", "g": "gh", "ng": "ngh"}
_BEFORE_FRONT = {"k", "gh", "ngh"}
TWO_VOWEL_STYLE_RHYMES = frozenset(["oa", "oe", "uy"])

# Word boundaries: a run of letters is treated as a possible syllable only between these, so that
# damaged text such as mojibake ("Viá»‡t") is never "repaired" into something else.
_BOUNDARY = r"\s!-/:-@\[-`{-~‘’“”–—…"
_LATIN_RUN = re.compile(
    rf"(?<![^{_BOUNDARY}])[A-Za-z\u00C0-\u024F\u0256\u1E00-\u1EFF\u0300-\u036F]+(?![^{_BOUNDARY}])"
)
_FORMAT_CHARS = re.compile(
    r"[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]"
)


def _compose_letters(word: str) -> tuple[list[str], str | None] | None:
    """Split ``word`` into its letters (with shape marks, no tone) and its tone.

    Returns None when the word carries marks that no Vietnamese letter has, or two tones.
    """
    letters: list[str] = []
    tone: str | None = None
    for char in unicodedata.normalize("NFD", word):
        char = LOOKALIKE_LETTERS.get(char, char)
        if char in TONE_MARKS:
            if tone is not None or not letters:
                return None
            tone = TONE_MARKS[char]
        elif char in SHAPE_MARKS:
            if not letters or len(letters[-1]) > 1:
                return None
            letters[-1] += char
        elif unicodedata.combining(char):
            return None
        else:
            letters.append(char)
    composed = [unicodedata.normalize("NFC", letter) for letter in letters]
    if any(len(letter) > 1 for letter in composed):
        return None  # a shape mark on a letter that has no such form (ĕ, ŏ...)
    return composed, tone


def _split_syllable(bare: str) -> tuple[str, str] | None:
    """Split a lower-case syllable without tone into (onset, rhyme), or None if it is not one."""
    if bare.startswith("gi") and (len(bare) == 2 or bare[2] not in VOWELS):
        onset, rhyme = "g", bare[1:]  # gì, gìn: the i is the vowel
        return (onset, rhyme) if rhyme in RHYMES else None
    for onset in ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset) :]
        if onset == "qu":
            return (onset, rhyme) if rhyme in QU_RHYMES else None
        if onset == "gi":
            if rhyme in GI_RHYMES:
                return onset, rhyme
            continue
        if rhyme not in RHYMES:
            return None
        front = rhyme[0] in FRONT_VOWELS
        if (front and onset in _BEFORE_BACK) or (not front and onset in _BEFORE_FRONT):
            return None
        return onset, rhyme
    return None


def _tone_position(rhyme: str, style: Style) -> int:
    """Index, within ``rhyme``, of the vowel that carries the tone mark."""
    vowels = len(rhyme) - len(rhyme.lstrip("aăâeêioôơuưy"))
    nucleus, final = rhyme[:vowels], rhyme[vowels:]
    shaped = [i for i, vowel in enumerate(nucleus) if vowel in SHAPED_VOWELS]
    if shaped:
        return shaped[-1]
    if vowels == 1 or final:
        return vowels - 1
    if vowels == 3:
        return 1
    return 1 if style == "new" and nucleus in TWO_VOWEL_STYLE_RHYMES else 0


def _canonical_syllable(word: str, style: Style) -> str | None:
    """The word written as a Vietnamese syllable in ``style``, or None if it is not one."""
    parts = _compose_letters(word)
    if parts is None:
        return None
    letters, tone = parts
    split = _split_syllable("".join(letters).lower())
    if split is None:
        return None
    onset, rhyme = split
    final = rhyme.lstrip("aăâeêioôơuưy")
    if final in ("c", "ch", "k", "p", "t") and tone not in STOP_TONES:
        return None
    if tone is not None:
        at = len(onset) + _tone_position(rhyme, style)
        letters[at] = unicodedata.normalize("NFC", letters[at] + tone)
    return "".join(letters)


class TokenKeys(dict[str, str]):
    """Space-free tokens with ``function`` of each, computed on first sight.

    For keys that treat each token alone, a text's key is its tokens' keys joined (``of``);
    texts share few distinct tokens, which are keyed once.
    """

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, token: str) -> str:
        value = self[token] = self.function(token)
        if len(self) > 200_000:
            self.clear()  # bound the memory a long run of unusual text can take
        return value

    def of(self, tokens: list[str]) -> str:
        """The key of the text whose tokens are ``tokens``."""
        joined = " ".join(map(self.__getitem__, tokens))
        if "  " in joined or joined[:1] == " " or joined[-1:] == " ":
            return " ".join(joined.split())  # a token that has no key, such as "–"
        return joined


def _canonical_token(token: str, style: Style) -> str:
    """``token`` with each run of letters that is a Vietnamese syllable written in ``style``."""
    return _LATIN_RUN.sub(lambda match: _canonical_syllable(match.group(), style)
                          or match.group(), token)  # fmt: skip


_TOKEN_CACHES = {
    "old": TokenKeys(lambda token: _canonical_token(token, "old")),
    "new": TokenKeys(lambda token: _canonical_token(token, "new")),
}


def canonical(text: str, *, style: Style = "old") -> str:
    """The form of ``text`` to store and show: NFC, clean spaces, tone marks placed by ``style``.

    >>> canonical("Ủy ban  Hoà bình\\u200b")
    'Ủy ban Hòa bình'
    >>> canonical("Ủy ban hòa bình", style="new")
    'Uỷ ban hoà bình'
    >>> canonical("ngừơi gìa qúy Đaị")
    'người già quý Đại'
    >>> canonical("Viá»‡t café")
    'Viá»‡t café'
    """
    cache = _TOKEN_CACHES.get(style)
    if cache is None:
        raise ValueError(f"style must be 'old' or 'new', not {style!r}")
    if text.isascii():
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", _FORMAT_CHARS.sub("", text))
    return cache.of(text.split())


def nfc(text: str) -> str:
    """``text`` in NFC, the one Unicode form vnterms stores and writes.

    >>> nfc("Vie\u0323\u0302t Nam") == "Việt Nam"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def visible(text: str) -> str:
    """``text`` without invisible format characters: soft hyphens, zero-width joiners and
    spaces, direction marks, byte order marks.

    >>> visible("Hội đồ\u00adng Bả\u200do an")
    'Hội đồng Bảo an'
    """
    return _FORMAT_CHARS.sub("", text)


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (any case, any tone style).

    >>> is_syllable("Nguyễn"), is_syllable("hoà"), is_syllable("quôc"), is_syllable("mãt")
    (True, True, False, False)
    """
    return _canonical_syllable(word, "old") is not None


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character."""

    def __missing__(self, codepoint: int) -> str:
        value = _fold_char(chr(codepoint))
        self[codepoint] = value
        return value


def _fold_char(char: str) -> str:
    if char.isspace() or unicodedata.category(char) in ("Cf", "Mn", "Me", "Mc"):
        return " " if char.isspace() else ""
    if char in "đĐðÐɖƉ":
        return "d"
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    if not stripped.isascii():
        from unidecode import unidecode

        stripped = unidecode(stripped)
    return "".join(c if c.isalnum() else " " for c in stripped.lower())


class _KeyTable(dict[int, str]):
    """Like ``_FoldTable`` but keeping letters with their diacritics."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        category = unicodedata.category(char)
        if category == "Cf":
            value = ""
        elif char.isspace() or category[0] in "PS":
            value = " "
        else:
            value = char.lower()
        self[codepoint] = value
        return value


_FOLD_TABLE = _FoldTable()
_KEY_TABLE = _KeyTable()


# ASCII bytes → lower case, everything but letters and digits → space.
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256)
)
# After NFD, text with nothing else than ASCII and combining marks takes the fast path.
_NOT_PLAIN = re.compile(r"[^\x00-\x7f\u0300-\u036f]")


def _fold_bytes(text: str) -> bytes:
    """``text`` folded to ASCII bytes with runs of separators left in (see ``fold``)."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
        if _NOT_PLAIN.search(decomposed):
            return text.translate(_FOLD_TABLE).encode("ascii")
        text = decomposed
    return text.encode("ascii", "ignore").translate(_ASCII_FOLD)


def fold(text: str) -> str:
    """The search key of ``text``: ASCII, lower case, no diacritics, punctuation as single spaces.

    >>> fold("VIỆT NAM"), fold("Viet-Nam"), fold("Vie\\u0323\\u0302t Nam")
    ('viet nam', 'viet nam', 'viet nam')
    >>> fold("Côte d’Ivoire"), fold("Đà Nẵng"), fold("Straße")
    ('cote d ivoire', 'da nang', 'strasse')
    """
    folded = _fold_bytes(text)
    while b"  " in folded:
        folded = folded.replace(b"  ", b" ")
    return folded.strip().decode("ascii")


def compact(text: str) -> str:
    """``fold`` without spaces, so that spacing variants meet: Vietnam / Viet Nam, Hanoi / Ha Noi.

    >>> compact("Ha Noi") == compact("Hanoi") == compact("HÀ NỘI")
    True
    """
    return _fold_bytes(text).replace(b" ", b"").decode("ascii")


def diacritic_key(text: str) -> str:
    """A key that ignores case, spacing, punctuation and tone-placement style, but keeps diacritics.

    >>> diacritic_key("Hoà bình") == diacritic_key("HÒA BÌNH")
    True
    >>> diacritic_key("Hà") == diacritic_key("Hạ")
    False
    """
    return canonical_key(canonical(text))


def canonical_key(text: str) -> str:
    """``diacritic_key`` of a text already in canonical form (skips what ``canonical`` did)."""
    return " ".join(text.translate(_KEY_TABLE).split())


_MARKED = frozenset("đĐðÐɖƉ")


def has_diacritics(text: str) -> bool:
    """Whether ``text`` carries any diacritic (a query with none may match on ``fold``).

    >>> has_diacritics("Hà Nội"), has_diacritics("Ha Noi"), has_diacritics("Đa")
    (True, False, True)
    """
    if text.isascii():
        return False
    return any(
        unicodedata.combining(char) or char in _MARKED
        for char in unicodedata.normalize("NFD", text)
    )
