"""The main job: extraction over the source texts, then every export, written under ``locales/``.

The only module that knows the ``locales/`` layout and file names. Output is deterministic: the
same glossary and texts give the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vnterms.extract import Candidate, draft_concepts, extract
from vnterms.fileio import InterruptedAfterWriting, make_directory, same_bytes, write_files
from vnterms.formats import render
from vnterms.model import Glossary, Occurrence
from vnterms.store import (
    GlossaryPlace,
    default_seeds_dir,
    find_glossary,
    read_glossary,
    read_source,
)

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = ["LAYOUT", "BuildInterrupted", "BuildResult", "build", "render_all"]

# Export name → path under the output directory (a standard gettext tree for the PO/MO files).
LAYOUT = {
    "pot": "vnterms.pot",
    "po": "vi/LC_MESSAGES/vnterms.po",
    "mo": "vi/LC_MESSAGES/vnterms.mo",
    "po-vi": "en/LC_MESSAGES/vnterms-vi.po",
    "mo-vi": "en/LC_MESSAGES/vnterms-vi.mo",
    "tmx": "vnterms.tmx",
    "tbx": "vnterms.tbx",
    "omegat": "vnterms.utf8",
    "html": "vnterms.html",
}


@dataclass
class BuildResult:
    """What a build wrote, left unchanged (or, with ``check``, found different), and what
    extraction saw; the glossary it was built from and the output directory."""

    paths: list[Path]
    candidates: list[Candidate]
    unchanged: list[Path] = field(default_factory=list)
    glossary: GlossaryPlace | None = None
    out: Path | None = None


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a build: ``out`` holds either every old export (``complete`` false) or
    every new one."""

    def __init__(self, out: Path, *, complete: bool) -> None:
        super().__init__(out, complete)
        self.out = out
        self.complete = complete


def source_texts(seeds_dir: Path) -> list[tuple[str, str]]:
    """The texts to extract from, named as they are cited in ``#:`` references."""
    return [(f"seeds/{path.name}", read_source(path)) for path in sorted(seeds_dir.glob("*.txt"))]


def render_all(glossary: Glossary, texts: list[tuple[str, str]], *, with_drafts: bool = False,
               version: str = "") -> tuple[dict[str, bytes], list[Candidate]]:  # fmt: skip
    """Every file of the build, by relative path, and the extraction candidates behind them."""
    candidates = extract(texts, glossary)
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    for candidate in candidates:
        if candidate.id is not None:
            occurrences[candidate.id].extend(candidate.occurrences)
    exported = Glossary(glossary)
    for concept in draft_concepts(candidates, glossary):
        exported.add(concept)
    catalogs: dict[str, Catalog] = {}
    files = {}
    for name, path in LAYOUT.items():
        files[path] = render(name, exported, occurrences=occurrences, with_drafts=with_drafts,
                             version=version, catalogs=catalogs)  # fmt: skip
        if name.startswith("mo"):
            catalogs.clear()  # a direction's PO and MO are written: its catalog is done with
    return files, candidates


def build(glossary_dir: str | Path | None = None, seeds_dir: str | Path | None = None,
          out_dir: str | Path | None = None, *, check: bool = False, with_drafts: bool = False,
          version: str = "") -> BuildResult:  # fmt: skip
    """Build ``out_dir`` from the glossary and seeds.

    The glossary is found by ``store.find_glossary``; the seeds and the output directory
    default to the ``seeds/`` and ``locales/`` beside a glossary found from the current
    directory, else to the shipped seeds and ``./locales``. The files are written all or none,
    and only those whose bytes change. With ``check``, write nothing and return the paths
    whose bytes differ from a fresh build. The shipped glossary is read-only: building from it
    is refused, but checking is not.
    """
    place = find_glossary(glossary_dir)
    if not check:
        place.check_writable("build exports")
    project = place.project
    if seeds_dir is not None:
        seeds = Path(seeds_dir)
    elif project is not None and (project / "seeds").is_dir():
        seeds = project / "seeds"
    else:
        seeds = default_seeds_dir()
    if out_dir is not None:
        out = Path(out_dir)
    else:
        out = project / "locales" if project is not None else Path("locales")
    texts = source_texts(seeds)
    glossary = read_glossary(place.path)
    try:
        files, candidates = render_all(glossary, texts, with_drafts=with_drafts,
                                       version=version)  # fmt: skip
        paths = {out / relative: data for relative, data in files.items()}
        if check:
            stale = [path for path, data in paths.items() if not same_bytes(path, data)]
            return BuildResult(stale, candidates, [p for p in paths if p not in stale], place, out)
        for directory in sorted({path.parent for path in paths}):
            make_directory(directory)
        written = write_files(paths)
    except KeyboardInterrupt as interrupt:
        complete = isinstance(interrupt, InterruptedAfterWriting)
        raise BuildInterrupted(out, complete=complete) from None
    unchanged = [path for path in paths if path not in written]
    return BuildResult(written, candidates, unchanged, place, out)
