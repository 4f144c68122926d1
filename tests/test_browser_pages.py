"""The page-type list of the browser tests says what it claims to (no browser needed)."""

from __future__ import annotations

from typing import Any

import yaml
from browser_pages import (
    BY_NAME,
    ITEM_DROPPED,
    ITEM_WITH_INDICATOR,
    ITEM_WITH_MILESTONES,
    ITEM_WITH_NOTE,
    ITEM_WITHOUT_NOTE,
    PAGE_TYPES,
    REDIRECT_FROM,
    REDIRECT_TO,
)
from conftest import REPO


def plan_items() -> dict[str, Any]:
    plan = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))
    return {item["id"]: item for item in plan["items"]}


def test_page_types_are_named_once_and_point_where_they_claim() -> None:
    assert len(BY_NAME) == len(PAGE_TYPES)
    items = plan_items()
    notes = REPO / "content" / "items"
    assert (notes / f"{ITEM_WITH_NOTE}.md").is_file()
    assert not (notes / f"{ITEM_WITHOUT_NOTE}.md").exists()
    assert ITEM_WITHOUT_NOTE in items and ITEM_WITH_NOTE in items
    dropped = [entry["status"] for entry in items[ITEM_DROPPED]["history"] if "status" in entry][-1]
    assert dropped == "udgaaet"
    assert BY_NAME["item-with-note"].path == f"indsatser/{ITEM_WITH_NOTE}/"
    assert BY_NAME["item-without-note"].path == f"indsatser/{ITEM_WITHOUT_NOTE}/"
    assert BY_NAME["item-dropped"].path == f"indsatser/{ITEM_DROPPED}/"
    assert REDIRECT_FROM in items[REDIRECT_TO]["previous_ids"]
    milestones = items[ITEM_WITH_MILESTONES]["milestones"]
    assert any("reached" in m for m in milestones) and not all("reached" in m for m in milestones)
    assert any("decision" in entry for entry in items[ITEM_WITH_MILESTONES]["history"])
    assert items[ITEM_WITH_INDICATOR]["indicators"][0]["measurements"]
    assert BY_NAME["item-with-milestones"].path == f"indsatser/{ITEM_WITH_MILESTONES}/"
    assert BY_NAME["item-with-indicator"].path == f"indsatser/{ITEM_WITH_INDICATOR}/"
