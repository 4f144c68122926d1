"""What was renamed: every previous id in the plan, by the address folder it was published under.

An item, a theme and a committee can each have had other ids (``previous_ids``). Three parts of
Planspor must agree on what those old ids name now: the forwarding pages at the old addresses
(pages), the nginx recipe's 301s (host_redirects) and the links by id in editors' Markdown
(document_checks), where ``tema:<old>`` still goes to the theme. They all read it from here.
"""

from __future__ import annotations

from . import addresses
from .model import Plan


def renamed(plan: Plan) -> dict[str, dict[str, str]]:
    """Address folder → {old id: the id it names now}, for the folders whose entries can be renamed."""
    return {
        addresses.ITEMS: {old: item.id for item in plan.items for old in item.previous_ids},
        addresses.THEMES: {old: theme.id for theme in plan.themes for old in theme.previous_ids},
        addresses.COMMITTEES: {old: committee.id for committee in plan.committees for old in committee.previous_ids},
    }


def former_names(plan: Plan) -> dict[str, dict[str, tuple[str, ...]]]:
    """Address folder → {current id: its previous ids}, for the themes and committees that have any:
    what addresses.former_sources needs to name the old addresses of their pages."""
    return {
        addresses.THEMES: {theme.id: theme.previous_ids for theme in plan.themes if theme.previous_ids},
        addresses.COMMITTEES: {committee.id: committee.previous_ids for committee in plan.committees if committee.previous_ids},
    }
