"""At 360 px: no page scrolls sideways; a table of items becomes one card per item; anything wider scrolls inside its own box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_pages import BY_NAME, PAGE_TYPES, PHONE, PageType
from browser_support import open_drawer, visit
from conftest import run_mkdocs_build
from playwright.sync_api import Browser, BrowserContext, Page
from server import serve_site
from test_plans import one_plan_project

pytestmark = pytest.mark.browser

TABLE_WRAPS_JS = """() => [...document.querySelectorAll('.ps-table-wrap')].map(wrap => {
  const table = wrap.querySelector('table');
  const before = wrap.scrollLeft;
  wrap.scrollLeft = 40;
  const scrolled = wrap.scrollLeft - before;
  wrap.scrollLeft = before;
  return {
    label: wrap.getAttribute('aria-label'),
    overflowX: getComputedStyle(wrap).overflowX,
    wrapWidth: wrap.clientWidth,
    tableWidth: table ? table.scrollWidth : 0,
    right: wrap.getBoundingClientRect().right,
    scrolled,
  };
})"""


def wide_tables(page: Page) -> list[dict[str, object]]:
    """Every table wrapper; each wider table must scroll inside its wrapper, which stays on screen."""
    wraps: list[dict[str, object]] = page.evaluate(TABLE_WRAPS_JS)
    for wrap in wraps:
        assert float(str(wrap["right"])) <= PHONE["width"] + 0.5, wrap
        if int(str(wrap["tableWidth"])) > int(str(wrap["wrapWidth"])):
            assert wrap["overflowX"] in ("auto", "scroll"), wrap
            assert int(str(wrap["scrolled"])) > 0, f"the wrapper does not scroll: {wrap}"
    return [w for w in wraps if int(str(w["tableWidth"])) > int(str(w["wrapWidth"]))]


def page_width(page: Page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
def test_no_page_scrolls_sideways_on_a_phone(phone: BrowserContext, bundled_url: str, page_type: PageType) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, page_type)
        assert page_width(page) <= PHONE["width"]
        wide_tables(page)
    finally:
        page.close()


CARD_CELLS_JS = """() => [...document.querySelectorAll('table.ps-table tbody tr')].slice(0, 5).map(row =>
  [...row.cells].map(cell => {
    const box = cell.getBoundingClientRect();
    return { text: cell.innerText.trim(), label: getComputedStyle(cell, '::before').content, left: box.left, right: box.right, top: box.top };
  }))"""


@pytest.mark.parametrize("name", ["status-table", "report"])
def test_on_a_phone_every_row_is_a_card_with_every_column_named_and_on_screen(phone: BrowserContext, bundled_url: str, name: str) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, BY_NAME[name])
        headings = page.eval_on_selector("table.ps-table", "t => [...t.tHead.rows[0].cells].map(c => c.innerText.trim().replace(/[↕▲▼]/g, '').trim())")
        rows = page.evaluate(CARD_CELLS_JS)
        assert len(rows) == 5
        for cells in rows:
            title, *rest = cells
            assert title["label"] in ("none", "normal") and title["text"]
            # Column names as the table's own headings say them (sort arrows aside).
            assert [c["label"].strip('"').removesuffix(": ") for c in rest] == [h.removesuffix(" (vejledende)") for h in headings[1:]]
            assert all(c["text"] for c in rest), cells
            assert all(c["left"] >= 0 and c["right"] <= PHONE["width"] for c in cells), cells
            assert [c["top"] for c in cells] == sorted(c["top"] for c in cells) and len({c["top"] for c in cells}) == len(cells), "one line per cell"
        if name == "status-table":
            page.select_option("select[name=status]", "i-gang")  # a filtered table stays cards too
        assert page_width(page) <= PHONE["width"]
    finally:
        page.close()


def test_open_drawer_does_not_scroll_sideways(phone: BrowserContext, bundled_url: str) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, BY_NAME["item-with-note"])
        open_drawer(page)
        assert page_width(page) <= PHONE["width"]
        box = page.locator("nav.md-nav--primary a", has_text="Alle indsatser").first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    finally:
        page.close()


# An editor's table wider than a phone: a school's budget by year, in a note.
WIDE_NOTE_TABLE = """

## Budget pr. skole

| skole | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | i alt |
|---|---:|---:|---:|---:|---:|---:|---:|
| Auning Skole | 1.200 | 2.400 | 3.600 | 1.800 | 900 | 450 | 10.350 |
| Grenaa Skole | 2.100 | 3.300 | 2.700 | 1.500 | 1.200 | 600 | 11.400 |
"""


def test_a_box_that_scrolls_sideways_on_a_phone_is_a_labelled_region_a_keyboard_can_reach(project: Path, tmp_path: Path, browser: Browser) -> None:
    """An editor's table wider than the phone scrolls inside its box; planspor.js makes each such box
    focusable (so arrow keys scroll it) and names it, after the first paint, and only those (the note's
    narrow table fits and is left alone)."""
    note = project / "content/items/renovering-af-skolebygninger.md"
    note.write_text(note.read_text(encoding="utf-8") + WIDE_NOTE_TABLE, encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="da-DK")
    page = context.new_page()
    try:
        with serve_site(tmp_path / "site") as url:
            visit(page, url, PageType("item-with-wide-table", "indsatser/renovering-af-skolebygninger/"))
            page.wait_for_function("document.querySelector('.md-typeset__scrollwrap[role=region]') !== null")
            boxes = page.eval_on_selector_all(
                ".md-typeset pre > code, .md-typeset__scrollwrap",
                """boxes => boxes.map(b => ({code: b.tagName === 'CODE', scrolls: b.scrollWidth > b.clientWidth + 1,
                                            tabindex: b.getAttribute('tabindex'), role: b.getAttribute('role'), label: b.getAttribute('aria-label')}))""",
            )
            assert page_width(page) <= PHONE["width"]
        scrolling = [b for b in boxes if b["scrolls"]]
        assert len(scrolling) == 1 and len(boxes) == 2, boxes
        for box in scrolling:
            label = "Kodeeksempel (kan rulles sidelæns)" if box["code"] else "Tabel (kan rulles sidelæns)"
            assert box == {**box, "tabindex": "0", "role": "region", "label": label}
        assert all(b["tabindex"] is None and b["role"] is None for b in boxes if not b["scrolls"])
    finally:
        context.close()


# Every table cell with text a visitor sees: where it is, whether a box around it cuts it off, its size.
TABLE_CELLS_JS = """() => {
  const width = document.documentElement.clientWidth;
  const hiddenHead = cell => { const head = cell.closest('thead'); return head && getComputedStyle(head).position === 'absolute'; };
  const cells = [...document.querySelectorAll('.md-content table th, .md-content table td')]
    .filter(cell => cell.textContent.trim() && cell.getClientRects().length && !hiddenHead(cell));
  return cells.map(cell => {
    const box = cell.getBoundingClientRect();
    let clippedBy = null;
    for (let up = cell.parentElement; up && !clippedBy; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const outer = up.getBoundingClientRect();
      if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5) clippedBy = up.className || up.tagName;
    }
    return {text: cell.textContent.trim().slice(0, 40), left: box.left, right: box.right, px: parseFloat(getComputedStyle(cell).fontSize),
            clippedBy, offScreen: box.left < -0.5 || box.right > width + 0.5};
  });
}"""
WRAPS_JS = """() => [...document.querySelectorAll('.ps-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)
  .map(w => ({label: w.getAttribute('aria-label'), background: getComputedStyle(w).backgroundImage}))"""
STATIC_PAGES = [p for p in PAGE_TYPES if not p.needs_js]


def assert_every_table_cell_readable(page: Page) -> int:
    """Every cell on screen, cut off by no box, at least 14 px, and the page not wider than the phone; how many cells."""
    assert page_width(page) <= PHONE["width"]
    cells = page.evaluate(TABLE_CELLS_JS)
    for cell in cells:
        assert not cell["offScreen"] and cell["clippedBy"] is None, cell
        assert cell["px"] >= 14, cell
    return len(cells)


@pytest.mark.parametrize("page_type", STATIC_PAGES, ids=[p.name for p in STATIC_PAGES])
def test_on_a_phone_every_number_and_label_in_every_table_is_on_screen_and_readable(phone: BrowserContext, bundled_url: str, page_type: PageType) -> None:
    """A table of numbers becomes one card per row; a table of items one card per item: nothing is off to the side."""
    page = phone.new_page()
    try:
        visit(page, bundled_url, page_type)
        assert_every_table_cell_readable(page)
    finally:
        page.close()


def test_on_a_desktop_a_table_wider_than_its_box_shows_that_it_scrolls(desktop: BrowserContext, bundled_url: str) -> None:
    """The timeline's 16 quarters are wider than the page: the box scrolls, with a shadow on the side where more columns are."""
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME["figures"])
        wide = page.evaluate(WRAPS_JS)
        assert [w["label"] for w in wide] == ["Tabel: Tidslinje: indsatser i gang pr. kvartal"], wide
        assert all(w["background"].count("gradient(") == 4 for w in wide), wide
    finally:
        page.close()


LONG_THEME = "Økonomisk politik, styring og opfølgning på budgettet for hele kommunen, med fokus på de store velfærdsområder og anlægs"
LONG_TITLE = "Analyse af det økonomiske råderum på tværs af alle fagområder, herunder demografi, anlægsbehov og statens tilskud i 2026"


@pytest.fixture(scope="module")
def stretched_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled one-plan plan stretched as a large one is: 24 quarters, 8 budget years, a theme and an item named in 120 characters."""
    assert len(LONG_THEME) == len(LONG_TITLE) == 120
    work = tmp_path_factory.mktemp("stretched")
    project = one_plan_project(work / "project")
    plan = project / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    for old, new in (
        ("period: {start: 2024, end: 2027}", "period: {start: 2024, end: 2029}"),
        (
            "budget: {2024: 0, 2025: -2500, 2026: -5000, 2027: -5000}",
            "budget: {2024: 0, 2025: -2500, 2026: -5000, 2027: -5000, 2028: -5000, 2029: -5000, 2030: 12500, 2031: -15000}",
        ),
        ("    title: Økonomisk Politik\n", f"    title: {LONG_THEME}\n"),
        ("    title: Analyse af det økonomiske råderum\n", f"    title: {LONG_TITLE}\n"),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    plan.write_text(text, encoding="utf-8")
    result = run_mkdocs_build(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(work / "site") as url:
        yield url


# The stretched plan is the one-plan plan, which has no plan pages.
ONE_PLAN_PAGES = [p for p in STATIC_PAGES if not p.path.startswith("planer/")]
# The pages whose tables the stretched plan makes longer or wider: each must have tables to check.
STRETCHED_TABLES = {"budget", "figures", "theme", "status-table", "report", "item-with-note", "committee"}


@pytest.mark.parametrize("page_type", ONE_PLAN_PAGES, ids=[p.name for p in ONE_PLAN_PAGES])
def test_a_large_plans_tables_keep_every_number_on_a_phone(phone: BrowserContext, stretched_site: str, page_type: PageType) -> None:
    name = page_type.name
    page = phone.new_page()
    try:
        visit(page, stretched_site, page_type)
        assert assert_every_table_cell_readable(page) or name not in STRETCHED_TABLES, "the page has tables"
        if name == "budget":
            labels = page.eval_on_selector_all("table.ps-budget-table tbody tr:first-child td", "tds => tds.map(td => td.dataset.label)")
            assert labels == [str(year) for year in range(2024, 2032)] + ["I alt"], "eight years and the total, each named"
        if name == "figures":
            assert page.locator("#tidslinje table tbody tr:first-child td").count() == 24, "24 quarters"
    finally:
        page.close()


@pytest.mark.parametrize("name", ["figures", "budget"])
def test_a_large_plans_wide_tables_show_on_a_desktop_that_they_scroll(desktop: BrowserContext, stretched_site: str, name: str) -> None:
    page = desktop.new_page()
    try:
        visit(page, stretched_site, BY_NAME[name])
        wide = page.evaluate(WRAPS_JS)
        if name == "figures":
            assert "Tabel: Tidslinje: indsatser i gang pr. kvartal" in [w["label"] for w in wide], "24 quarters are wider than the page"
        assert all(w["background"].count("gradient(") == 4 for w in wide), wide
    finally:
        page.close()
