"""The main job: extraction over the source texts, then every export, written under ``locales/``.

The only module that knows the ``locales/`` layout and file names. Output is deterministic: the
same glossary and texts give the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnterms.extract import Candidate, draft_concepts, extract
from vnterms.fileio import atomic_write
from vnterms.formats import render
from vnterms.model import Glossary, Occurrence
from vnterms.store import default_glossary_dir, default_seeds_dir, read_glossary, read_source

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = ["LAYOUT", "BuildResult", "build", "render_all"]

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
}


@dataclass
class BuildResult:
    """What a build wrote (or, with ``check``, found different), and what extraction saw."""

    paths: list[Path]
    candidates: list[Candidate]


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
          out_dir: str | Path = "locales", *, check: bool = False, with_drafts: bool = False,
          version: str = "") -> BuildResult:  # fmt: skip
    """Build ``out_dir`` from the glossary and seeds (the shipped ones by default).

    With ``check``, write nothing and return the paths whose bytes differ from a fresh build.
    """
    glossary = read_glossary(glossary_dir or default_glossary_dir())
    texts = source_texts(Path(seeds_dir) if seeds_dir else default_seeds_dir())
    files, candidates = render_all(glossary, texts, with_drafts=with_drafts, version=version)
    out = Path(out_dir)
    paths = []
    for relative, data in files.items():
        path = out / relative
        if check:
            if not path.is_file() or path.read_bytes() != data:
                paths.append(path)
            continue
        if not path.is_file() or path.read_bytes() != data:
            with atomic_write(path, "wb") as handle:
                handle.write(data)
        paths.append(path)
    return BuildResult(paths, candidates)
