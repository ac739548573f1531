"""Names shrink and wrap to fit their box, and never leave it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.text_fit import LINE_HEIGHT, fit_text


def monospace(text: str, size: float) -> float:
    """A fake font: every character 0.6 of the size wide."""
    return len(text) * size * 0.6


def fits(text: str, width: float, height: float, max_lines: int = 2) -> bool:
    fitted = fit_text(
        text,
        width=width,
        height=height,
        largest=30,
        smallest=8,
        measure=monospace,
        max_lines=max_lines,
    )
    return all(monospace(line, fitted.size) <= width for line in fitted.lines) and (
        len(fitted.lines) * fitted.size * LINE_HEIGHT <= height
    )


def test_a_short_name_stays_large_on_one_line() -> None:
    fitted = fit_text("Jan", width=200, height=60, largest=30, smallest=8, measure=monospace)
    assert (fitted.lines, fitted.size) == (("Jan",), 30)


def test_a_long_name_shrinks_before_it_wraps() -> None:
    fitted = fit_text(
        "Karaağaçlıoğlu", width=150, height=80, largest=30, smallest=8, measure=monospace
    )
    assert fitted.lines == ("Karaağaçlıoğlu",)
    assert fitted.size < 30


def test_wraps_at_spaces_and_hyphens_keeping_the_hyphen() -> None:
    fitted = fit_text(
        "Fernández de la Peña-Vanderstraeten",
        width=120,
        height=80,
        largest=14,
        smallest=8,
        measure=monospace,
        max_lines=3,
    )
    assert (
        "".join(line if line.endswith("-") else line + " " for line in fitted.lines).strip()
        == "Fernández de la Peña-Vanderstraeten"
    )
    assert any(line.endswith("-") for line in fitted.lines)


def test_one_endless_word_is_broken_rather_than_cut_off() -> None:
    word = "A" * 200
    fitted = fit_text(word, width=100, height=40, largest=20, smallest=8, measure=monospace)
    assert "".join(fitted.lines) == word
    assert fits(word, 100, 40)


@given(st.text(max_size=120), st.floats(40, 300), st.floats(20, 120))
def test_any_text_fits_any_reasonable_box(text: str, width: float, height: float) -> None:
    assert fits(text, width, height)
