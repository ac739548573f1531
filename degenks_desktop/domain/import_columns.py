"""Which column of a registrations spreadsheet holds what, and reading its values.

Dutch and English headers are recognised by themselves ("Voornaam", "First name", …);
the import wizard lets the organiser correct the guess.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from degenks_desktop.domain.text_matching import fold
from degenks_desktop.i18n import N_

NAME_FIELDS = ("first_name", "last_name", "full_name")
MIN_AGE, MAX_AGE = 5, 110
EARLIEST_BIRTH_YEAR = 1900
MIN_FUZZY_HEADER = 4
HEADER_RATIO = 0.85


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
        ("voornaam", "first name", "firstname", "given name", "prenom", "roepnaam"),
    ),
    Field(
        "last_name",
        N_("Last name"),
        ("achternaam", "familienaam", "last name", "lastname", "surname", "family name", "nom"),
    ),
    Field(
        "full_name",
        N_("Full name"),
        ("naam", "volledige naam", "name", "full name", "naam en voornaam", "deelnemer"),
    ),
    Field(
        "email",
        N_("E-mail"),
        (
            "e-mail",
            "email",
            "mail",
            "e-mailadres",
            "emailadres",
            "e-mail address",
            "email address",
            "mailadres",
        ),
    ),
    Field(
        "phone",
        N_("Phone"),
        (
            "telefoon",
            "tel",
            "telefoonnummer",
            "gsm",
            "gsm-nummer",
            "phone",
            "mobile",
            "telephone",
            "gsm nummer",
        ),
    ),
    Field("gender", N_("Gender"), ("geslacht", "gender", "sex", "gender identity")),
    Field(
        "birth_year",
        N_("Birth year"),
        (
            "geboortejaar",
            "birth year",
            "year of birth",
            "geboortedatum",
            "date of birth",
            "birth date",
            "birthdate",
        ),
    ),
    Field("age", N_("Age"), ("leeftijd", "age")),
    Field(
        "neighbourhood",
        N_("Neighbourhood"),
        ("wijk", "buurt", "neighbourhood", "neighborhood", "district", "woonwijk"),
    ),
    Field(
        "first_theme",
        N_("Theme, first choice"),
        (
            "thema 1",
            "thema",
            "eerste keuze",
            "voorkeur",
            "eerste thema",
            "theme 1",
            "theme",
            "first choice",
            "preference",
            "keuze 1",
        ),
    ),
    Field(
        "second_theme",
        N_("Theme, second choice"),
        ("thema 2", "tweede keuze", "tweede thema", "theme 2", "second choice", "keuze 2"),
    ),
    Field("day", N_("Day"), ("dag", "datum", "day", "date", "voorkeursdag", "preferred day")),
    Field("language", N_("Language"), ("taal", "language", "moedertaal", "thuistaal")),
    Field(
        "language_need",
        N_("Language help"),
        ("tolk", "fluistertolk", "interpreter", "taalhulp", "vertaling"),
    ),
    Field(
        "note",
        N_("Remarks"),
        (
            "opmerkingen",
            "opmerking",
            "notities",
            "remarks",
            "notes",
            "comments",
            "bemerkingen",
            "extra info",
        ),
    ),
    Field(
        "consent",
        N_("Consent to diversity questions"),
        ("toestemming", "akkoord", "consent", "toestemming diversiteit", "gdpr", "privacy"),
    ),
    Field(
        "origin",
        N_("Origin"),
        (
            "herkomst",
            "origine",
            "afkomst",
            "origin",
            "nationaliteit",
            "nationality",
            "etnische achtergrond",
        ),
    ),
    Field(
        "education",
        N_("Education"),
        ("opleiding", "onderwijs", "education", "diploma", "opleidingsniveau"),
    ),
    Field(
        "work_situation",
        N_("Work situation"),
        ("werksituatie", "werk", "beroep", "work situation", "occupation", "statuut", "job"),
    ),
)
_BY_KEY = {f.key: f for f in FIELDS}
_ALIASES = {fold(alias): f.key for f in FIELDS for alias in f.aliases}
_FULL_NAME_ALIASES = {fold(alias) for alias in _BY_KEY["full_name"].aliases}
_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR = re.compile(r"^\s*(\d{4})(?:\.0+)?\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,3})(?:[.,]0+)?\s*$")
YES = {"ja", "j", "yes", "y", "x", "1", "true", "waar", "akkoord", "ok", "oke", "okay", "✓", "✔"}
NO = {"nee", "neen", "n", "no", "0", "false", "onwaar", "niet akkoord"}


def _close_alias(folded: str) -> str | None:
    """The field of the one alias spelled almost like `folded` ('Voornam', 'E-mial')."""
    close = difflib.get_close_matches(folded, _ALIASES, n=2, cutoff=HEADER_RATIO)
    keys = {_ALIASES[alias] for alias in close}
    return keys.pop() if len(keys) == 1 else None


def guess_mapping(headers: Sequence[str]) -> list[str | None]:
    """The field each header names, or None; each field goes to one column at most."""
    guessed: list[str | None] = []
    used: set[str] = set()
    for header in headers:
        folded = fold(header)
        key = _ALIASES.get(folded)
        if key is None and len(folded) >= MIN_FUZZY_HEADER:
            key = _close_alias(folded)
        if key is not None and key in used:
            key = None
        if key is not None:
            used.add(key)
        guessed.append(key)
    # "Naam" next to "Voornaam" is the last name; alone it holds the whole name.
    if "first_name" in used and "full_name" in used and "last_name" not in used:
        index = guessed.index("full_name")
        if fold(headers[index]) in _FULL_NAME_ALIASES:
            guessed[index] = "last_name"
    return guessed


def has_a_name_column(mapping: Sequence[str | None]) -> bool:
    """Whether some column holds a name."""
    return any(key in NAME_FIELDS for key in mapping)


def split_full_name(text: str) -> tuple[str, str]:
    """First and last name from one cell: 'Jan Van den Bosch', or 'Peeters, Jan'."""
    text = text.strip()
    if "," in text:
        last, _comma, first = text.partition(",")
        return first.strip(), last.strip()
    first, _space, last = text.partition(" ")
    return first.strip(), last.strip()


def parse_birth_year(text: str, event_year: int) -> int | None:
    """A birth year from '1975', '12/03/1975', '1975-03-12' or '12.03.1975'; else None."""
    year: int | None = None
    if match := _YEAR.match(text):
        year = int(match.group(1))
    elif match := _DATE.match(text):
        year = int(match.group(3))
    elif match := _ISO_DATE.match(text):
        year = int(match.group(1))
    if year is None or not EARLIEST_BIRTH_YEAR <= year <= event_year:
        return None
    return year


def birth_year_from_age(text: str, event_year: int) -> int | None:
    """The birth year of someone of age `text` at the event, or None for no plausible age."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    age = int(match.group(1))
    return event_year - age if MIN_AGE <= age <= MAX_AGE else None


def parse_consent(text: str) -> bool | None:
    """True for yes, False for an explicit no, None for empty or unclear."""
    answer = text.strip().casefold()
    if answer in YES:
        return True
    if answer in NO:
        return False
    return None
