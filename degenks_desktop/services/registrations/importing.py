"""Importing registrations from a spreadsheet: mapped, matched, deduplicated, one transaction.

Rows without a name are rejected with their line; values that match none of the event's
lists stay empty with a warning; a person already known is updated (the changes are in
the report first, with `dry_run`) or reported as a duplicate; nobody is added twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.import_columns import (
    FIELDS,
    birth_year_from_age,
    guess_mapping,
    has_a_name_column,
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
from degenks_desktop.domain.profiles import ProfileAnswers
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.text_matching import fold, match_choice
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.registrations.files import RawRow, RawTable, read_table
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Day,
    ImportMapping,
    Neighbourhood,
    Participant,
    Profile,
    Theme,
    utc_now,
)

MAX_NAME_LENGTH = 200
MAX_NOTE_LENGTH = 500
MAX_LANGUAGE_NEED_LENGTH = 200
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
FIELD_KEYS = frozenset(f.key for f in FIELDS)
PROGRESS_EVERY = 200

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LineNote:
    """Something about one line of the file: why it was skipped, or what was left empty."""

    line: int
    reason: str

    def as_json(self) -> dict[str, Any]:
        """`{line, reason}` as `degenks import --json` lists them."""
        return {"line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class PersonChange:
    """What the file changes about a person already registered: (field, old, new) triples."""

    line: int
    participant_id: int
    name: str
    changes: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or with `dry_run` would do."""

    total_rows: int
    added: int
    updated: int
    duplicates: tuple[LineNote, ...]
    rejected: tuple[LineNote, ...]
    warnings: tuple[LineNote, ...]
    changes: tuple[PersonChange, ...]
    added_names: tuple[tuple[int, str], ...]
    answers_without_consent: int
    mapping: tuple[str | None, ...]
    dry_run: bool

    def as_json(self) -> dict[str, Any]:
        """The keys of `degenks import --json` (CLI.md)."""
        return {
            "total_rows": self.total_rows,
            "added": self.added,
            "updated": self.updated,
            "duplicates": [note.as_json() for note in self.duplicates],
            "rejected": [note.as_json() for note in self.rejected],
            "warnings": [note.as_json() for note in self.warnings],
            "changes": [
                {
                    "line": change.line,
                    "participant": change.participant_id,
                    "fields": [name for name, _old, _new in change.changes],
                }
                for change in self.changes
            ],
            "answers_without_consent": self.answers_without_consent,
            "dry_run": self.dry_run,
        }


class _RollBack(Exception):
    """Raised inside the transaction of a dry run, so that nothing of it is kept."""


def mapping_signature(headers: Sequence[str]) -> str:
    """A fingerprint of a file's column names, to remember its mapping by."""
    folded = "\x1f".join(fold(header) for header in headers)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def check_mapping(headers: Sequence[str], mapping: Sequence[str | None]) -> list[str | None]:
    """`mapping` as a list, or InputRejected if it does not fit the headers."""
    if len(mapping) != len(headers):
        raise InputRejected(_("The column mapping does not fit this file: map every column."))
    used: set[str] = set()
    for key in mapping:
        if key is None:
            continue
        if key not in FIELD_KEYS:
            raise InputRejected(_("There is no field called {name}.").format(name=key))
        if key in used:
            raise InputRejected(_("Two columns are mapped to the same field: map each field once."))
        used.add(key)
    return list(mapping)


def proposed_mapping(database: Database, headers: Sequence[str]) -> list[str | None]:
    """The mapping used last time for these column names, else the app's own guess."""
    with database.reading() as session:
        event = require_event(session)
        remembered = session.scalars(
            select(ImportMapping.mapping).where(
                ImportMapping.event_id == event.id,
                ImportMapping.signature == mapping_signature(headers),
            )
        ).first()
    if remembered is not None:
        try:
            return check_mapping(headers, json.loads(remembered))
        except (InputRejected, ValueError):
            pass  # an outdated mapping: guess again
    return guess_mapping(headers)


@dataclass
class _Known:
    """A person the import has seen: already in the database, or added from `line`."""

    participant: Participant
    line: int | None


@dataclass
class _Lookups:
    """The event's lists and the people already known, by the keys that identify them."""

    event_id: int
    event_year: int
    days: dict[int, tuple[str, ...]]
    themes: dict[int, tuple[str, ...]]
    neighbourhoods: dict[str, tuple[str, ...]]
    by_email: dict[str, _Known] = field(default_factory=dict)
    by_name_year: dict[tuple[str, int], _Known] = field(default_factory=dict)
    by_name_phone: dict[tuple[str, str], _Known] = field(default_factory=dict)
    # People known by their name alone: no e-mail, phone or birth year to tell them apart.
    by_bare_name: dict[str, _Known] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)
    matched: dict[tuple[str, str], str | int | None] = field(default_factory=dict)

    def remember(self, known: _Known, birth_year: int | None) -> None:
        person = known.participant
        name = person_key(person.first_name, person.last_name)
        if person.email:
            self.by_email.setdefault(person.email.casefold(), known)
        if birth_year is not None:
            self.by_name_year.setdefault((name, birth_year), known)
        phone = phone_digits(person.phone)
        if phone:
            self.by_name_phone.setdefault((name, phone), known)
        if not person.email and not phone and birth_year is None:
            self.by_bare_name.setdefault(name, known)
        self.codes.add(person.badge_code)

    def find(
        self, *, email: str | None, name: str, birth_year: int | None, phone: str | None
    ) -> _Known | None:
        if email and email.casefold() in self.by_email:
            return self.by_email[email.casefold()]
        if birth_year is not None and (name, birth_year) in self.by_name_year:
            return self.by_name_year[(name, birth_year)]
        digits = phone_digits(phone)
        if digits and (name, digits) in self.by_name_phone:
            return self.by_name_phone[(name, digits)]
        if not email and not digits and birth_year is None:
            return self.by_bare_name.get(name)
        return None

    def choose(self, kind: str, value: str, choices: dict[Any, tuple[str, ...]]) -> Any:
        """The key `value` names among `choices`, cached: files repeat their values."""
        cache_key = (kind, value)
        if cache_key not in self.matched:
            self.matched[cache_key] = match_choice(value, choices)
        return self.matched[cache_key]


def person_key(first_name: str, last_name: str) -> str:
    """A person's name in the form duplicates are compared by."""
    return f"{fold(first_name)} {fold(last_name)}".strip()


def phone_digits(phone: str | None) -> str:
    """The digits of a phone number, with Belgium's +32 written as a leading 0."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0032"):
        digits = "0" + digits[4:]
    elif digits.startswith("32") and len(digits) >= 10:
        digits = "0" + digits[2:]
    return digits


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


def _load(session: Session) -> _Lookups:
    event = require_event(session)
    days = session.scalars(select(Day).where(Day.event_id == event.id).order_by(Day.number)).all()
    themes = session.scalars(
        select(Theme).where(Theme.event_id == event.id).order_by(Theme.position)
    ).all()
    lookups = _Lookups(
        event_id=event.id,
        event_year=days[0].date.year if days else dt.date.today().year,
        days={day.id: _day_words(day) for day in days},
        themes={
            theme.id: (theme.code, theme.name, str(position))
            for position, theme in enumerate(themes, start=1)
        },
        neighbourhoods={
            name: (name,)
            for name in session.scalars(
                select(Neighbourhood.name).where(Neighbourhood.event_id == event.id)
            )
        },
    )
    people = session.scalars(
        select(Participant)
        .where(Participant.event_id == event.id)
        .options(selectinload(Participant.profile))
    )
    for person in people:
        birth_year = person.profile.birth_year if person.profile else None
        lookups.remember(_Known(person, None), birth_year)
    return lookups


@dataclass
class _Row:
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


class _RowReader:
    """Turns raw cells into a `_Row`, noting what could not be used."""

    def __init__(self, lookups: _Lookups, mapping: Sequence[str | None]) -> None:
        self.lookups = lookups
        self.mapping = mapping
        self.warnings: list[LineNote] = []
        self.labels = _field_labels()

    def _warn(self, line: int, text: str) -> None:
        self.warnings.append(LineNote(line, text))

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
            )
        return chosen

    def read(self, row: RawRow) -> _Row | str:
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
        result = _Row(line=line, first_name=first, last_name=last)
        email = cells.get("email")
        if email and not EMAIL.match(email):
            self._warn(
                line, _("“{value}” is not an e-mail address: left empty.").format(value=email)
            )
            email = None
        result.email = email
        result.phone = cells.get("phone")
        lookups = self.lookups
        result.day_id = self._choose(
            line, "day", cells.get("day"), lookups.days, self.labels["day"]
        )
        result.first_theme_id = self._choose(
            line, "theme", cells.get("first_theme"), lookups.themes, self.labels["first_theme"]
        )
        result.second_theme_id = self._choose(
            line, "theme", cells.get("second_theme"), lookups.themes, self.labels["second_theme"]
        )
        if result.second_theme_id == result.first_theme_id:
            result.second_theme_id = None
        result.language = self._choose(
            line, "language", cells.get("language"), LANGUAGE_WORDS, self.labels["language"]
        )
        result.language_need = self._text(
            line, cells.get("language_need"), MAX_LANGUAGE_NEED_LENGTH
        )
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

    def _text(self, line: int, value: str | None, most: int) -> str | None:
        if value and len(value) > most:
            self._warn(
                line, _("A remark longer than {most} characters was shortened.").format(most=most)
            )
            return value[:most]
        return value


def _field_labels() -> dict[str, str]:
    return {f.key: _(f.label) for f in FIELDS}


def _shown(attribute: str, value: Any, lookups: _Lookups) -> str:
    """A stored value as the organiser reads it: theme and day names, not ids."""
    if value is None:
        return ""
    if attribute == "day_id":
        return lookups.days.get(value, ("", str(value)))[1]
    if attribute in ("first_theme_id", "second_theme_id"):
        return lookups.themes.get(value, ("", str(value)))[1]
    return str(value)


def _changes(person: Participant, row: _Row, lookups: _Lookups) -> list[tuple[str, str, str, str]]:
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


def _new_code(lookups: _Lookups) -> str:
    code = new_badge_code()
    while code in lookups.codes:
        code = new_badge_code()
    lookups.codes.add(code)
    return code


def import_registrations(
    database: Database,
    table: RawTable,
    *,
    mapping: Sequence[str | None] | None = None,
    dry_run: bool = False,
    actor: str = "",
    source: str = "import",
    progress: Progress | None = None,
) -> ImportReport:
    """Import `table` in one transaction (kept only without `dry_run`); report every line."""
    mapping = (
        check_mapping(table.headers, mapping)
        if mapping is not None
        else proposed_mapping(database, table.headers)
    )
    if not has_a_name_column(mapping):
        raise InputRejected(
            _(
                "No column with names was recognised (such as Voornaam, Achternaam or Naam): "
                "check the first row of the file, or map the columns in the import wizard."
            )
        )
    report: ImportReport | None = None
    try:
        with database.transaction() as session:
            report = _import_rows(
                session,
                table,
                mapping,
                dry_run=dry_run,
                actor=actor,
                source=source,
                progress=progress,
            )
            if dry_run:
                raise _RollBack
    except _RollBack:
        pass
    assert report is not None
    return report


def _import_rows(
    session: Session,
    table: RawTable,
    mapping: list[str | None],
    *,
    dry_run: bool,
    actor: str,
    source: str,
    progress: Progress | None,
) -> ImportReport:
    lookups = _load(session)
    reader = _RowReader(lookups, mapping)
    duplicates: list[LineNote] = []
    rejected: list[LineNote] = []
    changes: list[PersonChange] = []
    added_names: list[tuple[int, str]] = []
    answers_without_consent = 0
    total = len(table.rows)
    for index, raw in enumerate(table.rows, start=1):
        if progress is not None and (index % PROGRESS_EVERY == 0 or index == total):
            progress(index, total)
        row = reader.read(raw)
        if isinstance(row, str):
            rejected.append(LineNote(raw.line, row))
            continue
        # The birth year tells namesakes apart even when the answers are not kept.
        birth_year = row.answers.birth_year
        if not row.answers.is_empty() and row.consent is not True:
            answers_without_consent += 1
            row.answers = ProfileAnswers()
        name = person_key(row.first_name, row.last_name)
        known = lookups.find(email=row.email, name=name, birth_year=birth_year, phone=row.phone)
        if known is not None and known.line is not None:
            duplicates.append(
                LineNote(row.line, _("the same person as line {line}").format(line=known.line))
            )
            continue
        if known is not None:
            person = known.participant
            found = _changes(person, row, lookups)
            new_answers = (
                row.consent is True
                and not row.answers.is_empty()
                and (
                    not person.profile_consent
                    or (person.profile.answers() if person.profile else ProfileAnswers())
                    != row.answers
                )
            )
            if not found and not new_answers:
                duplicates.append(
                    LineNote(
                        row.line, _("already registered as {name}").format(name=person.full_name)
                    )
                )
                known.line = row.line
                continue
            for attribute, _label, _old, _new in found:
                setattr(person, attribute, getattr(row, attribute))
            if new_answers:
                person.profile_consent = True
                person.profile = Profile.from_answers(row.answers)
                found.append(("profile", _("diversity answers"), "", "✓"))
            known.line = row.line
            changes.append(
                PersonChange(
                    line=row.line,
                    participant_id=person.id,
                    name=person.full_name,
                    changes=tuple((label, old, new) for _attr, label, old, new in found),
                )
            )
            continue
        person = Participant(
            event_id=lookups.event_id,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            phone=row.phone,
            language=row.language or "nl",
            language_need=row.language_need,
            desk_note=row.desk_note,
            day_id=row.day_id,
            first_theme_id=row.first_theme_id,
            second_theme_id=row.second_theme_id,
            status=RegistrationStatus.REGISTERED,
            badge_code=_new_code(lookups),
            profile_consent=row.consent is True,
            source=source,
        )
        if row.consent is True and not row.answers.is_empty():
            person.profile = Profile.from_answers(row.answers)
        session.add(person)
        lookups.remember(_Known(person, row.line), birth_year)
        added_names.append((row.line, person.full_name))
    session.flush()
    for change in changes:
        audit.record(
            session,
            action="participant.updated_by_import",
            actor=actor,
            subject_type="participant",
            subject_id=change.participant_id,
            details={
                "line": change.line,
                "fields": [label for label, _old, _new in change.changes],
            },
        )
    audit.record(
        session,
        action="registrations.imported",
        actor=actor,
        subject_type="event",
        subject_id=lookups.event_id,
        details={
            "file": table.description,
            "rows": total,
            "added": len(added_names),
            "updated": len(changes),
            "duplicates": len(duplicates),
            "rejected": len(rejected),
        },
    )
    if not dry_run:
        _remember_mapping(session, lookups.event_id, table.headers, mapping)
    return ImportReport(
        total_rows=total,
        added=len(added_names),
        updated=len(changes),
        duplicates=tuple(duplicates),
        rejected=tuple(rejected),
        warnings=tuple(reader.warnings),
        changes=tuple(changes),
        added_names=tuple(added_names),
        answers_without_consent=answers_without_consent,
        mapping=tuple(mapping),
        dry_run=dry_run,
    )


def _remember_mapping(
    session: Session, event_id: int, headers: Sequence[str], mapping: list[str | None]
) -> None:
    signature = mapping_signature(headers)
    remembered = session.scalars(
        select(ImportMapping).where(
            ImportMapping.event_id == event_id, ImportMapping.signature == signature
        )
    ).first()
    if remembered is None:
        remembered = ImportMapping(event_id=event_id, signature=signature, mapping="[]")
        session.add(remembered)
    remembered.mapping = json.dumps(mapping)
    remembered.updated_at = utc_now()


def describe_import(report: ImportReport) -> str:
    """The outcome of an import in one or two sentences, for the wizard and the CLI."""
    text = _(
        "New: {added} · changed: {updated} · duplicate: {duplicates} · skipped: {rejected} "
        "(of {total} lines)."
    ).format(
        added=report.added,
        updated=report.updated,
        duplicates=len(report.duplicates),
        rejected=len(report.rejected),
        total=report.total_rows,
    )
    if report.answers_without_consent:
        text += " " + ngettext(
            "The diversity answers of {count} person are not kept: the file has no consent "
            "for them.",
            "The diversity answers of {count} people are not kept: the file has no consent "
            "for them.",
            report.answers_without_consent,
        ).format(count=report.answers_without_consent)
    return text


def import_file(
    database: Database, path: Path, *, dry_run: bool = False, actor: str = ""
) -> ImportReport:
    """Read `path` (CSV or XLSX) and import it with the remembered or guessed mapping."""
    return import_registrations(database, read_table(path), dry_run=dry_run, actor=actor)
