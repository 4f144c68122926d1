"""The public addresses of a built site: what a citizen, a journalist or a harvester may have saved.

tests/data/published-addresses.txt holds them as the site had them at one commit, and
tests/test_addresses.py asserts each still answers; devtools/list_addresses.py prints them for a
site folder. Both use :func:`public_addresses`, so the rule is stated once, here.
"""

from __future__ import annotations

from pathlib import Path

# Internal and renamed by design, so nobody can depend on their names: the theme's files (hashed names,
# and Planspor's own stylesheet and icons that only the pages load), the search bundle (Pagefind names
# its fragments by hash), and the page a server shows for an address that does not exist.
INTERNAL_FOLDERS = ("assets", "pagefind")
INTERNAL_FILES = ("404.html",)
PAGE_FILE = "index.html"


def public_addresses(site: Path) -> list[str]:
    """Every public address of the built site at ``site``, sorted, site-relative with no leading slash.

    One rule: a folder with index.html is a page, and its address is the folder ('indsatser/x/'; the
    site's root is ''); every other file is an address of its own ('data/plan.csv', 'feeds/…',
    'sitemap.xml', 'robots.txt', an editor's file under filer/), except what is internal and renamed
    by design: the folders in INTERNAL_FOLDERS and the files in INTERNAL_FILES. Hidden files (a
    name starting with '.') are a host's settings, never an address, and are left out too.
    """
    found = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        parts = path.relative_to(site).parts
        if parts[0] in INTERNAL_FOLDERS or any(part.startswith(".") for part in parts):
            continue
        relative = "/".join(parts)
        if relative in INTERNAL_FILES:
            continue
        found.append(relative.removesuffix(PAGE_FILE) if parts[-1] == PAGE_FILE else relative)
    return sorted(found)
