"""Danish number formats."""

from __future__ import annotations

from decimal import Decimal


def danish_number(value: Decimal) -> str:
    """-2500.5 -> '−2.500,5' (thousands '.', decimal ',', a real minus sign)."""
    sign = "−" if value < 0 else ""
    value = abs(value)
    whole = int(value)
    fraction = value - whole
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        decimals = f"{fraction.normalize():f}".split(".")[1]
        text += "," + decimals
    return sign + text
