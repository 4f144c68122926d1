"""One cell's value as the editor meant it: text, a period or date, an amount, a list, ja or nej.

Readers hand over raw values: always text from a CSV file, but numbers, booleans
and dates from Excel, which turns "2025" into 2025.0 and "01-03-2025" into a
date. These functions make both mean the same, so nothing after them asks which
kind of file a cell came from. This module changes when a new way of writing a
value must be understood.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from .danish_timings import Role, danish_period
from .money import parse_danish_amount
from .periods import Period, parse_period
from .yaml_errors import without_invisible

_YES = {"ja", "j", "x", "sand", "true", "1", "yes"}
_NO = {"nej", "n", "falsk", "false", "0", "no"}
_DANISH_DAY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")


def cell_text(value: Any) -> str:
    """The cell as text: numbers without '.0', dates as ÅÅÅÅ-MM-DD, trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    lines = without_invisible(str(value)).replace("\r\n", "\n").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def one_line(value: Any) -> str:
    """The cell as a single line: for ids, titles and choices, where a line break means nothing."""
    return " ".join(cell_text(value).split())


def cell_period(value: Any, role: Role = "end") -> Period:
    """A period (2025, 2025-Q1, a date, and the Danish forms of danish_timings: "1. kvartal 2025",
    "jan. 2025", "1. halvår 2025" as a start or an end); a Danish day (01-03-2025) is that date. Raises PeriodError."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return parse_period(value)
    text = one_line(value)
    if match := _DANISH_DAY.match(text):
        day, month, year = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    return danish_period(text, role)


def parse_amount(value: Any) -> Decimal | None:
    """A budget cell: a number, or text with decimal comma (-1.250,5). None: not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        amount = Decimal(str(value))
        return amount if amount.is_finite() else None
    return parse_danish_amount(one_line(value))


def split_list(value: Any) -> list[str]:
    """The parts of a list cell, separated by comma, semicolon or line break."""
    return [part.strip() for part in re.split(r"[,;\n]", cell_text(value)) if part.strip()]


def yes_or_no(text: str) -> bool | None:
    """A ja/nej cell, already folded to lower case; None when it is neither."""
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None
