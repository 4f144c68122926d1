"""Item pages link editors to the note and the item's line on the repository host."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, run_mkdocs_build

REPOSITORY = "https://github.com/norddjurs-kommune/planspor"


def line_of_item(item_id: str) -> int:
    lines = (REPO / "data/plan.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("items:")
    return lines.index(f"  - id: {item_id}", start) + 1


def test_edit_links_point_at_the_note_and_the_plan_line(tmp_path: Path) -> None:
    result = run_mkdocs_build(REPO, tmp_path / "site", PLANSPOR_REPOSITORY_URL=REPOSITORY, PLANSPOR_REPOSITORY_BRANCH="udgivelse")
    assert result.returncode == 0, result.stderr
    with_note = BeautifulSoup((tmp_path / "site/indsatser/budget-i-balance/index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(" ", strip=True): a["href"] for a in with_note.select(".ps-edit a")}
    assert links["Redigér noten"] == f"{REPOSITORY}/edit/udgivelse/content/items/budget-i-balance.md"
    line = line_of_item("budget-i-balance")
    assert links[f"Se indsatsen i planfilen (linje {line})"] == f"{REPOSITORY}/blob/udgivelse/data/plan.yaml#L{line}"
    assert links["Redigér planfilen"] == f"{REPOSITORY}/edit/udgivelse/data/plan.yaml"

    notes = {p.stem for p in (REPO / "content/items").glob("*.md")}
    items = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))["items"]
    without = next(item["id"] for item in items if item["id"] not in notes)
    soup = BeautifulSoup((tmp_path / f"site/indsatser/{without}/index.html").read_text(encoding="utf-8"), "html.parser")
    new_note = soup.find("a", string="Skriv en note")
    assert new_note is not None and new_note["href"] == f"{REPOSITORY}/new/udgivelse/content/items?filename={without}.md"


def test_no_edit_links_without_a_configured_repository(bundled_site) -> None:  # type: ignore[no-untyped-def]
    assert bundled_site.soup("/indsatser/budget-i-balance/").select(".ps-edit") == []
