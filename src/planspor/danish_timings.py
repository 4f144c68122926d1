"""Timings as Danish administrations write them in their own sheets, read into the plan's forms.

"1. kvartal 2025", "Q1 2025", "1. kvt. 2025", "januar 2025", "jan. 2025", "1. halvår 2025",
"primo 2025": each is turned into the one canonical form data/plan.yaml holds (periods.parse_period:
a year, a quarter, a month or a day), so everything after the import (the pages, plan.json, the
charts, `planspor flyt`) sees only those. A half-year and primo/medio/ultimo are spans of quarters:
as a start they are their first quarter, as an end their last ("1. halvår 2025" ends 2025-Q2).
A span in one cell ("2024-2025", "2024/25") is a start and an end: ``span``. "Løbende" (ongoing)
is an end that never comes (periods.ONGOING); a one-cell schedule may say "fra 2024 og løbende".
"""

from __future__ import annotations

import re
from typing import Literal

from .periods import MONTHS, ONGOING, ONGOING_WORD, Period, PeriodError, parse_period

Role = Literal["start", "end"]

DANISH_FORMS = (
    "et år (2025), et kvartal (2025-Q1, 1. kvartal 2025, 1. kvt. 2025, Q1 2025), et halvår (1. halvår 2025), "
    "primo, medio eller ultimo 2025, en måned (2025-05, maj 2025, maj. 2025) eller en dato (2025-05-15)"
)
DANISH_END_FORMS = DANISH_FORMS.replace(" eller en dato (2025-05-15)", ", en dato (2025-05-15) eller løbende (ingen slut)")

_QUARTER = re.compile(r"^(?:([1-4])\s*\.?\s*(?:kvartal|kvt\.?)|q\s*([1-4]))\s*(\d{4})$|^(\d{4})\s*[-\s]?\s*q\s*([1-4])$")
_HALF = re.compile(r"^([12])\s*\.?\s*halvår\s*(\d{4})$")
_PART_OF_YEAR = re.compile(r"^(primo|medio|ultimo)\s*(\d{4})$")
_MONTH_NAME = re.compile(r"^([a-zæøå]+)\.?\s*(\d{4})$")
_DAY_NAME = re.compile(r"^(\d{1,2})\.\s*([a-zæøå]+)\.?\s*(\d{4})$")  # "15. maj 2024", as the site writes a day
# "2024-2025", "2024 – 2025", "2024/25", "2024/2025"; not "2024-12", which is December 2024.
_SPAN = re.compile(r"^(\d{4})\s*(?:[-–]\s*(\d{4})|/\s*(\d{2}|\d{4}))$")
# "1. kvartal 2024 - 4. kvartal 2024", "jan. 2024–juni 2024", "2024-Q1 til 2024-Q4": two points with a
# dash between spaces, an en dash, or "til" ("2024-12" is one month, not a span).
_BETWEEN = re.compile(r"^(.+?)\s*(?:\s-\s|–|—|\stil\s)\s*(.+)$", re.IGNORECASE)
# "fra 2024 og løbende", "2024 og frem", "1. kvartal 2024 – løbende"; "løbende fra 2024"; "fra 2024".
_ONGOING_FROM = re.compile(r"^(?:fra\s+)?(.+?)\s*(?:og\s+løbende|[-–]\s*løbende|og\s+frem(?:efter|over)?)$", re.IGNORECASE)
_FROM_ONGOING = re.compile(r"^løbende\s+fra\s+(.+)$", re.IGNORECASE)
_FROM = re.compile(r"^fra\s+(.+)$", re.IGNORECASE)
_BY = re.compile(r"^senest\s+(.+)$", re.IGNORECASE)
# Quarters a part of the year spans: (first, last).
_PARTS = {"primo": (1, 1), "medio": (2, 3), "ultimo": (4, 4), "1": (1, 2), "2": (3, 4)}


def danish_period(text: str, role: Role) -> Period:
    """The period a cell's text names, as a start or an end; PeriodError listing the Danish forms."""
    written = " ".join(text.split()).casefold()
    if written == ONGOING_WORD:
        return parse_period(written, end=role == "end")  # a start cannot be ongoing: parse_period says so
    canonical = _canonical(written, role)
    if canonical is not None or re.match(r"\d{4}(-|$)", written):
        return parse_period(canonical or text)  # the plan's own form: its own message ("måned 13 findes ikke")
    try:
        return parse_period(text)
    except PeriodError:
        raise PeriodError(f"fandt '{text}'; skriv {DANISH_END_FORMS if role == 'end' else DANISH_FORMS}") from None


def schedule(text: str) -> tuple[Period | None, Period | None] | None:
    """The start and end one "Tidsplan" cell names when it is more than one point: a span ("2024-2025"),
    a start only ("fra 2024"), an end only ("senest 2025"), ongoing ("løbende") or both ("fra 2024 og
    løbende", "løbende fra 2024"): each form the site itself shows (Timing.label) reads back as it was.
    None: the cell is one point, which is the end."""
    written = " ".join(text.split())
    if written.casefold() == ONGOING_WORD:
        return None, ONGOING
    if match := _ONGOING_FROM.match(written) or _FROM_ONGOING.match(written):
        return danish_period(match[1], "start"), ONGOING
    if match := _BY.match(written):  # "senest 2. kvartal 2025", as the site writes an end without a start
        return None, danish_period(match[1], "end")
    if match := _FROM.match(written):  # "fra 2024", or "fra 1. kvartal 2024 til 4. kvartal 2024": a span
        return span(match[1]) or (danish_period(match[1], "start"), None)
    return span(written)


def span(text: str) -> tuple[Period, Period] | None:
    """A start and an end written in one cell ("2024-2025", "2024/25", "1. kvartal 2024 – 2. kvartal 2025",
    "jan. 2024 til juni 2024"); None when the text is no span."""
    written = " ".join(text.split())
    match = _SPAN.match(written)
    if match is None:
        if (between := _BETWEEN.match(written)) is None:
            return None
        start, end = danish_period(between[1], "start"), danish_period(between[2], "end")
        if end.last < start.first:
            raise PeriodError(f"fandt '{text}': slut ({end.label}) ligger før start ({start.label})")
        return start, end
    first, second = int(match[1]), match[2] or match[3]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first:
        raise PeriodError(f"fandt '{text}': slutåret {last} ligger ikke efter startåret {first}")
    return parse_period(str(first)), parse_period(str(last))


def _canonical(text: str, role: Role) -> str | None:
    if match := _QUARTER.match(text):
        quarter, year = (match[1] or match[2], match[3]) if match[3] else (match[5], match[4])
        return f"{year}-Q{quarter}"
    if match := _HALF.match(text):
        return _quarter_of(match[2], _PARTS[match[1]], role)
    if match := _PART_OF_YEAR.match(text):
        return _quarter_of(match[2], _PARTS[match[1]], role)
    if match := _DAY_NAME.match(text):
        month = _month_number(match[2])
        return f"{match[3]}-{month:02d}-{int(match[1]):02d}" if month is not None else None
    if match := _MONTH_NAME.match(text):
        month = _month_number(match[1])
        return f"{match[2]}-{month:02d}" if month is not None else None
    return None


def _month_number(written: str) -> int | None:
    """'maj' -> 5, 'jan' -> 1 (three letters or more of the name); None for anything else."""
    return next((index for index, name in enumerate(MONTHS, 1) if name == written or (len(written) >= 3 and name.startswith(written))), None)


def _quarter_of(year: str, quarters: tuple[int, int], role: Role) -> str:
    return f"{year}-Q{quarters[0] if role == 'start' else quarters[1]}"
