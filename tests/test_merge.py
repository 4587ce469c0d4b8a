"""Merging imported records into a glossary: the table of cases, each with its report and result."""

import pytest

from vnterms import Concept, Glossary, Term
from vnterms.merge import merge

SC = [
    ("en", "Security Council", "full", "preferred"),
    ("en", "UNSC", "abbreviation", "admitted"),
    ("vi", "Hội đồng Bảo an", "full", "preferred"),
    ("vi", "HĐBA", "abbreviation", "admitted"),
    ("vi", "Hội đồng An ninh", "variant", "deprecated"),
]
WHO = [
    ("en", "World Health Organization", "full", "preferred"),
    ("vi", "Tổ chức Y tế Thế giới", "full", "admitted"),
]


def _glossary() -> Glossary:
    return Glossary([
        Concept("sc", "principal-organ", [Term(text, lang, kind, status)
                                          for lang, text, kind, status in SC]),
        Concept("who", "specialized-agency", [Term(text, lang, kind, status)
                                              for lang, text, kind, status in WHO], status="draft"),
    ])  # fmt: skip


def _record(concept_id: str, *terms: tuple[str, str, str, str], category: str = "") -> Concept:
    made = [Term(text, lang, kind, status) for lang, text, kind, status in terms]
    return Concept(concept_id, category, made, status="")


def _terms(concept: Concept) -> list[tuple[str, str, str, str]]:
    return [(t.lang, t.text, t.kind, t.status) for t in concept.terms]


def _with(terms: list[tuple[str, str, str, str]], *changes: tuple[int, tuple[str, str, str, str]]
          ) -> list[tuple[str, str, str, str]]:  # fmt: skip
    """``terms`` with the term at each index replaced (an index equal to the length appends)."""
    result = list(terms)
    for index, term in changes:
        result[index:index + 1] = [term]
    return result


VI_PREFERRED = ("vi", "Hội đồng Bảo an", "", "preferred")
CASES = {
    "unchanged": (
        _record("sc", ("en", "Security Council", "", ""), VI_PREFERRED), None,
        [], SC),
    "new variant, kind and status given": (
        _record("sc", ("vi", "Hội đồng Bảo an LHQ", "variant", "admitted")), None,
        ["added: [sc] vi: 'Hội đồng Bảo an LHQ' (variant, admitted)"],
        [*SC, ("vi", "Hội đồng Bảo an LHQ", "variant", "admitted")]),
    "new term, kind and status unknown": (
        _record("sc", ("en", "UN Security Council", "", "")), None,
        ["added: [sc] en: 'UN Security Council' (variant, admitted)"],
        [*SC, ("en", "UN Security Council", "variant", "admitted")]),
    "new draft term stays a draft": (
        _record("sc", ("vi", "HĐBA LHQ", "", "draft")), None,
        ["added: [sc] vi: 'HĐBA LHQ' (variant, draft)"],
        [*SC, ("vi", "HĐBA LHQ", "variant", "draft")]),
    "status change of an admitted term": (
        _record("sc", ("vi", "HĐBA", "", "deprecated")), None,
        ["changed: [sc] vi: 'HĐBA' admitted → deprecated"],
        _with(SC, (3, ("vi", "HĐBA", "abbreviation", "deprecated")))),
    "kind change": (
        _record("sc", ("en", "UNSC", "short", "")), None,
        ["changed: [sc] en: 'UNSC' kind abbreviation → short"],
        _with(SC, (1, ("en", "UNSC", "short", "admitted")))),
    "a draft status never demotes an existing term": (
        _record("sc", ("vi", "Hội đồng Bảo an", "", "draft"), ("vi", "HĐBA", "", "draft")), None,
        [], SC),
    "a copy marked draft yields to the copy marked preferred": (
        _record("sc", ("vi", "HĐBA", "", "draft"), ("vi", "Hội đồng Bảo an", "", "draft"),
                VI_PREFERRED), None,
        [], SC),
    "a draft copy wins over a copy without status, and keeps its kind": (
        _record("sc", ("vi", "HĐBA LHQ", "abbreviation", ""), ("vi", "HĐBA LHQ", "", "draft")),
        None,
        ["added: [sc] vi: 'HĐBA LHQ' (abbreviation, draft)"],
        [*SC, ("vi", "HĐBA LHQ", "abbreviation", "draft")]),
    "promotion where there is no preferred term": (
        _record("who", ("vi", "Tổ chức Y tế Thế giới", "", "preferred")), None,
        ["changed: [who] vi: 'Tổ chức Y tế Thế giới' admitted → preferred",
         "changed: [who] no longer a draft"],
        _with(WHO, (1, ("vi", "Tổ chức Y tế Thế giới", "full", "preferred")))),
    "new preferred term where there is none": (
        _record("who", ("vi", "Tổ chức Y tế thế giới", "full", "preferred")), None,
        ["added: [who] vi: 'Tổ chức Y tế thế giới' (full, preferred)",
         "changed: [who] no longer a draft"],
        [*WHO, ("vi", "Tổ chức Y tế thế giới", "full", "preferred")]),
    "new preferred text: conflict": (
        _record("sc", ("vi", "Hội đồng Bảo an LHQ", "", "preferred")), None,
        ["CONFLICT: [sc] vi: file prefers 'Hội đồng Bảo an LHQ', glossary prefers "
         "'Hội đồng Bảo an'"],
        SC),
    "new preferred text, theirs": (
        _record("sc", ("vi", "Hội đồng Bảo an LHQ", "", "preferred")), "theirs",
        ["changed: [sc] vi: file prefers 'Hội đồng Bảo an LHQ', glossary prefers "
         "'Hội đồng Bảo an' (theirs accepted)"],
        [*SC[:2], ("vi", "Hội đồng Bảo an LHQ", "full", "preferred"),
         ("vi", "Hội đồng Bảo an", "full", "admitted"), *SC[3:]]),
    "new preferred text, ours": (
        _record("sc", ("vi", "Hội đồng Bảo an LHQ", "", "preferred")), "ours",
        ["kept: [sc] vi: file prefers 'Hội đồng Bảo an LHQ', glossary prefers "
         "'Hội đồng Bảo an'"],
        SC),
    "promotion over the preferred term, theirs": (
        _record("sc", ("vi", "HĐBA", "", "preferred"), ("vi", "Hội đồng Bảo an", "", "")),
        "theirs",
        ["changed: [sc] vi: file prefers 'HĐBA', glossary prefers 'Hội đồng Bảo an' "
         "(theirs accepted)"],
        _with(SC, (2, ("vi", "Hội đồng Bảo an", "full", "admitted")),
              (3, ("vi", "HĐBA", "abbreviation", "preferred")))),
    "swap that deprecates the old preferred term, theirs, with a kind": (
        _record("sc", ("vi", "Hội đồng An ninh", "full", "preferred"),
                ("vi", "Hội đồng Bảo an", "", "deprecated")), "theirs",
        ["changed: [sc] vi: file prefers 'Hội đồng An ninh', glossary prefers "
         "'Hội đồng Bảo an' (theirs accepted)"],
        _with(SC, (2, ("vi", "Hội đồng Bảo an", "full", "deprecated")),
              (4, ("vi", "Hội đồng An ninh", "full", "preferred")))),
    "demotion of the preferred term: conflict": (
        _record("sc", ("en", "Security Council", "", "admitted")), None,
        ["CONFLICT: [sc] en: 'Security Council' preferred → admitted leaves no preferred term"],
        SC),
    "demotion of the preferred term, theirs": (
        _record("sc", ("en", "Security Council", "", "deprecated")), "theirs",
        ["changed: [sc] en: 'Security Council' preferred → deprecated leaves no preferred term "
         "(theirs accepted)"],
        _with(SC, (0, ("en", "Security Council", "full", "deprecated")))),
    "two preferred terms in one language: conflict even with theirs": (
        _record("sc", ("vi", "HĐBA", "", "preferred"), VI_PREFERRED,
                ("vi", "HĐBA LHQ", "variant", "admitted")), "theirs",
        ["added: [sc] vi: 'HĐBA LHQ' (variant, admitted)",
         "CONFLICT: [sc] vi: file prefers 2 terms, 'HĐBA', 'Hội đồng Bảo an'; not changed"],
        [*SC, ("vi", "HĐBA LHQ", "variant", "admitted")]),
    "no id: found by its English term": (
        _record("", ("en", "Security Council", "", ""), ("vi", "HĐBA", "", "deprecated")), None,
        ["changed: [sc] vi: 'HĐBA' admitted → deprecated"],
        _with(SC, (3, ("vi", "HĐBA", "abbreviation", "deprecated")))),
}


@pytest.mark.parametrize(("record", "accept", "lines", "terms"), CASES.values(), ids=list(CASES))
def test_merge_case(record: Concept, accept: str | None, lines: list[str],
                    terms: list[tuple[str, str, str, str]]) -> None:  # fmt: skip
    glossary = _glossary()
    report = merge(glossary, [record], accept=accept)
    assert report.lines() == lines
    assert _terms(glossary[record.id or "sc"]) == terms
    assert report.changed == any(line.startswith(("added", "changed")) for line in lines)


def test_draft_concept_stays_a_draft_without_a_preferred_vietnamese_term() -> None:
    glossary = _glossary()
    report = merge(glossary, [_record("who", ("vi", "Tổ chức Y tế Thế giới", "", "draft"))])
    assert report.lines() == [] and glossary["who"].is_draft


def test_new_concept_is_added_as_a_draft_in_the_new_file() -> None:
    glossary = _glossary()
    record = _record("unicef", ("en", "UNICEF", "abbreviation", ""), ("en", "UNICEF", "", ""),
                     ("vi", "Quỹ Nhi đồng Liên hợp quốc", "", "preferred"),
                     category="fund-programme")  # fmt: skip
    report = merge(glossary, [record], new_file="new.terms")
    assert report.lines() == ["added: [unicef] new draft concept 'UNICEF'"]
    added = glossary["unicef"]
    assert (added.category, added.status, added.file) == ("fund-programme", "draft", "new.terms")
    assert _terms(added) == [("en", "UNICEF", "abbreviation", "admitted"),
                             ("vi", "Quỹ Nhi đồng Liên hợp quốc", "full", "preferred")]  # fmt: skip


@pytest.mark.parametrize(
    ("record", "accept", "line"),
    [
        (_record("unicef", ("en", "UNICEF", "", "")), None,
         "CONFLICT: 'UNICEF': no concept with id 'unicef'; not added"),
        (_record("unicef", ("en", "UNICEF", "", ""), ("vi", "Quỹ", "", "")), "theirs",
         "CONFLICT: 'UNICEF', 'Quỹ': no concept with id 'unicef'; not added"),
        (_record("unicef", ("vi", "Quỹ", "", ""), category="fund-programme"), None,
         "CONFLICT: 'Quỹ': no concept with id 'unicef'; not added"),
        (_record("", ("en", "UNICEF", "", "")), "ours", "kept: 'UNICEF': no concept id; not added"),
    ],
)  # fmt: skip
def test_unknown_concept_is_not_added(record: Concept, accept: str | None, line: str) -> None:
    glossary = _glossary()
    report = merge(glossary, [record], accept=accept)
    assert report.lines() == [line]
    assert sorted(c.id for c in glossary) == ["sc", "who"]
    assert report.summary() == ("0 additions, 0 changes, 0 conflicts, 1 kept" if accept == "ours"
                                else "0 additions, 0 changes, 1 conflicts, 0 kept")  # fmt: skip


def test_summary_of_nothing_and_bad_side() -> None:
    assert merge(_glossary(), []).summary() == "nothing to change"
    with pytest.raises(ValueError, match="accept must be one of"):
        merge(_glossary(), [], accept="mine")
