"""Which column of a registrations spreadsheet holds what, and reading its values.

Dutch and English headers are recognised by themselves ("Voornaam", "First name", …);
the import wizard lets the organiser correct the guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from degenks_desktop.domain.text_matching import fold, match_choice
from degenks_desktop.i18n import N_

NAME_FIELDS = ("first_name", "last_name", "full_name")
MIN_AGE, MAX_AGE = 5, 110
EARLIEST_BIRTH_YEAR = 1900
MIN_LENIENT_HEADER = 4
# Consent decides whether diversity answers may be kept, so only a header that says so
# plainly counts: "Toestemming foto's" or "Akkoord privacyverklaring" is another consent.
EXACT_ONLY = frozenset({"consent"})


@dataclass(frozen=True)
class Field:
    """Something a column can hold: its key, its label in the wizard, the headers it goes by."""

    key: str
    label: str
    aliases: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field(
        "first_name",
        N_("First name"),
        ("Voornaam", "First name", "Firstname", "Given name", "Prénom", "Roepnaam"),
    ),
    Field(
        "last_name",
        N_("Last name"),
        (
            "Achternaam",
            "Familienaam",
            "Last name",
            "Lastname",
            "Surname",
            "Family name",
            "Nom",
            "Nom de famille",
        ),
    ),
    Field(
        "full_name",
        N_("Full name"),
        (
            "Naam",
            "Volledige naam",
            "Name",
            "Full name",
            "Naam en voornaam",
            "Voornaam en naam",
            "Deelnemer",
        ),
    ),
    Field(
        "email",
        N_("E-mail"),
        (
            "E-mail",
            "Email",
            "Mail",
            "E-mailadres",
            "Emailadres",
            "E-mail address",
            "Email address",
            "Mailadres",
        ),
    ),
    Field(
        "phone",
        N_("Phone"),
        (
            "Telefoon",
            "Tel",
            "Telefoonnummer",
            "GSM",
            "Gsm-nummer",
            "Phone",
            "Mobile",
            "Telephone",
            "Phone number",
            "Mobiel",
            "Mobiele telefoon",
        ),
    ),
    Field("gender", N_("Gender"), ("Geslacht", "Gender", "Sex", "Sekse")),
    Field(
        "birth_year",
        N_("Birth year"),
        (
            "Geboortejaar",
            "Birth year",
            "Year of birth",
            "Geboortedatum",
            "Date of birth",
            "Birth date",
            "Birthdate",
        ),
    ),
    Field("age", N_("Age"), ("Leeftijd", "Age")),
    Field(
        "neighbourhood",
        N_("Neighbourhood"),
        ("Wijk", "Buurt", "Neighbourhood", "Neighborhood", "District", "Woonwijk"),
    ),
    Field(
        "first_theme",
        N_("Theme, first choice"),
        (
            "Thema 1",
            "Thema",
            "Eerste keuze",
            "Voorkeur",
            "Eerste thema",
            "Theme 1",
            "Theme",
            "First choice",
            "Preference",
            "Keuze 1",
        ),
    ),
    Field(
        "second_theme",
        N_("Theme, second choice"),
        ("Thema 2", "Tweede keuze", "Tweede thema", "Theme 2", "Second choice", "Keuze 2"),
    ),
    Field("day", N_("Day"), ("Dag", "Datum", "Day", "Date", "Voorkeursdag", "Preferred day")),
    Field("language", N_("Language"), ("Taal", "Language", "Moedertaal", "Thuistaal")),
    Field(
        "language_need",
        N_("Language help"),
        ("Tolk", "Fluistertolk", "Interpreter", "Taalhulp", "Vertaling"),
    ),
    Field(
        "note",
        N_("Remarks"),
        (
            "Opmerkingen",
            "Opmerking",
            "Notities",
            "Remarks",
            "Notes",
            "Comments",
            "Bemerkingen",
            "Extra info",
        ),
    ),
    Field(
        "consent",
        N_("Consent to diversity questions"),
        ("Toestemming", "Akkoord", "Consent", "Toestemming diversiteit"),
    ),
    Field(
        "origin",
        N_("Origin"),
        (
            "Herkomst",
            "Origine",
            "Afkomst",
            "Origin",
            "Nationaliteit",
            "Nationality",
            "Herkomstland",
            "Land van herkomst",
            "Geboorteland",
            "Country of origin",
            "Country of birth",
        ),
    ),
    Field(
        "education",
        N_("Education"),
        ("Opleiding", "Onderwijs", "Education", "Diploma", "Opleidingsniveau"),
    ),
    Field(
        "work_situation",
        N_("Work situation"),
        ("Werksituatie", "Werk", "Beroep", "Work situation", "Occupation", "Statuut", "Job"),
    ),
)
# Headers about the registration itself, which would otherwise pass for a field:
# "Datum inschrijving" is no event day.
_NOT_A_FIELD = (
    "Datum inschrijving",
    "Inschrijvingsdatum",
    "Datum van inschrijving",
    "Ingediend op",
    "Tijdstempel",
    "Timestamp",
    "Registration date",
    "Submitted",
    "Submitted on",
)
_OTHER = ""
_ALIASES = {fold(alias): f.key for f in FIELDS for alias in f.aliases}
_IGNORED = frozenset(fold(header) for header in _NOT_A_FIELD)
_LENIENT_CHOICES = {
    **{f.key: tuple(map(fold, f.aliases)) for f in FIELDS if f.key not in EXACT_ONLY},
    _OTHER: tuple(_IGNORED),
}
# A "Naam" column next to "Voornaam" holds the last name, unless it says it is whole.
_WHOLE_NAME = tuple(
    fold(alias) for alias in ("Volledige naam", "Full name", "Naam en voornaam", "Voornaam en naam")
)
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_YEAR = re.compile(r"(\d{4})(?:[.,]0+)?")
_AGE = re.compile(r"(\d{1,3})(?:[.,]0+)?(?:\s*(?:jaar|j|years?|yrs?))?", re.IGNORECASE)
YES = frozenset(
    fold(word)
    for word in (
        "ja",
        "j",
        "yes",
        "y",
        "x",
        "1",
        "true",
        "waar",
        "akkoord",
        "ja, akkoord",
        "ik ga akkoord",
        "ok",
        "oké",
        "okay",
        "✓",
        "✔",
        "☑",
    )
)
NO = frozenset(
    fold(word)
    for word in ("nee", "neen", "n", "no", "0", "false", "onwaar", "niet akkoord", "✗", "☐")
)


def guess_mapping(headers: Sequence[str]) -> list[str | None]:
    """The field each header names, or None; each field goes to one column at most."""
    folded = [fold(header) for header in headers]
    guessed: list[str | None] = [None] * len(headers)
    used: set[str] = set()
    # Headers that name a field exactly go first, so that "Naam begeleider" cannot take
    # the full name from a later "Naam".
    for index, header in enumerate(folded):
        key = _ALIASES.get(header)
        if key is not None and key not in used:
            guessed[index] = key
            used.add(key)
    for index, header in enumerate(folded):
        if header in _ALIASES or header in _IGNORED or len(header) < MIN_LENIENT_HEADER:
            continue
        key = match_choice(header, _LENIENT_CHOICES)
        if key and key not in used:
            guessed[index] = key
            used.add(key)
    if "first_name" in used and "full_name" in used and "last_name" not in used:
        index = guessed.index("full_name")
        if not folded[index].startswith(_WHOLE_NAME):
            guessed[index] = "last_name"
    return guessed


def has_a_name_column(mapping: Sequence[str | None]) -> bool:
    """Whether some column holds a name."""
    return any(key in NAME_FIELDS for key in mapping)


def split_full_name(text: str) -> tuple[str, str]:
    """First and last name from one cell: 'Jan Van den Bosch', or 'Peeters, Jan'.

    The letters stay exactly as written; only the whitespace around the parts goes.
    """
    text = text.strip()
    if "," in text:
        last, _comma, first = text.partition(",")
        return first.strip(), last.strip()
    first, *rest = text.split(maxsplit=1) or [""]
    return first, rest[0] if rest else ""


def parse_birth_year(text: str, event_year: int) -> int | None:
    """A birth year from '1975', '12/03/1975', '1975-03-12' or '12.03.1975'; else None."""
    text = text.strip()
    year: int | None = None
    if match := _YEAR.fullmatch(text):
        year = int(match.group(1))
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year_written = map(int, match.groups())
        # Day first as in Belgium, or month first as in American exports: the year is the
        # same either way, but a date that is valid neither way round is no date.
        year = _valid_year(year_written, month, day) or _valid_year(year_written, day, month)
    elif match := _YEAR_FIRST.fullmatch(text):
        year = _valid_year(*map(int, match.groups()))
    if year is None or not EARLIEST_BIRTH_YEAR <= year <= event_year:
        return None
    return year


def _valid_year(year: int, month: int, day: int) -> int | None:
    """`year` when year-month-day is a date in the calendar, else None."""
    try:
        return dt.date(year, month, day).year
    except ValueError:
        return None


def birth_year_from_age(text: str, event_year: int) -> int | None:
    """The birth year of someone of age `text` at the event, or None for no plausible age."""
    match = _AGE.fullmatch(text.strip())
    if match is None:
        return None
    age = int(match.group(1))
    return event_year - age if MIN_AGE <= age <= MAX_AGE else None


def parse_consent(text: str) -> bool | None:
    """True for yes, False for an explicit no, None for empty or unclear."""
    answer = fold(text)
    if answer in YES:
        return True
    if answer in NO:
        return False
    return None
