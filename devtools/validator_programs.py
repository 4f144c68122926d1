"""The validators the suite runs on the built site as an auditor would: the W3C Nu HTML Checker
(vnu.jar, run with Java) and HTML_CodeSniffer (loaded into the test's Chromium page).

Both come from npm, pinned in devtools/validators/package-lock.json and installed with
``npm ci --ignore-scripts`` (vnu-jar's install script would download a Java runtime; the jar itself
is in the package). Java comes from Debian's default-jre-headless, Node.js and npm from Debian's
nodejs and npm, when they are missing; elsewhere the message says what to install. ``npm ci`` runs
again only when the lock file changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from devtools.system_programs import Machine, ProvisionError

VALIDATORS = Path(__file__).resolve().parent / "validators"
LOCK = VALIDATORS / "package-lock.json"
STAMP = VALIDATORS / "node_modules" / ".planspor-lock.sha256"
VNU_JAR = VALIDATORS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMLCS = VALIDATORS / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"


def ensure_program(machine: Machine, name: str, packages: list[str], advice: str) -> str:
    """The program's path, from apt-get on Debian and Ubuntu when it is missing."""
    found = machine.which(name)
    if found:
        return found
    if machine.distribution() is None:
        raise ProvisionError(f"Testene skal bruge {name} ({advice}). Installér det, og kør python3 dev.py test igen.")
    if machine.apt_install(packages) and (found := machine.which(name)):
        return found
    raise ProvisionError(f"{name} kunne ikke installeres. Kør: sudo apt-get install {' '.join(packages)}")


def ensure_validators(machine: Machine) -> dict[str, str]:
    """Java, vnu.jar and HTMLCS.js: the environment variables that tell the tests where they are."""
    java = ensure_program(machine, "java", ["default-jre-headless"], "Java 11 eller nyere til W3C's HTML-validator")
    npm = ensure_program(machine, "npm", ["nodejs", "npm"], "Node.js og npm til at hente validatorerne")
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if not (STAMP.is_file() and STAMP.read_text(encoding="utf-8").strip() == wanted and VNU_JAR.is_file() and HTMLCS.is_file()):
        machine.say("$ npm ci --ignore-scripts (devtools/validators)")
        result = machine.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(VALIDATORS)])
        if result.returncode != 0 or not VNU_JAR.is_file() or not HTMLCS.is_file():
            raise ProvisionError(f"Validatorerne kunne ikke installeres med npm ci i {VALIDATORS}:\n{result.stdout}{result.stderr}")
        STAMP.write_text(wanted + "\n", encoding="utf-8")
    return {"PLANSPOR_JAVA": java, "PLANSPOR_VNU_JAR": str(VNU_JAR), "PLANSPOR_HTMLCS": str(HTMLCS)}
