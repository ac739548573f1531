"""Invisible characters leave names; every visible letter, in every script, stays."""

from __future__ import annotations

import unicodedata

import pytest

from degenks_desktop.domain.invisible_text import strip_invisible


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Ahmed\u202eevil", "Ahmedevil"),  # right-to-left override
        ("\u202dVan\u202c den Bosch", "Van den Bosch"),  # left-to-right override and pop
        ("\u2067محمد\u2069 Peeters", "محمد Peeters"),  # right-to-left isolate
        ("Jan\u200bssens", "Janssens"),  # zero-width space
        ("\ufeffEls", "Els"),  # a byte order mark pasted in front
        ("Ma\u2060es", "Maes"),  # word joiner
        ("Pee\u200dters\u200c", "Peeters"),  # zero-width joiner and non-joiner
        ("Sé\u00adbas\u00adtien", "Sébastien"),  # soft hyphens
        ("\u200e\u200fLea\u061c", "Lea"),  # direction marks
        ("\u3164", ""),  # a Hangul filler: a "name" that shows nothing
        ("Ans\U000e0041\U000e0042", "Ans"),  # tag characters spelling hidden text
    ],
)
def test_invisible_characters_are_removed(written: str, meant: str) -> None:
    assert strip_invisible(written) == meant


@pytest.mark.parametrize(
    "name",
    [
        "محمد العلوي",  # Arabic
        "مُحَمَّد",  # Arabic with harakat (combining marks)
        "שָׁלוֹם כהן",  # Hebrew with points
        "Γιώργος Παπαδόπουλος",
        "İbrahim Öztürk-Şahin",
        "Nguyễn Thị Minh Khai",
        "김민준",  # Hangul syllables are letters, not fillers
        "François D'Angelo",
        "Zoë  Maes ",  # spaces, even doubled or trailing, are the caller's to trim
    ],
)
def test_visible_letters_stay_as_written(name: str) -> None:
    assert strip_invisible(name) == name


def test_decomposed_accents_stay() -> None:
    decomposed = unicodedata.normalize("NFD", "Anaïs Dupré")
    assert strip_invisible(decomposed) == decomposed
