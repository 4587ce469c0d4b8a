"""Lookup on the shipped glossary: a table of queries as people type them."""

from unicodedata import normalize

import pytest

from vnterms import Glossary, TermNotFound, canonical
from vnterms.lookup import MAX_QUERY_LENGTH

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
NEVER = [("Hội đồng Bảo án", "security-council"), ("Hà Nọi", "ha-noi"), ("who", "who")]


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


def test_lang_restricts_matched_terms(glossary: Glossary) -> None:
    assert glossary.search("Liên hợp quốc", lang="en") == [] or all(
        m.term.lang == "en" for m in glossary.search("Liên hợp quốc", lang="en")
    )
    assert all(m.term.lang == "vi" for m in glossary.search("Security Council", lang="vi"))


def test_get_never_raises_and_takes_ids(glossary: Glossary) -> None:
    assert glossary.get("unclos") is glossary["unclos"]
    assert glossary.get("\x00\ufffd", default=None) is None


@pytest.mark.parametrize(("query", "expected"), [*FINDS, *((q, None) for q in FINDS_NOTHING)])
def test_get_is_the_best_match_of_search(glossary: Glossary, query: str, expected: str) -> None:
    matches = glossary.search(query, limit=1)
    assert glossary.get(query) is (matches[0].concept if matches else None)


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
