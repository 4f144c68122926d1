#!/usr/bin/env python3
"""Lighthouse on every page type of the bundled site, as the nginx recipe serves it.

    python3 bench/lighthouse.py [--runs 3] [--pages overview,search-results] [--paths vejledning/status/] [--output FILE]

Builds the bundled site, serves it with deploy/nginx/planspor.conf on 127.0.0.1 (compressed and
cached as in production; devtools/nginx_recipe.py), and runs Lighthouse 12.2.3 (pinned in
bench/lighthouse/package-lock.json, installed here with npm ci; 13 needs Node.js 22) in the system
Chromium on each page type of tests/browser_pages.py, for mobile (Lighthouse's default: a
mid-range phone on a slow 4G line, simulated) and desktop. Prints a Markdown table with the
median of the runs for each of the four scores, the page's CLS, and what kept a score under 100.

Targets (issue 17): accessibility, best practices and SEO 100 everywhere; performance at least 95
everywhere, search included, with CLS under 0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from browser_pages import PAGE_TYPES, PageType  # noqa: E402

from devtools import nginx_recipe  # noqa: E402

LIGHTHOUSE_DIR = REPO / "bench" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"


@dataclass(frozen=True)
class Result:
    scores: dict[str, int]
    cls: float
    short_of: list[str]  # the weighted audits that scored under 0.9 in a run


def venv_python() -> Path:
    return REPO / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR)], check=True)


def build(site: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(venv_python()), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=REPO, env=env, check=True)


def lighthouse(url: str, desktop: bool, chromium: str, out: Path) -> Result:
    command = [str(LIGHTHOUSE), url, f"--chrome-path={chromium}", f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={out}", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}", *(["--preset=desktop"] if desktop else [])]
    subprocess.run(command, check=True, capture_output=True, text=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    short_of = sorted(
        {
            ref["id"]
            for name in CATEGORIES
            for ref in report["categories"][name]["auditRefs"]
            if ref.get("weight", 0) > 0 and (report["audits"][ref["id"]].get("score") or 0) < 0.9 and report["audits"][ref["id"]].get("score") is not None
        }
    )
    return Result(scores, report["audits"]["cumulative-layout-shift"]["numericValue"], short_of)


def median(results: list[Result]) -> Result:
    scores = {name: int(statistics.median(r.scores[name] for r in results)) for name in CATEGORIES}
    return Result(scores, statistics.median(r.cls for r in results), sorted({s for r in results for s in r.short_of}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", help="page type names, comma-separated (default: all)")
    parser.add_argument("--paths", help="more pages by their path (e.g. vejledning/status/), comma-separated, measured after the page types")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    chromium = os.environ.get("PLANSPOR_CHROMIUM") or "/usr/bin/chromium"
    wanted = [p for p in PAGE_TYPES if not args.pages or p.name in args.pages.split(",")]
    wanted += [PageType(path, path) for path in (args.paths.split(",") if args.paths else [])]
    pages = [p for p in wanted if p.status == 200]  # Lighthouse refuses a page answered with an error (the 404 page)
    left_out = [p.name for p in wanted if p.status != 200]
    install_lighthouse()
    lines = [
        f"Lighthouse 12.2.3, {args.runs} run(s) per page, median; the bundled site served by deploy/nginx/planspor.conf on 127.0.0.1.",
        "",
        "| page | mobile: perf / a11y / best / SEO (CLS) | desktop: perf / a11y / best / SEO (CLS) | under 90 |",
        "|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(site)
        port = 8790
        with nginx_recipe.running_nginx(site, port, Path(work) / "nginx") as url:
            for page in pages:
                cells, short = [], set()
                for desktop in (False, True):
                    result = median([lighthouse(url + page.path, desktop, chromium, Path(work) / "report.json") for _ in range(args.runs)])
                    cells.append(" / ".join(str(result.scores[name]) for name in CATEGORIES) + f" ({result.cls:.3f})")
                    short |= set(result.short_of)
                lines.append(f"| {page.name} | {cells[0]} | {cells[1]} | {', '.join(sorted(short)) or '–'} |")
                print(lines[-1], flush=True)
    if left_out:
        lines += ["", f"Not measured: {', '.join(left_out)} (Lighthouse does not load a page answered with an error status)."]
    text = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
