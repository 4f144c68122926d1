"""Publishing: the workflows, hosting under a sub-path, the footer and public-site
basics, and the self-hosting recipe in deploy/nginx/ against a real nginx."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, BuiltSite, copy_project, free_port, run_mkdocs_build, run_planspor
from server import serve_site

from devtools import nginx_recipe, python_env

WORKFLOWS = REPO / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "site.yml"
NGINX_CONF = REPO / "deploy" / "nginx" / "planspor.conf"


# -- fetching without following redirects ------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes


def fetch(url: str, **headers: str) -> Response:
    """GET url as a browser would, but report redirects instead of following them."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity", **headers})
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())
    except urllib.error.URLError as error:  # nothing answers there: status 0
        return Response(0, Message(), str(error.reason).encode())


# -- following every link ---------------------------------------------------------

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "form": "action"}
PREVIEW = "http://127.0.0.1:8000/"
RESOURCE_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}


def links_in(html: str, page_url: str) -> tuple[set[str], set[str]]:
    """(every link to 127.0.0.1, resources the page itself would load from other hosts)."""
    local: set[str] = set()
    foreign: set[str] = set()
    for tag in BeautifulSoup(html, "html.parser").find_all([*LINK_ATTRIBUTES, "meta"]):
        value = tag.get("content") if tag.name == "meta" and tag.get("property") == "og:url" else tag.get(LINK_ATTRIBUTES.get(tag.name, ""))
        if value is None or str(value).startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
            continue  # a link to a place on the same page (the skip link, a heading) fetches nothing
        url = urldefrag(urljoin(page_url, str(value))).url
        loads_it = tag.name in ("script", "img", "source", "iframe") or (tag.name == "link" and bool(RESOURCE_RELS & set(tag.get("rel") or [])))
        if urlsplit(url).hostname == "127.0.0.1":
            local.add(url)
        elif loads_it:
            foreign.add(url)
    return local, foreign


@dataclass
class Crawl:
    statuses: dict[str, int] = field(default_factory=dict)
    referrers: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, str] = field(default_factory=dict)

    @property
    def broken(self) -> list[str]:
        return [f"{url} -> {status} (linked from {self.referrers.get(url, 'start')})" for url, status in sorted(self.statuses.items()) if status != 200]


def crawl(*starts: str) -> Crawl:
    """Follow every href/src on 127.0.0.1 from the start pages; record every status."""
    result = Crawl()
    queue = list(starts)
    while queue:
        url = queue.pop()
        if url in result.statuses:
            continue
        response = fetch(url)
        result.statuses[url] = response.status
        if response.status not in (200, 404) or "text/html" not in response.headers.get("Content-Type", ""):
            continue
        local, foreign = links_in(response.body.decode("utf-8"), url)
        for found in foreign:
            result.foreign.setdefault(found, url)
        for link in sorted(local - result.statuses.keys()):
            result.referrers.setdefault(link, url)
            queue.append(link)
    return result


def forwards(page: Path) -> bool:
    """A page that only forwards to an item's new address (its previous id)."""
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")


@contextmanager
def built_site_served_at(tmp_path: Path, base: str, **env: str) -> Iterator[tuple[str, Path]]:
    """Serve an empty folder at base, then build the site into it for exactly that address."""
    site = tmp_path / "site"
    site.mkdir()
    with serve_site(site, base=base) as url:
        result = run_mkdocs_build(REPO, site, SITE_URL=url, **env)
        assert result.returncode == 0, result.stdout + result.stderr
        yield url, site


# -- 1. the workflows ------------------------------------------------------------------


def load_workflow(path: Path = WORKFLOW) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(workflow, dict)
    if True in workflow:  # YAML 1.1 reads the key `on` as true
        workflow["on"] = workflow.pop(True)
    return workflow


def steps_using(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job.get("steps", []) if str(step.get("uses", "")).split("@")[0] == action]


def run_text(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job.get("steps", []))


def actionlint_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("actionlint")
    return str(beside_python) if beside_python.exists() else shutil.which("actionlint")


def test_actionlint_finds_no_problems_in_the_workflows() -> None:
    binary = actionlint_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint mangler i CI: installér requirements/ci.txt (python3 dev.py test gør det på x86_64 Linux).")
        if not (sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64")):
            pytest.skip(f"actionlint findes kun som wheel til x86_64 Linux (denne maskine: {sys.platform} {platform.machine()}); CI kører testen.")
        pytest.fail("actionlint mangler: kør python3 dev.py test, som installerer requirements/ci.txt.")
    result = subprocess.run([binary, "-no-color"], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_checks_pull_requests_and_publishes_main_by_hand_and_weekly() -> None:
    triggers = load_workflow()["on"]
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch", "schedule"}
    assert triggers["push"]["branches"] == ["main"]
    assert len(triggers["schedule"]) == 1 and len(triggers["schedule"][0]["cron"].split()) == 5


INSTALLS = re.compile(r"apt-get|apt install|pip install|playwright install|brew install|ensure_installed")


def test_the_test_job_runs_the_readmes_command_on_every_supported_python_and_installs_nothing_itself() -> None:
    job = load_workflow()["jobs"]["test"]
    assert tuple(str(v) for v in job["strategy"]["matrix"]["python"]) == python_env.TESTED_PYTHONS
    assert job["strategy"]["fail-fast"] is False, "one Python's failure must not hide another's"
    assert steps_using(job, "actions/setup-python")[0]["with"]["python-version"] == "${{ matrix.python }}"
    runs = [str(step["run"]) for step in job["steps"] if "run" in step]
    assert runs == ["python3 dev.py test"], runs
    caches = [step["with"] for step in steps_using(job, "actions/cache")]
    assert any(".venv" in cache["path"] and "requirements/ci.txt" in cache["key"] and "python-version" in cache["key"] for cache in caches)


def test_the_readme_and_pyproject_name_the_pythons_the_workflow_tests() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    oldest, *middle, newest = python_env.TESTED_PYTHONS
    assert f"Python {oldest} or newer ({oldest}, {', '.join(middle)} and {newest} are tested)" in readme
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={oldest}"' in pyproject
    assert f'python_version = "{oldest}"' in pyproject and f'target-version = "py{oldest.replace(".", "")}"' in pyproject


def test_ci_run_is_the_readmes_test_command_and_installs_nothing_itself() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "python3 dev.py test"
    assert not INSTALLS.search("\n".join(commands)), commands
    assert "python3 dev.py test" in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_check_job_checks_the_plan_and_builds_strictly_after_the_tests() -> None:
    job = load_workflow()["jobs"]["check"]
    assert job["needs"] == "test", "nothing is built for publishing before the tests pass"
    commands = run_text(job)
    assert steps_using(job, "actions/setup-python") and steps_using(job, "actions/checkout")
    caches = [step["with"] for step in steps_using(job, "actions/cache")]
    assert any(cache["path"] == ".venv" and "requirements/site.txt" in cache["key"] for cache in caches)
    assert "dev.ensure_installed('site')" in commands  # dev.py's own install from requirements/site.txt
    # A pull request is compared with its base, a push with the commit before: no published item address vanishes.
    assert '--sammenlign-med "$earlier"' in commands and 'earlier="origin/$BASE_REF"' in commands and 'earlier="$BEFORE"' in commands
    assert steps_using(job, "actions/checkout")[0]["with"]["fetch-depth"] == 0, "the comparison needs the base branch's history"
    order = ["planspor check --format github", "mkdocs build --strict"]
    positions = [commands.find(command) for command in order]
    assert -1 not in positions and positions == sorted(positions), positions
    review = steps_using(job, "actions/upload-artifact")
    assert len(review) == 1 and review[0]["if"] == "github.event_name == 'pull_request'" and review[0]["with"]["path"] == "site/"


def test_the_pages_build_takes_its_address_from_configure_pages_and_its_dates_from_the_commit() -> None:
    job = load_workflow()["jobs"]["check"]
    pages = steps_using(job, "actions/configure-pages")
    assert len(pages) == 1 and pages[0]["id"] == "pages"
    build = next(step for step in job["steps"] if "mkdocs build --strict" in str(step.get("run", "")))
    assert build["env"]["PAGES_BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert 'SITE_URL="${PAGES_BASE_URL%/}/"' in build["run"]
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in build["run"]


def test_the_deploy_needs_the_checks_and_publishes_exactly_the_artifact_they_built() -> None:
    jobs = load_workflow()["jobs"]
    deploy = jobs["deploy"]
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert needs == ["check"]
    condition = str(deploy.get("if", ""))
    assert not re.search(r"always\(\)|failure\(\)|cancelled\(\)", condition), condition
    assert condition == "github.event_name != 'pull_request'"
    uploads = steps_using(jobs["check"], "actions/upload-pages-artifact")
    assert len(uploads) == 1 and uploads[0]["with"]["path"] == "site/"
    built = uploads[0]["with"].get("name", "github-pages")
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]  # no checkout, no second build
    assert deploy["steps"][0]["with"].get("artifact_name", "github-pages") == built
    assert deploy["environment"]["name"] == "github-pages"


def test_nothing_continues_on_error_and_every_job_has_a_timeout() -> None:
    for name, job in load_workflow()["jobs"].items():
        assert "continue-on-error" not in job, name
        assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, name
        for step in job.get("steps", []):
            assert "continue-on-error" not in step, (name, step)
            assert "always()" not in str(step.get("if", "")), (name, step)


def test_permissions_are_least_privilege() -> None:
    workflow = load_workflow()
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{name}: permissions must list scopes, not {permissions!r}"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        assert writes == ({"pages", "id-token"} if name == "deploy" else set()), (name, permissions)
    assert set(workflow["jobs"]["deploy"]["permissions"]) == {"pages", "id-token"}


def test_two_deploys_never_race() -> None:
    workflow = load_workflow()
    group = workflow["concurrency"]["group"]
    assert "github.event_name == 'pull_request'" in group and "'publish'" in group
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    deploy = workflow["jobs"]["deploy"]["concurrency"]
    assert deploy["group"] and deploy["cancel-in-progress"] is False


def test_every_action_is_pinned_to_a_released_version() -> None:
    pinned = re.compile(r"^[\w.-]+/[\w./-]+@v\d+(\.\d+){0,2}$")
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for name, job in load_workflow(path)["jobs"].items():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert pinned.match(step["uses"]), (path.name, name, step["uses"])


def test_dependabot_updates_python_packages_and_actions() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    assert ecosystems["pip"]["directory"] == "/"  # pyproject.toml and requirements/*.txt
    assert (REPO / "pyproject.toml").exists() and (REPO / "requirements" / "site.txt").exists()


# -- 3. hosting at a root and under a sub-path -------------------------------------------


@pytest.fixture(scope="module", params=["/", "/planspor/"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The site built for, and served at, the domain's root and a sub-path: once each for the tests of this part."""
    with built_site_served_at(tmp_path_factory.mktemp("served"), request.param) as served:
        yield served


def test_every_link_on_every_page_answers_200(served: tuple[str, Path]) -> None:
    url, site = served
    result = crawl(url)
    folders = [page.parent.relative_to(site).as_posix() for page in site.rglob("index.html") if not forwards(page)]
    pages = {url if folder == "." else f"{url}{folder}/" for folder in folders}
    assert pages - result.statuses.keys() == set(), "pages no link leads to"
    assert result.broken == []
    assert result.foreign == {}, "pages load resources from other hosts"
    assert [link for link in result.statuses if link.startswith(PREVIEW)] == [], "a page links to the preview on the editor's own computer"
    sitemap = ElementTree.fromstring(fetch(url + "sitemap.xml").body)
    locations = [str(loc.text).strip() for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(loc.startswith(url) for loc in locations)
    assert [loc for loc in locations if fetch(loc).status != 200] == []


@pytest.mark.parametrize("depth", ["findes-ikke", "findes-ikke/", "a/b/c/", "a/b/c/d.html", "indsatser/findes-ikke/"])
def test_the_404_page_works_at_any_depth(served: tuple[str, Path], depth: str) -> None:
    url, _site = served
    outside = f"http://127.0.0.1:{urlsplit(url).port}/andet-sted/{depth}"
    for missing in (url + depth, outside):
        response = fetch(missing)
        assert response.status == 404
        soup = BeautifulSoup(response.body, "html.parser")
        assert soup.h1 is not None and soup.h1.get_text(strip=True) == "Siden findes ikke"
        assert soup.find("html")["lang"] == "da"  # type: ignore[index]
        links = sorted(links_in(response.body.decode("utf-8"), missing)[0])  # the page's own links; the site behind them is crawled above
        assert links and [f"{link} -> {status}" for link in links if (status := fetch(link).status) != 200] == []


# -- 4. the footer and public-site basics --------------------------------------------------


def test_footer_by_default_says_data_as_of_and_that_the_statement_is_missing(bundled_site: BuiltSite) -> None:
    footer = bundled_site.soup("/indsatser/budget-i-balance/").select_one("footer.ps-footer")
    assert footer is not None
    text = " ".join(footer.get_text(" ").split())
    assert "Data pr. 1. oktober 2024" in text
    missing = footer.select_one(".ps-footer__missing")
    assert missing is not None and missing.get_text(strip=True) == "Tilgængelighedserklæring: ikke angivet endnu"
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert links["Privatliv"] == "../../privatliv/" and links["Om planen"] == "../../om/"
    assert links["Tilgængelighedserklæring"] == "../../was/", "the page at <domain>/was says it is not given yet"
    was = bundled_site.soup("/was/")
    assert was.h1 is not None and was.h1.get_text(strip=True).replace("\xad", "") == "Tilgængelighedserklæring"
    assert "er ikke angivet endnu" in was.get_text() and was.select_one('meta[http-equiv="refresh"]') is None


def test_footer_names_the_commit_and_links_it_and_the_statement_when_configured(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    statement = "https://www.was.digst.dk/planspor-eksempel"
    config.write_text(
        config.read_text(encoding="utf-8").replace('accessibility_statement_url: ""', f'accessibility_statement_url: "{statement}"'), encoding="utf-8"
    )
    sha = "0123456789abcdef0123456789abcdef01234567"
    env = {"PLANSPOR_COMMIT": sha, "PLANSPOR_REPOSITORY_URL": "https://github.com/eksempel/planspor/", "SOURCE_DATE_EPOCH": "1718000000"}
    result = run_mkdocs_build(project, tmp_path / "site", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    build = soup.select_one(".ps-footer__build")
    assert build is not None
    assert " ".join(build.get_text(" ").split()) == "Bygget fra version 0123456 af 10. juni 2024"
    assert build.a is not None and build.a["href"] == f"https://github.com/eksempel/planspor/commit/{sha}"
    footer_links = {a.get_text(strip=True): a["href"] for a in soup.select("footer a")}
    assert footer_links["Tilgængelighedserklæring"] == statement
    assert soup.select_one(".ps-footer__missing") is None, "the statement is given: the footer does not say it is missing"
    was = BeautifulSoup((tmp_path / "site" / "was" / "index.html").read_text(encoding="utf-8"), "html.parser")
    refresh = was.select_one('meta[http-equiv="refresh"]')
    assert refresh is not None and refresh["content"] == f"0; url={statement}", "<domain>/was forwards to the statement, without JavaScript"
    assert was.select_one("article a")["href"] == statement  # type: ignore[index]


def test_footer_names_the_commit_without_a_link_when_no_repository_is_configured(project: Path, tmp_path: Path) -> None:
    result = run_mkdocs_build(project, tmp_path / "site", PLANSPOR_COMMIT="fedcba9876543210", PLANSPOR_REPOSITORY_URL="", SOURCE_DATE_EPOCH="1718000000")
    assert result.returncode == 0, result.stdout + result.stderr
    build = BeautifulSoup((tmp_path / "site" / "om" / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".ps-footer__build")
    assert build is not None and build.a is None and build.code is not None and build.code.get_text() == "fedcba9"


def test_the_privacy_page_is_honest_and_only_in_the_footer(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/privatliv/")
    text = " ".join(soup.get_text(" ").split())
    for claim in ("Ingen cookies", "Ingen sporing og ingen statistik", "Intet hentes fra andre steder", "IP-adresser"):
        assert claim in text
    assert soup.find("a", href=re.compile(r"^https://docs\.github\.com/.*privacy-statement"))
    nav_links = [a["href"] for a in soup.select(".md-nav a")]
    assert not any("privatliv" in str(href) for href in nav_links)


def test_item_pages_have_open_graph_with_status_and_the_example_data_notice(bundled_site: BuiltSite) -> None:
    plan = yaml.safe_load((REPO / "data" / "plan.yaml").read_text(encoding="utf-8"))
    labels = {status["id"]: status["label"] for status in plan["statuses"]}
    for item in plan["items"]:
        soup = bundled_site.soup(f"/indsatser/{item['id']}/")
        og = {tag["property"]: tag["content"] for tag in soup.find_all("meta", attrs={"property": re.compile("^og:")})}
        status = labels[[entry["status"] for entry in item["history"] if "status" in entry][-1]]
        assert og["og:title"] == item["title"]
        assert f"Status: {status}" in og["og:description"]
        assert ("Eksempeldata: indsatserne er opdigtede eksempler" in og["og:description"]) == bool(plan["plan"]["example_data"])
        assert og["og:type"] == "article" and og["og:locale"] == "da_DK"
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None and og["og:url"] == canonical["href"]
        assert str(canonical["href"]).endswith(f"/indsatser/{item['id']}/")


def test_favicon_is_an_svg_and_every_page_links_it(bundled_site: BuiltSite) -> None:
    favicon = bundled_site.root / "assets" / "images" / "favicon.svg"
    assert favicon.read_text(encoding="utf-8").lstrip().startswith("<svg")
    for page in bundled_site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a forwarding page for an item's previous id
        icon = soup.find("link", rel="icon")
        assert icon is not None and icon["type"] == "image/svg+xml", page
        assert (page.parent / str(icon["href"])).resolve() == favicon.resolve() or str(icon["href"]).endswith("assets/images/favicon.svg")


def test_the_sitemap_lists_every_page(bundled_site: BuiltSite) -> None:
    sitemap = (bundled_site.root / "sitemap.xml").read_text(encoding="utf-8")
    locations = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    pages = {p.parent.relative_to(bundled_site.root).as_posix() for p in bundled_site.pages() if p.name == "index.html"}
    expected = {"http://127.0.0.1:8000/" + ("" if page == "." else page + "/") for page in pages}
    assert expected <= locations


@pytest.mark.browser
def test_the_footer_meets_wcag_aa_contrast(bundled_url: str, browser: Any) -> None:
    from planspor.contrast import contrast_ratio

    page = browser.new_page()
    try:
        page.goto(bundled_url + "indsatser/budget-i-balance/")
        pairs = page.evaluate(
            """() => {
              const background = getComputedStyle(document.querySelector('.ps-footer .md-footer-meta')).backgroundColor;
              return [...document.querySelectorAll('.ps-footer p, .ps-footer li, .ps-footer a, .ps-footer code, .ps-footer time')]
                .map(el => [el.textContent.trim().slice(0, 40), getComputedStyle(el).color,
                            getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)' ? background : getComputedStyle(el).backgroundColor]);
            }"""
        )
    finally:
        page.close()
    assert len(pairs) >= 5

    def hex_colour(css: str) -> str:
        red, green, blue = (int(n) for n in re.findall(r"\d+", css)[:3])
        return f"#{red:02x}{green:02x}{blue:02x}"

    low = [(text, fg, bg) for text, fg, bg in pairs if contrast_ratio(hex_colour(fg), hex_colour(bg)) < 4.5]
    assert low == []


# -- 6. self-hosting with nginx ------------------------------------------------------------


STATEMENT = "https://www.was.digst.dk/planspor-eksempel"


@contextmanager
def running_nginx(root: Path, port: int, work: Path, redirects: Path = nginx_recipe.EXAMPLE_REDIRECTS) -> Iterator[str]:
    """Debian's nginx on 127.0.0.1:port serving root with exactly deploy/nginx/planspor.conf (devtools/nginx_recipe)."""
    try:
        with nginx_recipe.running_nginx(root, port, work, redirects) as url:
            yield url
    except nginx_recipe.NginxError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def nginx_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The bundled plan with an accessibility statement configured, served as the recipe says:
    the built site, and the redirects `planspor omdirigeringer` writes for it."""
    work = tmp_path_factory.mktemp("nginx")
    project = copy_project(work / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('accessibility_statement_url: ""', f'accessibility_statement_url: "{STATEMENT}"'), encoding="utf-8"
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    result = run_mkdocs_build(project, work / "site", SITE_URL=url)
    assert result.returncode == 0, result.stdout + result.stderr
    written = run_planspor(project, "omdirigeringer", str(work / "redirects.conf"))
    assert written.returncode == 0, written.stdout + written.stderr
    assert "1 gammel adresse på en indsats sender videre med 301, og /was sender videre til tilgængelighedserklæringen" in written.stdout
    with running_nginx(work / "site", port, work / "nginx", work / "redirects.conf") as served:
        assert served == url
        yield url, work / "site"


def test_nginx_serves_every_page_and_link(nginx_url: tuple[str, Path]) -> None:
    url, _site = nginx_url
    result = crawl(url)
    assert len(result.statuses) > 50
    assert result.broken == []


@pytest.mark.parametrize("missing", ["findes-ikke", "a/b/c/", "indsatser/findes-ikke/"])
def test_nginx_shows_the_danish_404_page_whose_links_work(nginx_url: tuple[str, Path], missing: str) -> None:
    url, _site = nginx_url
    response = fetch(url + missing)
    assert response.status == 404
    assert "<h1>Siden findes ikke</h1>" in response.body.decode("utf-8")
    assert crawl(*sorted(links_in(response.body.decode("utf-8"), url + missing)[0])).broken == []


def test_nginx_redirects_folders_without_a_slash_relatively(nginx_url: tuple[str, Path]) -> None:
    url, _site = nginx_url
    response = fetch(url + "om")
    assert response.status == 301 and response.headers["Location"] == "/om/"


def test_nginx_sends_was_to_the_statement_and_old_item_addresses_to_the_new(nginx_url: tuple[str, Path]) -> None:
    """What `planspor omdirigeringer` wrote: real redirects where the site has forwarding pages."""
    url, site = nginx_url
    for was in ("was", "was/"):  # where Digitaliseringsstyrelsen looks for the accessibility statement
        response = fetch(url + was)
        assert (response.status, response.headers["Location"]) == (302, STATEMENT), was
    old = fetch(url + "indsatser/lokaleoptimering/")
    assert (old.status, old.headers["Location"]) == (301, "/indsatser/bedre-udnyttelse-af-lokaler/")
    assert fetch(url + "indsatser/bedre-udnyttelse-af-lokaler/").status == 200
    assert (site / "indsatser/lokaleoptimering/index.html").is_file(), "the forwarding page stays for hosts without the redirects"


def test_the_redirects_written_name_every_previous_id_and_refuse_a_statement_that_is_no_web_address(project: Path) -> None:
    text = run_planspor(project, "omdirigeringer").stdout
    assert "location = /indsatser/lokaleoptimering/ { return 301 /indsatser/bedre-udnyttelse-af-lokaler/; }" in text
    assert "location = /was" not in text and "None given yet" in text
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('accessibility_statement_url: ""', 'accessibility_statement_url: "https://x.dk/$host"'), encoding="utf-8"
    )
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "accessibility_statement_url:" in text)
    for command in (["omdirigeringer"], ["check"]):
        refused = run_planspor(project, *command)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr + refused.stdout
        assert (
            f"mkdocs.yml:{line} [extra.accessibility_statement_url]: Tilgængelighedserklæringens adresse skal være en webadresse"
            in refused.stdout + refused.stderr
        )
        assert "fandt 'https://x.dk/$host'" in refused.stdout + refused.stderr


def test_nginx_compresses_text(nginx_url: tuple[str, Path]) -> None:
    url, site = nginx_url
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css")).relative_to(site).as_posix()
    for path in ("", "status/", css, "assets/javascripts/planspor-table.js", "sitemap.xml", "assets/images/favicon.svg", "pagefind/pagefind-ui.js"):
        response = fetch(url + path, **{"Accept-Encoding": "gzip"})
        assert response.status == 200, path
        assert response.headers.get("Content-Encoding") == "gzip", (path, response.headers.get("Content-Type"))
        assert "Accept-Encoding" in response.headers.get("Vary", ""), path
    plain = fetch(url)
    assert plain.headers.get("Content-Encoding") is None and plain.headers["Content-Type"] == "text/html; charset=utf-8"


def test_nginx_names_the_open_datas_types(nginx_url: tuple[str, Path]) -> None:
    """A harvester reads the catalogue's type; Excel and browsers the CSV files'. mime.types knows neither."""
    url, _ = nginx_url
    expected = {"data/katalog.ttl": "text/turtle; charset=utf-8", "data/plan.csv": "text/csv; charset=utf-8", "data/maalinger.csv": "text/csv; charset=utf-8"}
    for path, content_type in expected.items():
        response = fetch(url + path)
        assert (response.status, response.headers["Content-Type"], response.headers["Cache-Control"]) == (200, content_type, "no-cache"), path
    assert fetch(url + "data/plan.json").headers["Content-Type"] == "application/json; charset=utf-8"


def test_nginx_caches_hashed_files_long_and_revalidates_the_rest(nginx_url: tuple[str, Path]) -> None:
    url, site = nginx_url
    long_lived = "public, max-age=31536000, immutable"
    hashed = [
        next((site / "assets" / "stylesheets").glob("main.*.min.css")),
        next((site / "assets" / "javascripts").glob("bundle.*.min.js")),
        next((site / "pagefind" / "fragment").iterdir()),
        next((site / "pagefind" / "index").iterdir()),
        next((site / "pagefind").glob("pagefind.*.pf_meta")),
    ]
    for file in hashed:
        response = fetch(url + file.relative_to(site).as_posix())
        assert (response.status, response.headers["Cache-Control"]) == (200, long_lived), file
    for path in ("", "indsatser/budget-i-balance/", "assets/stylesheets/planspor.css", "pagefind/pagefind-entry.json", "pagefind/pagefind.js", "sitemap.xml"):
        response = fetch(url + path)
        assert (response.status, response.headers["Cache-Control"]) == (200, "no-cache"), path
        etag = response.headers["ETag"]
        again = fetch(url + path, **{"If-None-Match": etag})
        assert (again.status, again.body) == (304, b""), f"{path}: an unchanged file is not sent again"
    assert fetch(url + "findes-ikke/").headers["Cache-Control"] == "no-cache"
    assert fetch(url).headers["Server"] == "nginx"  # no version number


def test_the_example_redirects_include_is_documented_and_empty() -> None:
    lines = (REPO / "deploy" / "nginx" / "redirects.conf").read_text(encoding="utf-8").splitlines()
    assert lines and all(not line.strip() or line.lstrip().startswith("#") for line in lines)
    assert "include @@REDIRECTS@@;" in NGINX_CONF.read_text(encoding="utf-8")
