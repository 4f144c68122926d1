"""Amounts in 1.000 kr.: how Danes write them, how the plan file writes them, and the one rule between.

In Denmark "-2.500" is minus two thousand five hundred; to YAML, Python and the plan file it is -2.5.
One rule, :func:`thousands_separated`, tells the two apart, and validation (refuses it in the plan),
editing (never writes such a number), import (reads it as Danes mean it) and export share it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_THOUSANDS_SEPARATED = re.compile(r"[-+]?[1-9]\d{0,2}(\.\d{3})+")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def thousands_separated(text: str) -> bool:
    """'-2.500' and '1.250.000' are; '2.5', '0.500' and '2500' are not."""
    return _THOUSANDS_SEPARATED.fullmatch(text.strip()) is not None


def plan_number(value: Decimal) -> str:
    """An amount as the plan file writes it: '-2500', '2.5', and '1.1250' rather than '1.125',
    which a reader (and the check) would take for a thousands separator."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text + "0" if thousands_separated(text) else text


def parse_danish_amount(text: str) -> Decimal | None:
    """A number as a Dane types it in a spreadsheet: '-1.250,5', '−2.500', '2500', '2,5'. None: not a number."""
    text = text.replace(" ", "").replace("\u2212", "-").replace("\u2013", "-")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif thousands_separated(text):
        text = text.replace(".", "")
    if not _PLAIN_NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def danish_number(value: Decimal) -> str:
    """For reading: -2500.5 -> '−2.500,5' (thousands '.', decimal ',', a real minus sign)."""
    sign = "−" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    fraction = value - whole
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        decimals = f"{fraction.normalize():f}".split(".")[1]
        text += "," + decimals
    return sign + text


def danish_decimal(value: Decimal) -> str:
    """For Excel in Danish: '-2500,5' (no thousands separator, decimal comma)."""
    return f"{value.normalize():f}".replace(".", ",")
