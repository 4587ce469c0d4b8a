"""Lookup on the shipped glossary: a table of queries as people type them."""

import gc
from unicodedata import normalize

import pytest

from vnterms import Concept, Glossary, Term, TermNotFound, canonical
from vnterms.lookup import MAX_QUERY_LENGTH, Index, describe, strip_optional, term_keys

FINDS = [
    # English: exact, case, "the", "UN" / "United Nations" present or absent
    ("Security Council", "security-council"),
    ("security council", "security-council"),
    ("SECURITY COUNCIL", "security-council"),
    ("UN Security Council", "security-council"),
    ("the Security Council", "security-council"),
    ("United Nations Security Council", "security-council"),
    ("General Assembly", "general-assembly"),
    ("UN General Assembly", "general-assembly"),
    ("Human Rights Council", "human-rights-council"),
    ("UN Human Rights Council", "human-rights-council"),
    ("Economic and Social Council", "economic-and-social-council"),
    ("International Court of Justice", "international-court-of-justice"),
    ("Secretary-General", "secretary-general"),
    ("UN Secretary-General", "secretary-general"),
    ("secretary general", "secretary-general"),
    ("Treaty on the Non-Proliferation of Nuclear Weapons", "npt"),
    ("United Nations Convention on the Law of the Sea", "unclos"),
    ("Convention against Cybercrime", "un-convention-against-cybercrime"),
    ("United Nations Convention against Cybercrime", "un-convention-against-cybercrime"),
    ("World Health Organisation", "who"),
    ("World Health Organization", "who"),
    ("2030 Agenda for Sustainable Development", "agenda-2030"),
    ("Sustainable Development Goals", "sustainable-development-goals"),
    ("Millennium Development Goals", "millennium-development-goals"),
    ("Paris Agreement", "paris-agreement"),
    ("UN Women", "un-women"),
    # abbreviations, in their own case and in any case where that is safe
    ("ECOSOC", "economic-and-social-council"),
    ("ICJ", "international-court-of-justice"),
    ("NPT", "npt"),
    ("npt", "npt"),
    ("UNCLOS", "unclos"),
    ("unclos", "unclos"),
    ("ITLOS", "itlos"),
    ("WHO", "who"),
    ("UNICEF", "unicef"),
    ("unicef", "unicef"),
    ("UNDP", "undp"),
    ("UNFCCC", "unfccc"),
    ("BBNJ", "bbnj-agreement"),
    # spelling and spacing variants of Vietnamese names in English
    ("Ha Noi Convention", "un-convention-against-cybercrime"),
    ("Hanoi Convention", "un-convention-against-cybercrime"),
    ("Hà Nội Convention", "un-convention-against-cybercrime"),
    ("ha noi convention", "un-convention-against-cybercrime"),
    ("HANOI CONVENTION", "un-convention-against-cybercrime"),
    ("Ha Noi", "ha-noi"),
    ("Hanoi", "ha-noi"),
    ("Hà Nội", "ha-noi"),
    ("HÀ NỘI", "ha-noi"),
    ("Viet Nam", "viet-nam"),
    ("Vietnam", "viet-nam"),
    ("Việt Nam", "viet-nam"),
    ("VIỆT NAM", "viet-nam"),
    ("Vie\u0323\u0302t Nam", "viet-nam"),
    ("My Dinh", "my-dinh"),
    ("Mỹ Đình", "my-dinh"),
    # goals by number, with and without the space
    ("SDG 16", "sdg-16"),
    ("SDG16", "sdg-16"),
    ("Sustainable Development Goal 16", "sdg-16"),
    # words in another order
    ("law of the sea tribunal", "itlos"),
    ("tribunal law sea", "itlos"),
    # Vietnamese, with and without diacritics, both tone styles, decomposed
    ("Liên hợp quốc", "united-nations"),
    ("Liên Hợp Quốc", "united-nations"),
    ("Liên Hiệp Quốc", "united-nations"),
    ("LHQ", "united-nations"),
    ("lien hop quoc", "united-nations"),
    ("Lie\u0302n ho\u031b\u0323p quo\u0302\u0301c", "united-nations"),
    ("Hội đồng Bảo an", "security-council"),
    ("hoi dong bao an", "security-council"),
    ("Hội đồng Bảo an Liên hợp quốc", "security-council"),
    ("Đại hội đồng Liên hợp quốc", "general-assembly"),
    ("dai hoi dong", "general-assembly"),
    ("Hội đồng Nhân quyền Liên hợp quốc", "human-rights-council"),
    ("Tổ chức Y tế thế giới", "who"),
    ("to chuc y te the gioi", "who"),
    ("Tòa án Công lý quốc tế", "international-court-of-justice"),
    ("Toà án Công lý quốc tế", "international-court-of-justice"),
    ("TÒA ÁN CÔNG LÝ QUỐC TẾ", "international-court-of-justice"),
    ("Tổng Thư ký Liên hợp quốc", "secretary-general"),
    ("tong thu ky lien hop quoc", "secretary-general"),
    ("Công ước Hà Nội", "un-convention-against-cybercrime"),
    ("cong uoc ha noi", "un-convention-against-cybercrime"),
    ("Đảng Cộng sản Việt Nam", "communist-party-of-viet-nam"),
    ("dang cong san viet nam", "communist-party-of-viet-nam"),
    ("Thông tấn xã Việt Nam", "vietnam-news-agency"),
    ("Quỹ Nhi đồng Liên hợp quốc", "unicef"),
    ("Công ước Liên hợp quốc về Luật Biển", "unclos"),
    # typos
    ("Securty Council", "security-council"),
    ("Secruity Councel", "security-council"),
    ("Human Rigths Council", "human-rights-council"),
    ("Wrold Health Organization", "who"),
    ("Internatonal Tribunal for the Law of the Sea", "itlos"),
    # prefix while typing
    ("International Court of Jus", "international-court-of-justice"),
    ("Economic and Soc", "economic-and-social-council"),
]

FINDS_NOTHING = ["xyzzy", "qwerty asdfgh", "banana council", "", "   ", "zzzz yyyy xxxx"]
# Queries with diacritics never match a term whose marks differ.
NEVER = [("Hội đồng Bảo án", "security-council"), ("Hà Nọi", "ha-noi")]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize(("query", "expected"), FINDS)
def test_lookup_finds_the_concept(glossary: Glossary, query: str, expected: str) -> None:
    assert glossary.lookup(query).id == expected


@pytest.mark.parametrize("query", FINDS_NOTHING)
def test_nonsense_finds_nothing(glossary: Glossary, query: str) -> None:
    assert glossary.search(query) == []
    assert glossary.get(query) is None
    with pytest.raises(TermNotFound):
        glossary.lookup(query)


@pytest.mark.parametrize("query", ["who", "Who", "wHo"])
def test_an_acronym_typed_as_a_word_ranks_before_names_that_start_with_it(
    glossary: Glossary, query: str
) -> None:
    found = glossary.search(query, limit=3)
    assert found[0].concept.id == "who"
    # then WHO's own names, which start with the acronym ("WHO CC", "WHO FCTC")
    assert [match.rule for match in found[1:]] == ["prefix", "prefix"]
    assert all(match.term.text.startswith("WHO ") for match in found[1:])
    assert found[0].rule == "acronym-as-word" and found[0].term.text == "WHO"
    assert found[0].score < glossary.search("WHO")[0].score


@pytest.mark.parametrize(("query", "concept"), NEVER)
def test_marks_that_differ_never_match(glossary: Glossary, query: str, concept: str) -> None:
    assert concept not in [match.concept.id for match in glossary.search(query, limit=50)]


def test_rank_order_and_explanation(glossary: Glossary) -> None:
    exact = glossary.search("Security Council")[0]
    assert (exact.score, exact.rule, exact.term.text) == (100, "exact", "Security Council")
    folded = glossary.search("hoi dong bao an lien hop quoc")[0]
    assert folded.rule == "without-diacritics" and folded.term.lang == "vi"
    styled = glossary.search("Toà án Công lý quốc tế")[0]
    assert styled.rule == "case-and-style"
    typo = glossary.search("Securty Council")[0]
    assert typo.rule == "fuzzy" and typo.score < folded.score < styled.score < exact.score


def test_search_is_deterministic_and_limited(glossary: Glossary) -> None:
    first = [(m.concept.id, m.score) for m in glossary.search("Convention", limit=5)]
    assert first == [(m.concept.id, m.score) for m in glossary.search("Convention", limit=5)]
    assert len(first) == 5
    assert [m.score for m in glossary.search("Convention", limit=5)] == sorted(
        (m.score for m in glossary.search("Convention", limit=5)), reverse=True
    )


def test_ties_go_to_preferred_terms_then_to_concept_ids() -> None:
    """Five concepts named "Mercury", given out of id order: equal scores rank by the matched
    term's status (preferred, admitted, draft, deprecated), then by concept id."""
    statuses = {"e-moon": "deprecated", "d-car": "draft", "c-god": "admitted",
                "b-planet": "preferred", "a-element": "admitted"}  # fmt: skip
    glossary = Glossary(
        Concept(cid, "document", [Term("Mercury", "en", "full", status)])
        for cid, status in statuses.items()
    )
    # a prefix scores 60 + 10 × 4/7 of the letters: 66; a typo 100 - 300 × (1 - similarity),
    # similarity 2 × 6 letters in common / 14 letters: 57
    for query, score in (("Mercury", 100), ("MERCURY", 97), ("Merc", 66), ("mercuri", 57)):
        assert [(m.concept.id, m.score) for m in glossary.search(query)] == [
            ("b-planet", score), ("a-element", score), ("c-god", score), ("d-car", score),
            ("e-moon", score),
        ], query  # fmt: skip
    assert glossary.lookup("mercury").id == "b-planet"
    assert [m.concept.id for m in glossary.search("Mercury", limit=2)] == ["b-planet", "a-element"]


def test_lang_restricts_matched_terms(glossary: Glossary) -> None:
    def best(query: str, lang: str) -> tuple[str, int, str, str]:
        match = glossary.search(query, lang=lang)[0]
        return match.concept.id, match.score, match.term.text, match.rule

    assert best("ha noi", "en") == ("ha-noi", 97, "Ha Noi", "case-and-style")
    assert best("ha noi", "vi") == ("ha-noi", 94, "Hà Nội", "without-diacritics")
    assert best("UNICEF", "vi") == ("unicef", 100, "UNICEF", "exact")
    assert glossary.search("Liên hợp quốc", lang="en") == []
    assert glossary.search("Security Council", lang="vi") == []


def test_get_never_raises_and_takes_ids(glossary: Glossary) -> None:
    assert glossary.get("unclos") is glossary["unclos"]
    assert glossary.get("\x00\ufffd", default=None) is None


@pytest.mark.parametrize(("query", "expected"), [*FINDS, *((q, None) for q in FINDS_NOTHING)])
def test_get_is_the_best_match_of_search(glossary: Glossary, query: str, expected: str) -> None:
    matches = glossary.search(query, limit=1)
    assert [match.concept.id for match in matches] == ([expected] if expected else [])
    assert glossary.get(query) is (glossary[expected] if expected else None)


def test_every_term_is_found_in_any_case_and_tone_style(glossary: Glossary) -> None:
    """Lower-cased and re-styled forms of every term reach it by the case-and-style rule."""
    for concept in glossary:
        for term in concept.terms:
            if term.kind == "abbreviation":
                continue  # some are found only in their own case (WHO)
            variants = {
                term.text.lower(),
                term.text.upper(),
                canonical(term.text, style="new"),
                canonical(term.text, style="new").lower(),
                normalize("NFD", term.text.upper()),
                f"  {term.text.lower()}\t",
            }
            for query in variants:
                found = {(m.concept.id, m.rule) for m in glossary.search(query, limit=50)}
                assert {(concept.id, "exact"), (concept.id, "case-and-style")} & found, query


def test_a_query_in_the_other_tone_style_reaches_the_later_rules_too(glossary: Glossary) -> None:
    """Past the case-and-style rule, "HOÀ" (new style) still agrees with "hòa" (old style)."""
    for query in ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam"):
        ids = [m.concept.id for m in glossary.search(query, limit=5)]
        assert ids[0] == "viet-nam" and "state-president" in ids, query


def _glossary(*names: str) -> Glossary:
    """Concepts "a", "b", … each with one preferred English term."""
    return Glossary(
        Concept(chr(ord("a") + n), "document", [Term(name, "en", "full", "preferred")])
        for n, name in enumerate(names)
    )


def test_a_typo_query_needs_every_word_in_the_term() -> None:
    """ "betta" is one letter from "beta": "Alpha Gamma Beta" is found (32/33 similar: 100 - 300 ×
    1/33 = 91, held at the ceiling of 87);
    "Alpha Gamma Bet" is as similar, but has no word near "betta"."""
    glossary = _glossary("Alpha Gamma Beta", "Alpha Gamma Bet", "Beta Delta", "Alpha Epsilon")
    assert [(m.concept.id, m.score, m.rule) for m in glossary.search("Alpha Gamma Betta")] == [
        ("a", 87, "fuzzy")
    ]


def test_all_words_scores_by_the_share_of_the_term_covered() -> None:
    """70 + 10 × the query's content words over the term's: 2 of 2, 2 of 3, 2 of 4."""
    glossary = _glossary("Law of the Sea", "Sea Law Tribunal", "Tribunal for Sea Law Cases")
    found = [(m.concept.id, m.score, m.rule) for m in glossary.search("sea law")]
    assert found == [("a", 80, "all-words"), ("b", 77, "all-words"), ("c", 75, "all-words")]


def test_prefix_scores_by_the_share_of_the_term_typed() -> None:
    """60 + 10 × typed letters over the term's letters: 4 of 7, 4 of 9; two letters are too few."""
    glossary = _glossary("Nairobi", "Naypyidaw", "Hanoi")
    assert [(m.concept.id, m.score, m.rule) for m in glossary.search("nair")] == [
        ("a", 66, "prefix")
    ]
    assert [(m.concept.id, m.score) for m in glossary.search("NA")] == []
    assert [(m.concept.id, m.score) for m in glossary.search("nay")] == [("b", 63)]


def test_spacing_and_the_un_are_ignored_in_that_order() -> None:
    glossary = _glossary("Ha Noi", "UN Women")
    assert [(m.concept.id, m.score, m.rule) for m in glossary.search("HANOI")] == [
        ("a", 92, "spacing")
    ]
    assert [(m.concept.id, m.score, m.rule) for m in glossary.search("the Women")] == [
        ("b", 88, "without-un-or-the")
    ]


def test_a_common_word_acronym_in_another_case_scores_below_every_name() -> None:
    glossary = Glossary([Concept("who", "organization", [Term("WHO", "en", "abbreviation")])])
    assert [(m.concept.id, m.score, m.rule) for m in glossary.search("WHO")] == [
        ("who", 100, "exact")
    ]
    for query in ("who", "Who"):
        assert [(m.concept.id, m.score, m.rule) for m in glossary.search(query)] == [
            ("who", 75, "acronym-as-word")
        ]


def test_an_abbreviation_in_another_case_is_matched_as_an_abbreviation(glossary: Glossary):
    found = [(m.concept.id, m.score, m.rule) for m in glossary.search("unsc")]
    # two concepts share "UNSC"; both admitted, so the tie goes to the first id;
    # longer abbreviations that start with it (UNSCO, UNSCOL, UNSCEAR) follow as prefixes
    assert found == [("security-council", 96, "abbreviation"),
                     ("statistical-commission", 96, "abbreviation"),
                     ("unsco", 68, "prefix"), ("unscol", 67, "prefix"),
                     ("unscear", 66, "prefix")]  # fmt: skip


def test_queries_are_trimmed_and_limits_respected(glossary: Glossary) -> None:
    [match] = glossary.search("  Security\tCouncil\n", limit=1)
    assert (match.concept.id, match.score, match.rule) == ("security-council", 100, "exact")
    assert glossary.search("Security Council", limit=0) == []
    assert len(glossary.search("Convention", limit=2)) == 2


def test_an_index_can_be_made_from_stored_tables() -> None:
    glossary = _glossary("Ha Noi", "Nairobi")
    rebuilt = Index(glossary, tables=dict(glossary.index.tables))
    assert [(m.concept.id, m.score, m.rule) for m in rebuilt.search("hanoi")] == [
        ("a", 92, "spacing")
    ]
    assert rebuilt.first("Nairobi") is glossary["b"] and rebuilt.first("Lima") is None


def test_building_an_index_restores_the_garbage_collector() -> None:
    assert gc.isenabled()
    Index(_glossary("Ha Noi"))
    assert gc.isenabled()
    gc.disable()
    try:
        Index(_glossary("Ha Noi"))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_term_keys_and_strip_optional() -> None:
    assert term_keys("Hà Nội") == ("ha noi", "hà nội", "ha noi")
    assert term_keys("the UN Security Council") == (
        "the un security council", "the un security council", "security council")  # fmt: skip
    assert strip_optional("united nations convention on the law of the sea") == (
        "convention on law of sea"
    )
    assert strip_optional("lien hop quoc") == ""


def test_describe_gives_the_concept_and_the_match() -> None:
    concept = Concept(
        "x", "treaty",
        [Term("Treaty X", "en", "full", "preferred"), Term("TX", "en", "abbreviation"),
         Term("Hiệp ước X", "vi", "full", "deprecated"), Term("HƯX", "vi", "abbreviation")],
        status="draft", parent="p", definition="A treaty.", note="A note.",
    )  # fmt: skip
    [match] = Glossary([concept]).search("tx")
    assert describe(match) == {
        "id": "x", "en": "Treaty X", "vi": "HƯX", "category": "treaty", "status": "draft",
        "score": 96, "matched": "TX", "rule": "abbreviation", "definition": "A treaty.",
        "note": "A note.", "parent": "p",
        "en_terms": [{"text": "Treaty X", "kind": "full", "status": "preferred"},
                     {"text": "TX", "kind": "abbreviation", "status": "admitted"}],
        "vi_terms": [{"text": "Hiệp ước X", "kind": "full", "status": "deprecated"},
                     {"text": "HƯX", "kind": "abbreviation", "status": "admitted"}],
        "instance": None,
    }  # fmt: skip
    assert describe(Glossary.load().search("Paris Agreement")[0])["status"] == "approved"


def test_a_typo_query_without_a_number_ignores_the_number_of_a_term() -> None:
    """ "conferense desertification" against "conference desertification" (the 7 left out):
    25 letters in common, 2 × 25/52 similar: 100 - 300 × 2/52 = 88, held at 87."""
    glossary = _glossary("Conference on Desertification 7")
    assert [
        (m.concept.id, m.score, m.rule) for m in glossary.search("Conferense on Desertification")
    ] == [("a", 87, "fuzzy")]


def test_a_repeated_word_covers_a_one_word_term() -> None:
    assert [(m.concept.id, m.score, m.rule) for m in _glossary("Sea").search("sea sea")] == [
        ("a", 80, "all-words")
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Security-Council", "security-council"),
        ("Tòa-án Công lý Quốc tế", "international-court-of-justice"),
    ],
)
def test_punctuation_in_a_query_still_matches_case_and_style(glossary: Glossary, query, expected):
    [match] = glossary.search(query, limit=1)
    assert (match.concept.id, match.score, match.rule) == (expected, 97, "case-and-style")


def test_a_term_whose_marks_differ_does_not_hide_the_next_one() -> None:
    """ "LHQ" and "Liên hợp quốc" are optional: both terms reduce to "ha noi", only the second
    has the query's marks."""
    glossary = _glossary("Hạ Nội Liên hợp quốc", "Hà Nội Liên hợp quốc")
    assert [(m.concept.id, m.score, m.rule) for m in glossary.search("Hà Nội LHQ")] == [
        ("b", 88, "without-un-or-the")
    ]


def test_a_prefix_of_many_terms_gives_the_first_fifty() -> None:
    """In folded order "alpha 0", "alpha 1", "alpha 10" … "alpha 53": the one-digit terms in it
    score 60 + 10 × 4/7 (66), the others 60 + 10 × 4/8 (65)."""
    glossary = _glossary(*(f"Alpha {n}" for n in range(60)))
    found = glossary.search("alph", limit=100)
    assert len(found) == 50
    assert [m.term.text for m in found if m.score == 66] == [f"Alpha {n}" for n in range(6)]
def test_a_query_longer_than_the_limit_matches_nothing(glossary: Glossary) -> None:
    """The most a query may have is 1,000 characters: below it a repeated name is found by its
    words, above it nothing is, and a one-megabyte word no longer takes minutes."""
    assert MAX_QUERY_LENGTH == 1_000
    padded = "Security Council".ljust(1_000)
    assert [m.concept.id for m in glossary.search(padded)][:1] == ["security-council"]
    assert glossary.search(padded + " ") == []
    repeated = "Security Council " * 60_000  # about 1 MB; every word is a word of the name
    assert glossary.search(repeated) == []
    assert glossary.get(repeated) is None
    assert glossary.search("abcdefghij" * 100_000) == []
