"""Fonts for the PDFs: shipped Unicode fonts, embedded, with a fallback per character.

DejaVu Sans carries Latin (every diacritic of Genk's names) and Greek; Noto Sans Arabic
carries Arabic, shaped (arabic-reshaper) and put in visual order (python-bidi), and any
character DejaVu lacks. A name is drawn as runs, each in a font that has its glyphs.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from degenks_desktop.config import RESOURCES_DIR
from degenks_desktop.domain.text_fit import LINE_HEIGHT, fit_text

FONT_DIR = RESOURCES_DIR / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ARABIC, ARABIC_BOLD = "NotoSansArabic", "NotoSansArabic-Bold"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
}


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn in one font."""

    text: str
    font: str


@functools.cache
def register_fonts() -> None:
    """Make the shipped fonts known to reportlab (once per process)."""
    for name, file_name in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file_name)))


def pdf_canvas(target: Path | BinaryIO, size: tuple[float, float], *, title: str) -> Canvas:
    """A reportlab canvas of `size` points whose every font is embedded.

    reportlab sets Helvetica, a font it never embeds, before the first `setFont`; print
    shops refuse a PDF that names a font it does not carry, so the canvas starts in
    DejaVu Sans instead.
    """
    register_fonts()
    canvas = Canvas(
        str(target) if isinstance(target, Path) else target,
        pagesize=size,
        pageCompression=1,
        initialFontName=REGULAR,
    )
    canvas.setTitle(title)
    canvas.setCreator("De Genks Desktop")
    return canvas


@functools.cache
def _coverage(font: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _is_arabic(code: int) -> bool:
    return any(first <= code <= last for first, last in ARABIC_BLOCKS)


def _is_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


@functools.lru_cache(maxsize=65_536)
def text_runs(text: str, *, bold: bool = False) -> tuple[Run, ...]:
    """`text` in visual order, split into runs of the first font that has each character."""
    main, fallback = (BOLD, ARABIC_BOLD) if bold else (REGULAR, ARABIC)
    if _is_right_to_left(text):
        text = get_display(arabic_reshaper.reshape(text))
    main_glyphs, fallback_glyphs = _coverage(main), _coverage(fallback)
    runs: list[Run] = []
    for character in text:
        code = ord(character)
        # Arabic letters look right only in the Arabic font, even where DejaVu has them.
        wants_fallback = _is_arabic(code) or code not in main_glyphs
        font = fallback if wants_fallback and code in fallback_glyphs else main
        if character.isspace() and runs:
            font = runs[-1].font  # a space never starts a font change
        if runs and runs[-1].font == font:
            runs[-1] = Run(runs[-1].text + character, font)
        else:
            runs.append(Run(character, font))
    return tuple(runs)


def missing_glyphs(text: str) -> str:
    """The characters of `text` that no shipped font can draw (shown as boxes)."""
    glyphs = _coverage(REGULAR) | _coverage(ARABIC)
    shaped = get_display(arabic_reshaper.reshape(text)) if _is_right_to_left(text) else text
    return "".join(ch for ch in shaped if ord(ch) not in glyphs and not ch.isspace())


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """How wide `text` is at `size` points, in points."""
    return sum(
        pdfmetrics.stringWidth(run.text, run.font, size) for run in text_runs(text, bold=bold)
    )


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False
) -> None:
    """Draw `text` with its baseline starting at (x, y), run by run."""
    for run in text_runs(text, bold=bold):
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)


@dataclass(frozen=True)
class DrawnText:
    """Text fitted into a box and drawn: its lines, size and measured line widths."""

    lines: tuple[str, ...]
    size: float
    line_widths: tuple[float, ...]
    below: float
    """The y of the baseline after the last line, for what follows."""


def draw_fitted_text(
    canvas: Canvas,
    text: str,
    box: tuple[float, float, float, float],
    *,
    largest: float,
    smallest: float,
    bold: bool = False,
    max_lines: int = 3,
) -> DrawnText:
    """Fit `text` into `box` (x, y, width, height in points; domain.text_fit) and draw it."""
    x, y, width, height = box
    fitted = fit_text(
        text,
        width=width,
        height=height,
        largest=largest,
        smallest=smallest,
        measure=lambda t, s: text_width(t, s, bold=bold),
        max_lines=max_lines,
    )
    baseline = y + height - fitted.size * 0.95
    widths = []
    for line in fitted.lines:
        draw_text(canvas, x, baseline, line, fitted.size, bold=bold)
        widths.append(text_width(line, fitted.size, bold=bold))
        baseline -= fitted.size * LINE_HEIGHT
    return DrawnText(fitted.lines, fitted.size, tuple(widths), baseline)
