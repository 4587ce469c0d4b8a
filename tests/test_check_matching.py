"""``vnterms check``: where the names of a segment begin and end, and which syllables count for
each tone style: the fast paths (ASCII lines, lower-cased targets) find what the slow ones do."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnterms import check
from vnterms.check import Checker, _Walk
from vnterms.formats.segments import Segment
from vnterms.model import Concept, Term
from vnterms.store import read_glossary

GLOSSARY = Path(__file__).parent / "data" / "check" / "glossary"
VIET_NAM = Concept("viet-nam", "place", [Term("Vietnam", "en", "full", "preferred"),
                                         Term("Viet Nam", "en", "variant", "admitted"),
                                         Term("Việt Nam", "vi", "full", "preferred")])  # fmt: skip


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker([*read_glossary(GLOSSARY), VIET_NAM])


def _names(checker: Checker, text: str, lang: str = "en") -> list[tuple[int, int, str]]:
    return [(span.start, span.end, span.concept.id) for span in checker.names(text, lang)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("UN Women and the UN", [(0, 8, "un-women"), (17, 19, "united-nations")]),
        ("The Human Rights Council’s session", [(4, 26, "human-rights-council")]),
        ("The Human Rights Councils met", [(4, 25, "human-rights-council")]),
        (
            "the UN's Human Rights Council",
            [(4, 6, "united-nations"), (9, 29, "human-rights-council")],
        ),
        # a line with a character beyond ASCII takes the other path, to the same names
        ("The Human Rights Council – in Geneva", [(4, 24, "human-rights-council")]),
        # one word alone is a name, as are its words written apart
        ("Vietnam and Viet Nam", [(0, 7, "viet-nam"), (12, 20, "viet-nam")]),
    ],
)
def test_names_begin_and_end_where_their_words_do(
    checker: Checker, text: str, names: list[tuple[int, int, str]]
) -> None:
    assert _names(checker, text) == names


@pytest.mark.parametrize(
    "text", ["The Human Rights, Council met", "The Human Rights. Council", "Human Rights\tCouncil"]
)
def test_anything_but_spaces_and_apostrophes_between_words_ends_a_name(
    checker: Checker, text: str
) -> None:
    assert _names(checker, text) == []


def test_a_vietnamese_name_followed_by_the_un_s_is_one_name(checker: Checker) -> None:
    assert _names(checker, "Hội đồng Nhân quyền LHQ họp", "vi") == [(0, 23, "human-rights-council")]


def _tone_lines(checker: Checker, *targets: str) -> list[tuple[int, str | None]]:
    segments = [Segment("Peace.", target, "en", n) for n, target in enumerate(targets, 1)]
    return [(p.line, p.found) for p in checker.check(segments, "f") if p.rule == "tone-style"]


@pytest.mark.parametrize(
    ("targets", "minority"),
    [
        (("Thụy Sĩ và Thụy Điển", "Thuỵ Sĩ"), [(2, "Thuỵ")]),  # uy with the tone on the y
        (("họa sĩ vẽ tranh họa", "hoạ sĩ"), [(2, "hoạ")]),  # oa with the dot below
        (("Ủy ban và Ủy viên", "Uỷ ban"), [(2, "Uỷ")]),  # the marked vowel is a capital
        (("HÒA BÌNH, hòa hợp", "HOÀ GIẢI"), [(2, "HOÀ")]),
    ],
)
def test_each_tone_style_counts_in_any_case(
    checker: Checker, targets: tuple[str, ...], minority: list[tuple[int, str]]
) -> None:
    assert _tone_lines(checker, *targets) == minority


def test_the_words_remembered_for_names_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each new capitalised word is remembered; past the cap all is forgotten, names still found."""
    monkeypatch.setattr(check, "MAX_WALKS", 10)
    capped = Checker(read_glossary(GLOSSARY))
    for n in range(40):
        assert _names(capped, f"Delegate{n} said the Human Rights Council met") == [
            (18 + len(str(n)), 38 + len(str(n)), "human-rights-council")
        ]
        # the words met after a name's beginning are remembered too, under the same cap
        assert _names(capped, f"the Human Rights Council session{n} met") == [
            (4, 24, "human-rights-council")
        ]
    matcher = capped._matchers["en"]
    assert 0 < matcher.walks <= 10
    assert sum(_size(walk) for walk, _ in matcher.first_words.values()) <= 10


def _size(walk: _Walk) -> int:
    return 1 + sum(_size(further) for further in (walk.after or {}).values())
