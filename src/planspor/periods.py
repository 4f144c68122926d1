"""Indicative timings (a year, a quarter, a month or a day) and Danish dates.

A timing value names a period. Periods sort by their first day, then their
last day, so "2024" sorts before "2024-Q2", which sorts before "2024-05".

An end may also be "løbende" (ongoing): the work has no planned end. It is one
period that covers all time (ONGOING), so it sorts after every dated end, is in
every quarter of a timeline and never lies in the past; only an end may be it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip

ALLOWED_FORMS = "et år (2025), et kvartal (2024-Q3), en måned (2024-05) eller en dato (2024-05-15)"
ALLOWED_END_FORMS = "et år (2025), et kvartal (2024-Q3), en måned (2024-05), en dato (2024-05-15) eller løbende (ingen slut)"
ONGOING_WORD = "løbende"

_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period; ``text`` is the canonical form written in plan.yaml."""

    first: dt.date
    last: dt.date
    text: str
    label: str

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.first, self.last)

    @property
    def ongoing(self) -> bool:
        return self.text == ONGOING_WORD


ONGOING = Period(dt.date.min, dt.date.max, ONGOING_WORD, ONGOING_WORD)


class PeriodError(ValueError):
    """The value is not a period; the message says why, in Danish."""


def parse_period(value: object, *, end: bool = False) -> Period:
    """Read a timing value as YAML gives it: int, str or date; ``end``: "løbende" is allowed."""
    forms = ALLOWED_END_FORMS if end else ALLOWED_FORMS
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _day(value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PeriodError(f"fandt {value!r}; skriv {forms}")
    text = str(value).strip()
    if text.casefold() == ONGOING_WORD:
        if end:
            return ONGOING
        raise PeriodError(f"fandt '{text}', men kun en slut kan være løbende; skriv en start som {ALLOWED_FORMS}")
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), text, text)
    if match := _QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        first = dt.date(year, 3 * quarter - 2, 1)
        last_month = 3 * quarter
        last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        return Period(first, last, f"{year}-Q{quarter}", f"{quarter}. kvartal {year}")
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"fandt '{text}', men måned {month} findes ikke (1-12)")
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return Period(dt.date(year, month, 1), last, f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}")
    if match := _DAY.match(text):
        return _day(parse_date_text(text))
    raise PeriodError(f"fandt '{text}'; skriv {forms}")


def _day(day: dt.date) -> Period:
    return Period(day, day, day.isoformat(), danish_date(day))


def parse_date_text(text: str) -> dt.date:
    """'2024-02-30' -> PeriodError naming the impossible day."""
    match = _DAY.match(text.strip())
    if not match:
        raise PeriodError(f"fandt '{text}'; skriv en dato som 2024-05-15 (år-måned-dag)")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PeriodError(f"datoen '{text}' findes ikke i kalenderen") from None


def danish_date(day: dt.date) -> str:
    """29. februar 2024"""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
