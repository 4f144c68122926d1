"""Which build produced the site: the commit and its date, for the footer.

Dates that end up in the output come from SOURCE_DATE_EPOCH (the commit's
time), so two builds of one commit are byte-identical on any clock.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from .periods import danish_date


def _git(project_root: Path, *args: str) -> str:
    """A git command's output in the project's checkout; "" outside a checkout or without git."""
    try:
        result = subprocess.run(["git", "-C", str(project_root), *args], capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def reference_date(project_root: Path) -> dt.date:
    """The latest date the plan's data may be "as of": the later of today and the build's date.

    The build's date is SOURCE_DATE_EPOCH's, which build_stamp sets from the last commit when it
    is unset (so here too: `planspor check` and the build agree). The later of the two, so that a
    machine whose clock is behind, or a build of a commit made in another time zone's tomorrow,
    does not refuse a plan the site is about to publish. `planspor check`, the preview and the
    build all reach this through project.load_plan; the editing commands through check_text.
    """
    today = dt.date.today()
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _commit_epoch(project_root)
    if not epoch.isdigit():
        return today
    return max(today, dt.datetime.fromtimestamp(int(epoch), dt.UTC).date())


def _commit_epoch(project_root: Path) -> str:
    return _git(project_root, "log", "-1", "--format=%ct")


def build_commit(project_root: Path) -> str:
    """The commit that builds the site: PLANSPOR_COMMIT, GITHUB_SHA or git's HEAD; "" when none is known."""
    return os.environ.get("PLANSPOR_COMMIT") or os.environ.get("GITHUB_SHA") or _git(project_root, "rev-parse", "HEAD")


def short_commit(commit: str) -> str:
    """A commit as the footer and the citations name it: a sha's first 7 digits, any other name whole."""
    return commit[:7] if all(c in "0123456789abcdef" for c in commit.lower()) else commit


def build_stamp(project_root: Path, repository_url: str) -> dict[str, str]:
    """Which commit built the site, and when it was committed (for the footer).

    The commit comes from PLANSPOR_COMMIT, GITHUB_SHA or git. Dates in the
    output come from SOURCE_DATE_EPOCH, set here from the commit time when
    unset, so two builds of one commit are identical on any clock.
    """
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = _commit_epoch(project_root)
        if epoch.isdigit():
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    commit = build_commit(project_root)
    if not commit:
        return {}
    stamp = {"commit": commit, "short": short_commit(commit), "url": ""}
    if repository_url:
        stamp["url"] = f"{repository_url.rstrip('/')}/commit/{commit}"
    epoch_text = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch_text.isdigit():
        day = dt.datetime.fromtimestamp(int(epoch_text), dt.UTC).date()
        stamp |= {"date": danish_date(day), "date_iso": day.isoformat()}
    return stamp
