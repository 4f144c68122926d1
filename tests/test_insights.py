"""Charts, budget totals and the council report, checked against data/plan.yaml read independently."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import pdf_page_sizes, pdf_text
from conftest import REPO, BuiltSite


def raw_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))


def status_of(item: dict[str, Any]) -> str:
    return [e["status"] for e in item["history"] if "status" in e][-1]


def danish(value: Decimal) -> str:
    sign = "−" if value < 0 else ""
    whole = f"{int(abs(value)):,}".replace(",", ".")
    fraction = abs(value) - int(abs(value))
    return sign + whole + (("," + f"{fraction.normalize():f}".split(".")[1]) if fraction else "")


def test_budget_totals_per_theme_and_year(bundled_site: BuiltSite) -> None:
    plan = raw_plan()
    years = sorted({y for i in plan["items"] for y in (i.get("budget") or {})})
    sums = {t["id"]: dict.fromkeys(years, Decimal(0)) for t in plan["themes"]}
    for item in plan["items"]:
        for year, amount in (item.get("budget") or {}).items():
            sums[item["theme"]][year] += Decimal(str(amount))
    soup = bundled_site.soup("/oekonomi/")
    table = soup.select_one("table.ps-budget-table")
    assert "1.000 kr." in table.caption.get_text() and "besparelser" in table.caption.get_text()
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Tema", *map(str, years), "I alt"]
    for row, theme in zip(table.select("tbody tr"), plan["themes"], strict=True):
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        expected = [sums[theme["id"]][y] for y in years] + [sum(sums[theme["id"]].values(), Decimal(0))]
        assert cells == [danish(v) + (" (besparelse)" if v < 0 else "") for v in expected], theme["id"]
    assert any(v < 0 for s in sums.values() for v in s.values()), "the bundled plan has savings to show"


def test_charts_are_static_svg_with_text_alternatives_and_tables(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/tal/")
    figures = soup.select("figure.ps-figure")
    assert len(figures) == 2
    for figure in figures:
        svg = figure.select_one("svg.ps-chart")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find(id=title_id).get_text() and len(svg.find(id=desc_id).get_text()) > 40
        assert figure.select_one("table.ps-chart-table") is not None
    assert not soup.find("script", src=lambda s: s and "chart" in s.lower()), "no chart library in the browser"
    plan = raw_plan()
    table = figures[0].select_one("table")
    labels = [s["label"] for s in plan["statuses"]]
    for row, theme in zip(table.select("tbody tr"), plan["themes"], strict=True):
        counts = Counter(status_of(i) for i in plan["items"] if i["theme"] == theme["id"])
        expected = [str(counts[s["id"]]) for s in plan["statuses"]] + [str(sum(counts.values()))]
        assert [td.get_text() for td in row.select("td")] == expected
    assert [th.get_text() for th in table.select("thead th")][1:] == [*labels, "I alt"]
    bars = {r.title.get_text() for r in figures[0].select("svg rect")}
    for theme in plan["themes"]:
        counts = Counter(status_of(i) for i in plan["items"] if i["theme"] == theme["id"])
        for status in plan["statuses"]:
            if counts[status["id"]]:
                assert f"{status['label']}: {counts[status['id']]}" in bars


def test_report_lists_the_whole_plan_by_theme_with_date_and_notice(bundled_site: BuiltSite) -> None:
    plan = raw_plan()
    soup = bundled_site.soup("/rapport/")
    text = " ".join(soup.get_text(" ").split())
    assert "Data pr. 1. oktober 2024" in text and "Eksempeldata." in text
    groups = soup.select("section.ps-report__group")
    assert [g.h2.get_text(strip=True) for g in groups] == [t["title"] for t in plan["themes"]]
    for group, theme in zip(groups, plan["themes"], strict=True):
        titles = sorted(a.get_text(strip=True) for a in group.select("tbody td:first-child a"))
        assert titles == sorted(i["title"] for i in plan["items"] if i["theme"] == theme["id"])


@pytest.mark.parametrize("committee", raw_plan()["committees"], ids=lambda c: c["id"])
def test_report_per_committee_holds_exactly_its_items(bundled_site: BuiltSite, committee: dict[str, Any]) -> None:
    soup = bundled_site.soup(f"/rapport/udvalg/{committee['id']}/")
    titles = sorted(a.get_text(strip=True) for a in soup.select("section.ps-report__group tbody td:first-child a"))
    assert titles == sorted(i["title"] for i in raw_plan()["items"] if committee["id"] in i["committees"])


@pytest.mark.browser
def test_report_prints_on_a4_without_site_chrome(bundled_url: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(bundled_url + "rapport/")
    page.emulate_media(media="print")
    pdf = tmp_path / "rapport.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.close()
    text = pdf_text(pdf)
    sizes = pdf_page_sizes(pdf)
    # A4 is 595.28 by 841.89 points; Chromium rounds it to whole pixels (595.92 by 842.88), within ISO 216's 2 mm.
    assert sizes and all(abs(width - 595.28) < 2 and abs(height - 841.89) < 2 for width, height in sizes), f"not A4: {sizes}"
    assert "Statusrapport" in text and "Data pr. 1. oktober 2024" in text and "Eksempeldata." in text
    for theme in raw_plan()["themes"][:3]:
        assert theme["title"].split()[0] in text
    for chrome in ("Søg i planen", "Udskriv rapporten", "Rapport pr. udvalg", "Tilbage til start"):
        assert chrome not in text, chrome


# -- charts on a phone: a second, narrow drawing of each chart --------------------------


@pytest.mark.parametrize("url", ["/tal/", "/oekonomi/"])
def test_each_chart_is_drawn_wide_and_narrow_with_ids_of_its_own(bundled_site: BuiltSite, url: str) -> None:
    soup = bundled_site.soup(url)
    figures = soup.select("figure.ps-figure")
    assert figures
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "ids are unique on the page"
    for figure in figures:
        wide, narrow = figure.select("svg.ps-chart")
        assert "ps-chart--wide" in wide["class"] and "ps-chart--narrow" in narrow["class"]
        heading = figure.select_one("h2")
        description = wide.select_one("desc")
        assert heading is not None and description is not None
        for svg in (wide, narrow):
            assert svg["role"] == "img"
            title_id, desc_id = str(svg["aria-labelledby"]).split()
            title, desc = svg.find(id=title_id), svg.find(id=desc_id)
            assert title is not None and title.get_text() == heading.get_text()
            assert desc is not None and desc.get_text() == description.get_text()
            assert all(rect.title and rect.title.get_text() for rect in svg.select("rect")), "every bar names itself"
        wrap, narrow_wrap = wide.find_parent("div"), narrow.find_parent("div")
        assert wrap is not None and narrow_wrap is not None
        assert "ps-chart-wrap--wide" in wrap["class"] and wrap["tabindex"] == "0" and wrap["role"] == "region" and wrap["aria-label"]
        # The bundled plan fits a phone: no narrow chart scrolls, so none needs a hint or a tab stop.
        assert not figure.select(".ps-chart-hint") and not narrow_wrap.has_attr("tabindex")


def test_narrow_charts_fit_their_width_and_a_long_timeline_scrolls() -> None:
    import dataclasses

    from planspor import charts
    from planspor.project import load_plan

    plan = load_plan(REPO)
    status, timeline, budget = charts.status_by_theme(plan), charts.timeline(plan), charts.budget_chart(plan)
    for chart in (status, timeline, budget):
        narrow = chart["narrow"]
        assert narrow["width"] == charts.NARROW_WIDTH and not narrow["scrolls"]
        assert len(narrow["rows"]) == len(plan.themes)
        for row, theme in zip(narrow["rows"], plan.themes, strict=True):
            assert " ".join(line["text"] for line in row["lines"]) == theme.title, "whole names: the bundled ones fit in two lines"
            assert all(len(line["text"]) <= charts.NARROW_LABEL_CHARS for line in row["lines"])
    for row, theme in zip(budget["rows"], plan.themes, strict=True):
        assert " ".join(line["text"] for line in row["lines"]) == theme.title, "the wide budget chart's names are whole on one or two lines"
        assert [y["amount"] for y in row["years"]] == [
            danish(charts.budget_totals(plan)["sums"][theme.id][year]) for year in charts.budget_totals(plan)["years"]
        ]
    shapes = [(b["x"], b["width"]) for row in status["narrow"]["rows"] for b in row["bars"]]
    shapes += [(c["x"], c["width"]) for row in timeline["narrow"]["rows"] for c in row["cells"]]
    shapes += [(y["bar"]["x"], y["bar"]["width"]) for row in budget["narrow"]["rows"] for y in row["years"] if y["bar"]]
    assert all(x >= 0 and x + width <= charts.NARROW_WIDTH + 0.1 for x, width in shapes)
    totals = charts.budget_totals(plan)
    amounts = [y["amount"] for row in budget["narrow"]["rows"] for y in row["years"]]
    assert amounts == [danish(totals["sums"][t.id][year]) for t in plan.themes for year in totals["years"]]
    zero = budget["narrow"]["zero"]
    for row, theme in zip(budget["narrow"]["rows"], plan.themes, strict=True):
        for y in row["years"]:
            value = totals["sums"][theme.id][y["year"]]
            assert (y["bar"] is None) == (value == 0)
            if value > 0:
                assert y["bar"]["x"] == zero
            elif value < 0:
                assert abs(y["bar"]["x"] + y["bar"]["width"] - zero) < 0.2
    longer = dataclasses.replace(plan, info=dataclasses.replace(plan.info, period_end=plan.info.period_end + 3))
    narrow = charts.timeline(longer)["narrow"]
    assert narrow["scrolls"] and narrow["width"] > charts.NARROW_WIDTH
    assert all(c["width"] >= charts.NARROW_MIN_CELL - 2 for row in narrow["rows"] for c in row["cells"])
