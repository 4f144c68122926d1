"""The doors off MkDocs 1.6 stay open: ProperDocs builds the site byte for byte like MkDocs, and Zensical
builds the exported pages with the same text on every page.

MkDocs 1.6.1 is the last 1.x and unmaintained; Material for MkDocs 9.x reaches end of life on 5 May 2027,
and its successor Zensical runs no hooks, so only the export (``planspor eksport``) can be its input. The
README's "Platform" section says what these tests keep possible.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, BuiltSite, mkdocs_env, run_planspor


def venv_program(name: str) -> str:
    program = Path(sys.executable).with_name(name)
    assert program.exists(), f"{name} mangler i {program.parent}: python3 dev.py test installerer requirements/test.txt"
    return str(program)


def files_of(root: Path) -> dict[Path, bytes]:
    return {path.relative_to(root): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def main_text(html: str) -> str:
    """What a reader reads on a page: the text of Material's content article (a redirect page's body),
    white space folded. The text of the charts' SVG labels counts; scripts and heading anchors do not."""
    soup = BeautifulSoup(html, "html.parser")
    node = soup.select_one("article.md-content__inner") or soup.body
    assert node is not None
    for hidden in node.select("script, style, a.headerlink"):
        hidden.decompose()
    return " ".join(node.get_text(" ").split())


def test_properdocs_builds_the_bundled_site_byte_for_byte_like_mkdocs(tmp_path: Path, bundled_site: BuiltSite) -> None:
    site = tmp_path / "properdocs-site"
    command = [venv_program("properdocs"), "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=mkdocs_env(DISABLE_MKDOCS_2_WARNING="true"), check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = files_of(bundled_site.root), files_of(site)
    assert sorted(map(str, ours.keys() - theirs.keys())) == [], "files MkDocs writes and ProperDocs does not"
    assert sorted(map(str, theirs.keys() - ours.keys())) == [], "files ProperDocs writes and MkDocs does not"
    assert [str(path) for path in ours if ours[path] != theirs[path]] == []
    assert len(ours) > 150


@dataclass
class ExportBuilds:
    mkdocs: Path
    zensical: Path


@pytest.fixture(scope="module")
def export_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExportBuilds]:
    """The bundled plan exported once, then built by plain MkDocs and by Zensical."""
    export = tmp_path_factory.mktemp("eksport")
    result = run_planspor(REPO, "eksport", str(export))
    assert result.returncode == 0, result.stderr
    config = str(export / "mkdocs.yml")
    mkdocs_site = export.parent / f"{export.name}-mkdocs"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(mkdocs_site)],
        capture_output=True,
        text=True,
        env=mkdocs_env(),
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    # Zensical has no -d: it writes the config's site_dir (site/) beside the config, and its cache to .cache/.
    build = subprocess.run(
        [venv_program("zensical"), "build", "--strict", "-f", config], capture_output=True, text=True, cwd=export, env=mkdocs_env(), check=False
    )
    assert build.returncode == 0, build.stdout + build.stderr
    yield ExportBuilds(mkdocs_site, export / "site")


def html_pages(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*.html"))}


def test_zensical_0_0_73_builds_every_page_of_the_export(export_builds: ExportBuilds) -> None:
    ours, theirs = html_pages(export_builds.mkdocs), html_pages(export_builds.zensical)
    assert sorted(ours.keys() - theirs.keys()) == [], "pages MkDocs builds from the export and Zensical does not"
    assert sorted(theirs.keys() - ours.keys()) == [], "pages Zensical builds from the export and MkDocs does not"
    assert {"index.html", "status/index.html", "tal/index.html", "oekonomi/index.html", "rapport/index.html", "404.html"} <= ours.keys()
    assert len(ours) > 80


def test_zensical_shows_the_same_text_as_mkdocs_on_every_page_of_the_export(export_builds: ExportBuilds) -> None:
    ours, theirs = html_pages(export_builds.mkdocs), html_pages(export_builds.zensical)
    different = {}
    for name in ours.keys() & theirs.keys():
        mine, zensical = main_text(ours[name].read_text(encoding="utf-8")), main_text(theirs[name].read_text(encoding="utf-8"))
        if mine != zensical:
            different[name] = (mine[:200], zensical[:200])
    assert different == {}
    item = next(name for name in ours if name.startswith("indsatser/") and name.count("/") == 2)
    assert len(main_text(ours[item].read_text(encoding="utf-8"))) > 200, "an item page has its facts and history"


def test_zensical_gives_each_page_its_own_title_and_the_home_page_the_sites(export_builds: ExportBuilds) -> None:
    """MiniJinja has no page.is_homepage: the templates tell the home page by its address in both builders."""
    for name in ("index.html", "status/index.html", "om/index.html"):
        ours = BeautifulSoup(html_pages(export_builds.mkdocs)[name].read_text(encoding="utf-8"), "html.parser").title
        theirs = BeautifulSoup(html_pages(export_builds.zensical)[name].read_text(encoding="utf-8"), "html.parser").title
        assert ours is not None and theirs is not None
        assert ours.get_text() == theirs.get_text(), name
    home = BeautifulSoup(html_pages(export_builds.zensical)["index.html"].read_text(encoding="utf-8"), "html.parser").title
    assert home is not None and " – " not in home.get_text(), "the home page's title is the site's name, once"
