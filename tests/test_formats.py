"""Exports read by real tools, and the export → import round trip of every format."""

import copy
import gettext
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po as babel_read_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from vnterms import Concept, Glossary, Term
from vnterms.errors import InputError
from vnterms.formats import IMPORT_SUFFIXES, read_concepts_from, render
from vnterms.merge import merge

DATA = Path(__file__).parent / "data"
SUFFIX = {".po": "po", ".tmx": "tmx", ".tbx": "tbx", ".csv": "csv"}


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.fixture(scope="module")
def exports(glossary: Glossary, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    for name, path in {"po": "vi/LC_MESSAGES/vnterms.po", "mo": "vi/LC_MESSAGES/vnterms.mo",
                       "po-vi": "en/LC_MESSAGES/vnterms-vi.po", "pot": "vnterms.pot",
                       "mo-vi": "en/LC_MESSAGES/vnterms-vi.mo", "tmx": "vnterms.tmx",
                       "tbx": "vnterms.tbx", "csv": "vnterms.csv",
                       "omegat": "vnterms.utf8"}.items():  # fmt: skip
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(render(name, glossary))
    return out


@pytest.mark.parametrize("path", ["vi/LC_MESSAGES/vnterms.po", "en/LC_MESSAGES/vnterms-vi.po"])
def test_msgfmt_accepts_the_po_files(
    exports: Path, path: str, tool: Callable[[str, str], str]
) -> None:
    msgfmt = tool("msgfmt", "gettext")
    command = [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(exports / path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr


def test_polib_and_babel_read_po_and_mo(exports: Path, glossary: Glossary) -> None:
    po = polib.pofile(str(exports / "vi/LC_MESSAGES/vnterms.po"))
    assert po.metadata["Language"] == "vi"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    entry = po.find("Security Council")
    assert entry is not None and entry.msgstr == glossary["security-council"].preferred("vi").text
    mo = polib.mofile(str(exports / "vi/LC_MESSAGES/vnterms.mo"))
    assert {e.msgid for e in mo} <= {e.msgid for e in po if not e.fuzzy}
    with (exports / "vi/LC_MESSAGES/vnterms.po").open("rb") as handle:
        catalog = babel_read_po(handle, abort_invalid=True)
    with (exports / "vi/LC_MESSAGES/vnterms.mo").open("rb") as handle:
        compiled = read_mo(handle)
    assert compiled["Human Rights Council"].string == catalog["Human Rights Council"].string
    assert all(not message.fuzzy for message in compiled if message.id)


def test_gettext_finds_the_vietnamese_through_the_mo(exports: Path, glossary: Glossary) -> None:
    vietnamese = gettext.translation("vnterms", exports, languages=["vi"])
    expected = glossary["human-rights-council"].preferred("vi").text
    assert vietnamese.gettext("Human Rights Council") == expected
    english = gettext.translation("vnterms-vi", exports, languages=["en"])
    assert english.gettext(expected) == "Human Rights Council"


def test_mo_leaves_drafts_and_deprecated_translations_out(
    exports: Path, glossary: Glossary
) -> None:
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(exports / "vi/LC_MESSAGES/vnterms.mo"))}
    deprecated = {t.text for c in glossary for t in c.terms_in("vi") if t.status == "deprecated"}
    assert not deprecated & set(mo.values())
    drafts = [c for c in glossary if c.is_draft]
    # a homonym settled elsewhere ("Economic and Financial Committee") keeps its own entry
    settled = {t.text for c in glossary if not c.is_draft for t in c.terms_in("en")}
    drafted = {t.text for c in drafts for t in c.terms_in("en")} - settled
    assert drafted and not drafted & set(mo)


def test_tmx_validates_against_the_dtd(exports: Path) -> None:
    dtd = etree.DTD(str(DATA / "tmx14.dtd"))
    tree = etree.parse(str(exports / "vnterms.tmx"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    header = tree.getroot().find("header")
    assert header.get("o-tmf") == "vnterms" and header.get("segtype") == "phrase"
    assert set(header.attrib) >= {"creationtool", "creationtoolversion", "segtype", "o-tmf",
                                  "adminlang", "srclang", "datatype"}  # fmt: skip


def test_translate_toolkit_reads_the_tmx(exports: Path, glossary: Glossary) -> None:
    from translate.storage.tmx import tmxfile

    with (exports / "vnterms.tmx").open("rb") as handle:
        store = tmxfile(handle)
    units = {unit.source: unit.target for unit in store.units}
    assert units["Security Council"] == glossary["security-council"].preferred("vi").text


def test_tbx_validates_against_the_schema_and_tbx2po_converts_it(exports: Path, tmp_path: Path
                                                                 ) -> None:  # fmt: skip
    schema = etree.XMLSchema(file=str(DATA / "tbx.xsd"))
    assert schema.validate(etree.parse(str(exports / "vnterms.tbx"))), schema.error_log
    tbx2po = shutil.which("tbx2po")
    assert tbx2po, "translate-toolkit's tbx2po is not installed"
    result = subprocess.run([tbx2po, str(exports / "vnterms.tbx"), str(tmp_path / "out.po")],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    po = polib.pofile(str(tmp_path / "out.po"))
    assert any(e.msgid == "Security Council" and e.msgstr for e in po)


def test_omegat_glossary_lines(exports: Path, glossary: Glossary) -> None:
    lines = (exports / "vnterms.utf8").read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 2 for line in lines)
    expected = glossary["security-council"].preferred("vi").text
    assert f"Security Council\t{expected}\tprincipal-organ; security-council" in lines


def test_omegat_glossary_has_approved_english_terms_of_approved_concepts_sorted_by_id() -> None:
    glossary = Glossary([
        Concept("security-council", "principal-organ", [
            Term("Security Council", "en", "full", "preferred"),
            Term("UNSC", "en", "abbreviation", "admitted"),
            Term("Council of Security", "en", "variant", "deprecated"),
            Term("Council", "en", "short", "draft"),
            Term("Hội đồng Bảo an", "vi", "full", "preferred"),
        ]),
        Concept("general-assembly", "principal-organ", [
            Term("General Assembly", "en", "full", "preferred"),
            Term("Đại hội đồng", "vi", "full", "preferred"),
        ]),
        Concept("ocean-forum", "conference", [
            Term("Ocean Forum", "en", "full", "preferred"),
            Term("Diễn đàn Đại dương", "vi", "full", "preferred"),
        ], status="draft"),
        Concept("world-bank", "fund-programme", [
            Term("World Bank", "en", "full", "preferred"),
            Term("Ngân hàng Thế giới", "vi", "full", "admitted"),
        ]),
    ])  # fmt: skip
    assert render("omegat", glossary).decode("utf-8") == (
        "General Assembly\tĐại hội đồng\tprincipal-organ; general-assembly\n"
        "Security Council\tHội đồng Bảo an\tprincipal-organ; security-council\n"
        "UNSC\tHội đồng Bảo an\tprincipal-organ; security-council\n"
    )


def test_po_comments_give_id_category_abbreviations_definition_alternatives_status_note() -> None:
    glossary = Glossary([
        Concept("security-council", "principal-organ", [
            Term("Security Council", "en", "full", "preferred"),
            Term("UNSC", "en", "abbreviation", "admitted"),
            Term("Council of Security", "en", "variant", "deprecated"),
            Term("Hội đồng Bảo an", "vi", "full", "preferred"),
            Term("HĐBA", "vi", "abbreviation", "admitted"),
            Term("Hội đồng An ninh", "vi", "variant", "deprecated"),
            Term("HĐ Bảo an", "vi", "short", "draft"),
        ], definition="Organ responsible for peace and security", note="Chapter V"),
        Concept("ocean-forum", "conference", [
            Term("Ocean Forum", "en", "full", "admitted"),
            Term("Diễn đàn Biển", "vi", "variant", "deprecated"),
            Term("Diễn đàn Đại dương", "vi", "full", "draft"),
        ], status="draft"),
    ])  # fmt: skip
    common = ["id: security-council", "category: principal-organ", "abbreviations: UNSC, HĐBA",
              "definition: Organ responsible for peace and security", "also (vi): HĐBA"]
    po = polib.pofile(render("po", glossary, version="1.2").decode("utf-8"))
    assert [po.metadata[key] for key in ("Project-Id-Version", "Last-Translator",
                                         "Language-Team", "Language")] == [
        "vnterms 1.2", "vnterms glossary", "vnterms", "vi"]  # fmt: skip
    assert [(e.msgid, e.msgstr, e.fuzzy, e.comment.split("\n")) for e in po] == [
        ("Ocean Forum", "Diễn đàn Đại dương", True,  # a draft: its first term not deprecated
         ["id: ocean-forum", "category: conference", "full, admitted"]),
        ("Security Council", "Hội đồng Bảo an", False, [*common, "note: Chapter V"]),
        ("UNSC", "Hội đồng Bảo an", False, [*common, "abbreviation, admitted", "note: Chapter V"]),
        ("Council of Security", "Hội đồng Bảo an", False,
         [*common, "DEPRECATED term: do not use it; write the preferred term", "note: Chapter V"]),
    ]  # fmt: skip


COUNCIL_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="vnterms" creationtoolversion="1.2" segtype="phrase" o-tmf="vnterms" \
adminlang="en" srclang="en" datatype="plaintext" />
  <body>
    <tu tuid="security-council.1">
      <prop type="x-concept">security-council</prop>
      <prop type="x-category">principal-organ</prop>
      <prop type="x-status">approved</prop>
      <prop type="x-kind">full</prop>
      <tuv xml:lang="en">
        <seg>Security Council</seg>
      </tuv>
      <tuv xml:lang="vi">
        <seg>Hội đồng Bảo an</seg>
      </tuv>
    </tu>
    <tu tuid="security-council.2">
      <prop type="x-concept">security-council</prop>
      <prop type="x-category">principal-organ</prop>
      <prop type="x-status">approved</prop>
      <prop type="x-kind">abbreviation</prop>
      <tuv xml:lang="en">
        <seg>UNSC</seg>
      </tuv>
      <tuv xml:lang="vi">
        <seg>Hội đồng Bảo an</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"""


def test_tmx_export_exact_text_and_draft_units_only_when_asked() -> None:
    glossary = Glossary([Concept("security-council", "principal-organ", [
        Term("Security Council", "en", "full", "preferred"),
        Term("UNSC", "en", "abbreviation", "admitted"),
        Term("Council", "en", "short", "draft"),
        Term("Council of Security", "en", "variant", "deprecated"),
        Term("Hội đồng Bảo an", "vi", "full", "preferred"),
    ])])  # fmt: skip
    assert render("tmx", glossary, version="1.2") == COUNCIL_TMX.encode("utf-8")
    with_drafts = etree.fromstring(render("tmx", glossary, with_drafts=True))
    assert [(unit.get("tuid"), unit.findtext("prop[@type='x-status']"))
            for unit in with_drafts.iter("tu")] == [
        ("security-council.1", "approved"), ("security-council.2", "approved"),
        ("security-council.3", "draft")]  # fmt: skip


TBX_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader>
    <fileDesc>
      <sourceDesc>
        <p>vnterms English–Vietnamese UN glossary</p>
      </sourceDesc>
    </fileDesc>
  </martifHeader>
  <text>
"""
TBX_OF_TWO = TBX_HEAD + """    <body>
      <termEntry id="ocean-forum">
        <descrip type="subjectField">conference</descrip>
        <admin type="x-status">draft</admin>
        <langSet xml:lang="en">
          <tig>
            <term>Ocean Forum</term>
            <termNote type="termType">fullForm</termNote>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
            <admin type="x-status">draft</admin>
          </tig>
        </langSet>
      </termEntry>
      <termEntry id="security-council">
        <descrip type="subjectField">principal-organ</descrip>
        <note>Chapter V</note>
        <langSet xml:lang="en">
          <descrip type="definition">Organ responsible for peace and security</descrip>
          <tig>
            <term>Security Council</term>
            <termNote type="termType">fullForm</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <tig>
            <term>UNSC</term>
            <termNote type="termType">abbreviation</termNote>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            <note>informal</note>
          </tig>
        </langSet>
        <langSet xml:lang="vi">
          <tig>
            <term>Hội đồng Bảo an</term>
            <termNote type="termType">fullForm</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <tig>
            <term>HĐBA</term>
            <termNote type="termType">shortForm</termNote>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
            <admin type="x-status">draft</admin>
          </tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def test_tbx_export_exact_text_and_an_empty_body() -> None:
    council = Concept("security-council", "principal-organ", [
        Term("Security Council", "en", "full", "preferred"),
        Term("UNSC", "en", "abbreviation", "deprecated", note="informal"),
        Term("Hội đồng Bảo an", "vi", "full", "preferred"),
        Term("HĐBA", "vi", "short", "draft"),
    ], definition="Organ responsible for peace and security", note="Chapter V")  # fmt: skip
    forum = Concept("ocean-forum", "conference", [Term("Ocean Forum", "en", "full", "draft")],
                    status="draft")  # fmt: skip
    assert render("tbx", Glossary([council, forum])) == TBX_OF_TWO.encode("utf-8")
    empty = TBX_HEAD + "    <body />\n  </text>\n</martif>\n"
    assert render("tbx", Glossary([])) == empty.encode("utf-8")


JSON_OF_TWO = """[
 {
  "id": "ocean-forum",
  "category": "conference",
  "status": "draft",
  "parent": null,
  "related": [],
  "definition": null,
  "note": null,
  "sources": [],
  "terms": [
   {
    "text": "Ocean Forum",
    "lang": "en",
    "kind": "full",
    "status": "draft",
    "note": null,
    "sources": []
   }
  ]
 },
 {
  "id": "security-council",
  "category": "principal-organ",
  "status": "approved",
  "parent": "un-organs",
  "related": [
   "general-assembly"
  ],
  "definition": "Organ responsible for peace and security",
  "note": "Chapter V",
  "sources": [
   "UN Charter, Art. 23"
  ],
  "terms": [
   {
    "text": "Security Council",
    "lang": "en",
    "kind": "full",
    "status": "preferred",
    "note": null,
    "sources": []
   },
   {
    "text": "Hội đồng Bảo an",
    "lang": "vi",
    "kind": "full",
    "status": "preferred",
    "note": "official name",
    "sources": [
     "un.org/vi"
    ]
   }
  ]
 }
]
"""


def test_json_export_holds_every_field_sorted_by_id_in_plain_utf8() -> None:
    council = Concept("security-council", "principal-organ", [
        Term("Security Council", "en", "full", "preferred"),
        Term("Hội đồng Bảo an", "vi", "full", "preferred", note="official name",
             sources=["un.org/vi"]),
    ], parent="un-organs", related=["general-assembly"],
        definition="Organ responsible for peace and security", note="Chapter V",
        sources=["UN Charter, Art. 23"])  # fmt: skip
    forum = Concept("ocean-forum", "conference", [Term("Ocean Forum", "en", "full", "draft")],
                    status="draft")  # fmt: skip
    assert render("json", Glossary([council, forum])) == JSON_OF_TWO.encode("utf-8")

# --- the round trip: export, import back, nothing changes ----------------------------------------

_words = st.sampled_from("Hội đồng Ủy ban Công ước Liên hợp quốc Quỹ Nhi đồng Tòa án "
                         "Council Fund Court Treaty Committee Rights Sea Law".split())  # fmt: skip
_texts = st.lists(_words, min_size=1, max_size=4).map(" ".join)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    concepts = []
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), min_size=1,
                        max_size=6, unique=True))  # fmt: skip
    for concept_id in ids:
        draft = draw(st.booleans())
        terms = []
        for lang in ("en", "vi"):
            texts = draw(st.lists(_texts, min_size=0 if draft else 1, max_size=3, unique=True))
            for n, text in enumerate(texts):
                status = "preferred" if n == 0 and not draft else draw(
                    st.sampled_from(["admitted", "deprecated", "draft"]))  # fmt: skip
                kind = draw(st.sampled_from(["full", "short", "abbreviation", "variant"]))
                terms.append(Term(text, lang, kind, status))
        if not any(t.lang == "en" for t in terms):
            terms.insert(0, Term(f"Name {concept_id}", "en", "full", "draft"))
        concepts.append(Concept(concept_id, "treaty", terms, status="draft" if draft else None))
    return Glossary(concepts)


@pytest.mark.parametrize("suffix", IMPORT_SUFFIXES)
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(original=glossaries())
def test_export_then_import_changes_nothing(tmp_path: Path, suffix: str, original: Glossary
                                            ) -> None:  # fmt: skip
    path = tmp_path / f"export{suffix}"
    path.write_bytes(render(SUFFIX[suffix], original, with_drafts=True))
    merged = copy.deepcopy(original)
    report = merge(merged, read_concepts_from(path))
    assert not report.changed, report
    assert report.conflicts == []
    assert merged == original


def test_import_reports_a_changed_preferred_term_as_conflict(tmp_path: Path, glossary: Glossary
                                                             ) -> None:  # fmt: skip
    po = tmp_path / "changed.po"
    text = render("po", glossary).decode("utf-8")
    preferred = glossary["security-council"].preferred("vi").text
    po.write_text(text.replace(f'msgstr "{preferred}"', 'msgstr "Hội đồng An ninh"'), "utf-8")
    merged = copy.deepcopy(glossary)
    report = merge(merged, read_concepts_from(po))
    assert any("Hội đồng An ninh" in line for line in report.conflicts)
    assert merged["security-council"].preferred("vi").text == preferred


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bomb.tmx", '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
         '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><body>&b;</body></tmx>',
         "refused"),
        ("external.tbx", '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM '
         '"file:///etc/passwd">]><martif type="TBX"><text><body>&x;</body></text></martif>',
         "refused"),
        ("broken.tmx", '<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n</tmx>\n',
         "broken.tmx:4: malformed XML"),
        # (the words after file and line are babel's, and differ from one version to the next)
        ("broken.po", 'msgid "a"\nmsgstr "b"\n\nthis is not po\n', "broken.po:4: "),
        ("broken.csv", "id,lang,text\nx,en,A\nx,en\n", "broken.csv:3: 2 fields"),
        ("wrong.csv", "id,lang,text\nx,fr,A\n", "broken.csv:2: unknown language"),
    ],
)  # fmt: skip
def test_hostile_or_malformed_imports_are_refused(tmp_path: Path, name, content, expected) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_concepts_from(path)
    assert expected.replace("broken.csv", name) in str(raised.value)
