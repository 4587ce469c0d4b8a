import io
import shutil
from pathlib import Path

import pytest

from vnterms import Concept, Glossary, Term, store
from vnterms.errors import InputError
from vnterms.store import (
    default_seeds_dir,
    parse_records,
    read_glossary,
    read_source,
    read_source_lines,
    write_glossary,
)

DATA = Path(__file__).parent / "data"
SMALL = DATA / "glossary-small"


def test_read_small_glossary() -> None:
    glossary = read_glossary(SMALL)
    assert len(glossary) == 5
    council = glossary["security-council"]
    assert council.category == "principal-organ"
    assert council.parent == "united-nations"
    assert council.preferred("vi").text == "Hội đồng Bảo an Liên hợp quốc"
    assert council.preferred("vi").sources == ["https://www.mofa.gov.vn/"]
    assert council.abbreviations() == ["UNSC", "HĐBA"]
    assert council.terms_in("vi")[1].note == "Used by the Vietnamese press."
    assert glossary["my-dinh"].is_draft
    assert glossary["my-dinh"].related == ["ha-noi"]
    assert council.file == "bodies.terms" and council.line == 3


def test_write_back_gives_the_same_bytes(tmp_path: Path) -> None:
    write_glossary(read_glossary(SMALL), tmp_path)
    for original in SMALL.glob("*.terms"):
        assert (tmp_path / original.name).read_bytes() == original.read_bytes()


def test_shipped_glossary_writes_back_unchanged(tmp_path: Path) -> None:
    glossary = Glossary.load()
    write_glossary(glossary, tmp_path)
    shipped = sorted(p.name for p in tmp_path.glob("*.terms"))
    assert shipped
    for name in shipped:
        original = Path(glossary["united-nations"].file or "").parent
        assert original == Path(".")
        assert (tmp_path / name).read_bytes() == (_shipped_dir() / name).read_bytes()


def _shipped_dir() -> Path:
    from vnterms.store import default_glossary_dir

    return default_glossary_dir()


@pytest.mark.parametrize(
    ("case", "line", "message"),
    [
        ("unknown-field", 3, "unknown field 'colour'"),
        ("unknown-kind", 3, "unknown term kind 'fullname'"),
        ("term-without-kind", 3, "expected 'en: TEXT | KIND | STATUS'"),
        ("invalid-utf8", 4, "invalid UTF-8 at byte"),
    ],
)
def test_malformed_file_names_file_and_line(tmp_path: Path, case, line, message) -> None:
    shutil.copy(DATA / "broken" / f"{case}.terms", tmp_path)
    with pytest.raises(InputError) as raised:
        read_glossary(tmp_path)
    assert raised.value.lineno == line
    assert str(raised.value).startswith(f"{tmp_path / case}.terms:{line}: {message}")


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    shutil.copy(SMALL / "places.terms", tmp_path / "a.terms")
    shutil.copy(SMALL / "places.terms", tmp_path / "b.terms")
    with pytest.raises(InputError, match="duplicate id 'ha-noi'"):
        read_glossary(tmp_path)


def test_missing_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a glossary directory"):
        read_glossary(tmp_path / "nowhere")


def test_unknown_term_status_names_file_and_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "broken" / "unknown-status.terms", tmp_path)
    with pytest.raises(InputError) as raised:
        read_glossary(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'unknown-status.terms'}:4: unknown status 'approved' "
        "(use preferred, admitted, deprecated, draft)"
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[x]\ncategory: place\n\n# late", 4, "comments belong at the top of the file"),
        ("[x]\n# inside", 2, "comments belong at the top of the file"),
        ("[x]\ncategory: place\n[y]", 3, "a record starts after a blank line"),
        ("[x", 1, "expected [id], got '[x'"),
        ("[]", 1, "expected [id], got '[]'"),
        ("category: place", 1, "expected [id] to open a record, got 'category: place'"),
        ("[x]\ncategory: place\n\nen: X | full | preferred", 4,
         "expected [id] to open a record, got 'en: X | full | preferred'"),
        ("[x]\ncategory: place\n  note: n", 3, "an indented line must follow a term line"),
        ("[x]\nen: X | full | preferred\ncategory: place\n  note: n", 4,
         "an indented line must follow a term line"),
        ("[x]\ncategory: place\nen: X | full | preferred\n  colour: red", 4,
         "unknown term field 'colour' (use note, source)"),
        ("[x]\ncategory: place\nen: X | full | preferred\n  note: a\n  note: b", 5,
         "a term has one note"),
        ("[x]\ncategory: place\nnote:", 3, "field 'note' has no value"),
        ("[x]\ncategory place", 2, "expected 'key: value', got 'category place'"),
        ("[x]\ncategory: place\ncategory: post", 3, "field 'category' given twice"),
        ("[x]\ncategory: place\nstatus: approved", 3,
         "a concept's status is 'draft' or absent, not 'approved'"),
        ("[x]\ncategory: place\nen: X | fullname | preferred", 3,
         "unknown term kind 'fullname' (use full, short, abbreviation, variant)"),
        ("[x]\ncategory: place\nen: X | full", 3,
         "expected 'en: TEXT | KIND | STATUS', got 'X | full'"),
        ("# header\n\n[x]\nen: X | full | preferred", 3, "record [x] has no category"),
        ("[x]\nXcategory: place", 2, "unknown field 'Xcategory' (use category, status, parent, "
         "definition, note, related, homonym, source, slot, en, vi)"),
    ],
)  # fmt: skip
def test_parse_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_records(text.splitlines(), "x.terms", "glossary/x.terms")
    assert str(raised.value) == f"glossary/x.terms:{line}: {message}"


def test_parse_keeps_header_fields_and_term_details() -> None:
    text = """# Places.
# Second header line.

[x]
category: place
status: draft
parent: p
related: r1
related: r2
homonym: h
definition: A place.
note: A note.
source: https://a.example/
en: Bosnia | and Herzegovina | full | preferred
  note: The bar stays in the text.
  source: https://b.example/
  source: https://c.example/
vi: Bô-xni-a | short | deprecated
"""
    header, [concept] = parse_records(text.splitlines(), "places.terms")
    assert header == ["# Places.", "# Second header line."]
    assert (concept.id, concept.category, concept.status, concept.parent) == (
        "x", "place", "draft", "p")  # fmt: skip
    assert (concept.related, concept.homonyms, concept.sources) == (
        ["r1", "r2"], ["h"], ["https://a.example/"])  # fmt: skip
    assert (concept.definition, concept.note) == ("A place.", "A note.")
    assert (concept.file, concept.line) == ("places.terms", 4)
    en, vi = concept.terms
    assert (en.text, en.lang, en.kind, en.status, en.line) == (
        "Bosnia | and Herzegovina", "en", "full", "preferred", 14)  # fmt: skip
    assert en.note == "The bar stays in the text."
    assert en.sources == ["https://b.example/", "https://c.example/"]
    assert (vi.text, vi.kind, vi.status, vi.note, vi.sources) == (
        "Bô-xni-a", "short", "deprecated", None, [])  # fmt: skip


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    (tmp_path / "a.terms").write_text("[x]\ncategory: place\n", encoding="utf-8")
    (tmp_path / "b.terms").write_text("[y]\ncategory: place\n\n[x]\ncategory: post\n", "utf-8")
    with pytest.raises(InputError) as raised:
        read_glossary(tmp_path)
    assert str(raised.value) == f"{tmp_path}/b.terms:4: duplicate id 'x' (first in a.terms:1)"


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "a.terms").write_bytes("\ufeff[x]\ncategory: place\n".encode())
    assert [concept.id for concept in read_glossary(tmp_path)] == ["x"]


def test_read_source_returns_the_text_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffHà Nội\n".encode())
    assert read_source(path) == "Hà Nội\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"one\ntwo\nthree \x00\n", "3: binary file (NUL byte at byte 14)"),
        (b"one\ntwo \xe1\xbb\n", "2: invalid UTF-8 at byte 8"),
        (b"\nab\x00", "2: binary file (NUL byte at byte 3)"),
        (b"\nab \xff", "2: invalid UTF-8 at byte 4"),
        (b"\xef\xbb\xbfa\n\xff\n", "2: invalid UTF-8 at byte 5"),  # the BOM's bytes count
    ],
)
def test_read_source_rejects_binary_and_invalid_text(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_source(path)
    assert str(raised.value) == f"{path}:{message}"


def test_stdin_lines_come_as_they_are_read_and_invalid_utf8_is_placed_like_a_file() -> None:
    stream = io.BytesIO("\ufeffHà Nội\r\nMỹ Đình\n".encode() + b"ab\xff\n")
    lines = read_source_lines("<stdin>", stream=stream)
    assert next(lines) == "Hà Nội" and next(lines) == "Mỹ Đình"
    with pytest.raises(InputError) as raised:
        next(lines)
    # 3 bytes of BOM, 9 of "Hà Nội", 2 of CRLF, 12 of "Mỹ Đình\n", then "ab"
    assert str(raised.value) == "<stdin>:3: invalid UTF-8 at byte 28"
    crlf = io.BytesIO(b"UNESCO X\r\nX\n")
    assert list(read_source_lines("<stdin>", stream=crlf)) == ["UNESCO X", "X"]


def test_stdin_lines_count_the_bom_in_the_offset_on_the_first_line() -> None:
    with pytest.raises(InputError) as raised:
        list(read_source_lines("<stdin>", stream=io.BytesIO(b"\xef\xbb\xbfab\xff\n")))
    assert str(raised.value) == "<stdin>:1: invalid UTF-8 at byte 5"


def test_unreadable_source_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        read_source(tmp_path)
    assert str(raised.value) == f"{tmp_path}: cannot read: Is a directory"


def test_new_concepts_go_to_the_default_file(tmp_path: Path) -> None:
    glossary = read_glossary(SMALL)
    glossary.add(Concept("geneva", "place", [Term("Geneva", "en", "full", "preferred")]))
    with pytest.raises(ValueError, match="concept 'geneva' belongs to no file"):
        write_glossary(glossary, tmp_path)
    write_glossary(glossary, tmp_path, default_file="places.terms")
    assert (tmp_path / "places.terms").read_text(encoding="utf-8") == (
        "[geneva]\ncategory: place\nen: Geneva | full | preferred\n"
        "\n[ha-noi]\ncategory: place\nen: Ha Noi | full | preferred\n"
        "en: Hanoi | variant | admitted\nvi: Hà Nội | full | preferred\n"
        "  source: https://hanoi.gov.vn/\n"
        "\n[my-dinh]\ncategory: place\nstatus: draft\nrelated: ha-noi\n"
        "en: My Dinh | full | preferred\nvi: Mỹ Đình | full | draft\n"
    )


def test_the_seed_articles_are_shipped() -> None:
    assert (default_seeds_dir() / "ndo-viet-nam-growing-contribution.txt").is_file()


def test_the_glossary_inside_the_installed_package_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "site-packages" / "vnterms" / "data"
    shutil.copytree(SMALL, installed / "glossary")
    monkeypatch.setattr(store, "_packaged", lambda name: installed / name)
    glossary = read_glossary(installed / "glossary")
    glossary["ha-noi"].terms.pop()
    with pytest.raises(InputError) as raised:
        write_glossary(glossary, installed / ".." / "data" / "glossary")  # the same, resolved
    assert str(raised.value).startswith(
        f"will not write with the glossary shipped with vnterms ({installed / 'glossary'}): it is "
        "read-only; pass --glossary DIR"
    )
    assert [(p.name, p.read_bytes()) for p in sorted((installed / "glossary").iterdir())] == [
        (p.name, p.read_bytes()) for p in sorted(SMALL.iterdir())
    ]
    (tmp_path / "copy").mkdir()  # elsewhere, the same glossary is written
    assert write_glossary(glossary, tmp_path / "copy") == [
        tmp_path / "copy" / "bodies.terms", tmp_path / "copy" / "places.terms"]


def test_without_any_glossary_the_message_says_how_to_give_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_packaged", lambda name: tmp_path / "package" / name)
    monkeypatch.setattr(store, "_SOURCE_TREE", tmp_path / "source")
    with pytest.raises(InputError) as raised:
        store.shipped_glossary_dir()
    assert str(raised.value) == "no glossary found: pass --glossary DIR or set VNTERMS_GLOSSARY"


@pytest.mark.parametrize(
    ("found_by", "how"),
    [
        ("option", "given with --glossary"),
        ("environment", "from $VNTERMS_GLOSSARY"),
        ("search", "found from the current directory"),
        ("shipped", "the copy shipped with vnterms, read-only"),
    ],
)
def test_a_glossary_place_says_how_it_was_found(found_by: str, how: str) -> None:
    assert str(store.GlossaryPlace(Path("g"), found_by)) == f"g ({how})"
