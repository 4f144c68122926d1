#!/usr/bin/env python3
"""Planspor's two commands, for any machine with Python 3.11+:

    python3 dev.py serve   # install (first time) and show the site on http://127.0.0.1:8000/
    python3 dev.py test    # install (first time) and run the whole test suite

Everything is installed into .venv/ from the lock files in requirements/, so
every machine builds with the same versions. Extra arguments are passed on:
``python3 dev.py serve --dev-addr 127.0.0.1:8001`` or ``python3 dev.py test -k search``.
"""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCKS = {
    "site": ROOT / "requirements" / "site.txt",
    "test": ROOT / "requirements" / "test.txt",
    "ci": ROOT / "requirements" / "ci.txt",  # test + actionlint, whose wheel is x86_64 Linux only
}


def test_lock() -> str:
    return "ci" if sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64") else "test"


def venv_bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def ensure_installed(kind: str) -> None:
    """Install the lock file into .venv once; again only when it changes."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before the venv exists
        sys.exit("Planspor kræver Python 3.11 eller nyere.")
    lock = LOCKS[kind]
    digest = hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f".installed-{kind}"
    if stamp.exists() and stamp.read_text() == digest and venv_bin("python").exists():
        return
    if not venv_bin("python").exists():
        print("Opretter .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"Installerer afhængigheder fra {lock.relative_to(ROOT)} ...", flush=True)
    pip = [str(venv_bin("python")), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "-r", str(lock)], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    quiet_mkdocs_banner()
    stamp.write_text(digest)


def quiet_mkdocs_banner() -> None:
    """mkdocs-material prints an end-of-life banner when its theme is imported,
    before any hook runs. A .pth line sets NO_MKDOCS_2_WARNING for every Python
    started from .venv, so a plain `mkdocs build` there shows real problems only."""
    purelib = subprocess.run(
        [str(venv_bin("python")), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True
    ).stdout.strip()
    line = "import os; os.environ.setdefault('NO_MKDOCS_2_WARNING', '1')\n"
    (Path(purelib) / "planspor-quiet-mkdocs-banner.pth").write_text(line)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # MkDocs' end-of-life banner is not a problem of the plan
    env["PATH"] = str(venv_bin("python").parent) + os.pathsep + env.get("PATH", "")
    return env


def serve(args: list[str]) -> int:
    ensure_installed("site")
    command = [str(venv_bin("mkdocs")), "serve", "--dev-addr", "127.0.0.1:8000", *args]
    if "--dev-addr" in args or "-a" in args:
        command = [str(venv_bin("mkdocs")), "serve", *args]
    return subprocess.call(command, cwd=ROOT, env=environment())


def test(args: list[str]) -> int:
    ensure_installed(test_lock())
    env = environment()
    checks = [
        [str(venv_bin("ruff")), "check", "."],
        [str(venv_bin("ruff")), "format", "--check", "."],
        [str(venv_bin("mypy"))],
    ]
    for check in checks:
        print("$", " ".join(Path(check[0]).name if i == 0 else part for i, part in enumerate(check)), flush=True)
        if subprocess.call(check, cwd=ROOT, env=env) != 0:
            return 1
    if not any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in args):
        args = ["-n", "auto", *args]  # every core: the suite takes about half as long on two
    return subprocess.call([str(venv_bin("python")), "-m", "pytest", *args], cwd=ROOT, env=env)


def main() -> int:
    commands = {"serve": serve, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
