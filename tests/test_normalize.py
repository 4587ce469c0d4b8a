import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnterms import canonical, compact, diacritic_key, fold, has_diacritics, is_syllable
from vnterms.normalize import TokenKeys

DATA = Path(__file__).parent / "data"

CANONICAL_OLD = [
    # decomposed, partly composed, marks in any order
    ("Vie\u0323\u0302t Nam", "Việt Nam"),
    ("Vi\u00ea\u0323t Nam", "Việt Nam"),
    ("ke\u0301\u0302t", "kết"),
    ("ngu\u031bo\u0300\u031bi", "người"),
    ("tha\u0306\u0301ng", "thắng"),
    ("Ho\u0302\u0323i đo\u0302\u0300ng", "Hội đồng"),
    # deprecated combining tone marks
    ("ca\u0341c", "các"),
    ("Hoa\u0340 bình", "Hòa bình"),
    # look-alikes of Đ/đ inside Vietnamese syllables only
    ("Ðà Nẵng", "Đà Nẵng"),
    ("ðường", "đường"),
    ("Ɖỗ Hùng Việt", "Đỗ Hùng Việt"),
    ("ɖi", "đi"),
    ("Guðrún", "Guðrún"),
    # invisible format characters
    ("Liên\u200b Hợp Quốc", "Liên Hợp Quốc"),
    ("\ufeffViệt Nam", "Việt Nam"),
    ("Hà\u00ad Nội", "Hà Nội"),
    ("Việt\u200e Nam\u2060", "Việt Nam"),
    # every kind of space
    ("Hội\u00a0đồng\u2003Bảo\tan", "Hội đồng Bảo an"),
    ("  Liên hợp quốc \n", "Liên hợp quốc"),
    ("Việt\u202fNam\u3000", "Việt Nam"),
    ("a  \u2009  b", "a b"),
    # old tone placement (government documents)
    ("hoà bình", "hòa bình"),
    ("thuỷ sản", "thủy sản"),
    ("Uỷ ban", "Ủy ban"),
    ("Toà án", "Tòa án"),
    ("khoẻ", "khỏe"),
    ("HOÀ BÌNH", "HÒA BÌNH"),
    ("UỶ BAN", "ỦY BAN"),
    ("luỹ kế", "lũy kế"),
    ("hoàn thành", "hoàn thành"),
    ("quý", "quý"),
    ("khuỷu", "khuỷu"),
    ("ngoài", "ngoài"),
    ("khuyến nghị", "khuyến nghị"),
    # tone marks typed on the wrong vowel
    ("gìa", "già"),
    ("qúy", "quý"),
    ("ngừơi", "người"),
    ("Đaị", "Đại"),
    ("hóan", "hoán"),
    ("tíên", "tiến"),
    ("qủa", "quả"),
    ("mừơi", "mười"),
    ("gíup", "giúp"),
    ("rựơu", "rượu"),
    # text that is not a Vietnamese syllable is left exactly as it is
    ("café", "café"),
    ("São Paulo", "São Paulo"),
    ("José", "José"),
    ("naïve", "naïve"),
    ("Viá»‡t Nam", "Viá»‡t Nam"),
    ("ThÃ nh phá»'", "ThÃ nh phá»'"),
    ("UNESCO COVID-19", "UNESCO COVID-19"),
    ("Nguơn", "Nguơn"),
    ("mãt", "mãt"),
    # case and punctuation kept
    ("Hà Nội, “Công ước Hà Nội”", "Hà Nội, “Công ước Hà Nội”"),
    ("VIỆT NAM", "VIỆT NAM"),
]

CANONICAL_NEW = [
    ("hòa bình", "hoà bình"),
    ("thủy sản", "thuỷ sản"),
    ("Ủy ban", "Uỷ ban"),
    ("Tòa án", "Toà án"),
    ("khỏe", "khoẻ"),
    ("HÒA", "HOÀ"),
    ("hoàn", "hoàn"),
    ("ngoài", "ngoài"),
    ("gìa", "già"),
    ("Uy\u0309 ban", "Uỷ ban"),
]

FOLD = [
    ("VIỆT NAM", "viet nam"),
    ("Viet-Nam", "viet nam"),
    ("Vie\u0323\u0302t Nam", "viet nam"),
    ("Việt Nam", "viet nam"),
    ("Vietnam", "vietnam"),
    ("Đà Nẵng", "da nang"),
    ("ĐỖ HÙNG VIỆT", "do hung viet"),
    ("Ðà", "da"),
    ("Côte d’Ivoire", "cote d ivoire"),
    ("İstanbul", "istanbul"),
    ("Ørsted", "orsted"),
    ("Straße", "strasse"),
    ("Łódź", "lodz"),
    ("Æsir", "aesir"),
    ("U.N.", "u n"),
    ("Asia–Pacific", "asia pacific"),
    ("“Hanoi Convention”", "hanoi convention"),
    ("(NPT)", "npt"),
    ("2026-2028 term", "2026 2028 term"),
    ("  Hội  đồng  ", "hoi dong"),
    ("Liên\u200bHợp", "lienhop"),
    ("Tòa án Công lý quốc tế", "toa an cong ly quoc te"),
    ("北京", "bei jing"),
]


@pytest.mark.parametrize(("text", "expected"), CANONICAL_OLD)
def test_canonical_old_style(text: str, expected: str) -> None:
    assert canonical(text) == expected
    assert unicodedata.is_normalized("NFC", canonical(text))


@pytest.mark.parametrize(("text", "expected"), CANONICAL_NEW)
def test_canonical_new_style(text: str, expected: str) -> None:
    assert canonical(text, style="new") == expected


def test_canonical_rejects_unknown_style() -> None:
    with pytest.raises(ValueError, match="style"):
        canonical("hòa", style="modern")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), FOLD)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [("Viet Nam", "Vietnam"), ("Ha Noi", "Hanoi"), ("HÀ NỘI", "hanoi"), ("UN-Women", "UN Women")],
)
def test_compact_joins_spacing_variants(left: str, right: str) -> None:
    assert compact(left) == compact(right)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ASCII input takes a fast path: every run of spaces and punctuation still goes
        ("Ha Noi", "hanoi"),
        ("Ha  Noi", "hanoi"),
        ("  Viet\tNam \n", "vietnam"),
        ("UN-Women", "unwomen"),
        ("U.N.  Security   Council", "unsecuritycouncil"),
        ("SDG 16", "sdg16"),
        ("(NPT)", "npt"),
        ("", ""),
        ("   ", ""),
        # other text: diacritics go, and so do Unicode spaces and format characters
        ("Hà  Nội", "hanoi"),
        ("Việt\u00a0Nam\u200b", "vietnam"),
        ("Đà–Nẵng", "danang"),
        ("Straße 7", "strasse7"),
    ],
)
def test_compact_drops_every_space_and_separator(text: str, expected: str) -> None:
    assert compact(text) == expected


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("Hoà bình", "HÒA BÌNH", True),
        ("thuỷ", "thủy", True),
        ("Hòa-Bình", "hòa bình", True),
        ("Vie\u0323\u0302t", "việt", True),
        ("Hà", "Hạ", False),
        ("Hà", "Ha", False),
        ("bảo", "báo", False),
    ],
)
def test_diacritic_key_ignores_case_and_style_only(left: str, right: str, same: bool) -> None:
    assert (diacritic_key(left) == diacritic_key(right)) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ha Noi", False), ("Hà Nội", True), ("Đa", True), ("Vie\u0323\u0302t", True), ("", False)],
)
def test_has_diacritics(text: str, expected: bool) -> None:
    assert has_diacritics(text) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Nguyễn", True), ("hoà", True), ("QUỐC", True), ("giếng", True), ("gì", True),
     ("Quỳnh", True), ("quyết", True), ("quýt", True), ("quoan", False),
     ("quôc", False), ("mãt", False), ("ci", False), ("nghá", False), ("Kyoto", False)],
)  # fmt: skip
def test_is_syllable(word: str, expected: bool) -> None:
    assert is_syllable(word) is expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Hà", "Nội"], "ha noi"),
        (["Hà", "–", "Nội"], "ha noi"),
        (["“", "Hà"], "ha"),
        (["Nội", "”"], "noi"),
        (["–"], ""),
        ([], ""),
    ],
)
def test_token_keys_join_the_keys_of_tokens(tokens: list[str], expected: str) -> None:
    assert TokenKeys(fold).of(tokens) == expected


def test_token_keys_stay_bounded() -> None:
    keys = TokenKeys(str.upper)
    for n in range(200_001):
        assert keys[f"w{n}"] == f"W{n}"
        assert len(keys) <= 200_000
    assert keys.of(["w1", "w2"]) == "W1 W2"


# --- properties ---------------------------------------------------------------------------------

_VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯQGHY"
_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0340\u0341"
_OTHER = " \u00a0\u200b\ufeff\t-.,’“”()ÐðɖéøßİÃ»‡1"
texts = st.text(alphabet=_VIETNAMESE + _MARKS + _OTHER, max_size=40) | st.text(max_size=20)


@given(texts)
def test_canonical_is_idempotent(text: str) -> None:
    once = canonical(text)
    assert canonical(once) == once


@given(texts)
def test_fold_ignores_canonicalisation(text: str) -> None:
    assert fold(canonical(text)) == fold(text)


@given(texts)
def test_fold_same_for_nfd_and_nfc(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(texts)
def test_old_new_old_round_trip(text: str) -> None:
    old = canonical(text, style="old")
    assert canonical(canonical(old, style="new"), style="old") == old


@given(st.text(alphabet=_VIETNAMESE + _MARKS + " -", max_size=30))
def test_fold_of_vietnamese_is_ascii(text: str) -> None:
    assert fold(text).isascii()


# --- oracle: every Vietnamese syllable, in both tone-placement styles ---------------------------


def _syllables(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()[1:]
    return [unicodedata.normalize("NFC", line.strip()) for line in lines if line.strip()]


def _tone(word: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if c in "\u0300\u0301\u0303\u0309\u0323"
    )


def _untoned(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
    )


@pytest.mark.parametrize(
    ("source", "target", "style"),
    [("vi-DauMoi.dic", "vi-DauCu.dic", "old"), ("vi-DauCu.dic", "vi-DauMoi.dic", "new")],
)
@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_every_syllable_converts_to_its_counterpart(source, target, style, case) -> None:
    counterpart = {(_untoned(word), _tone(word)): word for word in _syllables(target)}
    assert len(counterpart) == len(_syllables(target))
    wrong = []
    for word in _syllables(source):
        expected = counterpart[(_untoned(word), _tone(word))]
        if canonical(case(word), style=style) != case(expected):
            wrong.append((case(word), canonical(case(word), style=style), case(expected)))
    assert wrong == []
    moved = sum(word != counterpart[(_untoned(word), _tone(word))] for word in _syllables(source))
    assert moved > 60  # the lists really differ in tone placement: the test checks something
