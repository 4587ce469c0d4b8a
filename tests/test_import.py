"""Importing exports back: exactly which terms each format gives, one meaning for one edit in every
format, strict PO and XML reading, and the `vnterms import` workflow (plan, confirm, git, exits)."""

import copy
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from defusedxml import DefusedXmlException, DTDForbidden, ExternalReferenceForbidden
from typer.testing import CliRunner

from vnterms import Concept, Glossary, Term
from vnterms.cli import app
from vnterms.errors import InputError
from vnterms.formats import read_concepts_from, render
from vnterms.formats.tabular import read_csv
from vnterms.formats.xmlio import _refusal
from vnterms.merge import merge
from vnterms.store import read_glossary

DATA = Path(__file__).parent / "data"
runner = CliRunner()

SC_VI, SC_VI_NEW = "Hội đồng Bảo an", "Hội đồng An ninh"


def _glossary() -> Glossary:
    return Glossary([
        Concept("sc", "principal-organ", [
            Term("Security Council", "en", "full", "preferred"),
            Term("UNSC", "en", "abbreviation", "admitted"),
            Term("Council of Security", "en", "variant", "deprecated"),
            Term(SC_VI, "vi", "full", "preferred"),
            Term("HĐBA", "vi", "abbreviation", "admitted"),
        ]),
        Concept("who", "specialized-agency", [
            Term("World Health Organization", "en", "full", "preferred"),
            Term("WHO draft name", "en", "variant", "draft"),
            Term("Tổ chức Y tế Thế giới", "vi", "full", "preferred"),
        ]),
        Concept("forum", "conference", [
            Term("Ocean Forum", "en", "full", "draft"),
            Term("Diễn đàn Đại dương", "vi", "full", "draft"),
        ], status="draft"),
    ])  # fmt: skip


def _records(concepts: list[Concept]) -> list[tuple[str, str, str | None, list[tuple[str, ...]]]]:
    return [(c.id, c.category, c.status, [(t.lang, t.text, t.kind, t.status) for t in c.terms])
            for c in concepts]  # fmt: skip


SC_FULL = [("en", "Security Council", "full", "preferred"),
           ("en", "UNSC", "abbreviation", "admitted"),
           ("en", "Council of Security", "variant", "deprecated"),
           ("vi", SC_VI, "full", "preferred"),
           ("vi", "HĐBA", "abbreviation", "admitted")]  # fmt: skip
WHO_FULL = [("en", "World Health Organization", "full", "preferred"),
            ("en", "WHO draft name", "variant", "draft"),
            ("vi", "Tổ chức Y tế Thế giới", "full", "preferred")]  # fmt: skip
FORUM_FULL = [("en", "Ocean Forum", "full", "draft"), ("vi", "Diễn đàn Đại dương", "full", "draft")]
EXPECTED = {
    "csv": [("forum", "conference", "draft", FORUM_FULL),
            ("sc", "principal-organ", None, SC_FULL),
            ("who", "specialized-agency", None, WHO_FULL)],
    "tbx": [("forum", "conference", "draft", FORUM_FULL),
            ("sc", "principal-organ", None, SC_FULL),
            ("who", "specialized-agency", None, WHO_FULL)],
    "tmx": [("forum", "conference", "", [("en", "Ocean Forum", "full", "draft"),
                                         ("vi", "Diễn đàn Đại dương", "", "draft")]),
            ("sc", "principal-organ", "", [("en", "Security Council", "full", ""),
                                           ("vi", SC_VI, "", "preferred"),
                                           ("en", "UNSC", "abbreviation", ""),
                                           ("vi", SC_VI, "", "preferred")]),
            ("who", "specialized-agency", "", [("en", "World Health Organization", "full", ""),
                                               ("vi", "Tổ chức Y tế Thế giới", "", "preferred"),
                                               ("en", "WHO draft name", "variant", "draft"),
                                               ("vi", "Tổ chức Y tế Thế giới", "", "draft")])],
    "po": [("forum", "conference", "", [("en", "Ocean Forum", "", ""),
                                        ("vi", "Diễn đàn Đại dương", "", "draft")]),
           ("sc", "principal-organ", "", [("en", "Security Council", "", ""),
                                          ("vi", SC_VI, "", "preferred"),
                                          ("en", "UNSC", "", ""), ("vi", SC_VI, "", "preferred"),
                                          ("en", "Council of Security", "", ""),
                                          ("vi", SC_VI, "", "preferred")]),
           ("who", "specialized-agency", "", [("en", "World Health Organization", "", ""),
                                              ("vi", "Tổ chức Y tế Thế giới", "", "preferred"),
                                              ("en", "WHO draft name", "", ""),
                                              ("vi", "Tổ chức Y tế Thế giới", "", "draft")])],
    "po-vi": [("forum", "conference", "", [("vi", "Diễn đàn Đại dương", "", ""),
                                           ("en", "Ocean Forum", "", "draft")]),
              ("sc", "principal-organ", "", [("vi", SC_VI, "", ""),
                                             ("en", "Security Council", "", "preferred"),
                                             ("vi", "HĐBA", "", ""),
                                             ("en", "Security Council", "", "preferred")]),
              ("who", "specialized-agency", "", [("vi", "Tổ chức Y tế Thế giới", "", ""),
                                                 ("en", "World Health Organization", "",
                                                  "preferred")])],
}  # fmt: skip
SUFFIXES = {"csv": ".csv", "tbx": ".tbx", "tmx": ".tmx", "po": ".po", "po-vi": ".po"}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_format_gives_back_exactly_its_terms(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"export{SUFFIXES[name]}"
    path.write_bytes(render(name, _glossary(), with_drafts=True))
    assert _records(read_concepts_from(path)) == EXPECTED[name]
    glossary = _glossary()
    report = merge(glossary, read_concepts_from(path))
    assert report.lines() == [] and glossary == _glossary()


# The same edit, made by hand in each format's own syntax: the preferred Vietnamese term changed.
EDITS = {
    "po": (f'msgstr "{SC_VI}"\n', f'msgstr "{SC_VI_NEW}"\n'),
    "tmx": (f"<seg>{SC_VI}</seg>", f"<seg>{SC_VI_NEW}</seg>"),
    "tbx": (f"<term>{SC_VI}</term>", f"<term>{SC_VI_NEW}</term>"),
    "csv": (f",{SC_VI},", f",{SC_VI_NEW},"),
}
THEIRS = [SC_FULL[0], SC_FULL[1], SC_FULL[2], ("vi", SC_VI_NEW, "full", "preferred"),
          ("vi", SC_VI, "full", "admitted"), SC_FULL[4]]  # fmt: skip


@pytest.mark.parametrize("name", list(EDITS))
def test_a_changed_preferred_term_is_the_same_conflict_in_every_format(tmp_path: Path, name: str
                                                                      ) -> None:  # fmt: skip
    old, new = EDITS[name]
    text = render(name, _glossary(), with_drafts=True).decode("utf-8")
    assert old in text
    path = tmp_path / f"edited{SUFFIXES[name]}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    glossary = _glossary()
    report = merge(glossary, read_concepts_from(path))
    assert report.lines() == [f"CONFLICT: [sc] vi: file prefers '{SC_VI_NEW}', glossary prefers "
                              f"'{SC_VI}'"]  # fmt: skip
    assert glossary == _glossary()
    report = merge(glossary, read_concepts_from(path), accept="theirs")
    assert report.conflicts == [] and len(report.changes) == 1
    assert _records([glossary["sc"]])[0][3] == THEIRS
    assert glossary["who"] == _glossary()["who"] and glossary["forum"] == _glossary()["forum"]


def test_an_edited_vietnamese_to_english_po_changes_the_english(tmp_path: Path) -> None:
    text = render("po-vi", _glossary()).decode("utf-8")
    path = tmp_path / "vnterms-vi.po"
    path.write_text(text.replace('msgstr "Security Council"', 'msgstr "UN Security Council"', 1)
                    .replace('msgstr "World Health Organization"', 'msgstr "WHO"'),
                    encoding="utf-8")  # fmt: skip
    glossary = _glossary()
    report = merge(glossary, read_concepts_from(path))
    assert report.lines() == [
        "CONFLICT: [sc] en: file prefers 2 terms, 'UN Security Council', 'Security Council'; "
        "not changed",
        "CONFLICT: [who] en: file prefers 'WHO', glossary prefers 'World Health Organization'",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("", "no Language header: which language are the msgstrs in?"),
        ('"Language: fr\\n"', "Language 'fr': vnterms imports catalogs in en or vi"),
    ],
)
def test_po_direction_comes_from_the_language_header(tmp_path: Path, header: str, message: str
                                                     ) -> None:  # fmt: skip
    path = tmp_path / "x.po"
    path.write_text(f'msgid ""\nmsgstr {header or chr(34) * 2}\n\nmsgid "a"\nmsgstr "b"\n',
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(InputError) as raised:
        read_concepts_from(path)
    assert str(raised.value) == f"{path}: {message}"


HEADER = 'msgid ""\nmsgstr "Language: vi\\n"\n\n'


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('msgid "a"\nmsgstr "b"\n\nmsgstr "c"\n', 7, "msgstr without a msgid before it"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 6, "msgstr without a msgid before it"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 7,
         "msgid 'a' defined twice (first at line 4)"),
        ('msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n', 9,
         "msgid 'a' defined twice (first at line 5)"),
    ],
)  # fmt: skip
def test_po_that_msgfmt_rejects_is_an_error_on_the_line_msgfmt_names(
    tmp_path: Path, body: str, line: int, message: str, tool: Callable[[str, str], str]
) -> None:
    path = tmp_path / "bad.po"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_concepts_from(path)
    assert str(raised.value) == f"{path}:{line}: {message}"
    checked = subprocess.run([tool("msgfmt", "gettext"), "--check", "-o", "/dev/null", str(path)],
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert checked.returncode == 1
    named = re.search(rf"{re.escape(str(path))}:(\d+):", checked.stderr)
    assert named is not None and int(named.group(1)) == line, checked.stderr


def test_po_different_contexts_may_share_a_msgid(tmp_path: Path) -> None:
    path = tmp_path / "ok.po"
    path.write_text(HEADER + 'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "y"\nmsgid "a"\n'
                    'msgstr "c"\n', encoding="utf-8")  # fmt: skip
    assert _records(read_concepts_from(path)) == [
        ("x", "", "", [("en", "a", "", ""), ("vi", "b", "", "preferred")]),
        ("y", "", "", [("en", "a", "", ""), ("vi", "c", "", "preferred")]),
    ]


def test_po_syntax_error_message_is_whole(tmp_path: Path) -> None:
    path = tmp_path / "cut.po"
    path.write_text(HEADER + 'msgid "Convention on the Law of the Sea"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_concepts_from(path)
    assert str(raised.value) == (f"{path}:4: missing msgstr for msgid "
                                 "'Convention on the Law of the Sea'")  # fmt: skip


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (DTDForbidden("tmx", None, None), "refused: document type definition is forbidden"),
        (ExternalReferenceForbidden(None, None, "tmx14.dtd", None),
         "refused: resolving an external reference is forbidden"),
    ],
)  # fmt: skip
def test_the_other_refusals_of_defusedxml_are_in_words(error: DefusedXmlException,
                                                       expected: str) -> None:  # fmt: skip
    # not raised with the parser's options today (DTDs allowed, entities refused first)
    assert _refusal(error) == expected


def test_tmx_with_a_doctype_is_read(tmp_path: Path) -> None:
    text = render("tmx", _glossary()).decode("utf-8")
    path = tmp_path / "dtd.tmx"
    path.write_text(text.replace("<tmx ", '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx ', 1),
                    encoding="utf-8")  # fmt: skip
    assert [c.id for c in read_concepts_from(path)] == ["sc", "who"]


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "glossary-small", tmp_path / "g")
    return tmp_path / "g"


def _export_edited(small: Path, name: str, old: str, new: str) -> Path:
    text = render(name, read_glossary(small)).decode("utf-8")
    assert old in text
    path = small.parent / f"edited{SUFFIXES[name]}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.glob("*.terms"))}


VI_SC = "Hội đồng Bảo an Liên hợp quốc"
CONFLICT = f"CONFLICT: [security-council] vi: file prefers 'HĐBA LHQ', glossary prefers '{VI_SC}'"


def test_unchanged_export_is_nothing_to_change(small: Path) -> None:
    path = _export_edited(small, "tbx", "", "")
    result = runner.invoke(app, ["import", str(path), "-g", str(small)])
    assert (result.exit_code, result.stdout) == (0, "nothing to change\n")


def test_changes_are_written_only_when_confirmed(small: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:  # fmt: skip
    path = _export_edited(small, "csv", "who,specialized-agency,,en,WHO,abbreviation,admitted",
                          "who,specialized-agency,,en,WHO,abbreviation,deprecated")  # fmt: skip
    before = _snapshot(small)
    plan = ("changed: [who] en: 'WHO' admitted → deprecated\n"
            "0 additions, 1 changes, 0 conflicts, 0 kept\n")  # fmt: skip
    result = runner.invoke(app, ["import", str(path), "-g", str(small)])
    assert (result.exit_code, result.stdout) == (1, plan)
    assert result.stderr == "nothing written: pass --yes to write these changes\n"
    assert _snapshot(small) == before
    monkeypatch.setattr("vnterms.cli._interactive", lambda: True)
    result = runner.invoke(app, ["import", str(path), "-g", str(small)], input="n\n")
    assert result.exit_code == 1 and f"Write these changes to {small}? [y/N]" in result.stdout
    assert _snapshot(small) == before
    result = runner.invoke(app, ["import", str(path), "-g", str(small)], input="y\n")
    assert result.exit_code == 0
    assert "en: WHO | abbreviation | deprecated" in (small / "bodies.terms").read_text("utf-8")
    result = runner.invoke(app, ["import", str(path), "-g", str(small)])
    assert (result.exit_code, result.stdout) == (0, "nothing to change\n")


def test_dry_run_writes_nothing_and_exits_0(small: Path) -> None:
    path = _export_edited(small, "csv", ",en,WHO,abbreviation,admitted",
                          ",en,WHO,abbreviation,deprecated")  # fmt: skip
    before = _snapshot(small)
    result = runner.invoke(app, ["import", str(path), "--dry-run", "--yes", "-g", str(small)])
    assert result.exit_code == 0
    assert result.stdout.endswith("0 conflicts, 0 kept (dry run: nothing written)\n")
    assert _snapshot(small) == before


def test_conflicts_are_not_applied_and_exit_1(small: Path) -> None:
    path = _export_edited(small, "po", f'msgstr "{VI_SC}"', 'msgstr "HĐBA LHQ"')
    before = _snapshot(small)
    for extra in ([], ["--yes"]):
        result = runner.invoke(app, ["import", str(path), *extra, "-g", str(small)])
        assert (result.exit_code, result.stdout) == (
            1, f"{CONFLICT}\n0 additions, 0 changes, 1 conflicts, 0 kept\n")  # fmt: skip
        assert _snapshot(small) == before
    result = runner.invoke(app, ["import", str(path), "--accept", "ours", "-g", str(small)])
    assert result.exit_code == 0 and result.stdout.startswith(CONFLICT.replace("CONFLICT", "kept"))
    assert _snapshot(small) == before


def test_accept_theirs_makes_the_files_term_preferred(small: Path) -> None:
    path = _export_edited(small, "tmx", f"<seg>{VI_SC}</seg>", "<seg>HĐBA LHQ</seg>")
    result = runner.invoke(app, ["import", str(path), "--accept", "theirs", "--yes",
                                 "-g", str(small)])  # fmt: skip
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith(CONFLICT.replace("CONFLICT", "changed"))
    text = (small / "bodies.terms").read_text("utf-8")
    assert f"vi: HĐBA LHQ | full | preferred\nvi: {VI_SC} | full | admitted\n" in text


def _git(directory: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=directory,
                   check=True, capture_output=True)  # fmt: skip


def test_uncommitted_glossary_changes_refuse_the_import(small: Path) -> None:
    path = _export_edited(small, "csv", ",en,WHO,abbreviation,admitted",
                          ",en,WHO,abbreviation,deprecated")  # fmt: skip
    _git(small, "init", "-q")
    _git(small, "add", ".")
    _git(small, "commit", "-qm", "glossary")
    with (small / "places.terms").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    before = _snapshot(small)
    result = runner.invoke(app, ["import", str(path), "--yes", "-g", str(small)])
    assert result.exit_code == 2
    assert result.stderr == (f"vnterms: {small}: 1 files with uncommitted changes; "
                             "commit them or pass --allow-dirty\n")  # fmt: skip
    assert _snapshot(small) == before
    assert runner.invoke(app, ["import", str(path), "--dry-run", "-g", str(small)]).exit_code == 0
    result = runner.invoke(app, ["import", str(path), "--yes", "--allow-dirty", "-g", str(small)])
    assert result.exit_code == 0
    _git(small, "commit", "-qam", "import")
    assert runner.invoke(app, ["import", str(path), "--yes", "-g", str(small)]).exit_code == 0


def test_import_copy_keeps_glossary_equal(small: Path) -> None:
    glossary = read_glossary(small)
    path = _export_edited(small, "po-vi", "", "")
    merged = copy.deepcopy(glossary)
    assert merge(merged, read_concepts_from(path)).lines() == [] and merged == glossary


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("quote.csv", 'id,lang,text\nx,en,A\nx,en,"A"b\n',
         "quote.csv:3: malformed CSV: ',' expected after '\"'"),
        ("header.csv", "id,text\nx,A\n",
         "header.csv:1: the first row must name the columns id, lang, text"),
        ("kind.csv", "id,lang,text,kind\nx,en,A,long\n",
         "kind.csv:2: unknown kind or status 'long', ''"),
        ("tmx.tmx", "<?xml version='1.0'?><tbx><body/></tbx>",
         "tmx.tmx: not a TMX file (no <tmx><body>)"),
        ("tbx.tbx", "<?xml version='1.0'?><martif><text/></martif>",
         "tbx.tbx: not a TBX file (no <martif><text><body>)"),
        ("empty.tmx", "", "empty.tmx:1: malformed XML: no element found (column 0)"),
        ("tag.tbx", "<?xml version='1.0'?>\n<martif>\n<text></martif>",
         "tag.tbx:3: malformed XML: mismatched tag (column 8)"),
        ("bomb.tmx", '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaa">\n'
         '<!ENTITY b "&a;&a;">]><tmx version="1.4"><body>&b;</body></tmx>',
         "bomb.tmx:3: refused: the file declares an entity (a); vnterms does not expand entities"),
        ("external.tbx", '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM '
         '"file:///etc/passwd">]><martif type="TBX"><text><body>&x;</body></text></martif>',
         "external.tbx:1: refused: the file declares an external entity (x, file:///etc/passwd);"
         " vnterms reads no other file"),
    ],
)  # fmt: skip
def test_malformed_or_hostile_imports_are_one_whole_message(tmp_path: Path, name: str, content: str,
                                                 expected: str) -> None:  # fmt: skip
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_concepts_from(path)
    assert str(raised.value) == f"{tmp_path}/{expected}"


def test_tmx_of_other_tools_lang_attribute_other_languages_and_missing_props(tmp_path: Path
                                                                            ) -> None:  # fmt: skip
    path = tmp_path / "other.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.1"><header/><body>'
                    '<tu><tuv lang="EN-GB"><seg>Security Council</seg></tuv>'
                    '<tuv lang="fr"><seg>Conseil de sécurité</seg></tuv>'
                    '<tuv lang="vi"/><tuv xml:lang="vi-VN"><seg>Hội đồng <ph>x</ph>Bảo an</seg>'
                    '</tuv></tu></body></tmx>', encoding="utf-8")  # fmt: skip
    assert _records(read_concepts_from(path)) == [
        ("", "", "", [("en", "Security Council", "", ""),
                      ("vi", "Hội đồng xBảo an", "", "preferred")])]  # fmt: skip


def test_tmx_props_without_text_are_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty-props.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body><tu>'
                    '<prop type="x-concept">who</prop><prop type="x-category"/>'
                    '<prop type="x-kind"></prop><prop type="x-status"/>'
                    '<tuv xml:lang="en"><seg>WHO</seg></tuv><tuv xml:lang="vi"><seg>TCYTTG</seg>'
                    '</tuv></tu></body></tmx>', encoding="utf-8")  # fmt: skip
    assert _records(read_concepts_from(path)) == [
        ("who", "", "", [("en", "WHO", "", ""), ("vi", "TCYTTG", "", "preferred")])]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("notes.txt", "notes.txt: cannot import .txt (use .po, .tmx, .tbx, .csv)"),
        ("README", "README: cannot import files without a suffix (use .po, .tmx, .tbx, .csv)"),
        ("missing.tmx", "missing.tmx: cannot read: No such file or directory"),
    ],
)
def test_import_of_another_suffix_or_a_missing_file_is_refused(tmp_path: Path, name: str,
                                                               expected: str) -> None:  # fmt: skip
    for made in ("notes.txt", "README"):
        (tmp_path / made).write_text("id,lang,text\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_concepts_from(tmp_path / name)
    assert str(raised.value) == f"{tmp_path}/{expected}"


def test_import_suffix_in_capitals_and_decomposed_notes_come_in_nfc(tmp_path: Path) -> None:
    path = tmp_path / "OTHER.TBX"
    path.write_text('<?xml version="1.0"?>\n<martif type="TBX"><text><body>'
                    '<termEntry id="who"><langSet xml:lang="vi"><tig><term>TCYTTG</term>'
                    '<note>i\u0301t du\u0300ng</note></tig></langSet></termEntry>'
                    '</body></text></martif>', encoding="utf-8")  # fmt: skip
    [concept] = read_concepts_from(path)
    assert [(t.text, t.note) for t in concept.terms] == [("TCYTTG", "\u00edt d\u00f9ng")]


def test_render_of_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(InputError) as raised:
        render("xls", _glossary())
    assert str(raised.value) == ("unknown format 'xls' (use po, po-vi, pot, mo, mo-vi, tmx, tbx, "
                                 "omegat, csv, json, html)")  # fmt: skip


def test_po_and_mo_of_one_direction_share_the_catalog_they_are_given() -> None:
    catalogs: dict[str, Catalog] = {}
    render("pot", _glossary(), catalogs=catalogs)
    assert catalogs == {}  # a template is not kept
    render("po", _glossary(), catalogs=catalogs)
    render("po-vi", _glossary(), catalogs=catalogs)
    assert sorted(catalogs) == ["en", "vi"]
    catalogs["en"].add("Extra", "Thêm")  # the MO is made from the catalog kept, not afresh
    assert b"Th\xc3\xaam" in render("mo", _glossary(), catalogs=catalogs)
    assert b"Th\xc3\xaam" not in render("mo", _glossary())


def test_csv_export_exact_text_and_its_import() -> None:
    glossary = Glossary([
        Concept("who", "specialized-agency", [
            Term("WHO", "en", "abbreviation", "preferred", note="say W-H-O"),
            Term("TCYTTG", "vi", "abbreviation", "draft"),
        ], status="draft"),
        Concept("sc", "principal-organ", [
            Term("Security Council, the", "en", "full", "preferred")]),
    ])  # fmt: skip
    text = render("csv", glossary).decode("utf-8")
    assert text == ("id,category,concept_status,lang,text,kind,status,note\n"
                    'sc,principal-organ,,en,"Security Council, the",full,preferred,\n'
                    "who,specialized-agency,draft,en,WHO,abbreviation,preferred,say W-H-O\n"
                    "who,specialized-agency,draft,vi,TCYTTG,abbreviation,draft,\n")  # fmt: skip
    concepts = read_csv(io.StringIO(text))
    assert _records(concepts) == [
        ("sc", "principal-organ", None, [("en", "Security Council, the", "full", "preferred")]),
        ("who", "specialized-agency", "draft", [("en", "WHO", "abbreviation", "preferred"),
                                                ("vi", "TCYTTG", "abbreviation", "draft")]),
    ]  # fmt: skip
    assert [t.note for c in concepts for t in c.terms] == [None, "say W-H-O", None]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "<csv>:1: the first row must name the columns id, lang, text"),
        ("id,lang,text\nx,en,A\nx,en\n", "<csv>:3: 2 fields where the header has 3"),
        ("id,lang,text\nx,fr,A\n", "<csv>:2: unknown language 'fr'"),
        ("id,lang,text,status\nx,en,A,approved\n",
         "<csv>:2: unknown kind or status '', 'approved'"),
    ],
)
def test_csv_rows_that_do_not_fit_are_errors_on_their_line(content: str, expected: str) -> None:
    with pytest.raises(InputError) as raised:
        read_csv(io.StringIO(content))
    assert str(raised.value) == expected


def test_tbx_of_other_tools_ntig_notes_and_missing_notes(tmp_path: Path) -> None:
    path = tmp_path / "other.tbx"
    path.write_text('<?xml version="1.0"?>\n<martif type="TBX"><text><body>'
                    '<termEntry><langSet xml:lang="EN"><ntig><termGrp><term>WHO</term>'
                    '</termGrp></ntig></langSet><langSet><tig><term>x</term></tig></langSet>'
                    '<langSet xml:lang="vi"><tig><term>TCYTTG</term><note>ít dùng</note>'
                    '</tig></langSet></termEntry></body></text></martif>',
                    encoding="utf-8")  # fmt: skip
    [concept] = read_concepts_from(path)
    terms = [("en", "WHO", "", ""), ("vi", "TCYTTG", "", "")]
    assert _records([concept]) == [("imported-1", "", None, terms)]
    assert [t.note for t in concept.terms] == [None, "ít dùng"]


def test_csv_columns_in_any_order_and_without_concept_status(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("text,lang,id,category\nWHO,en,who,specialized-agency\n", encoding="utf-8")
    assert _records(read_concepts_from(path)) == [
        ("who", "specialized-agency", "", [("en", "WHO", "", "")])]
    assert b"\r" not in render("csv", _glossary())
