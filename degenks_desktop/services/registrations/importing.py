"""Importing registrations from a spreadsheet: mapped, matched, deduplicated, then written.

Rows without a name are rejected with their line; values that match none of the event's
lists stay empty with a warning; a person already known is updated (the changes are in
the report first, with `dry_run`) or reported as a duplicate; nobody is added twice. A
"no" in the consent column withdraws the person's consent: their diversity answers go.
The postal address and the consent to be contacted after the day (the postcard) come in
and are updated like the other fields; an answer to that consent that is neither yes nor
no rejects the row, since guessing it would write to someone who did not agree. The
columns are mapped in `mapping`, the rows read and people recognised in `matching`.

A row that is probably someone already known, a typo apart (`ProbableDuplicate`), is held
back and listed until the organiser decides: `decisions={line: "add"}` adds it as another
person, `"same"` takes it for the one it resembles.

An import is planned first, reading only, and then written. On PostgreSQL it is written
in one transaction. On SQLite, where a writer locks the whole file, it is written in
short transactions of a few hundred people with a pause between them, so that the desks'
check-ins get through during a large import; a failure half-way keeps the batches
written before it, says so, and importing the same file again adds the rest (the people
already in are recognised). A dry run only plans, and so never locks anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.day_matching import reads_month_first
from degenks_desktop.domain.import_columns import (
    has_a_name_column,
    is_totals_line,
    skipped_status,
)
from degenks_desktop.domain.phones import normal_phone
from degenks_desktop.domain.probable_duplicates import Likeness, PersonDetails
from degenks_desktop.domain.profiles import ProfileAnswers
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.registrations.files import RawRow, RawTable, read_table
from degenks_desktop.services.registrations.mapping import (
    check_mapping,
    proposed_mapping,
    remember_mapping,
)
from degenks_desktop.services.registrations.matching import (
    KnownPerson,
    LineNote,
    Lookups,
    MatchedRow,
    RowReader,
    changed_fields,
    load_lookups,
    person_key,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant, Profile

PROGRESS_EVERY = 200
# The first rows the mapping looks at where two columns could hold a field.
MAPPING_SAMPLES = 50
# On SQLite: people written per transaction (a batch holds the file's lock for about a
# quarter of a second), and the pause after each. A desk waiting on the lock retries every
# 100 ms at most (SQLite's busy handler), so a pause of that length always lets it in:
# a shorter one lets a busy machine's desk miss the gaps until its busy timeout runs out.
BATCH_ON_SQLITE = 500
PAUSE_BETWEEN_BATCHES_S = 0.1

Progress = Callable[[int, int], None]
# What the organiser decided of a probable duplicate: another person, or the same one.
ADD, SAME = "add", "same"
DECISIONS = (ADD, SAME)


@dataclass(frozen=True)
class PersonChange:
    """What the file changes about a person already registered: (field, old, new) triples."""

    line: int
    participant_id: int
    name: str
    changes: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class ProbableDuplicate:
    """A row that is probably someone seen before, a typo apart: an earlier line of the
    file (`other_line`), a person registered before (`participant_id`), or both (one
    registered whom an earlier line named). `decision` is the organiser's, None while the
    row is held back."""

    line: int
    name: str
    other_name: str
    other_line: int | None
    participant_id: int | None
    likeness: Likeness
    reason: str
    decision: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The row as `degenks import --json` lists it under `probable_duplicates`."""
        return {
            "line": self.line,
            "name": self.name,
            "other_name": self.other_name,
            "other_line": self.other_line,
            "participant": self.participant_id,
            "similarity": self.likeness.similarity,
            "shared": self.likeness.shared,
            "names": self.likeness.names,
            "reason": self.reason,
            "decision": self.decision,
        }


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
    # Rows that are no registration: cancelled, partial, totals lines, empty rows.
    skipped: tuple[LineNote, ...] = ()
    # Every row under the header in file order, with what became of it (`as_json`).
    lines: tuple[dict[str, Any], ...] = ()
    sheet: str | None = None
    header_line: int = 1
    # Rows probably someone seen before: held back unless decided (`held_back`).
    probable_duplicates: tuple[ProbableDuplicate, ...] = ()

    @property
    def held_back(self) -> tuple[ProbableDuplicate, ...]:
        """The probable duplicates not decided yet: neither added nor taken as the same."""
        return tuple(found for found in self.probable_duplicates if found.decision is None)

    def as_json(self) -> dict[str, Any]:
        """The keys of `degenks import --json` (CLI.md)."""
        return {
            "total_rows": self.total_rows,
            "added": self.added,
            "updated": self.updated,
            "duplicates": [note.as_json() for note in self.duplicates],
            "rejected": [note.as_json() for note in self.rejected],
            "skipped": [note.as_json() for note in self.skipped],
            "warnings": [note.as_json() for note in self.warnings],
            "probable_duplicates": [found.as_json() for found in self.probable_duplicates],
            "sheet": self.sheet,
            "header_line": self.header_line,
            "lines": list(self.lines),
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


@dataclass
class _Update:
    """A known person's fields as the file has them, and what happens to their answers."""

    change: PersonChange
    fields: dict[str, Any]
    answers: ProfileAnswers | None = None  # new answers, with consent
    withdraw_consent: bool = False  # the file says "no": the answers go


@dataclass
class _Plan:
    """What an import will write, worked out while only reading the database."""

    report: ImportReport
    new_people: list[Participant] = field(default_factory=list)  # not in a session yet
    updates: list[_Update] = field(default_factory=list)
    event_id: int = 0


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
    decisions: Mapping[int, str] | None = None,
) -> ImportReport:
    """Import `table` in one transaction (kept only without `dry_run`); report every line.

    `decisions` says, by line, what a probable duplicate is: "add" (another person) or
    "same" (the person it resembles); a probable duplicate without one is held back.
    """
    decisions = dict(decisions or {})
    wrong = sorted({str(value) for value in decisions.values()} - set(DECISIONS))
    if wrong:
        raise ValueError(f"a decision is {' or '.join(DECISIONS)}, not {', '.join(wrong)}")
    mapping = (
        check_mapping(table.headers, mapping)
        if mapping is not None
        else proposed_mapping(
            database, table.headers, [row.values for row in table.rows[:MAPPING_SAMPLES]]
        )
    )
    if not has_a_name_column(mapping):
        raise InputRejected(
            _(
                "No column with names was recognised (such as Voornaam, Achternaam or Naam): "
                "check the first row of the file, or map the columns in the import wizard."
            )
        )
    with database.reading() as session:
        plan = _plan_rows(
            session,
            table,
            mapping,
            dry_run=dry_run,
            source=source,
            progress=progress,
            decisions=decisions,
        )
    if not dry_run:
        _write(database, plan, table, mapping, actor=actor)
    return plan.report


def _write(
    database: Database,
    plan: _Plan,
    table: RawTable,
    mapping: list[str | None],
    *,
    actor: str,
) -> None:
    """Write the plan: in one transaction on PostgreSQL, in short ones on SQLite."""
    work: list[Participant | _Update] = [*plan.updates, *plan.new_people]
    size = BATCH_ON_SQLITE if database.is_sqlite else max(1, len(work))
    batches = [work[start : start + size] for start in range(0, len(work), size)] or [[]]
    written = 0
    for number, batch in enumerate(batches):
        last = number == len(batches) - 1
        try:
            with database.transaction() as session:
                _write_batch(session, batch, actor=actor)
                if last:
                    _record_import(session, plan, table, mapping, actor=actor)
        except KnownError as error:
            if not written:
                raise
            raise type(error)(
                error.message
                + " "
                + ngettext(
                    "{count} person of this file was written before: import the same file "
                    "again to add the rest (whoever is in already is recognised).",
                    "{count} people of this file were written before: import the same file "
                    "again to add the rest (whoever is in already is recognised).",
                    written,
                ).format(count=written)
            ) from error
        written += len(batch)
        if not last and database.is_sqlite:
            time.sleep(PAUSE_BETWEEN_BATCHES_S)  # a waiting desk takes the lock now


def _write_batch(session: Session, batch: list[Participant | _Update], *, actor: str) -> None:
    for item in batch:
        if isinstance(item, Participant):
            session.add(item)
            continue
        person = session.get(Participant, item.change.participant_id)
        if person is None:
            continue  # removed since the plan: nothing left to update
        for attribute, value in item.fields.items():
            setattr(person, attribute, value)
        if item.answers is not None:
            person.profile_consent = True
            person.profile = Profile.from_answers(item.answers)
        if item.withdraw_consent:
            person.profile_consent = False
            person.profile = None  # the answers are deleted, not kept aside
            audit.record(
                session,
                action="participant.consent_withdrawn",
                actor=actor,
                subject_type="participant",
                subject_id=person.id,
                details={"line": item.change.line},  # never the answers themselves
            )
        audit.record(
            session,
            action="participant.updated_by_import",
            actor=actor,
            subject_type="participant",
            subject_id=person.id,
            details={
                "line": item.change.line,
                "fields": [label for label, _old, _new in item.change.changes],
            },
        )
    session.flush()


def _record_import(
    session: Session,
    plan: _Plan,
    table: RawTable,
    mapping: list[str | None],
    *,
    actor: str,
) -> None:
    report = plan.report
    audit.record(
        session,
        action="registrations.imported",
        actor=actor,
        subject_type="event",
        subject_id=plan.event_id,
        details={
            "file": table.description,
            "rows": report.total_rows,
            "added": report.added,
            "updated": report.updated,
            "duplicates": len(report.duplicates),
            "rejected": len(report.rejected),
            "held_back": len(report.held_back),
        },
    )
    remember_mapping(session, plan.event_id, table.headers, mapping)


def _not_a_registration(raw: RawRow, status_column: int | None) -> LineNote | None:
    """Why a row is no registration (a cancelled ticket, a partial response, a totals
    line), or None for a row to read."""
    if status_column is not None and status_column < len(raw.values):
        status = raw.values[status_column]
        reason = skipped_status(status)
        if reason == "cancelled":
            return LineNote(
                raw.line, _("cancelled (“{status}”)").format(status=status), "cancelled"
            )
        if reason == "partial":
            return LineNote(
                raw.line,
                _("a response left unfinished (“{status}”)").format(status=status),
                "partial",
            )
    if is_totals_line(raw.values):
        return LineNote(raw.line, _("a totals line"), "totals line")
    return None


def _skipped_line(note: LineNote) -> dict[str, Any]:
    """The report's line of a row that is no registration."""
    return {"line": note.line, "outcome": "skipped", "reason": note.code}


def _withhold_answers(row: MatchedRow) -> bool:
    """Drop the row's diversity answers when it has no consent for them; whether it had."""
    unkept = not row.answers.is_empty() and row.consent is not True
    if unkept:
        row.answers = ProfileAnswers()
    return unkept


def _person_line(row: MatchedRow, lookups: Lookups, *, unkept: bool) -> dict[str, Any]:
    """What the report's line says of a person: as read (and kept), the phone in normal
    form, the theme by its code and the day by its number."""
    return {
        "line": row.line,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "phone": normal_phone(row.phone),
        "theme": lookups.theme_codes.get(row.first_theme_id or 0),
        "second_theme": lookups.theme_codes.get(row.second_theme_id or 0),
        "day": lookups.day_numbers.get(row.day_id or 0),
        "consent": row.consent,
        "birth_year": row.answers.birth_year,
        "answers_without_consent": unkept,
    }


def _new_participant(row: MatchedRow, lookups: Lookups, source: str) -> Participant:
    """The participant a new row becomes, not in a session yet; answers only with consent."""
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
        street=row.street,
        postcode=row.postcode,
        town=row.town,
        contact_consent=row.contact_consent is True,
        source=source,
    )
    if row.consent is True and not row.answers.is_empty():
        person.profile = Profile.from_answers(row.answers)
    return person


def _report_lines(
    lines: dict[int, dict[str, Any]], warnings: Sequence[LineNote]
) -> tuple[dict[str, Any], ...]:
    """The report's lines in file order, each person's with the codes of its warnings."""
    for note in warnings:
        line = lines.get(note.line)
        if line is not None and note.code and "first_name" in line:
            line.setdefault("warnings", []).append(note.code)
    for line in lines.values():
        if "first_name" in line:
            line.setdefault("warnings", [])
    return tuple(lines[key] for key in sorted(lines))


def _known_again(
    known: KnownPerson,
    row: MatchedRow,
    lookups: Lookups,
    line: dict[str, Any],
    *,
    keep_name: bool = False,
) -> LineNote | _Update:
    """A row of someone seen before: earlier in this file (a duplicate), or registered
    before it: what it changes, or the note that it changes nothing; `line` (the report's)
    says which. With `keep_name` the registered name stays as it is."""
    if known.line is not None:
        line.update(outcome="duplicate", duplicate_of=known.line)
        return LineNote(row.line, _("the same person as line {line}").format(line=known.line))
    known.line = row.line
    line["participant"] = known.participant.id
    update = _planned_update(known.participant, row, lookups, keep_name=keep_name)
    if update is None:
        line["outcome"] = "duplicate"
        return LineNote(
            row.line, _("already registered as {name}").format(name=known.participant.full_name)
        )
    line["outcome"] = "updated"
    return update


def _plan_rows(
    session: Session,
    table: RawTable,
    mapping: list[str | None],
    *,
    dry_run: bool,
    source: str,
    progress: Progress | None,
    decisions: Mapping[int, str],
) -> _Plan:
    """Read every row against the people known (in `session`, which is only read)."""
    lookups = load_lookups(session)
    reader = RowReader(
        lookups,
        mapping,
        from_csv=table.sheet is None,
        month_first=_month_first(table, mapping, lookups),
    )
    status_column = mapping.index("status") if "status" in mapping else None
    duplicates: list[LineNote] = []
    rejected: list[LineNote] = []
    skipped: list[LineNote] = [
        LineNote(line, _("an empty row"), "empty") for line in table.empty_lines
    ]
    lines = {note.line: _skipped_line(note) for note in skipped}
    changes: list[PersonChange] = []
    updates: list[_Update] = []
    new_people: list[Participant] = []
    added_names: list[tuple[int, str]] = []
    probable: list[ProbableDuplicate] = []
    answers_without_consent = 0
    total = len(table.rows)
    for index, raw in enumerate(table.rows, start=1):
        if progress is not None and (index % PROGRESS_EVERY == 0 or index == total):
            progress(index, total)
        not_a_registration = _not_a_registration(raw, status_column)
        if not_a_registration is not None:
            skipped.append(not_a_registration)
            lines[raw.line] = _skipped_line(not_a_registration)
            continue
        row = reader.read(raw)
        if isinstance(row, str):
            rejected.append(LineNote(raw.line, row))
            lines[raw.line] = {"line": raw.line, "outcome": "rejected", "reason": row}
            continue
        # The birth year tells namesakes apart even when the answers are not kept.
        birth_year = row.answers.birth_year
        unkept = _withhold_answers(row)
        answers_without_consent += unkept
        line = lines[row.line] = _person_line(row, lookups, unkept=unkept)
        held, known, resembled = _seen_before(
            row, birth_year, lookups, decisions=decisions, probable=probable, line=line
        )
        if held:
            continue
        if known is not None:
            # Decided the same as someone it resembles: which spelling is right is not
            # known, so the registered name stays.
            update = _known_again(known, row, lookups, line, keep_name=resembled)
            if isinstance(update, LineNote):
                duplicates.append(update)
            else:
                changes.append(update.change)
                updates.append(update)
            continue
        person = _new_participant(row, lookups, source)
        new_people.append(person)  # written later: planning only reads
        lookups.remember(KnownPerson(person, row.line, added=True), birth_year)
        added_names.append((row.line, person.full_name))
        line["outcome"] = "added"
    warnings = _all_warnings(table, reader)
    report = ImportReport(
        total_rows=total + len(table.empty_lines),
        added=len(added_names),
        updated=len(changes),
        duplicates=tuple(duplicates),
        rejected=tuple(rejected),
        warnings=warnings,
        changes=tuple(changes),
        added_names=tuple(added_names),
        answers_without_consent=answers_without_consent,
        mapping=tuple(mapping),
        dry_run=dry_run,
        skipped=tuple(sorted(skipped, key=lambda note: note.line)),
        lines=_report_lines(lines, warnings),
        sheet=table.sheet,
        header_line=table.header_line,
        probable_duplicates=tuple(probable),
    )
    return _Plan(report, new_people, updates, lookups.event_id)


def _month_first(table: RawTable, mapping: list[str | None], lookups: Lookups) -> bool:
    """Whether the file's day column writes its dates month first (3/4/2013)."""
    day_column = mapping.index("day") if "day" in mapping else None
    return day_column is not None and reads_month_first(
        (row.values[day_column] for row in table.rows if day_column < len(row.values)),
        [date for _id, date in lookups.day_dates],
    )


def _all_warnings(table: RawTable, reader: RowReader) -> tuple[LineNote, ...]:
    """What the file says of its own lines first (formulas without a value), then what
    reading the rows found."""
    # A cell empty because its formula has no value is said once, by the formula's note,
    # not again as an empty theme.
    formula_lines = {note.line for note in table.warnings}
    return (
        *(LineNote(note.line, note.reason, "formula_without_value") for note in table.warnings),
        *(
            note
            for note in reader.warnings
            if not (note.code == "theme_empty" and note.line in formula_lines)
        ),
    )


def _seen_before(
    row: MatchedRow,
    birth_year: int | None,
    lookups: Lookups,
    *,
    decisions: Mapping[int, str],
    probable: list[ProbableDuplicate],
    line: dict[str, Any],
) -> tuple[bool, KnownPerson | None, bool]:
    """Whether the row is held back as a probable duplicate, whom it names (exactly, or as
    decided), and whether that is someone it only resembles. A probable duplicate is
    listed in `probable` and said in `line` (the report's)."""
    name = person_key(row.first_name, row.last_name)
    known = lookups.find(email=row.email, name=name, birth_year=birth_year, phone=row.phone)
    if known is not None:
        return False, known, False
    resembled = _probable_duplicate(row, birth_year, lookups, decisions.get(row.line))
    if resembled is None:
        return False, None, False
    found, other = resembled
    probable.append(found)
    line["probable_duplicate"] = found.as_json()
    if found.decision is None:
        # Held back, listed: added, a typo would double a person unnoticed; merged, two
        # people might become one. Nothing of it is written until the organiser says which.
        line["outcome"] = "held_back"
        return True, None, False
    if found.decision == SAME:
        return False, other, True
    return False, None, False


def _details(row: MatchedRow, birth_year: int | None) -> PersonDetails:
    """What the probable-duplicate rule compares of a row (its birth year even when the
    answers are not kept: it tells people apart)."""
    return PersonDetails(
        row.first_name, row.last_name, row.email, normal_phone(row.phone), birth_year
    )


def _probable_duplicate(
    row: MatchedRow, birth_year: int | None, lookups: Lookups, decision: str | None
) -> tuple[ProbableDuplicate, KnownPerson] | None:
    """The row as a probable duplicate of someone seen before, with the organiser's
    `decision` on it, and that someone; None when it resembles nobody."""
    found = lookups.find_probable(_details(row, birth_year))
    if found is None:
        return None
    known, likeness = found
    other = known.participant
    if known.added:
        whom = _("“{name}” of line {line}").format(name=other.full_name, line=known.line)
    else:
        whom = _("“{name}”, registered already").format(name=other.full_name)
    how = (
        _("first and last name swapped")
        if likeness.names == "swapped"
        else _("the name spelt a little differently")
    )
    shared = {
        "email": _("the same e-mail address"),
        "phone": _("the same phone number"),
        "birth_year": _("the same birth year"),
    }[likeness.shared]
    return ProbableDuplicate(
        line=row.line,
        name=f"{row.first_name} {row.last_name}".strip(),
        other_name=other.full_name,
        other_line=known.line,
        participant_id=None if known.added else other.id,
        likeness=likeness,
        reason=_("Probably the same person as {whom}: {how}, {shared}.").format(
            whom=whom, how=how, shared=shared
        ),
        decision=decision,
    ), known


def _planned_update(
    person: Participant, row: MatchedRow, lookups: Lookups, *, keep_name: bool = False
) -> _Update | None:
    """What the row changes about `person`, already registered; None when nothing. With
    `keep_name` the name is not among the changes."""
    found = changed_fields(person, row, lookups)
    if keep_name:
        found = [change for change in found if change[0] not in ("first_name", "last_name")]
    new_answers = (
        row.consent is True
        and not row.answers.is_empty()
        and (
            not person.profile_consent
            or (person.profile.answers() if person.profile else ProfileAnswers()) != row.answers
        )
    )
    # An explicit "no" takes consent back: what was answered before goes.
    withdraw = row.consent is False and (person.profile_consent or person.profile is not None)
    if not found and not new_answers and not withdraw:
        return None
    fields = {attribute: getattr(row, attribute) for attribute, *_rest in found}
    if new_answers:
        found.append(("profile", _("diversity answers"), "", "✓"))
    if withdraw:
        found.append(("profile", _("diversity answers (consent withdrawn)"), "✓", ""))
    change = PersonChange(
        line=row.line,
        participant_id=person.id,
        name=person.full_name,
        changes=tuple((label, old, new) for _attr, label, old, new in found),
    )
    return _Update(
        change, fields, answers=row.answers if new_answers else None, withdraw_consent=withdraw
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
        # Rejected and skipped alike: neither became a participant.
        rejected=len(report.rejected) + len(report.skipped),
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
    held = len(report.held_back)
    if held:
        text += " " + ngettext(
            "{count} line is held back: probably someone already known, a typo apart. "
            "Say whether it is another person or the same one.",
            "{count} lines are held back: probably someone already known, a typo apart. "
            "Say for each whether it is another person or the same one.",
            held,
        ).format(count=held)
    return text


def import_file(
    database: Database,
    path: Path,
    *,
    dry_run: bool = False,
    actor: str = "",
    sheet: str | None = None,
    decisions: Mapping[int, str] | None = None,
) -> ImportReport:
    """Read `path` (CSV or XLSX; in a workbook `sheet`, else the one with the people) and
    import it with the remembered or guessed mapping; `decisions` as `import_registrations`
    takes them."""
    return import_registrations(
        database,
        read_table(path, sheet=sheet),
        dry_run=dry_run,
        actor=actor,
        decisions=decisions,
    )
