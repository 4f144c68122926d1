"""The preview an editor keeps open: `mkdocs serve` shows a broken plan's problems and recovers."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from browser_support import axe_violations, htmlcs_errors
from conftest import free_port, mkdocs_env, stop
from playwright.sync_api import BrowserContext

import dev
from planspor.page_source import PageSource
from planspor.preview import LaterSnapshots

ITEM = "indsatser/budget-i-balance/"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8", "replace"))
    except OSError:  # not up yet, refused, or busy rebuilding past the read timeout: wait_for asks again
        return ""


def wait_for(url: str, condition: Callable[[str], bool], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = fetch(url)
        if condition(body):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never met the condition; last body:\n{body[:2000]}")


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    # With the options `python3 dev.py serve` gives it: the preview editors use.
    command = [sys.executable, "-m", "mkdocs", "serve", *dev.SERVE_OPTIONS, "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=project, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}/", process
    finally:
        stop(process)


def break_theme(project: Path) -> None:
    plan = project / "data/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("    theme: oekonomisk-politik\n", "    theme: oekonomi\n", 1), encoding="utf-8")


def fix_theme(project: Path) -> None:
    plan = project / "data/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("    theme: oekonomi\n", "    theme: oekonomisk-politik\n", 1), encoding="utf-8")


def shows_problem(body: str) -> bool:
    return "Planen har 1 problem" in body and "data/plan.yaml:" in body and "Ukendt tema &#39;oekonomi&#39;" in body


def shows_item(body: str) -> bool:
    return "<h1>Budget i balance på velfærdsområderne</h1>" in body


def test_preview_shows_problems_in_the_browser_and_recovers(project: Path) -> None:
    with serving(project) as (url, process):
        wait_for(url + ITEM, shows_item)
        break_theme(project)
        body = wait_for(url + ITEM, shows_problem)
        assert "livereload" in body, "the error page must reload by itself"
        fix_theme(project)
        wait_for(url + ITEM, shows_item)
        assert process.poll() is None, "the server keeps running"
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output
    assert "Ukendt tema 'oekonomi'" in output, "the terminal shows the same message"


@pytest.mark.browser
def test_preview_starts_even_when_the_plan_is_broken(project: Path, desktop: BrowserContext, phone: BrowserContext) -> None:
    break_theme(project)
    with serving(project) as (url, process):
        body = wait_for(url, shows_problem)
        assert "Ukendt tema" in body
        assert shows_problem(wait_for(url + "status/", shows_problem))
        # The problem page as the editor's browser shows it: axe and HTML_CodeSniffer find nothing.
        for context in (desktop, phone):
            page = context.new_page()
            try:
                page.goto(url + "status/")
                assert page.locator("h1").inner_text().startswith("Planen har 1 problem")
                assert axe_violations(page) == []
                assert htmlcs_errors(page) == []
            finally:
                page.close()
        fix_theme(project)
        wait_for(url + ITEM, shows_item)
        assert process.poll() is None


def searchable_texts(url: str) -> str:
    """Every page's text as the served search index holds it (Pagefind's fragments: gzip, then JSON)."""
    try:
        entry = json.loads(fetch(url + "pagefind/pagefind-entry.json") or "{}")
    except json.JSONDecodeError:  # not written yet: the preview's 404 page
        return ""
    texts = []
    for language in entry.get("languages", {}).values():
        try:
            meta = urllib.request.urlopen(f"{url}pagefind/pagefind.{language['hash']}.pf_meta", timeout=5).read()
        except OSError:  # the index is being written anew: the entry read a moment ago names the old files
            return ""
        texts.append(gzip.decompress(meta).decode("utf-8", "replace"))
    fragments = []
    for name in re.findall(r"[a-z]{2}_[0-9a-f]+", " ".join(texts)):
        try:
            data = urllib.request.urlopen(f"{url}pagefind/fragment/{name}.pf_fragment", timeout=5).read()
        except OSError:
            continue
        fragments.append(gzip.decompress(data).decode("utf-8", "replace"))
    return "\n".join(fragments)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_preview_shows_every_saved_change(project: Path) -> None:
    """The preview rebuilds only what changed: each kind of edit still shows everywhere it should."""
    note, plan = project / "content/items/budget-i-balance.md", project / "data/plan.yaml"
    with serving(project) as (url, process):
        wait_for(url + ITEM, shows_item)
        # A note: its item page, and the search index a moment later.
        replace_in(note, "Et budget i balance er grundlaget", "Solsikkemarken er ny. Et budget i balance er grundlaget")
        wait_for(url + ITEM, lambda body: "Solsikkemarken er ny." in body)
        wait_until(lambda: "Solsikkemarken" in searchable_texts(url))
        # The plan: the item's page and every list that names it.
        replace_in(plan, "    title: Budget i balance på velfærdsområderne\n", "    title: Budget i balance for alle\n")
        wait_for(url + ITEM, lambda body: "<h1>Budget i balance for alle</h1>" in body)
        for listing in ("status/", "temaer/oekonomisk-politik/", "udvalg/oekonomiudvalget/"):
            body = fetch(url + listing)
            assert "Budget i balance for alle" in body and "Budget i balance på velfærdsområderne" not in body, listing
        # ... and the open data made from the plan alone (kept between rebuilds while only notes change).
        assert "Budget i balance for alle" in fetch(url + "data/plan.json")
        assert "Budget i balance for alle" in fetch(url + "data/plan.csv")
        # The snapshots too, in the build that follows the edit's (planspor.preview.LaterSnapshots): the page and its data.
        for snapshot in ("aendringer/2025-2028/2024-09-24/", "aendringer/2025-2028/2024-09-24/stand.json", "aendringer/2025-2028/2024-09-24/stand.csv"):
            wait_for(url + snapshot, lambda body: "Budget i balance for alle" in body and "Budget i balance på velfærdsområderne" not in body)
        # A note the site may not publish: its problem is shown, and undoing it brings the page back.
        replace_in(note, "Solsikkemarken er ny.", "Solsikkemarken er ny. <script>alert(1)</script>")
        wait_for(url + ITEM, lambda body: "Planen har 1 problem" in body and "&lt;script&gt; er ikke tilladt i noter" in body)
        replace_in(note, " <script>alert(1)</script>", "")
        wait_for(url + ITEM, lambda body: "<h1>Budget i balance for alle</h1>" in body and "Solsikkemarken er ny." in body)
        # A file added to the project's theme folder is published (the theme's folders are listed once, the project's each time).
        (project / "theme_overrides/assets").mkdir(exist_ok=True)
        (project / "theme_overrides/assets/tilfoejet.txt").write_text("ny fil i temaet\n", encoding="utf-8")
        wait_for(url + "assets/tilfoejet.txt", lambda body: body == "ny fil i temaet\n")
        # A template: every page, also those whose own text did not change.
        replace_in(project / "theme_overrides/main.html", "{% block content %}", "{% block content %}<!-- skabelon-ændret -->")
        for page in (ITEM, "status/", "om/"):
            wait_for(url + page, lambda body: "skabelon-ændret" in body)
        # A page that no longer exists is gone from the preview too.
        (project / "content/privatliv.md").unlink()
        wait_for(url + "privatliv/", lambda body: "<h1>Privatliv" not in body)
        assert process.poll() is None
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert "Traceback" not in output and "Aborted" not in output


def wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError("the condition was never met")


def test_the_snapshots_of_an_edit_are_made_in_the_build_after_it() -> None:
    """LaterSnapshots: the same plan, the last build's; a new plan, the last build's once and a build asked for; then made anew."""
    made: list[object] = []

    def make(ctx: Any) -> list[PageSource]:
        made.append(ctx.plan)
        return [PageSource(f"snapshot-{len(made)}.md", "")]

    later = LaterSnapshots(make)
    first, edited = SimpleNamespace(plan=object(), site_url="", version="abc"), SimpleNamespace(plan=object(), site_url="", version="abc")
    assert [s.src_uri for s in later(first)] == ["snapshot-1.md"] and not later.ask_once()
    assert [s.src_uri for s in later(first)] == ["snapshot-1.md"] and not later.ask_once()  # a note saved: nothing made
    assert [s.src_uri for s in later(edited)] == ["snapshot-1.md"]  # the edit's build: the last build's
    assert later.ask_once() and not later.ask_once()  # one build asked for, once
    assert [s.src_uri for s in later(edited)] == ["snapshot-2.md"] and not later.wanted  # that build makes them
    assert made == [first.plan, edited.plan]
