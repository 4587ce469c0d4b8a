"""Patterned concepts: the glossary format, the lint checks, finding instances in text, lookup."""

import json

import pytest
from typer.testing import CliRunner

from vnterms import Glossary
from vnterms.cli import app
from vnterms.errors import InputError
from vnterms.extract import describe_candidate, extract
from vnterms.lint import check_concepts
from vnterms.patterns import PatternSet, countries
from vnterms.store import generate_records, parse_records

RECORD = """\
[body-session]
category: conference
slot: ordinal ordinal
slot: body concept:principal-organ,subsidiary-body
en: {ordinal} session of the {body} | full | preferred
vi: Khóa họp thứ {ordinal} {body} | full | preferred
  source: https://baohatinh.vn/quoc-te/nong-bau-chon-thanh-vien-khong-thuong-truc-hdba-lhq-nhiem-ky-moi/193897.htm"""


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def test_slots_are_read_and_written_back_unchanged() -> None:
    _, [concept] = parse_records(RECORD.splitlines(), "patterns.terms")
    body = "concept:principal-organ,subsidiary-body"
    assert concept.slots == {"ordinal": "ordinal", "body": body}
    assert concept.is_pattern
    assert "\n".join(generate_records([concept])) == RECORD


@pytest.mark.parametrize("line", ["slot: body", "slot: body colour", "slot: 2x number"])
def test_a_malformed_slot_is_an_error_on_its_line(line: str) -> None:
    lines = RECORD.replace("slot: ordinal ordinal", line).splitlines()
    with pytest.raises(InputError) as error:
        parse_records(lines, "patterns.terms")
    assert error.value.lineno == 3 and "expected 'slot: NAME TYPE'" in str(error.value)


def test_lint_reports_slots_that_differ_between_languages_and_unknown_categories() -> None:
    text = RECORD.replace("Khóa họp thứ {ordinal} {body}", "Khóa họp {body}").replace(
        "subsidiary-body", "subsidiary-bodies")
    _, concepts = parse_records(text.splitlines(), "patterns.terms")
    assert [(p.line, p.message) for p in check_concepts(concepts)] == [
        (1, "slot 'body': unknown category 'subsidiary-bodies'"),
        (6, "vi term 'Khóa họp {body}' holds slots body; the concept declares body, ordinal"),
    ]


def test_the_shipped_patterns_pass_lint(glossary: Glossary) -> None:
    patterned = [concept for concept in glossary if concept.is_pattern]
    assert len(patterned) >= 20
    assert [p for p in check_concepts(list(glossary)) if p.file == "patterns.terms"] == []


# Sentences written for the test; the Vietnamese is the concept's template filled by hand.
INSTANCES = [
    ("The Council adopted resolution 2417 in 2018.", "resolution 2417",
     "Nghị quyết 2417 của Hội đồng Bảo an Liên hợp quốc", True),
    ("He recalled General Assembly resolution 74/247 on cybercrime.",
     "General Assembly resolution 74/247",
     "Nghị quyết 74/247 của Đại hội đồng Liên hợp quốc", True),
    ("He spoke at the 80th session of the UN General Assembly on Monday.",
     "80th session of the UN General Assembly", "Khóa họp thứ 80 Đại hội đồng Liên hợp quốc",
     False),
    ("Ambassador Dang Hoang Giang, Permanent Representative of Viet Nam to the United Nations,",
     "Permanent Representative of Viet Nam to the United Nations",
     "Đại diện thường trực Việt Nam tại Liên hợp quốc", False),
    ("Viet Nam's Permanent Mission to the United Nations in Geneva",
     "Viet Nam's Permanent Mission to the United Nations",
     "Phái đoàn thường trực Việt Nam tại Liên hợp quốc", False),
    ("Việt Nam’s Permanent Representative to the UN spoke",
     "Việt Nam’s Permanent Representative to the UN",
     "Đại diện thường trực Việt Nam tại Liên hợp quốc", False),
    ("Leaders met at COP28 in Dubai.", "COP28",
     "Hội nghị lần thứ 28 các Bên tham gia Công ước khung của Liên hợp quốc về biến đổi khí hậu "
     "(COP28)", False),
    ("The First Review Conference of the Parties to the NPT opened.",
     "First Review Conference of the Parties to the NPT",
     "Hội nghị kiểm điểm Hiệp ước Không phổ biến vũ khí hạt nhân lần thứ nhất", False),
    ("the Fourth Meeting of the States Parties to the UNCLOS, held",
     "Fourth Meeting of the States Parties to the UNCLOS",
     "Hội nghị lần thứ tư các quốc gia thành viên Công ước Liên hợp quốc về Luật Biển năm 1982",
     False),
    ("the Special Rapporteur on the right to education visited Hanoi",
     "Special Rapporteur on the right to education",
     "Báo cáo viên đặc biệt về the right to education", True),
    # a topic in capitals keeps its small words and ends at a word in lower case or a cycle
    ("the Special Rapporteur on the Right to Food met him",
     "Special Rapporteur on the Right to Food",
     "Báo cáo viên đặc biệt về the Right to Food", True),
    ("the Working Group on Peacekeeping Operations Cycle 4 (2021 - 2023) met",
     "Working Group on Peacekeeping Operations",
     "Nhóm công tác về hoạt động gìn giữ hòa bình Liên hợp quốc", True),
    # "Chủ tịch Đại hội đồng Liên hợp quốc khóa 78" (btv.org.vn, VNA): "khóa" and the digits
    ("He met the President of the 76th UN General Assembly in May.",
     "President of the 76th UN General Assembly",
     "Chủ tịch Đại hội đồng Liên hợp quốc khóa 76", False),
    ("the President of the fourth session of the General Assembly said",
     "President of the fourth session of the General Assembly",
     "Chủ tịch Đại hội đồng Liên hợp quốc khóa 4", False),
    ("progress on SDG target 16.3 was slow", "SDG target 16.3",
     "Mục tiêu cụ thể 16.3 của các Mục tiêu phát triển bền vững", True),
]


@pytest.mark.parametrize(("line", "text", "vi", "draft"), INSTANCES, ids=[i[1] for i in INSTANCES])
def test_instances_are_found_with_their_vietnamese_filled_in(
    glossary: Glossary, line: str, text: str, vi: str, draft: bool
) -> None:
    [instance] = PatternSet(glossary).find(line)
    assert (instance.text, instance.vi, instance.draft) == (text, vi, draft)
    assert line[instance.start : instance.end] == text


def test_names_that_are_not_in_the_slots_tables_make_no_instance(glossary: Glossary) -> None:
    patterns = PatternSet(glossary)
    assert patterns.find("the 80th session of the Bananas Assembly") == []
    assert patterns.find("Permanent Representative of Atlantis to the United Nations") == []
    assert patterns.find("resolution 74/247") == []  # a session's number: not the Council's
    assert patterns.find("COP28th") == []
    assert patterns.find("cooperation28 and the regular session of the General Assembly") == []


FILLER = "Delegates from many countries discussed the budget, the agenda and the weather. " * 12


@pytest.mark.parametrize("name", ["80th session of the General Assembly",
                                  "General Assembly's 80th session",
                                  "Special Rapporteur on the right to education"])
def test_an_instance_far_along_a_long_line_is_found(glossary: Glossary, name: str) -> None:
    """Only the stretch around a pattern's trigger is searched: the stretch must hold it all,
    wherever in a long line it stands."""
    line = f"{FILLER}They met at the {name}. {FILLER}"
    [instance] = PatternSet(glossary).find(line)
    assert instance.text == name
    assert instance.start == len(FILLER) + len("They met at the ")


def test_a_line_that_lower_case_makes_longer_keeps_its_places(glossary: Glossary) -> None:
    # "İ".lower() is two characters: places found in the lower-cased line would be 400 off
    line = "İZMİR İSTANBUL " * 100 + "— delegates spoke at the General Assembly's 80th session."
    [instance] = PatternSet(glossary).find(line)
    assert instance.text == "General Assembly's 80th session"
    assert line[instance.start : instance.end] == instance.text


def test_a_trigger_word_alone_finds_nothing(glossary: Glossary) -> None:
    patterns = PatternSet(glossary)
    assert patterns.find("The session of talks and the resolution of the dispute went on.") == []
    assert patterns.find("The COP and the session ended; the decision 2 was taken.") == []


def test_the_country_list_is_shipped_with_uncertain_names_marked() -> None:
    table = countries()
    assert len(set(table.values())) >= 100
    assert table["vietnam"] == table["vietnam"] == ("Việt Nam", True)
    assert table["unitedarabemirates"] == ("Các Tiểu vương quốc Arab thống nhất", True)
    assert table["cambodia"] == ("Campuchia", False)


@pytest.mark.parametrize(("query", "concept", "vi"), [
    ("resolution 2417", "security-council-resolution",
     "Nghị quyết 2417 của Hội đồng Bảo an Liên hợp quốc"),
    ("COP28", "unfccc-cop-session", "Hội nghị lần thứ 28 các Bên tham gia Công ước khung của "
     "Liên hợp quốc về biến đổi khí hậu (COP28)"),
    ("the 80th session of the general assembly", "body-session",
     "Khóa họp thứ 80 Đại hội đồng Liên hợp quốc"),
    ("SPLOS-34", "splos-session", "Hội nghị lần thứ 34 các quốc gia thành viên Công ước Liên hợp "
     "quốc về Luật Biển (SPLOS-34)"),
])  # fmt: skip
def test_lookup_answers_an_instance_with_its_pattern(glossary: Glossary, query: str,
                                                     concept: str, vi: str) -> None:  # fmt: skip
    match = glossary.search(query)[0]
    assert (match.concept.id, match.score, match.rule) == (concept, 99, "pattern")
    assert match.instance is not None and match.instance.vi == vi


def test_lookup_json_gives_the_filled_vietnamese() -> None:
    result = CliRunner().invoke(app, ["lookup", "COP28", "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    [match] = json.loads(result.stdout)
    assert match["instance"]["text"] == "COP28"
    assert match["instance"]["vi"].startswith("Hội nghị lần thứ 28 các Bên tham gia")
    assert match["instance"]["slots"] == {"number": {"text": "28", "vi": "28", "concept": None}}


# One typo in a name of three words: a letter lost or added at a word's start or end, a plural
# "s" dropped or added. Each scores 87 (similarity above 0.95, held at the typo ceiling).
TYPOS = [
    ("Human Right Council", "human-rights-council"),
    ("Human Rights Councils", "human-rights-council"),
    ("Human Rights Counci", "human-rights-council"),
    ("Worl Health Organization", "who"),
    ("Wworld Health Organization", "who"),
    ("World Healths Organization", "who"),
    ("Economic Social Councl", "economic-and-social-council"),
    ("International Court of Justic", "international-court-of-justice"),
]


@pytest.mark.parametrize(("query", "concept"), TYPOS)
def test_one_typo_in_a_three_word_name_scores_85_or_more(glossary: Glossary, query: str,
                                                         concept: str) -> None:  # fmt: skip
    match = glossary.search(query)[0]
    assert (match.concept.id, match.score) == (concept, 87)


@pytest.mark.parametrize("query", ["purple elephant committee", "Banana Council",
                                   "Councill of Bananas", "Interstellar Fruit Organization",
                                   "Human Wrongs Commitee"])  # fmt: skip
def test_nonsense_scores_below_50(glossary: Glossary, query: str) -> None:
    assert all(match.score < 50 for match in glossary.search(query))


def test_exports_leave_patterns_out() -> None:
    result = CliRunner().invoke(app, ["export", "csv"])
    assert result.exit_code == 0
    assert "{" not in result.stdout and "Permanent Representative of" not in result.stdout


def test_a_numbered_series_is_one_pattern_candidate_never_new_names(glossary: Glossary) -> None:
    """2,000 numbered resolutions and a session: the patterns' candidates, with their instances
    (the first 50 kept) and each instance's Vietnamese; no new name is made of them."""
    lines = [f"The Council adopted Security Council resolution {n} on the Middle East."
             for n in range(1, 2001)]  # fmt: skip
    lines.append("Delegates met at the 80th session of the General Assembly.")
    candidates = extract([("res.txt", "\n".join(lines))], glossary)
    by_id = {candidate.id: candidate for candidate in candidates}
    assert [c.term for c in candidates if c.id is None] == []
    resolutions = by_id["security-council-resolution"]
    assert resolutions.count == 2000 and len(resolutions.instances) == 50
    first = describe_candidate(resolutions)["instances"][0]
    assert first == {"text": "Security Council resolution 1",
                     "vi": "Nghị quyết 1 của Hội đồng Bảo an Liên hợp quốc", "draft": True,
                     "slots": {"number": {"text": "1", "vi": "1", "concept": None}}}  # fmt: skip
    [session] = by_id["body-session"].instances
    assert (session.text, session.vi) == ("80th session of the General Assembly",
                                          "Khóa họp thứ 80 Đại hội đồng Liên hợp quốc")
    assert by_id["general-assembly"].count == 1  # the slot's name, nested in the instance
