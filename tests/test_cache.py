"""The glossary cache of the command line: same answers as a fresh parse, never stale."""

import marshal
import shutil
from pathlib import Path

import pytest

from vnterms import Glossary, InputError
from vnterms import cache as cache_module
from vnterms.cache import cache_dir, load_glossary

SMALL = Path(__file__).parent / "data" / "glossary-small"
QUERIES = ["Security Council", "hoi dong bao an", "HĐBA", "Liên Hiệp Quốc", "WHO", "who",
           "law of the sea tribunal", "Securty Council", "Hội đồng", "nonsense here"]  # fmt: skip


def _answers(glossary: Glossary) -> list[list[tuple[str, int, str, str]]]:
    return [[(m.concept.id, m.score, m.term.text, m.rule) for m in glossary.search(q)]
            for q in QUERIES]  # fmt: skip


def _fail(*args: object) -> None:
    raise AssertionError("the glossary was parsed again")


def test_cached_glossary_is_the_parsed_one(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = Glossary.load()
    first = load_glossary()
    assert list(cache_dir().glob("*.marshal"))
    monkeypatch.setattr(cache_module, "parse_files", _fail)
    cached = load_glossary()
    assert cached == fresh
    assert cached.headers == fresh.headers
    assert [(c.file, c.line) for c in cached] == [(c.file, c.line) for c in fresh]
    assert [t.line for c in cached for t in c.terms] == [t.line for c in fresh for t in c.terms]
    assert _answers(cached) == _answers(first) == _answers(fresh)


def test_a_cached_lookup_reads_only_the_tables_it_reaches() -> None:
    load_glossary()
    cached = load_glossary()
    assert cached.get("Security Council") is cached["security-council"]
    ranking = {"ranks", "abbreviations"}
    assert set(cached.index.tables) == {"exact", *ranking}
    assert cached.get("HỘI ĐỒNG BẢO AN") is cached["security-council"]
    assert set(cached.index.tables) == {"exact", "case-and-style", *ranking}
    assert _answers(cached) == _answers(Glossary.load())


def test_a_damaged_table_is_built_again() -> None:
    load_glossary()
    [entry] = cache_dir().glob("*.marshal")
    source, (concepts, headers, tables) = marshal.loads(entry.read_bytes())
    checksum, data = tables["case-and-style"]
    tables["case-and-style"] = (checksum, data[: len(data) // 2])  # cut short on disk
    entry.write_bytes(marshal.dumps((source, (concepts, headers, tables))))
    assert _answers(load_glossary()) == _answers(Glossary.load())


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    directory = tmp_path / "glossary"
    shutil.copytree(SMALL, directory)
    assert load_glossary(directory).get("Security Council") is not None
    [path] = [p for p in directory.glob("*.terms") if "Security Council |" in p.read_text("utf-8")]
    path.write_text(path.read_text("utf-8").replace("Security Council |", "Peace Council |"),
                    encoding="utf-8")  # fmt: skip
    edited = load_glossary(directory)
    assert edited.get("Peace Council") is not None
    assert edited.lookup("Peace Council") == Glossary.load(directory).lookup("Peace Council")


def test_a_broken_file_is_reported_even_when_cached(tmp_path: Path) -> None:
    directory = tmp_path / "glossary"
    shutil.copytree(SMALL, directory)
    load_glossary(directory)
    path = sorted(directory.glob("*.terms"))[0]
    path.write_text(path.read_text("utf-8") + "\n[broken]\nen: No Kind\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\.terms:\d+: expected 'en: TEXT \| KIND \| STATUS'"):
        load_glossary(directory)


def test_a_damaged_cache_file_is_rebuilt() -> None:
    load_glossary(SMALL)
    [entry] = cache_dir().glob("*.marshal")
    entry.write_bytes(b"\x00not marshal data")
    assert load_glossary(SMALL) == Glossary.load(SMALL)
    entry.write_bytes(entry.read_bytes()[:100])
    assert load_glossary(SMALL) == Glossary.load(SMALL)


def test_an_unwritable_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _answers(load_glossary(SMALL)) == _answers(Glossary.load(SMALL))
