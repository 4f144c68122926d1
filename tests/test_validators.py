"""The validators an auditor runs, on the built site: the W3C Nu HTML Checker finds nothing
(HTML_CodeSniffer runs in the browser tests, test_browser_a11y.py).

vnu.jar comes pinned from npm (devtools/validators), Java from the machine; `python3 dev.py test`
provides both (devtools/validator_programs.py) and says where in PLANSPOR_VNU_JAR and PLANSPOR_JAVA.
Every HTML file of the built bundled site is checked in one run, errors and warnings alike: no
message is filtered. Three of Material's templates are copied to fix what the checker found in them;
the copies are compared with the installed Material's, so an upgrade shows what to copy again.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
from pathlib import Path

import material
import pytest
from conftest import REPO, BuiltSite

VALIDATORS = REPO / "devtools" / "validators" / "node_modules"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "theme_overrides"


def vnu_command() -> list[str]:
    jar = Path(os.environ.get("PLANSPOR_VNU_JAR") or VALIDATORS / "vnu-jar" / "build" / "dist" / "vnu.jar")
    java = os.environ.get("PLANSPOR_JAVA") or shutil.which("java")
    if not jar.is_file() or java is None:
        pytest.fail(f"The W3C Nu HTML Checker is not installed ({jar}, java: {java}): run python3 dev.py test, which installs it.")
    return [java, "-Xss4m", "-jar", str(jar)]


def test_the_w3c_nu_html_checker_finds_nothing_on_any_page(bundled_site: BuiltSite) -> None:
    pages = sorted(bundled_site.root.rglob("*.html"))
    assert len(pages) >= 90, "the whole site, every page type: overview, items, redirects, side-2 listings, reports, 404 …"
    result = subprocess.run([*vnu_command(), "--format", "json", *map(str, pages)], capture_output=True, text=True, check=False, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    root = bundled_site.root.as_posix()
    shown = [f"{m.get('url', '').removeprefix('file:').removeprefix(root)}:{m.get('lastLine')}: {m['type']}: {m['message']}" for m in messages]
    assert shown == [], f"{len(shown)} messages, the first: " + "\n".join(shown[:20])


def changed_lines(ours: Path, materials: Path) -> tuple[list[str], list[str]]:
    """(lines only in Material's, lines only in ours), comments at the top of either left out."""

    def body(path: Path) -> list[str]:
        text = path.read_text(encoding="utf-8")
        if text.startswith("{#-"):
            text = text[text.index("-#}") + 3 :].lstrip("\n")
        return text.splitlines()

    diff = list(difflib.ndiff(body(materials), body(ours)))
    return [line[2:].strip() for line in diff if line.startswith("- ")], [line[2:].strip() for line in diff if line.startswith("+ ")]


def test_the_copied_base_template_is_materials_but_for_the_checkboxes_autocomplete() -> None:
    removed, added = changed_lines(OVERRIDES / "base.html", MATERIAL_TEMPLATES / "base.html")
    assert removed == [
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ]
    assert added == [
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-label="Søgning åben">',
    ]


def test_the_copied_nav_item_template_is_materials_but_for_the_toc_toggle_beside_its_label() -> None:
    removed, added = changed_lines(OVERRIDES / "partials" / "nav-item.html", MATERIAL_TEMPLATES / "partials" / "nav-item.html")
    toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert (removed, added) == ([toggle], [toggle]), "the toggle moved inside {% if toc %}, nothing else changed"


def test_the_copied_toc_template_is_materials_but_for_the_title_off_the_navigation() -> None:
    removed, added = changed_lines(OVERRIDES / "partials" / "toc.html", MATERIAL_TEMPLATES / "partials" / "toc.html")
    assert removed == []
    condition = '{% if page in nav.pages and not ("navigation.indexes" in (config.theme.features or []) and page.is_index and page.parent) %}'
    assert [line for line in added if not line.startswith("{#-")] == [condition, "{% else %}", '<span class="md-nav__title">{{ title }}</span>', "{% endif %}"]
