"""The programs the test suite needs besides Python packages: a Chromium for the browser tests, nginx for
the self-hosting recipe. Found when present, installed when they can be, a clear message when they cannot.

Order of preference for the browser: a Chromium named in PLANSPOR_CHROMIUM or on the PATH (one that runs:
Ubuntu's ``chromium-browser`` is only a stub for the snap); Playwright's own Chromium when it was downloaded
before; Debian's ``chromium`` package on Debian; Playwright's download (``--with-deps`` on Ubuntu, where the
package is a snap stub). nginx comes from apt-get on Debian and Ubuntu alike. apt-get runs as root, or with
``sudo -n`` (never a password prompt); ``apt-get update`` runs only when something is to be installed.

Everything that decides the path is in :class:`Machine`, so tests can put stand-in programs on a PATH of
their own and say which distribution and user they pretend to be.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SBIN_FOLDERS = ("/usr/sbin", "/usr/local/sbin", "/sbin")
NGINX_PACKAGES = (("nginx-light",), ("nginx",))  # nginx-light is Debian 12's small build; newer releases ship plain nginx
PLAYWRIGHT_EXECUTABLE = "from playwright.sync_api import sync_playwright\nwith sync_playwright() as p:\n    print(p.chromium.executable_path)\n"


class ProvisionError(Exception):
    """A program the tests need is missing and cannot be installed here; the message says what to run."""


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Machine:
    """What the install path depends on. The defaults are this machine; tests pass their own."""

    python: Path  # the .venv's Python (Playwright lives there)
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    os_release: Path = Path("/etc/os-release")
    is_root: bool = field(default_factory=_is_root)
    say: Callable[[str], None] = field(default=lambda text: print(text, flush=True))
    sbin: Sequence[str] = SBIN_FOLDERS  # where nginx lives, off a normal user's PATH
    _apt_updated: bool = False

    def which(self, name: str, extra: Sequence[str] = ()) -> str | None:
        path = os.pathsep.join([self.env.get("PATH", os.defpath), *extra])
        return shutil.which(name, path=path)

    def distribution(self) -> str | None:
        """'debian', 'ubuntu' or None (macOS, Fedora, Windows …), from /etc/os-release."""
        if not self.os_release.is_file():
            return None
        fields: dict[str, str] = {}
        for line in self.os_release.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition("=")
            fields[key.strip()] = value.strip().strip("\"'")
        names = [fields.get("ID", ""), *fields.get("ID_LIKE", "").split()]
        if "ubuntu" in names:
            return "ubuntu"
        return "debian" if "debian" in names else None

    def as_root(self, command: Sequence[str]) -> list[str] | None:
        """The command as root: itself when we are root, through ``sudo -n`` when that needs no password."""
        if self.is_root:
            return list(command)
        sudo = self.which("sudo")
        if sudo is None:
            return None
        probe = subprocess.run([sudo, "-n", "true"], capture_output=True, env=dict(self.env), check=False)
        return [sudo, "-n", *command] if probe.returncode == 0 else None

    def run(self, command: Sequence[str], **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(command), capture_output=True, text=True, env={**self.env, **extra_env}, check=False)

    def apt_install(self, packages: Sequence[str]) -> bool:
        """apt-get install the packages (after one apt-get update); False when apt-get said no."""
        apt = self.which("apt-get")
        if apt is None:
            raise ProvisionError(f"apt-get mangler, så {' '.join(packages)} kan ikke installeres her. Installér {' '.join(packages)} selv.")
        prefix = self.as_root([apt]) if self.is_root else self.as_root(["DEBIAN_FRONTEND=noninteractive", apt])
        if prefix is None:
            raise ProvisionError(
                f"Testene skal bruge {' '.join(packages)}, og det kræver root at installere. Kør:\n"
                f"    sudo apt-get update && sudo apt-get install -y {' '.join(packages)}\n"
                "og derefter python3 dev.py test igen."
            )
        if not self._apt_updated:
            self.say("$ apt-get update")
            update = self.run([*prefix, "update", "-qq"], DEBIAN_FRONTEND="noninteractive")
            if update.returncode != 0:
                raise ProvisionError(f"apt-get update mislykkedes:\n{update.stdout}{update.stderr}")
            self._apt_updated = True
        self.say(f"$ apt-get install {' '.join(packages)}")
        result = self.run([*prefix, "install", "-y", "-qq", *packages], DEBIAN_FRONTEND="noninteractive")
        if result.returncode != 0:
            self.say(f"apt-get install {' '.join(packages)} mislykkedes:\n{result.stdout}{result.stderr}".rstrip())
        return result.returncode == 0


def runs(executable: str, machine: Machine) -> bool:
    """True when the browser starts and names itself (a snap stub prints a hint and fails)."""
    try:
        result = subprocess.run([executable, "--version"], capture_output=True, text=True, env=dict(machine.env), timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and any(name in result.stdout for name in ("Chromium", "Chrome"))


def installed_browser(machine: Machine) -> str | None:
    """PLANSPOR_CHROMIUM, else the first Chromium on the PATH that really runs."""
    named = machine.env.get("PLANSPOR_CHROMIUM")
    if named:
        if runs(named, machine):
            return named
        raise ProvisionError(f"PLANSPOR_CHROMIUM peger på {named}, men den starter ikke. Ret stien, eller fjern PLANSPOR_CHROMIUM.")
    for name in BROWSER_NAMES:
        found = machine.which(name)
        if found and runs(found, machine):
            return found
    return None


def playwright_browser(machine: Machine) -> str | None:
    """Playwright's own Chromium, when it has been downloaded before."""
    result = machine.run([str(machine.python), "-c", PLAYWRIGHT_EXECUTABLE])
    path = result.stdout.strip().splitlines()[-1] if result.returncode == 0 and result.stdout.strip() else ""
    return path if path and Path(path).is_file() else None


def install_playwright_browser(machine: Machine, with_deps: bool) -> str:
    command = [str(machine.python), "-m", "playwright", "install", *(["--with-deps"] if with_deps else []), "chromium"]
    shown = f"{machine.python} -m playwright install {'--with-deps ' if with_deps else ''}chromium"
    if with_deps and machine.as_root(["true"]) is None:
        raise ProvisionError(f"Testene skal bruge Chromium, og dens systembiblioteker kræver root at installere. Kør:\n    sudo {shown}")
    machine.say(f"$ {shown}")
    result = machine.run(command)
    found = playwright_browser(machine) if result.returncode == 0 else None
    if found is None:
        raise ProvisionError(
            f"Chromium kunne ikke hentes ({shown}):\n{result.stdout}{result.stderr}\nInstallér Chromium selv, og sæt PLANSPOR_CHROMIUM til den."
        )
    return found


def ensure_browser(machine: Machine) -> str:
    """The path of a Chromium that runs, installing one if there is none."""
    found = installed_browser(machine) or playwright_browser(machine)
    if found:
        return found
    distribution = machine.distribution()
    if distribution == "debian":
        if machine.apt_install(["chromium"]) and (found := installed_browser(machine)):
            return found
        raise ProvisionError("Debians pakke chromium kunne ikke installeres. Kør: sudo apt-get install chromium")
    return install_playwright_browser(machine, with_deps=distribution == "ubuntu")


def installed_nginx(machine: Machine) -> str | None:
    return machine.which("nginx", extra=machine.sbin)


def ensure_nginx(machine: Machine) -> str:
    """The path of nginx, installing it from apt-get on Debian and Ubuntu if it is missing."""
    found = installed_nginx(machine)
    if found:
        return found
    if machine.distribution() is None:
        raise ProvisionError("Testen af deploy/nginx/ skal bruge nginx. Installér den (fx 'brew install nginx'), og kør python3 dev.py test igen.")
    for packages in NGINX_PACKAGES:
        if machine.apt_install(packages) and (found := installed_nginx(machine)):
            return found
    raise ProvisionError("nginx kunne ikke installeres. Kør: sudo apt-get install nginx")


def provision(machine: Machine) -> dict[str, str]:
    """Everything the suite needs; the environment variables that tell the tests where it is."""
    return {"PLANSPOR_CHROMIUM": ensure_browser(machine), "PLANSPOR_NGINX": ensure_nginx(machine)}
