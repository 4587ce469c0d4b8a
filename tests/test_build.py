"""The main job: `vnterms build` on the shipped glossary and seeds."""

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from vnterms.build import LAYOUT, build

ROOT = Path(__file__).parent.parent
OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/vnterms.utf8</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>VI</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("locales")
    build(out_dir=out)
    return out


def test_build_writes_the_whole_tree(built: Path) -> None:
    assert sorted(str(p.relative_to(built)) for p in built.rglob("*") if p.is_file()) == sorted(
        LAYOUT.values()
    )


def test_build_twice_gives_identical_bytes(built: Path, tmp_path: Path) -> None:
    build(out_dir=tmp_path)
    for relative in LAYOUT.values():
        assert (tmp_path / relative).read_bytes() == (built / relative).read_bytes(), relative


def test_committed_locales_are_up_to_date() -> None:
    assert build(ROOT / "glossary", ROOT / "seeds", ROOT / "locales", check=True,
                 version=_version()).paths == []  # fmt: skip


def _version() -> str:
    from vnterms import __version__

    return __version__


def test_check_reports_a_stale_file(built: Path, tmp_path: Path) -> None:
    shutil.copytree(built, tmp_path / "out")
    (tmp_path / "out" / "vnterms.tmx").write_text("stale", encoding="utf-8")
    assert build(out_dir=tmp_path / "out", check=True).paths == [tmp_path / "out/vnterms.tmx"]


def test_references_point_at_seed_lines(built: Path) -> None:
    po = (built / LAYOUT["po"]).read_text(encoding="utf-8")
    assert "#: seeds/vns-viet-nam-reaffirms-role-at-un.txt:45" in po


def test_omegat_translates_english_names_with_the_tmx(
    built: Path, tmp_path: Path, tool: Callable[[str, str], str]
) -> None:
    omegat = tool("omegat", "omegat")
    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    shutil.copy(built / "vnterms.tmx", project / "tm/auto")
    shutil.copy(built / "vnterms.utf8", project / "glossary")
    names = ["Security Council", "Human Rights Council", "Communist Party of Viet Nam"]
    (project / "source/names.txt").write_text("\n\n".join(names) + "\n", encoding="utf-8")
    result = subprocess.run([omegat, str(project), "--mode=console-translate"], cwd=project,
                            capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    translated = (project / "target/names.txt").read_text(encoding="utf-8").split("\n\n")
    assert [line.strip() for line in translated] == [
        "Hội đồng Bảo an Liên hợp quốc",
        "Hội đồng Nhân quyền Liên hợp quốc",
        "Đảng Cộng sản Việt Nam",
    ]
