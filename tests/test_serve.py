"""The preview an editor keeps open: `mkdocs serve` shows a broken plan's problems and recovers."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import free_port, mkdocs_env, stop

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
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"]
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


def test_preview_starts_even_when_the_plan_is_broken(project: Path) -> None:
    break_theme(project)
    with serving(project) as (url, process):
        body = wait_for(url, shows_problem)
        assert "Ukendt tema" in body
        assert shows_problem(wait_for(url + "status/", shows_problem))
        fix_theme(project)
        wait_for(url + ITEM, shows_item)
        assert process.poll() is None
