"""The system tools the tests run: skipped with the package to install, required in CI."""

import pytest

from conftest import require_tool


def test_a_missing_tool_skips_naming_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("VNTERMS_REQUIRE_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"msgfmt .*\(apt-get install gettext\)"):
        require_tool("msgfmt", "gettext")


def test_a_missing_tool_fails_where_tools_are_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv("VNTERMS_REQUIRE_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install omegat"):
        require_tool("omegat", "omegat")


def test_a_present_tool_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNTERMS_REQUIRE_TOOLS", "1")
    assert require_tool("sh", "dash").endswith("/sh")
