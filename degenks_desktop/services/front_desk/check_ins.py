"""Checking people in: by badge code or by id, once per person per day, every one audited.

The database itself refuses a second active check-in (a partial unique index), so two
desks scanning the same person at the same moment end with one check-in; the slower desk
gets "already", with the first desk's name. A retried check-in with the same `uid` is
recognised and never doubled.

The right person on the right day: a scan is read for the scanner's keyboard layout too
(`scan_readings`), and a reading that could be two people's is refused; someone
registered for another day is not checked in unless the desk says so (`any_day`), and a
cancelled registration never is.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from degenks_desktop.domain.badge_codes import scan_readings
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import ConflictingChange, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Day,
    Draw,
    DrawOutcome,
    Participant,
    Seat,
    Table,
    Theme,
    new_uid,
)


class CheckInStatus(enum.StrEnum):
    """What a scan came to."""

    CHECKED_IN = "checked_in"
    ALREADY = "already"
    UNKNOWN = "unknown"
    OTHER_DAY = "other_day"
    """Registered for another day than the desk's: nothing changed (see `any_day`)."""
    CANCELLED = "cancelled"
    """The registration was cancelled: nothing changed; a walk-in if the desk agrees."""
    NOT_SELECTED = "not_selected"
    """Not drawn for the day, or on its waiting list: nothing changed; a case for an
    organiser, who may let them in (`admitted_by`)."""


UNDRAWN_STATUSES = (RegistrationStatus.WAITLISTED, RegistrationStatus.NOT_SELECTED)
"""Registrants a draw left out: the desk asks an organiser before letting them in."""


@dataclass(frozen=True)
class CheckInResult:
    """What the desk shows after a scan.

    `day` is the day number the check-in is (or would be) for, `registered_day` the one
    the person registered for (None: no day); for `OTHER_DAY` they differ.
    """

    status: CheckInStatus
    participant_id: int | None = None
    name: str = ""
    table: int | None = None
    at: dt.datetime | None = None
    desk: str = ""
    note: str = ""
    malformed: bool = False
    uid: str = ""
    theme: str = ""
    day: int | None = None
    registered_day: int | None = None
    waiting_position: int | None = None
    """For NOT_SELECTED: their place on the day's waiting list (None: not on it)."""

    def as_json(self) -> dict[str, Any]:
        """The keys of `degenks checkin --json` (CLI.md)."""
        return {
            "status": self.status.value,
            "participant": (
                {"id": self.participant_id, "name": self.name}
                if self.participant_id is not None
                else None
            ),
            "table": self.table,
            "at": self.at.isoformat() if self.at else None,
            "desk": self.desk,
            "day": self.day,
            "registered_day": self.registered_day,
            "waiting_position": self.waiting_position,
        }


def record_check_in(
    session: Session,
    *,
    participant_id: int,
    day_id: int,
    desk: str,
    actor: str = "",
    uid: str | None = None,
    at: dt.datetime | None = None,
) -> CheckIn:
    """Add a check-in and its audit entry to `session`'s transaction.

    The database refuses a second active check-in for the same person and day. `at` is
    when it happened, for check-ins sent late from a desk's queue.
    """
    check_in = CheckIn(
        uid=uid or new_uid(),
        participant_id=participant_id,
        day_id=day_id,
        desk=desk,
        checked_in_by=actor,
    )
    if at is not None:
        check_in.checked_in_at = at
    session.add(check_in)
    session.flush()
    audit.record(
        session,
        action="check_in.created",
        actor=actor or desk,
        subject_type="participant",
        subject_id=participant_id,
        details={"day_id": day_id, "desk": desk, "check_in": check_in.uid},
    )
    return check_in


def _day_for(session: Session, person: Participant, day_number: int | None) -> Day:
    """The day a check-in is for: the one asked, else today's, else the person's own."""
    if day_number is not None:
        return require_day(session, person.event_id, day_number)
    event_days = session.scalars(
        select(Day).where(Day.event_id == person.event_id).order_by(Day.number)
    ).all()
    today = dt.date.today()
    for day in event_days:
        if day.date == today:
            return day
    own = next((day for day in event_days if day.id == person.day_id), None)
    return own or event_days[0]


def _already(session: Session, person: Participant, day: Day) -> CheckInResult | None:
    earlier = session.scalars(
        select(CheckIn).where(
            CheckIn.participant_id == person.id,
            CheckIn.day_id == day.id,
            CheckIn.undone_at.is_(None),
        )
    ).first()
    if earlier is None:
        return None
    return _result(
        session,
        person,
        day,
        status=CheckInStatus.ALREADY,
        at=earlier.checked_in_at,
        desk=earlier.desk,
    )


def _result(
    session: Session,
    person: Participant,
    day: Day,
    *,
    status: CheckInStatus,
    at: dt.datetime | None,
    desk: str,
    uid: str = "",
) -> CheckInResult:
    """What the desk shows, with the person's table and its theme on that day.

    For someone of another day, the table of their own day: where to send them then.
    """
    seat_day = person.day_id if status == CheckInStatus.OTHER_DAY else day.id
    waiting = None
    if status == CheckInStatus.NOT_SELECTED:
        waiting = session.scalar(
            select(DrawOutcome.waiting_position)
            .join(Draw, Draw.id == DrawOutcome.draw_id)
            .where(DrawOutcome.participant_id == person.id, DrawOutcome.outcome == "waiting")
            .order_by(Draw.id.desc())
            .limit(1)
        )
    seat = session.execute(
        select(Table.number, Theme.name)
        .join(Seat, Seat.table_id == Table.id)
        .join(Theme, Theme.id == Table.theme_id)
        .where(Seat.participant_id == person.id, Seat.day_id == seat_day)
    ).first()
    return CheckInResult(
        status,
        person.id,
        person.full_name,
        seat[0] if seat else None,
        at,
        desk,
        _note(person),
        uid=uid,
        theme=seat[1] if seat else "",
        day=day.number,
        registered_day=person.day.number if person.day is not None else None,
        waiting_position=waiting,
    )


def _note(person: Participant) -> str:
    return " · ".join(part for part in (person.language_need, person.desk_note) if part)


def _record_refused_duplicate(
    session: Session, person: Participant, day: Day, *, desk: str, uid: str, at: dt.datetime
) -> None:
    """Keep a queued check-in that came second: marked undone at once, and audited.

    Both desks' records stay (the audit and the check-ins hold both), only one counts,
    and the uid makes a resend of the same queue entry recognisable.
    """
    kept = _already(session, person, day)
    session.add(
        CheckIn(
            uid=uid,
            participant_id=person.id,
            day_id=day.id,
            desk=desk,
            checked_in_by=desk,
            checked_in_at=at,
            undone_at=dt.datetime.now(dt.UTC),
            undone_by=desk,
            undo_reason=f"already checked in at {kept.desk if kept else '?'}",
        )
    )
    session.flush()
    audit.record(
        session,
        action="check_in.duplicate",
        actor=desk,
        subject_type="participant",
        subject_id=person.id,
        details={
            "day_id": day.id,
            "desk": desk,
            "check_in": uid,
            "at": at.isoformat(),
            "kept_desk": kept.desk if kept else None,
        },
    )


def _for_another_day(person: Participant, day: Day) -> bool:
    """Whether `person` registered for another day than `day` (no day: never)."""
    return person.day_id is not None and person.day_id != day.id


def _refusal(
    person: Participant, *, other_day: bool, any_day: bool, queued: bool, organiser: str
) -> CheckInStatus | None:
    """Why `person` is not checked in now, or None. A check-in from a desk's queue was
    let in at the desk already (`queued`); someone the draw left out comes in on an
    `organiser`'s yes."""
    if person.status == RegistrationStatus.CANCELLED and not queued:
        return CheckInStatus.CANCELLED
    if person.status in UNDRAWN_STATUSES and not (queued or organiser):
        return CheckInStatus.NOT_SELECTED
    if other_day and not (any_day or queued):
        return CheckInStatus.OTHER_DAY
    return None


def check_in_participant(
    database: Database,
    participant_id: int,
    *,
    desk: str,
    day_number: int | None = None,
    actor: str = "",
    uid: str | None = None,
    queued_at: dt.datetime | None = None,
    any_day: bool = False,
    admitted_by: str = "",
) -> CheckInResult:
    """Check in one person (picked by name at the desk); 'already' if they were.

    Someone registered for another day comes back as 'other day' and nothing changes,
    unless `any_day`: then they are checked in for this day, and the audit says so. A
    cancelled registration is never checked in, not even with `any_day` (a walk-in, if
    the desk agrees). `queued_at` marks a check-in sent late from a desk's queue: it
    keeps its own time, and when the person was checked in elsewhere meanwhile it is kept
    as a refused duplicate (audited, not counted) instead of being dropped. Someone the
    day's draw left out is 'not selected' unless an organiser lets them in
    (`admitted_by`: their name, in the audit).
    """
    # A queued check-in was let in at the desk, from its copy: it is recorded as it
    # happened whatever the database says now, since refusing it would lose a check-in
    # the desk showed as green (the other-day audit entry still says so).
    admitted = queued_at is not None
    try:
        with database.transaction() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
            day = _day_for(session, person, day_number)
            if uid is not None:
                retried = session.scalars(select(CheckIn).where(CheckIn.uid == uid)).first()
                if retried is not None:
                    status = (
                        CheckInStatus.CHECKED_IN
                        if retried.undone_at is None
                        else CheckInStatus.ALREADY
                    )
                    return _result(
                        session,
                        person,
                        day,
                        status=status,
                        at=retried.checked_in_at,
                        desk=retried.desk,
                        uid=uid,
                    )
            earlier = _already(session, person, day)
            if earlier is not None:
                if queued_at is not None and uid is not None:
                    _record_refused_duplicate(
                        session, person, day, desk=desk, uid=uid, at=queued_at
                    )
                return earlier
            other_day = _for_another_day(person, day)
            refused = _refusal(
                person, other_day=other_day, any_day=any_day, queued=admitted, organiser=admitted_by
            )
            if refused is not None:
                return _result(session, person, day, status=refused, at=None, desk="")
            check_in = record_check_in(
                session,
                participant_id=person.id,
                day_id=day.id,
                desk=desk,
                actor=actor,
                uid=uid,
                at=queued_at,
            )
            if person.status in UNDRAWN_STATUSES and admitted_by:
                audit.record(
                    session,
                    action="check_in.undrawn_admitted",
                    actor=admitted_by,
                    subject_type="participant",
                    subject_id=person.id,
                    details={"day_id": day.id, "desk": desk, "status": person.status.value},
                )
            if other_day:
                audit.record(
                    session,
                    action="check_in.other_day",
                    actor=actor or desk,
                    subject_type="participant",
                    subject_id=person.id,
                    details={
                        "day_id": day.id,
                        "registered_day_id": person.day_id,
                        "desk": desk,
                        "check_in": check_in.uid,
                    },
                )
            return _result(
                session,
                person,
                day,
                status=CheckInStatus.CHECKED_IN,
                at=check_in.checked_in_at,
                desk=desk,
                uid=check_in.uid,
            )
    except ConflictingChange:
        # Another desk checked this person in between our look and our write.
        if queued_at is not None and uid is not None:
            # Once more: now the other check-in is there, this one is kept as a duplicate.
            return check_in_participant(
                database,
                participant_id,
                desk=desk,
                day_number=day_number,
                actor=actor,
                uid=uid,
                queued_at=queued_at,
                any_day=any_day,
                admitted_by=admitted_by,
            )
        with database.reading() as session:
            person = session.get(Participant, participant_id)
            assert person is not None
            day = _day_for(session, person, day_number)
            earlier = _already(session, person, day)
            if earlier is None:
                raise
            return earlier


def scan_holder(readings: Sequence[str], holders: Mapping[str, int]) -> int | None:
    """The one person whose badge code is among a scan's readings, or None.

    None for nobody, and for two: a scan that two people's codes could explain is
    refused rather than guessed, so a scan of one person's badge never checks in another.
    """
    people = {holders[code] for code in readings if code in holders}
    return people.pop() if len(people) == 1 else None


@dataclass(frozen=True)
class ScanLookup:
    """Whose badge a scan is: `participant_id`, or None; `malformed` when no reading of
    the scan is a valid code, or when two people's codes could explain it."""

    participant_id: int | None
    malformed: bool


def look_up_scan(database: Database, text: str) -> ScanLookup:
    """The person of the event whose badge was scanned as `text`, in any keyboard layout."""
    readings = scan_readings(text)
    if not readings:
        return ScanLookup(None, malformed=True)
    with database.reading() as session:
        event = require_event(session)
        holders = {
            badge_code: person_id
            for person_id, badge_code in session.execute(
                select(Participant.id, Participant.badge_code).where(
                    Participant.event_id == event.id, Participant.badge_code.in_(readings)
                )
            ).all()
        }
    return ScanLookup(scan_holder(readings, holders), malformed=len(holders) > 1)


def check_in_code(
    database: Database,
    code: str,
    *,
    desk: str,
    day_number: int | None = None,
    actor: str = "",
    uid: str | None = None,
    any_day: bool = False,
    admitted_by: str = "",
) -> CheckInResult:
    """Check in whoever carries badge code `code`; 'unknown' for a code nobody has.

    `code` is the scan as typed: a scanner set to another keyboard layout is read back
    (`look_up_scan`); a scan with no valid reading, or with two people's, is 'unknown'
    and malformed. `any_day` and `admitted_by` as for `check_in_participant`.
    """
    found = look_up_scan(database, code)
    if found.participant_id is None:
        return CheckInResult(CheckInStatus.UNKNOWN, malformed=found.malformed)
    return check_in_participant(
        database,
        found.participant_id,
        desk=desk,
        day_number=day_number,
        actor=actor,
        uid=uid,
        any_day=any_day,
        admitted_by=admitted_by,
    )


def undo_check_in(
    database: Database,
    participant_id: int,
    *,
    desk: str,
    day_number: int | None = None,
    reason: str = "",
    uid: str | None = None,
) -> bool:
    """Undo someone's check-in of the day (marked, never deleted); False if there was none.

    With `uid`, only that check-in is undone (a desk's queued undo never touches the
    check-in another desk made).
    """
    with database.transaction() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
        day = _day_for(session, person, day_number)
        check_in = session.scalars(
            select(CheckIn).where(
                CheckIn.participant_id == person.id,
                CheckIn.day_id == day.id,
                CheckIn.undone_at.is_(None),
                *([CheckIn.uid == uid] if uid is not None else []),
            )
        ).first()
        if check_in is None:
            return False
        check_in.undone_at = dt.datetime.now(dt.UTC)
        check_in.undone_by = desk
        check_in.undo_reason = reason or None
        audit.record(
            session,
            action="check_in.undone",
            actor=desk,
            subject_type="participant",
            subject_id=person.id,
            details={"check_in": check_in.uid, "reason": reason},
        )
        return True
