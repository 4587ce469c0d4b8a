from pathlib import Path

import pytest

from vnterms.lint import lint_glossary

SOURCE = "  source: https://baoquocte.vn/{slug}\n"


def _lint(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "case.terms").write_text(text, encoding="utf-8")
    return [str(problem).split(": ", 1)[1] for problem in lint_glossary(tmp_path)]


def _record(slug: str, category: str, en: str, *terms: str, head: str = "") -> str:
    """A settled record; each of ``terms`` is 'TEXT | KIND | STATUS', cited on Báo Quốc tế."""
    lines = [f"[{slug}]", f"category: {category}", *filter(None, [head])]
    lines.append(f"en: {en} | full | preferred")
    for term in terms:
        lines += [f"vi: {term}", SOURCE.format(slug=slug).rstrip("\n")]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Ủy ban Pháp lý | full | preferred", []),
        ("ủy ban Pháp lý | full | preferred",
         ["'ủy ban Pháp lý' begins in lower case: a name begins with a capital "
          "(rule first-capital)"]),
        ("ủy ban pháp lý | variant | admitted", []),
        ("ủy ban pháp lý | full | deprecated", []),
    ],
)  # fmt: skip
def test_a_settled_name_begins_with_a_capital(
    tmp_path: Path, term: str, expected: list[str]
) -> None:
    text = _record("sixth", "subsidiary-body", "Sixth Committee", "Ủy ban 6 | short | preferred")
    if term.endswith("preferred"):
        text = _record("sixth", "subsidiary-body", "Sixth Committee", term)
    else:
        text += f"vi: {term}\n"
    assert _lint(tmp_path, text) == expected


def test_a_draft_concept_and_a_noted_common_noun_may_begin_in_lower_case(tmp_path: Path) -> None:
    draft = ("[a]\ncategory: conference\nstatus: draft\nen: session | full | preferred\n"
             "vi: khóa họp | full | draft\n")  # fmt: skip
    noted = _record("b", "conference", "sessions", "khóa họp thường kỳ | full | preferred",
                    head="note: A common noun (exception to rule first-capital).")  # fmt: skip
    assert _lint(tmp_path, draft + "\n" + noted) == []


SC = _record("sc", "principal-organ", "Security Council",
             "Hội đồng Bảo an Liên hợp quốc | full | preferred",
             "Hội đồng Bảo an | short | admitted")  # fmt: skip


@pytest.mark.parametrize(
    ("vi", "expected"),
    [
        ("Chủ tịch Hội đồng Bảo an Liên hợp quốc", []),
        ("Chủ tịch Hội đồng Bảo an", []),
        ("Chủ tịch hội đồng Bảo an", []),  # the first letter follows the place it stands in
        ("Chủ tịch Hội đồng bảo an Liên hợp quốc",
         ["'Chủ tịch Hội đồng bảo an Liên hợp quốc' writes [sc]'s name 'Hội đồng Bảo an Liên hợp "
          "quốc' as 'Hội đồng bảo an Liên hợp quốc' (rule same-component)",
          "'Chủ tịch Hội đồng bảo an Liên hợp quốc' writes [sc]'s name 'Hội đồng Bảo an' as "
          "'Hội đồng bảo an' (rule same-component)"]),
    ],
)  # fmt: skip
def test_a_body_named_inside_a_name_keeps_its_capitals(
    tmp_path: Path, vi: str, expected: list[str]
) -> None:
    post = _record("pres", "post", "President of the Security Council", f"{vi} | full | preferred")
    assert _lint(tmp_path, post + "\n" + SC) == expected


def test_a_two_word_name_is_not_taken_for_a_component(tmp_path: Path) -> None:
    government = _record("gov", "vn-body", "Government", "Chính phủ | full | preferred")
    ipcc = _record("ipcc", "related-organization", "Intergovernmental Panel",
                   "Ủy ban Liên chính phủ về Khí hậu | full | preferred")  # fmt: skip
    assert _lint(tmp_path, government + "\n" + ipcc) == []


@pytest.mark.parametrize(
    ("category", "vi", "expected"),
    [
        ("treaty-body", "Ủy ban về Quyền trẻ em", []),
        ("treaty-body", "Ủy ban về quyền trẻ em",
         ["warning: 'Ủy ban về quyền trẻ em': a body's field of activity begins with a capital, "
          "'về Quyền' (rule field-capital)"]),
        ("secretariat-office", "Cơ quan Liên hợp quốc về các vấn đề vũ trụ",
         ["warning: 'Cơ quan Liên hợp quốc về các vấn đề vũ trụ': a body's field of activity "
          "begins with a capital, 'về các vấn đề Vũ' (rule field-capital)"]),
        ("secretariat-office", "Cơ quan Liên hợp quốc về các vấn đề Vũ trụ", []),
        ("treaty", "Công ước về quyền trẻ em", []),  # the title of a document
        ("treaty-body", "Ủy ban Liên chính phủ Công ước về bảo vệ di sản", []),
    ],
)  # fmt: skip
def test_a_bodys_field_after_ve_begins_with_a_capital(
    tmp_path: Path, category: str, vi: str, expected: list[str]
) -> None:
    text = _record("x", category, "Committee on X", f"{vi} | full | preferred")
    assert _lint(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("en", "vi", "source", "expected"),
    [
        ("International Convention on Migrant Workers",
         "Công ước quốc tế về người lao động di trú", "https://baoquocte.vn/a", []),
        ("International Convention on Migrant Workers",
         "Công ước quốc tế về người lao động nhập cư", "https://baoquocte.vn/a",
         ["'Công ước quốc tế về người lao động nhập cư' does not render 'migrants?' of the English "
          "name as 'di trú' (rule term-table)"]),
        ("Protocol against the Smuggling of Migrants",
         "Nghị định thư về chống đưa người di cư trái phép",
         "https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Nghi-dinh-thu-1.aspx", []),
        ("Vienna Convention on Consular Relations", "Công ước Viên về quan hệ lãnh sự",
         "https://baoquocte.vn/a", []),
        ("Vienna Convention on Consular Relations", "Công ước viên về quan hệ lãnh sự",
         "https://baoquocte.vn/a",
         ["'Công ước viên về quan hệ lãnh sự' does not render 'vienna' of the English name as "
          "'Viên' (rule term-table)"]),
        ("Optional Protocol to the Convention X", "Nghị định thư không bắt buộc bổ sung Công ước X",
         "https://baoquocte.vn/a", []),
        ("Optional Protocol to the Convention X", "Nghị định thư bổ sung Công ước X",
         "https://baoquocte.vn/a",
         ["'Nghị định thư bổ sung Công ước X' does not render 'optional protocol' of the English "
          "name as 'Nghị định thư không bắt buộc' (rule term-table)"]),
        ("Convention relating to the Status of Refugees", "Công ước về quy chế của người tị nạn",
         "https://baoquocte.vn/a",
         ["'Công ước về quy chế của người tị nạn' does not render 'status of refugees' of the "
          "English name as 'vị thế của người tị nạn' (rule term-table)"]),
    ],
)  # fmt: skip
def test_an_english_word_has_one_vietnamese_rendering(
    tmp_path: Path, en: str, vi: str, source: str, expected: list[str]
) -> None:
    text = (f"[t]\ncategory: treaty\nen: {en} | full | preferred\n"
            f"vi: {vi} | full | preferred\n  source: {source}\n")  # fmt: skip
    assert _lint(tmp_path, text) == expected


def test_the_term_table_leaves_short_forms_and_noted_exceptions_alone(tmp_path: Path) -> None:
    text = (
        "[t]\ncategory: treaty\nen: Vienna Convention on Consular Relations | full | preferred\n"
        "vi: Công ước Viên về quan hệ lãnh sự | full | preferred\n  source: https://baoquocte.vn/a\n"
        "vi: Công ước về quan hệ lãnh sự | short | admitted\n\n"
        "[u]\ncategory: treaty\nnote: The ministry writes Vienna (exception to rule term-table).\n"
        "en: Vienna Convention for the Ozone Layer | full | preferred\n"
        "vi: Công ước Vienna về tầng ô-dôn | full | preferred\n  source: https://baoquocte.vn/b\n"
    )
    assert _lint(tmp_path, text) == []


def test_the_term_table_checks_an_admitted_full_name_too(tmp_path: Path) -> None:
    text = (
        "[t]\ncategory: treaty\nen: Convention on Migrant Workers | full | preferred\n"
        "vi: Công ước về người lao động di trú | full | preferred\n  source: https://baoquocte.vn/a\n"
        "vi: Công ước về người lao động nhập cư | full | admitted\n  source: https://baoquocte.vn/b\n"
    )
    assert _lint(tmp_path, text) == [
        "'Công ước về người lao động nhập cư' does not render 'migrants?' of the English name as "
        "'di trú' (rule term-table)"
    ]


def test_a_component_in_the_title_of_a_legal_text_is_not_second_guessed(tmp_path: Path) -> None:
    title = (
        "[decision]\ncategory: document\nen: Decision on the Security Council | full | preferred\n"
        "vi: Quyết định về Hội đồng bảo an Liên hợp quốc | full | preferred\n"
        "  source: https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Quyet-dinh-1.aspx\n"
    )
    assert _lint(tmp_path, title + "\n" + SC) == []


KYOTO = (
    "[kyoto]\ncategory: treaty\nen: Kyoto Protocol to the Convention | full | preferred\n"
    "vi: Nghị định thư Kyoto | short | preferred\n  source: https://baoquocte.vn/a\n"
    "vi: Nghị định thư Kyoto của Công ước | full | admitted\n  source: {source}\n"
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://nhandan.vn/kyoto",
         ["the short name 'Nghị định thư Kyoto' is preferred over the settled full title "
          "'Nghị định thư Kyoto của Công ước': prefer the title, admit the short name "
          "(rule treaty-short-name)"]),
        ("https://tuoitre.vn/kyoto", []),  # not an official text: the title is not settled
    ],
)  # fmt: skip
def test_a_treatys_official_full_title_is_preferred(
    tmp_path: Path, source: str, expected: list[str]
) -> None:
    assert _lint(tmp_path, KYOTO.format(source=source)) == expected


def test_the_full_title_preferred_passes(tmp_path: Path) -> None:
    text = (
        "[kyoto]\ncategory: treaty\nen: Kyoto Protocol to the Convention | full | preferred\n"
        "vi: Nghị định thư Kyoto của Công ước | full | preferred\n  source: https://nhandan.vn/k\n"
        "vi: Nghị định thư Kyoto | short | admitted\n  source: https://baoquocte.vn/a\n"
    )
    assert _lint(tmp_path, text) == []


def _un_body(slug: str, en: str, vi: str, note: str = "") -> str:
    return (
        f"[{slug}]\ncategory: subsidiary-body\nparent: ecosoc\nen: {en} | full | preferred\n"
        f"vi: {vi} | full | preferred\n{note}  source: https://baoquocte.vn/{slug}\n"
    )


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("", ["'Liên hợp quốc' inside the name here but at the end in cnd, csw (subsidiary-body of "
              "ecosoc, English without 'United Nations' with a topic)"]),
        ("  note: As VNA writes it (exception to rule un-placement).\n", []),
        ("  note: As VNA writes it (exception to rule treaty-name).\n",
         ["'Liên hợp quốc' inside the name here but at the end in cnd, csw (subsidiary-body of "
          "ecosoc, English without 'United Nations' with a topic)"]),
        ("  note: As VNA writes it (exception to rule un-placment).\n",
         ["exception to an unknown rule 'un-placment' (rules: field-capital, first-capital, "
          "same-component, term-table, treaty-name, treaty-short-name, un-placement)",
          "'Liên hợp quốc' inside the name here but at the end in cnd, csw (subsidiary-body of "
          "ecosoc, English without 'United Nations' with a topic)"]),
    ],
)  # fmt: skip
def test_a_noted_exception_lifts_the_placement_rule_for_its_term_only(
    tmp_path: Path, note: str, expected: list[str]
) -> None:
    text = "\n".join([
        _un_body("cnd", "Commission on Narcotic Drugs", "Ủy ban về Ma túy Liên hợp quốc"),
        _un_body("csw", "Commission on the Status of Women", "Ủy ban Địa vị Phụ nữ Liên hợp quốc"),
        "[ecosoc]\ncategory: principal-organ\nen: Economic and Social Council | full | preferred\n"
        "vi: Hội đồng Kinh tế - Xã hội | full | preferred\n  source: https://baoquocte.vn/e\n",
        _un_body("z", "Commission on Crime", "Ủy ban Liên hợp quốc về Tội phạm", note),
    ])  # fmt: skip
    assert sorted(_lint(tmp_path, text)) == sorted(expected)


TREATY = (
    "[uncac]\ncategory: treaty\nen: Convention against Corruption | full | preferred\n"
    "vi: Công ước của Liên hợp quốc về chống tham nhũng | full | preferred\n"
    "  source: https://quochoi.vn/a\n"
)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("", ["names [uncac] in English but not as its Vietnamese term 'Công ước của Liên hợp quốc "
              "về chống tham nhũng'"]),
        ("  note: The form the Ministry writes (exception to rule treaty-name).\n", []),
    ],
)  # fmt: skip
def test_a_noted_exception_lifts_the_treaty_name_rule(
    tmp_path: Path, note: str, expected: list[str]
) -> None:
    text = (
        "[cosp]\ncategory: treaty-body\nparent: uncac\n"
        "en: Conference of the States Parties to the Convention against Corruption"
        " | full | preferred\n"
        "vi: Hội nghị các quốc gia thành viên Công ước Liên hợp quốc về chống tham nhũng"
        " | full | preferred\n"
        f"{note}  source: https://baophapluat.vn/b\n\n"
    ) + TREATY
    assert _lint(tmp_path, text) == expected
