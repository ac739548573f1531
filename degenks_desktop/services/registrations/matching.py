"""Reading a file's rows against what the event knows, and recognising people already in it.

Values are matched leniently to the event's days, themes and neighbourhoods and to the
app's answer words; what matches nothing stays empty with a warning. People are known by
their name with the same e-mail address, birth year or phone (in one normal form), or by
their name alone when nothing else is given, so that the import can tell a new person
from one it has seen; one e-mail address with another name is another person. Someone
a typo apart from a person seen, with the same e-mail, phone or birth year, is probably
that person (`find_probable`, the rule in `domain.probable_duplicates`): the import asks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from degenks_desktop.domain.day_matching import THRESHOLD as DAY_THRESHOLD
from degenks_desktop.domain.day_matching import DayMatch, match_day
from degenks_desktop.domain.import_columns import (
    FIELDS,
    birth_year_from_age,
    parse_birth_year,
    parse_consent,
    split_full_name,
)
from degenks_desktop.domain.import_values import (
    EDUCATION_WORDS,
    GENDER_WORDS,
    LANGUAGE_WORDS,
    ORIGIN_WORDS,
    WEEKDAY_WORDS,
    WORK_WORDS,
)
from degenks_desktop.domain.phones import normal_phone
from degenks_desktop.domain.probable_duplicates import (
    Likeness,
    PersonDetails,
    name_key,
    probable_duplicate,
)
from degenks_desktop.domain.profiles import ProfileAnswers
from degenks_desktop.domain.text_matching import match_choice
from degenks_desktop.domain.theme_matching import ThemeMatch, match_theme
from degenks_desktop.i18n import _
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.registrations.files import RawRow
from degenks_desktop.storage.column_fit import column_limits
from degenks_desktop.storage.models import Day, Neighbourhood, Participant, Theme

# As long as the columns keep them (the same limit on SQLite and PostgreSQL).
_LIMITS = column_limits(Participant)
MAX_NAME_LENGTH = min(_LIMITS["first_name"], _LIMITS["last_name"])
MAX_NOTE_LENGTH = _LIMITS["desk_note"]
MAX_LANGUAGE_NEED_LENGTH = _LIMITS["language_need"]
MAX_EMAIL_LENGTH = _LIMITS["email"]
MAX_PHONE_LENGTH = _LIMITS["phone"]
# The postal address, for the postcard after the day.
ADDRESS_LIMITS = {key: _LIMITS[key] for key in ("street", "postcode", "town")}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# "3600 Genk" in a postcode column ("Postcode en gemeente"), with Belgium's "B-" or not.
POSTCODE_AND_TOWN = re.compile(r"(?:B\s*-?\s*)?(\d{4})\s*[,-]?\s+(\D.*)", re.IGNORECASE)
# A detail and name part that more people share than this tell nobody apart (the city's
# e-mail address on a clerk's whole list): such people are not compared, which also keeps
# a large file's import linear.
MAX_SHARING = 20
# The code of the warning for a value that matches none of a list's, by the list's kind.
WARNING_CODES = {"theme": "theme_unknown", "day": "day_unclear"}


@dataclass(frozen=True)
class LineNote:
    """Something about one line of the file: why it was skipped, or what was left empty.

    `code` names the kind of note for programs (`theme_empty`, `day_unclear`, `cancelled`,
    …); `reason` says it to the organiser.
    """

    line: int
    reason: str
    code: str = ""

    def as_json(self) -> dict[str, Any]:
        """`{line, reason, code}` as `degenks import --json` lists them."""
        note: dict[str, Any] = {"line": self.line, "reason": self.reason}
        if self.code:
            note["code"] = self.code
        return note


@dataclass
class KnownPerson:
    """A person the import has seen: already in the database (`line` the one that named
    them, if any), or `added` from `line`."""

    participant: Participant
    line: int | None
    added: bool = False


@dataclass
class Lookups:
    """The event's lists and the people already known, by the keys that identify them."""

    event_id: int
    event_year: int
    days: dict[int, tuple[str, ...]]
    themes: dict[int, tuple[str, ...]]
    neighbourhoods: dict[str, tuple[str, ...]]
    # By e-mail and name: one address can be a couple's, a family's, a group order's.
    by_email: dict[tuple[str, str], KnownPerson] = field(default_factory=dict)
    by_name_year: dict[tuple[str, int], KnownPerson] = field(default_factory=dict)
    by_name_phone: dict[tuple[str, str], KnownPerson] = field(default_factory=dict)
    # People without e-mail or phone, by name, each with the birth year the import knows
    # of them (None when it is not kept): namesakes of other years are other people.
    by_bare_name: dict[str, list[tuple[KnownPerson, int | None]]] = field(default_factory=dict)
    # For probable duplicates: people by a detail (kind and value) and one part of their
    # name, so that a row is compared only with the few who share both with it (the rule
    # wants one part the same, or the two swapped); each with the order it was seen in,
    # to choose the first of the equally alike.
    by_detail_part: dict[
        tuple[str, str | int, str], list[tuple[int, KnownPerson, PersonDetails]]
    ] = field(default_factory=dict)
    seen: int = 0
    codes: set[str] = field(default_factory=set)
    matched: dict[tuple[str, str], str | int | None] = field(default_factory=dict)
    # For the report's lines: a theme's code and a day's number by their ids.
    theme_codes: dict[int, str] = field(default_factory=dict)
    day_numbers: dict[int, int] = field(default_factory=dict)
    # The event's days in order: (id, date).
    day_dates: list[tuple[int, dt.date]] = field(default_factory=list)
    themes_matched: dict[str, ThemeMatch[int]] = field(default_factory=dict)
    days_matched: dict[tuple[str, bool], DayMatch] = field(default_factory=dict)

    def match_theme(self, value: str) -> ThemeMatch[int]:
        """The theme `value` names, cached: files repeat their values."""
        if value not in self.themes_matched:
            self.themes_matched[value] = match_theme(value, self.themes)
        return self.themes_matched[value]

    def match_day(self, value: str, *, month_first: bool) -> int | None:
        """The id of the day `value` names, or None when it is unclear; cached."""
        key = (value, month_first)
        if key not in self.days_matched:
            dates = [date for _id, date in self.day_dates]
            self.days_matched[key] = match_day(value, dates, month_first=month_first)
        found = self.days_matched[key]
        if found.number is None or found.sureness < DAY_THRESHOLD:
            return None
        return self.day_dates[found.number - 1][0]

    def remember(self, known: KnownPerson, birth_year: int | None) -> None:
        """Know `known` from now on by every key it has, and keep its badge code taken."""
        person = known.participant
        name = person_key(person.first_name, person.last_name)
        if person.email:
            self.by_email.setdefault((person.email.casefold(), name), known)
        if birth_year is not None:
            self.by_name_year.setdefault((name, birth_year), known)
        phone = normal_phone(person.phone)
        if phone:
            self.by_name_phone.setdefault((name, phone), known)
        if not person.email and not phone:
            self.by_bare_name.setdefault(name, []).append((known, birth_year))
        details = PersonDetails(
            person.first_name, person.last_name, person.email, phone, birth_year
        )
        self.seen += 1
        seen = (self.seen, known, details)
        for kind, value in details.details().items():
            for part in _distinct_parts(details):
                self.by_detail_part.setdefault((kind, value, part), []).append(seen)
        self.codes.add(person.badge_code)

    def find_probable(self, details: PersonDetails) -> tuple[KnownPerson, Likeness] | None:
        """The person seen whom `details` (with the phone in normal form) probably are, a
        typo apart, and how alike they are; the most alike, the first seen of equals."""
        best: tuple[float, int, KnownPerson, Likeness] | None = None
        compared: set[int] = set()
        for kind, value in details.details().items():
            for part in _distinct_parts(details):
                sharing = self.by_detail_part.get((kind, value, part), ())
                if len(sharing) > MAX_SHARING:
                    continue  # not the person's own: an office's address, a common name
                for order, known, theirs in sharing:
                    if order in compared:
                        continue
                    compared.add(order)
                    likeness = probable_duplicate(details, theirs)
                    if likeness is None:
                        continue
                    ranked = (-likeness.similarity, order, known, likeness)
                    if best is None or ranked[:2] < best[:2]:
                        best = ranked
        return None if best is None else (best[2], best[3])

    def find(
        self, *, email: str | None, name: str, birth_year: int | None, phone: str | None
    ) -> KnownPerson | None:
        """The person these details name, if the import has seen them: the same name with
        the same e-mail address, birth year or phone; without e-mail or phone, the same
        name of no other birth year (a year that was not kept cannot tell them apart)."""
        if email and (email.casefold(), name) in self.by_email:
            return self.by_email[(email.casefold(), name)]
        if birth_year is not None and (name, birth_year) in self.by_name_year:
            return self.by_name_year[(name, birth_year)]
        phone_key = normal_phone(phone)
        if phone_key and (name, phone_key) in self.by_name_phone:
            return self.by_name_phone[(name, phone_key)]
        if email or phone_key:
            return None
        fitting = [
            known
            for known, year in self.by_bare_name.get(name, [])
            if year is None or birth_year is None or year == birth_year
        ]
        # Two namesakes imported again: each row takes one not yet matched by this file.
        return next((known for known in fitting if known.line is None), None) or next(
            iter(fitting), None
        )

    def choose(self, kind: str, value: str, choices: dict[Any, tuple[str, ...]]) -> Any:
        """The key `value` names among `choices`, cached: files repeat their values."""
        cache_key = (kind, value)
        if cache_key not in self.matched:
            self.matched[cache_key] = match_choice(value, choices)
        return self.matched[cache_key]


def _distinct_parts(details: PersonDetails) -> list[str]:
    """The parts of a name that index it, each once, in order ("Jan Jan" has one)."""
    return [part for part in dict.fromkeys(details.parts) if part]


def person_key(first_name: str, last_name: str) -> str:
    """A person's name in the form duplicates are compared by."""
    # The probable-duplicate rule leaves names of this same key to the exact rule.
    return name_key(first_name, last_name)


def _day_words(day: Day) -> tuple[str, ...]:
    date = day.date
    return (
        str(day.number),
        f"dag {day.number}",
        f"day {day.number}",
        date.isoformat(),
        date.strftime("%d/%m/%Y"),
        date.strftime("%d-%m-%Y"),
        date.strftime("%d.%m.%Y"),
        f"{date.day}/{date.month}",
        f"{date.day}/{date.month}/{date.year}",
        f"{date.day}/{date.month:02d}/{date.year}",
        *WEEKDAY_WORDS[date.weekday()],
    )


def load_lookups(session: Session) -> Lookups:
    """The current event's lists and everyone already registered for it, to match rows to."""
    event = require_event(session)
    days = session.scalars(select(Day).where(Day.event_id == event.id).order_by(Day.number)).all()
    themes = session.scalars(
        select(Theme).where(Theme.event_id == event.id).order_by(Theme.position)
    ).all()
    lookups = Lookups(
        event_id=event.id,
        event_year=days[0].date.year if days else dt.date.today().year,
        days={day.id: _day_words(day) for day in days},
        themes={
            theme.id: (theme.code, theme.name, str(position), theme.question or "")
            for position, theme in enumerate(themes, start=1)
        },
        neighbourhoods={
            name: (name,)
            for name in session.scalars(
                select(Neighbourhood.name).where(Neighbourhood.event_id == event.id)
            )
        },
        theme_codes={theme.id: theme.code for theme in themes},
        day_numbers={day.id: day.number for day in days},
        day_dates=[(day.id, day.date) for day in days],
    )
    people = session.scalars(
        select(Participant)
        .where(Participant.event_id == event.id)
        .options(selectinload(Participant.profile))
    )
    for person in people:
        birth_year = person.profile.birth_year if person.profile else None
        lookups.remember(KnownPerson(person, None), birth_year)
    return lookups


@dataclass
class MatchedRow:
    """One line of the file, read into the fields the app knows."""

    line: int
    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None
    day_id: int | None = None
    first_theme_id: int | None = None
    second_theme_id: int | None = None
    language: str | None = None
    language_need: str | None = None
    desk_note: str | None = None
    consent: bool | None = None
    answers: ProfileAnswers = field(default_factory=ProfileAnswers)
    street: str | None = None
    postcode: str | None = None
    town: str | None = None
    # May the city contact them after the day (the postcard)? None: the file does not say.
    contact_consent: bool | None = None


class RowReader:
    """Turns raw cells into a `MatchedRow`, noting what could not be used."""

    def __init__(
        self,
        lookups: Lookups,
        mapping: Sequence[str | None],
        *,
        from_csv: bool = False,
        month_first: bool = False,
    ) -> None:
        self.lookups = lookups
        self.mapping = mapping
        self.from_csv = from_csv
        self.month_first = month_first
        self.warnings: list[LineNote] = []
        self.labels = _field_labels()

    def _warn(self, line: int, text: str, code: str = "") -> None:
        self.warnings.append(LineNote(line, text, code))

    def _choose(
        self,
        line: int,
        kind: str,
        value: str | None,
        choices: dict[Any, tuple[str, ...]],
        what: str,
    ) -> Any:
        if not value:
            return None
        chosen = self.lookups.choose(kind, value, choices)
        if chosen is None:
            self._warn(
                line,
                _("{what}: “{value}” is not in the event's list, so it was left empty.").format(
                    value=value, what=what
                ),
                WARNING_CODES.get(kind, f"{kind}_unknown"),
            )
        return chosen

    def read(self, row: RawRow) -> MatchedRow | str:
        """The row's fields, or the reason it cannot be used."""
        cells = {
            key: row.values[index].strip()
            for index, key in enumerate(self.mapping)
            if key and index < len(row.values) and row.values[index].strip()
        }
        first, last = cells.get("first_name", ""), cells.get("last_name", "")
        if not first and not last and cells.get("full_name"):
            first, last = split_full_name(cells["full_name"])
        if not first and not last:
            return _("no name")
        if max(len(first), len(last)) > MAX_NAME_LENGTH:
            return _("a name longer than {most} characters").format(most=MAX_NAME_LENGTH)
        line = row.line
        # Checked before anything else of the row is read, so that a rejected row leaves
        # no warnings behind.
        contact_consent = (
            parse_consent(cells["contact_consent"]) if "contact_consent" in cells else None
        )
        if contact_consent is None and "contact_consent" in cells:
            return _("“{value}” says neither yes nor no to being contacted after the day").format(
                value=cells["contact_consent"]
            )
        result = MatchedRow(line=line, first_name=first, last_name=last)
        result.contact_consent = contact_consent
        self._address(result, cells)
        result.email = self._email(line, cells.get("email"))
        result.phone = self._phone(line, cells.get("phone"))
        self._check_lost_letters(line, first, last)
        lookups = self.lookups
        result.day_id = self._day(line, cells.get("day"))
        result.first_theme_id = self._theme(line, cells.get("first_theme"), "first_theme")
        if "first_theme" in self.mapping and result.first_theme_id is None:
            self._warn_no_theme(line, cells.get("first_theme", ""))
        result.second_theme_id = self._theme(line, cells.get("second_theme"), "second_theme")
        if result.second_theme_id == result.first_theme_id:
            result.second_theme_id = None
        result.language = self._choose(
            line, "language", cells.get("language"), LANGUAGE_WORDS, self.labels["language"]
        )
        # "Nee" to "Heb je een fluistertolk nodig?" is no need; "Ja, Turks" says which.
        need = cells.get("language_need")
        if need and parse_consent(need) is False:
            need = None
        result.language_need = self._text(line, need, MAX_LANGUAGE_NEED_LENGTH)
        result.desk_note = self._text(line, cells.get("note"), MAX_NOTE_LENGTH)
        result.consent = parse_consent(cells["consent"]) if "consent" in cells else None
        birth_year = None
        if cells.get("birth_year"):
            birth_year = parse_birth_year(cells["birth_year"], lookups.event_year)
            if birth_year is None:
                self._warn(
                    line,
                    _("“{value}” is not a birth year: left empty.").format(
                        value=cells["birth_year"]
                    ),
                )
        elif cells.get("age"):
            birth_year = birth_year_from_age(cells["age"], lookups.event_year)
            if birth_year is None:
                self._warn(
                    line, _("“{value}” is not an age: left empty.").format(value=cells["age"])
                )
        result.answers = ProfileAnswers(
            gender=self._choose(
                line, "gender", cells.get("gender"), GENDER_WORDS, self.labels["gender"]
            ),
            birth_year=birth_year,
            origin=self._choose(
                line, "origin", cells.get("origin"), ORIGIN_WORDS, self.labels["origin"]
            ),
            education=self._choose(
                line, "education", cells.get("education"), EDUCATION_WORDS, self.labels["education"]
            ),
            neighbourhood=self._choose(
                line,
                "neighbourhood",
                cells.get("neighbourhood"),
                lookups.neighbourhoods,
                self.labels["neighbourhood"],
            ),
            work_situation=self._choose(
                line, "work", cells.get("work_situation"), WORK_WORDS, self.labels["work_situation"]
            ),
        )
        return result

    def _address(self, result: MatchedRow, cells: dict[str, str]) -> None:
        """The postal address as written; "3600 Genk" in the postcode column gives the
        town too when no column has it; a part too long for its column is left empty,
        with a warning."""
        postcode, town = cells.get("postcode"), cells.get("town")
        if postcode and not town and (both := POSTCODE_AND_TOWN.fullmatch(postcode)):
            postcode, town = both.group(1), both.group(2).strip()
        written = {"street": cells.get("street"), "postcode": postcode, "town": town}
        for key, value in written.items():
            most = ADDRESS_LIMITS[key]
            fits = not value or len(value) <= most
            if not fits:
                self._warn(
                    result.line,
                    _("{what}: longer than {most} characters, so it was left empty.").format(
                        what=self.labels[key], most=most
                    ),
                    "address_too_long",
                )
            setattr(result, key, value if fits else None)

    def _email(self, line: int, email: str | None) -> str | None:
        """The e-mail address, or None with a warning when it is none or too long."""
        if email and len(email) > MAX_EMAIL_LENGTH:
            self._warn(
                line,
                _("An e-mail address longer than {most} characters: left empty.").format(
                    most=MAX_EMAIL_LENGTH
                ),
            )
            return None
        if email and not EMAIL.match(email):
            self._warn(
                line, _("“{value}” is not an e-mail address: left empty.").format(value=email)
            )
            return None
        return email

    def _phone(self, line: int, phone: str | None) -> str | None:
        """The phone number as written, less the apostrophe a CSV put before a "+" (so
        that Excel would not take it for a formula); None with a warning when too long."""
        if phone and phone.startswith("'"):
            phone = phone[1:].strip() or None
        if phone and len(phone) > MAX_PHONE_LENGTH:
            self._warn(
                line,
                _("A phone number longer than {most} characters: left empty.").format(
                    most=MAX_PHONE_LENGTH
                ),
            )
            return None
        return phone

    def _check_lost_letters(self, line: int, first: str, last: str) -> None:
        """A "?" in a name is a letter the file's encoding could not hold (Windows-1252
        has no "Ş"): warn, so that someone puts the letter back."""
        if "?" in first or "?" in last:
            name = f"{first} {last}".strip()
            self._warn(
                line,
                _(
                    "“{name}”: a “?” stands for a letter that was lost when the file was saved "
                    "(in a CSV of Windows-1252, for instance): correct the name."
                ).format(name=name),
                "characters_lost",
            )

    def _day(self, line: int, value: str | None) -> int | None:
        """The day `value` names, or None with a warning when it does not say which."""
        if not value:
            return None
        day = self.lookups.match_day(value, month_first=self.month_first)
        if day is None:
            self._warn(
                line,
                _("{what}: “{value}” is not in the event's list, so it was left empty.").format(
                    value=value, what=self.labels["day"]
                ),
                "day_unclear",
            )
        return day

    def _theme(self, line: int, value: str | None, key: str) -> int | None:
        """The theme `value` names, or None: with a warning when it names none surely."""
        if not value:
            return None
        found = self.lookups.match_theme(value)
        if found.key is None and not found.none_chosen:
            self._warn(
                line,
                _("{what}: “{value}” is not in the event's list, so it was left empty.").format(
                    value=value, what=self.labels[key]
                ),
                "theme_unknown",
            )
        return found.key

    def _warn_no_theme(self, line: int, value: str) -> None:
        """The file has a theme column and this row leaves it empty (or says "geen"): say
        so, with what a CSV saved from a workbook loses (a merged cell keeps its value in
        its first row). A value that names no theme was warned about already."""
        if value and not self.lookups.match_theme(value).none_chosen:
            return
        if self.from_csv:
            text = _(
                "No theme: the cell is empty. In a CSV saved from Excel a cell merged over "
                "several rows keeps its value in the first row only: import the .xlsx "
                "workbook itself to keep it."
            )
        else:
            text = _("No theme: the cell is empty.")
        self._warn(line, text, "theme_empty")

    def _text(self, line: int, value: str | None, most: int) -> str | None:
        if value and len(value) > most:
            self._warn(
                line, _("A remark longer than {most} characters was shortened.").format(most=most)
            )
            return value[:most]
        return value


def _field_labels() -> dict[str, str]:
    return {f.key: _(f.label) for f in FIELDS}


def _shown(attribute: str, value: Any, lookups: Lookups) -> str:
    """A stored value as the organiser reads it: theme and day names, not ids."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if attribute == "day_id":
        return lookups.days.get(value, ("", str(value)))[1]
    if attribute in ("first_theme_id", "second_theme_id"):
        return lookups.themes.get(value, ("", str(value)))[1]
    return str(value)


def changed_fields(
    person: Participant, row: MatchedRow, lookups: Lookups
) -> list[tuple[str, str, str, str]]:
    """(attribute, label, old, new) for every field the row fills in differently."""
    labels = _field_labels()
    wanted = {
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "phone": row.phone,
        "day_id": row.day_id,
        "first_theme_id": row.first_theme_id,
        "second_theme_id": row.second_theme_id,
        "language": row.language,
        "language_need": row.language_need,
        "desk_note": row.desk_note,
        "street": row.street,
        "postcode": row.postcode,
        "town": row.town,
        # A "no" counts as much as a "yes": it takes an earlier yes back.
        "contact_consent": row.contact_consent,
    }
    label_of = {
        "day_id": "day",
        "first_theme_id": "first_theme",
        "second_theme_id": "second_theme",
        "desk_note": "note",
    }
    found = []
    for attribute, new in wanted.items():
        if new in (None, ""):
            continue
        old = getattr(person, attribute)
        same = (
            old is not None and str(old).casefold() == str(new).casefold()
            if attribute == "email"
            else old == new
        )
        if not same:
            label = labels.get(label_of.get(attribute, attribute), attribute)
            found.append(
                (attribute, label, _shown(attribute, old, lookups), _shown(attribute, new, lookups))
            )
    return found
