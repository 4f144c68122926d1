#!/usr/bin/env python3
"""Planspor's two commands, for any machine with Python 3.11+:

    python3 dev.py serve   # install (first time) and show the site on http://127.0.0.1:8000/
    python3 dev.py test    # install (first time) everything the tests need and run the whole test suite

Everything Python is installed into .venv/ from the lock files in requirements/, so every machine builds
with the same versions; a .venv made by another Python version is made again. `test` also finds or installs
a Chromium and nginx (devtools/system_programs.py says how), Java and the validators the suite runs on the
built site (devtools/validator_programs.py). Extra arguments are passed on:
``python3 dev.py serve --dev-addr 127.0.0.1:8001`` or ``python3 dev.py test -k search``.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from devtools import python_env, system_programs, validator_programs

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
    return python_env.venv_bin(VENV, name)


def ensure_installed(kind: str) -> None:
    """Install the lock file into .venv once; again only when it, pyproject.toml or the Python changes."""
    python_env.ensure_installed(ROOT, VENV, LOCKS[kind])


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"  # MkDocs' end-of-life banner is not a problem of the plan
    env["PATH"] = str(venv_bin("python").parent) + os.pathsep + env.get("PATH", "")
    return env


# The preview renders only the pages whose source changed (planspor.preview says
# which); `python3 dev.py serve --clean` serves a plain full build instead.
SERVE_OPTIONS: tuple[str, ...] = ("--dirty",)


def serve_command(args: list[str]) -> list[str]:
    options = [] if "--clean" in args or "--dirty" in args else list(SERVE_OPTIONS)
    address = [] if "--dev-addr" in args or "-a" in args else ["--dev-addr", "127.0.0.1:8000"]
    return [str(venv_bin("mkdocs")), "serve", *options, *address, *args]


def serve(args: list[str]) -> int:
    ensure_installed("site")
    command = serve_command(args)
    return subprocess.call(command, cwd=ROOT, env=environment())


def provision_programs(env: dict[str, str]) -> bool:
    """Find or install the browser, nginx, Java and the validators; put their paths in env. False (with a message) when impossible."""
    steps = (
        (system_programs.provision, lambda found: f"Chromium: {found['PLANSPOR_CHROMIUM']}; nginx: {found['PLANSPOR_NGINX']}"),
        (
            validator_programs.ensure_validators,
            lambda found: f"Java: {found['PLANSPOR_JAVA']}; W3C Nu HTML Checker and HTML_CodeSniffer in devtools/validators",
        ),
    )
    for provide, told in steps:
        started = time.monotonic()
        try:
            found = provide(system_programs.Machine(python=venv_bin("python"), env=env))
        except system_programs.ProvisionError as error:
            print(f"\n{error}", file=sys.stderr, flush=True)
            return False
        env.update(found)
        print(f"{told(found)} ({time.monotonic() - started:.1f} s)", flush=True)
    return True


def test(args: list[str]) -> int:
    ensure_installed(test_lock())
    env = environment()
    if not provision_programs(env):
        return 1
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
        # Every core (the suite takes about half as long on two); tests that share a costly
        # fixture are grouped onto one worker (pytest.mark.xdist_group), the rest spread.
        args = ["-n", "auto", "--dist", "loadgroup", *args]
    return subprocess.call([str(venv_bin("python")), "-m", "pytest", *args], cwd=ROOT, env=env)


def main() -> int:
    commands = {"serve": serve, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
