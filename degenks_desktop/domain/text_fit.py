"""Fitting a name into its box on a badge: shrink, wrap at spaces and hyphens, never overflow.

Plain rules on a `measure(text, size)` function, so the same logic serves reportlab's
font metrics in the PDFs and a fake font in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]
LINE_HEIGHT = 1.18
"""Line height as a multiple of the font size."""
SIZE_STEP = 0.5

_BREAKS = re.compile(r"(?<=-)|(?<=\s)")


@dataclass(frozen=True)
class FittedText:
    """Lines of text at one font size that fit the box they were made for."""

    lines: tuple[str, ...]
    size: float

    @property
    def height(self) -> float:
        """How tall the lines are together."""
        return len(self.lines) * self.size * LINE_HEIGHT


def _pieces(text: str) -> list[str]:
    """Words with what follows them: 'Marie-Louise Van' -> ['Marie-', 'Louise ', 'Van']."""
    return [piece for piece in _BREAKS.split(text) if piece]


def _wrap(text: str, width: float, size: float, measure: Measure) -> list[str] | None:
    """Lines no wider than `width` breaking only at spaces and hyphens, or None."""
    lines: list[str] = []
    current = ""
    for piece in _pieces(text):
        candidate = current + piece
        if measure(candidate.rstrip(), size) <= width:
            current = candidate
            continue
        if not current:
            return None  # one word is wider than the box at this size
        lines.append(current.rstrip())
        current = piece
        if measure(current.rstrip(), size) > width:
            return None
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _wrap_anywhere(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Lines broken between any two characters: the last resort for one very long word."""
    lines: list[str] = []
    current = ""
    for character in text:
        if current and measure(current + character, size) > width:
            lines.append(current.rstrip())
            current = character.lstrip()
        else:
            current += character
    if current.strip():
        lines.append(current.rstrip())
    return lines


def fit_text(
    text: str,
    *,
    width: float,
    height: float,
    largest: float,
    smallest: float,
    measure: Measure,
    max_lines: int = 3,
) -> FittedText:
    """The largest size (from `largest` down to `smallest`) at which `text` fits the box.

    Words stay whole while they can; below `smallest` nothing shrinks further, and a word
    too long even then is broken between letters, and the size lowered until the lines fit
    the height too. The result never leaves the box.
    """
    text = " ".join(text.split())
    if not text:
        return FittedText((), largest)
    size = largest
    while size >= smallest:
        lines = _wrap(text, width, size, measure)
        if (
            lines is not None
            and len(lines) <= max_lines
            and len(lines) * size * LINE_HEIGHT <= height
        ):
            return FittedText(tuple(lines), size)
        size -= SIZE_STEP
    size = smallest
    while True:
        lines = _wrap_anywhere(text, width, size, measure)
        if len(lines) * size * LINE_HEIGHT <= height or size <= SIZE_STEP:
            return FittedText(tuple(lines), size)
        size -= SIZE_STEP
