import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.cli import app
from vnterms.lint import glossary_stats, lint_glossary
from vnterms.model import Glossary
from vnterms.sources import source_rank
from vnterms.store import parse_records

DATA = Path(__file__).parent / "data"


def _lint(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "case.terms").write_text(text, encoding="utf-8")
    return [str(problem).split(": ", 1)[1] for problem in lint_glossary(tmp_path)]


def test_small_glossary_is_clean() -> None:
    assert lint_glossary(DATA / "glossary-small") == []


def test_shipped_glossary_has_no_errors() -> None:
    assert [str(problem) for problem in lint_glossary() if not problem.warning] == []


def test_new_tone_style_is_reported_with_file_and_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "broken" / "new-tone-style.terms", tmp_path)
    problems = lint_glossary(tmp_path)
    assert [str(p) for p in problems] == [
        f"{tmp_path}/new-tone-style.terms:4: tone marks not in the old placement: "
        "write 'Hòa bình' for 'Hoà bình'"
    ]


RECORD = (
    "[{id}]\ncategory: place\nen: {en} | full | preferred\nvi: {vi} | full | preferred\n"
    "  source: https://baochinhphu.vn/a.htm\n"
)


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
        "vi: Hà Nam | full | preferred\n  source: https://nhandan.vn/a\n\n"
        "[b]\ncategory: place\nnote: The town.\nhomonym: a\nen: Ha Nam | short | preferred\n"
        "en: HN | abbreviation | admitted\nvi: Hạ Nam | full | preferred\n"
        "  source: https://nhandan.vn/b\n"
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


@pytest.mark.parametrize(
    ("url", "rank"),
    [
        ("https://baochinhphu.vn/viet-nam-gia-nhap-102.htm", 1),
        ("https://www.mofa.gov.vn/tin-tuc", 1),
        ("https://moit.gov.vn/tin-tuc/x.html", 1),
        ("https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1", 1),
        ("https://thuvienphapluat.vn/van-ban/Quyen-dan-su/Quyet-dinh-1.aspx", 1),
        ("https://thuvienphapluat.vn/chinh-sach-phap-luat-moi/vn/ho-tro-phap-luat/1.html", 2),
        ("https://luatvietnam.vn/tiet-kiem/quyet-dinh-445-qd-ttg-thu-tuong-51246-d1.html", 1),
        ("https://luatvietnam.vn/hanh-chinh/viet-hoa-trong-van-ban-570-20224-article.html", 2),
        ("https://thuviennhadat.vn/vbpl/cong-uoc-ve-vi-the-cua-nguoi-ti-nan-1951-269865.html", 1),
        ("https://thuviennhadat.vn/tin-tuc/x.html", 2),
        ("https://hethongphapluat.com/nghi-dinh-thu-ve-vi-the-cua-nguoi-ti-nan-1967.html", 2),
        ("https://en.vietnamplus.vn/x.vnp", 1),
        ("https://baoquocte.vn/x.html", 1),
        ("https://vovworld.vn/vi-VN/x.vov", 1),
        ("https://vovworld.vn.example.org/x", 2),
        ("https://tapchicongsan.org.vn/web/guest/x", 1),
        ("https://tuoitre.vn/x.htm", 2),
        ("https://vietnam.un.org/vi/x", 2),
        ("https://vi.wikipedia.org/wiki/Hi%E1%BA%BFn_ch%C6%B0%C6%A1ng", 3),
        ("https://tailieu.vn/doc/x.html", 3),
        ("https://text.123docz.net/document/x.htm", 3),
        ("https://luanvan.co/luan-van/x", 3),
        ("https://www.tailieuhoctap.net/x.pdf", 3),
        ("https://tieng.wiki/content/x.html", 3),
        ("https://www.search.com.vn/wiki/index.php?title=X", 3),
        ("https://www.search.com.vn/news/wiki-x", 2),
        ("https://www.studocu.com/vn/document/x", 3),
        ("https://someone.blogspot.com/2020/x.html", 3),
        ("https://notgov.vn.example.com/x", 2),
    ],
)
def test_source_rank(url: str, rank: int) -> None:
    assert source_rank(url) == rank


def test_settled_vietnamese_terms_cite_a_source(tmp_path: Path) -> None:
    text = (
        "[a]\ncategory: place\nen: Ha Noi | full | preferred\nvi: Hà Nội | full | preferred\n"
        "vi: Thủ đô Hà Nội | full | admitted\nvi: Hà thành | short | admitted\n"
        "vi: HN | abbreviation | admitted\n\n"
        "[b]\ncategory: place\nstatus: draft\nen: Hue | full | preferred\n"
        "vi: Huế | full | draft\n\n"
        "[c]\ncategory: place\nen: Da Nang | full | preferred\nvi: Đà Nẵng | short | preferred\n"
        "  source: https://vov.vn/x\nvi: Thành phố Đà Nẵng | full | draft\n\n"
        "[d]\ncategory: regional-organization\nen: ASEAN | abbreviation | preferred\n"
        "vi: ASEAN | abbreviation | preferred\n"
    )
    assert [str(p) for p in lint_glossary(_write(tmp_path, text))] == [
        f"{tmp_path}/case.terms:4: preferred Vietnamese term 'Hà Nội' cites no source "
        "(add '  source: URL' under it, or mark it draft)",
        f"{tmp_path}/case.terms:5: admitted Vietnamese term 'Thủ đô Hà Nội' cites no source "
        "(add '  source: URL' under it, or mark it draft)",
    ]


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "case.terms").write_text(text, encoding="utf-8")
    return tmp_path


HA_NOI = "[a]\ncategory: place\nen: Ha Noi | full | preferred\nvi: Hà Nội | full | preferred\n"
WIKI = "https://vi.wikipedia.org/wiki/H%C3%A0_N%E1%BB%99i"


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ([WIKI], ["warning: preferred term 'Hà Nội' rests only on sources of rank 3 (wikipedia, "
                  "blogs, uploads): cite an official text or the press"]),
        ([WIKI, "https://tailieu.vn/doc/x"], ["warning: preferred term 'Hà Nội' rests only on "
          "sources of rank 3 (wikipedia, blogs, uploads): cite an official text or the press"]),
        ([WIKI, "https://tuoitre.vn/x.htm"], []),
        (["https://nhandan.vn/x"], []),
    ],
)  # fmt: skip
def test_a_preferred_term_resting_only_on_rank_3_is_a_warning(
    tmp_path: Path, sources: list[str], expected: list[str]
) -> None:
    cited = "".join(f"  source: {url}\n" for url in sources)
    text = HA_NOI + cited
    problems = lint_glossary(_write(tmp_path, text))
    assert [str(p).split(": ", 1)[1] for p in problems] == expected
    assert all(p.warning for p in problems)


def test_warnings_alone_exit_0_and_errors_exit_1(tmp_path: Path) -> None:
    runner = CliRunner()
    text = HA_NOI
    _write(tmp_path, text + f"  source: {WIKI}\n")
    warned = runner.invoke(app, ["lint", str(tmp_path)])
    assert (warned.exit_code, warned.stdout.count("\n")) == (0, 1)
    assert warned.stdout.startswith(f"{tmp_path}/case.terms:4: warning: preferred term 'Hà Nội'")
    _write(tmp_path, text)
    assert runner.invoke(app, ["lint", str(tmp_path)]).exit_code == 1


def test_two_concepts_do_not_share_a_preferred_vietnamese_term(tmp_path: Path) -> None:
    text = (
        "[dsg]\ncategory: post\nnote: Two posts.\nhomonym: usg\n"
        "en: Deputy Secretary-General | full | preferred\n"
        "vi: Phó Tổng Thư ký | full | preferred\n  source: https://baoquocte.vn/a\n\n"
        "[usg]\ncategory: post\nnote: Two posts.\nhomonym: dsg\n"
        "en: Under-Secretary-General | full | preferred\n"
        "vi: Phó Tổng thư ký | full | preferred\n  source: https://baoquocte.vn/b\n"
    )
    assert _lint(tmp_path, text) == [
        "preferred Vietnamese term 'Phó Tổng thư ký' is also [dsg]'s: two concepts need two names"
    ]


TREATY = (
    "[crc]\ncategory: treaty\nen: Convention on the Rights of the Child | full | preferred\n"
    "en: Children's Convention | short | admitted\n"
    "vi: Công ước về Quyền trẻ em | full | preferred\n  source: https://quochoi.vn/a\n"
    "vi: Công ước Trẻ em | short | admitted\n\n"
)


@pytest.mark.parametrize(
    ("en", "vi", "expected"),
    [
        ("Optional Protocol to the Convention on the Rights of the Child on a communications "
         "procedure", "Nghị định thư không bắt buộc của Công ước về Quyền trẻ em về thủ tục "
         "khiếu nại", []),
        ("Optional Protocol to the Convention on the Rights of the Child on a communications "
         "procedure", "Nghị định thư không bắt buộc của Công ước về quyền trẻ em về thủ tục "
         "khiếu nại", ["names [crc] in English but not as its Vietnamese term "
                       "'Công ước về Quyền trẻ em'"]),
        ("Amendment to the Children's Convention", "Bản sửa đổi Công ước Trẻ em", []),
        ("Amendment to the Children's Convention", "Bản sửa đổi Công ước trẻ em",
         ["names [crc] in English but not as its Vietnamese term 'Công ước Trẻ em'"]),
        ("Committee on the Rights of the Child", "Ủy ban về quyền trẻ em", []),
        ("Doha Amendment to the Children's Convention", "Bản sửa đổi Doha", []),
        ("Optional Protocol to the Convention on the Rights of the Child", "Nghị định thư không "
         "bắt buộc bổ sung các Công ước về Quyền trẻ em", []),
        ("Optional Protocol to the Convention on the Rights of the Child", "Nghị định thư không "
         "bắt buộc bổ sung Công ước về quyền trẻ em",
         ["names [crc] in English but not as its Vietnamese term 'Công ước về Quyền trẻ em'"]),
    ],
)  # fmt: skip
def test_a_treaty_named_inside_a_name_keeps_its_own_vietnamese(
    tmp_path: Path, en: str, vi: str, expected: list[str]
) -> None:
    text = TREATY + (
        f"[crc-op]\ncategory: treaty\nparent: crc\nen: {en} | full | preferred\n"
        f"vi: {vi} | full | preferred\n  source: https://quochoi.vn/b\n"
    )
    assert _lint(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Nghi-dinh-thu-1.aspx", []),
        ("https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1", []),
        ("https://thuvienphapluat.vn/hoi-dap-phap-luat/x.html",
         ["names [crc] in English but not as its Vietnamese term 'Công ước về Quyền trẻ em'"]),
    ],
)  # fmt: skip
def test_the_title_of_a_legal_text_as_published_is_not_second_guessed(
    tmp_path: Path, source: str, expected: list[str]
) -> None:
    text = TREATY + (
        "[crc-op]\ncategory: treaty\nparent: crc\n"
        "en: Optional Protocol to the Convention on the Rights of the Child | full | preferred\n"
        "vi: Nghị định thư không bắt buộc bổ sung Công ước về quyền trẻ em | full | preferred\n"
        f"  source: {source}\n"
    )
    assert _lint(tmp_path, text) == expected


def test_a_treaty_year_and_capital_may_be_left_out_inside_another_name(tmp_path: Path) -> None:
    text = (
        "[a-conv]\ncategory: treaty\nen: Convention on the Sea | full | preferred\n"
        "vi: Các Công ước về Biển năm 1982 | full | preferred\n  source: https://quochoi.vn/a\n\n"
        "[b-meet]\ncategory: conference\nparent: a-conv\n"
        "en: Meeting of States Parties to the Convention on the Sea | full | preferred\n"
        "vi: Hội nghị các quốc gia thành viên các Công ước về Biển | full | preferred\n"
        "  source: https://quochoi.vn/b\n\n"
        "[c-meet]\ncategory: conference\nparent: a-conv\n"
        "en: Assembly of the Convention on the Sea | full | preferred\n"
        "vi: Đại hội Các công ước về biển | full | preferred\n  source: https://quochoi.vn/c\n"
    )
    assert _lint(tmp_path, text) == [
        "names [a-conv] in English but not as its Vietnamese term 'Các Công ước về Biển năm 1982'"
    ]


def _un_body(slug: str, en: str, vi: str, parent: str = "ecosoc") -> str:
    return (
        f"[{slug}]\ncategory: subsidiary-body\nparent: {parent}\nen: {en} | full | preferred\n"
        f"vi: {vi} | full | preferred\n  source: https://baoquocte.vn/{slug}\n"
    )


def test_one_placement_of_lien_hop_quoc_per_pattern_of_name(tmp_path: Path) -> None:
    text = "\n".join([
        _un_body("cnd", "Commission on Narcotic Drugs", "Ủy ban Ma túy Liên hợp quốc"),
        _un_body("csw", "Commission on the Status of Women", "Ủy ban Địa vị Phụ nữ Liên hợp quốc"),
        _un_body("ecosoc", "Economic and Social Council", "Hội đồng Kinh tế - Xã hội", "cnd"),
        _un_body("stat", "Statistical Commission", "Ủy ban Liên hợp quốc Thống kê"),
        _un_body("z", "Commission on Crime", "Ủy ban Liên hợp quốc về Tội phạm"),
    ])  # fmt: skip
    assert _lint(tmp_path, text) == [
        "'Liên hợp quốc' inside the name here but at the end in cnd, csw "
        "(subsidiary-body of ecosoc, English without 'United Nations' with a topic)"
    ]


def test_stats_count_categories_settled_vietnamese_and_sources_by_rank() -> None:
    glossary = Glossary.load(DATA / "glossary-small")
    assert glossary_stats(glossary) == [
        "concepts: 5",
        "  organization: 1",
        "  principal-organ: 1",
        "  specialized-agency: 1",
        "  place: 2",
        "Vietnamese preferred term: 4 settled, 1 draft",
        "sources of Vietnamese terms by rank:",
        "  rank 1 (official texts and state press): 3",
        "  rank 2 (other press and sites): 1",
        "  rank 3 (wikipedia, blogs, uploads): 2",
        "settled preferred Vietnamese terms by their best source:",
        "  rank 1: 3",
        "  rank 2: 1",
        "  rank 3: 0",
        "  no source: 0",
    ]


def test_lint_stats_prints_the_figures_after_the_problems() -> None:
    result = CliRunner().invoke(app, ["lint", str(DATA / "glossary-small"), "--stats"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["concepts: 5", "  organization: 1"]
    assert result.stdout.endswith("  no source: 0\n")
