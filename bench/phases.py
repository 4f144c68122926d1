"""Where a build's time goes, phase by phase, without a profiler's overhead.

    python3 bench/phases.py [--items 1000] [--seed 1]

Times, in one process on a synthetic plan: loading and validating the plan
(``load_project``), making the page sources (``site_sources``) and the part
of that spent writing their YAML front matter, MkDocs reading the front matter
back (``mkdocs.utils.meta.get_data``, PyYAML's pure-Python loader), and for
comparison the same front matter written and read as JSON (valid YAML). The
rest of a build (Markdown, templates, writing files) is the baseline's and is
measured by bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def timed(label: str, fn: Callable[[], T], rows: list[tuple[str, float]]) -> T:
    started = time.process_time()
    value = fn()
    rows.append((label, time.process_time() - started))
    return value


def main(argv: list[str] | None = None) -> int:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench.run import ensure_environment

    ensure_environment()
    import yaml
    from mkdocs.utils import meta

    from bench.synthetic import write_project
    from planspor.pages import site_sources
    from planspor.project import load_project

    parser = argparse.ArgumentParser(prog="python3 bench/phases.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="planspor-phases-") as folder:
        root = Path(folder) / "project"
        write_project(root, args.items, args.seed)
        project = timed("load_project (read, parse and validate plan.yaml and notes)", lambda: load_project(root), rows)
        sources = timed("site_sources (all page sources, front matter included)", lambda: site_sources(project), rows)
    split = [s.text.split("---\n", 2) for s in sources if s.text.startswith("---\n")]
    metas: list[Any] = [yaml.load(parts[1], Loader=yaml.CSafeLoader) for parts in split]
    timed("  for comparison: yaml.dump of the same front matter (CSafeDumper: Python representer)", lambda: [_dump(m, yaml.CSafeDumper) for m in metas], rows)
    timed("  the same front matter as JSON (json.dumps)", lambda: [json.dumps(m, ensure_ascii=False, default=str) for m in metas], rows)
    timed("MkDocs reads the front matter (meta.get_data: PyYAML pure-Python SafeLoader)", lambda: [meta.get_data(s.text) for s in sources], rows)
    as_json = [f"---\n{json.dumps(m, ensure_ascii=False, default=str)}\n---\n\n{parts[2]}" for m, parts in zip(metas, split, strict=True)]
    timed("  the same, front matter written as JSON (still PyYAML)", lambda: [meta.get_data(text) for text in as_json], rows)
    timed("  the same with PyYAML's C loader (CSafeLoader)", lambda: [yaml.load(parts[1], Loader=yaml.CSafeLoader) for parts in split], rows)
    same = all(meta.get_data(a) == meta.get_data(s.text) for a, s in zip(as_json, (s for s in sources if s.text.startswith("---\n")), strict=True))
    size = sum(len(s.text.encode()) for s in sources)
    print(f"{args.items:,} items: {len(sources):,} page sources, {size / 1e6:.1f} MB of Markdown with front matter (CPU seconds)\n")
    print(f"JSON front matter reads back identical to the YAML for every page: {same}\n")
    print("| phase | CPU |\n|---|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.2f} s |")
    return 0


def _dump(data: Any, dumper: type) -> str:
    import yaml

    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)


if __name__ == "__main__":
    sys.exit(main())
