"""data/plan.yaml as bytes: read once, written back atomically in the editor's own encoding.

An editing command reads the file once. The bytes are kept to put the file
back if saving fails; the text (LF line ends, no BOM) is what is validated and
edited; a BOM and CRLF line ends are put back on writing, so a file saved on
Windows stays as it was apart from the lines that changed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .problems import PlanInvalid, Problem
from .project import MISSING_PLAN, PLAN_FILE
from .yamlsource import SourceText, decode_text, unreadable

_BOM = "\ufeff".encode()


@dataclass(frozen=True)
class PlanFile:
    """data/plan.yaml as read: its bytes, its text with LF line ends, and how to write it back."""

    path: Path
    raw: bytes
    text: str
    bom: bool
    crlf: bool

    @property
    def source(self) -> SourceText:
        """The text as the validator reads it."""
        return SourceText(self.path, PLAN_FILE, self.text)

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (_BOM if self.bom else b"") + text.encode("utf-8")


def read_plan_file(root: Path) -> PlanFile:
    """Read the plan's bytes once; a missing, unreadable or non-UTF-8 file is a PlanInvalid as `planspor check` words it."""
    path = root / PLAN_FILE
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanInvalid([Problem(PLAN_FILE, None, "", unreadable(path, error, MISSING_PLAN))]) from None
    text = decode_text(raw, path, PLAN_FILE).text
    crlf = raw.count(b"\r\n") > raw.count(b"\n") / 2 if b"\n" in raw else False
    return PlanFile(path, raw, text, raw.startswith(_BOM), crlf)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file next to `path`, then rename it into place."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
