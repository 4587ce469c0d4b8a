"""Extraction of coordinated names, qualifiers, possessives, posts and named events: sentences
written for the test, with what a reader finds in them written by hand."""

import pytest

from vnterms import Glossary
from vnterms.extract import extract, find_names


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def names(text: str, glossary: Glossary) -> list[tuple[str, str | None]]:
    """The names found, each with its concept's id, places left out."""
    return [(name.text, name.concept.id if name.concept else None)
            for name in find_names(text, glossary)
            if not (name.concept and name.concept.category == "place")]  # fmt: skip


def test_names_joined_by_and_are_two_names(glossary: Glossary) -> None:
    text = "The Vietnam Peacekeeping Department and the Ministry of National Defence met."
    assert names(text, glossary) == [
        ("Vietnam Peacekeeping Department", "vietnam-peacekeeping-department"),
        ("Ministry of National Defence", "ministry-of-national-defence-of-viet-nam")]
    # neither name known: still two
    text = "The Vietnam Demining Department and the Ministry of Fisheries met."
    assert names(text, glossary) == [("Vietnam Demining Department", None),
                                     ("Ministry of Fisheries", None)]  # fmt: skip


@pytest.mark.parametrize("text", ["He joined the Department of Economic and Social Affairs.",
                                  "The Food and Agriculture Organization met."])  # fmt: skip
def test_and_inside_one_name_does_not_cut_it(glossary: Glossary, text: str) -> None:
    [(name, _)] = names(text, glossary)
    assert name.startswith(("Department of Economic", "Food and"))
    assert name.endswith(("Social Affairs", "Agriculture Organization"))


def test_a_leading_year_or_ordinal_is_a_qualifier(glossary: Glossary) -> None:
    text = ("At the 12th ASEAN-UN Workshop, the 1982 UNCLOS was cited; the Tenth Review "
            "Conference of the Treaty on Bananas opened; the 2030 Agenda for Sustainable "
            "Development was cited.")
    found = {(n.text, n.qualifier) for n in find_names(text, glossary) if not n.nested}
    assert found == {("ASEAN-UN Workshop", "12th"), ("UNCLOS", "1982"),
                     ("Review Conference of the Treaty on Bananas", "Tenth"),
                     ("2030 Agenda for Sustainable Development", None)}  # fmt: skip


def test_named_dialogues_and_workshops_are_conferences(glossary: Glossary) -> None:
    text = "Ministers spoke at the Shangri-La Dialogue and the 12th ASEAN-UN Workshop."
    found = {c.term: c.category for c in extract([("t", text)], glossary)}
    assert found == {"Shangri-La Dialogue": "conference", "ASEAN-UN Workshop": "conference"}


def test_a_possessive_of_the_un_is_read_as_its_own(glossary: Glossary) -> None:
    assert names("The United Nations' Human Rights Council met.", glossary) == [
        ("United Nations", "united-nations"), ("Human Rights Council", "human-rights-council")]
    # "the United Nations’ Charter" is the Charter of the United Nations
    assert names("They upheld the United Nations’ Charter.", glossary) == [
        ("United Nations", "united-nations"), ("Charter", "un-charter")]
    # an apostrophe inside a name is no possessive
    assert names("the UN Children's Fund", glossary) == [("UN Children's Fund", "unicef")]


def test_an_agencys_representative_in_a_country_is_a_post(glossary: Glossary) -> None:
    text = "At a reception for WHO Representative in Vietnam Angela Pratt in Hanoi,"
    [post] = [n for n in find_names(text, glossary) if n.instance]
    assert (post.text, post.concept and post.concept.category) == (
        "WHO Representative in Vietnam", "post")
    assert post.instance is not None
    assert post.instance.vi == "Trưởng Đại diện Tổ chức Y tế thế giới tại Việt Nam"
    # the agency opens the post: it is not listed as a name of its own
    assert names(text, glossary) == [("WHO Representative in Vietnam",
                                      "agency-representative-in-country")]  # fmt: skip


def test_a_director_of_a_named_department_is_a_post(glossary: Glossary) -> None:
    text = "Massimo Aparo, Director of the IAEA Department of Safeguards, said."
    by_term = {c.term: c.category for c in extract([("t", text)], glossary)}
    assert by_term["Director of the IAEA Department of Safeguards"] == "post"


def test_a_post_of_a_named_body_is_one_name_and_a_person_after_it_is_not(
    glossary: Glossary,
) -> None:
    text = "Secretary-General of the Vietnam National Commission for UNESCO Mai Phan Dung spoke."
    assert names(text, glossary) == [
        ("Secretary-General of the Vietnam National Commission for UNESCO", None),
        ("Vietnam National Commission for UNESCO", "viet-nam-national-commission-for-unesco"),
        ("UNESCO", "unesco"),
    ]


def test_a_delegation_is_a_name(glossary: Glossary) -> None:
    text = "Giang, head of the Permanent Delegation of Vietnam to the United Nations, said."
    assert names(text, glossary) == [
        ("Permanent Delegation of Vietnam to the United Nations", None),
        ("United Nations", "united-nations"),
    ]


def test_a_pattern_that_opens_with_a_capital_needs_one(glossary: Glossary) -> None:
    lower = "He heads the Vietnamese working group on peacekeeping operations."
    assert [n for n in find_names(lower, glossary) if n.instance] == []
    upper = "He met the Working Group on Space Debris."  # a mandate the glossary does not name
    assert [n.text for n in find_names(upper, glossary) if n.instance] == [
        "Working Group on Space Debris"]


def test_a_resolution_symbol_may_carry_its_series(glossary: Glossary) -> None:
    text = "the General Assembly’s ratification of the Security Council’s Resolution A/RES/71/4"
    [resolution] = [n for n in find_names(text, glossary) if n.instance]
    assert resolution.text == "Security Council’s Resolution A/RES/71/4"
    assert resolution.instance is not None
    assert resolution.instance.vi == "Nghị quyết A/RES/71/4 của Hội đồng Bảo an Liên hợp quốc"
    # the words of the symbol make no new name ("Resolution A")
    assert names(text, glossary) == [("General Assembly", "general-assembly"),
                                     ("Security Council’s Resolution A/RES/71/4",
                                      "body-resolution")]  # fmt: skip


def test_british_spellings_and_a_comma_inside_a_name_meet_the_glossary(
    glossary: Glossary,
) -> None:
    text = "the United Nations Educational, Scientific and Cultural Organization met."
    assert names(text, glossary) == [
        ("United Nations Educational, Scientific and Cultural Organization", "unesco")]
    # the glossary writes "Centre" only
    text = "the United Nations Regional Center for Preventive Diplomacy for Central Asia met."
    assert names(text, glossary) == [
        ("United Nations Regional Center for Preventive Diplomacy for Central Asia", "unrcca")]
    # and it opens with "United Nations" only: "UN" stands for it
    text = "the UN Regional Centre for Preventive Diplomacy for Central Asia met."
    assert names(text, glossary) == [
        ("UN Regional Centre for Preventive Diplomacy for Central Asia", "unrcca")]


def test_title_words_before_a_post_belong_to_it(glossary: Glossary) -> None:
    # a headline's short title is the glossary's post
    assert names("Deputy PM Tran Luu Quang spoke.", glossary) == [
        ("Deputy PM", "deputy-prime-minister-of-viet-nam")]
    # "Standing" makes another post, which the glossary holds; "Acting" one it does not
    assert names("Standing Deputy Prime Minister Pham Binh Minh spoke.", glossary) == [
        ("Standing Deputy Prime Minister", "permanent-deputy-prime-minister-of-viet-nam")]
    assert names("Acting Deputy Prime Minister Pham Binh Minh spoke.", glossary) == [
        ("Acting Deputy Prime Minister", None)]
    # an agency's name right before a post: that agency's post, one name
    assert names("IAEA Director General Rafael Grossi spoke.", glossary) == [
        ("IAEA Director General", "iaea-director-general")]
    assert names("ITU Secretary-General Doreen Bogdan-Martin spoke.", glossary) == [
        ("ITU Secretary-General", None)]


def test_a_name_with_its_small_words_changed_is_the_glossarys(glossary: Glossary) -> None:
    text = "They backed the 2030 Agenda on Sustainable Development."
    assert names(text, glossary) == [
        ("2030 Agenda on Sustainable Development", "agenda-2030")]


def test_a_known_names_end_alone_is_no_new_name(glossary: Glossary) -> None:
    # the end of "UNESCO Executive Board" standing for it
    assert names("She is a member of the Executive Board.", glossary) == []
    # another country's ministry is not a name vnterms keeps
    assert names("He met the Japanese Defence Ministry.", glossary) == []
    # a known body's meeting is that body's sitting
    assert names("at the IAEA Board of Governors Meeting", glossary) == [
        ("IAEA Board of Governors", "iaea-board-of-governors")]


def test_a_cycle_after_a_name_is_not_part_of_it(glossary: Glossary) -> None:
    text = "the Experts’ Working Group on Peacekeeping Operations Cycle 4 met."
    assert names(text, glossary) == [("Experts’ Working Group on Peacekeeping Operations", None)]


def test_an_acronym_alone_is_a_name_unless_a_word_in_capitals(glossary: Glossary) -> None:
    text = "VGP - Cooperation with partners, particularly ASEAN and the UN, grew."
    assert names(text, glossary) == [("VGP", None), ("ASEAN", "asean"), ("UN", "united-nations")]
    assert names("PARIS - The Council met.", glossary) == []
    # an acronym may keep a word of its name whole
    text = "the Mekong Water Ministers’ Meeting Plus (MWMM Plus) met; MWMM Plus members agreed."
    assert [c.term for c in extract([("t", text)], glossary)] == [
        "Mekong Water Ministers’ Meeting Plus"]
    [candidate] = extract([("t", text)], glossary)
    assert candidate.abbreviations == ["MWMM Plus"] and candidate.count == 3


def test_an_event_of_a_numbered_session_is_the_events_name(glossary: Glossary) -> None:
    text = "at the High-level General Debate of the 77th Session of the UN General Assembly"
    found = [(n.text, n.concept and n.concept.id, n.nested) for n in find_names(text, glossary)]
    assert found == [
        ("High-level General Debate of the 77th Session of the UN General Assembly",
         "general-debate", False),
        ("UN General Assembly", "general-assembly", True),
        ("77th Session of the UN General Assembly", "body-session", True),
    ]  # fmt: skip
    # the event is counted as the glossary's concept: no new concept, no numbered one
    by_id = {c.id: c.count for c in extract([("t", text)], glossary)}
    assert by_id == {"general-debate": 1, "general-assembly": 1, "body-session": 1}


def test_the_un_written_with_dots_is_the_un(glossary: Glossary) -> None:
    text = "the U.N. General Assembly elected the President of the U.N. General Assembly."
    assert names(text, glossary) == [
        ("U.N. General Assembly", "general-assembly"),
        ("President of the U.N. General Assembly", "president-of-the-general-assembly"),
        ("U.N. General Assembly", "general-assembly"),
    ]
    assert names("Vietnam joined the U.N. in 1977.", glossary) == [("U.N.", "united-nations")]


def test_a_byline_in_brackets_and_acronyms_in_compounds(glossary: Glossary) -> None:
    text = "(VOVWORLD) -The ASEAN-UN cooperation of the UAE grew."
    assert names(text, glossary) == [("VOVWORLD", None)]


def test_roles_and_years_around_a_name_are_cut_off(glossary: Glossary) -> None:
    text = ("Quy, Head of the Vietnamese Mission to the United Nations and Head of the Committee "
            "on Sudan, cited the agreement of 2020 and Resolution 2570.")
    assert names(text, glossary) == [
        ("Vietnamese Mission to the United Nations", None),
        ("United Nations", "united-nations"),
        ("Committee on Sudan", None),
        ("Resolution 2570", "security-council-resolution"),
    ]
    text = "Ambassador and Deputy Head of the Vietnamese Mission, Pham Hai Anh, spoke."
    assert names(text, glossary) == [("Vietnamese Mission", None)]


def test_a_ministers_post_ends_with_its_field(glossary: Glossary) -> None:
    text = ("The PM is accompanied by Minister of Natural Resources and Environment Đặng Quốc "
            "Khánh and Deputy Minister of Public Security Lê Văn Tuyến.")
    assert names(text, glossary) == [
        ("Minister of Natural Resources and Environment", None),
        ("Deputy Minister of Public Security", None),
        ("PM", "prime-minister-of-viet-nam"),
    ]
    # a comma inside the field of a ministry the glossary knows: one post
    text = "He met Minister of Labour, Invalids and Social Affairs Đào Ngọc Dung."
    assert names(text, glossary) == [("Minister of Labour, Invalids and Social Affairs", None)]
    text = "Minister of Labour, who spoke, said so."  # a comma that ends it
    assert names(text, glossary) == [("Minister of Labour", None)]
    assert names("The meeting opened at 3 PM.", glossary) == []  # a time
    # another country's minister is not a name vnterms keeps
    text = "The debate was chaired by Minister of Foreign Affairs Sergey Lavrov of Russia."
    assert names(text, glossary) == []
    # nor is a minister's title alone
    assert names("The Minister of the day spoke.", glossary) == []
    # a post the glossary holds as Viet Nam's is another country's when one is named with it
    for text in ("Japanese Minister of Foreign Affairs Yoko Kamikawa spoke.",
                 "The Minister of Foreign Affairs of the Republic of Korea spoke.",
                 "Prime Minister Lee Hsien Loong of Singapore spoke."):  # fmt: skip
        assert names(text, glossary) == [], text
    assert names("Minister of Foreign Affairs Bui Thanh Son of Viet Nam spoke.", glossary) == [
        ("Minister of Foreign Affairs", "minister-of-foreign-affairs-of-viet-nam")]


def test_a_person_after_a_new_name_is_not_part_of_it(glossary: Glossary) -> None:
    text = "Deputy Chief of the Party Central Committee Office Bùi Văn Thạch spoke."
    assert [n for n, _ in names(text, glossary)] == [
        "Deputy Chief of the Party Central Committee Office", "Party Central Committee Office"]


def test_a_plan_of_action_is_a_name(glossary: Glossary) -> None:
    text = "They adopted the ASEAN-UN Plan of Action for 2021-2025."
    assert names(text, glossary) == [("ASEAN-UN Plan of Action", None)]


def test_lower_case_words_after_a_name_are_not_the_glossarys_capitals(glossary: Glossary) -> None:
    # the glossary writes "Paris Agreement on Climate Change" and "NPT Review Conference"
    text = "targets set in the Paris Agreement on climate change; the NPT review conference."
    assert names(text, glossary) == [("Paris Agreement", "paris-agreement"), ("NPT", "npt")]


def test_a_post_after_and_the_is_a_name_of_its_own(glossary: Glossary) -> None:
    text = "They met the UN High Commissioner for Human Rights and the Director of the UN Office."
    assert names(text, glossary) == [
        ("Director of the UN Office", None),
        ("UN Office", None),
        ("UN High Commissioner for Human Rights", "high-commissioner-for-human-rights"),
    ]
    # a role after an acronym is no part of a new name: "the CARICOM Chair" is CARICOM's
    assert names("Vietnam plays the role of the CARICOM Chair.", glossary) == [("CARICOM", None)]
    assert names("Vietnam plays the role of the OSCE Chair.", glossary) == [("OSCE", "osce")]
    assert names("Vietnam plays the role of the ASEAN Chair.", glossary) == [
        ("ASEAN Chair", "asean-chair")]


def test_a_bylines_site_name_is_one_name(glossary: Glossary) -> None:
    # "VOV" is the glossary's (Voice of Vietnam), but in "VOV.VN" it is a piece of the site's name
    assert names("VOV.VN - The General Assembly met.", glossary) == [
        ("VOV.VN", None), ("General Assembly", "general-assembly")]
    assert names("Hanoi (VOV) - The General Assembly met.", glossary) == [
        ("VOV", "voice-of-vietnam"), ("General Assembly", "general-assembly")]


def test_a_post_goes_on_over_a_small_word_inside_a_known_name(glossary: Glossary) -> None:
    """"UN Office in Geneva" is a glossary name: a post of it ends after "Geneva", not at "in"."""
    text = "The Director of the UN Office in Geneva spoke on Monday."
    assert ("Director of the UN Office in Geneva", None) in names(text, glossary)
    # outside a known name, "in" still ends a run: the place is where, not part of the name
    text = "The Director of the UN Office in Bangkok spoke on Monday."
    assert ("Director of the UN Office", None) in names(text, glossary)


def test_a_known_name_after_an_ordinal_in_a_post_is_nested_in_it(glossary: Glossary) -> None:
    text = "He met the President of the 76th U.N. General Assembly in May."
    found = {(name.text, name.concept.id if name.concept else None, name.nested)
             for name in find_names(text, glossary)}  # fmt: skip
    assert found == {
        ("President of the 76th U.N. General Assembly", "president-of-general-assembly-session",
         False),
        ("U.N. General Assembly", "general-assembly", True),
    }
