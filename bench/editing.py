#!/usr/bin/env python3
"""The editing commands' benchmark: `planspor status` and `planspor flyt` against `planspor check`.

    python3 bench/editing.py [--sizes 300,2000] [--repeat 5] [--keep DIR] [--seed 1]

For each size it writes a synthetic project (bench/synthetic.py) and times
the whole process of `planspor check`, `planspor status <id> i-gang
--kommentar x` and `planspor flyt <id> --slut <period> --kommentar x`, each
``repeat`` times, the three in turn; plan.yaml is put back (untimed) before
every edit, so each run makes the same change. It prints the median wall and CPU time of each,
the ratio of each edit to `check`, and PASS/FAIL for the target: an edit on
2,000 items within 2× of `planspor check` on the same plan. An edit reads,
validates and writes the plan, so a check is the floor it is measured against.

Runs under .venv's Python, like bench/run.py.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.run import Run, machine, measure  # noqa: E402

DEFAULT_SIZES = (300, 2_000)
TARGET_SIZE = 2_000
TARGET_RATIO = 2.0
NEW_END = "2027-Q4"


@dataclass(frozen=True)
class Timings:
    items: int
    check: Run
    status: Run
    move: Run


def median(runs: list[Run]) -> Run:
    """The median wall and CPU time of several runs (peak memory: the largest)."""
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs), max(r.peak_rss for r in runs))


def edit_target(project: Path) -> tuple[str, str]:
    """An item both edits can change, and the day to date them: the plan's data_as_of."""
    from planspor.project import load_plan

    plan = load_plan(project)
    as_of = plan.info.data_as_of
    for item in reversed(plan.items):
        start, end = item.timing.start, item.timing.end
        fits = not item.history or item.history[-1].date <= as_of
        if fits and (end is None or end.text != NEW_END) and (start is None or start.first.year <= 2027):
            return item.id, as_of.isoformat()
    raise SystemExit(f"No item in {project} can be given a new status and moved to {NEW_END}.")


def time_edits(items: int, folder: Path, seed: int, repeat: int) -> Timings:
    """Write a project of ``items`` items and time check, status and flyt on it."""
    from bench.synthetic import write_project

    if folder.exists():
        shutil.rmtree(folder)
    project = folder / "project"
    write_project(project, items, seed)
    log = folder / "logs"
    log.mkdir()
    plan_file = project / "data" / "plan.yaml"
    pristine = plan_file.read_bytes()
    ident, day = edit_target(project)
    base = [sys.executable, "-m", "planspor.cli", "--projekt", str(project)]
    commands = {
        "check": [*base, "check"],
        "status": [*base, "status", ident, "i-gang", "--kommentar", "x", "--dato", day],
        "flyt": [*base, "flyt", ident, "--slut", NEW_END, "--kommentar", "x", "--dato", day],
    }
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for turn in range(1, repeat + 1):
        # Round by round, so that a busy moment on a shared machine slows all three alike.
        print(f"[{items:>6} items] check, status, flyt: round {turn} of {repeat} ...", file=sys.stderr, flush=True)
        for name, command in commands.items():
            plan_file.write_bytes(pristine)
            runs[name].append(measure(command, project, log / f"{name}.txt"))
            if name != "check" and plan_file.read_bytes() == pristine:
                raise SystemExit(f"planspor {name} changed nothing: see {log / f'{name}.txt'}")
    plan_file.write_bytes(pristine)
    return Timings(items, median(runs["check"]), median(runs["status"]), median(runs["flyt"]))


def report(results: list[Timings]) -> str:
    """The Markdown tables: medians per size, and the target."""

    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    def seconds(run: Run) -> str:
        return f"{run.wall:.2f} s ({run.cpu:.2f} s)"

    lines = [
        row("items", [f"{r.items:,}" for r in results]),
        "|---|" + "---:|" * len(results),
        row("`planspor check`: wall (CPU), median", [seconds(r.check) for r in results]),
        row("`planspor status`: wall (CPU), median", [seconds(r.status) for r in results]),
        row("`planspor flyt`: wall (CPU), median", [seconds(r.move) for r in results]),
        row("status / check (wall)", [f"{r.status.wall / r.check.wall:.2f}×" for r in results]),
        row("flyt / check (wall)", [f"{r.move.wall / r.check.wall:.2f}×" for r in results]),
    ]
    target = next((r for r in results if r.items == TARGET_SIZE), None)
    if target:
        worst = max(target.status.wall, target.move.wall) / target.check.wall
        verdict = "PASS" if worst <= TARGET_RATIO else "FAIL"
        lines += [
            "",
            "| target | measured | result |",
            "|---|---|---|",
            f"| status and flyt on {TARGET_SIZE:,} items within {TARGET_RATIO:g}× of `planspor check` | {worst:.2f}× (the slower of the two) | {verdict} |",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from bench.run import ensure_environment

    ensure_environment()
    parser = argparse.ArgumentParser(prog="python3 bench/editing.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated numbers of items (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command; the median is reported (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="keep the generated projects in this folder")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed (default: %(default)s)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    folder = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="planspor-bench-editing-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        results = [time_edits(size, folder / str(size), args.seed, args.repeat) for size in sizes]
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"Command: `python3 bench/editing.py --sizes {args.sizes} --repeat {args.repeat}`  \nMachine: {machine()}\n\n{report(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
