"""Published addresses stay: no item that an earlier version of the plan had may vanish.

Every item has a page at /indsatser/<id>/, and a previous id keeps a page that
forwards to the new one. Deleting an item, or renaming it without writing its
old id in `previous_ids`, would turn links that citizens and journalists have
shared into "Siden findes ikke". `planspor check --sammenlign-med <git ref>`
compares the plan with the one at that ref (the pull request's base, the
commit before a push) and names every address that would disappear.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from . import addresses
from .model import Plan
from .problems import Problem
from .project import PLAN_FILE


class ComparisonFailed(Exception):
    """The earlier plan could not be read; the message says why, in Danish."""


def earlier_plan_text(root: Path, ref: str) -> str | None:
    """data/plan.yaml as it was at `ref`; None when the plan did not exist then (nothing was published)."""
    git = shutil.which("git")
    if git is None:
        raise ComparisonFailed("git findes ikke på maskinen, så planen kan ikke sammenlignes med en tidligere version.")
    known = subprocess.run([git, "-C", str(root), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], capture_output=True, text=True, check=False)
    if known.returncode != 0:
        raise ComparisonFailed(f"Versionen '{ref}' findes ikke i git-historikken. Hent den først (fx git fetch origin main), eller skriv en anden.")
    shown = subprocess.run([git, "-C", str(root), "show", f"{ref}:./{PLAN_FILE}"], capture_output=True, check=False)
    if shown.returncode != 0:
        return None
    return shown.stdout.decode("utf-8-sig", errors="replace")


def item_ids(raw: Any) -> dict[str, str]:
    """Every item id and previous id of a plan read as plain YAML, with the item's title."""
    items = raw.get("items") if isinstance(raw, dict) else None
    found: dict[str, str] = {}
    for entry in items if isinstance(items, list) else []:
        if not isinstance(entry, dict):
            continue
        title = str(entry.get("title") or entry.get("id") or "")
        for ident in [entry.get("id"), *(entry.get("previous_ids") or [])]:
            if isinstance(ident, str) and ident:
                found[ident] = title
    return found


def vanished_items(plan: Plan, plan_text: str, earlier_text: str, ref: str) -> list[Problem]:
    """A problem for each item address the earlier plan had and this one has not."""
    try:
        earlier = item_ids(yaml.safe_load(earlier_text))
    except yaml.YAMLError:
        raise ComparisonFailed(f"Planen i '{ref}' kan ikke læses, så den kan ikke sammenlignes med.") from None
    kept = {item.id for item in plan.items} | {old for item in plan.items for old in item.previous_ids}
    line = _items_line(plan_text)
    return [
        Problem(
            PLAN_FILE,
            line,
            "items",
            f"Indsatsen '{ident}' ({title}) er ikke i planen længere, men var der i '{ref}'. Dens side, /{addresses.item(ident)}, "
            "kan være delt og linket til, og den ville forsvinde. En indsats, der ikke skal gennemføres, bliver i planen "
            "med status Udgået og en begrundelse. Har den fået et nyt id, så skriv det gamle under previous_ids på indsatsen: "
            f"previous_ids: [{ident}].",
        )
        for ident, title in earlier.items()
        if ident not in kept
    ]


def _items_line(text: str) -> int | None:
    match = re.search(r"^items:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
