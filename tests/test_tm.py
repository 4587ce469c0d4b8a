"""The translation memory: its store, the files it imports and exports, and the tm commands."""

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from conftest import omegat_project, translate_with_omegat
from vnterms.cli import app
from vnterms.errors import InputError
from vnterms.tm import TranslationMemory, Unit
from vnterms.tm import store as tm_store

DATA = Path(__file__).parent / "data"
TM_DATA = DATA / "tm"
runner = CliRunner()

OMEGAT_UNITS = [
    ("The General Assembly opened its session in New York.",
     "Đại hội đồng khai mạc khóa họp tại New York."),
    ("The Security Council adopted the resolution unanimously.",
     "Hội đồng Bảo an đã nhất trí thông qua nghị quyết."),
    ("Viet Nam was elected to the Human Rights Council for the 2023–2025 term.",
     "Việt Nam được bầu vào Hội đồng Nhân quyền Liên hợp quốc nhiệm kỳ 2023–2025."),
]  # fmt: skip


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory.open(tmp_path / "tm.sqlite")


def _pairs(memory: TranslationMemory) -> list[tuple[str, str, str, str]]:
    return [(u.source, u.target, u.source_lang, u.target_lang) for u in memory.units()]


@pytest.mark.parametrize("name", ["omegat-level2.tmx", "omegat-tmx11.tmx"])
def test_tmx_written_by_omegat_imports_english_to_vietnamese(memory: TranslationMemory,
                                                             name: str) -> None:  # fmt: skip
    assert memory.import_file(TM_DATA / name) == (3, 3)
    assert _pairs(memory) == [(en, vi, "en", "vi") for en, vi in OMEGAT_UNITS]


def test_omegat_writes_a_memory_that_imports(
    tmp_path: Path, memory: TranslationMemory, tool: Callable[[str, str], str]
) -> None:
    omegat = tool("omegat", "omegat")
    project = omegat_project(tmp_path / "project")
    shutil.copy(TM_DATA / "omegat-level2.tmx", project / "tm/auto/earlier.tmx")
    (project / "source/statement.txt").write_text(
        "The Security Council adopted the resolution unanimously.\n", encoding="utf-8")
    translate_with_omegat(omegat, project)
    written = project / "project-level2.tmx"
    assert memory.import_file(written) == (1, 1)
    assert _pairs(memory) == [(*OMEGAT_UNITS[1], "en", "vi")]


def test_inline_codes_are_dropped_and_their_text_kept(memory: TranslationMemory) -> None:
    memory.import_file(TM_DATA / "tagged.tmx")
    first, second = memory.units()
    assert first == Unit(
        "The Security Council met on 15 March in New York.",
        "Ngày 15 tháng 3, Hội đồng Bảo an đã họp tại New York.",
        "en", "vi", str(TM_DATA / "tagged.tmx"), "20240312T091500Z", "20240315T101010Z",
        "MOFA\\minh.tran", "statement-2024-03", "Checked against the official press release",
    )  # fmt: skip
    # the French variant and the unit with one language only are left out
    assert (second.source, second.target, second.target_lang) == (
        "Thank you, Mr. President.", "Xin cảm ơn Ngài Chủ tịch.", "vi")


def test_identical_pairs_are_stored_once_and_other_translations_kept(
    memory: TranslationMemory,
) -> None:
    units = [Unit("Good morning.", "Chào buổi sáng."), Unit("Good morning.", "Xin chào."),
             Unit("Good morning.", "Chào buổi sáng.", origin="other.tmx")]  # fmt: skip
    assert memory.add_units(units, "first.tsv") == 2
    assert memory.add_units([Unit("Good morning.", "Xin chào.")], "again.tsv") == 0
    assert [(u.target, u.origin) for u in memory.units()] == [
        ("Chào buổi sáng.", "first.tsv"), ("Xin chào.", "first.tsv")]


def test_text_is_stored_in_nfc(memory: TranslationMemory) -> None:
    memory.add_units([Unit("Viet Nam", "Vie\u0323\u0302t Nam\r\n")], "x")
    assert [u.target for u in memory.units()] == ["Việt Nam\n"]


def test_xliff_12_gives_translated_units_only(memory: TranslationMemory) -> None:
    assert memory.import_file(TM_DATA / "units.xlf") == (1, 1)
    (unit,) = memory.units()
    assert (unit.source, unit.target, unit.context, unit.note) == (
        "Viet Nam supports the Paris Agreement.", "Việt Nam ủng hộ Thỏa thuận Paris.", "title",
        "From the 2024 statement")  # fmt: skip


def test_xliff_20_vietnamese_to_english(memory: TranslationMemory) -> None:
    assert memory.import_file(TM_DATA / "units-20.xlf") == (1, 1)
    assert _pairs(memory) == [
        ("Xin chào các vị đại biểu.", "Welcome, distinguished delegates.", "vi", "en")]


def test_po_gives_translated_entries_that_are_not_fuzzy(memory: TranslationMemory,
                                                        tmp_path: Path) -> None:  # fmt: skip
    po = tmp_path / "statement.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\n'
        '#. from the 2024 statement\nmsgctxt "title"\nmsgid "Opening of the session"\n'
        'msgstr ""\n"Khai mạc "\n"khóa họp"\n\n'
        '#, fuzzy\nmsgid "The session is closed."\nmsgstr "Khóa họp bế mạc."\n\n'
        'msgid "Not yet translated."\nmsgstr ""\n\n'
        'msgid "One delegate"\nmsgid_plural "%d delegates"\nmsgstr[0] "%d đại biểu"\n\n'
        '#~ msgid "Old entry."\n#~ msgstr "Mục cũ."\n\n'
        'msgid "He said \\"yes\\"."\nmsgstr "Ông nói \\"có\\"."\n',
        encoding="utf-8",
    )
    assert memory.import_file(po) == (3, 3)
    first, plural, second = memory.units()
    assert (first.source, first.target, first.context, first.note) == (
        "Opening of the session", "Khai mạc khóa họp", "title", "from the 2024 statement")
    # Vietnamese has one plural form, written from msgid_plural
    assert (plural.source, plural.target) == ("%d delegates", "%d đại biểu")
    assert (second.source, second.target) == ('He said "yes".', 'Ông nói "có".')


def test_po_into_english_is_vietnamese_to_english(memory: TranslationMemory,
                                                  tmp_path: Path) -> None:  # fmt: skip
    po = tmp_path / "vi.po"
    po.write_text('msgid ""\nmsgstr "Language: en_US\\n"\n\nmsgid "Hà Nội"\nmsgstr "Hanoi"\n',
                  encoding="utf-8")  # fmt: skip
    memory.import_file(po)
    assert _pairs(memory) == [("Hà Nội", "Hanoi", "vi", "en")]


def test_po_written_by_translate_toolkit(memory: TranslationMemory, tmp_path: Path) -> None:
    from translate.convert import csv2po, po2tmx

    table = tmp_path / "terms.csv"
    table.write_text('"location","source","target"\n'
                     '"a.txt:1","The Security Council met.","Hội đồng Bảo an đã họp."\n'
                     '"a.txt:2","The General Assembly met.",""\n', encoding="utf-8")  # fmt: skip
    po, tmx = tmp_path / "terms.po", tmp_path / "terms.tmx"
    csv2po.main([str(table), str(po), "--progress=none"])
    po2tmx.main([str(po), str(tmx), "-l", "vi", "--progress=none"])
    assert memory.import_file(po) == (1, 1)
    assert memory.import_file(tmx) == (1, 0)
    assert _pairs(memory) == [("The Security Council met.", "Hội đồng Bảo an đã họp.",
                               "en", "vi")]  # fmt: skip


def test_tsv_with_a_language_header(memory: TranslationMemory, tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("vi-VN\ten-US\nHà Nội\tHanoi\n\nĐà Nẵng\tDa Nang\n", encoding="utf-8")
    assert memory.import_file(tsv) == (2, 2)
    assert _pairs(memory)[1] == ("Đà Nẵng", "Da Nang", "vi", "en")


def test_csv_with_quoted_commas(memory: TranslationMemory, tmp_path: Path) -> None:
    table = tmp_path / "pairs.csv"
    table.write_text('"Peace, security","Hòa bình, an ninh"\n', encoding="utf-8")
    memory.import_file(table)
    assert _pairs(memory) == [("Peace, security", "Hòa bình, an ninh", "en", "vi")]


def test_a_bad_row_names_file_and_line_and_nothing_is_imported(
    memory: TranslationMemory, tmp_path: Path
) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("One\tMột\nTwo\tHai\tthree\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"pairs\.tsv:2: 3 columns where a unit has 2"):
        memory.import_file(tsv)
    assert len(memory) == 0


def test_malformed_tmx_leaves_the_memory_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with TranslationMemory.open(path) as memory:
        memory.add_units([Unit("Earlier.", "Trước đó.")], "x")
    result = runner.invoke(app, ["tm", "import", "--tm", str(path),
                                 str(TM_DATA / "broken-at-line-9.tmx")])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"vnterms: {TM_DATA / 'broken-at-line-9.tmx'}:9: malformed XML: mismatched tag "
        "(column 50)")
    with TranslationMemory.open(path) as memory:
        assert _pairs(memory) == [("Earlier.", "Trước đó.", "en", "vi")]


def test_entities_are_refused(memory: TranslationMemory) -> None:
    with pytest.raises(InputError, match=r"entity\.tmx:\d+: refused: the file declares an entity"):
        memory.import_file(TM_DATA / "entity.tmx")


def test_xliff_named_tmx_is_refused(memory: TranslationMemory, tmp_path: Path) -> None:
    (tmp_path / "units.tmx").write_bytes((TM_DATA / "units.xlf").read_bytes())
    with pytest.raises(InputError, match=r"units\.tmx: not a TMX file \(no <tmx> element\)"):
        memory.import_file(tmp_path / "units.tmx")


def test_a_file_of_another_kind_is_refused(memory: TranslationMemory, tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match=r"cannot import \.docx"):
        memory.import_file(tmp_path / "notes.docx")


def _peak_import(memory: TranslationMemory, tmx: Path, units: int) -> int:
    """The most memory Python held while importing a TMX of ``units`` units."""
    import tracemalloc

    with tmx.open("w", encoding="utf-8") as handle:
        handle.write('<tmx version="1.4"><header srclang="en" creationtool="t" segtype="sentence"'
                     ' creationtoolversion="1" o-tmf="t" adminlang="en" datatype="plaintext"/>'
                     '<body>\n')  # fmt: skip
        for n in range(units):
            handle.write(f'<tu><tuv xml:lang="en"><seg>Sentence number {n} of the report.</seg>'
                         f'</tuv><tuv xml:lang="vi"><seg>Câu số {n} của báo cáo.</seg></tuv>'
                         "</tu>\n")  # fmt: skip
        handle.write("</body></tmx>\n")
    tracemalloc.start()
    assert memory.import_file(tmx) == (units, units)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_import_memory_does_not_grow_with_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tm_store, "FLUSH_UNITS", 1000)
    small = _peak_import(TranslationMemory.open(tmp_path / "a.sqlite"), tmp_path / "a.tmx", 4000)
    large = _peak_import(TranslationMemory.open(tmp_path / "b.sqlite"), tmp_path / "b.tmx", 16000)
    assert (tmp_path / "b.tmx").stat().st_size > 1_500_000
    assert large < small * 1.3


UNIT_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
    lambda t: t.strip() != "")  # fmt: skip
OPTIONAL = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
UNITS = st.lists(
    st.builds(Unit, UNIT_TEXT, UNIT_TEXT, st.sampled_from(["en", "vi"]), st.just(""),
              OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL, OPTIONAL),
    max_size=6,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=UNITS)
def test_import_export_import_is_lossless(tmp_path_factory: pytest.TempPathFactory,
                                          units: list[Unit]) -> None:  # fmt: skip
    units = [Unit(u.source, u.target, u.source_lang, "vi" if u.source_lang == "en" else "en",
                  *u.row()[4:]) for u in units]  # fmt: skip
    folder = tmp_path_factory.mktemp("roundtrip")
    with TranslationMemory.open(folder / "first.sqlite") as first:
        first.add_units(units, "origin.tmx")
        exported = io.BytesIO()
        first.export_tmx(exported)
        stored = list(first.units())
    (folder / "export.tmx").write_bytes(exported.getvalue())
    with TranslationMemory.open(folder / "second.sqlite") as second:
        second.import_file(folder / "export.tmx")
        assert list(second.units()) == stored


def test_export_is_valid_tmx_14(memory: TranslationMemory, tmp_path: Path) -> None:
    memory.import_file(TM_DATA / "tagged.tmx")
    out = tmp_path / "out.tmx"
    result = runner.invoke(app, ["tm", "export", "--tm", str(memory.path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    dtd = etree.DTD(str(DATA / "tmx14.dtd"))
    tree = etree.parse(str(out))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    assert tree.xpath("//tu[1]/@changedate") == ["20240315T101010Z"]
    assert tree.xpath("//tu[1]/prop[@type='x-context']/text()") == ["statement-2024-03"]


def test_two_imports_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    files = []
    for name in ("a", "b"):
        table = tmp_path / f"{name}.tsv"
        table.write_text("".join(f"{name} sentence {n}.\tcâu {name} {n}.\n" for n in range(3000)),
                         encoding="utf-8")  # fmt: skip
        files.append(table)
    command = [sys.executable, "-m", "vnterms", "tm", "import", "--tm", str(path)]
    running = [subprocess.Popen([*command, str(f)], stderr=subprocess.PIPE) for f in files]
    assert [p.wait(timeout=300) for p in running] == [0, 0]
    with TranslationMemory.open(path) as memory:
        assert len(memory) == 6000


def test_location_option_then_environment_then_data_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("VNTERMS_TM", raising=False)
    assert tm_store.find_path(None) == tmp_path / "data/vnterms/tm.sqlite"
    monkeypatch.setenv("VNTERMS_TM", str(tmp_path / "env.sqlite"))
    assert tm_store.find_path(None) == tmp_path / "env.sqlite"
    assert tm_store.find_path(tmp_path / "given.sqlite") == tmp_path / "given.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.delenv("VNTERMS_TM")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert tm_store.find_path(None) == tmp_path / "home/.local/share/vnterms/tm.sqlite"


def test_an_older_schema_is_migrated_with_its_units(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = tm_store.connect(path, migrations=tm_store.MIGRATIONS[:1])
    row = ("The Council met.", "Hội đồng đã họp.", "en", "vi", "old.tmx", "", "", "", "", "")
    old.execute(f"INSERT INTO unit (key, {', '.join(tm_store.FIELDS)}) VALUES "
                f"(?, {', '.join('?' * 10)})", (tm_store.unit_key(row), *row))  # fmt: skip
    old.close()
    with TranslationMemory.open(path) as memory:
        assert memory.stats().schema == 3
        assert [m.score for m in memory.search("The Council met.")] == [100]
        assert len(memory.concordance("hoi dong")) == 1


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 9")
    connection.close()
    with pytest.raises(InputError, match=r"made by a newer vnterms \(schema 9"):
        TranslationMemory.open(path)


def test_stats(memory: TranslationMemory) -> None:
    memory.import_file(TM_DATA / "omegat-level2.tmx")
    memory.import_file(TM_DATA / "units-20.xlf")
    result = runner.invoke(app, ["tm", "stats", "--tm", str(memory.path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == ["  en→vi: 3", "  vi→en: 1"]
    assert " 4 units from 2 files, " in result.stdout


@pytest.fixture
def statements(memory: TranslationMemory) -> TranslationMemory:
    memory.import_file(TM_DATA / "omegat-level2.tmx")
    return memory


def test_identical_text_scores_100_and_case_costs_a_little(statements: TranslationMemory) -> None:
    assert [m.score for m in statements.search(OMEGAT_UNITS[1][0])] == [100]
    # 7 words; "council" for "Council" costs 0.1 of a word: 1 - 0.1 / 7 = 98.6 %
    found = statements.search("The Security council adopted the resolution unanimously.")
    assert [m.score for m in found] == [98]
    # a comma more: a quarter of a word
    found = statements.search("The Security Council adopted the resolution, unanimously.")
    assert [m.score for m in found] == [96]


def test_numbers_are_placeables(statements: TranslationMemory) -> None:
    (match,) = statements.search(
        "Viet Nam was elected to the Human Rights Council for the 2026–2028 term.")
    assert match.score == 85  # 2 of 13 words differ
    assert match.target_suggested == (
        "Việt Nam được bầu vào Hội đồng Nhân quyền Liên hợp quốc nhiệm kỳ 2026–2028.")
    assert match.numbers_replaced == [("2023", "2026"), ("2025", "2028")]
    assert match.diff == [("=", "Viet Nam was elected to the Human Rights Council for the"),
                          ("-", "2023"), ("+", "2026"), ("=", "–"), ("-", "2025"),
                          ("+", "2028"), ("=", "term.")]  # fmt: skip


def test_a_word_changed_is_no_placeable(statements: TranslationMemory) -> None:
    (match,) = statements.search(
        "Viet Nam was elected to the Economic Rights Council for the 2026–2028 term.")
    assert match.numbers_replaced == []
    assert match.target_suggested == match.target


def test_vietnamese_without_diacritics_finds_vietnamese(statements: TranslationMemory) -> None:
    (match,) = statements.search("Hoi dong Bao an da nhat tri thong qua nghi quyet")
    assert match.source == "Hội đồng Bảo an đã nhất trí thông qua nghị quyết."
    assert match.target == "The Security Council adopted the resolution unanimously."
    # 9 of its 11 words differ in their diacritics (0.2 each), the full stop is missing (0.25):
    # 1 - 2.05 / 11 = 81.4 %
    assert match.score == 81


def test_search_min_and_limit(statements: TranslationMemory) -> None:
    query = "The General Assembly opened its session in Geneva."
    assert statements.search(query, min_score=78) == []
    found = statements.search(query, min_score=50, limit=1)
    # "New York" for "Geneva": one word replaced, one deleted, of 9: 77.8 %
    assert [(m.score, m.source) for m in found] == [(77, OMEGAT_UNITS[0][0])]


def test_search_command_json_with_glossary_names(statements: TranslationMemory) -> None:
    query = "The Human Rights Council adopted the resolution unanimously."
    result = runner.invoke(app, ["tm", "search", "--tm", str(statements.path), "--json", query])
    assert result.exit_code == 0, result.stderr
    (match,) = json.loads(result.stdout)
    assert sorted(match) == ["diff", "numbers_replaced", "origin", "score", "source", "target",
                             "target_suggested", "terms"]  # fmt: skip
    assert match["source"] == OMEGAT_UNITS[1][0]
    assert [(t["en"], t["vi"]) for t in match["terms"]] == [
        ("Human Rights Council", "Hội đồng Nhân quyền Liên hợp quốc")]


def test_search_command_text_shows_the_difference(statements: TranslationMemory) -> None:
    result = runner.invoke(app, ["tm", "search", "--tm", str(statements.path),
                                 "The General Assembly opened its session in Geneva."])  # fmt: skip
    assert result.exit_code == 0
    assert "diff: The General Assembly opened its session in [-New York-] {+Geneva+} ." in (
        result.stdout)


def test_search_stdin_answers_each_line_in_json(statements: TranslationMemory) -> None:
    result = runner.invoke(app, ["tm", "search", "--tm", str(statements.path), "-"],
                           input=f"{OMEGAT_UNITS[0][0]}\nnothing like it\n")  # fmt: skip
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["query"], [m["score"] for m in line["matches"]]) for line in lines] == [
        (OMEGAT_UNITS[0][0], [100]), ("nothing like it", [])]


def test_search_without_match_exits_1(statements: TranslationMemory) -> None:
    result = runner.invoke(app, ["tm", "search", "--tm", str(statements.path), "Unrelated."])
    assert (result.exit_code, result.stderr) == (1, "no match of 70% or more\n")


def test_concordance_ignores_diacritics_when_the_phrase_has_none(
    statements: TranslationMemory,
) -> None:
    found = statements.concordance("hoi dong")
    assert [(c.lang, c.text[c.spans[0][0] : c.spans[0][1]]) for c in found] == [
        ("vi", "hội đồng"), ("vi", "Hội đồng"), ("vi", "Hội đồng")]


def test_concordance_keeps_diacritics_when_the_phrase_has_them(memory: TranslationMemory) -> None:
    memory.add_units([Unit("Ha Long Bay", "Vịnh Hạ Long"), Unit("Hanoi", "Hà Nội")], "x")
    assert [c.text for c in memory.concordance("Hạ")] == ["Vịnh Hạ Long"]
    assert [c.text for c in memory.concordance("ha", lang="vi")] == ["Vịnh Hạ Long", "Hà Nội"]
    assert [c.text for c in memory.concordance("ha", lang="en")] == ["Ha Long Bay"]


def test_concordance_command_marks_the_phrase(statements: TranslationMemory) -> None:
    result = runner.invoke(app, ["tm", "concordance", "--tm", str(statements.path),
                                 "security council", "--lang", "en"])  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == ("The **Security Council** adopted the resolution unanimously.\n"
                             "    Hội đồng Bảo an đã nhất trí thông qua nghị quyết.\n")  # fmt: skip


def test_candidates_come_from_the_rarest_words(
    memory: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vnterms.tm import memory as tm_memory

    monkeypatch.setattr(tm_memory, "CANDIDATES", 2)
    monkeypatch.setattr(tm_memory, "POSTINGS_BUDGET", 40)
    memory.add_units([Unit(f"The committee met in Geneva on day {n}.", f"Ủy ban họp ngày {n}.")
                      for n in range(30)], "x")  # fmt: skip
    memory.add_units([Unit("The committee met in Nairobi on Tuesday.", "Ủy ban họp thứ Ba.")], "y")
    found = memory.search("The committee met in Nairobi on Tuesday morning.", limit=1)
    # one word more than the 7 stored: 87.5 %
    assert [(m.score, m.source) for m in found] == [
        (87, "The committee met in Nairobi on Tuesday.")]


def test_a_sentence_of_common_words_is_found_through_its_phrase(
    memory: TranslationMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tm_store, "COMMON", 0)  # every word is common: no word index to use
    memory.add_units([Unit("It is so decided.", "Quyết định như vậy."),
                      Unit("It is decided.", "Đã quyết định.")], "x")  # fmt: skip
    assert [(m.score, m.target) for m in memory.search("It is so decided.")] == [
        (100, "Quyết định như vậy.")]
