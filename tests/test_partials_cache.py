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
