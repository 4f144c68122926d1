"""The `planspor` command speaks Danish, suggests fixes for typos, and exports a hook-free site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO, BuiltSite, mkdocs_env, run_planspor


def test_help_is_danish() -> None:
    result = run_planspor(REPO, "--hjælp")
    assert result.returncode == 0
    assert result.stdout.startswith("brug: planspor")
    assert "vis denne hjælp og afslut" in result.stdout
    assert "show this help" not in result.stdout
    sub = run_planspor(REPO, "check", "--help")
    assert sub.stdout.startswith("brug: planspor check") and "tilvalg:" in sub.stdout


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = run_planspor(REPO, "chek")
    assert result.returncode == 2
    assert "fejl: ukendt valg 'chek'. Mente du 'check'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_argument_is_named_in_danish() -> None:
    result = run_planspor(REPO, "eksport")
    assert result.returncode == 2 and "fejl: mangler: mappe." in result.stderr


def test_exported_pages_build_the_same_site_without_hooks(tmp_path: Path, bundled_site: BuiltSite) -> None:
    export = tmp_path / "eksport"
    result = run_planspor(REPO, "eksport", str(export))
    assert result.returncode == 0, result.stderr
    config = (export / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks: []" in config
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(export / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=mkdocs_env(),
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    ours = {p.relative_to(bundled_site.root): p for p in bundled_site.pages()}
    theirs = {p.relative_to(export / "site"): p for p in (export / "site").rglob("*.html")}
    assert set(ours) == set(theirs)
    different = [str(path) for path in ours if ours[path].read_bytes() != theirs[path].read_bytes()]
    assert different == []
    assert not (export / "site" / "pagefind").exists(), "plain MkDocs runs no hooks"
