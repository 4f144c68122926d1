"""`python3 dev.py test` sets up what the suite needs by itself: a Chromium, nginx, a .venv of this Python.

Every branch runs against stand-in programs on a PATH of the test's own (apt-get, sudo, a Chromium, a
snap stub, Playwright's installer), so nothing is installed or downloaded; the stand-ins log how they were
called, and the tests assert what a newcomer would see: which program was used, what was installed, the
message when nothing can be.
"""

from __future__ import annotations

import platform
import stat
import sys
from pathlib import Path

import pytest

from devtools import python_env, system_programs
from devtools.system_programs import Machine, ProvisionError

CHROMIUM = 'echo "Chromium 156.0.8078.73 built on Debian GNU/Linux 12 (bookworm)"'
SNAP_STUB = "echo \"Command '/usr/bin/chromium-browser' requires the chromium snap to be installed.\" >&2; exit 1"
LOGGED = 'echo "${0##*/} $*" >> "$LOG"'
# apt-get: update succeeds; install makes the packages' programs appear in the stand-in bin folder.
APT_GET = f"""{LOGGED}
[ "$DEBIAN_FRONTEND" = noninteractive ] || {{ echo "apt-get asked questions" >&2; exit 1; }}
case "$1" in update) exit 0;; esac
for package in "$@"; do
  case "$package" in
    chromium) printf '#!/bin/sh\\n{CHROMIUM}\\n' > "$BIN/chromium"; /bin/chmod +x "$BIN/chromium";;
    nginx-light) [ -n "$NO_NGINX_LIGHT" ] && {{ echo "E: Unable to locate package nginx-light" >&2; exit 100; }}
                 printf '#!/bin/sh\\n' > "$SBIN/nginx"; /bin/chmod +x "$SBIN/nginx";;
    nginx) printf '#!/bin/sh\\n' > "$SBIN/nginx"; /bin/chmod +x "$SBIN/nginx";;
  esac
done"""
SUDO = f"""{LOGGED}
[ "$1" = -n ] && shift
[ -n "$SUDO_WANTS_PASSWORD" ] && {{ echo "sudo: a password is required" >&2; exit 1; }}
[ "$1" = true ] && exit 0
while case "$1" in *=*) export "$1";; *) false;; esac; do shift; done
exec "$@\""""
# The .venv's Python as far as Playwright goes: -c asks for its Chromium, -m playwright install downloads it.
PYTHON = f"""case "$1" in
  -c) echo "$PW_BROWSER";;
  -m) {LOGGED}
      [ -n "$OFFLINE" ] && {{ echo "Error: getaddrinfo EAI_AGAIN playwright.azureedge.net" >&2; exit 1; }}
      printf '#!/bin/sh\\n{CHROMIUM}\\n' > "$PW_BROWSER"; /bin/chmod +x "$PW_BROWSER";;
esac"""


def program(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


class StandIns:
    """A machine of the test's own: a bin and an sbin folder, an os-release, a log of every call."""

    def __init__(self, root: Path, distribution: str | None, *, is_root: bool = True, **env: str) -> None:
        self.bin, self.sbin, self.pw = root / "bin", root / "sbin", root / "ms-playwright"
        for folder in (self.bin, self.sbin, self.pw):
            folder.mkdir(parents=True)
        self.log = root / "calls.log"
        self.log.write_text("", encoding="utf-8")
        self.os_release = root / "os-release"
        if distribution == "debian":
            self.os_release.write_text('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', encoding="utf-8")
        elif distribution == "ubuntu":
            self.os_release.write_text('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n', encoding="utf-8")
        self.python = program(root, "python", PYTHON)
        self.env = {"PATH": str(self.bin), "LOG": str(self.log), "BIN": str(self.bin), "SBIN": str(self.sbin), "PW_BROWSER": str(self.pw / "chrome"), **env}
        self.said: list[str] = []
        self.is_root = is_root

    def add(self, name: str, body: str, folder: Path | None = None) -> Path:
        return program(folder or self.bin, name, body)

    def machine(self) -> Machine:
        return Machine(python=self.python, env=self.env, os_release=self.os_release, is_root=self.is_root, say=self.said.append, sbin=(str(self.sbin),))

    def calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture()
def debian(tmp_path: Path) -> StandIns:
    machine = StandIns(tmp_path, "debian")
    machine.add("apt-get", APT_GET)
    return machine


# -- present: used as it is, nothing installed, no apt-get update ---------------------------------


def test_a_chromium_on_the_path_and_nginx_are_used_without_installing_anything(debian: StandIns) -> None:
    chromium = debian.add("chromium", CHROMIUM)
    nginx = debian.add("nginx", "", folder=debian.sbin)
    found = system_programs.provision(debian.machine())
    assert found == {"PLANSPOR_CHROMIUM": str(chromium), "PLANSPOR_NGINX": str(nginx)}
    assert debian.calls() == [], "nothing is missing, so apt-get (not even apt-get update) must not run"


def test_plansor_chromium_names_the_browser_to_use(debian: StandIns, tmp_path: Path) -> None:
    debian.add("chromium", CHROMIUM)
    mine = program(tmp_path, "my-chrome", 'echo "Google Chrome 156.0.8078.73"')
    debian.env["PLANSPOR_CHROMIUM"] = str(mine)
    assert system_programs.ensure_browser(debian.machine()) == str(mine)


def test_a_planspor_chromium_that_does_not_start_is_named_in_the_message(debian: StandIns, tmp_path: Path) -> None:
    debian.env["PLANSPOR_CHROMIUM"] = str(tmp_path / "gone" / "chrome")
    with pytest.raises(ProvisionError, match=r"PLANSPOR_CHROMIUM peger på .*gone/chrome, men den starter ikke"):
        system_programs.ensure_browser(debian.machine())
    assert debian.calls() == []


def test_playwrights_chromium_downloaded_before_is_used(tmp_path: Path) -> None:
    ubuntu = StandIns(tmp_path, "ubuntu")
    browser = program(ubuntu.pw, "chrome", CHROMIUM)
    assert system_programs.ensure_browser(ubuntu.machine()) == str(browser)
    assert ubuntu.calls() == []


# -- installable: Debian's package as root or with sudo -n; Playwright's on Ubuntu ---------------


def test_on_debian_as_root_chromium_and_nginx_come_from_apt_get_after_one_update(debian: StandIns) -> None:
    found = system_programs.provision(debian.machine())
    assert found == {"PLANSPOR_CHROMIUM": str(debian.bin / "chromium"), "PLANSPOR_NGINX": str(debian.sbin / "nginx")}
    assert debian.calls() == ["apt-get update -qq", "apt-get install -y -qq chromium", "apt-get install -y -qq nginx-light"]
    assert debian.said == ["$ apt-get update", "$ apt-get install chromium", "$ apt-get install nginx-light"]


def test_ubuntus_snap_stub_is_not_taken_for_a_browser(tmp_path: Path) -> None:
    ubuntu = StandIns(tmp_path, "ubuntu")
    ubuntu.add("chromium-browser", SNAP_STUB)
    found = system_programs.ensure_browser(ubuntu.machine())
    assert found == str(ubuntu.pw / "chrome")
    assert ubuntu.calls() == ["python -m playwright install --with-deps chromium"]


def test_without_root_apt_get_runs_through_sudo_without_a_password(tmp_path: Path) -> None:
    debian = StandIns(tmp_path, "debian", is_root=False)
    debian.add("apt-get", APT_GET)
    debian.add("sudo", SUDO)
    assert system_programs.ensure_nginx(debian.machine()) == str(debian.sbin / "nginx")
    assert debian.calls() == [
        "sudo -n true",
        "sudo -n DEBIAN_FRONTEND=noninteractive " + str(debian.bin / "apt-get") + " update -qq",
        "apt-get update -qq",
        "sudo -n DEBIAN_FRONTEND=noninteractive " + str(debian.bin / "apt-get") + " install -y -qq nginx-light",
        "apt-get install -y -qq nginx-light",
    ]


def test_where_nginx_light_does_not_exist_plain_nginx_is_installed(tmp_path: Path) -> None:
    ubuntu = StandIns(tmp_path, "ubuntu", NO_NGINX_LIGHT="1")
    ubuntu.add("apt-get", APT_GET)
    assert system_programs.ensure_nginx(ubuntu.machine()) == str(ubuntu.sbin / "nginx")
    assert ubuntu.calls() == ["apt-get update -qq", "apt-get install -y -qq nginx-light", "apt-get install -y -qq nginx"]


def test_elsewhere_playwright_downloads_chromium_without_system_packages(tmp_path: Path) -> None:
    mac = StandIns(tmp_path, None, is_root=False)
    assert system_programs.ensure_browser(mac.machine()) == str(mac.pw / "chrome")
    assert mac.calls() == ["python -m playwright install chromium"]


# -- not installable: one clear message that says what to run ------------------------------------


@pytest.mark.parametrize("sudo", ["none", "wants a password"])
def test_on_debian_without_root_or_sudo_the_message_says_what_to_run(tmp_path: Path, sudo: str) -> None:
    debian = StandIns(tmp_path, "debian", is_root=False, **({"SUDO_WANTS_PASSWORD": "1"} if sudo != "none" else {}))
    debian.add("apt-get", APT_GET)
    if sudo != "none":
        debian.add("sudo", SUDO)
    with pytest.raises(ProvisionError) as raised:
        system_programs.ensure_browser(debian.machine())
    assert str(raised.value) == (
        "Testene skal bruge chromium, og det kræver root at installere. Kør:\n"
        "    sudo apt-get update && sudo apt-get install -y chromium\n"
        "og derefter python3 dev.py test igen."
    )
    assert not any(call.startswith("apt-get") for call in debian.calls()), "apt-get must not run without root"


def test_on_ubuntu_without_root_the_message_names_playwrights_install(tmp_path: Path) -> None:
    ubuntu = StandIns(tmp_path, "ubuntu", is_root=False)
    with pytest.raises(ProvisionError, match=r"kræver root at installere\. Kør:\n    sudo .*python -m playwright install --with-deps chromium$"):
        system_programs.ensure_browser(ubuntu.machine())
    assert ubuntu.calls() == []


def test_a_download_that_cannot_happen_fails_fast_with_playwrights_reason(tmp_path: Path) -> None:
    mac = StandIns(tmp_path, None, OFFLINE="1")
    with pytest.raises(ProvisionError) as raised:
        system_programs.ensure_browser(mac.machine())
    message = str(raised.value)
    assert message.startswith(f"Chromium kunne ikke hentes ({mac.python} -m playwright install chromium)")
    assert "getaddrinfo" in message and "sæt PLANSPOR_CHROMIUM" in message


def test_a_package_apt_get_cannot_install_is_named(debian: StandIns) -> None:
    debian.add("apt-get", f"{LOGGED}\ncase \"$1\" in update) exit 0;; esac\necho 'E: Unable to locate package chromium' >&2; exit 100")
    with pytest.raises(ProvisionError, match=r"Debians pakke chromium kunne ikke installeres\. Kør: sudo apt-get install chromium"):
        system_programs.ensure_browser(debian.machine())
    assert any("Unable to locate package chromium" in line for line in debian.said)


def test_nginx_elsewhere_is_the_users_to_install(tmp_path: Path) -> None:
    mac = StandIns(tmp_path, None)
    with pytest.raises(ProvisionError, match=r"skal bruge nginx\. Installér den"):
        system_programs.ensure_nginx(mac.machine())


# -- the .venv belongs to one Python --------------------------------------------------------------


def test_a_venv_made_by_another_python_version_is_recognised(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    assert not python_env.made_by_other_python(venv, "3.13.0"), "no .venv yet: nothing to rebuild"
    venv.mkdir()
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n", encoding="utf-8")
    assert python_env.made_by_other_python(venv, "3.13.0")
    assert not python_env.made_by_other_python(venv, "3.11.7")


def test_the_venv_in_use_is_this_pythons() -> None:
    """The suite runs in the .venv dev.py made for the Python that ran it (or in an active virtualenv)."""
    config = Path(sys.prefix) / "pyvenv.cfg"
    assert config.is_file(), "the tests run inside a virtual environment"
    assert python_env.venv_python_version(Path(sys.prefix)) == platform.python_version()
