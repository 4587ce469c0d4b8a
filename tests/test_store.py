import shutil
from pathlib import Path

import pytest

from vnterms import Glossary
from vnterms.errors import InputError
from vnterms.store import read_glossary, write_glossary

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
