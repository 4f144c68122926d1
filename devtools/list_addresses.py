"""Print a built site's public addresses, one a line: the text of tests/data/published-addresses.txt.

    python -m devtools.list_addresses <site folder> [--commit <sha>]

Each address is written as its path from the domain ('/' for the home page, '/data/plan.csv'), so
no line is empty. With --commit, the first line is a comment saying which commit the site was built
from and how.
The committed list only ever grows: an address that no longer answers gets a forwarding page, it is
not taken off the list (tests/test_addresses.py). The rule for what an address is lives in
tests/site_addresses.py, which the test uses too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.site_addresses import public_addresses

BUILT_WITH = "mkdocs build -d <site>"
LISTED_WITH = "python -m devtools.list_addresses <site>"


def listing(site: Path, commit: str) -> str:
    """The file's text: the header when the commit is known, then the addresses."""
    header = [f"# Public addresses of the bundled site at commit {commit}: {BUILT_WITH} in a worktree of it, then {LISTED_WITH} --commit {commit}"]
    lines = (header if commit else []) + [f"/{address}" for address in public_addresses(site)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("site", type=Path, help="the built site's folder (mkdocs build -d …)")
    parser.add_argument("--commit", default="", help="the commit the site was built from, for the first line")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        sys.stderr.write(f"{args.site} is not a built site (no index.html)\n")
        return 1
    sys.stdout.write(listing(args.site, args.commit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
