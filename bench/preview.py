#!/usr/bin/env python3
"""The editor's preview: from saving a file to the browser's reload, at 300 items.

    python3 bench/preview.py [--items 300] [--repeat 7] [--keep DIR] [--serve-args "--dirty"]

It writes a synthetic project (bench/synthetic.py), starts the preview the
way `python3 dev.py serve` does (its options, unless --serve-args says
otherwise) on a free port, and waits for the first build. Then, ``repeat``
times each, in turn, it makes two edits an editor makes: a sentence added to
an item's note, and a new title for an item in data/plan.yaml. Each is timed
as the browser feels it: from the file written to the answer of MkDocs'
livereload poll (what makes the browser reload), plus fetching the item's
page, which must show the change (else the run fails). Between edits it
waits ``--pause`` seconds (default 2: an editor reads the page before saving
again, and the search index is made meanwhile). It prints the median
and the slowest of each, and PASS/FAIL for the target: ≤ 1.0 s.

Runs under .venv's Python, like bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import dev  # noqa: E402
from bench.run import ensure_environment, machine  # noqa: E402

TARGET = 1.0  # seconds from saving to the reloaded page
_EPOCH = re.compile(r"livereload\((\d+), (\d+)\)")


@dataclass(frozen=True)
class PreviewTimes:
    items: int
    note: list[float]
    plan: list[float]
    first_build: float


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float = 70) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def _wait_up(url: str, process: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"mkdocs serve stopped (exit {process.returncode}) before the site was up")
        try:
            _get(url, timeout=5)
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"{url} did not answer within {timeout:.0f} s")


def _epoch(page: str) -> str:
    match = _EPOCH.search(page)
    if match is None:
        sys.exit("the served page has no livereload script: is this `mkdocs serve`?")
    return f"{match[1]}/{match[2]}"


def _timed_edit(base: str, page_url: str, path: Path, before: str, after: str, expected: str) -> float:
    """Write `after` over `before` in path; seconds until the reloaded page shows `expected`."""
    epoch = _epoch(_get(page_url))
    text = path.read_text(encoding="utf-8")
    if before not in text:
        sys.exit(f"{path}: {before!r} is not there to change")
    start = time.perf_counter()
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    _get(f"{base}livereload/{epoch}")  # answers once the rebuilt site is visible
    page = _get(page_url)
    elapsed = time.perf_counter() - start
    if expected not in page:
        sys.exit(f"the reloaded page {page_url} does not show {expected!r}")
    return elapsed


def _item(project: Path) -> tuple[str, str]:
    """The first item that has a note, and its title in plan.yaml."""
    plan = (project / "data/plan.yaml").read_text(encoding="utf-8")
    for match in re.finditer(r"^  - id: (\S+)\n    title: (.+)$", plan, re.MULTILINE):
        if (project / "content/items" / f"{match[1]}.md").exists():
            return match[1], match[2]
    sys.exit("the synthetic plan has no item with a note")


def measure_preview(project: Path, repeat: int, serve_args: list[str], pause: float = 2.0) -> PreviewTimes:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    item, title = _item(project)
    page_url = f"{base}indsatser/{item}/"
    note, plan = project / "content/items" / f"{item}.md", project / "data/plan.yaml"
    command = [str(dev.venv_bin("mkdocs")), "serve", *serve_args, "--dev-addr", f"127.0.0.1:{port}"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=dev.environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_up(page_url, process)
        first_build = time.perf_counter() - started
        notes: list[float] = []
        plans: list[float] = []
        current = title
        for run in range(repeat):
            sentence = f"Opdateret i prøve {run}."
            time.sleep(pause)
            # At the first blank line: after the front matter, when the note has one (a sentence inside it breaks it).
            notes.append(_timed_edit(base, page_url, note, "\n\n", f"\n\n{sentence}\n\n", sentence))
            time.sleep(pause)
            new_title = f"{title} (prøve {run})"
            plans.append(_timed_edit(base, page_url, plan, f"    title: {current}\n", f"    title: {new_title}\n", new_title))
            current = new_title
        return PreviewTimes(len(re.findall(r"^  - id: ", plan.read_text(encoding="utf-8"), re.MULTILINE)), notes, plans, first_build)
    finally:
        process.terminate()
        process.wait(timeout=20)


def report(times: PreviewTimes, serve_args: list[str]) -> str:
    def line(label: str, values: list[float]) -> str:
        median = statistics.median(values)
        verdict = "PASS" if median <= TARGET else "FAIL"
        return f"| {label} | {median:.2f} s | {max(values):.2f} s | {len(values)} | {verdict} |"

    return "\n".join(
        [
            f"Preview at {times.items} items: `mkdocs serve {shlex.join(serve_args)}`; first build and serve {times.first_build:.1f} s. {machine()}",
            "",
            "| save → reloaded page | median | slowest | runs | ≤ 1.0 s |",
            "|---|---:|---:|---:|---|",
            line("a sentence added to an item's note", times.note),
            line("an item's title changed in data/plan.yaml", times.plan),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pause", type=float, default=2.0, help="seconds between edits")
    parser.add_argument("--keep", type=Path, help="write the project here and keep it")
    parser.add_argument("--lived", action="store_true", help="the plan on its period's last day: 16 quarter snapshots and plan-level decisions")
    parser.add_argument("--serve-args", help="options for mkdocs serve instead of those `python3 dev.py serve` uses")
    args = parser.parse_args(argv)
    ensure_environment()  # .venv's Python, as the README's `python3 bench/preview.py` promises
    from bench.synthetic import lived_epoch, write_project

    if args.lived:
        os.environ["SOURCE_DATE_EPOCH"] = lived_epoch()  # mkdocs serve inherits it (dev.environment)

    serve_args = shlex.split(args.serve_args) if args.serve_args is not None else list(dev.SERVE_OPTIONS)
    with tempfile.TemporaryDirectory(prefix="planspor-preview-") as scratch:
        project = args.keep or Path(scratch) / "project"
        write_project(project, args.items, args.seed, lived=args.lived)
        times = measure_preview(project, args.repeat, serve_args, args.pause)
    print(report(times, serve_args))
    return 0 if max(statistics.median(times.note), statistics.median(times.plan)) <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
