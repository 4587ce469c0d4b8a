"""``vnterms check``: each rule, each file format, translator notes, the command's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.check import Checker, Problem, check_files
from vnterms.cli import app
from vnterms.errors import InputError
from vnterms.formats.segments import Segment, read_aligned, read_segments
from vnterms.model import Concept, Term
from vnterms.store import read_glossary

GLOSSARY = Path(__file__).parent / "data" / "check" / "glossary"
runner = CliRunner()


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(read_glossary(GLOSSARY))


def _check(checker: Checker, *pairs: tuple[str, str], source: str = "en") -> list[tuple[int, str]]:
    segments = [Segment(text, translation, source, n) for n, (text, translation)
                in enumerate(pairs, 1)]  # fmt: skip
    return [(problem.line, problem.rule) for problem in checker.check(segments, "f")]


def test_a_right_rendering_in_any_case_tone_style_spacing_or_unicode_form_passes(
    checker: Checker,
) -> None:
    decomposed = "Hội đồng Nhân quyền".encode().decode()  # the text as typed
    assert _check(
        checker,
        ("The Human Rights Council met.", "HỘI ĐỒNG NHÂN QUYỀN đã họp."),
        ("The Human Rights Council met.", "Hội  đồng   Nhân quyền đã họp."),
        ("The Human Rights Council met.", decomposed.replace("ộ", "ô\u0323")),
        ("The UN met.", "Liên hợp quốc đã họp."),
    ) == []


def test_a_wrong_body_is_a_missing_term(checker: Checker) -> None:
    segment = Segment("The Human Rights Council met.", "Hội đồng Bảo an đã họp.", "en", 7)
    problems = list(checker.check([segment], "a.po"))
    assert problems == [Problem(
        "a.po", 7, "missing-term", "human-rights-council", "Human Rights Council",
        ("Hội đồng Nhân quyền Liên hợp quốc", "Hội đồng Nhân quyền", "HĐNQ LHQ"), None,
        "“Human Rights Council” not rendered: expected “Hội đồng Nhân quyền Liên hợp quốc”, "
        "“Hội đồng Nhân quyền” or “HĐNQ LHQ”",
    )]  # fmt: skip


def test_an_abbreviation_is_satisfied_by_the_full_name_or_the_vietnamese_abbreviation(
    checker: Checker,
) -> None:
    assert _check(checker, ("The UNHRC met.", "Hội đồng Nhân quyền đã họp."),
                  ("The UNHRC met.", "HĐNQ LHQ đã họp.")) == []  # fmt: skip
    assert _check(checker, ("The UNHRC met.", "Hđnq lhq đã họp.")) == [(1, "missing-term")]


def test_possessives_and_plurals_are_names(checker: Checker) -> None:
    found = _check(checker, ("The UN's envoy spoke.", "Đặc phái viên đã phát biểu."),
                   ("Two Human Rights Councils.", "Hai hội đồng."))
    assert found == [(1, "missing-term"), (2, "missing-term")]


def test_the_longest_name_wins(checker: Checker) -> None:
    """"Human Rights Council" holds no separate UN; "Hội đồng Nhân quyền LHQ" is one name."""
    assert _check(checker, ("The Human Rights Council met.", "Hội đồng Nhân quyền LHQ họp.")) == []
    assert _check(checker, ("Hội đồng Nhân quyền LHQ họp.", "The Human Rights Council met."),
                  source="vi") == []  # fmt: skip


def test_deprecated_draft_and_unmarked_renderings(checker: Checker) -> None:
    problems = list(checker.check([
        Segment("The Human Rights Council met.", "Ủy ban Nhân quyền Liên hợp quốc họp.", "en", 1),
        Segment("The Peacebuilding Fund pays.", "Quỹ Xây dựng hòa bình chi trả.", "en", 2),
        Segment("The Human Rights Council met.", "Hoi dong Nhan quyen da hop.", "en", 3),
    ], "f"))  # fmt: skip
    assert [(p.rule, p.found) for p in problems] == [
        ("deprecated-term", "Ủy ban Nhân quyền Liên hợp quốc"),
        ("draft-term", "Quỹ Xây dựng hòa bình"),
        ("no-diacritics", "Hoi dong Nhan quyen"),
    ]
    assert problems[0].message.endswith("use “Hội đồng Nhân quyền Liên hợp quốc”")
    assert problems[1].is_warning and not problems[0].is_warning


def test_a_name_partly_stripped_of_its_marks_is_reported(checker: Checker) -> None:
    """Some syllables keep their marks ("Hội"), others lost them: any one stripped counts."""
    problems = list(checker.check([
        Segment("The Human Rights Council met.", "Hội dong Nhân quyen da hop.", "en", 1),
        Segment("The Human Rights Council met.", "Hội đồng Nhân quyền Lien hop quoc họp.", "en", 2),
    ], "f"))  # fmt: skip
    assert [(p.line, p.rule, p.found) for p in problems] == [
        (1, "no-diacritics", "Hội dong Nhân quyen"),
        (2, "no-diacritics", "Hội đồng Nhân quyền Lien hop quoc"),
    ]


def test_a_plural_whose_last_word_is_lower_case_is_its_name(checker: Checker) -> None:
    """The plural's last word is matched like the other words of a name, in any case."""
    assert _check(checker, ("The Human Rights councils met.", "Các hội đồng họp.")) == [
        (1, "missing-term")
    ]


def test_the_minority_tone_style_of_a_file_is_reported(checker: Checker) -> None:
    assert _check(checker, ("Peace.", "hòa bình, hòa hợp"), ("Peace.", "hoà bình"),
                  ("Peace.", "Hòa"), ("Peace.", "quý khỏe")) == [(2, "tone-style")]  # fmt: skip
    # as many of each: the new placement, which the glossary does not use, is reported
    assert _check(checker, ("Peace.", "hoà bình"), ("Peace.", "hòa bình")) == [(1, "tone-style")]


def test_a_deprecated_rendering_inside_the_accepted_one_is_no_problem(checker: Checker) -> None:
    whole = "Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho phụ nữ"
    assert _check(checker, ("UN Women met.", f"{whole} họp."),
                  ("UN Women met.", "Cơ quan Liên hợp quốc về Bình đẳng giới họp.")) == [
        (2, "deprecated-term")]  # fmt: skip


def test_two_admitted_renderings_of_one_name_in_a_file_are_inconsistent(checker: Checker) -> None:
    assert _check(checker, ("The UN met.", "Liên hợp quốc họp."), ("The UN met.", "LHQ họp."),
                  ("The United Nations met.", "Liên Hiệp Quốc họp.")) == [(3, "inconsistent")]


def test_vietnamese_sources_are_checked_against_the_english(checker: Checker) -> None:
    assert _check(checker, ("Hội đồng Nhân quyền họp.", "The Council met."),
                  ("Liên hợp quốc họp.", "The UN met."), source="vi") == [(1, "missing-term")]


def test_rules_select_what_is_checked() -> None:
    chosen = Checker(read_glossary(GLOSSARY), rules=["deprecated-term"])
    segments = [Segment("The Human Rights Council met.", "Hội đồng Bảo an.", "en", 1)]
    assert list(chosen.check(segments, "f")) == []
    with pytest.raises(InputError, match="unknown rule missing"):
        Checker([], rules=["missing"])


PO = """msgid ""
msgstr ""
"Language: {lang}\\n"

#: app.py:3
msgid "{source}"
msgstr "{target}"

# vnterms-ignore: missing-term
msgid "{source} again"
msgstr "{target} again"
"""


def test_po_reads_both_directions_by_its_language_and_honours_ignore_notes(
    checker: Checker, tmp_path: Path,
) -> None:
    en_vi = tmp_path / "vi.po"
    en_vi.write_text(PO.format(lang="vi", source="The UN met.", target="Họp."))
    vi_en = tmp_path / "en.po"
    vi_en.write_text(PO.format(lang="en_US", source="LHQ họp.", target="It met."))
    found = check_files(checker, [(str(p), read_segments(p)) for p in (en_vi, vi_en)])
    assert [(name, [(p.line, p.rule, p.source_term) for p in problems])
            for name, problems in found] == [
        (str(en_vi), [(6, "missing-term", "UN")]),
        (str(vi_en), [(6, "missing-term", "LHQ")]),
    ]  # fmt: skip


XLIFF_12 = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="vi" datatype="plaintext" original="x">
  <body>
   <trans-unit id="1"><source>The UN met.</source><target>Họp.</target></trans-unit>
   <trans-unit id="2"><source>The UN met.</source><target>Họp.</target>
    <note>vnterms-ignore: missing-term</note></trans-unit>
   <trans-unit id="3">
    <source>The <g id="b">Human Rights Council</g> met.</source>
    <target>Hội đồng Bảo an họp.</target></trans-unit>
  </body>
 </file>
</xliff>
"""
XLIFF_20 = """<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="vi">
 <file id="f">
  <unit id="1"><notes><note>vnterms-ignore: missing-term</note></notes>
   <segment><source>The UN met.</source><target>Họp.</target></segment></unit>
  <unit id="2">
   <segment><source>The UN met.</source><target>Họp.</target></segment></unit>
 </file>
</xliff>
"""
TMX = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" datatype="plaintext" adminlang="en"
 creationtool="x" creationtoolversion="1" o-tmf="x"/>
<body>
<tu><note>vnterms-ignore: missing-term</note>
 <tuv xml:lang="en"><seg>The UN met.</seg></tuv><tuv xml:lang="vi"><seg>Họp.</seg></tuv></tu>
<tu>
 <tuv xml:lang="en-US"><seg>The UN met.</seg></tuv><tuv xml:lang="vi-VN"><seg>Họp.</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize(("name", "text", "lines"), [
    ("a.xlf", XLIFF_12, [5, 8]),
    ("a.xliff", XLIFF_20, [6]),
    ("a.tmx", TMX, [7]),
    ("a.tsv", "en\tvi\nThe UN met.\t\"Họp.\"\nThe UN met.\tLHQ họp.\n", [2]),
    ("a.csv", 'The UN met.,"Họp,\nrồi."\nThe UN met.,LHQ họp.\n', [1]),
])  # fmt: skip
def test_xliff_tmx_and_tables_give_their_lines(checker: Checker, tmp_path: Path, name: str,
                                               text: str, lines: list[int]) -> None:  # fmt: skip
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert [p.line for p in checker.check(read_segments(path), name)] == lines


def test_two_aligned_text_files(checker: Checker, tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("The UN met.\nThe UN met.\n")
    (tmp_path / "vi.txt").write_text("LHQ họp.\nHọp.\n")
    segments = list(read_aligned(tmp_path / "en.txt", tmp_path / "vi.txt"))
    assert [(p.line, p.rule) for p in checker.check(segments, "vi.txt")] == [(2, "missing-term")]
    back = list(read_aligned(tmp_path / "vi.txt", tmp_path / "en.txt"))
    assert {s.source_lang for s in back} == {"vi"}
    (tmp_path / "vi.txt").write_text("LHQ họp.\n")
    with pytest.raises(InputError, match=r"vi.txt:2: the file ends here"):
        list(read_aligned(tmp_path / "en.txt", tmp_path / "vi.txt"))


@pytest.mark.parametrize(("name", "text", "said"), [
    ("bad.po", 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "bad.po:3: msgstr without a msgid"),
    ("nolang.po", 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n',
     "nolang.po: no language given"),
    ("fr.xlf", '<xliff version="1.2"><file source-language="fr" target-language="vi">'
     "</file></xliff>", "fr.xlf:1: language 'fr'"),
    ("bomb.tmx", '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY a "aaaa">]>\n<tmx>&a;</tmx>',
     "bomb.tmx:2: refused: the file declares an entity (a)"),
    ("cut.xlf", '<xliff version="1.2">\n<file source-language="en"', "cut.xlf:2: malformed XML"),
    ("three.tsv", "a\tb\tc\n", "three.tsv:1: 3 columns where a segment has 2"),
    ("a.txt", "x", "a.txt: cannot check .txt"),
])  # fmt: skip
def test_bad_input_is_one_line_naming_file_and_line(tmp_path: Path, name: str, text: str,
                                                     said: str) -> None:  # fmt: skip
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = runner.invoke(app, ["check", name, "-g", str(GLOSSARY)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vnterms: {said}")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_an_unknown_rule_in_a_note_is_an_error_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(PO.format(lang="vi", source="x", target="y").replace(
        "missing-term", "missing"))  # fmt: skip
    result = runner.invoke(app, ["check", str(tmp_path / "a.po"), "-g", str(GLOSSARY)])
    assert result.exit_code == 2
    assert "a.po:10: vnterms-ignore: unknown rule missing" in result.stderr


def test_the_command_prints_problems_by_file_and_line_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(PO.format(lang="vi", source="The UN met.", target="Họp."))
    result = runner.invoke(app, ["check", str(tmp_path / "a.po"), "-g", str(GLOSSARY)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{tmp_path / 'a.po'}\n"
        "  6: error: “UN” not rendered: expected “Liên hợp quốc”, “Liên Hiệp Quốc” or “LHQ” "
        "[missing-term]\n"
        "      concept:  united-nations (UN)\n"
        "      expected: Liên hợp quốc | Liên Hiệp Quốc | LHQ\n"
        "      found:    -\n"
        "1 problems (0 warnings) in 1 files\n"
    )
    as_json = runner.invoke(app, ["check", str(tmp_path / "a.po"), "-g", str(GLOSSARY), "--json"])
    assert json.loads(as_json.stdout) == [{
        "file": str(tmp_path / "a.po"), "line": 6, "rule": "missing-term",
        "concept": "united-nations", "source_term": "UN",
        "expected": ["Liên hợp quốc", "Liên Hiệp Quốc", "LHQ"], "found": None,
        "message": "“UN” not rendered: expected “Liên hợp quốc”, “Liên Hiệp Quốc” or “LHQ”",
    }]  # fmt: skip


def test_a_clean_file_or_only_warnings_exit_0(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("The UN met.\nThe Peacebuilding Fund pays.\n")
    (tmp_path / "vi.txt").write_text("LHQ họp.\nQuỹ Xây dựng hòa bình chi trả.\n")
    result = runner.invoke(app, ["check", "--source", str(tmp_path / "en.txt"), "--target",
                                 str(tmp_path / "vi.txt"), "-g", str(GLOSSARY)])  # fmt: skip
    assert result.exit_code == 0, result.stdout
    assert "warning: “Peacebuilding Fund” rendered by “Quỹ Xây dựng hòa bình”" in result.stdout
    clean = runner.invoke(app, ["check", "--source", str(tmp_path / "en.txt"), "--target",
                                str(tmp_path / "vi.txt"), "-g", str(GLOSSARY),
                                "--rules", "missing-term,inconsistent"])  # fmt: skip
    assert (clean.exit_code, clean.stdout) == (0, "0 problems (0 warnings) in 1 files\n")


def test_the_readme_example_is_what_the_command_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```console\n$ cat messages.po\n", 1)[1].split("```\n", 1)[0]
    po, printed = example.split("$ vnterms check messages.po\n")
    (tmp_path / "messages.po").write_text(po, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "messages.po", "-g",
                                 str(Path(__file__).parents[1] / "glossary")])  # fmt: skip
    assert (result.exit_code, result.stdout) == (1, printed)


def test_a_name_may_be_split_around_the_name_of_its_body() -> None:
    """The shipped glossary: "Hội đồng Chấp hành UNESCO" belongs to UNESCO, which a translation
    may name elsewhere in the sentence; without UNESCO the short name says too little."""
    shipped = Checker(read_glossary(Path(__file__).parents[1] / "glossary"))
    source = "Viet Nam was elected to the UNESCO Executive Board."
    assert _check(shipped, (source, "Việt Nam trúng cử vào Hội đồng Chấp hành của UNESCO.")) == []
    assert _check(shipped, (source, "Việt Nam trúng cử vào Hội đồng Chấp hành.")) == [
        (1, "missing-term")]
    assert _check(shipped, (source, "UNESCO bầu Việt Nam vào Hội đồng quản trị.")) == [
        (1, "missing-term")]


def test_an_abbreviation_in_lower_case_first_changes_no_other_match() -> None:
    glossary = [
        Concept("impact-review", "initiative", [
            Term("imPACT Review", "en", "full", "preferred"),
            Term("imPACT", "en", "abbreviation", "admitted"),
            Term("Đánh giá imPACT", "vi", "full", "preferred"),
            Term("imPACT", "vi", "abbreviation", "admitted")]),
        Concept("undp", "fund-programme", [
            Term("United Nations Development Programme", "en", "full", "preferred"),
            Term("UNDP", "en", "abbreviation", "admitted"),
            Term("Chương trình Phát triển Liên hợp quốc", "vi", "full", "preferred")]),
    ]  # fmt: skip
    checker = Checker(glossary)
    # the press writes the inner words of a Vietnamese name in lower case as often as not
    assert _check(checker, ("Chương trình phát triển Liên hợp quốc đã họp.", "UNDP met."),
                  ("Chương trình phát triển Liên hợp quốc đã họp.", "They met."),
                  source="vi") == [(2, "missing-term")]  # fmt: skip
    assert _check(checker, ("An imPACT mission came.", "Một đoàn Đánh giá imPACT đã đến."),
                  ("An imPACT mission came.", "Một đoàn đã đến.")) == [(2, "missing-term")]
