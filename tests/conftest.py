"""Shared fixtures: copies of the project, real MkDocs builds, parsed pages."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from devtools.processes import stop

__all__ = ["stop"]  # the tests import it from here, as before it moved to devtools

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "hooks", "theme_overrides", "content", "data")


def copy_project(target: Path) -> Path:
    """A private copy of the bundled project that a test may break."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def run_mkdocs_build(project: Path, site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=project, env=mkdocs_env(**env), check=False)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_planspor(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "planspor.cli", "--projekt", str(project), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=project, env=mkdocs_env(), check=False)


@dataclass
class BuiltSite:
    root: Path
    build_output: str

    def path(self, url: str) -> Path:
        path = self.root / url.strip("/")
        return path / "index.html" if not url.endswith(".html") and not path.suffix else path

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "pagefind" not in p.parts)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The bundled plan, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("bundled") / "site"
    result = run_mkdocs_build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    yield BuiltSite(site, result.stdout + result.stderr)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


# -- a real browser -----------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """PLANSPOR_CHROMIUM, else the system's Chromium; None means Playwright's own."""
    candidates = [os.environ.get("PLANSPOR_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).exists()), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Chromium driven by Playwright. A missing browser fails the test, never skips it."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(
                "Chromium kunne ikke startes. Installér Debians pakke 'chromium', sæt PLANSPOR_CHROMIUM "
                f"til en Chromium, eller kør 'python -m playwright install chromium'.\n{error}"
            )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def bundled_url(bundled_site: BuiltSite) -> Iterator[str]:
    """The bundled site served over HTTP on 127.0.0.1 (gzip, 404 page)."""
    from server import serve_site

    with serve_site(bundled_site.root) as url:
        yield url


# -- browser contexts, shared by the browser tests (tests/test_browser_*.py) ----------


@pytest.fixture(scope="session")
def desktop(browser: object) -> Iterator[object]:
    """A desktop browser context, 1280 px wide, reused by the tests of a session."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")  # type: ignore[attr-defined]
    yield context
    context.close()


@pytest.fixture(scope="session")
def phone(browser: object) -> Iterator[object]:
    """A phone browser context, 360 px wide, with touch, reused by the tests of a session."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="da-DK")  # type: ignore[attr-defined]
    yield context
    context.close()
