"""Render a page's Markdown as MkDocs' ``Page.render`` does, with one ``Markdown`` instance for the whole build.

MkDocs 1.6 makes a new ``markdown.Markdown`` with every extension for each page: loading the
extensions and building their registries is about a third of the Markdown time of a
1,000-item build. One instance, reset between pages, gives the same HTML, because every
extension in mkdocs.yml keeps its per-document state either in what ``Markdown.reset()``
clears or in locals of each run:

- ``toc``: the ids and tokens are locals of ``TocTreeprocessor.run``; ``reset`` empties
  ``md.toc`` and ``md.toc_tokens`` (which a blank page, converted to ``''`` without running
  any processor, must not keep from the page before). ``planspor.slugs.slugify`` is pure.
- ``tables``, ``def_list``, ``attr_list``: state set in a block's ``test`` and read in its
  ``run`` (tables' border and separator), or none.
- ``admonition``, ``pymdownx.details``: the sibling a ``test`` finds is consumed by the
  ``run`` that follows it; details' header setting is set again by its ``reset``.
- ``fenced_code``, ``pymdownx.superfences``, ``pymdownx.highlight``: settings read once
  from the same configuration; the code stash and the block counter are cleared by ``reset``.
- Markdown itself: ``reset`` clears the HTML stash and the references.

The four processors MkDocs adds for each page hold that page's results (its anchors, its
links, its title), so they are made anew for every page and registered under MkDocs' names,
which replaces the previous page's in Markdown's registries. Appended after the extensions'
processors, as in a fresh instance, they sort the same among processors of equal priority.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# The instance and the configuration it was made from. `mkdocs serve` loads the configuration
# again for each rebuild; a new configuration gets a new instance.
_shared: tuple[MkDocsConfig, markdown.Markdown] | None = None


def shared_markdown(config: MkDocsConfig) -> markdown.Markdown:
    """The build's Markdown instance, reset for the next page (made with MkDocs' arguments on the first)."""
    global _shared
    if _shared is None or _shared[0] is not config:
        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        _shared = (config, md)
    return _shared[1].reset()


def forget() -> None:
    """Drop the instance: a conversion that failed midway may have left a block processor holding its state."""
    global _shared
    _shared = None


def render(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` of MkDocs 1.6.1, line for line, except that the Markdown instance is shared."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = shared_markdown(config)

    raw_html_ext = pages._RawHTMLPreprocessor()
    raw_html_ext._register(md)
    extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    extract_anchors_ext._register(md)
    relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
    relative_path_ext._register(md)
    extract_title_ext = pages._ExtractTitleTreeprocessor()
    extract_title_ext._register(md)

    try:
        page.content = md.convert(page.markdown)
    except BaseException:
        forget()
        raise
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = extract_title_ext.title
    page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_path_ext.links_to_anchors


def use_shared_markdown(page: Page) -> None:
    """Make MkDocs render this page with the shared instance (it calls ``page.render(config, files)``)."""

    def render_page(config: MkDocsConfig, files: Files) -> None:
        render(page, config, files)

    page.render = render_page  # type: ignore[method-assign]
