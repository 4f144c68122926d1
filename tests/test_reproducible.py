"""Reproducible builds: two builds of the same commit are identical, byte for byte.

Every date in the output (sitemap lastmod, sitemap.xml.gz's timestamp, the
footer's build stamp) comes from SOURCE_DATE_EPOCH, which the publishing
workflow sets from the commit time and the hook sets from `git log` when it is
unset in a git checkout. Nothing depends on the clock, the time zone, Python's
hash seed or the folder the project is checked out in; Pagefind's index is
included in the comparison. The one case that is not reproducible: a build
outside a git checkout without SOURCE_DATE_EPOCH, where MkDocs dates the
sitemap with the day of the build.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, mkdocs_env

EPOCH = 1_000_000_000  # 9 September 2001: far from whatever day the tests run on
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def build(project: Path, extra: dict[str, str], clear: tuple[str, ...] = ()) -> Path:
    """`mkdocs build --strict` of project into project/site, run from inside the project."""
    env = mkdocs_env(**extra)
    for name in clear:
        env.pop(name, None)
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def assert_identical(first: Path, second: Path) -> None:
    one, two = files(first), files(second)
    assert one.keys() == two.keys()
    assert any(name.startswith("pagefind/fragment/") for name in one), "Pagefind's index is part of the comparison"
    assert [name for name in one if one[name] != two[name]] == []


def lastmods(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>(.*?)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def gzip_mtime(path: Path) -> int:
    """The gzip header's timestamp; MkDocs writes midnight UTC of the pages' date."""
    return int.from_bytes(path.read_bytes()[4:8], "little")


def midnight(epoch: int) -> int:
    return epoch - epoch % 86_400


def test_builds_in_other_folders_time_zones_and_hash_seeds_are_identical(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "a")
    second = copy_project(tmp_path / "et andet sted" / "planspor-kopi")
    common = {"SOURCE_DATE_EPOCH": str(EPOCH), "PLANSPOR_COMMIT": COMMIT}
    site_one = build(first, {"TZ": "UTC", "PYTHONHASHSEED": "1", "LC_ALL": "C.UTF-8", **common})
    site_two = build(second, {"TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "4242", "LC_ALL": "C", **common})
    assert_identical(site_one, site_two)
    # The dates are the commit's, not the clock's.
    assert lastmods(site_one) == {"2001-09-09"}
    assert gzip_mtime(site_one / "sitemap.xml.gz") == midnight(EPOCH)
    assert gzip.decompress((site_one / "sitemap.xml.gz").read_bytes()) == (site_one / "sitemap.xml").read_bytes()
    today = datetime.now(UTC).date().isoformat()
    assert [name for name, body in files(site_one).items() if today.encode() in body] == []
    stamp = BeautifulSoup((site_one / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".ps-footer__build")
    assert stamp is not None and " ".join(stamp.get_text(" ").split()) == "Bygget fra version 0123456 af 9. september 2001"


def git(folder: Path, *args: str) -> str:
    env = mkdocs_env(
        GIT_AUTHOR_NAME="Planspor",
        GIT_AUTHOR_EMAIL="planspor@example.invalid",
        GIT_COMMITTER_NAME="Planspor",
        GIT_COMMITTER_EMAIL="planspor@example.invalid",
        GIT_AUTHOR_DATE="2024-06-10T12:00:00+02:00",
        GIT_COMMITTER_DATE="2024-06-10T12:00:00+02:00",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL="/dev/null",
    )
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


def test_two_checkouts_of_one_commit_build_identically_without_source_date_epoch(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git mangler: uden git er der ingen checkout at bygge fra")
    origin = copy_project(tmp_path / "origin")
    git(origin, "init", "--quiet", "--initial-branch=main")
    git(origin, "add", ".")
    git(origin, "commit", "--quiet", "-m", "Planen")
    commit = git(origin, "rev-parse", "HEAD")
    clone = tmp_path / "andre" / "klon"
    clone.parent.mkdir()
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    unset = ("SOURCE_DATE_EPOCH", "PLANSPOR_COMMIT", "GITHUB_SHA")
    site_one = build(origin, {"TZ": "Europe/Copenhagen", "PYTHONHASHSEED": "7"}, clear=unset)
    site_two = build(clone, {"TZ": "America/Los_Angeles", "PYTHONHASHSEED": "99"}, clear=unset)
    assert_identical(site_one, site_two)
    assert lastmods(site_one) == {"2024-06-10"}
    assert gzip_mtime(site_one / "sitemap.xml.gz") == midnight(int(datetime.fromisoformat("2024-06-10T12:00:00+02:00").timestamp()))
    stamp = BeautifulSoup((site_one / "om" / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".ps-footer__build")
    assert stamp is not None and " ".join(stamp.get_text(" ").split()) == f"Bygget fra version {commit[:7]} af 10. juni 2024"
