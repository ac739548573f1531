"""Folding names for comparison, and matching what people type to the app's own values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.text_matching import fold, fold_keeping_slashes, match_choice

THEMES = {
    "wonen": ["wonen", "Wonen"],
    "werk": ["werk", "Werk"],
    "financien": ["Financiën en stadsbestuur"],
    "samenleven": ["Samenleven in de wijk"],
}


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Yılmaz", "yilmaz"),
        ("İbrahim", "ibrahim"),
        ("Öztürk", "ozturk"),
        ("Çelik", "celik"),
        ("Şahin", "sahin"),
        ("Łukasz", "lukasz"),
        ("Øystein", "oystein"),
        ("Weiß", "weiss"),
        ("Æsa", "aesa"),
        ("Œuvre", "oeuvre"),
        ("El Amrani", "el amrani"),
        ("  El \t Amrani  ", "el amrani"),
        ("D'Angelo", "dangelo"),
        ("D’Angelo", "dangelo"),
        ("D‘Angelo", "dangelo"),
        ("D`Angelo", "dangelo"),
        ("D´Angelo", "dangelo"),
        ('"Jan"', "jan"),
        ("Genk-Zuid", "genk zuid"),
        ("Genk – Zuid", "genk zuid"),
        ("van_den.Bosch,Jan", "van den bosch jan"),
        ("Van den Bosch", "van den bosch"),
    ],
)
def test_fold(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_greek_keeps_its_letters_but_not_its_accents() -> None:
    # casefold writes the final sigma as a plain one; every spelling folds alike.
    assert fold("Γιώργος") == "γιωργοσ"
    assert fold("ΓΙΏΡΓΟΣ") == fold("γιωργος") == fold("Γιώργος")


@pytest.mark.parametrize("written", ["محمد العلوي", "أحمد", "إبراهيم", "نور الهدى"])
def test_arabic_is_kept_as_written(written: str) -> None:
    assert fold(written) == written


def test_fold_keeping_slashes_keeps_dates_whole() -> None:
    assert fold_keeping_slashes("16/03/2013") == "16/03/2013"
    assert fold("16/03/2013") == "16 03 2013"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_plain_ascii_folds_as_any_other_text(text: str) -> None:
    # "é" sends the text through the full Unicode path, "e" through the quick one.
    assert fold("e" + text) == fold("é" + text)


@given(st.text())
def test_fold_is_idempotent_and_never_fails(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Wonen", "wonen"),
        ("WONEN", "wonen"),
        ("  wonen ", "wonen"),
        ("Financiën en stadsbestuur", "financien"),
        ("financien en stadsbestuur", "financien"),
        ("financien", "financien"),  # the start of one label only
        ("samenleven", "samenleven"),
        ("Wonen en wijk", "wonen"),  # a label followed by more words
        ("Wonnen", "wonen"),  # a typo
        ("Werkk", "werk"),
    ],
)
def test_match_choice_finds_the_meant_key(typed: str, expected: str) -> None:
    assert match_choice(typed, THEMES) == expected


@pytest.mark.parametrize("typed", ["", "   ", "'", "w", "Ruimtevaart", "Mobiliteit"])
def test_match_choice_gives_none_for_nothing_or_something_else(typed: str) -> None:
    assert match_choice(typed, THEMES) is None


def test_match_choice_never_guesses_between_two() -> None:
    assert match_choice("wer", {"a": ["werk"], "b": ["werken"]}) is None
    assert match_choice("x", {"a": ["x"], "b": ["X"]}) is None
    # As close to one as to the other.
    assert match_choice("wark", {"a": ["werk"], "b": ["wirk"]}) is None


def test_a_near_spelling_must_keep_the_numbers() -> None:
    days = {1: ["dag 1", "16/03/2013"]}
    assert match_choice("Dag 1", days) == 1
    assert match_choice("16/03", days) == 1
    assert match_choice("dag 2", days) is None
    assert match_choice("15/03/2013", days) is None
    assert match_choice("dag 1", {12: ["dag 12"]}) is None


def test_match_choice_accepts_any_kind_of_key() -> None:
    assert match_choice("Werk", {7: ("Werk",), 8: ("Wonen",)}) == 7
