import shutil
from pathlib import Path

import pytest

from vnterms.lint import lint_glossary
from vnterms.store import parse_records

DATA = Path(__file__).parent / "data"


def _lint(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "case.terms").write_text(text, encoding="utf-8")
    return [str(problem).split(": ", 1)[1] for problem in lint_glossary(tmp_path)]


def test_small_glossary_is_clean() -> None:
    assert lint_glossary(DATA / "glossary-small") == []


def test_shipped_glossary_is_clean() -> None:
    assert [str(problem) for problem in lint_glossary()] == []


def test_new_tone_style_is_reported_with_file_and_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "broken" / "new-tone-style.terms", tmp_path)
    problems = lint_glossary(tmp_path)
    assert [str(p) for p in problems] == [
        f"{tmp_path}/new-tone-style.terms:4: tone marks not in the old placement: "
        "write 'Hòa bình' for 'Hoà bình'"
    ]


RECORD = "[{id}]\ncategory: place\nen: {en} | full | preferred\nvi: {vi} | full | preferred\n"


@pytest.mark.parametrize(
    ("en", "vi", "expected"),
    [
        ("Ha Noi", "Hà Nội", None),
        ("Ha Noi", "Hà Nôị", "tone marks not in the old placement"),
        ("Ha Noi", "Hà Nộii", "'Nộii' is not a Vietnamese syllable"),
        ("Ha Noi", "Hà quôc", "'quôc' is not a Vietnamese syllable"),
        ("Ha Noi", "Ha\u0300 Nội", "not in NFC"),
        ("Ha  Noi", "Hà Nội", "stray whitespace"),
        ("Ha Noi", "Hà Nội\u00a0", "stray whitespace"),
        ("Ha Noi", "Công ước Basel", None),
        ("Ha Noi", "HĐBA", None),
    ],
)
def test_term_text_checks(tmp_path: Path, en: str, vi: str, expected: str | None) -> None:
    problems = _lint(tmp_path, RECORD.format(id="x", en=en, vi=vi))
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and expected in problems[0]


def test_collisions_and_references(tmp_path: Path) -> None:
    text = (
        "[a]\ncategory: place\nparent: nowhere\nen: Hà Nam | full | preferred\n"
        "en: HN | abbreviation | admitted\nvi: Hà Nam | full | preferred\n\n"
        "[b]\ncategory: plaice\nen: Ha Nam | full | preferred\nen: HN | abbreviation | admitted\n\n"
        "[b]\ncategory: place\nstatus: draft\nen: Hạ Nam | full | preferred\n"
    )
    problems = _lint(tmp_path, text)
    joined = "\n".join(problems)
    assert "parent 'nowhere' is not a concept id" in joined
    assert "unknown category 'plaice'" in joined
    assert "'Ha Nam' folds like 'Hà Nam' of [a]" in joined
    assert "abbreviation 'HN' is also [a]'s" in joined
    assert "duplicate id 'b'" in joined
    assert "no preferred vi term" in joined


def test_declared_homonyms_and_noted_abbreviations_are_accepted(tmp_path: Path) -> None:
    text = (
        "[a]\ncategory: place\nnote: The province.\nhomonym: b\nen: Ha Nam | full | preferred\n"
        "en: HN | abbreviation | admitted\n  note: In lists of provinces.\n"
        "vi: Hà Nam | full | preferred\n\n"
        "[b]\ncategory: place\nnote: The town.\nhomonym: a\nen: Ha Nam | short | preferred\n"
        "en: HN | abbreviation | admitted\nvi: Hạ Nam | full | preferred\n"
    )
    assert _lint(tmp_path, text) == []


def test_layout_problem_points_at_first_differing_line(tmp_path: Path) -> None:
    text = RECORD.format(id="b", en="B", vi="Bê") + "\n" + RECORD.format(id="a", en="A", vi="A")
    (_header, concepts) = parse_records(text.splitlines(), "case.terms")
    assert [c.id for c in concepts] == ["b", "a"]
    (tmp_path / "case.terms").write_text(text, encoding="utf-8")
    assert [str(problem) for problem in lint_glossary(tmp_path)] == [
        f"{tmp_path}/case.terms:1: not in canonical layout: expected '[a]' (records sorted by id, "
        "fields in order; 'vnterms lint --fix' rewrites it)"
    ]


@pytest.mark.parametrize(
    ("vi", "expected"),
    [
        ("HĐBA", None),
        ("ĐHĐ LHQ", None),
        ("UN-Habitat", None),
        ("UNCLOS 1982", None),
        ("Tổng Thư ký LHQ", "'Tổng Thư ký LHQ' spells out 'Tổng': a Vietnamese short form is "
         "kind 'short', not 'abbreviation'"),
        ("TP Hồ Chí Minh", "'TP Hồ Chí Minh' spells out 'Hồ': a Vietnamese short form is kind "
         "'short', not 'abbreviation'"),
    ],
)  # fmt: skip
def test_a_vietnamese_abbreviation_is_letters_not_syllables(
    tmp_path: Path, vi: str, expected: str | None
) -> None:
    text = (RECORD.format(id="x", en="X Body", vi="Cơ quan X")
            + f"vi: {vi} | abbreviation | admitted\n")  # fmt: skip
    assert _lint(tmp_path, text) == ([expected] if expected else [])
