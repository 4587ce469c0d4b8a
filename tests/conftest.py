"""Shared fixtures and settings for the vnterms tests."""

import os
import shutil
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
