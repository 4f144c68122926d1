"""Every public address of the site, in one place: a contract with every citizen who saved a link.

Pages are named by their source path (``temaer/skoler.md``, MkDocs' ``src_uri``); a page's address is
derived from it by one rule, :func:`url_of` (``temaer/skoler/``). Everything that names a page or a file
of the site (the page sources, link rewriting in notes, the checks on editors' files, open data, feeds,
the import's address column, the published-address comparison, the templates) asks this module, so an
address is spelled once and a new dimension (several plans, dated pages) changes one module.

It also says who owns which address. Planspor owns its generated pages; an editor's Markdown file whose
address is one of them either adds its text to that page (:data:`TEXT_PAGES` and the id folders' pages,
as the overview, about and theme pages have always done) or is refused, naming both. Addresses are
site-relative: no leading slash, directories ending in '/'; templates pass them through MkDocs' ``url``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# -- pages of one kind, named by an id -------------------------------------------------------------

ITEMS = "indsatser"
THEMES = "temaer"
COMMITTEES = "udvalg"
STRATEGIES = "strategier"
SDGS = "verdensmaal"
STATUSES = "status"
CHANGES = "aendringer"
REPORTS = "rapport"
PLANS = "planer"  # the municipality's udmøntningsplaner, once the site holds more than one


def item_source(item_id: str) -> str:
    return f"{ITEMS}/{item_id}.md"


def theme_source(theme_id: str) -> str:
    return f"{THEMES}/{theme_id}.md"


def committee_source(committee_id: str) -> str:
    return f"{COMMITTEES}/{committee_id}.md"


def strategy_source(strategy_id: str) -> str:
    return f"{STRATEGIES}/{strategy_id}.md"


def sdg_source(number: int | str) -> str:
    return f"{SDGS}/{number}.md"


def status_view_source(status_id: str) -> str:
    return f"{STATUSES}/{status_id}.md"


def changes_quarter_source(year: int, quarter: int) -> str:
    return f"{CHANGES}/{year}-k{quarter}.md"


def plan_source(plan_id: str) -> str:
    """An udmøntningsplan's own page, named by its period: /planer/2024-2027/."""
    return f"{PLANS}/{plan_id}.md"


def snapshot_source(plan_id: str, day: str) -> str:
    """A plan as it stood on a day (``day`` as ÅÅÅÅ-MM-DD): /aendringer/2024-2027/2024-03-31/. Under the
    changes, which list them, on a site with one plan and with several alike: the address names the plan,
    so it stays when a second plan arrives, and a site with one plan gets no /planer/ (a period is never
    a quarter page's '2024-k1')."""
    return f"{CHANGES}/{plan_id}/{day}.md"


def snapshot_changes_source(plan_id: str, day: str) -> str:
    """The changes up to a snapshot when there are more than a page holds: /aendringer/2024-2027/2024-03-31/aendringer/."""
    return f"{CHANGES}/{plan_id}/{day}/{CHANGES}.md"


def committee_report_source(committee_id: str) -> str:
    return f"{REPORTS}/{COMMITTEES}/{committee_id}.md"


def report_part_source(base_source: str, theme_id: str) -> str:
    """A theme's part of a report too long for one page: /rapport/temaer/<tema>/, /rapport/udvalg/<udvalg>/<tema>/."""
    folder = f"{REPORTS}/{THEMES}/" if base_source == REPORT else url_of(base_source)
    return f"{folder}{theme_id}.md"


def item(item_id: str) -> str:
    return url_of(item_source(item_id))


def theme(theme_id: str) -> str:
    return url_of(theme_source(theme_id))


def committee(committee_id: str) -> str:
    return url_of(committee_source(committee_id))


def strategy(strategy_id: str) -> str:
    return url_of(strategy_source(strategy_id))


def strength(strategy_id: str, strength_id: str) -> str:
    """A strength (det blå, det grønne) is a section of its strategy's page."""
    return f"{strategy(strategy_id)}#{strength_id}"


def sdg(number: int | str) -> str:
    return url_of(sdg_source(number))


def status_view(status_id: str) -> str:
    return url_of(status_view_source(status_id))


def plan(plan_id: str) -> str:
    return url_of(plan_source(plan_id))


def snapshot(plan_id: str, day: str) -> str:
    return url_of(snapshot_source(plan_id, day))


def snapshot_json(plan_id: str, day: str) -> str:
    """A snapshot's open data, in its page's folder: /aendringer/2024-2027/2024-03-31/stand.json."""
    return f"{snapshot(plan_id, day)}stand.json"


def snapshot_csv(plan_id: str, day: str) -> str:
    """A snapshot's items for Danish Excel, in its page's folder: /aendringer/2024-2027/2024-03-31/stand.csv."""
    return f"{snapshot(plan_id, day)}stand.csv"


def committee_report(committee_id: str) -> str:
    return url_of(committee_report_source(committee_id))


# -- pages of their own ----------------------------------------------------------------------------

OVERVIEW = "index.md"
ABOUT = "om.md"
SEARCH = "soeg.md"
STATUS_TABLE = f"{STATUSES}/index.md"
THEME_INDEX = f"{THEMES}/index.md"
COMMITTEE_INDEX = f"{COMMITTEES}/index.md"
STRATEGY_INDEX = f"{STRATEGIES}/index.md"
SDG_INDEX = f"{SDGS}/index.md"
CHANGE_LIST = f"{CHANGES}/index.md"
FIGURES = "tal/index.md"
BUDGET = "oekonomi/index.md"
REPORT = f"{REPORTS}/index.md"
PLAN_INDEX = f"{PLANS}/index.md"
# Digitaliseringsstyrelsen expects a public body's accessibility statement at <domain>/was: the page
# forwards to the statement configured in mkdocs.yml (extra.accessibility_statement_url).
ACCESSIBILITY = "was.md"
# Editors' pages the site's chrome links to (content/vejledning/index.md, content/privatliv.md).
GUIDE = "vejledning/index.md"
# The guide was one page until it was split by task (a page of 46 KB took a phone seconds to lay
# out). Links into the one page keep working: /vejledning/ sends an anchor that is no longer on
# it to the section's page (planspor.js), relative to the guide's address.
GUIDE_MOVED_ANCHORS: dict[str, str] = {
    "tilfoej-en-indsats": "indsatser/#tilfoej-en-indsats",
    "i-haanden": "indsatser/#i-haanden",
    "med-kommandoen": "indsatser/#med-kommandoen",
    "skift-status": "status/#skift-status",
    "statusserne": "status/#statusserne",
    "med-kommandoen_1": "status/#med-kommandoen",
    "i-haanden_1": "status/#i-haanden",
    "naar-en-indsats-udgaar": "status/#naar-en-indsats-udgaar",
    "flyt-et-tidspunkt": "status/#flyt-et-tidspunkt",
    "med-kommandoen_2": "status/#med-kommandoen_1",
    "i-haanden_2": "status/#i-haanden_1",
    "saadan-skriver-du-et-tidspunkt": "status/#saadan-skriver-du-et-tidspunkt",
    "giv-en-indsats-et-nyt-id": "status/#giv-en-indsats-et-nyt-id",
    "skriv-en-note": "noter/#skriv-en-note",
    "markdown-paa-fem-minutter": "noter/#markdown-paa-fem-minutter",
    "link-til-en-anden-del-af-planen": "noter/#link-til-en-anden-del-af-planen",
    "billeder-pdf-er-og-tilladt-markup": "noter/#billeder-pdf-er-og-tilladt-markup",
    "en-beskrivelse-til-soegemaskiner-valgfri": "noter/#en-beskrivelse-til-soegemaskiner-valgfri",
    "tekst-paa-planens-egne-sider": "noter/#tekst-paa-planens-egne-sider",
    "tilfoej-en-strategi": "indsatser/#tilfoej-en-strategi",
    "importer-fra-regnearket": "import/#importer-fra-regnearket",
    "start-fra-planen-som-den-er": "import/#start-fra-planen-som-den-er",
    "importer-fra-word": "import/#importer-fra-word",
    "se-siden-paa-din-egen-computer": "udgiv/#se-siden-paa-din-egen-computer",
    "aabn-en-pull-request": "udgiv/#aabn-en-pull-request",
    "laes-en-fejlmeddelelse": "udgiv/#laes-en-fejlmeddelelse",
    "ukendt-id": "udgiv/#ukendt-id",
    "status-udgaaet-uden-begrundelse": "udgiv/#status-udgaaet-uden-begrundelse",
    "forkert-datoformat": "udgiv/#forkert-datoformat",
    "tabulator": "udgiv/#tabulator",
    "saadan-ser-det-ud-i-en-pull-request": "udgiv/#saadan-ser-det-ud-i-en-pull-request",
    "almindelige-fejl": "udgiv/#almindelige-fejl",
    "ordliste-og-feltoversigt": "ordliste/",
    "felterne-paa-en-indsats": "ordliste/#felterne-paa-en-indsats",
    "felterne-i-et-punkt-i-historikken": "ordliste/#felterne-i-et-punkt-i-historikken",
    "ord-du-moeder": "ordliste/#ord-du-moeder",
}

PRIVACY = "privatliv.md"

# -- files -----------------------------------------------------------------------------------------

DATA_JSON = "data/plan.json"
DATA_CSV = "data/plan.csv"
DATA_MILESTONES_CSV = "data/milepaele.csv"
DATA_MEASUREMENTS_CSV = "data/maalinger.csv"
DATA_SCHEMA = "data/plan.schema.json"
DATA_SNAPSHOT_SCHEMA = "data/stand.schema.json"  # the schema of every snapshot's stand.json
DATA_CATALOGUE = "data/katalog.ttl"  # the open data described in DCAT-AP-DK, for the national dataset catalogue
CHANGES_FEED = "feeds/aendringer.xml"
STATUS_CSS = "assets/planspor-statuses.css"
ICON_SPRITE = "assets/planspor-icons.svg"
SEARCH_BUNDLE = "pagefind/"


def theme_feed(theme_id: str) -> str:
    return f"feeds/{THEMES}/{theme_id}.xml"


# -- the rule from source to address, and long listings ---------------------------------------------

PAGE_PREFIX = "side-"


# Where an id of the plan stands in the source of a page named by it (after splitting on '/', '.md'
# removed): a theme's and a committee's page and its later pages, the report's part for a theme, a
# committee's report and its parts per theme. Renaming the theme or committee moves all of them.
_ID_SLOTS: dict[tuple[str, ...], dict[int, str]] = {
    (THEMES,): {1: THEMES},
    (COMMITTEES,): {1: COMMITTEES},
    (REPORTS, THEMES): {2: THEMES},
    (REPORTS, COMMITTEES): {2: COMMITTEES, 3: THEMES},
}


def former_sources(src_uri: str, former: Mapping[str, Mapping[str, Sequence[str]]]) -> list[str]:
    """The sources a generated page had under its theme's or committee's previous ids.

    ``former`` is folder → {current id: previous ids} (former_ids.former_names). 'temaer/skoler/side-2.md'
    of a theme that was 'skole' had 'temaer/skole/side-2.md'; each such address keeps a forwarding page."""
    parts = src_uri.removesuffix(".md").split("/")
    slots = next((slots for lead, slots in _ID_SLOTS.items() if tuple(parts[: len(lead)]) == lead), {})
    choices = [[part, *former.get(slots[index], {}).get(part, ())] if index in slots and part != "index" else [part] for index, part in enumerate(parts)]
    return ["/".join(names) + ".md" for names in itertools.product(*choices) if list(names) != parts]


def url_of(src_uri: str) -> str:
    """A page's address from its source: 'index.md' -> '', 'temaer/index.md' -> 'temaer/', 'om.md' -> 'om/'."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"


def page_part_source(base_source: str, number: int) -> str:
    """Page number of a long listing: the first at its own source, then <address>side-2.md and on."""
    return base_source if number == 1 else f"{url_of(base_source)}{PAGE_PREFIX}{number}.md"


def absolute(site_url: str, address: str) -> str:
    """An address for a feed or data file: absolute when the public site_url ('https://…/') is known."""
    return f"{site_url}{address}"


# -- links by id in editors' Markdown ---------------------------------------------------------------

LINK_SCHEMES = {
    "indsats": item_source,
    "tema": theme_source,
    "udvalg": committee_source,
    "strategi": strategy_source,
    "verdensmaal": sdg_source,
}
# The folder whose ids each scheme names ('tema:skoler' names an id of temaer/).
SCHEME_FOLDERS = {"indsats": ITEMS, "tema": THEMES, "udvalg": COMMITTEES, "strategi": STRATEGIES, "verdensmaal": SDGS}


def site_links() -> dict[str, str]:
    """The addresses every page's chrome links to (header search, footer, 404, cross links)."""
    return {
        "overview": url_of(OVERVIEW),
        "about": url_of(ABOUT),
        "search": url_of(SEARCH),
        "status": url_of(STATUS_TABLE),
        "themes": url_of(THEME_INDEX),
        "committees": url_of(COMMITTEE_INDEX),
        "strategies": url_of(STRATEGY_INDEX),
        "sdgs": url_of(SDG_INDEX),
        "changes": url_of(CHANGE_LIST),
        "figures": url_of(FIGURES),
        "budget": url_of(BUDGET),
        "report": url_of(REPORT),
        "plans": url_of(PLAN_INDEX),
        "guide": url_of(GUIDE),
        "privacy": url_of(PRIVACY),
        "accessibility": url_of(ACCESSIBILITY),
        "search_bundle": SEARCH_BUNDLE,
        "icons": ICON_SPRITE,
    }


# -- who owns an address ----------------------------------------------------------------------------

# Generated pages that take an editor's text above their own content: the file's name is the page's source.
TEXT_PAGES = (OVERVIEW, ABOUT, SEARCH, STATUS_TABLE, THEME_INDEX, COMMITTEE_INDEX, STRATEGY_INDEX, SDG_INDEX)
# Folders whose pages are named by an id in the plan; '<folder>/<id>.md' takes an editor's text.
ID_FOLDERS = {
    THEMES: ("tema", "Tekster til temaer", "tema-id"),
    COMMITTEES: ("udvalg", "Tekster til udvalg", "udvalgs-id"),
    STRATEGIES: ("strategi", "Tekster til strategier", "strategi-id"),
    SDGS: ("verdensmål", "Tekster til verdensmål", "nummer"),
}
# Folders whose every address is Planspor's: an editor's file there would replace or shadow a generated one.
GENERATED_FOLDERS = {
    ITEMS: "indsatsernes sider",
    STATUSES: "statusvisningerne",
    CHANGES: "ændringerne",
    "tal": "tal og grafer",
    "oekonomi": "økonomien",
    REPORTS: "statusrapporterne",
    PLANS: "planernes sider",
    "data": "de åbne data",
    "feeds": "feeds med ændringer",
    "pagefind": "søgeindekset",
    "was": "tilgængelighedserklæringens adresse",
}
GENERATED_ASSETS = (STATUS_CSS, ICON_SPRITE)
_TEXT_PAGE_AT = {url_of(src_uri): src_uri for src_uri in TEXT_PAGES}


@dataclass(frozen=True)
class Owner:
    """What a generated address is, for a message that names both it and the editor's file."""

    address: str
    what: str


def generated_owner(src_uri: str) -> Owner | None:
    """The generated page or file at an editor's file's address; None when the address is the editor's.

    ``src_uri`` is the file's path under content/. Pages that take an editor's text and id folders are
    not answered here (see :func:`takes_text` and :func:`id_folder_of`)."""
    if src_uri in GENERATED_ASSETS:
        return Owner(src_uri, "en fil, som Planspor laver")
    address = url_of(src_uri) if src_uri.endswith(".md") else src_uri
    text_page = _TEXT_PAGE_AT.get(address) if src_uri.endswith(".md") else None
    if text_page is not None:
        return None if text_page == src_uri else Owner(address, f"en side, hvis tekst skal stå i content/{text_page}")
    folder = address.split("/", 1)[0]
    if folder in GENERATED_FOLDERS and not takes_text(src_uri):
        return Owner(f"{folder}/", GENERATED_FOLDERS[folder])
    if folder in ID_FOLDERS and address.removeprefix(folder + "/").startswith(PAGE_PREFIX):
        return Owner(address, "en af listens sider")
    return None


def takes_text(src_uri: str) -> bool:
    return src_uri in TEXT_PAGES


def id_folder_of(src_uri: str) -> tuple[str, str] | None:
    """('temaer', 'skoler') for 'temaer/skoler.md'; None outside the id folders (and for their index)."""
    folder, _, name = src_uri.rpartition("/")
    if folder not in ID_FOLDERS or name == "index.md" or not name.endswith(".md"):
        return None
    return folder, name.removesuffix(".md")


def duplicate_addresses(src_uris: Iterable[str]) -> dict[str, list[str]]:
    """Editors' pages that land on one address ('status.md' and 'status/index.md'): address -> files."""
    by_address: dict[str, list[str]] = {}
    for src_uri in src_uris:
        by_address.setdefault(url_of(src_uri), []).append(src_uri)
    return {address: sorted(files) for address, files in by_address.items() if len(files) > 1}
