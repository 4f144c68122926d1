"""Read an item's budget: {year: amount in 1.000 kr.}, refusing what YAML reads otherwise than a Dane means.

A Dane writes -2.500 for minus two thousand five hundred and -2,5 for minus two and
a half; YAML reads the first as -2.5 and splits the second into two fields. 0500 is
octal to YAML, .nan a number. Each is reported with what to write instead, and an
amount is accepted only as a finite number of a sensible size. The thousands rule
itself is shared with editing and import, in money.py.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .located import PlanReader, describe
from .money import thousands_separated
from .plan_keys import YEARS
from .yamlsource import YMap

# The power of ten of an amount's first digit, in 1.000 kr.: from a thousandth of a krone
# to under a trillion kroner. Beyond that it is a typing error (and 1e-999999 would print a million zeros).
_AMOUNT_DIGITS = (-6, 8)
_PLAIN_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9_]*)")


def read_budget(r: PlanReader, block: YMap, path: str) -> tuple[tuple[int, Decimal], ...]:
    """The amounts of items[].budget by year, sorted; a wrong year or amount is reported and left out."""
    if block.get("budget") is None:
        return ()
    budget = r.mapping(block["budget"], block.line_of("budget"), f"{path}.budget")
    if budget is None:
        return ()
    amounts: list[tuple[int, Decimal]] = []
    previous: tuple[Any, Any] | None = None
    for year, amount in budget.items():
        line = budget.line_of(year)
        after, previous = previous, (year, amount)
        if not isinstance(year, int) or isinstance(year, bool) or year not in YEARS:
            if after is not None and _comma_in_amount(r, budget, year, amount, after[0], f"{path}.budget"):
                continue
            r.problem(line, f"{path}.budget", f"Året {describe(year)} er ikke et årstal. Skriv fx 2025: -500.")
            continue
        value = read_amount(r, amount, budget.written(year), line, f"{path}.budget.{year}")
        if value is not None:
            amounts.append((year, value))
    return tuple(sorted(amounts))


def _comma_in_amount(r: PlanReader, budget: YMap, key: Any, value: Any, year: Any, field: str) -> bool:
    """{2025: -2,5} is read as {2025: -2, 5: nothing}: say so instead of "5 is not a year"."""
    if not (isinstance(key, int) and not isinstance(key, bool) and value is None and isinstance(year, int)):
        return False
    if budget.line_of(key) != budget.line_of(year):
        return False
    r.problem(
        budget.line_of(key),
        field,
        f"Beløbet for {year} indeholder et komma, men komma adskiller felterne i {{ }}. "
        + "Brug punktum som decimaltegn (-2,5 skrives -2.5), og skriv ingen tusindtalsseparator (-2.500 skrives -2500).",
    )
    return True


def read_amount(r: PlanReader, amount: Any, written: str | None, line: int, field: str) -> Decimal | None:
    """A budget amount in 1.000 kr.: a finite number, written without a thousands separator."""
    if isinstance(amount, bool) or not isinstance(amount, int | float | str):
        r.problem(line, field, f"Beløbet skal være et tal i 1.000 kr. (besparelser negative), men der står {describe(amount)}.")
        return None
    text = (written or str(amount)).strip()
    if thousands_separated(text):  # -2.500 is -2.5 to YAML; a Dane means -2500
        r.problem(
            line,
            field,
            f"Der står {text}. Skriv beløb i 1.000 kr. uden tusindtalspunktum, fx {text.replace('.', '')} " + "(punktum er decimaltegn: -2,5 skrives -2.5).",
        )
        return None
    if isinstance(amount, int) and written is not None and not _PLAIN_INTEGER.fullmatch(written):
        # 0500 is octal to YAML (320), 0x1F hexadecimal, 1:30 sexagesimal.
        r.problem(line, field, f"Der står {written}. Skriv beløbet som et almindeligt tal uden foranstillede nuller, fx -2500.")
        return None
    return _finite_amount(r, amount, text, line, field)


def _finite_amount(r: PlanReader, amount: int | float | str, text: str, line: int, field: str) -> Decimal | None:
    """The amount as a Decimal, if it is a number of money at all and of a size one could mean."""
    try:
        value = Decimal(str(amount).replace(" ", ""))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        # .nan, .inf and 'Infinity' are numbers to YAML and Python, but no amount of money.
        shown = text if isinstance(amount, float) else describe(amount)
        r.problem(line, field, f"Beløbet skal være et tal i 1.000 kr. med punktum som decimaltegn (fx -1250.5), men der står {shown}.")
        return None
    if value and not _AMOUNT_DIGITS[0] <= value.adjusted() <= _AMOUNT_DIGITS[1]:  # adjusted(): no arithmetic, no overflow
        r.problem(line, field, f"Der står {text}, som ikke kan være et beløb i 1.000 kr. Skriv beløbet som et almindeligt tal, fx -2500 eller -2.5.")
        return None
    return value
