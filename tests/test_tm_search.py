"""How the memory finds its candidates: word distance, widening, word pairs, the schema 3 index."""

from pathlib import Path

import pytest

from vnterms.tm import TranslationMemory, Unit
from vnterms.tm import memory as tm_memory
from vnterms.tm import store as tm_store
from vnterms.tm.match import word_distance


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory.open(tmp_path / "tm.sqlite")


@pytest.mark.parametrize(("first", "second", "distance"), [
    ("", "", 0),
    ("a b c", "", 3),
    ("kitten", "sitting", 1),  # one word each, different
    ("the council met in geneva", "the council met in new york", 2),  # replace, insert
    ("a b c d e f", "b c d e f a", 2),  # delete at the start, insert at the end
    ("x a y b z", "a b", 3),
    ("one two three four", "four three two one", 4),
    ("a b a b a b", "b a b a b a", 2),
    # 70 words (more than one 64-bit word of bits): the 35th replaced and one added at the end
    (" ".join(f"w{n}" for n in range(70)),
     " ".join(f"w{n}" if n != 35 else "other" for n in range(70)) + " more", 2),
])  # fmt: skip
def test_word_distance(first: str, second: str, distance: int) -> None:
    assert word_distance(first.split(), second.split()) == distance
    assert word_distance(second.split(), first.split()) == distance


def test_word_distance_bound() -> None:
    first, second = "a b c d".split(), "e f g h".split()
    assert word_distance(first, second, bound=4) == 4
    assert word_distance(first, second, bound=2) == 3


QUERY = "The committee in Accra approved the budget on Tuesday."


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """One candidate, from the two rarest words of the query."""
    monkeypatch.setattr(tm_memory, "CANDIDATES", 1)
    monkeypatch.setattr(tm_memory, "POSTINGS_BUDGET", 1)
    monkeypatch.setattr(tm_memory, "MIN_TERMS", 2)


@pytest.mark.usefixtures("narrow")
def test_when_more_units_share_the_rarest_words_than_are_taken_more_words_are_looked_up(
    memory: TranslationMemory,
) -> None:
    memory.add_units([Unit("The committee in Accra approved the plan on Monday.", "Kế hoạch."),
                      Unit("The committee in Lusaka approved the budget on Tuesday.",
                           "Ngân sách.")], "x")  # fmt: skip
    # the rarest words, "accra" and "budget", are one in each unit: the one candidate taken
    # would be the first (77 %, 2 words of 9 replaced); the other words are looked up too, and
    # the second unit (88 %, 1 word of 9) is found
    assert [(m.score, m.target) for m in memory.search(QUERY, limit=1)] == [(88, "Ngân sách.")]


@pytest.mark.usefixtures("narrow")
def test_when_the_best_candidate_is_far_more_words_are_looked_up(
    memory: TranslationMemory,
) -> None:
    memory.add_units([Unit("Accra approved a plan.", "Kế hoạch."),
                      Unit("The committee in Lusaka adopted the budget on Tuesday.",
                           "Ngân sách.")], "x")  # fmt: skip
    # the first unit alone holds the rarest words, "accra" and "approved", but is 22 % similar:
    # the other words are looked up too, and the second unit found (2 words of 9 replaced: 77 %)
    assert [(m.score, m.target) for m in memory.search(QUERY)] == [(77, "Ngân sách.")]


def test_a_query_of_common_words_finds_units_sharing_its_rarer_pairs(
    memory: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tm_store, "COMMON", 2)  # a word or pair in 3 units or more is common
    memory.add_units([Unit("It is so decided.", "Quyết định như vậy."),
                      Unit("It is decided.", "Đã quyết định."),
                      Unit("It is so.", "Đúng vậy."),
                      Unit("So decided it is.", "Quyết định vậy.")], "x")  # fmt: skip
    # every word is common, and no unit holds the whole query; "is decided" is in one unit
    # (one word more of 4: 75 %)
    assert [(m.score, m.target) for m in memory.search("It is decided so.")] == [
        (75, "Đã quyết định.")]


def test_concordance_of_a_phrase_of_common_words(memory: TranslationMemory) -> None:
    memory.add_units([Unit("the of the and", "a"), Unit("of the and the", "b"),
                      Unit("and the of", "c"), Unit("the of and of the", "d")], "x")  # fmt: skip
    # "d" holds "the of" and "of the", but not "the of the"
    assert [c.unit.target for c in memory.concordance("the of the")] == ["a"]
    assert [c.spans for c in memory.concordance("of the", lang="en")] == [
        [(4, 10)], [(0, 6)], [(11, 17)]]


def test_a_schema_2_memory_gets_the_word_pair_index(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    old = tm_store.connect(path, migrations=tm_store.MIGRATIONS[:2])
    row = ("The Council of the Union met.", "Hội đồng Liên minh đã họp.", "en", "vi", "v2.tmx",
           "", "", "", "", "")  # fmt: skip
    with tm_store.transaction(old):
        tm_store.insert_rows(old, [row])
    old.close()
    with TranslationMemory.open(path) as memory:
        assert memory.stats().schema == 3
        assert [c.spans for c in memory.concordance("of the union")] == [[(12, 24)]]
        terms = memory.connection.execute(
            "SELECT term FROM unit_text_terms WHERE term LIKE '%\\_%' ESCAPE '\\' ORDER BY term")
        assert [term for (term,) in terms] == [
            "council_of", "da_hop", "dong_lien", "hoi_dong", "lien_minh", "minh_da", "of_the",
            "the_council", "the_union", "union_met"]  # fmt: skip
