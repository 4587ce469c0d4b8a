"""Build speed and memory: every export of ``vnterms build`` for a synthetic glossary of 100,000
concepts, side by side with the polib/babel-only path (polib's PO and MO writers, babel's MO
writer, GNU msgfmt as a C reference) and with translate-toolkit's ``po2tmx`` on the same PO.

Each path runs in fresh Python processes (this script, ``--worker``), which report the wall
time of each step and its peak memory: the highest resident set size during the step above the
resident set size before it (Linux ``VmHWM``, reset through ``/proc/self/clear_refs``). A path
runs ``--repeat`` times, or fewer once its runs have taken ``--budget`` seconds (so the whole build,
about a minute and a half, runs once); figures are medians over the runs. babel's and polib's MO
writers grow quadratically (``bytes +=`` in a loop): at full size they run once, stopped after
``--limit`` seconds, and smaller sizes show how they grow. Outputs are checked to agree.

Run by hand: ``pip install -e ".[bench]"; python benchmarks/build.py [--size N]`` (about seven
minutes at the default 100,000 concepts on a shared two-core machine).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import partial
from gettext import GNUTranslations
from pathlib import Path
from types import FrameType
from typing import Any

from synthetic import synthetic_glossary

from vnterms import Glossary

HERE = Path(__file__).resolve()
Figures = dict[str, dict[str, Any]]  # step → {"seconds": …, "mb": …} (or other facts)


# ---------------------------------------------------------------- memory and time, in a worker


def _status(field: str) -> int | None:
    """A ``/proc/self/status`` figure in bytes (Linux), else None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak() -> None:
    # Resets VmHWM to the current RSS. Elsewhere than Linux, peaks are whole-process peaks so far.
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak() -> int:
    high = _status("VmHWM")
    return high if high is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Meter:
    """Times (nested) steps and their peak RSS above the RSS at their start; prints JSON lines."""

    def __init__(self) -> None:
        self.open: list[dict[str, Any]] = []

    def _fold(self) -> None:
        high = _peak()
        for record in self.open:
            record["peak"] = max(record["peak"], high)
        _reset_peak()

    @contextmanager
    def step(self, name: str, limit: float | None = None) -> Iterator[None]:
        """Measure the body; with ``limit``, stop it after that many seconds and say so."""
        name = "/".join([*(record["name"] for record in self.open), name])
        self._fold()
        record: dict[str, Any] = {"name": name, "rss": _status("VmRSS") or _peak(), "peak": 0}
        self.open.append(record)
        if limit:
            signal.signal(signal.SIGALRM, _stop)
            signal.setitimer(signal.ITIMER_REAL, limit)
        start = time.perf_counter()
        try:
            yield
        except _Stopped as stop:
            emit({"step": name, "stopped": limit, "done": stop.done, "total": stop.total})
            return
        finally:
            seconds = time.perf_counter() - start
            if limit:
                signal.setitimer(signal.ITIMER_REAL, 0)
            self._fold()
            self.open.remove(record)
        emit({"step": name, "seconds": seconds, "mb": (record["peak"] - record["rss"]) / 1e6})

    def wrap(self, owner: object, attribute: str, label: Callable[..., str]) -> None:
        """Measure every call of ``owner.attribute``, as the step ``label(*args)``."""
        function = getattr(owner, attribute)

        def measured(*args: Any, **kwargs: Any) -> Any:
            with self.step(label(*args, **kwargs)):
                return function(*args, **kwargs)

        setattr(owner, attribute, measured)


class _Stopped(Exception):
    def __init__(self, done: int | None, total: int | None) -> None:
        self.done, self.total = done, total


def _stop(signum: int, frame: FrameType | None) -> None:
    """Stop the step, saying how far the MO writer had got (babel's and polib's loops keep a list
    ``offsets`` with an item per message done, of ``messages`` or ``entries``)."""
    while frame is not None:
        names = frame.f_locals
        done, total = names.get("offsets"), names.get("messages", names.get("entries"))
        if isinstance(done, list) and isinstance(total, list):
            raise _Stopped(min(len(done), len(total)), len(total))
        frame = frame.f_back
    raise _Stopped(None, None)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


# ---------------------------------------------------------------- the paths measured


def glossary(size: int, meter: Meter) -> Glossary:
    with meter.step("glossary"):
        result = synthetic_glossary(size)
    gc.collect()
    return result


def polib_file(glossary: Glossary) -> Any:
    """The English → Vietnamese PO of ``glossary`` built with polib alone: the same messages,
    translations, flags, contexts and comments as ``vnterms.formats.po.to_catalog``."""
    import polib

    from vnterms.formats.po import FIXED_DATE, _comments, _entries, _translation

    pofile = polib.POFile(wrapwidth=76)
    date = FIXED_DATE.strftime("%Y-%m-%d %H:%M%z")
    pofile.metadata = {
        "Project-Id-Version": "vnterms", "POT-Creation-Date": date, "PO-Revision-Date": date,
        "Last-Translator": "vnterms glossary", "Language": "vi", "Language-Team": "vnterms",
        "Plural-Forms": "nplurals=1; plural=0;", "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8", "Content-Transfer-Encoding": "8bit",
    }  # fmt: skip
    entries = list(_entries(glossary, "en"))
    shared = Counter(term.text for _, term in entries)
    for concept, term in entries:
        text, draft = _translation(concept, "vi")
        pofile.append(polib.POEntry(
            msgid=term.text, msgstr=text, comment="\n".join(_comments(concept, term, "en")),
            flags=["fuzzy"] if draft or term.status == "draft" else [],
            msgctxt=concept.id if shared[term.text] > 1 else None,
        ))  # fmt: skip
    return pofile


def task_build(size: int, work: Path, meter: Meter, limit: float) -> None:
    """``render_all`` with no texts, each export and each gettext step measured inside it."""
    import vnterms.build
    from vnterms.formats import po

    synthetic = glossary(size, meter)
    meter.wrap(vnterms.build, "render", lambda name, *args, **kwargs: name)
    for attribute in ("to_catalog", "write_po", "write_mo"):
        meter.wrap(po, attribute, lambda *args, attribute=attribute, **kwargs: attribute)
    with meter.step("render_all"):
        files, _ = vnterms.build.render_all(synthetic, [])
    for name, path in vnterms.build.LAYOUT.items():
        emit({"step": f"bytes/{name}", "bytes": len(files[path])})
        if name in ("po", "mo", "tmx") and not (work / f"vnterms.{name}").exists():
            (work / f"vnterms.{name}").write_bytes(files[path])


def task_vnterms_po(size: int, work: Path, meter: Meter, limit: float) -> None:
    from vnterms.formats import po

    synthetic = glossary(size, meter)
    with meter.step("po"):
        with meter.step("catalog"):
            catalog = po.to_catalog(synthetic, occurrences={})
        with meter.step("write"):
            po.write_po(io.BytesIO(), catalog)


def task_vnterms_mo(size: int, work: Path, meter: Meter, limit: float) -> None:
    from vnterms.formats import po

    catalog = po.to_catalog(glossary(size, meter), occurrences={})
    gc.collect()
    with meter.step("write_mo"):
        po.write_mo(io.BytesIO(), catalog)


def task_vnterms_tmx(size: int, work: Path, meter: Meter, limit: float) -> None:
    from vnterms.formats import render

    synthetic = glossary(size, meter)
    with meter.step("tmx"):
        render("tmx", synthetic)


def task_polib_po(size: int, work: Path, meter: Meter, limit: float) -> None:
    synthetic = glossary(size, meter)
    with meter.step("po"):
        with meter.step("catalog"):
            pofile = polib_file(synthetic)
        with meter.step("write"):
            pofile.save(str(work / "polib.po"))


def task_polib_mo(size: int, work: Path, meter: Meter, limit: float) -> None:
    pofile = polib_file(glossary(size, meter))
    gc.collect()
    with meter.step("write_mo", limit):
        pofile.save_as_mofile(str(work / "polib.mo"))


def task_babel_mo(size: int, work: Path, meter: Meter, limit: float) -> None:
    from babel.messages.mofile import write_mo

    from vnterms.formats import po

    catalog = po.to_catalog(glossary(size, meter), occurrences={})
    gc.collect()
    buffer = io.BytesIO()
    with meter.step("write_mo", limit):
        write_mo(buffer, catalog)
    if buffer.getvalue():  # empty if stopped
        (work / "babel.mo").write_bytes(buffer.getvalue())


def task_po2tmx(size: int, work: Path, meter: Meter, limit: float) -> None:
    from translate.convert import po2tmx

    gc.collect()
    with meter.step("po2tmx"):
        po2tmx.main(["--progress=none", "-l", "vi", "-i", str(work / "vnterms.po"),
                     "-o", str(work / "po2tmx.tmx")])  # fmt: skip


def task_ladder(size: int, work: Path, meter: Meter, limit: float) -> None:
    """The three MO writers at a fortieth, a twentieth and a tenth of ``size`` (time only)."""
    from babel.messages.mofile import write_mo

    from vnterms.formats import po

    for fraction in (40, 20, 10):
        n = max(size // fraction, 100)
        synthetic = synthetic_glossary(n)
        catalog, pofile = po.to_catalog(synthetic, occurrences={}), polib_file(synthetic)
        outputs = {}
        writers: dict[str, Callable[[], bytes]] = {
            "vnterms": partial(_to_bytes, po.write_mo, catalog),
            "babel": partial(_to_bytes, write_mo, catalog),
            "polib": pofile.to_binary,
        }
        for name, writer in writers.items():
            start = time.perf_counter()
            outputs[name] = writer()
            emit({"step": f"{n}/{name}", "seconds": time.perf_counter() - start})
        translations = [mo_messages(data) for data in outputs.values()]
        emit({"step": f"{n}/check", "messages": len(translations[0]),
              "equal": all(t == translations[0] for t in translations)})  # fmt: skip
        if fraction == 40:  # the whole PO, comments and flags too, at the smallest size
            emit({"step": f"{n}/po-check", "equal": po_entries(_to_bytes(po.write_po, catalog))
                  == po_entries(pofile.__unicode__().encode("utf-8"))})  # fmt: skip


def _to_bytes(writer: Callable[[io.BytesIO, Any], None], catalog: Any) -> bytes:
    buffer = io.BytesIO()
    writer(buffer, catalog)
    return buffer.getvalue()


TASKS: dict[str, Callable[[int, Path, Meter, float], None]] = {
    "build": task_build, "vnterms-po": task_vnterms_po, "vnterms-mo": task_vnterms_mo,
    "vnterms-tmx": task_vnterms_tmx, "polib-po": task_polib_po, "polib-mo": task_polib_mo,
    "babel-mo": task_babel_mo, "po2tmx": task_po2tmx, "ladder": task_ladder,
}  # fmt: skip


# ---------------------------------------------------------------- checks


def mo_messages(data: bytes) -> dict[str, str]:
    """The messages of an MO file as Python's gettext reads them, the header left out."""
    catalog: dict[str, str] = GNUTranslations(io.BytesIO(data))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in catalog.items() if key}


def po_entries(data: bytes) -> list[tuple[str, str, str, list[str], str]]:
    """The entries of a PO file, as polib parses them, the header left out."""
    import polib

    return [(e.msgctxt or "", e.msgid, e.msgstr, sorted(e.flags), e.comment)
            for e in polib.pofile(data.decode("utf-8"))]  # fmt: skip


def tmx_pairs(path: Path) -> Counter[tuple[str, str]]:
    """The (English, Vietnamese) segment pairs of a TMX file."""
    from lxml import etree

    pairs: Counter[tuple[str, str]] = Counter()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for _, unit in etree.iterparse(str(path), tag="tu"):
        segments = {tuv.get(lang): "".join(tuv.find("seg").itertext()) for tuv in unit.iter("tuv")}
        pairs[segments["en"], segments["vi"]] += 1
        unit.clear()
    return pairs


# ---------------------------------------------------------------- running and reporting


def run_worker(task: str, args: argparse.Namespace, work: Path) -> Figures:
    """Per step, the median figures of up to ``args.repeat`` fresh runs of ``task``: fewer once
    its runs have taken ``args.budget`` seconds, one if a step had to be stopped."""
    runs: list[Figures] = []
    begun = time.perf_counter()
    while len(runs) < args.repeat and time.perf_counter() - begun < args.budget:
        command = [sys.executable, str(HERE), "--worker", task, "--size", str(args.size),
                   "--work", str(work), "--limit", str(args.limit)]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode:
            sys.exit(f"worker {task} failed:\n{result.stderr}")
        records = [json.loads(line) for line in result.stdout.splitlines() if line]
        runs.append({record.pop("step"): record for record in records})
        if any("stopped" in record for record in runs[-1].values()):
            break
    figures: Figures = {}
    for step, first in runs[0].items():
        figures[step] = {**first, "runs": len(runs)}
        for key in ("seconds", "mb"):
            if key in first:
                figures[step][key] = statistics.median(run[step][key] for run in runs)
    return figures


def run_command(command: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """Median wall time and whole-process peak RSS of an external command (runs as above)."""
    seconds: list[float] = []
    megabytes: list[float] = []
    begun = time.perf_counter()
    while len(seconds) < args.repeat and time.perf_counter() - begun < args.budget:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            sys.exit(f"{' '.join(command)} failed with status {process.returncode}")
        megabytes.append(usage.ru_maxrss * 1024 / 1e6)  # kB on Linux
    return {"seconds": statistics.median(seconds), "mb": statistics.median(megabytes),
            "runs": len(seconds)}  # fmt: skip


def row(label: str, figure: dict[str, Any], base: dict[str, Any] | None = None,
        extra: str = "") -> None:  # fmt: skip
    """One line of a table: runs, seconds, peak MB, the ratios to ``base`` if given, ``extra``."""
    if "stopped" in figure:
        cells = f"{'> ' + format(figure['stopped'], 'g'):>9} {'-':>9}"
    else:
        cells = f"{figure['seconds']:9.2f} {figure['mb']:9.1f}"
    ratios = ""
    if base is not None and base is not figure:
        if "stopped" in figure:
            ratios = f"{'> ' + format(figure['stopped'] / base['seconds'], '.0f') + 'x':>9}"
        else:
            ratios = (f"{figure['seconds'] / base['seconds']:8.2f}x"
                      f"{figure['mb'] / max(base['mb'], 0.1):8.2f}x")  # fmt: skip
    print(f"  {label:46}{figure['runs']:>4} {cells}  {ratios}{extra}".rstrip())


def header(title: str, ratios: str = "  time/vn  mem/vn") -> None:
    print(f"\n{title}\n  {'':46}{'runs':>4} {'seconds':>9} {'peak MB':>9}  {ratios}")


def stopped_note(name: str, figure: dict[str, Any]) -> None:
    if "stopped" in figure and figure.get("total"):
        done, total = figure["done"], figure["total"]
        print(f"  ({name} was stopped after {figure['stopped']:g} s with {done:,} of {total:,} "
              f"messages written, {100 * done // total}%)")  # fmt: skip


def report(args: argparse.Namespace, work: Path) -> None:
    from vnterms.build import LAYOUT

    started = time.perf_counter()
    build = run_worker("build", args, work)
    made = build["glossary"]
    print(
        f"Synthetic glossary of {args.size:,} concepts, 4 terms each ({made['mb']:.0f} MB, made "
        f"in {made['seconds']:.1f} s).\nEach path in fresh processes, {args.repeat} runs or fewer "
        f"once they have taken {args.budget:g} s; seconds and MB are medians over the runs.\n"
        "peak MB: highest resident set size during the step above the one before it (Linux "
        "VmHWM).\nRatios: peer / vnterms (above 1: vnterms is faster or smaller)."
    )
    header(f"vnterms render_all(glossary, texts=[]): the {len(LAYOUT)} exports of LAYOUT, inside "
           "one run\n(so the peak of one export is a lower bound: it reuses memory freed by "
           "earlier ones)", f"{'output MB':>9}")  # fmt: skip
    total = sum(build[f"bytes/{name}"]["bytes"] for name in LAYOUT)
    row("all exports", build["render_all"], extra=f"{total / 1e6:9.1f}")
    for name in LAYOUT:
        output = build[f"bytes/{name}"]["bytes"] / 1e6
        row(name, build[f"render_all/{name}"], extra=f"{output:9.1f}")
        for part in ("to_catalog", "write_po", "write_mo"):
            if f"render_all/{name}/{part}" in build:
                row(f"  {part}", build[f"render_all/{name}/{part}"])
    built = [v["seconds"] for k, v in build.items() if k.endswith("/to_catalog")]
    print(f"  (babel catalogs built for the 5 gettext exports: {len(built)}, "
          f"{sum(built):.1f} s in all)")  # fmt: skip

    vn_po, polib_po = run_worker("vnterms-po", args, work), run_worker("polib-po", args, work)
    header("PO, English → Vietnamese (one message per English term)")
    row("vnterms: babel Catalog + babel write_po", vn_po["po"])
    row("  building the catalog (to_catalog)", vn_po["po/catalog"])
    row("  writing (babel.messages.pofile.write_po)", vn_po["po/write"])
    row("polib: POEntry per message + POFile.save", polib_po["po"], vn_po["po"])
    row("  building the POFile", polib_po["po/catalog"], vn_po["po/catalog"])
    row("  writing (POFile.save)", polib_po["po/write"], vn_po["po/write"])

    vn_mo = run_worker("vnterms-mo", args, work)["write_mo"]
    babel_mo = run_worker("babel-mo", args, work)["write_mo"]
    polib_mo = run_worker("polib-mo", args, work)["write_mo"]
    msgfmt = run_command(["msgfmt", "-o", str(work / "msgfmt.mo"), str(work / "vnterms.po")], args)
    header("MO, English → Vietnamese, from the catalog in memory")
    row("vnterms.formats.po.write_mo", vn_mo)
    row("babel.messages.mofile.write_mo", babel_mo, vn_mo)
    row("polib POFile.save_as_mofile", polib_mo, vn_mo)
    row("GNU msgfmt, PO file → MO (whole process)", msgfmt, vn_mo)
    stopped_note("babel", babel_mo)
    stopped_note("polib", polib_mo)

    vn_tmx = run_worker("vnterms-tmx", args, work)["tmx"]
    po2tmx = run_worker("po2tmx", args, work)["po2tmx"]
    header("TMX, English → Vietnamese")
    row("vnterms: render('tmx') from the glossary", vn_tmx)
    row("translate-toolkit po2tmx on vnterms' PO", po2tmx, vn_tmx)

    ladder = run_worker("ladder", args, work)
    sizes = sorted({int(step.split("/")[0]) for step in ladder})
    writers = ("vnterms", "babel", "polib")
    print(f"\nMO writers at smaller sizes, seconds ({ladder[f'{sizes[0]}/vnterms']['runs']} runs)")
    print(f"  {'concepts':>10}" + "".join(f"{name:>10}" for name in writers)
          + f"{'babel/vn':>10}{'polib/vn':>10}")  # fmt: skip
    for n in sizes:
        times = [ladder[f"{n}/{name}"]["seconds"] for name in writers]
        print(f"  {n:>10,}" + "".join(f"{t:10.3f}" for t in times)
              + "".join(f"{t / times[0]:9.1f}x" for t in times[1:]))  # fmt: skip

    print("\nChecks")
    checks = {f"MO writers agree at {n:,} concepts ({ladder[f'{n}/check']['messages']:,} messages)":
              ladder[f"{n}/check"]["equal"] for n in sizes}  # fmt: skip
    checks[f"PO entries (ids, translations, flags, comments) of babel and polib agree at "
           f"{sizes[0]:,} concepts"] = ladder[f"{sizes[0]}/po-check"]["equal"]  # fmt: skip
    subprocess.run(["msgfmt", "-o", str(work / "polib-msgfmt.mo"), str(work / "polib.po")],
                   check=True)  # fmt: skip
    mo = {name: mo_messages((work / f"{name}.mo").read_bytes())
          for name in ("vnterms", "msgfmt", "polib-msgfmt")}  # fmt: skip
    label = f"vnterms' MO = msgfmt of vnterms' PO = msgfmt of polib's PO ({len(mo['vnterms']):,}"
    checks[label + " messages)"] = mo["vnterms"] == mo["msgfmt"] == mo["polib-msgfmt"]
    for name, figure in (("polib", polib_mo), ("babel", babel_mo)):
        if "stopped" not in figure and (work / f"{name}.mo").exists():
            checks[f"{name}'s MO = vnterms' MO"] = (
                mo_messages((work / f"{name}.mo").read_bytes()) == mo["vnterms"]
            )
    ours, theirs = tmx_pairs(work / "vnterms.tmx"), tmx_pairs(work / "po2tmx.tmx")
    label = f"the same {sum(ours.values()):,} TMX units (en, vi) from vnterms and po2tmx"
    checks[label] = ours == theirs
    for label, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {label}")
    print(f"\n(whole benchmark: {time.perf_counter() - started:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="concepts (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per path (default 3)")
    parser.add_argument("--budget", type=float, default=30,
                        help="seconds after which a path is not run again")  # fmt: skip
    parser.add_argument("--limit", type=float, default=20,
                        help="seconds before stopping babel's and polib's MO writers")  # fmt: skip
    parser.add_argument("--worker", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        TASKS[args.worker](args.size, args.work, Meter(), args.limit)
        return
    with tempfile.TemporaryDirectory(prefix="vnterms-bench-") as work:
        report(args, Path(work))


if __name__ == "__main__":
    main()
