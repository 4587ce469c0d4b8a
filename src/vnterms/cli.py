"""The ``vnterms`` command line: each command parses its arguments, calls the library and prints."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from vnterms.errors import VntermsError
from vnterms.normalize import canonical, compact, fold

app = typer.Typer(
    help="English–Vietnamese terminology for multilateral diplomacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """English–Vietnamese terminology for multilateral diplomacy."""


class StyleOption(str, Enum):
    old = "old"
    new = "new"


@app.command()
def normalize(
    text: Annotated[str, typer.Argument(help="Text to normalise, or - to read lines from stdin.")],
    style: Annotated[
        StyleOption, typer.Option(help="Tone placement: old (hòa, thủy) or new (hoà, thuỷ).")
    ] = StyleOption.old,
    fold_: Annotated[bool, typer.Option("--fold", help="Print the search key instead.")] = False,
    compact_: Annotated[
        bool, typer.Option("--compact", help="Print the search key without spaces.")
    ] = False,
) -> None:
    """Print TEXT in canonical form (NFC, clean spaces, one tone-placement style)."""
    if fold_ and compact_:
        raise typer.BadParameter("--fold and --compact exclude each other")
    lines = sys.stdin if text == "-" else [text]
    for line in lines:
        line = line.rstrip("\n")
        if compact_:
            typer.echo(compact(line))
        elif fold_:
            typer.echo(fold(line))
        else:
            typer.echo(canonical(line, style=style.value))


def main() -> None:
    """Run the command line, turning any vnterms error into one line on stderr and exit code 2."""
    try:
        app()
    except VntermsError as error:
        typer.echo(f"vnterms: {error}", err=True)
        raise SystemExit(2) from None
