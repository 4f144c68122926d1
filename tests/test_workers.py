"""A build of many pages renders them in forked workers too (hooks/planspor_workers.py, issue 12).

The site must be the one a single process builds, byte for byte (the search index included);
what goes wrong on a worker's page must fail the build as it would in one process: each
warning printed once and counted by strict mode, broken links to anchors on its pages found,
a page that cannot be rendered named. PLANSPOR_WORKERS forces the workers on a small plan
(and 0 switches them off), so these builds stay quick.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import copy_project, run_mkdocs_build

from bench.synthetic import write_project
from planspor.project import load_plan

ITEMS = 40
WORKERS_LINE = re.compile(r"Siderne blev bygget i 3 processer: (\d+) i byggeriets egen, (\d+) i de 2 ekstra")


@pytest.fixture(scope="module")
def plan_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("workers") / "project"
    write_project(project, ITEMS, seed=12)
    return project


def build(project: Path, site: Path, workers: int) -> tuple[int, str]:
    result = run_mkdocs_build(project, site, PLANSPOR_WORKERS=str(workers), SOURCE_DATE_EPOCH="1700000000")
    return result.returncode, result.stdout + result.stderr


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_workers_build_the_site_one_process_builds_byte_for_byte(plan_project: Path, tmp_path: Path) -> None:
    alone_code, alone_log = build(plan_project, tmp_path / "alone", 0)
    shared_code, shared_log = build(plan_project, tmp_path / "shared", 2)
    assert alone_code == 0, alone_log
    assert shared_code == 0, shared_log
    assert "Siderne blev bygget i" not in alone_log
    found = WORKERS_LINE.search(shared_log)
    assert found, shared_log
    assert int(found[2]) > 0, "the workers rendered no page: " + found[0]
    alone, shared = files_of(tmp_path / "alone"), files_of(tmp_path / "shared")
    assert sorted(alone) == sorted(shared)
    assert any(name.startswith("pagefind/index/") for name in shared)
    differing = [name for name in alone if alone[name] != shared[name]]
    assert differing == []


# A second hook for these tests: it warns as each item page is written (in whichever
# process renders it), and records the anchors MkDocs has for every page when it checks them.
PROBE = """
import json, logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.probe")
_pages = []


def on_post_page(output, page, config):
    # For a page a worker writes, the build's own MkDocs runs the page events too, with nothing to write.
    if output and page.file.src_uri.startswith("indsatser/") and "WARN_FROM_PAGES" in config.extra:
        log.warning(f"probe-warning {page.file.src_uri}")
    _pages.append(page)
    return output


def on_post_build(config):
    anchors = {page.file.src_uri: sorted(page.present_anchor_ids or []) for page in _pages if page.present_anchor_ids is not None}
    Path(config.config_file_path).with_name("anchors.json").write_text(json.dumps(anchors))
"""


def with_probe(project: Path, warn: bool) -> None:
    (project / "hooks" / "probe.py").write_text(PROBE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - hooks/planspor_hooks.py\n", "  - hooks/planspor_hooks.py\n  - hooks/probe.py\n", 1)
    if warn:
        text = text.replace("extra:\n", "extra:\n  WARN_FROM_PAGES: true\n", 1)
    config.write_text(text, encoding="utf-8")


def test_a_warning_on_any_page_is_printed_once_and_fails_the_strict_build(plan_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_project(project, ITEMS, seed=12)
    with_probe(project, warn=True)
    code, log = build(project, tmp_path / "site", 2)
    assert code != 0
    found = WORKERS_LINE.search(log)
    assert found and int(found[2]) > 0, log  # some of the item pages were rendered by the workers
    pages = {f"indsatser/{item.id}.md" for item in load_plan(project).items}
    warned = re.findall(r"probe-warning (\S+)\n", log)
    assert pages <= set(warned), log  # every item page (and the forwarding pages of previous ids)
    assert len(warned) == len(set(warned)), log  # each printed once
    assert f"Aborted with {len(warned)} warnings in strict mode" in log, log  # and each counted


def test_the_build_knows_the_anchors_of_the_workers_pages(plan_project: Path, tmp_path: Path) -> None:
    """MkDocs checks links to anchors against each page's anchors; a worker's page must bring them back."""
    project = tmp_path / "project"
    write_project(project, ITEMS, seed=12)
    with_probe(project, warn=False)
    ids = [item.id for item in load_plan(project).items]
    for ident in ids:
        (project / "content" / "items" / f"{ident}.md").write_text("## Baggrund\n\nHvorfor indsatsen findes.\n", encoding="utf-8")
    about = project / "content" / "om.md"
    about.write_text(about.read_text(encoding="utf-8") + "".join(f"\n\nLæs [baggrunden](indsats:{ident}#baggrund).\n" for ident in ids), encoding="utf-8")
    code, log = build(project, tmp_path / "site", 2)
    assert code == 0, log
    found = WORKERS_LINE.search(log)
    assert found and int(found[2]) > 0, log
    anchors = json.loads((project / "anchors.json").read_text(encoding="utf-8"))
    for ident in ids:
        assert "baggrund" in anchors.get(f"indsatser/{ident}.md", []), ident


def test_a_page_that_cannot_be_rendered_fails_the_build_naming_it(plan_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_project(project, ITEMS, seed=12)
    ids = [item.id for item in load_plan(project).items]
    broken = f"indsatser/{ids[len(ids) // 2]}.md"
    template = project / "theme_overrides" / "planspor" / "item.html"
    fault = f'{{% if page.file.src_uri == "{broken}" %}}{{{{ nothing.at.all }}}}{{% endif %}}'
    template.write_text(template.read_text(encoding="utf-8").replace("{% block planspor_body %}", "{% block planspor_body %}" + fault, 1), encoding="utf-8")
    code, log = build(project, tmp_path / "site", 2)
    assert code != 0
    assert f"Error building page '{broken}': 'nothing' is undefined" in log, log


def test_a_plan_loaded_in_a_child_fails_with_the_same_danish_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    plan = project / "data" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: ikke-paabegyndt", "status: snart", 1), encoding="utf-8")
    messages = []
    for workers in (0, 1):
        code, log = build(project, tmp_path / f"site-{workers}", workers)
        assert code != 0
        assert "Traceback" not in log, log
        messages.append([line for line in log.splitlines() if "data/plan.yaml:" in line])
    assert messages[0], messages
    assert any("snart" in line for line in messages[0]), messages
    assert messages[0] == messages[1]
