"""The nginx recipe's redirects (deploy/nginx/planspor.conf includes them): real HTTP redirects.

The site answers every old address on any host with a small forwarding page (an item's previous
ids, the /was/ page). On the municipality's own nginx these lines make them redirects, which
search engines and link checkers follow as moves: 301 for an item's old address (it never comes
back), 302 for /was (the statement's address is the statement tool's and may change). Written by
`planspor omdirigeringer`, for a site at the root of its domain (SITE_URL=https://<host>/).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import addresses
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


def nginx_redirects(plan: Plan, statement_url: str) -> Redirects:
    """One `location = … { return … }` per old address, and /was when a statement is given."""
    lines = [HEADER.rstrip("\n")]
    moves = [(old, item.id) for item in plan.items for old in item.previous_ids]
    lines.append(f"\n# Items with a new id ({len(moves)}): the old address moved for good.")
    for old, new in sorted(moves):
        lines.append(f"location = {_path(addresses.item_source(old))} {{ return 301 {_path(addresses.item_source(new))}; }}")
    lines.append("\n# Digitaliseringsstyrelsen's <domain>/was: the accessibility statement (extra.accessibility_statement_url).")
    if statement_url:
        for was in ("/was", _path(addresses.ACCESSIBILITY)):
            lines.append(f'location = {was} {{ return 302 "{statement_url}"; }}')
    else:
        lines.append("# None given yet: /was/ is the site's page saying so.")
    return Redirects("\n".join(lines) + "\n", len(moves), bool(statement_url))


def _path(src_uri: str) -> str:
    return "/" + addresses.url_of(src_uri)
