#!/usr/bin/env python3
"""Planspor's benchmark: build synthetic plans of 150, 1,000 and 10,000 items and measure them.

    python3 bench/run.py [--sizes 150,1000,10000] [--keep DIR] [--seed 1] [--output FILE]

For each size it writes a synthetic project (bench/synthetic.py), times
`planspor check`, builds it with `mkdocs build --strict` (hooks and Pagefind
included), times Pagefind alone on the built site, exports the same pages
with `planspor eksport` and builds them with plain MkDocs (same theme and
configuration, no hooks, no Pagefind) as the baseline. It prints a Markdown
table with every figure and PASS/FAIL for the targets of issue 6.

Runs under .venv's Python (re-executes itself with it when started with a
Python that lacks MkDocs).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (150, 1_000, 10_000)
KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
PAGE_BUDGET = 300_000  # bytes of HTML: tests/test_scale.py's budget for any page


def ensure_environment() -> None:
    """Re-execute with .venv's Python (or the active virtualenv's) when MkDocs is missing."""
    try:
        import mkdocs  # noqa: F401

        import planspor  # noqa: F401
    except ImportError:
        for venv in (REPO / ".venv", Path(os.environ.get("VIRTUAL_ENV", "/nonexistent"))):
            candidate = venv / "bin" / "python"
            if candidate.exists() and Path(sys.prefix).resolve() != venv.resolve():
                os.execv(str(candidate), [str(candidate), str(Path(sys.argv[0]).resolve()), *sys.argv[1:]])
        sys.exit("The benchmark needs MkDocs and planspor: run `python3 dev.py test` once to create .venv/, or activate a virtualenv that has them.")
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


# -- running and measuring a command --------------------------------------------------


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its children
    peak_rss: int  # bytes: the largest resident set of the process or any child it waited for
    peak_tree: int = 0  # bytes: the most memory the process and its children used together at one moment (sampled; PSS, see _TreeMemory)
    peak_tree_rss: int = 0  # bytes: the same as a sum of resident sets, which counts the pages forked processes share once per process


def measure(command: list[str], cwd: Path, log: Path, repeat: int = 1) -> Run:
    """Run a command ``repeat`` times: the fastest wall time, the least CPU time and the largest peak memory."""
    runs = [_measure_once(command, cwd, log) for _ in range(repeat)]
    return Run(
        min(r.wall for r in runs), min(r.cpu for r in runs), max(r.peak_rss for r in runs), max(r.peak_tree for r in runs), max(r.peak_tree_rss for r in runs)
    )


def _measure_once(command: list[str], cwd: Path, log: Path) -> Run:
    """Run a command to completion; its wall time, CPU time and peak memory (wait4's rusage)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = _TreeMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        peak_tree, peak_tree_rss = sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"Failed ({process.returncode}): {' '.join(command)}\n{log.read_text()[-4000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * KIB, peak_tree, peak_tree_rss)


class _TreeMemory:
    """Samples, every 50 ms, the memory of a process and all its descendants together.

    rusage gives the largest single process; when Pagefind indexes while MkDocs
    still renders, the machine needs their sum. The sum is of proportional set
    sizes (PSS: a page that n processes share counts 1/n in each), because the
    build's workers are forked and share the build's pages until they write to
    them: a sum of resident sets would count those pages once per process, memory
    the machine does not use. Both are kept. Linux /proc only (0 elsewhere).
    """

    def __init__(self, pid: int) -> None:
        import threading

        self.pid = pid
        self.peak = 0
        self.peak_rss = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(0.05):
            tree = _tree(self.pid)
            self.peak = max(self.peak, sum(_pss(pid, rss) for pid, rss in tree.items()))
            self.peak_rss = max(self.peak_rss, sum(tree.values()))

    def stop(self) -> tuple[int, int]:
        """The largest sums seen: of PSS, and of RSS."""
        self._done.set()
        self._thread.join()
        return self.peak, self.peak_rss


def _tree(root: int) -> dict[int, int]:
    """The process and its descendants, each with its resident set in bytes."""
    proc = Path("/proc")
    if not proc.is_dir():
        return {}
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return {pid: rss[pid] for pid in tree if pid in rss}


def _pss(pid: int, rss: int) -> int:
    """A process's proportional set size in bytes (its resident set where the kernel does not say)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * KIB
    except (OSError, IndexError, ValueError):
        pass
    return rss


# -- the built site --------------------------------------------------------------------


class _Assets(HTMLParser):
    """The stylesheets, scripts, icons and images a page loads on a first visit."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        if tag == "link" and ({"stylesheet", "icon", "preload", "modulepreload"} & set(rel)) and a.get("href"):
            self.urls.append(a["href"])
        elif a.get("src") and (tag == "script" or (tag == "img" and a.get("loading") != "lazy")):
            self.urls.append(a["src"])


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def _local(site: Path, page: Path, url: str) -> Path | None:
    """The file a same-site URL on a page points to; None for other hosts and data: URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:") or not parts.path:
        return None
    base = site if parts.path.startswith("/") else page.parent
    path = (base / unquote(parts.path.lstrip("/"))).resolve()
    return path if path.is_file() and path.is_relative_to(site.resolve()) else None


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_visit(site: Path, page: Path) -> tuple[int, int]:
    """The gzip -6 weight of a page and everything it loads before any interaction (bytes), and the file count."""
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    seen: set[Path] = set()
    queue = [p for p in (_local(site, page, u) for u in parser.urls) if p]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        if path.suffix == ".css":
            queue += [p for p in (_local(site, path, u) for u in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))) if p]
    total = gzip_size(page.read_bytes()) + sum(gzip_size(p.read_bytes()) for p in seen)
    return total, len(seen) + 1


def tree_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


@dataclass
class Result:
    items: int
    generate: float = 0.0
    check: Run | None = None
    build: Run | None = None
    pagefind: Run | None = None
    export: Run | None = None
    baseline: Run | None = None
    baseline_pagefind: Run | None = None
    output_size: int = 0
    pages: int = 0
    item_pages: int = 0
    item_html_mean: float = 0.0
    largest_page: tuple[int, str] = (0, "")
    index_size: int = 0
    item_first_visit: tuple[int, int] = (0, 0)
    status_first_visit: tuple[int, int] = (0, 0)
    over_budget: int = 0

    @property
    def build_without_pagefind(self) -> float:
        assert self.build and self.pagefind
        return self.build.wall - self.pagefind.wall


def run_size(items: int, folder: Path, seed: int, repeat: int = 1, lived: bool = False) -> Result:
    from bench.synthetic import write_project
    from planspor.project import load_plan

    python = sys.executable
    result = Result(items)
    if folder.exists():
        shutil.rmtree(folder)
    project, site, export, baseline_site = folder / "project", folder / "site", folder / "export", folder / "baseline-site"
    started = time.perf_counter()
    write_project(project, items, seed, lived=lived)
    result.generate = time.perf_counter() - started
    log = folder / "logs"
    log.mkdir()
    step = _progress(items)
    step("planspor check")
    result.check = measure([python, "-m", "planspor.cli", "--projekt", str(project), "check"], project, log / "check.txt", repeat)
    step("mkdocs build (Planspor: hooks + Pagefind)")
    result.build = measure(
        [python, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)], project, log / "build.txt", repeat
    )
    step("Pagefind alone on the built site")
    # Into a folder of its own: the built site's index is measured as the build wrote it.
    alone = project / "pagefind-alone"
    from planspor.search_index import EXCLUDE_SELECTORS

    excluded = [option for selector in EXCLUDE_SELECTORS for option in ("--exclude-selectors", selector)]  # as the build indexes
    result.pagefind = measure(
        [python, "-m", "pagefind", "--site", str(site), "--output-path", str(alone), "--quiet", *excluded], project, log / "pagefind.txt", repeat
    )
    step("planspor eksport")
    result.export = measure([python, "-m", "planspor.cli", "--projekt", str(project), "eksport", str(export)], project, log / "export.txt")
    step("mkdocs build (baseline: exported pages, no hooks)")
    result.baseline = measure(
        [python, "-m", "mkdocs", "build", "--strict", "-f", str(export / "mkdocs.yml"), "-d", str(baseline_site)], export, log / "baseline.txt", repeat
    )
    step("Pagefind on the baseline site")
    result.baseline_pagefind = measure(
        [python, "-m", "pagefind", "--site", str(baseline_site), "--quiet", *excluded], export, log / "baseline-pagefind.txt", repeat
    )
    step("sizes")
    html = [p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts]
    item_pages = [site / "indsatser" / item.id / "index.html" for item in load_plan(project).items]  # not previous ids' forwarding pages
    missing = [p for p in item_pages if not p.is_file()]
    if missing:
        raise SystemExit(f"{len(missing)} items have no page, e.g. {missing[0]}")
    result.output_size = tree_size(site)
    result.pages = len(html)
    result.item_pages = len(item_pages)
    result.item_html_mean = sum(p.stat().st_size for p in item_pages) / max(1, len(item_pages))
    largest = max(html, key=lambda p: p.stat().st_size)
    result.largest_page = (largest.stat().st_size, "/" + largest.relative_to(site).as_posix())
    result.over_budget = sum(1 for p in html if p.stat().st_size > PAGE_BUDGET)
    result.index_size = tree_size(site / "pagefind")
    biggest_item = max(item_pages, key=lambda p: p.stat().st_size)
    result.item_first_visit = first_visit(site, biggest_item)
    result.status_first_visit = first_visit(site, site / "status" / "index.html")
    return result


def _progress(items: int) -> Callable[[str], None]:
    started = time.perf_counter()

    def step(what: str) -> None:
        print(f"[{items:>6} items, {time.perf_counter() - started:6.1f} s] {what} ...", file=sys.stderr, flush=True)

    return step


# -- the report ------------------------------------------------------------------------


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def _kb(size: float) -> str:
    return f"{size / 1000:,.1f} kB"


def _mb(size: float) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def results_table(results: list[Result]) -> str:
    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    def each(fn: Callable[[Result], str]) -> list[str]:
        return [fn(r) for r in results]

    def run(r: Run | None) -> Run:
        assert r is not None
        return r

    lines = [
        row("items", [f"{r.items:,}" for r in results]),
        "|---|" + "---:|" * len(results),
        row("`planspor check`: wall (CPU)", each(lambda r: f"{_s(run(r.check).wall)} ({_s(run(r.check).cpu)})")),
        row("**build**, ours (hooks + Pagefind): wall (CPU)", each(lambda r: f"{_s(run(r.build).wall)} ({_s(run(r.build).cpu)})")),
        row("of which Pagefind (run alone): wall (CPU)", each(lambda r: f"{_s(run(r.pagefind).wall)} ({_s(run(r.pagefind).cpu)})")),
        row("build, ours without Pagefind", each(lambda r: _s(r.build_without_pagefind))),
        row("**baseline**: plain MkDocs, exported pages: wall (CPU)", each(lambda r: f"{_s(run(r.baseline).wall)} ({_s(run(r.baseline).cpu)})")),
        row("baseline + Pagefind on its site", each(lambda r: _s(run(r.baseline).wall + run(r.baseline_pagefind).wall))),
        row("ratio ours / baseline (full build / MkDocs only)", each(lambda r: _ratio(run(r.build).wall, run(r.baseline).wall))),
        row(
            "ratio ours / baseline, like for like (both without Pagefind)",
            each(lambda r: _ratio(r.build_without_pagefind, run(r.baseline).wall)),
        ),
        row(
            "ratio ours / baseline, like for like (both with Pagefind)",
            each(lambda r: _ratio(run(r.build).wall, run(r.baseline).wall + run(r.baseline_pagefind).wall)),
        ),
        row(
            "ratio ours / baseline, like for like, CPU time (both without Pagefind)",
            each(lambda r: _ratio(run(r.build).cpu - run(r.pagefind).cpu, run(r.baseline).cpu)),
        ),
        row("`planspor eksport` (not in the baseline's time)", each(lambda r: _s(run(r.export).wall))),
        row("peak memory, ours (RSS, max of MkDocs and Pagefind)", each(lambda r: _mb(run(r.build).peak_rss))),
        row("peak memory, ours, all processes at once (sampled; PSS: shared pages counted once)", each(lambda r: _mb(run(r.build).peak_tree))),
        row("the same as a sum of RSS (shared pages counted in each process)", each(lambda r: _mb(run(r.build).peak_tree_rss))),
        row("peak memory, baseline", each(lambda r: _mb(run(r.baseline).peak_rss))),
        row("peak memory, Pagefind alone", each(lambda r: _mb(run(r.pagefind).peak_rss))),
        row("pages (HTML)", each(lambda r: f"{r.pages:,}")),
        row("total output size", each(lambda r: _mb(r.output_size))),
        row("item page HTML, mean", each(lambda r: _kb(r.item_html_mean))),
        row("largest page", each(lambda r: f"{_kb(r.largest_page[0])} `{r.largest_page[1]}`")),
        row(f"pages over {PAGE_BUDGET // 1000} kB of HTML", each(lambda r: f"{r.over_budget:,}")),
        row("search index (site/pagefind/)", each(lambda r: _mb(r.index_size))),
        row("search index per item", each(lambda r: _kb(r.index_size / r.items))),
        row("first visit, item page (largest), gzip -6", each(lambda r: f"{_kb(r.item_first_visit[0])} ({r.item_first_visit[1]} files)")),
        row("first visit, `/status/`, gzip -6", each(lambda r: f"{_kb(r.status_first_visit[0])} ({r.status_first_visit[1]} files)")),
    ]
    return "\n".join(lines)


def targets_table(results: list[Result]) -> str:
    by_size = {r.items: r for r in results}
    rows: list[tuple[str, str, bool | None]] = []

    def add(target: str, value: str, ok: bool | None) -> None:
        rows.append((target, value, ok))

    for size in (1_000, 10_000):
        r = by_size.get(size)
        if r and r.build and r.baseline:
            ratio = r.build_without_pagefind / r.baseline.wall
            full = r.build.wall / (r.baseline.wall + (r.baseline_pagefind.wall if r.baseline_pagefind else 0))
            cpu = (r.build.cpu - (r.pagefind.cpu if r.pagefind else 0)) / r.baseline.cpu
            add(
                f"build within 1.25× of the baseline at {size:,} (like for like)",
                f"wall {ratio:.2f}× without Pagefind, {full:.2f}× with Pagefind on both; CPU {cpu:.2f}× without Pagefind; "
                f"(ours with Pagefind vs. baseline without: {r.build.wall / r.baseline.wall:.2f}×)",
                max(ratio, full) <= 1.25,
            )
    for size, target in ((1_000, 0.6), (10_000, 0.45)):
        r = by_size.get(size)
        if r and r.build and r.baseline:
            ratio = r.build.wall / r.baseline.wall
            add(
                f"build (hooks + Pagefind) ≤ {target}× plain MkDocs on the exported pages at {size:,} (issue 12)",
                f"{ratio:.2f}× ({_s(r.build.wall)} / {_s(r.baseline.wall)}; CPU {r.build.cpu / r.baseline.cpu:.2f}×)",
                ratio <= target,
            )
    big, small, mid = by_size.get(10_000), by_size.get(150), by_size.get(1_000)
    if big and big.build:
        add(
            "10,000 items: all build processes together ≤ 1 GiB at any moment (issue 12)",
            f"{big.build.peak_tree / GIB:.2f} GiB, {_mb(big.build.peak_tree)} (PSS, sampled every 0.05 s; as a sum of RSS {_mb(big.build.peak_tree_rss)}; largest process {_mb(big.build.peak_rss)})",
            big.build.peak_tree <= GIB,
        )
        add("10,000 items build in under 45 s", f"{_s(big.build.wall)} (CPU {_s(big.build.cpu)})", big.build.wall < 45)
        add(
            "10,000 items build with under 1 GiB peak memory (largest process)",
            f"{_mb(big.build.peak_rss)}; all processes at once: {_mb(big.build.peak_tree)}",
            big.build.peak_rss < GIB,
        )
    if big and mid and big.build and mid.build:
        add(
            "t(10,000) / t(1,000) ≤ 11",
            f"{big.build.wall / mid.build.wall:.2f} (CPU {big.build.cpu / mid.build.cpu:.2f})",
            big.build.wall / mid.build.wall <= 11,
        )
    if big and small:
        change = big.item_html_mean / small.item_html_mean - 1
        add("item page HTML within 10% between 150 and 10,000", f"{change:+.1%} ({_kb(small.item_html_mean)} → {_kb(big.item_html_mean)})", abs(change) <= 0.10)
    if big and big.check:
        add("`planspor check` on 10,000 items under 5 s", f"{_s(big.check.wall)} (CPU {_s(big.check.cpu)})", big.check.wall < 5)
    for r in (small, big):
        if r:
            add(f"first visit of an item page under 250 kB (gzip) at {r.items:,}", _kb(r.item_first_visit[0]), r.item_first_visit[0] < 250_000)
            add(f"first visit of `/status/` under 250 kB (gzip) at {r.items:,}", _kb(r.status_first_visit[0]), r.status_first_visit[0] < 250_000)
    lines = ["| target | measured | result |", "|---|---|---|"]
    lines += [f"| {t} | {v} | {'PASS' if ok else 'FAIL'} |" for t, v, ok in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")), cpu)
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(next(line.split()[1] for line in meminfo.read_text().splitlines() if line.startswith("MemTotal")))
        memory = f", {kib / MIB:.0f} GiB RAM"
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "pagefind", "PyYAML", "Markdown", "Jinja2"))
    load = f"load average at the end {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}; {versions}; {load}"


def _preview(items: int, project: Path, seed: int, lived: bool = False) -> str:
    """The editor's preview (bench/preview.py): save to reloaded page, as `python3 dev.py serve` runs it."""
    import dev
    from bench.preview import measure_preview, report
    from bench.synthetic import write_project

    print(f"[preview, {items} items] mkdocs serve, a note and the plan edited 7 times each ...", file=sys.stderr, flush=True)
    write_project(project, items, seed, lived=lived)
    return report(measure_preview(project, 7, list(dev.SERVE_OPTIONS)), list(dev.SERVE_OPTIONS))


def main(argv: list[str] | None = None) -> int:
    ensure_environment()
    parser = argparse.ArgumentParser(prog="python3 bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated numbers of items (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="keep the generated projects and sites in this folder")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="run each timed command this many times and keep the fastest (default: %(default)s)")
    parser.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    parser.add_argument(
        "--lived",
        action="store_true",
        help="the synthetic plans as they stand on their period's last day: 16 quarter snapshots and a plan-level decision each half-year",
    )
    parser.add_argument("--preview-items", type=int, default=300, help="time the editor's preview at this many items; 0: not (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.lived:
        from bench.synthetic import lived_epoch

        os.environ["SOURCE_DATE_EPOCH"] = lived_epoch()  # every command measured inherits it
    folder = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="planspor-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        results = [run_size(size, folder / str(size), args.seed, args.repeat, args.lived) for size in sizes]
        preview = _preview(args.preview_items, folder / f"preview-{args.preview_items}", args.seed, args.lived) if args.preview_items else ""
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    command = "python3 bench/run.py" + (f" --sizes {args.sizes}" if args.sizes != parser.get_default("sizes") else "") + (" --lived" if args.lived else "")
    report = "\n\n".join(
        [
            f"Command: `{command}`  \nMachine: {machine()}",
            results_table(results),
            targets_table(results),
            *([preview] if preview else []),
        ]
    )
    print(report)
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
    if args.keep:
        print(f"\nProjects and sites kept in {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
