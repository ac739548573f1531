"""Recognising a registrations spreadsheet's columns, and reading names, years and consent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from degenks_desktop.domain.import_columns import (
    FIELDS,
    birth_year_from_age,
    guess_mapping,
    has_a_name_column,
    header_score,
    parse_birth_year,
    parse_consent,
    split_full_name,
)

KEYS = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "phone",
    "gender",
    "birth_year",
    "age",
    "neighbourhood",
    "first_theme",
    "second_theme",
    "day",
    "language",
    "language_need",
    "note",
    "consent",
    "origin",
    "education",
    "work_situation",
    "street",
    "postcode",
    "town",
    "contact_consent",
    "status",
)


def test_the_fields_and_their_aliases() -> None:
    assert tuple(field.key for field in FIELDS) == KEYS
    for field in FIELDS:
        assert field.label and field.aliases
    # Each alias names one field only.
    assert guess_mapping([alias for field in FIELDS for alias in field.aliases[:1]]) == list(KEYS)


def test_the_city_web_form() -> None:
    headers = [
        "Datum inschrijving",
        "Voornaam",
        "Naam",
        "E-mailadres",
        "Gsm-nummer",
        "Geslacht",
        "Geboortedatum",
        "Wijk",
        "Thema 1",
        "Thema 2",
        "Dag",
        "Taal",
        "Fluistertolk",
        "Opmerkingen",
        "Toestemming diversiteit",
        "Herkomst",
        "Opleiding",
        "Werksituatie",
    ]
    assert guess_mapping(headers) == [
        None,
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
        "language_need",
        "note",
        "consent",
        "origin",
        "education",
        "work_situation",
    ]


def test_english_headers() -> None:
    headers = ["First name", "Surname", "Email", "Mobile", "Year of birth", "Theme", "Comments"]
    assert guess_mapping(headers) == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "birth_year",
        "first_theme",
        "note",
    ]


def test_headers_are_compared_folded_and_leniently() -> None:
    headers = ["  VOORNAAM ", "Prénom", "Telefon", "Geboortedatum (dd/mm/jjjj)", "Thema's", "Age"]
    assert guess_mapping(headers) == [
        "first_name",
        None,  # first name is taken by the first column
        "phone",
        "birth_year",
        "first_theme",
        "age",
    ]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Naam", "E-mail"], ["full_name", "email"]),
        (["Name", "Email"], ["full_name", "email"]),
        (["Voornaam", "Naam"], ["first_name", "last_name"]),
        (["Naam", "Voornaam"], ["last_name", "first_name"]),
        (["First name", "Name"], ["first_name", "last_name"]),
        (["Volledige naam", "Voornaam"], ["full_name", "first_name"]),
    ],
)
def test_a_name_column_is_the_last_name_next_to_a_first_name(
    headers: list[str], expected: list[str]
) -> None:
    assert guess_mapping(headers) == expected


def test_unknown_headers_are_left_alone() -> None:
    mapping = guess_mapping(["Kleur", "Maat", "", "ID", "Tijdstempel", "Lidnummer", "Schoenmaat"])
    assert mapping == [None] * 7
    assert not has_a_name_column(mapping)


def test_consent_is_only_a_header_that_says_so() -> None:
    assert guess_mapping(["Toestemming foto's", "Akkoord privacyverklaring"]) == [None, None]
    assert guess_mapping(["Akkoord"]) == ["consent"]


def test_no_field_is_mapped_twice() -> None:
    mapping = guess_mapping(["Thema", "Thema 1", "Voorkeur", "E-mail", "Mail", "Naam", "Name"])
    assert mapping == ["first_theme", None, None, "email", None, "full_name", None]
    keys = [key for key in mapping if key]
    assert len(keys) == len(set(keys))


def test_an_exact_header_wins_over_a_lenient_one_before_it() -> None:
    assert guess_mapping(["Naam begeleider", "Naam"]) == [None, "full_name"]


def test_has_a_name_column() -> None:
    assert has_a_name_column(["email", "full_name"])
    assert has_a_name_column([None, "last_name"])
    assert has_a_name_column(["first_name"])
    assert not has_a_name_column(["email", None, "phone"])
    assert not has_a_name_column([])


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Jan Peeters", ("Jan", "Peeters")),
        ("Peeters, Jan", ("Jan", "Peeters")),
        ("Van den Bosch, Jan", ("Jan", "Van den Bosch")),
        ("Jan Van den Bosch", ("Jan", "Van den Bosch")),
        ("  Jan   Peeters  ", ("Jan", "Peeters")),
        ("Jan\u00a0Peeters", ("Jan", "Peeters")),
        ("Ayşe", ("Ayşe", "")),
        ("İbrahim Yılmaz-Öztürk", ("İbrahim", "Yılmaz-Öztürk")),
        ("Γιώργος Παπαδόπουλος", ("Γιώργος", "Παπαδόπουλος")),
        ("  محمد العلوي ", ("محمد", "العلوي")),
        ("Giuseppe D'Angelo", ("Giuseppe", "D'Angelo")),
        ("", ("", "")),
    ],
)
def test_split_full_name_keeps_the_letters(cell: str, names: tuple[str, str]) -> None:
    assert split_full_name(cell) == names


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        ("1975", 1975),
        ("1975.0", 1975),
        (" 1975 ", 1975),
        ("12/03/1975", 1975),
        ("12-03-1975", 1975),
        ("1975-03-12", 1975),
        ("12.03.1975", 1975),
        ("03/25/1975", 1975),  # month first
        ("1975-03-12 00:00:00", 1975),
        ("1900", 1900),
        ("2013", 2013),
        ("1899", None),
        ("2014", None),
        ("31/31/1975", None),
        ("1975-02-30", None),
        ("12/03/75", None),
        ("zeventig", None),
        ("", None),
    ],
)
def test_parse_birth_year(cell: str, year: int | None) -> None:
    assert parse_birth_year(cell, 2013) == year


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        ("42", 1971),
        ("42.0", 1971),
        ("42,0", 1971),
        (" 42 ", 1971),
        ("42 jaar", 1971),
        ("5", 2008),
        ("110", 1903),
        ("4", None),
        ("111", None),
        ("oud", None),
        ("-42", None),
        ("", None),
    ],
)
def test_birth_year_from_age(cell: str, year: int | None) -> None:
    assert birth_year_from_age(cell, 2013) == year


@pytest.mark.parametrize(
    ("cell", "consent"),
    [
        ("ja", True),
        ("Ja", True),
        ("JA.", True),
        ("j", True),
        ("Yes", True),
        ("y", True),
        ("X", True),
        ("1", True),
        ("TRUE", True),
        ("Akkoord", True),
        ("ok", True),
        ("✓", True),
        ("nee", False),
        ("Neen", False),
        ("No", False),
        ("n", False),
        ("0", False),
        ("false", False),
        ("", None),
        ("  ", None),
        ("misschien", None),
    ],
)
def test_parse_consent(cell: str, consent: bool | None) -> None:
    assert parse_consent(cell) is consent


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def fixture_header(stem: str) -> list[str]:
    """The header of an import fixture, as its expected file gives it."""
    expected = json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return [name for name in expected["format"]["header"] if name]


def mapped(headers: list[str], samples: list[list[str]] | None = None) -> dict[str, str]:
    """Which header each field went to."""
    return {
        key: header
        for header, key in zip(headers, guess_mapping(headers, samples or []), strict=True)
        if key
    }


def test_eventbrites_columns_and_questions() -> None:
    fields = mapped(fixture_header("eventbrite_attendee_summary"))
    assert fields == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "email": "Email",
        "phone": "Cell Phone",
        "day": "Ticket Type",  # a ticket type per day
        "status": "Attendee Status",
        "first_theme": "Welk thema kies je?",
        "second_theme": "Welk thema is je tweede keuze?",
        "neighbourhood": "In welke wijk woon je?",
        "birth_year": "Geboortejaar",
        "consent": "Mogen we je geboortejaar en wijk bewaren voor de diversiteitsmatrix van de "
        "stad?",
        "language_need": "Heb je een fluistertolk nodig?",
        "note": "Opmerkingen",
    }  # and "Order Date" is not the day, "Home Country" not the origin


def test_pretix_day_is_the_start_date_and_its_country_is_no_origin() -> None:
    fields = mapped(fixture_header("pretix_g360_order_positions"))
    assert fields["full_name"] == "Attendee name"
    assert fields["day"] == "Start date"  # not "Order date", nor the series' "Date"
    assert fields["status"] == "Status"
    assert fields["email"] == "Email"  # the order's; "Attendee email" was not asked
    assert fields["consent"].startswith("Ik geef de stad toestemming")
    assert "origin" not in fields  # "Country" is the invoice address's
    orders = ["Order code", "Status", "Email", "Order date", "Date of last payment", "Country"]
    assert "day" not in mapped(orders) and "origin" not in mapped(orders)


def test_google_forms_and_typeform_questions() -> None:
    google = mapped(fixture_header("google_forms_inschrijving_g360"))
    assert google["day"] == "Welke dag kom je?"
    assert google["note"] == "Nog iets dat we moeten weten?"
    assert "Timestamp" not in google.values()
    typeform = mapped(fixture_header("typeform_g360_responses"))
    assert typeform["first_name"].endswith("(voornaam)")
    assert typeform["last_name"] == "En je familienaam?"
    assert typeform["email"] == "Op welk e-mailadres mogen we je bevestiging sturen?"
    assert typeform["first_theme"] == "Waar wil je het liefst over meedenken?"
    assert typeform["birth_year"] == "In welk jaar ben je geboren?"
    assert typeform["status"] == "Response Type"
    assert typeform["consent"].startswith("Mogen we je geboortejaar en wijk bewaren")
    # Typeform's own times are not the day.
    assert "day" in typeform and "Date" not in typeform["day"]


def test_an_email_column_of_anonymous_loses_to_the_real_email_question() -> None:
    headers = fixture_header("microsoft_forms_g360")
    rows = [
        ["1", "2/5/13", "2/5/13", "anonymous", "", "Seppe", "De Backer", "seppe@example.be"],
        ["2", "2/5/13", "2/5/13", "anonymous", "", "Giulia", "Russo", "giulia@example.org"],
    ]
    assert mapped(headers)["email"] == "Email"  # without the rows, the plain header wins
    fields = mapped(headers, rows)
    assert fields["email"] == "E-mailadres"
    assert (fields["first_name"], fields["last_name"]) == ("Voornaam", "Achternaam")
    assert fields["day"] == "Op welke dag kom je naar de G360?"
    assert "Start time" not in fields.values() and "Completion time" not in fields.values()


def test_the_clerks_own_headers() -> None:
    fields = mapped(fixture_header("klerk_inschrijvingen_g360"))
    assert fields["last_name"] == "Naam" and fields["birth_year"] == "Geb.jaar"
    assert fields["day"] == "Dag"  # "Ingeschreven op" is when she wrote it down
    assert "Ingeschreven op" not in fields.values()


def test_the_header_row_scores_above_a_title_and_the_data() -> None:
    header = fixture_header("klerk_inschrijvingen_g360")
    title = ["Inschrijvingen G360 – maandag 4 en dinsdag 5 maart 2013 (Cristal Arena)"]
    row = ["1", "Van de Velde", "Hilde", "0480 86 04 09", "hilde@example.net", "Sledderlo"]
    assert header_score(header) >= 9
    assert header_score(title) == 0
    assert header_score(row) < header_score(header)


@pytest.mark.parametrize(
    "stem",
    [
        "eventbrite_attendee_summary",
        "pretix_g360_order_positions",
        "pretix_g360_orders",
        "google_forms_inschrijving_g360",
        "typeform_g360_responses",
        "microsoft_forms_g360",
        "klerk_inschrijvingen_g360",
    ],
)
def test_no_real_export_passes_an_invoice_or_order_address_for_the_persons(stem: str) -> None:
    # pretix's invoice "Address", "ZIP code" and "City", Eventbrite's "Home City" after its
    # order columns (whose, the header does not say): none is taken for the person's.
    fields = mapped(fixture_header(stem))
    assert not {"street", "postcode", "town", "contact_consent"} & set(fields)
