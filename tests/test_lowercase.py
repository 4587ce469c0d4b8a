"""Lower-case references to glossary names, on sentences written for the test."""

import pytest

from vnterms import Glossary
from vnterms.extract import find_names
from vnterms.lowercase import LowercaseNames
from vnterms.model import Concept, Term


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


def test_a_un_organ_in_lower_case_is_found(glossary: Glossary) -> None:
    text = ("Members of the security council and the general assembly met; "
            "The human rights council adopted it.")  # fmt: skip
    found = [(n.text, n.column, n.concept and n.concept.id) for n in find_names(text, glossary)]
    assert found == [("security council", 16, "security-council"),
                     ("general assembly", 41, "general-assembly"),
                     ("human rights council", 67, "human-rights-council")]  # fmt: skip


@pytest.mark.parametrize("text", [
    "the executive board approved the budget",  # any agency's board: two words, not an organ
    "the general committee of the club met",  # a body of two words, not an organ
    "a general assembly of shareholders",  # no "the"
    "the general assemblyman spoke",  # the name goes on
])  # fmt: skip
def test_common_words_are_not_names(glossary: Glossary, text: str) -> None:
    assert list(find_names(text, glossary)) == []


def test_a_lower_case_name_two_concepts_share_is_not_read() -> None:
    def organ(concept_id: str) -> Concept:
        return Concept(concept_id, "principal-organ", [Term("Trusteeship Council", "en")])

    line = "the trusteeship council met"
    assert [s.concept.id for s in LowercaseNames([organ("a")]).find(line)] == ["a"]
    assert LowercaseNames([organ("a"), organ("b")]).find(line) == []
