"""The exceptions vnterms raises: one family, carrying file and line where there is one."""

from __future__ import annotations

__all__ = ["InputError", "OutputError", "TermNotFound", "VntermsError"]


class VntermsError(Exception):
    """Base class of every error vnterms raises on purpose."""


class InputError(VntermsError):
    """Bad input: prints as ``file:line: message`` (1-based line; omitted when unknown).

    >>> str(InputError("unknown key 'categry'", "glossary/un.terms", 12))
    "glossary/un.terms:12: unknown key 'categry'"
    """

    def __init__(self, message: str, filename: str | None = None, lineno: int | None = None):
        self.message = message
        self.filename = filename
        self.lineno = lineno
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [str(part) for part in (self.filename, self.lineno) if part is not None]
        return ":".join([*where, f" {self.message}"]) if where else self.message


class OutputError(InputError):
    """A file that cannot be written: prints as ``file: message``.

    >>> str(OutputError("cannot write: it is a directory", "locales"))
    'locales: cannot write: it is a directory'
    """


class TermNotFound(VntermsError, LookupError):
    """No concept matches the query."""
