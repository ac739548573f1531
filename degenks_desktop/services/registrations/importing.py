"""Importing registrations from a spreadsheet: mapped, matched, deduplicated, one transaction.

Rows without a name are rejected with their line; values that match none of the event's
lists stay empty with a warning; a person already known is updated (the changes are in
the report first, with `dry_run`) or reported as a duplicate; nobody is added twice.
The columns are mapped in `mapping`, the rows read and people recognised in `matching`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.import_columns import has_a_name_column
from degenks_desktop.domain.profiles import ProfileAnswers
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.registrations.files import RawTable, read_table
from degenks_desktop.services.registrations.mapping import (
    check_mapping,
    proposed_mapping,
    remember_mapping,
)
from degenks_desktop.services.registrations.matching import (
    KnownPerson,
    LineNote,
    Lookups,
    RowReader,
    changed_fields,
    load_lookups,
    person_key,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant, Profile

PROGRESS_EVERY = 200

Progress = Callable[[int, int], None]


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


def _new_code(lookups: Lookups) -> str:
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
    lookups = load_lookups(session)
    reader = RowReader(lookups, mapping)
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
            found = changed_fields(person, row, lookups)
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
        lookups.remember(KnownPerson(person, row.line), birth_year)
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
        remember_mapping(session, lookups.event_id, table.headers, mapping)
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
