"""WCAG 2.1 contrast between two sRGB colours."""

from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
BLACK = "#000000"
WHITE = "#FFFFFF"
AA_NORMAL_TEXT = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def best_text_colour(background: str) -> str:
    """Black or white, whichever reads better on the background."""
    return BLACK if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) else WHITE
