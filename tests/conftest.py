"""Shared fixtures and settings for the vnterms tests."""

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("vnterms", max_examples=300, deadline=None)
settings.load_profile("vnterms")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty cache directory of its own, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def require_tool(name: str, package: str) -> str:
    """The path of a system tool a test runs. Where it is missing the test is skipped, naming the
    Debian package to install, except under ``VNTERMS_REQUIRE_TOOLS=1`` (as in CI): there it fails.
    """
    path = shutil.which(name)
    if path is not None:
        return path
    message = f"{name} is not installed (apt-get install {package})"
    if os.environ.get("VNTERMS_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def tool() -> Callable[[str, str], str]:
    """``require_tool``, for tests that run GNU gettext or OmegaT."""
    return require_tool


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


def omegat_project(project: Path) -> Path:
    """An empty OmegaT project (English → Vietnamese) at ``project``: its folders and settings."""
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    return project


def translate_with_omegat(omegat: str, project: Path) -> None:
    """Run OmegaT's console translation of ``project``, which must succeed."""
    result = subprocess.run([omegat, str(project), "--mode=console-translate"], cwd=project,
                            capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
