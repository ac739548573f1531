"""Folding names, matching typed values, and recognising a spreadsheet's columns."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.import_columns import (
    birth_year_from_age,
    guess_mapping,
    has_a_name_column,
    parse_birth_year,
    parse_consent,
    split_full_name,
)
from degenks_desktop.domain.text_matching import fold, match_choice

THEMES = {
    "wonen": ["wonen", "Wonen"],
    "werk": ["werk", "Werk"],
    "financien": ["financien", "Financiën en stadsbestuur"],
    "samenleven": ["samenleven", "Samenleven in de wijk"],
}


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Yılmaz", "yilmaz"),
        ("İbrahim", "ibrahim"),
        ("ÖZTÜRK", "ozturk"),
        ("Şahin-Çelik", "sahin celik"),
        ("El  Amrani", "el amrani"),
        ("D'Angelo", "dangelo"),
        ("D’Angelo", "dangelo"),
        ("Łukasz Wiśniewski", "lukasz wisniewski"),
        ("Γιώργος", "γιωργοσ"),  # casefold writes the final sigma as a plain one
        ("  Van den Bosch ", "van den bosch"),
        ("Weiß", "weiss"),
    ],
)
def test_fold(written: str, folded: str) -> None:
    assert fold(written) == folded


@given(st.text())
def test_fold_never_fails_and_is_stable(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Wonen", "wonen"),
        ("WONEN", "wonen"),
        ("financiën", "financien"),
        ("Financien en stadsbestuur", "financien"),
        ("samenleven", "samenleven"),
        ("Wonnen", "wonen"),
        ("Ruimtevaart", None),
        ("", None),
        ("w", None),  # too short to mean either Wonen or Werk
    ],
)
def test_match_choice(typed: str, expected: str | None) -> None:
    assert match_choice(typed, THEMES) == expected


def test_match_choice_never_guesses_between_two() -> None:
    assert match_choice("wer", {"a": ["werk"], "b": ["werken"]}) is None
    assert match_choice("x", {"a": ["x"], "b": ["x"]}) is None


def test_the_city_web_form_headers() -> None:
    headers = [
        "Voornaam",
        "Naam",
        "E-mailadres",
        "GSM",
        "Geslacht",
        "Geboortedatum",
        "Wijk",
        "Thema 1",
        "Thema 2",
        "Dag",
        "Taal",
        "Opmerkingen",
        "Toestemming",
        "Herkomst",
        "Tijdstip",
    ]
    assert guess_mapping(headers) == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "gender",
        "birth_year",
        "neighbourhood",
        "first_theme",
        "second_theme",
        "day",
        "language",
        "note",
        "consent",
        "origin",
        None,
    ]


def test_english_headers_and_small_typos() -> None:
    assert guess_mapping(["First name", "Surname", "Email", "Voornam", "Age"]) == [
        "first_name",
        "last_name",
        "email",
        None,
        "age",
    ]


def test_a_lone_name_column_holds_the_whole_name() -> None:
    mapping = guess_mapping(["Naam", "E-mail"])
    assert mapping == ["full_name", "email"]
    assert has_a_name_column(mapping)
    assert not has_a_name_column(guess_mapping(["Kleur", "Maat"]))


def test_no_field_is_mapped_twice() -> None:
    assert guess_mapping(["Thema", "Thema 1", "Voorkeur"]) == ["first_theme", None, None]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Jan Peeters", ("Jan", "Peeters")),
        ("Peeters, Jan", ("Jan", "Peeters")),
        ("Jan Van den Bosch", ("Jan", "Van den Bosch")),
        ("Ayşe", ("Ayşe", "")),
        ("  محمد العلوي ", ("محمد", "العلوي")),
    ],
)
def test_split_full_name_keeps_the_letters(cell: str, names: tuple[str, str]) -> None:
    assert split_full_name(cell) == names


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        ("1975", 1975),
        ("1975.0", 1975),
        ("12/03/1975", 1975),
        ("12-03-1975", 1975),
        ("1975-03-12", 1975),
        ("12.03.1975", 1975),
        ("1850", None),
        ("2020", None),
        ("zeventig", None),
        ("", None),
    ],
)
def test_parse_birth_year(cell: str, year: int | None) -> None:
    assert parse_birth_year(cell, 2013) == year


def test_birth_year_from_age() -> None:
    assert birth_year_from_age("42", 2013) == 1971
    assert birth_year_from_age("42,0", 2013) == 1971
    assert birth_year_from_age("3", 2013) is None
    assert birth_year_from_age("oud", 2013) is None


@pytest.mark.parametrize(
    ("cell", "consent"),
    [
        ("ja", True),
        ("Yes", True),
        ("X", True),
        ("1", True),
        ("nee", False),
        ("No", False),
        ("", None),
        ("misschien", None),
    ],
)
def test_parse_consent(cell: str, consent: bool | None) -> None:
    assert parse_consent(cell) is consent
