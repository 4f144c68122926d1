"""The hooks keep the navigation's HTML per key and show it on every page with that key (hooks/planspor_partials.py).
Two pages with the same key must get every link the same from MkDocs' ``url`` filter, or one page would show another's
links; and pages at different depths must not share a key (what the cache is for: a handful of keys per site)."""

from __future__ import annotations

import sys
from types import ModuleType, SimpleNamespace

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils import normalize_url

PARTS = st.sampled_from(["a", "b", "status", "side-2", "x.html", "assets", ".", ".."])
PATHS = st.lists(PARTS, max_size=4).map("/".join)
PAGE_URLS = st.one_of(st.just(""), PATHS.map(lambda path: path + "/"), PATHS)
TARGETS = st.one_of(PAGE_URLS, st.sampled_from(["https://example.org/a/", "/a/", "#top", "../a/", "assets/images/logo.svg"]))


@pytest.fixture(scope="module")
def partials() -> ModuleType:
    """The module the hooks imported while MkDocs loaded them."""
    load_config(str(REPO / "mkdocs.yml"))
    return sys.modules["planspor_partials"]


def links(targets: list[str], page_url: str) -> list[str]:
    return [normalize_url(target, page=SimpleNamespace(url=page_url)) for target in targets]  # type: ignore[arg-type]


@given(targets=st.lists(TARGETS, min_size=1, max_size=6), first=PAGE_URLS, second=PAGE_URLS)
def test_pages_with_the_same_key_get_the_same_links(partials: ModuleType, targets: list[str], first: str, second: str) -> None:
    starts = partials.link_starts(targets)
    if partials.relative_links_key(first, starts) == partials.relative_links_key(second, starts):
        assert links(targets, first) == links(targets, second)


def test_pages_share_a_key_only_where_their_links_agree(partials: ModuleType) -> None:
    targets = ["", "temaer/", "status/", "udvalg/", "om/", "soeg/"]
    starts = partials.link_starts(targets)
    pages = ["indsatser/a/", "indsatser/b/", "strategier/c/", "udvalg/d/", "status/side-2/", "status/e/side-2/", "aendringer/", "om/"]
    keys = {page: partials.relative_links_key(page, starts) for page in pages}
    assert keys["indsatser/a/"] == keys["indsatser/b/"] == keys["strategier/c/"], "every link climbs two folders"
    assert keys["udvalg/d/"] != keys["indsatser/a/"], "udvalg/d/ links to udvalg/ as ../"
    assert len(set(keys.values())) == len(pages) - 2


def test_the_bundled_navigation_with_its_guide_section_is_kept_for_every_page_outside_the_section(partials: ModuleType) -> None:
    """The guide is a section of the navigation: on a page outside it (every item page) the section is the same
    closed list, so the navigation is rendered once per key; on a page inside it, the section opens, so it is rendered."""
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    config = load_config(str(REPO / "mkdocs.yml"))
    sources = [
        "index.md",
        "om.md",
        "soeg.md",
        *(f"{folder}/index.md" for folder in ("temaer", "status", "udvalg", "strategier", "verdensmaal", "aendringer", "tal", "oekonomi", "rapport")),
    ]
    sources += [f"vejledning/{name}.md" for name in ("index", "indsatser", "status", "noter", "import", "udgiv", "ordliste")]
    sources += ["indsatser/a.md", "indsatser/b.md"]
    files = Files([File(src, config.docs_dir, config.site_dir, config.use_directory_urls) for src in sources])
    for file in files.documentation_pages():
        Page(None, file, config)
    nav = get_navigation(files, config)
    assert any(item.children for item in nav.items), "the bundled navigation has a section (the guide)"

    def key(src: str) -> object:
        page = files.get_file_from_path(src).page  # type: ignore[union-attr]
        for item in nav.pages:
            item.active = False
        page.active = True
        return partials.navigation_key({"page": page, "nav": nav, "config": config})

    assert key("indsatser/a.md") is not None and key("indsatser/a.md") == key("indsatser/b.md")
    assert key("vejledning/noter.md") is None, "a page of the section opens it"
    assert key("om.md") is None, "the current page's entry is marked"
