"""Which glossary a command uses: --glossary, $VNTERMS_GLOSSARY, a marked glossary/ found from the
current directory upwards, and only then the read-only copy shipped with vnterms."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnterms.cli import app
from vnterms.store import MARKER, find_glossary, shipped_glossary_dir

ROOT = Path(__file__).parent.parent
SMALL = Path(__file__).parent / "data" / "glossary-small"
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project of its own: a marked copy of the small glossary, seeds, nothing built yet."""
    shutil.copytree(SMALL, tmp_path / "glossary")
    (tmp_path / "glossary" / MARKER).write_text("", encoding="utf-8")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    return tmp_path


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory with no glossary above it, and no $VNTERMS_GLOSSARY."""
    place = tmp_path / "elsewhere"
    place.mkdir()
    monkeypatch.chdir(place)
    monkeypatch.delenv("VNTERMS_GLOSSARY", raising=False)
    return place


def test_the_glossary_is_found_from_a_subdirectory(project: Path, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:  # fmt: skip
    monkeypatch.delenv("VNTERMS_GLOSSARY", raising=False)
    monkeypatch.chdir(project / "docs" / "deep")
    place = find_glossary()
    assert place.found_by == "search"
    assert place.path == Path("../../glossary")
    assert place.path.resolve() == (project / "glossary").resolve()


def test_a_glossary_directory_without_the_marker_is_not_taken(elsewhere: Path) -> None:
    shutil.copytree(SMALL, elsewhere / "glossary")  # somebody else's glossary/ folder
    assert find_glossary().found_by == "shipped"
    assert find_glossary().path == shipped_glossary_dir()


def test_the_environment_wins_over_the_search_and_the_option_over_both(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setenv("VNTERMS_GLOSSARY", str(SMALL))
    assert find_glossary().path == SMALL and find_glossary().found_by == "environment"
    assert find_glossary(tmp_path).path == tmp_path
    assert find_glossary(tmp_path).found_by == "option"


def test_edits_to_the_found_glossary_are_seen_by_every_command(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VNTERMS_GLOSSARY", raising=False)
    monkeypatch.chdir(project / "docs")
    built = runner.invoke(app, ["build"])
    assert built.exit_code == 0, built.stderr
    assert built.stdout.startswith("glossary: ../glossary (found from the current directory)\n")
    assert (project / "locales" / "vnterms.tmx").is_file()  # beside the glossary, not in docs/
    assert not (project / "docs" / "locales").exists()
    assert runner.invoke(app, ["build", "--check"]).exit_code == 0
    bodies = project / "glossary" / "bodies.terms"
    bodies.write_text(bodies.read_text(encoding="utf-8").replace(
        "Hội đồng Bảo an Liên hợp quốc", "Hội đồng Bảo an LHQ"), encoding="utf-8")  # fmt: skip
    stale = runner.invoke(app, ["build", "--check"])
    assert stale.exit_code == 1 and "vnterms.tmx: differs from a fresh build" in stale.stdout
    looked_up = runner.invoke(app, ["lookup", "UNSC", "--json"])
    assert '"vi": "Hội đồng Bảo an LHQ"' in looked_up.stdout
    assert runner.invoke(app, ["export", "omegat"]).stdout.count("Hội đồng Bảo an LHQ") >= 1


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "file.csv"],
        ["lint", "--fix"],
        ["extract", "text.txt", "--add-drafts"],
        ["build"],
    ],
)
def test_commands_that_write_refuse_the_shipped_glossary(elsewhere: Path, argv: list[str]
                                                         ) -> None:  # fmt: skip
    (elsewhere / "text.txt").write_text("The Global Forum on Ocean Literacy met.\n")
    (elsewhere / "file.csv").write_text("id,lang,text\nwho,vi,WHO\n")
    before = {p: p.read_bytes() for p in shipped_glossary_dir().iterdir()}
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.stderr.startswith("vnterms: will not ")
    assert "shipped with vnterms" in result.stderr and "--glossary DIR" in result.stderr
    assert result.stderr.count("\n") == 1
    assert {p: p.read_bytes() for p in shipped_glossary_dir().iterdir()} == before
    assert sorted(p.name for p in elsewhere.iterdir()) == ["file.csv", "text.txt"]


@pytest.mark.parametrize(
    "argv",
    [["lookup", "UNSC"], ["lint"], ["export", "csv"], ["extract", "text.txt"],
     ["build", "--check"]],
)  # fmt: skip
def test_commands_say_which_glossary_on_verbose(elsewhere: Path, argv: list[str]) -> None:
    (elsewhere / "text.txt").write_text("The Security Council met.\n")
    shown = f"glossary: {shipped_glossary_dir()} (the copy shipped with vnterms, read-only)\n"
    verbose = runner.invoke(app, [*argv, "--verbose"] if argv[0] != "build" else argv)
    quiet = runner.invoke(app, argv)
    if argv[0] == "build":  # build says it always, on stdout
        assert verbose.stdout.startswith(shown)
    else:
        assert verbose.stderr.startswith(shown)
        assert "glossary:" not in quiet.stderr


def test_lint_of_a_directory_that_holds_no_glossary_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here")
    result = runner.invoke(app, ["lint", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (f"vnterms: {tmp_path}: not a glossary directory "
                             f"(no *.terms files, no {MARKER})\n")  # fmt: skip
    (tmp_path / MARKER).write_text("")
    assert runner.invoke(app, ["lint", str(tmp_path)]).exit_code == 0  # a new, empty glossary


def test_the_repository_glossary_is_marked() -> None:
    assert (ROOT / "glossary" / MARKER).is_file()
    assert find_glossary(start=ROOT / "src" / "vnterms").found_by == "search"
