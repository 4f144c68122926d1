"""The project's virtual environment: made from the lock files, rebuilt when they or the interpreter change.

A .venv made by another Python (``python3.13 dev.py test`` after ``python3.11 dev.py test``) is removed
and made again: its packages were built for the other interpreter, and reusing it would test the wrong one.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import venv
from pathlib import Path

TESTED_PYTHONS = ("3.11", "3.12", "3.13")  # what the workflow's test job runs on; the README says the same
QUIET_BANNER_LINE = "import os; os.environ.setdefault('NO_MKDOCS_2_WARNING', '1')\n"


def venv_bin(folder: Path, name: str) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return folder / scripts / f"{name}{suffix}"


def venv_python_version(folder: Path) -> str | None:
    """The Python version a venv was made with, as its pyvenv.cfg records it; None when there is no venv."""
    config = folder / "pyvenv.cfg"
    if not config.is_file():
        return None
    for line in config.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            return ".".join(value.strip().split(".")[:3])
    return None


def made_by_other_python(folder: Path, version: str | None = None) -> bool:
    """True when the venv exists and was made by a Python of another version than this one."""
    found = venv_python_version(folder)
    return found is not None and found != (version or platform.python_version())


def lock_digest(lock: Path, pyproject: Path) -> str:
    return hashlib.sha256(lock.read_bytes() + pyproject.read_bytes() + platform.python_version().encode()).hexdigest()


def ensure_installed(root: Path, folder: Path, lock: Path) -> None:
    """Install the lock file into the venv once; again only when the lock, pyproject.toml or the Python changes."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before the venv exists
        sys.exit("Planspor kræver Python 3.11 eller nyere.")
    if f"{sys.version_info[0]}.{sys.version_info[1]}" not in TESTED_PYTHONS:
        print(f"Bemærk: Planspor er testet med Python {', '.join(TESTED_PYTHONS)}; dette er {platform.python_version()}.", flush=True)
    if made_by_other_python(folder):
        print(f"{folder.name} er lavet med Python {venv_python_version(folder)}; laver den igen med Python {platform.python_version()} ...", flush=True)
        shutil.rmtree(folder)
    digest = lock_digest(lock, root / "pyproject.toml")
    stamp = folder / f".installed-{lock.stem}"
    python = venv_bin(folder, "python")
    if stamp.exists() and stamp.read_text() == digest and python.exists():
        return
    if not python.exists():
        print(f"Opretter {folder.name} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(folder)
    print(f"Installerer afhængigheder fra {lock.relative_to(root)} ...", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "-r", str(lock)], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(root)], check=True)
    quiet_mkdocs_banner(python)
    stamp.write_text(digest)


def quiet_mkdocs_banner(python: Path) -> None:
    """mkdocs-material prints an end-of-life banner when its theme is imported,
    before any hook runs. A .pth line sets NO_MKDOCS_2_WARNING for every Python
    started from .venv, so a plain `mkdocs build` there shows real problems only."""
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (Path(purelib) / "planspor-quiet-mkdocs-banner.pth").write_text(QUIET_BANNER_LINE)
