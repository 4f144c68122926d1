"""The page → template contract holds: every page kind renders with Jinja's StrictUndefined.

Each generated page of the bundled plan is rendered with its own template (``page.meta.template``) in an
environment where any name or key the page does not carry is an error, so a template that reads a
field its page data lacks fails here instead of printing nothing on the site. Material's frame
(``main.html`` and ``base.html``) is replaced by the block the page templates fill; the frame's own
partials are rendered by the real builds in the other tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
import pytest
from conftest import REPO

from planspor import addresses
from planspor.page_source import PageSource
from planspor.pages import SOURCE_PARTS, iter_site_sources, problem_pages, site_sources
from planspor.problems import Problem
from planspor.project import load_project

FRAME = "{% block planspor_body %}{% endblock %}"


@dataclass
class TemplatePage:
    """What a template sees as ``page``: its front matter, its rendered body and its address."""

    meta: dict[str, Any]
    content: str
    url: str
    title: str


def environment() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.DictLoader({"main.html": FRAME}), jinja2.FileSystemLoader(REPO / "theme_overrides")])
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["url"] = lambda value: str(value)
    return env


def config() -> dict[str, Any]:
    """The configuration the templates read: what mkdocs.yml and the hooks set, every key present."""
    extra = {
        "planspor_links": addresses.site_links(),
        "planspor_build": {"short": "abc1234", "url": "", "date": "1. december 2026", "iso": "2026-12-01"},
        "repository_url": "https://github.com/eksempel/planspor",
        "repository_branch": "main",
        "accessibility_statement_url": "",
    }
    return {"site_name": "Udmøntningsplan", "site_url": "https://eksempel.dk/", "extra": extra}


def render(env: jinja2.Environment, source: PageSource) -> str:
    assert source.meta is not None
    page = TemplatePage(source.meta, "<p>Tekst</p>" if source.markdown.strip() else "", addresses.url_of(source.src_uri), str(source.meta["title"]))
    return env.get_template(str(source.meta["template"])).render(page=page, config=config())


def generated_pages() -> list[PageSource]:
    return [source for source in site_sources(load_project(REPO)) if source.meta is not None and "template" in source.meta]


def test_every_page_of_every_kind_renders_with_strict_undefined() -> None:
    env = environment()
    kinds: dict[str, int] = {}
    failures = []
    for source in generated_pages():
        kind = str(source.meta["planspor"]["page"]) if source.meta else ""
        kinds[kind] = kinds.get(kind, 0) + 1
        try:
            html = render(env, source)
        except jinja2.UndefinedError as error:
            failures.append(f"{source.src_uri} ({kind}): {error}")
            continue
        assert "<h1>" in html or kind == "redirect", source.src_uri
    assert failures == []
    expected = {"overview", "index", "theme", "item", "redirect", "status", "committee", "strategy", "sdg", "changes"}
    expected |= {"figures", "budget", "report", "about", "search"}
    assert expected <= kinds.keys(), sorted(kinds)


def test_a_template_asking_for_a_field_its_page_lacks_fails() -> None:
    """The check has teeth: take one field from an item's data and the item template fails."""
    source = next(s for s in generated_pages() if s.src_uri.startswith("indsatser/") and s.meta and s.meta["planspor"]["page"] == "item")
    assert source.meta is not None
    item = dict(source.meta["planspor"]["item"])
    del item["timing"]
    broken = PageSource(source.src_uri, source.text, {**source.meta, "planspor": {**source.meta["planspor"], "item": item}}, source.markdown)
    with pytest.raises(jinja2.UndefinedError, match="timing"):
        render(environment(), broken)


def test_the_preview_problem_page_renders_with_strict_undefined() -> None:
    (source,) = problem_pages([Problem("data/plan.yaml", 3, "title", "Feltet mangler.")], ["index.md"])
    html = render(environment(), source)
    assert "data/plan.yaml:3" in html and "Feltet mangler." in html


def test_the_parts_of_a_site_are_every_source_exactly_once() -> None:
    """Two processes make a big site's sources side by side, one part each (hooks/planspor_loading.py)."""
    project = load_project(REPO)
    whole = [(source.src_uri, source.text) for source in site_sources(project, "https://example.org/")]
    parts = [(source.src_uri, source.text) for part in SOURCE_PARTS for source in iter_site_sources(project, "https://example.org/", part)]
    assert len(whole) == len({uri for uri, _ in whole})
    assert sorted(parts) == sorted(whole)
    assert all(list(iter_site_sources(project, "", part)) for part in SOURCE_PARTS)
