"""The ``vnterms`` command line: each command parses its arguments, calls the library and prints."""

# No ``from __future__ import annotations``: typer would compile every annotation string at
# each start (20 ms of a lookup).

import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from vnterms.errors import VntermsError

if TYPE_CHECKING:
    from vnterms.model import Glossary


class _Commands(TyperGroup):
    """The command group: any vnterms error becomes one line on stderr and exit code 2."""

    def invoke(self, ctx: Any) -> Any:  # typer vendors click: its Context type is private
        try:
            return super().invoke(ctx)
        except VntermsError as error:
            typer.echo(f"vnterms: {error}", err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Commands,
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
    from vnterms.normalize import canonical, compact, fold

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


GlossaryOption = Annotated[
    Path | None,
    typer.Option("--glossary", "-g", help="Glossary directory (default: the shipped one)."),
]


class LangOption(str, Enum):
    en = "en"
    vi = "vi"


@app.command()
def lookup(
    query: Annotated[str, typer.Argument(help="A term in either language, or - for stdin.")],
    glossary: GlossaryOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many concepts at most.")] = 3,
    lang: Annotated[LangOption | None, typer.Option(help="Match terms of one language.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """Find the concepts a term names, in English or Vietnamese, with or without diacritics."""
    import gc

    from vnterms.cache import load_glossary
    from vnterms.errors import InputError
    from vnterms.lookup import MAX_QUERY_LENGTH, collection_paused, describe

    if query != "-" and len(query) > MAX_QUERY_LENGTH:
        raise InputError(f"query of {len(query):,} characters: {_too_long(MAX_QUERY_LENGTH)}")
    if as_json:
        import json  # only JSON output needs it, and it takes a lookup's milliseconds to import

    language = lang.value if lang else None
    with collection_paused():
        terms = load_glossary(glossary)
        if query == "-":
            refused = _answer_lines(terms, limit=limit, lang=language)
            if refused:
                more = f" (and {len(refused) - 1:,} more lines)" if len(refused) > 1 else ""
                raise InputError(f"query {_too_long(MAX_QUERY_LENGTH)}{more}", "<stdin>",
                                 refused[0])  # fmt: skip
            return
        matches = [describe(match) for match in terms.search(query, limit=limit, lang=language)]
        # The glossary lives as long as the command: the collector need not walk it (which
        # took about 8% of a lookup).
        gc.freeze()
    if as_json:
        typer.echo(json.dumps(matches, ensure_ascii=False, indent=2))
    elif matches:
        typer.echo("\n\n".join(_format_match(match) for match in matches))
    if not matches:
        if not as_json:
            typer.echo(f"nothing matches {query!r}", err=True)
        raise typer.Exit(1)


def _too_long(longest: int) -> str:
    return f"longer than {longest:,} characters, the most a query may have"


def _answer_lines(terms: "Glossary", *, limit: int, lang: str | None) -> list[int]:
    """Answer each line of stdin with one JSON line; return the lines refused as too long.

    A refused line is answered too, cut, with an ``error`` and no matches; the rest of it is read
    in pieces and dropped, never kept whole.
    """
    import json

    from vnterms.lookup import MAX_QUERY_LENGTH, describe

    refused = []
    lineno = 0
    while line := sys.stdin.readline(MAX_QUERY_LENGTH + 2):
        lineno += 1
        query = line.rstrip("\r\n")
        if len(query) <= MAX_QUERY_LENGTH:
            found = terms.search(query.strip(), limit=limit, lang=lang)
            row = {"query": query.strip(), "matches": [describe(match) for match in found]}
        else:
            while not line.endswith("\n") and (line := sys.stdin.readline(1 << 16)):
                pass
            refused.append(lineno)
            row = {"query": query[:MAX_QUERY_LENGTH] + "…", "matches": [],
                   "error": _too_long(MAX_QUERY_LENGTH)}  # fmt: skip
        typer.echo(json.dumps(row, ensure_ascii=False))
    return refused


def _format_match(match: dict[str, object]) -> str:
    lines = [
        f"{match['en']}  —  {match['vi'] or '(no Vietnamese yet)'}",
        f"  [{match['id']}] {match['category']}, {match['status']}; "
        f"score {match['score']} ({match['rule']}: {match['matched']})",
    ]
    for lang in ("en", "vi"):
        terms = match[f"{lang}_terms"]
        assert isinstance(terms, list)
        listed = "; ".join(f"{t['text']} ({t['kind']}, {t['status']})" for t in terms)
        lines.append(f"  {lang}: {listed}")
    for key in ("definition", "note"):
        if match[key]:
            lines.append(f"  {key}: {match[key]}")
    return "\n".join(lines)


@app.command()
def lint(
    directory: Annotated[Path | None, typer.Argument(help="Glossary directory.")] = None,
    fix: Annotated[bool, typer.Option(help="Rewrite files into canonical layout first.")] = False,
) -> None:
    """Check a glossary: one line `file:line: problem` per finding, exit 1 if there is any."""
    from vnterms.lint import lint_glossary
    from vnterms.store import default_glossary_dir, read_glossary, write_glossary

    if fix:
        write_glossary(read_glossary(directory), directory or default_glossary_dir())
    problems = lint_glossary(directory)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise typer.Exit(1)


@app.command()
def extract(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Text files; - for stdin; none: the shipped seeds.")
    ] = None,
    glossary: GlossaryOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    as_tsv: Annotated[bool, typer.Option("--tsv", help="Print tab-separated values.")] = False,
    add_drafts: Annotated[
        bool, typer.Option("--add-drafts", help="Add new names to the glossary as drafts.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line on stderr for large inputs.")
    ] = False,
) -> None:
    """Find the names of UN bodies, treaties, conferences and posts in English texts."""
    from vnterms.extract import describe_candidate, draft_concepts
    from vnterms.extract import extract as extract_names
    from vnterms.store import default_glossary_dir, default_seeds_dir, read_glossary, write_glossary

    terms = read_glossary(glossary)
    paths = files or sorted(default_seeds_dir().glob("*.txt"))
    progress = _Progress(paths, quiet=quiet)
    candidates = extract_names(progress.texts(), terms)
    progress.finish()
    rows = [describe_candidate(candidate) for candidate in candidates]
    if as_json:
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        typer.echo(_format_candidates(rows, tsv=as_tsv))
    if add_drafts:
        drafts = draft_concepts(candidates, terms)
        for concept in drafts:
            terms.add(concept)
        write_glossary(terms, glossary or default_glossary_dir())
        typer.echo(f"added {len(drafts)} draft concepts to drafts.terms", err=True)


# Inputs of this many bytes or more get a progress line: below it, extraction takes seconds.
PROGRESS_FROM = 4_000_000


class _Progress:
    """The texts to extract from, read line by line, and one line on stderr saying how much of
    them is read: rewritten in place on a terminal, else written anew at each tenth (each 10 MB
    when reading stdin, whose size is unknown), so that a log gets a dozen lines at most."""

    def __init__(self, paths: list[Path], *, quiet: bool) -> None:
        self.paths = paths
        sizes = [0 if str(path) == "-" or not path.is_file() else path.stat().st_size
                 for path in paths]  # fmt: skip
        self.total = sum(sizes) if "-" not in map(str, paths) else 0
        self.shown = not quiet and (self.total >= PROGRESS_FROM or "-" in map(str, paths))
        self.terminal = sys.stderr.isatty()
        self.read = 0
        self.step = self.total // 100 if self.terminal else self.total // 10
        self.step = self.step or 10_000_000
        self.next = PROGRESS_FROM if self.total == 0 else self.step
        self.written = False

    def texts(self) -> Iterator[tuple[str, Iterable[str]]]:
        from vnterms.store import read_source_lines

        on_read = self.advance if self.shown else None
        for path in self.paths:
            if str(path) == "-":
                yield "<stdin>", read_source_lines("<stdin>", stream=sys.stdin.buffer,
                                                   on_read=on_read)  # fmt: skip
            else:
                yield str(path), read_source_lines(path, on_read=on_read)

    def advance(self, size: int) -> None:
        self.read += size
        if self.read >= self.next:
            self.next = (self.read // self.step + 1) * self.step
            self._write()

    def _write(self) -> None:
        done = f"{self.read / 1e6:,.1f} MB"
        if self.total:
            done = f"{min(self.read * 100 // self.total, 100)}% of {self.total / 1e6:,.1f} MB"
        end = "\r" if self.terminal else "\n"
        sys.stderr.write(f"vnterms extract: {done} read{end}")
        sys.stderr.flush()
        self.written = True

    def finish(self) -> None:
        """End the progress line on a terminal."""
        if self.written and self.terminal:
            sys.stderr.write("\n")


def _format_candidates(rows: list[dict[str, Any]], *, tsv: bool) -> str:
    header = ["term", "id", "category", "count", "names", "vi", "vi_draft", "abbreviations",
              "variants", "suggestions"]  # fmt: skip
    lines = []
    for row in rows:
        suggested = [(f"{s['term']} [{s['id']}]" if s["id"] else s["term"])
                     + (f" (one of {s['names']:,} numbered alike)" if s["names"] > 1 else "")
                     for s in row["suggestions"]]  # fmt: skip
        cells = [row[key] for key in header[:-1]] + [suggested]
        lines.append(
            [", ".join(map(str, c)) if isinstance(c, list) else str(c or "") for c in cells]
        )
    if tsv:
        return "\n".join("\t".join(line) for line in [header, *lines])
    return "\n".join(
        f"{line[0]}  [{line[1] or 'NEW ' + line[2]}] ×{line[3]}"
        + _family(row)
        + f"\n    vi: {line[5] or (line[6] + ' (draft)' if line[6] else '—')}"
        + (f"\n    same as? {line[9]}" if line[9] else "")
        for row, line in zip(rows, lines, strict=True)
    )


def _family(row: dict[str, Any]) -> str:
    if row["names"] == 1:
        return ""
    return f", {row['names']:,} names numbered alike: {', '.join(row['variants'][:3])}, …"


@app.command()
def build(
    glossary: GlossaryOption = None,
    seeds: Annotated[Path | None, typer.Option(help="Directory of source texts (*.txt).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("locales"),
    check: Annotated[
        bool, typer.Option(help="Write nothing; exit 1 if the output differs from a fresh build.")
    ] = False,
    with_drafts: Annotated[bool, typer.Option(help="Put draft terms in the TMX too.")] = False,
) -> None:
    """Build the PO/POT/MO, TMX, TBX and OmegaT exports from the glossary and source texts."""
    from vnterms import __version__
    from vnterms.build import build as run_build

    result = run_build(glossary, seeds, out, check=check, with_drafts=with_drafts,
                       version=__version__)  # fmt: skip
    new = sum(candidate.id is None for candidate in result.candidates)
    if check:
        for path in result.paths:
            typer.echo(f"{path}: differs from a fresh build (run `vnterms build`)")
        if result.paths:
            raise typer.Exit(1)
        typer.echo(f"{out}: up to date")
        return
    for path in result.paths:
        typer.echo(f"wrote {path}")
    typer.echo(f"{len(result.candidates) - new} known names in the texts, {new} new (as drafts)")


@app.command()
def export(
    format_: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT", help="po, po-vi, pot, mo, mo-vi, tmx, tbx, omegat, csv or json."
        ),
    ],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    glossary: GlossaryOption = None,
    with_drafts: Annotated[bool, typer.Option(help="Put draft terms in the TMX too.")] = False,
) -> None:
    """Write the glossary in one format, to a file or to stdout."""
    from vnterms import __version__
    from vnterms.fileio import atomic_write
    from vnterms.formats import EXPORTS, render
    from vnterms.store import read_glossary

    if format_ not in EXPORTS:
        raise typer.BadParameter(f"unknown format {format_!r} (use {', '.join(EXPORTS)})")
    data = render(format_, read_glossary(glossary), with_drafts=with_drafts, version=__version__)
    if output is None:
        sys.stdout.buffer.write(data)
        return
    with atomic_write(output, "wb") as handle:
        handle.write(data)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A PO, TMX, TBX or CSV file exported by vnterms.")],
    glossary: GlossaryOption = None,
    dry_run: Annotated[bool, typer.Option(help="Only show what would change.")] = False,
) -> None:
    """Merge what a translator changed in an exported file back into the glossary."""
    from vnterms.formats import read_concepts_from
    from vnterms.merge import merge
    from vnterms.store import default_glossary_dir, read_glossary, write_glossary

    terms = read_glossary(glossary)
    report = merge(terms, read_concepts_from(file))
    for label, lines in (("added", report.additions), ("changed", report.changes),
                         ("CONFLICT", report.conflicts)):  # fmt: skip
        for line in lines:
            typer.echo(f"{label}: {line}")
    summary = (f"{len(report.additions)} additions, {len(report.changes)} changes, "
               f"{len(report.conflicts)} conflicts")  # fmt: skip
    typer.echo(summary + (" (dry run: nothing written)" if dry_run else ""))
    if report.changed and not dry_run:
        write_glossary(terms, glossary or default_glossary_dir())


def main() -> None:
    """Run the command line.

    typer prepares every command it knows at each start; when the command is named, only that
    one is registered, which spares each run (a lookup in a shell loop) setting up the others.
    """
    every = app.registered_commands
    named = [command for command in every if _name(command) in sys.argv[1:2]]
    app.registered_commands = named or every
    try:
        app()
    finally:
        app.registered_commands = every


def _name(command: typer.models.CommandInfo) -> str:
    """The name typer gives a command: its own, or its function's with "-" for "_"."""
    return command.name or getattr(command.callback, "__name__", "").replace("_", "-")
