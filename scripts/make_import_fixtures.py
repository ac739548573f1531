"""Write tests/fixtures/imports/: registrations for the G360 as the tools cities use export them.

One file per tool (Eventbrite, pretix, Google Forms, Microsoft Forms, Typeform, and a
clerk's own Excel list saved as .xlsx and as Belgian "CSV"), each built the way that
tool's own export is built (tests/fixtures/imports/README.md says what each is based on),
and beside each `<stem>.expected.json`: what a correct import does with every data row.

Deterministic: a seed per file, fixed timestamps inside the workbooks and their zip
entries, so running `python scripts/make_import_fixtures.py` again writes the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import string
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from degenks_desktop.domain.event_plan import GENK_NEIGHBOURHOODS

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "imports"
SEED = 2013
# Stamped into every workbook's properties and zip entries, so the bytes do not change.
FIXED_TIME = dt.datetime(2013, 3, 1, 16, 45, 0)
DAYS = {1: dt.date(2013, 3, 4), 2: dt.date(2013, 3, 5)}

# The G360's eight themes as the app knows them (degenks_desktop/domain/event_plan.py),
# copied so that the fixtures do not move when the app's wording does.
THEME_NAMES = {
    "wonen": "Wonen",
    "werk": "Werk",
    "jeugd": "Jeugd en jonge gezinnen",
    "taal": "Taal en talent",
    "financien": "Financiën en stadsbestuur",
    "samenleven": "Samenleven in de wijk",
    "vrijetijd": "Vrije tijd",
    "dienstverlening": "Dienstverlening",
}
THEME_QUESTIONS = {
    "wonen": "Hoe kunnen we ervoor zorgen dat iedere Genkenaar betaalbaar en kwaliteitsvol "
    "woont, in een wijk waar hij of zij zich thuis voelt?",
    "werk": "Hoe kunnen we meer Genkenaren aan het werk helpen, en Genkse werkgevers werk "
    "laten maken van een divers personeelsbeleid?",
    "jeugd": "Hoe kunnen we van Genk een stad maken waar kinderen, jongeren en jonge gezinnen "
    "kansen krijgen en graag opgroeien?",
    "taal": "Hoe kunnen we samen met scholen, ouders en verenigingen de taal en de talenten "
    "van alle Genkenaren beter laten groeien?",
    "financien": "Hoe kunnen we als stad zuinig en open met ons geld omgaan, en burgers mee "
    "laten beslissen over wat voorrang krijgt?",
    "samenleven": "Hoe kunnen we Genkenaren van alle origines meer laten samenleven in hun "
    "wijk, en hun eigen kracht en verantwoordelijkheid prikkelen?",
    "vrijetijd": "Hoe kunnen we het aanbod van sport, cultuur en jeugdwerk zo maken dat het "
    "alle Genkenaren bereikt, ook wie we vandaag niet zien?",
    "dienstverlening": "Hoe kunnen we de dienstverlening van stad en OCMW toegankelijk en "
    "klantgericht maken voor de hele diversiteit van Genk?",
}
# How the city's own account of the G360 words them (shared/seeds/000_…: "wonen, werk,
# jongeren en jonge gezinnen, talen & talentontwikkeling, financiële middelen &
# stadsbestuur, …") and its think tables ("samenleven", "vrije tijd", "dienstverlening").
SEED_WORDINGS = {
    "wonen": "Wonen",
    "werk": "Werk",
    "jeugd": "Jongeren en jonge gezinnen",
    "taal": "Talen en talentontwikkeling",
    "financien": "Financiële middelen & stadsbestuur",
    "samenleven": "Samenleven",
    "vrijetijd": "Vrije tijd",
    "dienstverlening": "Dienstverlening",
}
THEME_WEIGHTS = {
    "wonen": 1.3,
    "werk": 1.3,
    "jeugd": 1.2,
    "taal": 1.0,
    "financien": 0.7,
    "samenleven": 1.1,
    "vrijetijd": 0.9,
    "dienstverlening": 0.6,
}
WIJKEN = GENK_NEIGHBOURHOODS  # the demo's, so the files name the event's own
INTERPRETERS = {
    "turkish": "Turks",
    "moroccan": "Arabisch",
    "italian": "Italiaans",
    "polish": "Pools",
    "greek": "Grieks",
}

# Names as Genk writes them. First names are one word each (hyphens allowed), so that a
# whole-name column splits one way only: the first word is the first name, the rest,
# particles included, the last name ("Jan Van den Broeck", "Fatima El Amrani").
FIRST_NAMES = {
    "belgian": {
        "f": "Marie Els Griet Hilde Kristel Sofie Lies Katrien Inge Leen Nele Veerle Marleen "
        "Lotte Godelieve Mieke Annelies Hanne Chloë Anne-Marie",
        "m": "Jan Pieter Koen Tom Bart Wim Dirk Luc Jef Stijn Joris Geert Jean-Pierre Johan "
        "Kris Wouter Jozef Lode Raf Seppe",
    },
    "turkish": {
        "f": "Ayşe Fatma Elif Zeynep Emine Hatice Gülşen Büşra Merve Özlem",
        "m": "Mehmet Mustafa Ahmet Hüseyin Murat Emre Yusuf Kemal İbrahim Gökhan",
    },
    "moroccan": {
        "f": "Fatima Khadija Naima Samira Salma Meryem Houda Latifa Nadia",
        "m": "Mohamed Youssef Ahmed Rachid Karim Said Hassan Abdelkader Bilal",
    },
    "italian": {
        "f": "Giulia Maria Francesca Rosa Antonella Carmela Lucia",
        "m": "Giuseppe Salvatore Antonio Marco Luca Vincenzo Franco",
    },
    "greek": {"f": "Eleni Sofia Ioanna Katerina", "m": "Giorgos Dimitris Nikos Kostas"},
    "polish": {
        "f": "Agnieszka Katarzyna Małgorzata Joanna",
        "m": "Piotr Krzysztof Tomasz Paweł",
    },
}
LAST_NAMES = {
    "belgian": [
        "Peeters",
        "Janssens",
        "Maes",
        "Claes",
        "Vanhees",
        "Smeets",
        "Geerts",
        "Lambrechts",
        "Bosmans",
        "Vangeel",
        "Noelmans",
        "Haesen",
        "Moors",
        "Coenen",
        "Vanheusden",
        "Gielen",
        "Kenis",
        "Cuypers",
        "Reynders",
        "Daniëls",
        "Houben",
        "Jorissen",
        "Vanderhoydonck",
        "Hoeterickx",
        "Van den Broeck",
        "Van den Bosch",
        "Van de Velde",
        "De Smet",
        "De Backer",
        "Op de Beeck",
        "D'Hondt",
        "Vande Velde",
        "Van Gompel",
        "Vanden Eynde",
        "Peeters-Janssens",
    ],
    "turkish": [
        "Şahin",
        "Yılmaz",
        "Kaya",
        "Demir",
        "Çelik",
        "Öztürk",
        "Aydın",
        "Arslan",
        "Doğan",
        "Kılıç",
        "Yıldız",
        "Koç",
    ],
    "moroccan": [
        "El Amrani",
        "Ben Ali",
        "El Idrissi",
        "Bennani",
        "Azzouzi",
        "El Khattabi",
        "Ouazzani",
        "Boukhari",
        "Ait Ouali",
        "El Ouardi",
    ],
    "italian": [
        "Russo",
        "Esposito",
        "Bianchi",
        "Romano",
        "Lo Bue",
        "Di Stefano",
        "D'Alessandro",
        "Caruso",
        "Sciortino",
        "La Rosa",
    ],
    "greek": ["Papadopoulos", "Georgiou", "Nikolaidis", "Oikonomou"],
    "polish": ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Zieliński"],
}
# Some write their name in their own script; their e-mail address is in Latin letters.
NATIVE_SCRIPT = {
    "greek": [
        ("Γιώργος", "Παπαδόπουλος", "m", "giorgos.papadopoulos"),
        ("Ελένη", "Γεωργίου", "f", "eleni.georgiou"),
        ("Νίκος", "Βλάχος", "m", "nikos.vlachos"),
    ],
    "moroccan": [
        ("فاطمة", "العمراني", "f", "fatima.elamrani"),
        ("يوسف", "بنعلي", "m", "youssef.benali"),
        ("خديجة", "الإدريسي", "f", "khadija.elidrissi"),
    ],
}
ORIGIN_WEIGHTS = {
    "belgian": 0.52,
    "italian": 0.15,
    "turkish": 0.13,
    "moroccan": 0.08,
    "greek": 0.05,
    "polish": 0.07,
}
DOMAINS = ("example.be", "example.com", "example.org", "example.net")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits for an e-mail address: 'Şahin' -> 'sahin'."""
    text = text.translate(str.maketrans("ıłŁİ", "ilLI"))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


@dataclass(frozen=True)
class Person:
    """One citizen as they meant to register; each tool then writes them its own way."""

    first: str
    last: str
    gender: str
    origin: str
    email: str | None
    phone: str | None  # national digits as dialled in Belgium: "0470123456", "089123456"
    birth_year: int | None
    wijk: str | None
    theme: str
    theme2: str | None
    day: int
    consent: bool | None
    interpreter: str | None

    @property
    def whole_name(self) -> str:
        """The name in one cell, as a whole-name column holds it."""
        return f"{self.first} {self.last}"


_KEEP = object()


class People:
    """Makes distinct citizens from one seed, in the proportions Genk registered.

    A `crowd` (thousands, more than the name lists make distinct names) has namesakes, as
    a city does; each still has an e-mail of their own, numbered as a common name's is.
    """

    def __init__(self, seed: str, *, crowd: bool = False) -> None:
        self.rng = random.Random(seed)
        self.taken: set[tuple[str, ...]] = set()
        self.crowd = crowd

    def new(
        self,
        origin: str | None = None,
        *,
        native: bool = False,
        email: Any = _KEEP,
        **changes: Any,
    ) -> Person:
        """A new person; `changes` sets any field, `email=None` means they gave none."""
        rng = self.rng
        origin = origin or rng.choices(list(ORIGIN_WEIGHTS), list(ORIGIN_WEIGHTS.values()))[0]
        gender = changes.pop("gender", rng.choice("fm"))
        chosen_first = changes.pop("first", None)
        chosen_last = changes.pop("last", None)
        for _attempt in range(200):
            if native:
                first, last, gender, local = rng.choice(NATIVE_SCRIPT[origin])
            else:
                first = chosen_first or rng.choice(FIRST_NAMES[origin][gender].split())
                last = chosen_last or rng.choice(LAST_NAMES[origin])
                local = f"{fold(first)}.{fold(last)}"
            if self.crowd:
                local = f"{local}.{len(self.taken)}"
                break
            if (first, last) not in self.taken:
                break
        self.taken.add((first, last, local) if self.crowd else (first, last))
        theme = rng.choices(list(THEME_WEIGHTS), list(THEME_WEIGHTS.values()))[0]
        theme2 = rng.choice([None, *[t for t in THEME_WEIGHTS if t != theme]])
        consent = rng.choices([True, False, None], [0.62, 0.28, 0.10])[0]
        person = Person(
            first=first,
            last=last,
            gender=gender,
            origin=origin,
            email=f"{local}@{rng.choice(DOMAINS)}",
            phone=self.phone(),
            birth_year=rng.randint(1938, 1996) if rng.random() < 0.85 else None,
            wijk=rng.choice(WIJKEN),
            theme=theme,
            theme2=theme2,
            day=rng.choice((1, 2)),
            consent=consent,
            interpreter=(
                INTERPRETERS.get(origin) if origin != "belgian" and rng.random() < 0.25 else None
            ),
        )
        if email is not _KEEP:
            person = replace(person, email=email)
        return replace(person, **changes)

    def phone(self) -> str | None:
        """A Belgian mobile (mostly) or a Genk landline, as national digits."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.12:
            return None
        if roll < 0.25:
            return "089" + "".join(rng.choice(string.digits) for _ in range(6))
        return "04" + rng.choice("789") + "".join(rng.choice(string.digits) for _ in range(7))


# --- how each tool writes a phone number -------------------------------------------------


def e164(phone: str | None) -> str | None:
    """The one normal form a correct import compares phones in: '+32470123456'."""
    return f"+32{phone[1:]}" if phone else None


def spaced(phone: str) -> str:
    """'0470 12 34 56' or '089 12 34 56', as people type them."""
    if phone.startswith("04"):
        return f"{phone[:4]} {phone[4:6]} {phone[6:8]} {phone[8:]}"
    return f"{phone[:3]} {phone[3:5]} {phone[5:7]} {phone[7:]}"


def international(phone: str) -> str:
    """'+32 470 12 34 56', or a landline the way business cards print it: '+32 (0)89 12 34 56'."""
    if phone.startswith("04"):
        return f"+32 {phone[1:4]} {phone[4:6]} {phone[6:8]} {phone[8:]}"
    return f"+32 (0){phone[1:3]} {phone[3:5]} {phone[5:7]} {phone[7:]}"


def slashed(phone: str) -> str:
    """'0470/12.34.56', the way Flemish offices write numbers."""
    if phone.startswith("04"):
        return f"{phone[:4]}/{phone[4:6]}.{phone[6:8]}.{phone[8:]}"
    return f"{phone[:3]}/{phone[3:5]}.{phone[5:7]}.{phone[7:]}"


# --- expected outcomes -------------------------------------------------------------------


def expect(
    where: dict[str, Any],
    outcome: str,
    person: Person | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """One row of an expected file: where it is, what happens, and for a person who is
    added (or is a duplicate of someone added) exactly what the import must read.

    The birth year is kept only with consent (`consent` True); `answers_without_consent`
    says the file held diversity answers that must not be stored.
    """
    entry: dict[str, Any] = {**where, "outcome": outcome}
    if person is not None and outcome in ("added", "duplicate"):
        kept = person.consent is True
        entry.update(
            first_name=person.first,
            last_name=person.last,
            email=person.email,
            phone=e164(person.phone),
            theme=person.theme,
            second_theme=person.theme2,
            day=person.day,
            consent=person.consent,
            birth_year=person.birth_year if kept else None,
            answers_without_consent=(
                not kept and (person.birth_year is not None or person.wijk is not None)
            ),
            warnings=[],
        )
    elif person is not None:
        entry["name"] = person.whole_name
    entry.update(changes)
    return entry


class Outcomes:
    """The expected rows of one file, in file order, telling apart a person added and the
    same person again: the same first and last name with the same e-mail address (in any
    case), or without one the same phone number. One e-mail with another name is another
    person."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.seen: dict[tuple[str, str, str], int] = {}

    def person(self, where: dict[str, Any], person: Person, **changes: Any) -> None:
        """The row of someone who registers: added, or a duplicate of an earlier row."""
        first = changes.get("first_name", person.first)
        last = changes.get("last_name", person.last)
        contact = (person.email or e164(person.phone) or "").casefold()
        key = (first, last, contact)
        if key in self.seen:
            self.rows.append(
                expect(where, "duplicate", person, duplicate_of=self.seen[key], **changes)
            )
            return
        self.seen[key] = where.get("line", where.get("row", 0))
        self.rows.append(expect(where, "added", person, **changes))

    def reject(self, where: dict[str, Any], reason: str) -> None:
        """A row a correct import refuses, listed with its reason."""
        self.rows.append(expect(where, "rejected", reason=reason))

    def skip(self, where: dict[str, Any], reason: str, person: Person | None = None) -> None:
        """A row that is no registration, or no longer one: cancelled, partial, totals, empty."""
        self.rows.append(expect(where, "skipped", person, reason=reason))


def write_expected(
    stem: str, tool: str, file_format: dict[str, Any], rows: list[dict[str, Any]]
) -> None:
    """`<stem>.expected.json`, with a count per outcome so that a reader sees the whole."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["outcome"]] = counts.get(row["outcome"], 0) + 1
    document = {
        "tool": tool,
        "file": file_format["file"],
        "format": {k: v for k, v in file_format.items() if k != "file"},
        "event": {"days": {"1": "2013-03-04", "2": "2013-03-05"}, "themes": THEME_NAMES},
        "summary": dict(sorted(counts.items())),
        "rows": rows,
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    (OUT / f"{stem}.expected.json").write_text(text, encoding="utf-8")


# --- writing files -----------------------------------------------------------------------


class CsvText:
    """A CSV being written record by record, knowing the line each record starts on."""

    def __init__(self, **dialect: Any) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, **dialect)
        self.lines = 1

    def write(self, cells: Sequence[Any]) -> int:
        """Write one record; return the line it starts on."""
        start = self.lines
        before = self.buffer.tell()
        self.writer.writerow(cells)
        self.lines += self.buffer.getvalue()[before:].count("\n")
        return start

    def save(self, path: Path, encoding: str) -> None:
        """Write the text in `encoding`; a letter it cannot hold becomes '?' (as Excel does)."""
        path.write_bytes(self.buffer.getvalue().encode(encoding, errors="replace"))


def save_workbook(workbook: Workbook, path: Path, patches: dict[str, str] | None = None) -> None:
    """Save with fixed timestamps (and `patches`: text replaced inside sheet XML, for what
    openpyxl cannot write itself, such as a formula's cached value)."""
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms)",
                    rf"\g<1>{stamp}\2",
                    text,
                )
                data = text.encode("utf-8")
            if patches and item.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for old in [old for old in patches if old in text]:
                    text = text.replace(old, patches.pop(old))
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            target.writestr(info, data)
    assert not patches, f"not found in {path.name}: {patches}"


def order_times(rng: random.Random, count: int, first: dt.datetime) -> list[dt.datetime]:
    """`count` increasing moments from `first` to the close of registration (1 March)."""
    days = (dt.datetime(2013, 3, 1) - first).days
    # Mostly in the day and the evening, as people register.
    moments = sorted(
        dt.timedelta(days=rng.randrange(days), hours=rng.uniform(7.5, 23.5)) for _ in range(count)
    )
    midnight = first.replace(hour=0, minute=0, second=0)
    return [(midnight + moment).replace(microsecond=0) for moment in moments]


def consent_text(consent: bool | None, yes: str, no: str, unanswered: str = "") -> str:
    """How a tool writes the answer to the consent question."""
    return {True: yes, False: no, None: unanswered}[consent]


# --- Eventbrite ----------------------------------------------------------------------------

EVENTBRITE_FILE = "eventbrite_attendee_summary.csv"
EVENTBRITE_TICKETS = {1: "Dag 1 – maandag 4 maart 2013", 2: "Dag 2 – dinsdag 5 maart 2013"}
# The organiser's drop-down for the theme, partly in the seed's own words.
EVENTBRITE_THEMES = {
    **THEME_NAMES,
    "jeugd": SEED_WORDINGS["jeugd"],
    "taal": SEED_WORDINGS["taal"],
    "financien": SEED_WORDINGS["financien"],
}
EVENTBRITE_QUESTIONS = [
    "Welk thema kies je?",
    "Welk thema is je tweede keuze?",
    "In welke wijk woon je?",
    "Geboortejaar",
    "Mogen we je geboortejaar en wijk bewaren voor de diversiteitsmatrix van de stad?",
    "Heb je een fluistertolk nodig?",
    "Opmerkingen",
]
EVENTBRITE_HEADER = [
    "Order #",
    "Order Date",
    "First Name",
    "Last Name",
    "Email",
    "Quantity",
    "Price Tier",
    "Ticket Type",
    "Attendee #",
    "Group",
    "Order Type",
    "Currency",
    "Total Paid",
    "Fees Paid",
    "Eventbrite Fees",
    "Eventbrite Payment Processing",
    "Attendee Status",
    "Home Address 1",
    "Home Address 2",
    "Home City",
    "Home State",
    "Home Zip",
    "Home Country",
    "Cell Phone",
    *EVENTBRITE_QUESTIONS,
]
Ticket = tuple[Person, str, str]  # the attendee, "Attending" or "Not Attending", a remark


def eventbrite_orders(people: People) -> list[list[Ticket]]:
    """The orders, single tickets mostly, with the report's quirks at fixed places."""
    new = people.new
    orders: list[list[Ticket]] = [[(new(), "Attending", "")] for _ in range(27)]
    # A family on one e-mail: three tickets, three names.
    sahin = new("turkish", first="Mehmet", last="Şahin", gender="m", day=1)
    ayse = new("turkish", first="Ayşe", last="Şahin", gender="f", day=1, phone=None)
    elif_ = new("turkish", first="Elif", last="Şahin", gender="f", day=1, phone=None)
    orders.insert(
        3,
        [
            (sahin, "Attending", ""),
            (replace(ayse, email=sahin.email), "Attending", ""),
            (replace(elif_, email=sahin.email, birth_year=1995), "Attending", ""),
        ],
    )
    # A couple on one e-mail, surnames with particles.
    jan = new("belgian", first="Jan", last="Van den Broeck", gender="m", day=2)
    griet = new("belgian", first="Griet", last="De Smet", gender="f", day=2)
    orders.insert(8, [(jan, "Attending", ""), (replace(griet, email=jan.email), "Attending", "")])
    fatima = new("moroccan", first="Fatima", last="El Amrani", gender="f", day=1)
    youssef = new("moroccan", first="Youssef", last="El Amrani", gender="m", day=1)
    youssef = replace(youssef, email=fatima.email, consent=False, birth_year=1971)
    orders.insert(12, [(fatima, "Attending", ""), (youssef, "Attending", "")])
    # Cancelled tickets: a whole order of two, and one single.
    orders.insert(15, [(new(), "Not Attending", ""), (new(), "Not Attending", "")])
    orders.insert(20, [(new("italian"), "Not Attending", "")])
    # A buyer who typed their own name on both tickets: the guest's name is lost.
    luc = new("belgian", first="Luc", last="Vanhees", gender="m", day=2)
    orders.insert(17, [(luc, "Attending", ""), (luc, "Attending", "")])
    # Registered again a week later: same name, same e-mail.
    agnieszka = new("polish", first="Agnieszka", last="Kowalczyk", gender="f", day=1)
    orders.insert(6, [(agnieszka, "Attending", "")])
    orders.insert(25, [(agnieszka, "Attending", "")])
    # A remark over two lines with a comma: a quoted field across a line break.
    remark = "Ik kom met de rolstoel.\nGraag een plaats aan de gang, dank u!"
    godelieve = new("belgian", first="Godelieve", last="Vanderhoydonck", gender="f")
    orders.insert(22, [(godelieve, "Attending", remark)])
    # Names in Arabic and in Greek script.
    orders.insert(10, [(new("moroccan", native=True), "Attending", "")])
    orders.insert(28, [(new("greek", native=True), "Attending", "")])
    return orders


def eventbrite_row(
    order_number: int, moment: dt.datetime, attendee_number: int, ticket: Ticket
) -> list[Any]:
    """One attendee's line of the report."""
    person, status, remark = ticket
    return [
        order_number,
        f"{moment.month}/{moment.day}/{moment:%y %H:%M}",  # '2/14/13 10:22'
        person.first,
        person.last,
        person.email or "",
        1,
        "",
        EVENTBRITE_TICKETS[person.day],
        attendee_number,
        "",
        "Free Order",
        "EUR",
        "0",
        "0",
        "0",
        "0",
        status,
        "",
        "",
        "Genk",
        "",
        "3600",
        "",
        spaced(person.phone) if person.phone else "",
        EVENTBRITE_THEMES[person.theme],
        EVENTBRITE_THEMES[person.theme2] if person.theme2 else "Geen tweede keuze",
        person.wijk or "",
        person.birth_year or "",
        consent_text(person.consent, "Ja", "Nee"),
        f"Ja, {person.interpreter}" if person.interpreter else "Nee",
        remark,
    ]


def make_eventbrite() -> None:
    """Eventbrite's Attendee Summary report: one row per ticket, the ticket type per day."""
    people = People(f"{SEED}-eventbrite")
    rng = people.rng
    orders = eventbrite_orders(people)
    text = CsvText(lineterminator="\r\n")
    text.write(EVENTBRITE_HEADER)
    outcomes = Outcomes()
    order_number = 1402337710
    attendee_number = 1781200433
    moments = order_times(rng, len(orders), dt.datetime(2013, 2, 4, 9, 0))
    for moment, order in zip(moments, orders, strict=True):
        order_number += rng.randint(900, 40_000)
        for ticket in order:
            attendee_number += rng.randint(3, 900)
            line = text.write(eventbrite_row(order_number, moment, attendee_number, ticket))
            person, status, _remark = ticket
            if status == "Attending":
                outcomes.person({"line": line}, person)
            else:
                outcomes.skip({"line": line}, "cancelled", person)
    text.save(OUT / EVENTBRITE_FILE, "utf-8")
    write_expected(
        "eventbrite_attendee_summary",
        "Eventbrite (Attendee Summary report, CSV)",
        {
            "file": EVENTBRITE_FILE,
            "kind": "csv",
            "encoding": "utf-8",
            "delimiter": ",",
            "line_ending": "\r\n",
            "header_line": 1,
            "header": EVENTBRITE_HEADER,
            "status_column": "Attendee Status",
            "day_column": "Ticket Type",
            "day_values": EVENTBRITE_TICKETS,
            "theme_values": EVENTBRITE_THEMES,
        },
        outcomes.rows,
    )


# --- pretix ------------------------------------------------------------------------------

PRETIX_CSV = "pretix_g360_order_positions.csv"
PRETIX_XLSX = "pretix_g360_orders.xlsx"
PRETIX_THEMES = {
    **THEME_NAMES,
    "jeugd": "Jeugd & jonge gezinnen",
    "taal": "Taal & talent",
    "financien": "Financiën & stadsbestuur",
}
PRETIX_QUESTIONS = [
    "Welk thema kies je?",
    "Welk thema kies je als tweede keuze?",
    "In welke wijk woon je?",
    "Geboortejaar",
    "Ik geef de stad toestemming om mijn geboortejaar en wijk te bewaren voor de "
    "diversiteitsmatrix.",
    "Heb je een fluistertolk nodig? Voor welke taal?",
]
PRETIX_SUBEVENTS = {1: "G360 – maandag 4 maart", 2: "G360 – dinsdag 5 maart"}
# pretix's OrderListExporter (src/pretix/base/exporters/orderlist.py) for an event series
# whose name scheme is "full" (one name field, so no "Attendee name: Given name" columns).
PRETIX_POSITIONS_HEADER = [
    "Event slug",
    "Order code",
    "Position ID",
    "Status",
    "Email",
    "Phone number",
    "Order date",
    "Order time",
    "Date",
    "Start date",
    "End date",
    "Product",
    "Variation",
    "Price",
    "Tax rate",
    "Tax rule",
    "Tax value",
    "Attendee name",
    "Attendee email",
    "Company",
    "Address",
    "ZIP code",
    "City",
    "Country",
    "State",
    "Voucher",
    "Pseudonymization ID",
    "Seat ID",
    "Seat name",
    "Seat zone",
    "Seat row",
    "Seat number",
    "Order comment",
    "Follow-up date",
    *PRETIX_QUESTIONS,
    "Company",
    "Invoice address name",
    "Address",
    "ZIP code",
    "City",
    "Country",
    "State",
    "VAT ID",
    "Sales channel",
    "Order locale",
    "E-mail address verified",
    "Payment providers",
]
PRETIX_ORDERS_HEADER = [
    "Event slug",
    "Order code",
    "Order total",
    "Status",
    "Email",
    "Phone number",
    "Order date",
    "Order time",
    "Company",
    "Name",
    "Address",
    "ZIP code",
    "City",
    "Country",
    "State",
    "Custom address field",
    "VAT ID",
    "Date of last payment",
    "Fees",
    "Order locale",
    "Gross at 0.00 % tax",
    "Net at 0.00 % tax",
    "Tax value at 0.00 % tax",
    "Invoice numbers",
    "Sales channel",
    "Requires special attention",
    "Comment",
    "Follow-up date",
    "Positions",
    "E-mail address verified",
    "Payment providers",
]
PRETIX_FEES_HEADER = [
    "Event slug",
    "Order code",
    "Status",
    "Email",
    "Phone number",
    "Order date",
    "Order time",
    "Fee type",
    "Description",
    "Price",
    "Tax rate",
    "Tax rule",
    "Tax value",
    "Company",
    "Invoice address name",
    "Address",
    "ZIP code",
    "City",
    "Country",
    "State",
    "VAT ID",
    "Payment providers",
]
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ3789"


def defused(value: Any) -> Any:
    """What defusedcsv (pretix's CSV writer) makes of a cell: a text starting like a
    formula gets a leading apostrophe, so '+32470123456' is written "'+32470123456"."""
    if isinstance(value, str) and value and value[0] in "@+-=|%":
        return "'" + value.replace("|", "\\|")
    return value


@dataclass(frozen=True)
class PretixOrder:
    """One order: who ordered, when, and the tickets (positions) with their attendees."""

    code: str
    moment: dt.datetime
    status: str
    country: str
    attendees: tuple[Person, ...]
    pseudonyms: tuple[str, ...]

    @property
    def buyer(self) -> Person:
        """Whoever ordered: the first ticket's attendee, whose e-mail is the order's."""
        return self.attendees[0]

    @property
    def zip_code(self) -> str:
        """The invoice address's postcode: Genk, or Maastricht across the border."""
        return "3600" if self.country == "BE" else "6211"

    @property
    def city(self) -> str:
        """The invoice address's town."""
        return "Genk" if self.country == "BE" else "Maastricht"


CANCELLED = "canceled"  # a marker after an order's attendees, and pretix's word for it


def pretix_groups(people: People, singles: int = 26) -> list[tuple[Any, ...]]:
    """Who is on each order: mostly one ticket (`singles` orders), some group orders on
    the buyer's e-mail; 17 tickets besides the singles."""
    new = people.new
    groups: list[tuple[Any, ...]] = [(new(),) for _ in range(singles)]
    murat = new("turkish", first="Murat", last="Yılmaz", gender="m", day=2)
    zeynep = new("turkish", first="Zeynep", last="Yılmaz", gender="f", day=2)
    emre = new("turkish", first="Emre", last="Yılmaz", gender="m", day=2, consent=None)
    groups.insert(4, (murat, zeynep, emre))
    koen = new("belgian", first="Koen", last="Op de Beeck", gender="m", day=1)
    samira = new("moroccan", first="Samira", last="Ben Ali", gender="f", day=1)
    groups.insert(9, (koen, replace(samira, consent=False, birth_year=1984)))
    rosa = new("italian", first="Rosa", last="Lo Bue", gender="f", day=2)
    salvatore = new("italian", first="Salvatore", last="Di Stefano", gender="m", day=2)
    pawel = new("polish", first="Paweł", last="Wiśniewski", gender="m", day=2)
    hanne = new("belgian", first="Hanne", last="D'Hondt", gender="f", day=2)
    groups.insert(14, (rosa, salvatore, pawel, hanne))
    fatma = new("turkish", first="Fatma", last="Ait Ouali", gender="f", day=1)
    groups.insert(17, (fatma,))
    # Names in Arabic and Greek script: one word each side, as written.
    groups.insert(6, (new("moroccan", native=True),))
    groups.insert(19, (new("greek", native=True),))
    groups.insert(23, (new("greek", native=True),))
    # Ordered twice (the confirmation mail sat in spam): same name and e-mail.
    stijn = new("belgian", first="Stijn", last="Vanderhoydonck", gender="m", day=1)
    groups.insert(2, (stijn,))
    groups.insert(21, (stijn,))
    # Two orders their buyer cancelled: still listed when "Only paid orders" is off.
    groups.insert(11, (new(), CANCELLED))
    groups.insert(27, (new("italian"), CANCELLED))
    return groups


def pretix_orders(people: People, singles: int = 26) -> list[PretixOrder]:
    """The orders as pretix lists them, oldest first; two were cancelled by their buyer."""
    rng = people.rng
    groups = pretix_groups(people, singles)
    moments = order_times(rng, len(groups), dt.datetime(2013, 2, 4, 8, 30))
    orders = []
    for index, (moment, group) in enumerate(zip(moments, groups, strict=True)):
        status = CANCELLED if group[-1] == CANCELLED else "paid"
        tickets = group[:-1] if status == CANCELLED else group
        # Only the order has an e-mail and a phone: every ticket carries the buyer's.
        buyer = tickets[0]
        attendees = (
            buyer,
            *(replace(p, email=buyer.email, phone=buyer.phone) for p in tickets[1:]),
        )
        orders.append(
            PretixOrder(
                code="".join(rng.choice(CODE_LETTERS) for _ in range(5)),
                moment=moment,
                status=status,
                country="NL" if index in (8, 24) else "BE",
                attendees=attendees,
                pseudonyms=tuple(
                    "".join(rng.choice(CODE_LETTERS) for _ in range(10)) for _ in attendees
                ),
            )
        )
    return orders


def pretix_position(order: PretixOrder, number: int, *, for_csv: bool) -> list[Any]:
    """One ticket's line on the "Order positions" sheet (or in its CSV)."""
    person = order.attendees[number - 1]
    money: Any = "0.00" if for_csv else Decimal("0.00")  # localized text in CSV only
    day = DAYS[person.day]
    cells: list[Any] = [
        "g360",
        order.code,
        number,
        order.status,
        order.buyer.email,
        e164(order.buyer.phone) or "",
        f"{order.moment:%Y-%m-%d}",
        f"{order.moment:%H:%M:%S}",
        PRETIX_SUBEVENTS[person.day],
        f"{day:%Y-%m-%d} 09:00:00",
        f"{day:%Y-%m-%d} 17:00:00",
        "Deelname G360",
        "",
        money,
        money,
        "",
        money,
        person.whole_name,
        "",  # Attendee email: not asked per ticket
        *[""] * 6,  # the attendee's company and address: not asked
        "",
        order.pseudonyms[number - 1],
        *[""] * 5,  # no seating plan
        "",
        "",
        PRETIX_THEMES[person.theme],
        PRETIX_THEMES[person.theme2] if person.theme2 else "",
        person.wijk or "",
        str(person.birth_year) if person.birth_year else "",
        consent_text(person.consent, "Yes", "No"),
        person.interpreter or "",
        "",
        order.buyer.whole_name,
        "",
        order.zip_code,
        order.city,
        order.country,
        "",
        "",
        "web",
        "nl",
        "No",
        "",
    ]
    return [defused(cell) for cell in cells] if for_csv else cells


def pretix_outcomes(orders: list[PretixOrder], place: Any) -> list[dict[str, Any]]:
    """What each position comes to: a cancelled order's tickets are skipped."""
    outcomes = Outcomes()
    index = 0
    for order in orders:
        for person in order.attendees:
            where = place(index)
            index += 1
            if order.status == CANCELLED:
                outcomes.skip(where, "cancelled", person)
            else:
                outcomes.person(where, person, origin=None)
    return outcomes.rows


PRETIX_FORMAT = {
    "header": PRETIX_POSITIONS_HEADER,
    "name_column": "Attendee name (whole name; first word = first name)",
    "email_column": "Email (the order's, repeated on every ticket of a group order)",
    "day_column": "Start date",
    "day_values": {"1": "2013-03-04 09:00:00", "2": "2013-03-05 09:00:00"},
    "theme_values": PRETIX_THEMES,
    "not_the_day": ["Order date", "Date of last payment (Orders sheet)"],
    "not_origin": ["Country (the invoice address's)"],
}


def pretix_workbook(orders: list[PretixOrder]) -> Workbook:
    """The combined Excel export: the sheets Orders, Order positions and Order fees."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Orders")
    sheet.append(PRETIX_ORDERS_HEADER)
    zero = Decimal("0.00")
    for order in orders:
        buyer = order.buyer
        sheet.append([
            "g360", order.code, zero, order.status, buyer.email, e164(buyer.phone) or "",
            f"{order.moment:%Y-%m-%d}", f"{order.moment:%H:%M:%S}", "", buyer.whole_name, "",
            order.zip_code, order.city, order.country, "", "", "",
            f"{order.moment:%Y-%m-%d}",  # Date of last payment: a free order is paid at once
            zero, "nl", zero, zero, zero, "", "web", "No", "", "", len(order.attendees), "No", "",
        ])  # fmt: skip
    sheet = workbook.create_sheet("Order positions")
    sheet.append(PRETIX_POSITIONS_HEADER)
    for order in orders:
        for number in range(1, len(order.attendees) + 1):
            sheet.append(pretix_position(order, number, for_csv=False))
    sheet = workbook.create_sheet("Order fees")
    sheet.append(PRETIX_FEES_HEADER)  # a free event has no fees: the header alone
    return workbook


def make_pretix() -> None:
    """pretix's "Order data" export: the positions CSV and the combined Excel workbook."""
    orders = pretix_orders(People(f"{SEED}-pretix"))
    text = CsvText(quoting=csv.QUOTE_NONNUMERIC, delimiter=",", lineterminator="\r\n")
    text.write(PRETIX_POSITIONS_HEADER)
    lines = [
        text.write(pretix_position(order, number, for_csv=True))
        for order in orders
        for number in range(1, len(order.attendees) + 1)
    ]
    text.save(OUT / PRETIX_CSV, "utf-8")
    write_expected(
        "pretix_g360_order_positions",
        "pretix (Order data → Order positions – CSV (with commas))",
        {
            "file": PRETIX_CSV,
            "kind": "csv",
            "encoding": "utf-8",
            "delimiter": ",",
            "quoting": "every text field; numbers bare (csv.QUOTE_NONNUMERIC)",
            "line_ending": "\r\n",
            "header_line": 1,
            **PRETIX_FORMAT,
        },
        pretix_outcomes(orders, lambda index: {"line": lines[index]}),
    )

    save_workbook(pretix_workbook(orders), OUT / PRETIX_XLSX)
    write_expected(
        "pretix_g360_orders",
        "pretix (Order data → Combined Excel (.xlsx))",
        {
            "file": PRETIX_XLSX,
            "kind": "xlsx",
            "sheets": ["Orders", "Order positions", "Order fees"],
            "sheet": "Order positions",
            "header_row": 1,
            "other_sheets": {
                "Orders": f"one row per order ({len(orders)} orders): buyers only",
                "Order fees": "the header alone (a free event has no fees)",
            },
            **PRETIX_FORMAT,
        },
        pretix_outcomes(orders, lambda index: {"sheet": "Order positions", "row": index + 2}),
    )


# --- Google Forms ------------------------------------------------------------------------

GOOGLE_FILE = "google_forms_inschrijving_g360.csv"
GOOGLE_HEADER = [
    "Timestamp",
    "Email Address",
    "Voornaam",
    "Familienaam",
    "Telefoonnummer",
    "In welke wijk woon je?",
    "Welk thema kies je?",
    "Welk thema kies je als tweede keuze?",
    "Welke dag kom je?",
    "Geboortejaar",
    "Mag de stad je geboortejaar en wijk bewaren voor de diversiteitsmatrix?",
    "Heb je een fluistertolk nodig?",
    "Nog iets dat we moeten weten?",
]
# Free text for the day, as people answer "Welke dag kom je?".
GOOGLE_DAYS = [
    ("4 maart", 1),
    ("5 maart", 2),
    ("ma 4/3", 1),
    ("di 5/3", 2),
    ("maandag", 1),
    ("dinsdag", 2),
    ("Maandag 4 maart", 1),
    ("dinsdag 5/3", 2),
    ("Dag 1", 1),
    ("dag 2", 2),
    ("4/03/2013", 1),
    ("5/03/2013", 2),
    ("4 maart 2013", 1),
    ("de dinsdag", 2),
]


@dataclass(frozen=True)
class Answer:
    """A form response: the person, the words they used, and what the import must note."""

    person: Person
    day_text: str
    theme_text: str
    remark: str = ""
    changes: tuple[tuple[str, Any], ...] = ()  # what the import reads otherwise than meant


def google_answers(people: People, plain: int = 38) -> list[Answer]:
    """The responses, in the order they came in: `plain` ones and 8 with a story."""
    new = people.new
    answers = []
    for index in range(plain):
        day_text, day = GOOGLE_DAYS[index % len(GOOGLE_DAYS)]
        person = new(day=day)
        answers.append(Answer(person, day_text, THEME_NAMES[person.theme]))
    # The day left open: imported without a day, with a warning on its line.
    for at, day_text in ((5, "maakt niet uit"), (17, "weet ik nog niet"), (29, "4 of 5 maart")):
        unclear = (("day", None), ("warnings", ["day_unclear"]))
        answers[at] = replace(answers[at], day_text=day_text, changes=unclear)
    # The seed's wordings, typed under "Andere:" (the form's own "other" choice).
    for at, code in ((15, "taal"), (26, "jeugd"), (34, "financien")):
        person = replace(answers[at].person, theme=code)
        answers[at] = replace(answers[at], person=person, theme_text=SEED_WORDINGS[code])
    answers.insert(9, Answer(new(theme="taal", day=1), "ma 4/3", "talentontwikkeling"))
    unknown = (("theme", None), ("warnings", ["theme_unknown"]))
    answers.insert(21, Answer(new(day=2), "dinsdag", "armoede", changes=unknown))
    # A couple who each filled in the form from one account: one e-mail, two names.
    khadija = new("moroccan", first="Khadija", last="Azzouzi", gender="f", day=1)
    said = new("moroccan", first="Said", last="Azzouzi", gender="m", day=1)
    said = replace(said, email=khadija.email, consent=False, birth_year=1966)
    answers.insert(12, Answer(khadija, "ma 4/3", THEME_NAMES[khadija.theme]))
    answers.insert(13, Answer(said, "ma 4/3", THEME_NAMES[said.theme], "Samen met mijn vrouw"))
    # Sent twice; the second time the e-mail in capitals (Google keeps what was typed).
    bart = new("belgian", first="Bart", last="Noelmans", gender="m", day=2)
    answers.insert(3, Answer(bart, "5 maart", THEME_NAMES[bart.theme]))
    capitals = replace(bart, email=(bart.email or "").replace("bart.noelmans", "Bart.Noelmans"))
    again = "Vorige keer niet zeker of het gelukt was"
    answers.insert(33, Answer(capitals, "dinsdag 5 maart", THEME_NAMES[bart.theme], again))
    # Names in Greek and in Arabic script.
    answers.insert(7, Answer(new("greek", native=True, day=2, theme="werk"), "dinsdag", "Werk"))
    answers.insert(
        24, Answer(new("moroccan", native=True, day=1, theme="wonen"), "maandag", "Wonen")
    )
    return answers


def google_timestamp(moment: dt.datetime) -> str:
    """'2013/02/14 3:08:44 PM GMT+1', as Google Forms writes the time of a response."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {half} GMT+1"


def google_responses(answers: list[Answer], rng: random.Random) -> tuple[CsvText, Outcomes]:
    """The responses CSV's text, and what each of its lines comes to."""
    text = CsvText(quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    text.write(GOOGLE_HEADER)
    outcomes = Outcomes()
    moments = order_times(rng, len(answers), dt.datetime(2013, 2, 4, 7, 50))
    for moment, answer in zip(moments, answers, strict=True):
        person = answer.person
        phone = ""
        if person.phone:
            phone = rng.choice([spaced(person.phone), person.phone, international(person.phone)])
        line = text.write([
            google_timestamp(moment),
            person.email or "",
            person.first,
            person.last,
            phone,
            person.wijk or "",
            answer.theme_text,
            THEME_NAMES[person.theme2] if person.theme2 else "",
            answer.day_text,
            person.birth_year or "",
            consent_text(person.consent, "Ja, dat mag", "Nee, liever niet"),
            f"Ja, {person.interpreter}" if person.interpreter else "Nee",
            answer.remark,
        ])  # fmt: skip
        outcomes.person({"line": line}, person, **dict(answer.changes))
    return text, outcomes


def make_google_forms() -> None:
    """Google Forms "Download responses (.csv)": every field quoted, question texts on top."""
    people = People(f"{SEED}-google")
    rng = people.rng
    answers = google_answers(people)
    text, outcomes = google_responses(answers, rng)
    text.save(OUT / GOOGLE_FILE, "utf-8")
    write_expected(
        "google_forms_inschrijving_g360",
        "Google Forms (Responses → Download responses (.csv))",
        {
            "file": GOOGLE_FILE,
            "kind": "csv",
            "encoding": "utf-8",
            "delimiter": ",",
            "quoting": "every field (csv.QUOTE_ALL)",
            "line_ending": "\r\n",
            "header_line": 1,
            "header": GOOGLE_HEADER,
            "email_column": "Email Address (collected by the form)",
            "day_column": "Welke dag kom je?",
            "day_values": "free text",
            "theme_values": {**THEME_NAMES, "other": "typed under 'Andere:'"},
        },
        outcomes.rows,
    )


# --- Microsoft Forms -----------------------------------------------------------------------

MSFORMS_FILE = "microsoft_forms_g360.xlsx"
MSFORMS_HEADER = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Voornaam",
    "Achternaam",
    "E-mailadres",
    "Gsm-nummer",
    "Wijk",
    "Welk thema kies je?",
    "Op welke dag kom je naar de G360?",
    "Geboortejaar",
    "Mag de stad je geboortejaar en wijk bewaren voor de diversiteitsmatrix?",
    "Heb je een fluistertolk nodig? Voor welke taal?",
]
MSFORMS_WIDTHS = (5, 18, 18, 12, 8, 14, 18, 30, 16, 16, 60, 14, 12, 20, 20)


def msforms_people(people: People) -> list[Person]:
    """The respondents, in the order they answered."""
    new = people.new
    respondents = [new() for _ in range(34)]
    # No e-mail (the question was not required): the phone tells them apart.
    respondents[6] = replace(respondents[6], email=None)
    respondents[19] = replace(respondents[19], email=None, phone="089356712")
    # A mother registering her son from her own address.
    latifa = new("moroccan", first="Latifa", last="Bennani", gender="f", day=2)
    bilal = new("moroccan", first="Bilal", last="Bennani", gender="m", day=2)
    respondents[10:10] = [latifa, replace(bilal, email=latifa.email, birth_year=1995)]
    # Sent twice a minute apart, the same answers.
    dirk = new("belgian", first="Dirk", last="De Backer", gender="m", day=1)
    respondents[15:15] = [dirk, dirk]
    respondents.insert(4, new("greek", native=True))
    respondents.insert(27, new("turkish", first="Hüseyin", last="Kılıç", gender="m"))
    respondents[27] = replace(respondents[27], consent=False, birth_year=1958)
    # Sent with the name questions left open (they were not required): no one to add.
    respondents.insert(31, replace(new(), first="", last=""))
    return respondents


def make_microsoft_forms() -> None:
    """Microsoft Forms "Open in Excel": "anonymous" under Email, then one column a question."""
    people = People(f"{SEED}-msforms")
    rng = people.rng
    respondents = msforms_people(people)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(MSFORMS_HEADER)
    outcomes = Outcomes()
    moments = order_times(rng, len(respondents), dt.datetime(2013, 2, 5, 10, 0))
    response_id = 0
    for row, (moment, person) in enumerate(zip(moments, respondents, strict=True), start=2):
        # A test response deleted before the export leaves a gap in the IDs.
        response_id += 2 if row == 9 else 1
        day = DAYS[person.day]
        sheet.append([
            response_id,
            moment,
            moment + dt.timedelta(seconds=rng.randint(70, 420)),
            "anonymous",  # anyone could respond: no sign-in, no address
            None,
            person.first,
            person.last,
            person.email,
            spaced(person.phone) if person.phone else None,
            person.wijk,
            THEME_QUESTIONS[person.theme],
            f"{day.month}/{day.day}/{day.year}",  # a date question's answer: month first
            person.birth_year,
            consent_text(person.consent, "Ja", "Nee") or None,
            person.interpreter or "Nee",
        ])  # fmt: skip
        for column in (2, 3):
            sheet.cell(row=row, column=column).number_format = "m/d/yy h:mm:ss"
        if person.first or person.last:
            outcomes.person({"sheet": "Sheet1", "row": row}, person, second_theme=None)
        else:
            outcomes.reject({"sheet": "Sheet1", "row": row}, "no name")
    for column, width in enumerate(MSFORMS_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    workbook.properties.creator = "Microsoft Forms"
    save_workbook(workbook, OUT / MSFORMS_FILE)
    write_expected(
        "microsoft_forms_g360",
        "Microsoft Forms (Responses → Open in Excel, .xlsx)",
        {
            "file": MSFORMS_FILE,
            "kind": "xlsx",
            "sheets": ["Sheet1"],
            "sheet": "Sheet1",
            "header_row": 1,
            "header": MSFORMS_HEADER,
            "email_column": "E-mailadres",
            "not_the_email": ["Email (reads 'anonymous': anyone could respond)"],
            "day_column": "Op welke dag kom je naar de G360?",
            "day_values": {"1": "3/4/2013", "2": "3/5/2013"},
            "theme_values": THEME_QUESTIONS,
        },
        outcomes.rows,
    )


# --- Typeform ------------------------------------------------------------------------------

TYPEFORM_FILE = "typeform_g360_responses.csv"
TYPEFORM_THEMES = {
    "wonen": "🏠 Wonen",
    "werk": "💼 Werk",
    "jeugd": "🧸 Jeugd en jonge gezinnen",
    "taal": "🗣️ Talen & talent",
    "financien": "💶 Financiën en stadsbestuur",
    "samenleven": "🤝 Samenleven in je wijk",
    "vrijetijd": "⚽ Vrije tijd",
    "dienstverlening": "🏛️ Dienstverlening",
}
TYPEFORM_DAYS = {1: "Maandag 4 maart", 2: "Dinsdag 5 maart"}
TYPEFORM_HEADER = [
    "#",
    "Hoi! 👋 Fijn dat je mee wil denken over Genk. Hoe mogen we je noemen? (voornaam)",
    "En je familienaam?",
    "Op welk e-mailadres mogen we je bevestiging sturen?",
    "Waar wil je het liefst over meedenken?",
    "Welke dag past jou het best?",
    "In welke Genkse wijk woon je?",
    "In welk jaar ben je geboren?",
    "Mogen we je geboortejaar en wijk bewaren om te zien of de G360 een goede afspiegeling "
    "van Genk is?",
    "Heb je een fluistertolk nodig?",
    "bron",
    "Response Type",
    "Start Date (UTC)",
    "Stage Date (UTC)",
    "Submit Date (UTC)",
    "Network ID",
    "Tags",
]
Response = tuple[Person, int]  # the respondent, and how many answers a partial one reached


def typeform_responses(people: People) -> list[Response]:
    """The responses, completed (reached 0 = all answered) and partial."""
    new = people.new
    # A yes/no question cannot be left open: no answer to it is a "no".
    responses: list[Response] = [(new(), 0) for _ in range(33)]
    for at, reached in ((4, 3), (12, 2), (20, 5), (27, 4), (31, 1)):
        responses.insert(at, (new(), reached))
    gulsen = new("turkish", first="Gülşen", last="Doğan", gender="f", day=1)
    kemal = new("turkish", first="Kemal", last="Doğan", gender="m", day=1)
    kemal = replace(kemal, email=gulsen.email, consent=False, birth_year=1969)
    responses[8:8] = [(gulsen, 0), (kemal, 0)]
    # Stopped half way, came back later and finished: one person, the partial skipped.
    joris = new("belgian", first="Joris", last="Van Gompel", gender="m", day=2)
    responses.insert(14, (joris, 4))
    responses.insert(36, (joris, 0))
    # Completed twice.
    naima = new("moroccan", first="Naima", last="El Khattabi", gender="f", day=1)
    responses.insert(18, (naima, 0))
    responses.insert(40, (naima, 0))
    responses.insert(24, (new("moroccan", native=True), 0))
    return [
        (replace(person, consent=bool(person.consent)), reached) for person, reached in responses
    ]


def make_typeform() -> None:
    """Typeform "Download all responses" (.csv): a token, conversational titles, and
    partial responses beside completed ones."""
    people = People(f"{SEED}-typeform")
    rng = people.rng
    responses = typeform_responses(people)
    text = CsvText(lineterminator="\r\n")
    text.write(TYPEFORM_HEADER)
    outcomes = Outcomes()
    networks = ["".join(rng.choice("0123456789abcdef") for _ in range(10)) for _ in range(30)]
    moments = order_times(rng, len(responses), dt.datetime(2013, 2, 4, 8, 0))
    for moment, (person, reached) in zip(moments, responses, strict=True):
        answers = [
            person.first,
            person.last,
            person.email or "",
            TYPEFORM_THEMES[person.theme],
            TYPEFORM_DAYS[person.day],
            person.wijk or "",
            person.birth_year or "",
            "1" if person.consent else "0",
            person.interpreter or "Nee",
        ]
        if reached:
            answers = answers[:reached] + [""] * (len(answers) - reached)
        # Typeform keeps UTC; Genk is an hour ahead in February.
        start = moment - dt.timedelta(hours=1)
        end = f"{start + dt.timedelta(seconds=rng.randint(60, 400)):%Y-%m-%d %H:%M:%S}"
        line = text.write([
            "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(32)),
            *answers,
            rng.choice(["facebook", "brief", "", "genk.be", ""]),  # a hidden field
            "partial" if reached else "completed",
            f"{start:%Y-%m-%d %H:%M:%S}",
            end if reached else "",
            "" if reached else end,
            rng.choice(networks),
            "",
        ])  # fmt: skip
        if reached:
            outcomes.skip({"line": line}, "partial", person)
        else:
            # The form asks no phone number: the import reads none.
            outcomes.person({"line": line}, replace(person, phone=None), second_theme=None)
    text.save(OUT / TYPEFORM_FILE, "utf-8")
    write_expected(
        "typeform_g360_responses",
        "Typeform (Results → Responses → Download all responses, .csv)",
        {
            "file": TYPEFORM_FILE,
            "kind": "csv",
            "encoding": "utf-8",
            "delimiter": ",",
            "line_ending": "\r\n",
            "header_line": 1,
            "header": TYPEFORM_HEADER,
            "status_column": "Response Type",
            "day_column": "Welke dag past jou het best?",
            "day_values": TYPEFORM_DAYS,
            "theme_values": TYPEFORM_THEMES,
        },
        outcomes.rows,
    )


# --- the clerk's own list ----------------------------------------------------------------

CLERK_XLSX = "klerk_inschrijvingen_g360.xlsx"
CLERK_CSV = "klerk_inschrijvingen_g360_puntkomma.csv"
CLERK_SHEET = "Inschrijvingen"
CLERK_TITLE = "Inschrijvingen G360 – maandag 4 en dinsdag 5 maart 2013 (Cristal Arena)"
CLERK_HEADER = [
    "Nr.",
    "Naam",
    "Voornaam",
    "Telefoon",
    "E-mail",
    "Wijk",
    "Thema",
    "Dag",
    "Geb.jaar",
    "Toestemming",
    "Ingeschreven op",
    "Opmerking",
]
CLERK_WIDTHS = (5, 20, 14, 16, 30, 16, 24, 11, 9, 12, 15, 22)
THEME_COLUMN = 7
TRAILING_COLUMNS = 3  # formatted but empty: Excel counts them in, so the CSV gets ";;;"
WIDTH = len(CLERK_HEADER) + TRAILING_COLUMNS
FIRST_ROW = 4  # a title, an empty row, the header, then the people
# The clerk's own words for the themes, written once per block in a merged cell.
CLERK_THEMES = {
    "wonen": "Wonen",
    "werk": "Werk",
    "jeugd": "Jeugd & jonge gezinnen",
    "taal": "Talen en talentontwikkeling",
    "financien": "Financiën",
    "samenleven": "Samenleven",
    "vrijetijd": "Vrije tijd",
    "dienstverlening": "Dienstverlening",
}


@dataclass(frozen=True)
class ClerkLine:
    """A row of the clerk's list: a person as the clerk wrote them, or an empty row."""

    row: int
    person: Person | None = None
    number: int = 0
    phone_text: str = ""
    day_text: str = ""  # the day typed as text ("ma 4/3"); else a date cell
    registered: dt.date | None = None
    remark: str = ""
    heads_block: bool = False  # the first row of its theme's block, under the merged cell


def clerk_people(people: People) -> list[tuple[Person, dict[str, Any]]]:
    """Who is on the list, and how the clerk wrote what differs from the usual."""
    new = people.new
    rng = people.rng
    entries: list[tuple[Person, dict[str, Any]]] = []
    for _ in range(34):
        # Phoned in or handed in on paper: many give no e-mail.
        person = new()
        entries.append((replace(person, email=None) if rng.random() < 0.35 else person, {}))
    # Letters the CSV's code page cannot hold ("Ş", "ı", "ğ", "ł", Greek, Arabic) become "?".
    entries += [
        (new("turkish", first="Hatice", last="Şahin", gender="f", theme="samenleven"), {}),
        (new("turkish", first="Gökhan", last="Yıldız", gender="m", theme="werk"), {}),
        (new("turkish", first="Büşra", last="Doğan", gender="f", theme="jeugd"), {}),
        (new("greek", native=True, theme="taal"), {}),
        (new("moroccan", native=True, theme="wonen"), {}),
    ]
    # The same man twice, his number written two ways and no e-mail: one person.
    jozef = new("belgian", first="Jozef", last="Hoeterickx", gender="m", theme="vrijetijd")
    jozef = replace(jozef, email=None, phone="089301122", consent=True, birth_year=1944)
    entries.append((jozef, {"phone_text": spaced("089301122")}))
    entries.append((jozef, {"phone_text": international("089301122"), "remark": "belde nog eens"}))
    # A name and a birth year, no consent, no contact: importing the list again must not
    # add her again although her birth year is not kept.
    marleen = new("belgian", first="Marleen", last="Van den Bosch", gender="f")
    marleen = replace(marleen, email=None, phone=None, consent=False, birth_year=1941)
    entries.append((replace(marleen, theme="dienstverlening"), {}))
    # Excel took the typed 0478551230 for a number and dropped the 0.
    carmela = new("italian", first="Carmela", last="Sciortino", gender="f", theme="financien")
    entries.append((replace(carmela, phone="0478551230"), {"phone_text": "478551230"}))
    # The day typed as text, not as a date.
    jef = new("belgian", first="Jef", last="Kenis", gender="m", day=1, theme="wonen")
    entries.append((jef, {"day_text": "ma 4/3"}))
    tomasz = new("polish", first="Tomasz", last="Nowak", gender="m", day=2, theme="werk")
    entries.append((tomasz, {"day_text": "di 5/3"}))
    # Same name and e-mail twice (the paper form, then a mail).
    sofie = new("belgian", first="Sofie", last="Vangeel", gender="f", theme="jeugd")
    entries += [(sofie, {}), (sofie, {"remark": "ook via mail"})]
    # A phone call noted before the caller's name was asked.
    caller = replace(new(theme="samenleven"), first="", last="", email=None, birth_year=None)
    entries.append((caller, {"remark": "naam nog navragen"}))
    return entries


def clerk_lines(people: People) -> list[ClerkLine]:
    """The list's rows, grouped in theme blocks as the clerk sorted them."""
    rng = people.rng
    blocks: dict[str, list[tuple[Person, dict[str, Any]]]] = {code: [] for code in THEME_NAMES}
    for person, how in clerk_people(people):
        blocks[person.theme].append((person, how))
    lines = []
    row = FIRST_ROW
    number = 0
    for index, block in enumerate(blocks.values()):
        for place, (person, how) in enumerate(block):
            number += 1
            phone_text = ""
            if person.phone:
                phone_text = rng.choice([slashed(person.phone), spaced(person.phone)])
            registered = dt.date(2013, 2, 4) + dt.timedelta(days=rng.randint(0, 24))
            written = {"phone_text": phone_text, **how}
            lines.append(
                ClerkLine(
                    row, person, number, registered=registered, heads_block=place == 0, **written
                )
            )
            row += 1
        if index == 3:
            lines.append(ClerkLine(row))  # a row left empty between two blocks
            row += 1
    return lines


def clerk_cells(line: ClerkLine) -> list[Any]:
    """The row's cells in the workbook (a date as a date, None for an empty cell)."""
    person = line.person
    assert person is not None
    return [
        line.number,
        person.last,
        person.first,
        line.phone_text or None,
        person.email,
        person.wijk,
        CLERK_THEMES[person.theme] if line.heads_block else None,
        line.day_text or DAYS[person.day],
        person.birth_year,
        consent_text(person.consent, "ja", "nee") or None,
        line.registered,
        line.remark or None,
    ]


def clerk_workbook(lines: list[ClerkLine], total_row: int) -> tuple[Workbook, list[str], str]:
    """The workbook as the clerk keeps it; its merged ranges and the totals' formula."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = CLERK_SHEET
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    sheet["A1"] = CLERK_TITLE
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(CLERK_HEADER))
    for column in range(1, WIDTH + 1):
        cell = sheet.cell(row=3, column=column)
        cell.value = CLERK_HEADER[column - 1] if column <= len(CLERK_HEADER) else None
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
    merged = []
    block_start = FIRST_ROW
    for index, line in enumerate(lines):
        if line.person is None:
            continue
        if line.heads_block:
            block_start = line.row
        cells = clerk_cells(line) + [None] * TRAILING_COLUMNS
        for column, value in enumerate(cells, start=1):
            cell = sheet.cell(row=line.row, column=column, value=value)
            cell.border = border
            if isinstance(value, dt.date):
                cell.number_format = "d/mm/yyyy"
        following = lines[index + 1] if index + 1 < len(lines) else None
        ends_block = following is None or following.heads_block or following.person is None
        if ends_block and line.row > block_start:
            sheet.merge_cells(f"G{block_start}:G{line.row}")
            merged.append(f"G{block_start}:G{line.row}")
        sheet.cell(row=block_start, column=THEME_COLUMN).alignment = Alignment(vertical="center")
    last_row = total_row - 1
    formula = f"COUNTA(C{FIRST_ROW}:C{last_row})"
    sheet.cell(row=total_row, column=2, value="Totaal").font = Font(bold=True)
    sheet.cell(row=total_row, column=3, value=f"={formula}").font = Font(bold=True)
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(CLERK_HEADER))}{last_row}"
    sheet.freeze_panes = "A4"
    for column, width in enumerate(CLERK_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    lists = workbook.create_sheet("Keuzelijsten")
    lists.append(["Thema's", "Wijken"])
    for place in range(max(len(CLERK_THEMES), len(WIJKEN))):
        themes = list(CLERK_THEMES.values())
        lists.append([themes[place] if place < len(themes) else None, WIJKEN[place]])
    wijken = DataValidation(type="list", formula1=f"Keuzelijsten!$B$2:$B${len(WIJKEN) + 1}")
    wijken.add(f"F{FIRST_ROW}:F{last_row}")
    sheet.add_data_validation(wijken)
    workbook.create_sheet("Blad3")
    workbook.properties.creator = "Els Vangeel"
    workbook.properties.lastModifiedBy = "Els Vangeel"
    return workbook, merged, formula


def clerk_csv(lines: list[ClerkLine], total_row: int, people_count: int) -> None:
    """The workbook saved again as "CSV (gescheiden door lijstscheidingsteken)" on Belgian
    Windows: semicolons, Windows-1252, CRLF, every cell as it shows, a merged cell's value
    in its first row only."""
    text = CsvText(delimiter=";", lineterminator="\r\n")
    text.write([CLERK_TITLE, *[""] * (WIDTH - 1)])
    text.write([""] * WIDTH)
    text.write([*CLERK_HEADER, *[""] * TRAILING_COLUMNS])
    for line in lines:
        cells = [""] * WIDTH
        if line.person is not None:
            shown = ["" if value is None else value for value in clerk_cells(line)]
            cells[: len(shown)] = [
                f"{value.day}/{value:%m/%Y}" if isinstance(value, dt.date) else str(value)
                for value in shown
            ]
        # One record a line, so the CSV's line numbers are the workbook's row numbers.
        assert text.write(cells) == line.row
    assert text.write(["", "Totaal", str(people_count), *[""] * (WIDTH - 3)]) == total_row
    text.save(OUT / CLERK_CSV, "cp1252")


def lost_in_cp1252(text: str) -> str:
    """`text` as Windows-1252 keeps it: a letter it has no place for becomes '?'."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def clerk_outcomes(lines: list[ClerkLine], total_row: int, kind: str) -> list[dict[str, Any]]:
    """The expected rows of the workbook (`kind` "xlsx") or of its CSV."""
    outcomes = Outcomes()
    for line in lines:
        where = {"sheet": CLERK_SHEET, "row": line.row} if kind == "xlsx" else {"line": line.row}
        person = line.person
        if person is None:
            outcomes.skip(where, "empty")
            continue
        if not person.first and not person.last:
            outcomes.reject(where, "no name")
            continue
        warnings: list[str] = []
        changes: dict[str, Any] = {}
        if kind == "csv":
            if lost_in_cp1252(person.whole_name) != person.whole_name:
                warnings.append("characters_lost")
                changes["first_name"] = lost_in_cp1252(person.first)
                changes["last_name"] = lost_in_cp1252(person.last)
            if not line.heads_block:
                warnings.append("theme_empty")  # the merged cell stood in its first row only
                changes["theme"] = None
        outcomes.person(where, person, second_theme=None, warnings=warnings, **changes)
    total = {"sheet": CLERK_SHEET, "row": total_row} if kind == "xlsx" else {"line": total_row}
    outcomes.skip(total, "totals line")
    return outcomes.rows


def make_clerk_list() -> None:
    """A clerk's own Excel list, saved as .xlsx and as Belgian Excel's semicolon CSV."""
    lines = clerk_lines(People(f"{SEED}-klerk"))
    total_row = lines[-1].row + 1
    # What the clerk's COUNTA of the first names counts.
    people_count = sum(1 for line in lines if line.person is not None and line.person.first)
    workbook, merged, formula = clerk_workbook(lines, total_row)
    # Excel keeps a formula's last value beside it; openpyxl writes the formula alone.
    patch = {f"<f>{formula}</f><v />": f"<f>{formula}</f><v>{people_count}</v>"}
    save_workbook(workbook, OUT / CLERK_XLSX, patch)
    clerk_csv(lines, total_row, people_count)
    common = {
        "title_rows": [1, 2],
        "day_column": "Dag",
        "day_values": "date cells shown as 4/03/2013 (day first); two typed as 'ma 4/3', 'di 5/3'",
        "theme_column": "Thema (one merged cell per theme block)",
        "theme_values": CLERK_THEMES,
        "not_the_day": ["Ingeschreven op"],
        "totals_row": total_row,
    }
    write_expected(
        "klerk_inschrijvingen_g360",
        "A clerk's own Excel list (.xlsx)",
        {
            "file": CLERK_XLSX,
            "kind": "xlsx",
            "sheets": [CLERK_SHEET, "Keuzelijsten", "Blad3"],
            "sheet": CLERK_SHEET,
            "header_row": 3,
            "header": CLERK_HEADER,
            "merged": ["A1:L1", *merged],
            **common,
        },
        clerk_outcomes(lines, total_row, "xlsx"),
    )
    write_expected(
        "klerk_inschrijvingen_g360_puntkomma",
        "The same list saved by Excel on Belgian Windows as CSV (puntkomma gescheiden)",
        {
            "file": CLERK_CSV,
            "kind": "csv",
            "encoding": "cp1252",
            "delimiter": ";",
            "line_ending": "\r\n",
            "header_line": 3,
            "header": [*CLERK_HEADER, *[""] * TRAILING_COLUMNS],
            "trailing_empty_columns": TRAILING_COLUMNS,
            **common,
        },
        clerk_outcomes(lines, total_row, "csv"),
    )


# --- large files, for the benchmarks -------------------------------------------------------


def make_large_pretix_xlsx(path: Path, positions: int) -> Path:
    """pretix's combined workbook with `positions` tickets on its Order positions sheet (at
    least 18): the same orders as the fixture's, with thousands of single tickets."""
    orders = pretix_orders(People(f"{SEED}-pretix-large", crowd=True), positions - 17)
    save_workbook(pretix_workbook(orders), path)
    return path


def make_large_google_csv(path: Path, responses: int) -> Path:
    """A Google Forms responses CSV of `responses` responses (at least 39)."""
    people = People(f"{SEED}-google-large", crowd=True)
    text, _outcomes = google_responses(google_answers(people, responses - 8), people.rng)
    text.save(path, "utf-8")
    return path


def main() -> None:
    """Write every fixture and its expected outcome."""
    OUT.mkdir(parents=True, exist_ok=True)
    make_eventbrite()
    make_pretix()
    make_google_forms()
    make_microsoft_forms()
    make_typeform()
    make_clerk_list()


if __name__ == "__main__":
    main()
