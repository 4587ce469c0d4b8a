"""The ``vnterms`` command line: each command parses its arguments, calls the library and prints."""

# No ``from __future__ import annotations``: typer would compile every annotation string at
# each start (20 ms of a lookup).

import os
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from vnterms.errors import VntermsError

if TYPE_CHECKING:
    from vnterms.check import Problem
    from vnterms.model import Glossary
    from vnterms.store import GlossaryPlace


class _Commands(TyperGroup):
    """The command group: an error in the input or output, vnterms' own or the system's, becomes
    one line on stderr and exit code 2; Ctrl-C, one line and exit code 130."""

    def invoke(self, ctx: Any) -> Any:  # typer vendors click: its Context type is private
        try:
            return super().invoke(ctx)
        except VntermsError as error:
            _fail(str(error))
        except BrokenPipeError:
            # the reader went away (`vnterms lookup - | head`): nothing more to say to it
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}")
        except KeyboardInterrupt:
            typer.echo("vnterms: interrupted", err=True)
            raise typer.Exit(130) from None


def _fail(message: str) -> None:
    typer.echo(f"vnterms: {message}", err=True)
    raise typer.Exit(2)


app = typer.Typer(
    cls=_Commands,
    help="English–Vietnamese terminology for multilateral diplomacy.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from vnterms import __version__

        typer.echo(f"vnterms {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:  # fmt: skip
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
    from vnterms.store import read_source_lines

    if fold_ and compact_:
        raise typer.BadParameter("--fold and --compact exclude each other")
    lines = read_source_lines("<stdin>", stream=sys.stdin.buffer) if text == "-" else [text]
    for line in lines:
        if compact_:
            typer.echo(compact(line))
        elif fold_:
            typer.echo(fold(line))
        else:
            typer.echo(canonical(line, style=style.value))


GlossaryOption = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        "-g",
        help="Glossary directory (default: $VNTERMS_GLOSSARY, else a glossary/ holding a "
        ".vnterms-glossary file here or in a parent directory, else the shipped one).",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Say which glossary is used (on stderr).")
]


def _glossary(option: Path | None, verbose: bool) -> "GlossaryPlace":
    """The glossary a command uses, said on stderr with ``--verbose``."""
    from vnterms.store import find_glossary

    place = find_glossary(option)
    if verbose:
        typer.echo(f"glossary: {place}", err=True)
    return place


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
    verbose: VerboseOption = False,
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
        terms = load_glossary(_glossary(glossary, verbose).path)
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
    from vnterms.store import decode_line

    longest = 4 * (MAX_QUERY_LENGTH + 2)  # bytes: UTF-8 takes at most four a character
    refused = []
    lineno = offset = 0
    while data := sys.stdin.buffer.readline(longest):
        lineno += 1
        size = len(data)
        cut = len(data) == longest and not data.endswith(b"\n")
        while cut and (more := sys.stdin.buffer.readline(1 << 16)):
            size += len(more)  # the rest of a line too long to be a query: read, not kept
            if more.endswith(b"\n"):
                break
        if cut:  # refused whatever its bytes: shown as far as they decode
            query = data.decode("utf-8", "ignore")
        else:
            query = decode_line(data, "<stdin>", lineno, offset).rstrip("\r\n")
        offset += size
        if not cut and len(query) <= MAX_QUERY_LENGTH:
            found = terms.search(query.strip(), limit=limit, lang=lang)
            row = {"query": query.strip(), "matches": [describe(match) for match in found]}
        else:
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
    instance = match.get("instance")
    if isinstance(instance, dict):
        draft = " (draft: check it)" if instance["draft"] else ""
        lines.insert(1, f"  {instance['text']}  —  {instance['vi']}{draft}")
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
    fix: Annotated[
        bool, typer.Option(help="Rewrite files into canonical layout and NFC first.")
    ] = False,
    stats: Annotated[
        bool, typer.Option(help="Then print figures: categories, settled Vietnamese, sources.")
    ] = False,
    verbose: VerboseOption = False,
) -> None:
    """Check a glossary: one line `file:line: problem` per finding, exit 1 if there is any error
    (warnings, `file:line: warning: …`, alone exit 0)."""
    from vnterms.lint import glossary_stats, lint_glossary
    from vnterms.store import read_glossary, write_glossary

    place = _glossary(directory, verbose)
    if fix:
        place.check_writable("rewrite files")
        for path in write_glossary(read_glossary(place.path), place.path):
            typer.echo(f"rewrote {path}", err=True)
    problems = lint_glossary(place.path)
    for problem in problems:
        typer.echo(str(problem))
    if stats:
        typer.echo("\n".join(glossary_stats(read_glossary(place.path))))
    if any(not problem.warning for problem in problems):
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
    verbose: VerboseOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line on stderr for large inputs.")
    ] = False,
) -> None:
    """Find the names of UN bodies, treaties, conferences and posts in English texts."""
    from vnterms.extract import describe_candidate, draft_concepts
    from vnterms.extract import extract as extract_names
    from vnterms.store import default_seeds_dir, read_glossary, write_glossary

    if as_json and as_tsv:
        raise typer.BadParameter("--json and --tsv exclude each other")
    place = _glossary(glossary, verbose)
    if add_drafts:
        place.check_writable("add drafts")
    terms = read_glossary(place.path)
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
        write_glossary(terms, place.path)
        typer.echo(f"added {len(drafts)} draft concepts to {place.path / 'drafts.terms'}",
                   err=True)  # fmt: skip


# Inputs of this many bytes or more get a progress line: below it, extraction takes seconds.
PROGRESS_FROM = 4_000_000


class _Progress:
    """The texts to extract from, read line by line, and one line on stderr saying how much of
    them is read: rewritten in place on a terminal, else written anew at each tenth (each 10 MB
    when reading stdin, whose size is unknown), so that a log gets a dozen lines at most."""

    def __init__(self, paths: list[Path], *, quiet: bool) -> None:
        self.paths = paths
        reads_stdin = "-" in map(str, paths)  # of unknown size
        self.total = 0 if reads_stdin else sum(p.stat().st_size for p in paths if p.is_file())
        self.shown = not quiet and (self.total >= PROGRESS_FROM or reads_stdin)
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
            stdin = str(path) == "-"
            name = "<stdin>" if stdin else str(path)
            stream = sys.stdin.buffer if stdin else None
            yield name, read_source_lines(name, stream=stream, on_read=on_read)

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
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output directory (default: locales/ beside the "
                     "glossary found from here, else ./locales)."),
    ] = None,
    check: Annotated[
        bool, typer.Option(help="Write nothing; exit 1 if the output differs from a fresh build.")
    ] = False,
    with_drafts: Annotated[bool, typer.Option(help="Put draft terms in the TMX too.")] = False,
) -> None:
    """Build the PO/POT/MO, TMX, TBX and OmegaT exports and the offline HTML page from the
    glossary and source texts."""
    from vnterms import __version__
    from vnterms.build import BuildInterrupted
    from vnterms.build import build as run_build

    try:
        result = run_build(glossary, seeds, out, check=check, with_drafts=with_drafts,
                           version=__version__)  # fmt: skip
    except BuildInterrupted as interrupted:
        left = "holds every new export" if interrupted.complete else "is as it was"
        typer.echo(f"vnterms: interrupted; {_shown(interrupted.out)} {left}", err=True)
        raise typer.Exit(130) from None
    new = sum(candidate.id is None for candidate in result.candidates)
    typer.echo(f"glossary: {result.glossary}")
    if check:
        for path in result.paths:
            typer.echo(f"{_shown(path)}: differs from a fresh build (run `vnterms build`)")
        if result.paths:
            raise typer.Exit(1)
        typer.echo(f"{_shown(result.out)}: up to date")
        return
    for path in result.paths:
        typer.echo(f"wrote {_shown(path)}")
    for path in result.unchanged:
        typer.echo(f"unchanged {_shown(path)}")
    typer.echo(f"{len(result.candidates) - new} known names in the texts, {new} new (as drafts)")


def _shown(path: Path | None) -> str:
    """``path`` relative to the current directory when it lies below it."""
    if path is None:
        return ""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@app.command()
def export(
    format_: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="po, po-vi, pot, mo, mo-vi, tmx, tbx, omegat, csv, json or html.",
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (- or none: stdout).")
    ] = None,
    glossary: GlossaryOption = None,
    with_drafts: Annotated[bool, typer.Option(help="Put draft terms in the TMX too.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Write the glossary in one format, to a file or to stdout."""
    from vnterms import __version__
    from vnterms.fileio import atomic_write
    from vnterms.formats import EXPORTS, render
    from vnterms.store import read_glossary

    if format_ not in EXPORTS:
        raise typer.BadParameter(f"unknown format {format_!r} (use {', '.join(EXPORTS)})")
    terms = read_glossary(_glossary(glossary, verbose).path)
    data = render(format_, terms, with_drafts=with_drafts, version=__version__)
    with atomic_write(output or "-", "wb") as handle:
        handle.write(data)


class SideOption(str, Enum):
    theirs = "theirs"
    ours = "ours"


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A PO, TMX, TBX or CSV file exported by vnterms.")],
    glossary: GlossaryOption = None,
    dry_run: Annotated[bool, typer.Option(help="Only show what would change.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking.")] = False,
    allow_dirty: Annotated[
        bool, typer.Option(help="Write even if the glossary has uncommitted git changes.")
    ] = False,
    accept: Annotated[
        SideOption | None,
        typer.Option(help="Settle conflicts: theirs (the file's term) or ours (the glossary's)."),
    ] = None,
    verbose: VerboseOption = False,
) -> None:
    """Merge what a translator changed in an exported file back into the glossary.

    Prints the plan, then writes after --yes or a yes at the prompt. Exit 1 when a conflict is
    left open or the changes were not written; 2 on bad input or uncommitted glossary changes.
    """
    from vnterms.formats import read_concepts_from
    from vnterms.merge import merge, require_committed
    from vnterms.store import read_glossary, write_glossary

    place = _glossary(glossary, verbose)
    directory = place.path
    if not dry_run:
        place.check_writable("import into it")
        if not allow_dirty:
            require_committed(directory)
    terms = read_glossary(directory)
    report = merge(terms, read_concepts_from(file), accept=accept.value if accept else None)
    for line in report.lines():
        typer.echo(line)
    typer.echo(report.summary() + (" (dry run: nothing written)" if dry_run else ""))
    if report.changed and not dry_run:
        if yes or (_interactive() and typer.confirm(f"Write these changes to {directory}?")):
            write_glossary(terms, directory)
        else:
            typer.echo("nothing written: pass --yes to write these changes", err=True)
            raise typer.Exit(1)
    if report.conflicts:
        raise typer.Exit(1)


@app.command()
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Bilingual files: PO, XLIFF (.xlf, .xliff), TMX, TSV or CSV."),
    ] = None,
    source: Annotated[
        Path | None, typer.Option(help="A text file, one segment a line (with --target).")
    ] = None,
    target: Annotated[
        Path | None, typer.Option(help="Its translation, line by line (with --source).")
    ] = None,
    glossary: GlossaryOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    rules: Annotated[
        str | None,
        typer.Option(help="Rule ids to run, separated by commas (default: all of missing-term, "
                     "deprecated-term, draft-term, no-diacritics, tone-style, inconsistent)."),
    ] = None,
    verbose: VerboseOption = False,
) -> None:
    """Check translations against the glossary: exit 1 when a problem is found."""
    from vnterms.check import RULES, Checker, check_files
    from vnterms.formats.segments import read_aligned, read_segments
    from vnterms.store import read_glossary

    if (source is None) != (target is None) or not (files or source):
        raise typer.BadParameter("give FILES, or --source and --target (or both)")
    chosen = [rule.strip() for rule in rules.split(",")] if rules else list(RULES)
    checker = Checker(read_glossary(_glossary(glossary, verbose).path), rules=chosen)
    inputs = [(str(path), read_segments(path)) for path in files or []]
    if source is not None and target is not None:
        inputs.append((str(target), read_aligned(source, target)))
    found = check_files(checker, inputs)
    if as_json:
        import json

        rows = [problem.as_dict() for _, problems in found for problem in problems]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        typer.echo(_format_problems(found), nl=False)
    if any(not problem.is_warning for _, problems in found for problem in problems):
        raise typer.Exit(1)


def _format_problems(found: "list[tuple[str, list[Problem]]]") -> str:
    """Problems under their file, then line: the name, what is expected, what was found."""
    lines = []
    for name, problems in found:
        if problems:
            lines.append(f"{name}")
        for problem in problems:
            severity = "warning" if problem.is_warning else "error"
            lines.append(f"  {problem.line}: {severity}: {problem.message} [{problem.rule}]")
            if problem.concept:
                lines.append(f"      concept:  {problem.concept} ({problem.source_term})")
            lines.append(f"      expected: {' | '.join(problem.expected) or '-'}")
            lines.append(f"      found:    {problem.found or '-'}")
    total = sum(len(problems) for _, problems in found)
    warnings = sum(problem.is_warning for _, problems in found for problem in problems)
    lines.append(f"{total} problems ({warnings} warnings) in {len(found)} files")
    return "\n".join(lines) + "\n"


@app.command()
def align(
    en_file: Annotated[Path, typer.Argument(metavar="EN.txt", help="The English text.")],
    vi_file: Annotated[Path, typer.Argument(metavar="VI.txt", help="Its Vietnamese version.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the pairs as TMX 1.4 here.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    into_tm: Annotated[
        bool, typer.Option("--into-tm", help="Add the pairs not flagged to the memory.")
    ] = False,
    tm: Annotated[
        Path | None,
        typer.Option("--tm", help="Translation memory file for --into-tm (default: $VNTERMS_TM, "
                     "else $XDG_DATA_HOME/vnterms/tm.sqlite)."),
    ] = None,
    glossary: GlossaryOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Align an English text and its Vietnamese version sentence by sentence.

    Pairs whose lengths or numbers and names disagree are flagged for review; --into-tm adds the
    others to the translation memory.
    """
    from vnterms import __version__
    from vnterms.align import align_texts, memory_units, write_alignment_tmx
    from vnterms.fileio import atomic_write
    from vnterms.store import read_glossary, read_source_lines

    terms = read_glossary(_glossary(glossary, verbose).path)
    pairs = align_texts(read_source_lines(en_file), read_source_lines(vi_file), terms)
    if output is not None:
        with atomic_write(output, "wb") as handle:
            write_alignment_tmx(handle, pairs, version=__version__)
    if into_tm:
        units = memory_units(pairs, origin=f"{en_file} | {vi_file}")
        with _memory(tm) as memory:
            added = memory.add_units(units)
        typer.echo(f"{len(units)} pairs into the memory, {added} new", err=True)
    if as_json:
        import dataclasses
        import json

        typer.echo(json.dumps([dataclasses.asdict(p) for p in pairs], ensure_ascii=False, indent=2))
    elif output is None:
        for pair in pairs:
            mark = "  CHECK" if pair.flagged else ""
            typer.echo(f"[{pair.bead} {pair.confidence:.2f}{mark}]\n  en: {pair.en}\n"
                       f"  vi: {pair.vi}\n")  # fmt: skip
    flagged = sum(pair.flagged for pair in pairs)
    typer.echo(f"{len(pairs)} pairs, {flagged} flagged for review", err=True)


def _interactive() -> bool:
    """Whether someone at a terminal can answer a question."""
    return sys.stdin.isatty()


@app.command()
def draft(
    name: Annotated[str, typer.Argument(help="An English name the glossary does not have.")],
    glossary: GlossaryOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
    verbose: VerboseOption = False,
) -> None:
    """Draft Vietnamese for a new English name from what the glossary's own names teach."""
    from vnterms.draft import draft_vietnamese
    from vnterms.store import read_glossary

    result = draft_vietnamese(name, read_glossary(_glossary(glossary, verbose).path))
    if as_json:
        import json

        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    elif result.text is not None:
        typer.echo(result.text)
        for part in result.parts:
            typer.echo(f"  {part.en}  →  {part.vi or '(nothing)'}  [{part.source}]")
    else:
        typer.echo(f"no draft: {result.reason}", err=True)
    if result.text is None:
        raise typer.Exit(1)


tm_app = typer.Typer(
    cls=_Commands,
    help="The translation memory: import, search, concordance, export, stats.",
    no_args_is_help=True,
)
app.add_typer(tm_app, name="tm")

TmOption = Annotated[
    Path | None,
    typer.Option("--tm", help="Translation memory file (default: $VNTERMS_TM, else "
                 "$XDG_DATA_HOME/vnterms/tm.sqlite)."),
]


def _memory(option: Path | None) -> Any:
    from vnterms.tm import TranslationMemory

    return TranslationMemory.open(option)


@tm_app.command("import")
def tm_import(
    files: Annotated[list[Path], typer.Argument(help="TMX, PO, XLIFF, TSV or CSV files.")],
    tm: TmOption = None,
) -> None:
    """Add the units of each file to the memory, one transaction per file."""
    with _memory(tm) as memory:
        for file in files:
            result = memory.import_file(file)
            typer.echo(f"{file}: {result.read:,} units read, {result.added:,} new")


@tm_app.command("export")
def tm_export(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="TMX file to write (- for stdout).")
    ],
    tm: TmOption = None,
) -> None:
    """Write every unit of the memory as TMX 1.4."""
    from vnterms import __version__
    from vnterms.fileio import atomic_write

    with _memory(tm) as memory, atomic_write(output, "wb") as handle:
        memory.export_tmx(handle, version=__version__)


@tm_app.command("stats")
def tm_stats(tm: TmOption = None) -> None:
    """Say how many units the memory holds, in which directions, from how many files."""
    with _memory(tm) as memory:
        stats = memory.stats()
    typer.echo(f"{stats.path}: {stats.units:,} units from {stats.origins:,} files, "
               f"{stats.size / 1e6:,.1f} MB, schema {stats.schema}")  # fmt: skip
    for direction, count in stats.directions.items():
        typer.echo(f"  {direction}: {count:,}")


def _glossary_or_none(option: Path | None, verbose: bool) -> "Glossary | None":
    """The glossary for the names in a query; none (quietly) where there is no glossary."""
    from vnterms.cache import load_glossary

    place = _glossary(option, verbose)
    return load_glossary(place.path) if place.path.is_dir() else None


@tm_app.command("search")
def tm_search(
    sentence: Annotated[str, typer.Argument(help="A sentence, or - for one a line on stdin.")],
    min_score: Annotated[int, typer.Option("--min", min=1, max=100, help="Lowest score.")] = 70,
    limit: Annotated[int, typer.Option(min=1, help="How many matches at most.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    tm: TmOption = None,
    glossary: GlossaryOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Find the stored sentences closest to SENTENCE, in English or Vietnamese."""
    import json

    from vnterms.store import read_source_lines
    from vnterms.tm.memory import describe, glossary_terms

    terms = _glossary_or_none(glossary, verbose)
    with _memory(tm) as memory:
        queries = (read_source_lines("<stdin>", stream=sys.stdin.buffer) if sentence == "-"
                   else [sentence])  # fmt: skip
        for query in queries:
            found = memory.search(query, min_score=min_score, limit=limit)
            names = glossary_terms(query, terms) if terms is not None else []
            rows = [describe(match, names) for match in found]
            if sentence == "-":
                typer.echo(json.dumps({"query": query, "matches": rows}, ensure_ascii=False))
            elif as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                typer.echo("\n".join(_format_tm_match(row) for row in rows) + _format_terms(names))
    if sentence != "-" and not rows:
        if not as_json:
            typer.echo(f"no match of {min_score}% or more", err=True)
        raise typer.Exit(1)


def _format_tm_match(row: dict[str, Any]) -> str:
    colour = sys.stdout.isatty()
    marks = {"=": ("", ""), "-": ("\x1b[31;9m", "\x1b[0m") if colour else ("[-", "-]"),
             "+": ("\x1b[32m", "\x1b[0m") if colour else ("{+", "+}")}  # fmt: skip
    diff = " ".join(marks[op][0] + text + marks[op][1] for op, text in row["diff"])
    lines = [f"{row['score']:3d}  {row['source']}", f"     → {row['target']}"]
    if row["numbers_replaced"]:
        swapped = ", ".join(f"{old}→{new}" for old, new in row["numbers_replaced"])
        lines.append(f"     suggested (numbers replaced: {swapped}): {row['target_suggested']}")
    if row["score"] < 100:
        lines.append(f"     diff: {diff}")
    lines.append(f"     from {row['origin']}")
    return "\n".join(lines)


def _format_terms(names: list[dict[str, str]]) -> str:
    listed = "".join(f"\n  {name['en']} → {name['vi'] or '(no Vietnamese yet)'}" for name in names)
    return f"\nglossary:{listed}" if names else ""


@tm_app.command("concordance")
def tm_concordance(
    phrase: Annotated[str, typer.Argument(help="Words to find, in this order.")],
    lang: Annotated[LangOption | None, typer.Option(help="Look in one language only.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many units at most.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    tm: TmOption = None,
) -> None:
    """List the units holding PHRASE (any diacritics when it has none), the phrase marked."""
    import json

    with _memory(tm) as memory:
        found = memory.concordance(phrase, lang=lang.value if lang else None, limit=limit)
    start, end = ("\x1b[1;33m", "\x1b[0m") if sys.stdout.isatty() else ("**", "**")
    for line in found:
        other = line.unit.target if line.text == line.unit.source else line.unit.source
        if as_json:
            typer.echo(json.dumps({"lang": line.lang, "text": line.text, "spans": line.spans,
                                   "translation": other, "origin": line.unit.origin},
                                  ensure_ascii=False))  # fmt: skip
            continue
        marked, last = "", 0
        for first, stop in line.spans:
            marked += line.text[last:first] + start + line.text[first:stop] + end
            last = stop
        typer.echo(f"{marked}{line.text[last:]}\n    {other}")
    if not found:
        raise typer.Exit(1)


@app.command()
def pretranslate(
    file: Annotated[Path, typer.Argument(help="A PO or XLIFF (1.2, 2.0) file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    min_score: Annotated[int, typer.Option("--min", min=1, max=100,
                                           help="Lowest score of a fuzzy match.")] = 75,
    tm: TmOption = None,
    glossary: GlossaryOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Fill the empty entries of FILE from the memory and the glossary: exact matches as
    translated, fuzzy ones marked for review; nothing already translated changes."""
    from vnterms.fileio import atomic_write
    from vnterms.tm.pretranslate import pretranslate_file

    terms = _glossary_or_none(glossary, verbose)
    with _memory(tm) as memory:
        outcome = pretranslate_file(file, memory, glossary=terms, min_score=min_score)
    with atomic_write(output, "wb") as handle:
        handle.write(outcome.data)
    typer.echo(outcome.summary())


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
