"""Which column of a registrations spreadsheet holds what, and reading its values.

Dutch and English headers are recognised by themselves ("Voornaam", "First name", …), and
so are the question texts and tool columns of the usual registration tools ("Welk thema
kies je?", "Attendee name", "Attendee Status", "Response Type", "Start date"); the import
wizard lets the organiser correct the guess. `header_score` tells a header row from the
title and data rows around it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from degenks_desktop.domain.person_names import split_whole_name
from degenks_desktop.domain.text_matching import fold, match_choice
from degenks_desktop.i18n import N_

NAME_FIELDS = ("first_name", "last_name", "full_name")
MIN_AGE, MAX_AGE = 5, 110
EARLIEST_BIRTH_YEAR = 1900
MIN_LENIENT_HEADER = 4
# Consent decides whether diversity answers may be kept, so only a header that says so
# plainly counts: "Toestemming foto's" or "Akkoord privacyverklaring" is another consent.
# The same holds for the consent to be contacted after the day (the postcard).
EXACT_ONLY = frozenset({"consent", "contact_consent"})
ADDRESS_FIELDS = ("street", "postcode", "town")


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
            "Attendee name",
            "Naam deelnemer",
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
            "Attendee email",
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
            "Cell phone",
        ),
    ),
    Field("gender", N_("Gender"), ("Geslacht", "Gender", "Sex", "Sekse")),
    Field(
        "birth_year",
        N_("Birth year"),
        (
            "Geboortejaar",
            "Geb.jaar",
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
    Field(
        "day",
        N_("Day"),
        (
            "Dag",
            "Datum",
            "Day",
            "Date",
            "Voorkeursdag",
            "Preferred day",
            "Start date",
            "Ticket type",
        ),
    ),
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
    Field(
        "street",
        N_("Street and number"),
        (
            "Straat",
            "Straat en huisnummer",
            "Straat en nummer",
            "Straat + nr",
            "Straat + nummer",
            "Straat en nr",
            "Straatnaam en huisnummer",
            "Adres",
            "Woonadres",
            "Postadres",
            "Thuisadres",
            "Street",
            "Street and number",
            "Street address",
            "Address",
            "Home address",
            "Postal address",
            "Address line 1",
        ),
    ),
    Field(
        "postcode",
        N_("Postcode"),
        (
            "Postcode",
            "Postnummer",
            "Post code",
            "Postal code",
            "Zip",
            "Zip code",
            "Zipcode",
        ),
    ),
    Field(
        "town",
        N_("Town"),
        ("Gemeente", "Woonplaats", "Stad", "Plaats", "Woongemeente", "Town", "City"),
    ),
    Field(
        "contact_consent",
        N_("Consent to be contacted after the day"),
        (
            "Toestemming contact",
            "Contact na de dag",
            "Contact achteraf",
            "Mag de stad je achteraf contacteren?",
            "Mogen we je achteraf contacteren?",
            "Contact consent",
            "Contact after the day",
            "May we contact you afterwards?",
        ),
    ),
    Field(
        "status",
        N_("Status (cancelled, partial)"),
        (
            "Status",
            "Attendee status",
            "Response type",
            "Order status",
            "Registration status",
            "Inschrijvingsstatus",
        ),
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
# Words that make a header about the order, the tool or the invoice, never about the
# person: "Order date" is no event day, pretix's invoice "Country" no origin,
# "Invoice address name" not the attendee's name.
_NOT_THE_PERSON = frozenset(
    (
        "invoice",
        "factuur",
        "factuuradres",
        "company",
        "bedrijf",
        "buyer",
        "koper",
        "begeleider",
        "order",
        "bestelling",
        "payment",
        "betaling",
        "timestamp",
        "tijdstempel",
        "submit",
        "stage",
        "network",
        "token",
        "seat",
        "voucher",
        "tax",
        "utc",
        "completion",
        "modified",
        "ingeschreven",
        "ingediend",
        "inschrijving",
        "verified",
        "country",
        "land",
        "zip",
        "city",
        "state",
        "end",
        "follow",
        "time",
    )
)
# Words of a ticket shop's order or invoice (pretix, Eventbrite): after such a column a
# plain "Address" or "City" may be the buyer's, typed once for a group order, or the
# invoice's, and the header does not say which; so no address column is guessed from
# there on, and the organiser maps the attendee's in the wizard when it is theirs.
_ORDER_WORDS = frozenset(
    ("invoice", "factuur", "factuuradres", "billing", "order", "bestelling", "buyer", "koper")
)
# Question-style headers ("Welk thema kies je?", "In welk jaar ben je geboren?"): the
# first rule whose words all occur names the field. Consent, the interpreter and the
# second theme come first, since their questions also mention the year, the neighbourhood,
# the language or the theme. Each rule is a tuple of word sets: one word of each set.
_QUESTION_RULES: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = tuple(
    (key, tuple(frozenset(words.split()) for words in sets))
    for key, sets in (
        # Before the diversity consent, whose questions may mention one's data too: a
        # question about contacting someone is about the postcard, never the answers.
        (
            "contact_consent",
            (
                "contact contacteren contacteer gecontacteerd contacted benaderen postkaart "
                "postcard",
                "mag mogen toestemming akkoord achteraf nadien later na may can consent agree "
                "afterwards after",
            ),
        ),
        (
            "consent",
            (
                "toestemming consent akkoord bewaren bijhouden opslaan houden store keep",
                "geboortejaar wijk diversiteit diversiteitsmatrix gegevens antwoorden data "
                "answers profiel",
            ),
        ),
        ("language_need", ("tolk fluistertolk interpreter vertaler vertaling tolken",)),
        ("second_theme", ("thema theme themas keuze choice", "tweede second 2")),
        ("first_theme", ("thema theme themas onderwerp topic meedenken",)),
        ("day", ("dag day",)),
        ("birth_year", ("geboortejaar geboren geboortedatum born birth geb",)),
        ("neighbourhood", ("wijk buurt woonwijk deelgemeente neighbourhood neighborhood",)),
        ("email", ("email mail mailadres emailadres",)),
        ("phone", ("telefoon telefoonnummer gsm gsmnummer phone mobile mobiel cell",)),
        # After e-mail and phone ("E-mail adres" is no street); the street first, since a
        # question asking for the whole address takes more than a postcode's room.
        (
            "street",
            ("straat straatnaam adres woonadres postadres thuisadres huisnummer street",),
        ),
        ("postcode", ("postcode postnummer postal",)),
        ("town", ("gemeente woonplaats woongemeente town",)),
        ("first_name", ("voornaam firstname roepnaam",)),
        ("first_name", ("first given", "name")),
        ("last_name", ("familienaam achternaam surname lastname",)),
        ("last_name", ("last family", "name")),
        ("full_name", ("naam name",)),
        ("note", ("opmerking opmerkingen remarks remark comments comment iets",)),
        ("gender", ("geslacht gender",)),
        ("origin", ("herkomst origine afkomst nationaliteit origin nationality",)),
        ("education", ("opleiding diploma education",)),
        ("language", ("taal moedertaal thuistaal language",)),
    )
)
_WORD = re.compile(r"[^\W_]+")
# Aliases so general that a more telling column of the same field wins: pretix's "Date"
# names the date of the series ("G360 – maandag 4 maart"), its "Start date" the day.
_WEAK_ALIASES = frozenset(fold(alias) for alias in ("Date", "Datum", "Ticket type", "Name"))
# How strongly a header names its field: an alias, a question's words, a lenient spelling,
# a weak alias; the strongest column of each field takes it.
_EXACT, _QUESTION, _LENIENT, _WEAK = range(4)
_OTHER = ""
_ALIASES = {fold(alias): f.key for f in FIELDS for alias in f.aliases}
_IGNORED = frozenset(fold(header) for header in _NOT_A_FIELD)
_LENIENT_CHOICES = {
    **{f.key: tuple(map(fold, f.aliases)) for f in FIELDS if f.key not in EXACT_ONLY},
    _OTHER: tuple(_IGNORED),
}
# A "Naam" column next to "Voornaam" holds the last name, unless it says it is whole.
_WHOLE_NAME = tuple(
    fold(alias)
    for alias in (
        "Volledige naam",
        "Full name",
        "Naam en voornaam",
        "Voornaam en naam",
        "Attendee name",
        "Naam deelnemer",
    )
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


def _question_field(header: str) -> str | None:
    """The field a question-style header asks for ("Welke dag kom je?" → day), or None."""
    words = frozenset(_WORD.findall(header))
    if words & _NOT_THE_PERSON:
        return None
    for key, sets in _QUESTION_RULES:
        if all(words & choices for choices in sets):
            return key
    return None


def _candidate(header: str, *, lenient: bool = True) -> tuple[str, int] | None:
    """The field `header` (folded) names and how strongly, or None; without `lenient`,
    only by an alias or a question's words."""
    if not header or header in _IGNORED:
        return None
    key = _ALIASES.get(header)
    if key is not None:
        return key, _WEAK if header in _WEAK_ALIASES else _EXACT
    key = _question_field(header)
    if key is not None:
        return key, _QUESTION
    if (
        not lenient
        or len(header) < MIN_LENIENT_HEADER
        or frozenset(_WORD.findall(header)) & _NOT_THE_PERSON
    ):
        return None
    key = match_choice(header, _LENIENT_CHOICES)
    return (key, _LENIENT) if key else None


def _addresses(samples: Sequence[Sequence[str]], index: int) -> int:
    """How many of the sample rows hold an e-mail address in column `index`."""
    return sum(1 for row in samples if index < len(row) and "@" in row[index])


# What a tool's status column says of a ticket or a response that is no registration (any
# more): Eventbrite's "Not Attending", pretix's "canceled", Typeform's "partial".
SKIPPED_STATUSES: dict[str, frozenset[str]] = {
    "cancelled": frozenset(
        fold(word)
        for word in (
            "Not attending",
            "Cancelled",
            "Canceled",
            "Refunded",
            "Deleted",
            "Not attending or deleted",
            "Geannuleerd",
            "Afgemeld",
            "Terugbetaald",
            "Uitgeschreven",
            "Expired",
            "Vervallen",
        )
    ),
    "partial": frozenset(fold(word) for word in ("Partial", "Onvolledig", "Started")),
}
_TOTALS = re.compile(r"(?:totaal|totalen|total|totals|som|sum)(?:\s*:?\s*\d+)?")
_NUMBER = re.compile(r"[\d\s.,]+")


def skipped_status(text: str) -> str | None:
    """`cancelled` or `partial` when a status cell says the row is no registration."""
    folded = fold(text)
    for reason, words in SKIPPED_STATUSES.items():
        if folded in words:
            return reason
    return None


def is_totals_line(cells: Sequence[str]) -> bool:
    """Whether a row is a list's totals line: "Totaal" beside nothing but numbers."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    words = [cell for cell in filled if not _NUMBER.fullmatch(cell)]
    return len(words) == 1 and bool(_TOTALS.fullmatch(fold(words[0])))


_PLAIN_YES = frozenset(("ja", "yes", "oui", "akkoord"))
_PLAIN_NO = frozenset(("nee", "neen", "no", "non"))
_QUALIFIED = frozenset(("maar", "but", "niet", "not", "geen", "liever"))


def _first_order_column(folded: Sequence[str]) -> int:
    """The index of the first (folded) header about an order or its invoice, or past the
    end: no postal address is guessed from there on."""
    return next(
        (
            index
            for index, header in enumerate(folded)
            if frozenset(_WORD.findall(header)) & _ORDER_WORDS
        ),
        len(folded),
    )


def guess_mapping(
    headers: Sequence[str], samples: Sequence[Sequence[str]] = ()
) -> list[str | None]:
    """The field each header names, or None; each field goes to one column at most.

    The column that names a field most plainly takes it ("Naam" before "Naam begeleider",
    "Start date" before "Date"); among e-mail columns the one whose `samples` (the first
    rows of the file) hold addresses, so that Microsoft Forms' "Email" saying "anonymous"
    loses to the form's own e-mail question. No postal address is guessed from a column
    after one about the order or its invoice (a ticket shop's): it may be the buyer's.
    """
    folded = [fold(header) for header in headers]
    orders = _first_order_column(folded)
    best: dict[str, tuple[tuple[int, int, int], int]] = {}
    for index, header in enumerate(folded):
        found = _candidate(header)
        if found is None or not found[0]:
            continue
        key, strength = found
        if key in ADDRESS_FIELDS and index >= orders:
            continue
        without_addresses = -_addresses(samples, index) if key == "email" else 0
        rank = (without_addresses, strength, index)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, index)
    guessed: list[str | None] = [None] * len(headers)
    for key, (_rank, index) in best.items():
        guessed[index] = key
    if "first_name" in best and "full_name" in best and "last_name" not in best:
        index = guessed.index("full_name")
        if not folded[index].startswith(_WHOLE_NAME):
            guessed[index] = "last_name"
    return guessed


def header_score(cells: Sequence[str]) -> int:
    """How many of `cells` name a field: the header is the row above the data that scores
    highest, below any title or empty rows. By aliases and question words only: cheap
    enough for the first rows of every sheet, and a data row's values rarely are either."""
    return len({found[0] for cell in cells if (found := _candidate(fold(cell), lenient=False))})


def has_a_name_column(mapping: Sequence[str | None]) -> bool:
    """Whether some column holds a name."""
    return any(key in NAME_FIELDS for key in mapping)


def split_full_name(text: str) -> tuple[str, str]:
    """First and last name from one cell: 'Jan Van den Bosch', or 'Peeters, Jan'
    (`domain.person_names.split_whole_name`)."""
    return split_whole_name(text)


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
    # A form's own wording of the choice: "Ja, dat mag", "Nee, liever niet". A yes with a
    # "but" or a "not" in it is no plain yes.
    first, _space, rest = answer.partition(" ")
    if first in _PLAIN_NO:
        return False
    if first in _PLAIN_YES and not _QUALIFIED.intersection(rest.split()):
        return True
    return None
