"""Several plans cost what their items cost: five plans of 300 items against one plan of 1,500 (issue 21).

Both projects come from bench/synthetic.py with the same seed and the same 1,500 items; the second
spreads them over five udmøntningsplaner (earlier_plans, each item's plans, one in three carried into
the next plan), so it also has /planer/ and five plan pages. Each is built with `mkdocs build --strict`
(hooks and Pagefind), alternately, ``--repeat`` times; the report is the median of each and of the
ratio of each pair (pairs keep the ratio fair when the machine's speed drifts).

    python3 bench/plans.py                 # 5 pairs
    python3 bench/plans.py --repeat 9 --keep /tmp/plans-bench
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_project

ITEMS, PLANS = 1500, 5
TARGET = 1.2  # issue 21: five plans of 300 items within 1.2x of one plan of 1,500


def build(project: Path) -> float:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"The build of {project} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="pairs of builds (default: %(default)s)")
    parser.add_argument("--keep", type=Path, help="keep the two projects and their sites in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="planspor-plans-bench-"))
    one, several = folder / "one-plan", folder / f"{PLANS}-plans"
    for project in (one, several):
        shutil.rmtree(project, ignore_errors=True)
    write_project(one, ITEMS)
    write_project(several, ITEMS, plans=PLANS)
    build(one), build(several)  # warm the page cache and Python's bytecode
    singles, multiples, ratios = [], [], []
    for _ in range(args.repeat):
        a, b = build(several), build(one)
        multiples.append(a)
        singles.append(b)
        ratios.append(a / b)
    pages = [len(list((p / "site").rglob("*.html"))) for p in (one, several)]
    ratio = statistics.median(ratios)
    print(f"| | one plan of {ITEMS:,} items | {PLANS} plans of {ITEMS // PLANS} items |")
    print("|---|---:|---:|")
    print(f"| build (hooks + Pagefind), median of {args.repeat} | {statistics.median(singles):.2f} s | {statistics.median(multiples):.2f} s |")
    print(f"| HTML pages | {pages[0]:,} | {pages[1]:,} |")
    print(f"\nRatio, median of the pairs: {ratio:.2f}x (target <= {TARGET}x): {'PASS' if ratio <= TARGET else 'FAIL'}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
