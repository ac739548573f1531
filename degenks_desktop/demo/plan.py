"""A realistic demo event of the G360's shape, as plain data, reproducible from a seed.

Names reflect Genk (Flemish, Italian, Turkish, Moroccan, Greek, Polish, Spanish and more,
with their own diacritics and now and then their own script). Registrations under-reach
citizens of Turkish and Moroccan origin, as the city's own did, so that the diversity
matrix has a real gap to show. Everyone has a postal address in Genk or nearby, and
about two thirds agree to be contacted after the day (the postcard).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass

from degenks_desktop.demo import names as demo_names
from degenks_desktop.demo.addresses import demo_address
from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.diversity import age_band
from degenks_desktop.domain.event_plan import (
    G360_THEMES,
    GENK_NEIGHBOURHOODS,
    TABLE_CAPACITY,
    ThemePlan,
    tables_needed,
)
from degenks_desktop.domain.profiles import ProfileAnswers

G360_PARTICIPANTS = 449
G360_DAYS = 2
G360_FACILITATORS = 47
G360_FIRST_DAY = dt.date(2013, 3, 4)
G360_START = dt.time(9, 0)
DEFAULT_SEED = 2013

# Share of each origin among registrations. Genk's population has more citizens of
# Turkish and Moroccan origin than this: the gap is the point of the diversity matrix.
ORIGIN_WEIGHTS = {
    "belgian": 0.54,
    "italian": 0.15,
    "turkish": 0.10,
    "moroccan": 0.035,
    "greek": 0.025,
    "polish": 0.035,
    "spanish": 0.025,
    "other_eu": 0.035,
    "other": 0.055,
}
# How popular each theme is as a first choice.
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
LANGUAGE_NEEDS = {
    "turkish": ("Fluistertolk Turks",),
    "moroccan": ("Fluistertolk Arabisch", "Fluistertolk Berbers"),
    "italian": ("Fluistertolk Italiaans",),
    "polish": ("Fluistertolk Pools",),
    "other": ("Fluistertolk Engels", "Fluistertolk Frans"),
}
DESK_NOTES = (
    "Rolstoelgebruiker: tafel aan de gang",
    "Slechthorend: graag vooraan",
    "Slechtziend",
    "Komt met assistentiehond",
    "Vegetarische lunch",
    "Halal lunch",
)
EMAIL_DOMAINS = ("example.org", "example.be", "example.com", "example.net")
# Who may be contacted after the day: about two thirds say yes.
CONTACT_CONSENT_SHARE = 2 / 3


@dataclass(frozen=True)
class DemoPerson:
    """A registered demo citizen; `profile` is None when they did not consent."""

    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    day_number: int
    first_theme: str
    second_theme: str | None
    language_need: str | None
    desk_note: str | None
    badge_code: str
    profile: ProfileAnswers | None
    street: str | None = None
    postcode: str | None = None
    town: str | None = None
    contact_consent: bool = False


@dataclass(frozen=True)
class DemoFacilitator:
    """A member of city staff who leads a table."""

    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True)
class DemoTable:
    """A theme table on a day; `facilitator` indexes `DemoEvent.facilitators`."""

    day_number: int
    number: int
    theme: str
    capacity: int
    facilitator: int | None


@dataclass(frozen=True)
class DemoEvent:
    """Everything needed to store a demo event."""

    name: str
    venue: str
    dates: tuple[dt.date, ...]
    starts_at: dt.time
    themes: tuple[ThemePlan, ...]
    neighbourhoods: tuple[str, ...]
    people: tuple[DemoPerson, ...]
    facilitators: tuple[DemoFacilitator, ...]
    tables: tuple[DemoTable, ...]


def ascii_fold(text: str) -> str:
    """Lower-case ASCII for an e-mail address: 'Ayşe Öztürk' -> 'ayse.ozturk'."""
    replacements = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ß": "ss", "'": "", " ": ""})
    decomposed = unicodedata.normalize("NFKD", text.translate(replacements))
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _name(rng: random.Random, origin: str, gender: str) -> tuple[str, str]:
    """First and last name for someone of `origin`; now and then in their own script."""
    native = demo_names.NATIVE_SCRIPT_NAMES.get(origin, ())
    native_share = {"greek": 0.3, "moroccan": 0.06}.get(origin, 0.0)
    if native and rng.random() < native_share:
        matching = [name for name in native if name[2] == gender] or list(native)
        first, last, _gender = rng.choice(matching)
        return first, last
    if rng.random() < 0.012:
        first, last, _gender = rng.choice(demo_names.LONG_NAMES)
        return first, last
    name_gender = gender if gender in ("f", "m") else rng.choice(("f", "m"))
    first = rng.choice(demo_names.FIRST_NAMES[origin][name_gender])
    last = rng.choice(demo_names.LAST_NAMES[origin])
    if origin == "belgian" and rng.random() < 0.04:
        # Flemish double surnames after marriage, as people write them at registration.
        last = f"{last}-{rng.choice(demo_names.LAST_NAMES[_weighted(rng, ORIGIN_WEIGHTS)])}"
    return first, last


def _profile(rng: random.Random, origin: str, gender: str, event_year: int) -> ProfileAnswers:
    birth_year = event_year - int(rng.triangular(16, 85, 42))
    band = age_band(birth_year, event_year)
    if band == "16-24":
        work = rng.choices(["student", "employed", "job_seeker"], [6, 3, 1])[0]
    elif band == "65+":
        work = "retired"
    else:
        work = rng.choices(
            ["employed", "self_employed", "job_seeker", "home", "other"], [62, 9, 12, 10, 7]
        )[0]
    if origin == "belgian":
        years = rng.choices(["born", "15+", "5-14", "0-4"], [5, 3, 1, 1])[0]
    else:
        years = rng.choices(["born", "15+", "5-14", "0-4"], [3, 4, 2, 1])[0]
    return ProfileAnswers(
        gender=gender,
        birth_year=birth_year,
        origin=origin,
        education=rng.choices(["primary", "secondary", "higher"], [2, 5, 4])[0],
        neighbourhood=rng.choice(GENK_NEIGHBOURHOODS),
        work_situation=work,
        years_in_genk=years,
    )


def _contact(rng: random.Random, first: str, last: str, taken: Counter[str]) -> str | None:
    # Names written only in Greek or Arabic script fold to nothing: no address then.
    local = ".".join(part for part in (ascii_fold(first), ascii_fold(last)) if part)
    if not local:
        return None
    taken[local] += 1
    suffix = str(taken[local]) if taken[local] > 1 else ""
    return f"{local}{suffix}@{rng.choice(EMAIL_DOMAINS)}"


def _person(
    rng: random.Random,
    *,
    day_number: int,
    event_year: int,
    emails_taken: Counter[str],
    codes_taken: set[str],
    address_rng: random.Random,
) -> DemoPerson:
    origin = _weighted(rng, ORIGIN_WEIGHTS)
    gender = rng.choices(["f", "m", "x"], [52, 46, 2])[0]
    first, last = _name(rng, origin, gender)
    first_theme = _weighted(rng, THEME_WEIGHTS)
    second_theme = None
    if rng.random() < 0.9:
        second_theme = _weighted(
            rng, {code: w for code, w in THEME_WEIGHTS.items() if code != first_theme}
        )
    needs = LANGUAGE_NEEDS.get(origin, ())
    language_need = rng.choice(needs) if needs and rng.random() < 0.06 else None
    desk_note = rng.choice(DESK_NOTES) if rng.random() < 0.03 else None
    email = _contact(rng, first, last, emails_taken) if rng.random() < 0.85 else None
    phone = None
    if rng.random() < 0.6:
        phone = f"04{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} " + (
            f"{rng.randint(10, 99)}"
        )
    code = new_badge_code(rng)
    while code in codes_taken:
        code = new_badge_code(rng)
    codes_taken.add(code)
    consented = rng.random() < 0.85
    address = demo_address(address_rng)
    return DemoPerson(
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        day_number=day_number,
        first_theme=first_theme,
        second_theme=second_theme,
        language_need=language_need,
        desk_note=desk_note,
        badge_code=code,
        profile=_profile(rng, origin, gender, event_year) if consented else None,
        street=address.street,
        postcode=address.postcode,
        town=address.town,
        contact_consent=address_rng.random() < CONTACT_CONSENT_SHARE,
    )


def _plan_tables(
    people: list[DemoPerson], days: int, themes: tuple[ThemePlan, ...], facilitators: int
) -> list[DemoTable]:
    """About ten per table per theme per day; facilitators spread over the days' tables."""
    tables: list[DemoTable] = []
    assigned = 0
    for day_number in range(1, days + 1):
        demand = Counter(p.first_theme for p in people if p.day_number == day_number)
        number = 0
        day_tables = 0
        for theme in themes:
            for _ in range(tables_needed(demand[theme.code])):
                number += 1
                facilitator = None
                if facilitators and day_tables < facilitators:
                    facilitator = (assigned + day_tables) % facilitators
                day_tables += 1
                tables.append(
                    DemoTable(day_number, number, theme.code, TABLE_CAPACITY, facilitator)
                )
        assigned += day_tables
    return tables


def plan_demo_event(
    *,
    participants: int = G360_PARTICIPANTS,
    days: int = G360_DAYS,
    facilitators: int = G360_FACILITATORS,
    seed: int = DEFAULT_SEED,
) -> DemoEvent:
    """Plan a demo event; the same arguments always give the same event."""
    if participants < 0 or days < 1 or facilitators < 0:
        raise ValueError("participants and facilitators must be >= 0, days >= 1")
    rng = random.Random(seed)
    # The addresses draw from a generator of their own, so that adding them left every
    # other detail of a seed's people as it was.
    address_rng = random.Random(f"{seed}/addresses")
    event_year = G360_FIRST_DAY.year
    emails_taken: Counter[str] = Counter()
    codes_taken: set[str] = set()
    day_numbers = [index % days + 1 for index in range(participants)]
    rng.shuffle(day_numbers)
    people = [
        _person(
            rng,
            day_number=day_number,
            event_year=event_year,
            emails_taken=emails_taken,
            codes_taken=codes_taken,
            address_rng=address_rng,
        )
        for day_number in day_numbers
    ]
    staff = []
    for _ in range(facilitators):
        origin = rng.choices(["belgian", "italian", "turkish", "moroccan"], [7, 1, 1, 1])[0]
        gender = rng.choice(("f", "m"))
        first = rng.choice(demo_names.FIRST_NAMES[origin][gender])
        last = rng.choice(demo_names.LAST_NAMES[origin])
        email = f"{ascii_fold(first)}.{ascii_fold(last)}@genk.example.be"
        staff.append(DemoFacilitator(first, last, email))
    return DemoEvent(
        name="G360 — De Genks",
        venue="Cristal Arena, Genk",
        dates=tuple(G360_FIRST_DAY + dt.timedelta(days=offset) for offset in range(days)),
        starts_at=G360_START,
        themes=G360_THEMES,
        neighbourhoods=GENK_NEIGHBOURHOODS,
        people=tuple(people),
        facilitators=tuple(staff),
        tables=tuple(_plan_tables(people, days, G360_THEMES, facilitators)),
    )
