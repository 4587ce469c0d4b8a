"""Shared fixtures and settings for the vnterms tests."""

from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("vnterms", max_examples=300, deadline=None)
settings.load_profile("vnterms")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty cache directory of its own, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
