"""Render the navigation once per distinct set of links, not once per page.

The primary navigation (``theme_overrides/partials/nav.html``) is the same on every page that
the navigation does not mark, except for its links, which MkDocs' ``url`` filter makes relative
to the page. At 1,000 items that is over 1,100 pages (items, committees, tables) with a handful
of distinct navigations, one per depth and section, and the partial was a twentieth of the
Jinja time of a build (a tenth once the guide became a section of its own, while sections were
left out of the cache). So the hooks keep its HTML for each distinct set of relative links and
render it again only where the page itself, or a section, changes it.

This is a cache, not a second way of writing the HTML: a miss renders the partial as Jinja
always does, and the plain MkDocs build of ``planspor eksport`` (no hooks) renders it on every
page; ``tests/test_cli.py`` compares the two sites byte for byte. It holds as long as the
partial reads nothing of the page but the links the key covers (its comment says so).
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Hashable, Iterable, Iterator
from urllib.parse import urlsplit

import jinja2
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

NAV_PARTIAL = "partials/nav.html"

RenderFunction = Callable[[Context], Iterator[str]]
Key = Callable[[Context], Hashable | None]


def cache_navigation(env: jinja2.Environment) -> None:
    """Wrap the navigation partial of this environment (MkDocs makes one per build, so the HTML kept is this build's)."""
    template = env.get_template(NAV_PARTIAL)
    template.root_render_func = cached(template.root_render_func, navigation_key)


def cached(render: RenderFunction, key: Key) -> RenderFunction:
    """``render``, with its output kept per key; a key of None renders as usual."""
    outputs: dict[Hashable, str] = {}

    def render_once(context: Context) -> Iterator[str]:
        found = key(context)
        if found is None:
            yield from render(context)
            return
        if (html := outputs.get(found)) is None:
            html = outputs[found] = "".join(render(context))
        yield html

    return render_once


def navigation_key(context: Context) -> Hashable | None:
    """What makes one page's navigation differ from another's: the links, relative to the page.

    None (render it) for a page the navigation marks as the current or an active one (the
    current page's entry, and every section above it, which MkDocs marks active: they open
    per page), and without a page (the 404 page, whose links are from the site's root). A
    section no page of which is the current one renders the same closed list everywhere.
    """
    page, nav = context.get("page"), context.get("nav")
    if not isinstance(page, Page) or not isinstance(nav, Navigation) or nav.homepage is None:
        return None
    if any(item is page or item.active for item in nav.items):
        return None
    return relative_links_key(page.url, _link_starts(nav, context["config"].theme.get("logo")))


@functools.lru_cache(maxsize=1)
def _link_starts(nav: Navigation, logo: str | None) -> frozenset[tuple[str, ...]]:
    """The leading parts of every link the navigation partial makes, once per navigation.

    The links: the home page, every entry of the navigation and of its sections, and the image
    of Material's logo partial if the theme has one.
    """
    links = [nav.homepage.url if nav.homepage else "", *entry_links(nav.items)]
    return link_starts([*links, logo] if logo else links)


def entry_links(entries: Iterable[object]) -> Iterator[str]:
    """The address of every page and link in the navigation, sections' entries included (a section has none of its own)."""
    for entry in entries:
        children = getattr(entry, "children", None)
        if children:
            yield from entry_links(children)
        else:
            yield str(getattr(entry, "url", ""))


def link_starts(links: list[str]) -> frozenset[tuple[str, ...]]:
    """Every leading part of the path of every link the ``url`` filter makes relative to the page, and the empty one."""
    return frozenset([(), *(parts[:n] for parts in (_parts(link) for link in links if _relative(link)) for n in range(1, len(parts) + 1))])


def relative_links_key(page_url: str, starts: frozenset[tuple[str, ...]]) -> Hashable:
    """A key equal for two pages exactly when MkDocs' ``url`` filter makes every link the same from both.

    ``mkdocs.utils.get_relative_url`` climbs from the page's folder to the part it shares with
    the link's target and descends from there: a link depends on the folder's depth and on how
    far its leading folders match the target's. ``starts`` holds every leading part of every
    target (``link_starts``); the longest leading part of the folder among them decides every
    such match, so (depth, that part) is the key. Absolute links and full URLs are the same from
    every page and take no part.
    """
    folder = _parts(_folder(page_url))
    shared = next(folder[:n] for n in range(len(folder), -1, -1) if folder[:n] in starts)
    return len(folder), shared


def _folder(url: str) -> str:
    """The page's folder as ``get_relative_url`` takes it: a last part with a dot is a file."""
    folder, _, last = url.rpartition("/")
    return folder if "." in last else url


def _parts(path: str) -> tuple[str, ...]:
    """A path's parts, normalised as ``get_relative_url`` does ('a/./b/' is ('a', 'b'))."""
    normal = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(normal.split("/")) if normal else ()


def _relative(target: str) -> bool:
    """Whether the ``url`` filter makes this target relative to the page (it keeps URLs, '/…' and '#…' as they are)."""
    parsed = urlsplit(target)
    return not (parsed.scheme or parsed.netloc or target.startswith(("/", "#")))
