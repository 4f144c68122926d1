"""The hooks render every page with one shared Markdown instance (hooks/planspor_markdown.py). Each page must come
out as MkDocs' own ``Page.render`` makes it with a fresh instance, whatever page came before: the HTML, the table of
contents, the title, the anchors and the links to anchors. The pages use every extension in mkdocs.yml, in an order
where each could carry state from one page into the next."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any
from xml.etree.ElementTree import Element

import pytest
from conftest import REPO
from markdown.treeprocessors import Treeprocessor
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

PAGES = {
    "index.md": '# Forside\n\n## Samme\n\n## Samme\n\n!!! note "Bemærk"\n    tekst\n\n    mere tekst\n\n- punkt\n\n    !!! warning\n        i listen\n',
    "tom.md": "",
    "detaljer.md": '??? tip "Skjult"\n    inde i\n\n    - liste\n\n        mere\n\n## Samme {: #egen .klasse }\n\n<div id="raa" markdown>x</div>\n',
    "tabel.md": "| a | b |\n|:--|:-:|\n| 1 | `|` |\n\nBegreb\n:   forklaring\n\n    mere\n\n[til](index.md#samme_1) og [her](#samme)\n",
    "kode.md": '```python title="x.py"\nx = 1\n```\n\n~~~\nraw <b>\n~~~\n\n    indrykket\n\n## Økonomi & *tal*\n',
    "blank.md": "   \n",
}


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(REPO / "mkdocs.yml"))


@pytest.fixture(scope="module")
def shared(config: MkDocsConfig) -> ModuleType:
    """The module the hooks imported while MkDocs loaded them (so the import works as MkDocs does it)."""
    return sys.modules["planspor_markdown"]


def page_files(config: MkDocsConfig, uris: list[str]) -> Files:
    """Pages with no source file: the tests hand each page its Markdown."""
    return Files([File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls) for uri in uris])


def rendered(config: MkDocsConfig, order: list[str], render: Any) -> dict[str, tuple[object, ...]]:
    files = page_files(config, list(PAGES))
    results: dict[str, tuple[object, ...]] = {}
    for uri in order:
        file = files.get_file_from_path(uri)
        assert file is not None
        page = Page(None, file, config)
        page.markdown = PAGES[uri]
        render(page, config, files)
        links = {to.src_uri: anchors for to, anchors in (page.links_to_anchors or {}).items()}
        results[uri] = (page.content, str(page.toc), page._title_from_render, page.present_anchor_ids, links)
    return results


def test_every_page_renders_as_with_a_fresh_markdown_instance(config: MkDocsConfig, shared: ModuleType) -> None:
    order = list(PAGES) + list(reversed(PAGES)) + list(PAGES)
    fresh = rendered(config, list(PAGES), lambda page, config, files: page.render(config, files))
    for uri, result in rendered(config, order, shared.render).items():
        assert result == fresh[uri], uri


class _Broken(Treeprocessor):
    def run(self, root: Element) -> None:
        raise ValueError("midway")


def test_one_instance_per_configuration_and_a_new_one_after_a_failed_page(config: MkDocsConfig, shared: ModuleType) -> None:
    first = shared.shared_markdown(config)
    assert shared.shared_markdown(config) is first
    first.treeprocessors.register(_Broken(first), "broken", 50)
    files = page_files(config, ["index.md"])
    page = Page(None, files.documentation_pages()[0], config)
    page.markdown = PAGES["index.md"]
    with pytest.raises(ValueError, match="midway"):
        shared.render(page, config, files)
    shared.render(page, config, files)
    assert shared.shared_markdown(config) is not first, "a conversion that failed midway may have left state behind"
    assert shared.shared_markdown(load_config(str(REPO / "mkdocs.yml"))) is not shared.shared_markdown(config)
