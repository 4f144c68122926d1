"""Honesty about time: last confirmed, 'not updated since', 'past planned end', moved timings.

The reference date is the plan's data_as_of, never the machine's clock.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import run_mkdocs_build

OLD_ITEM = """  - id: gammel-indsats
    title: En indsats ingen har set på længe
    theme: effektiviseringer
    kind: driftsaendring
    committees: [oekonomiudvalget]
    strategic: false
    timing: {start: 2023-Q4, end: 2024-Q1}
    history:
      - date: 2023-12-15
        status: i-gang
        comment: Arbejdet er gået i gang.
  - id: flyttet-indsats
    title: En indsats, hvis slut er flyttet
    theme: effektiviseringer
    kind: driftsaendring
    committees: [oekonomiudvalget]
    strategic: false
    timing: {start: 2024-Q1, end: 2024-Q2}
    history:
      - date: 2024-01-15
        status: i-gang
      - date: 2024-09-20
        timing: {end: 2025-Q2}
        comment: Udskudt, fordi udbuddet tog længere tid.
"""


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_notices_stand_beside_the_status_an_editor_set(project: Path, tmp_path: Path) -> None:
    plan = project / "data/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + OLD_ITEM, encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site", SOURCE_DATE_EPOCH="1900000000")  # a clock far after data_as_of
    assert result.returncode == 0, result.stderr
    old = page(tmp_path / "site", "indsatser/gammel-indsats")
    assert old.select_one(".ps-item__status .ps-badge__label").get_text() == "I gang"
    flags = [li.get_text(" ", strip=True) for li in old.select(".ps-flags li")]
    assert flags == [
        "Ikke opdateret siden 15. december 2023 (mere end 6 måneder før data-datoen 1. oktober 2024).",
        "Planlagt slut (1. kvartal 2024) er passeret, men indsatsen er ikke afsluttet.",
    ]
    assert " ".join(old.select_one(".ps-item__confirmed").get_text().split()) == "Status senest bekræftet 15. december 2023."

    moved = page(tmp_path / "site", "indsatser/flyttet-indsats")
    assert moved.select(".ps-flags li") == [], "confirmed in September, end moved into 2025: nothing to flag"
    facts = moved.select_one(".ps-facts__list").get_text(" ", strip=True)
    assert "1. kvartal 2024 – 2. kvartal 2025 (flyttet; oprindeligt 1. kvartal 2024 – 2. kvartal 2024)" in facts
    history = moved.select_one(".ps-history").get_text(" ", strip=True)
    assert "Slut flyttet fra 2. kvartal 2024 til 2. kvartal 2025" in history  # only the end moved: only the end is named

    row = next(tr for tr in page(tmp_path / "site", "temaer/effektiviseringer").select("tbody tr") if "gammel-indsats" in tr.a["href"])
    assert [f.get_text() for f in row.select(".ps-row-flag")] == ["ikke opdateret", "slut passeret"]


def test_finished_and_dropped_items_are_never_flagged(bundled_site) -> None:  # type: ignore[no-untyped-def]
    soup = bundled_site.soup("/status/")
    for row in soup.select("#ps-all-items tbody tr"):
        if row["data-status"] in ("afsluttet", "udgaaet"):
            assert row.select(".ps-row-flag") == [], row.a.get_text()
