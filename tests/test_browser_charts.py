"""Charts on a phone and on a desktop: complete, readable, one drawing per figure.

Each chart is drawn twice, wide and narrow (names above the bars); CSS shows
the narrow one up to 44.9375em and the wide one above. At 360 px every bar and
every text of the narrow chart is on screen and its text is at least 12 CSS px;
at 1280 px the wide chart shows. A timeline too long for a phone keeps its size,
scrolls inside a focusable region and says so.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from browser_pages import BY_NAME, DESKTOP, PHONE
from browser_support import visit
from conftest import run_mkdocs_build
from playwright.sync_api import Browser, BrowserContext, Page
from server import serve_site
from test_insights import danish, raw_plan
from test_plans import with_one_plan

pytestmark = pytest.mark.browser

MIN_TEXT_PX = 12
CHART_PAGES = ["figures", "budget"]

FIGURES_JS = """() => [...document.querySelectorAll('figure.ps-figure')].map(figure => ({
  id: figure.id,
  svgs: figure.querySelectorAll('svg.ps-chart').length,
  visible: [...figure.querySelectorAll('svg.ps-chart')]
    .filter(svg => svg.getClientRects().length > 0 && getComputedStyle(svg).visibility === 'visible')
    .map(svg => svg.getAttribute('class')),
}))"""

# The chart a visitor sees in a figure: its texts (font size as drawn, in CSS px) and its bars.
SHOWN_CHART_JS = """figure => {
  const svg = [...figure.querySelectorAll('svg.ps-chart')].find(s => s.getClientRects().length > 0);
  const scale = svg.getScreenCTM().a;
  const box = r => { const b = r.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width }; };
  const wrap = svg.closest('.ps-chart-wrap');
  return {
    cls: svg.getAttribute('class'),
    scale,
    svg: box(svg),
    wrap: { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth },
    texts: [...svg.querySelectorAll('text')].map(t => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, ...box(t) })),
    bars: [...svg.querySelectorAll('rect')].map(r => ({ title: r.querySelector('title').textContent, ...box(r) })),
    zero: [...svg.querySelectorAll('line')].map(l => l.getBoundingClientRect().left),
  };
}"""


def figures(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(FIGURES_JS)
    return found


def shown_chart(page: Page, figure_id: str) -> dict[str, Any]:
    chart: dict[str, Any] = page.eval_on_selector(f"figure#{figure_id}", SHOWN_CHART_JS)
    return chart


def page_width(page: Page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


def budget_sums() -> dict[str, dict[int, Decimal]]:
    plan = raw_plan()
    years = sorted({y for i in plan["items"] for y in (i.get("budget") or {})})
    sums = {t["title"]: dict.fromkeys(years, Decimal(0)) for t in plan["themes"]}
    themes = {t["id"]: t["title"] for t in plan["themes"]}
    for item in plan["items"]:
        for year, amount in (item.get("budget") or {}).items():
            sums[themes[item["theme"]]][year] += Decimal(str(amount))
    return sums


def assert_readable_and_on_screen(chart: dict[str, Any], width: int) -> None:
    """Every text at least 12 CSS px and inside the viewport; every bar inside the viewport."""
    assert chart["texts"], chart["cls"]
    for text in chart["texts"]:
        assert text["px"] >= MIN_TEXT_PX, text
        assert text["left"] >= -0.5 and text["right"] <= width + 0.5, text
    assert chart["bars"], chart["cls"]
    for bar in chart["bars"]:
        assert bar["left"] >= -0.5 and bar["right"] <= width + 0.5, bar


@pytest.mark.parametrize("name", CHART_PAGES)
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_exactly_one_drawing_of_each_chart_shows_and_is_announced(request: pytest.FixtureRequest, bundled_url: str, name: str, width: str) -> None:
    context: BrowserContext = request.getfixturevalue(width)
    page = context.new_page()
    try:
        visit(page, bundled_url, BY_NAME[name])
        found = figures(page)
        assert found, "the page has charts"
        for figure in found:
            assert figure["svgs"] == 2, figure
            assert len(figure["visible"]) == 1, figure
            assert ("ps-chart--narrow" if width == "phone" else "ps-chart--wide") in figure["visible"][0], figure
            title = page.locator(f"figure#{figure['id']} h2").inner_text()
            # The hidden drawing is display: none, so it is not in the accessibility tree.
            assert page.get_by_role("img", name=title).count() == 1, title
        ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
        assert len(ids) == len(set(ids)), "ids are unique on the page"
    finally:
        page.close()


@pytest.mark.parametrize("name", CHART_PAGES)
def test_on_a_phone_charts_are_whole_and_their_text_is_at_least_12_px(phone: BrowserContext, bundled_url: str, name: str) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, BY_NAME[name])
        assert page_width(page) <= PHONE["width"]
        for figure in figures(page):
            chart = shown_chart(page, figure["id"])
            assert "ps-chart--narrow" in chart["cls"]
            assert_readable_and_on_screen(chart, PHONE["width"])
            # Complete without scrolling: the bundled plan's charts fit, so no hint is shown.
            assert chart["wrap"]["scrollWidth"] <= chart["wrap"]["clientWidth"], chart["wrap"]
            assert not page.locator(f"figure#{figure['id']} .ps-chart-hint").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_every_budget_bar_shows_with_its_amount_and_side_of_zero(request: pytest.FixtureRequest, bundled_url: str, width: str) -> None:
    """On a phone and on a desktop alike: each theme's whole name, each bar on its side of zero and its amount beside it."""
    context: BrowserContext = request.getfixturevalue(width)
    viewport = PHONE if width == "phone" else DESKTOP
    page = context.new_page()
    try:
        visit(page, bundled_url, BY_NAME["budget"])
        chart = shown_chart(page, "budget-pr-tema")
        assert ("ps-chart--narrow" if width == "phone" else "ps-chart--wide") in chart["cls"]
        bars = {bar["title"]: bar for bar in chart["bars"]}
        texts = [t["text"] for t in chart["texts"]]
        zeros = set(round(x) for x in chart["zero"])
        assert len(zeros) == 1, "one zero line for all themes"
        names = " ".join(t["text"] for t in chart["texts"])
        zero = zeros.pop()
        sums = budget_sums()
        largest = max(abs(v) for years in sums.values() for v in years.values())
        for theme, years in sums.items():
            assert theme in names, f"the whole name {theme!r}, on one or two lines"
            for year, value in years.items():
                if not value:
                    continue
                title = f"{theme}, {year}: {danish(value)} (1.000 kr.){' besparelse' if value < 0 else ''}"
                bar = bars.pop(title)
                assert bar["left"] >= 0 and bar["right"] <= viewport["width"], bar
                if value > 0:
                    assert bar["left"] >= zero - 1 and bar["width"] > 0, bar
                else:
                    assert bar["right"] <= zero + 1, bar
                if abs(value) == largest:
                    assert bar["width"] >= max(b["width"] for b in chart["bars"]) - 0.5, "the largest amount gets the longest bar"
                    assert bar["width"] > chart["svg"]["width"] / 4, "and it is long enough to compare the others with"
                assert danish(value) in texts, f"the amount {danish(value)} is written beside its bar"
        assert bars == {}, "no bar without an amount in the plan"
    finally:
        page.close()


@pytest.mark.parametrize("name", CHART_PAGES)
def test_on_a_desktop_the_wide_chart_shows_whole_and_readable(desktop: BrowserContext, bundled_url: str, name: str) -> None:
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME[name])
        for figure in figures(page):
            chart = shown_chart(page, figure["id"])
            assert "ps-chart--wide" in chart["cls"]
            assert_readable_and_on_screen(chart, DESKTOP["width"])
            assert chart["svg"]["width"] >= 640, "the wide chart is drawn at least at its own size"
            assert chart["wrap"]["scrollWidth"] <= chart["wrap"]["clientWidth"], chart["wrap"]
    finally:
        page.close()


def test_a_timeline_too_long_for_a_phone_scrolls_in_a_focusable_region_with_a_hint(project: Path, tmp_path: Path, browser: Browser) -> None:
    with_one_plan(project)  # a plan stretched to 2030: the one-plan plan, whose period no item names
    plan = project / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "period: {start: 2024, end: 2027}" in text
    plan.write_text(text.replace("period: {start: 2024, end: 2027}", "period: {start: 2024, end: 2030}"), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(tmp_path / "site") as url:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="da-DK")
        page = context.new_page()
        try:
            visit(page, url, BY_NAME["figures"])
            assert page_width(page) <= PHONE["width"]
            hint = page.locator("figure#tidslinje .ps-chart-hint")
            assert hint.is_visible() and hint.inner_text() == "Rul sidelæns for at se hele tidslinjen."
            wrap = page.locator("figure#tidslinje .ps-chart-wrap--narrow")
            assert wrap.get_attribute("tabindex") == "0" and wrap.get_attribute("role") == "region"
            assert wrap.get_attribute("aria-label") == "Diagram: Tidslinje: indsatser i gang pr. kvartal"
            chart = shown_chart(page, "tidslinje")
            assert chart["wrap"]["scrollWidth"] > chart["wrap"]["clientWidth"], "the long timeline scrolls inside its box"
            for text in chart["texts"]:
                assert text["px"] >= MIN_TEXT_PX, text
            wrap.focus()
            assert page.evaluate("document.activeElement.classList.contains('ps-chart-wrap--narrow')")
            for _ in range(5):
                page.keyboard.press("ArrowRight")
            # Keyboard scrolling may be animated: wait for it rather than read it at once.
            page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=5_000)
            # The status chart has no more themes than before: it fits, without a hint.
            assert not page.locator("figure#status-pr-tema .ps-chart-hint").count()
        finally:
            page.close()
            context.close()


INDICATOR_JS = """figure => {
  const shown = [...figure.querySelectorAll('svg.ps-chart')].filter(s => s.getClientRects().length > 0);
  const svg = shown[0];
  const scale = svg.getScreenCTM().a;
  const box = r => { const b = r.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; };
  return {
    shown: shown.map(s => s.getAttribute('class')),
    texts: [...svg.querySelectorAll('text')].map(t => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, ...box(t) })),
    marks: [...svg.querySelectorAll('circle, polyline, line, path, polygon')].map(box),
  };
}"""


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_indicator_chart_shows_once_whole_readable_and_named_by_its_numbers(request: pytest.FixtureRequest, bundled_url: str, width: str) -> None:
    context: BrowserContext = request.getfixturevalue(width)
    viewport = PHONE["width"] if width == "phone" else DESKTOP["width"]
    page = context.new_page()
    try:
        visit(page, bundled_url, BY_NAME["item-with-indicator"])
        assert page_width(page) <= viewport
        figure = page.locator("figure.ps-indicator").first
        chart: dict[str, Any] = figure.evaluate(INDICATOR_JS)
        expected = "ps-chart--narrow" if width == "phone" else "ps-chart--wide"
        assert len(chart["shown"]) == 1 and expected in chart["shown"][0], chart["shown"]
        for text in chart["texts"]:
            assert text["px"] >= MIN_TEXT_PX, text
            assert text["left"] >= -0.5 and text["right"] <= viewport + 0.5, text
        assert chart["marks"] and all(m["left"] >= -0.5 and m["right"] <= viewport + 0.5 for m in chart["marks"])
        # One image in the accessibility tree, named by the sentence that says its numbers.
        name = "Energiforbrug i kommunens bygninger: udgangspunkt 24.500 MWh (31. december 2023), mål 22.000 MWh (31. december 2025), seneste måling 23.600 MWh (30. juni 2024): på rette vej."
        assert page.get_by_role("img", name=name).count() == 1
        assert figure.locator(".ps-indicator__track").inner_text().strip() == "På rette vej"
    finally:
        page.close()
