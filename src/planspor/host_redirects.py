"""The nginx recipe's redirects (deploy/nginx/planspor.conf includes them): real HTTP redirects.

The site answers every old address on any host with a small forwarding page (the previous ids of an
item, a theme or a committee, the /was/ page). On the municipality's own nginx these lines make them
redirects, which search engines and link checkers follow as moves: 301 for a renamed entry's old
address (it never comes back), 302 for /was (the statement's address is the statement tool's and may change). Written by
`planspor omdirigeringer`, for a site at the root of its domain (SITE_URL=https://<host>/).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import addresses
from .former_ids import renamed
from .model import Plan

HEADER = """\
# Written by `planspor omdirigeringer` from data/plan.yaml and mkdocs.yml: do not edit by hand,
# write it again after a change (deploy/nginx/planspor.conf includes it, placeholder @@REDIRECTS@@).
"""


@dataclass(frozen=True)
class Redirects:
    """The include file's text, and what it says: for the command to report without reading it back."""

    text: str
    moved_items: int  # old item addresses sent on with 301
    statement: bool  # /was and /was/ sent on to the accessibility statement with 302
    moved_others: int = 0  # old addresses of renamed themes and committees sent on with 301


def nginx_redirects(plan: Plan, statement_url: str) -> Redirects:
    """One `location = … { return … }` per old address, and /was when a statement is given."""
    lines = [HEADER.rstrip("\n")]
    moves = sorted(renamed(plan)[addresses.ITEMS].items())
    lines.append(f"\n# Items with a new id ({len(moves)}): the old address moved for good.")
    for old, new in moves:
        lines.append(f"location = {_path(addresses.item_source(old))} {{ return 301 {_path(addresses.item_source(new))}; }}")
    moved_pages = _renamed_pages(plan)
    lines.append(f"\n# Themes and committees with a new id ({len(moved_pages)} addresses): their pages, a theme's feed, a committee's report.")
    lines.extend(f"location = {old} {{ return 301 {new}; }}" for old, new in moved_pages)
    lines.append("\n# Digitaliseringsstyrelsen's <domain>/was: the accessibility statement (extra.accessibility_statement_url).")
    if statement_url:
        for was in ("/was", _path(addresses.ACCESSIBILITY)):
            lines.append(f'location = {was} {{ return 302 "{statement_url}"; }}')
    else:
        lines.append("# None given yet: /was/ is the site's page saying so.")
    return Redirects("\n".join(lines) + "\n", len(moves), bool(statement_url), len(moved_pages))


def _renamed_pages(plan: Plan) -> list[tuple[str, str]]:
    """(old path, new path) for every address a theme's or a committee's previous id had: its page, a
    theme's Atom feed (a reader follows a 301 and keeps its subscription), a committee's report. The pages
    of a long listing after the first (side-2/ …) keep their forwarding pages: nginx serves them as files."""
    moves: list[tuple[str, str]] = []
    for old, new in sorted(renamed(plan)[addresses.THEMES].items()):
        moves.append((_path(addresses.theme_source(old)), _path(addresses.theme_source(new))))
        moves.append(("/" + addresses.theme_feed(old), "/" + addresses.theme_feed(new)))
    for old, new in sorted(renamed(plan)[addresses.COMMITTEES].items()):
        moves.append((_path(addresses.committee_source(old)), _path(addresses.committee_source(new))))
        moves.append((_path(addresses.committee_report_source(old)), _path(addresses.committee_report_source(new))))
    return moves


def _path(src_uri: str) -> str:
    return "/" + addresses.url_of(src_uri)
