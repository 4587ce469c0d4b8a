"""The main job: `vnterms build` on the shipped glossary and seeds."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import omegat_project, translate_with_omegat
from vnterms.build import LAYOUT, build

ROOT = Path(__file__).parent.parent


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
    project = omegat_project(tmp_path / "project")
    shutil.copy(built / "vnterms.tmx", project / "tm/auto")
    shutil.copy(built / "vnterms.utf8", project / "glossary")
    names = ["Security Council", "Human Rights Council", "Communist Party of Viet Nam"]
    (project / "source/names.txt").write_text("\n\n".join(names) + "\n", encoding="utf-8")
    translate_with_omegat(omegat, project)
    translated = (project / "target/names.txt").read_text(encoding="utf-8").split("\n\n")
    assert [line.strip() for line in translated] == [
        "Hội đồng Bảo an Liên hợp quốc",
        "Hội đồng Nhân quyền Liên hợp quốc",
        "Đảng Cộng sản Việt Nam",
    ]
