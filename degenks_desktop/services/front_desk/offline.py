"""A desk that keeps working when the database is out of reach, and catches up after.

While the database answers, the desk keeps a copy of the day's list (`copy_day_list`).
When it does not, check-ins go to the desk's queue (`check_in_offline`), each with the
uid the desk gave it, and `send_queue` sends them when the database is back: a retry is
recognised by its uid, and a person checked in at two desks during the outage ends
checked in once, the second desk's record kept as an audited duplicate.

From its copy the desk gives the answers the database would: a scan is read for the
scanner's keyboard layout, someone of another day is 'other day' unless the desk says
`any_day`, and a cancelled registration is 'cancelled'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select

from degenks_desktop.domain.badge_codes import scan_readings
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.search import query_words
from degenks_desktop.domain.uids import new_uid
from degenks_desktop.errors import DatabaseUnavailable, KnownError, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import (
    UNDRAWN_STATUSES,
    CheckInResult,
    CheckInStatus,
    check_in_participant,
    scan_holder,
    undo_check_in,
)
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.desk_copy import CopiedPerson, DeskCopy, QueuedCheckIn
from degenks_desktop.storage.models import CheckIn, Day, Participant, Seat, Table, Theme


@dataclass(frozen=True)
class SentQueue:
    """What sending the queue came to."""

    sent: int
    duplicates: int
    set_aside: tuple[str, ...] = ()  # why each entry that can no longer apply was set aside


def copy_day_list(database: Database, copy: DeskCopy, day_number: int) -> int:
    """Copy everyone of the event, with the day's tables and check-ins, and each one's
    own day, seat on it and registration status; return how many."""
    with database.reading() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        day_id = day.id
        # Every day's seats: the copied day's, and for someone of another day their own,
        # to send them on.
        seats = {
            (person, seat_day): (number, theme)
            for person, seat_day, number, theme in session.execute(
                select(Seat.participant_id, Seat.day_id, Table.number, Theme.name)
                .join(Table, Table.id == Seat.table_id)
                .join(Theme, Theme.id == Table.theme_id)
                .join(Day, Day.id == Seat.day_id)
                .where(Day.event_id == event.id)
            ).all()
        }
        arrived = {
            person: (at, desk)
            for person, at, desk in session.execute(
                select(CheckIn.participant_id, CheckIn.checked_in_at, CheckIn.desk).where(
                    CheckIn.day_id == day.id, CheckIn.undone_at.is_(None)
                )
            ).all()
        }
        rows = session.execute(
            select(
                Participant.id,
                Participant.badge_code,
                Participant.first_name,
                Participant.last_name,
                Participant.search_key,
                Participant.language_need,
                Participant.desk_note,
                Participant.day_id,
                Day.number,
                Participant.status,
            )
            .outerjoin(Day, Day.id == Participant.day_id)
            .where(Participant.event_id == event.id)
        ).all()
    no_seat: tuple[int | None, str] = (None, "")
    people = [
        CopiedPerson(
            id=row.id,
            badge_code=row.badge_code,
            name=f"{row.first_name} {row.last_name}".strip(),
            search_key=row.search_key,
            table=seats.get((row.id, day_id), no_seat)[0],
            theme=seats.get((row.id, day_id), no_seat)[1],
            note=" · ".join(part for part in (row.language_need, row.desk_note) if part),
            checked_in_at=arrived.get(row.id, (None, ""))[0],
            checked_in_desk=arrived.get(row.id, (None, ""))[1],
            registered_day=row.number,
            registered_table=seats.get((row.id, row.day_id), no_seat)[0],
            registered_theme=seats.get((row.id, row.day_id), no_seat)[1],
            status=row.status,
        )
        for row in rows
    ]
    copy.replace_list(database=database.describe(), day_number=day_number, people=people)
    return len(people)


def _copied_day_number(copy: DeskCopy) -> int:
    copied = copy.copied_day()
    if copied is None:
        raise NotFound(
            _(
                "This desk has no copy of the day's list yet: connect to the database once "
                "before working without it."
            )
        )
    return copied.day_number


def _result(person: CopiedPerson, status: CheckInStatus, day_number: int) -> CheckInResult:
    # As online: someone of another day is shown their own day's table.
    other_day = status == CheckInStatus.OTHER_DAY
    return CheckInResult(
        status,
        person.id,
        person.name,
        person.registered_table if other_day else person.table,
        person.checked_in_at,
        person.checked_in_desk,
        person.note,
        theme=person.registered_theme if other_day else person.theme,
        day=day_number,
        registered_day=person.registered_day,
    )


def _person_for_scan(copy: DeskCopy, text: str) -> tuple[CopiedPerson | None, bool]:
    """The one person of the copy a scan may stand for, and whether the scan is malformed
    (no reading whose check symbol holds, or two people's readings)."""
    readings = scan_readings(text)
    if not readings:
        return None, True
    found = {person.badge_code: person for person in copy.people_with_codes(readings)}
    holder = scan_holder(readings, {code: person.id for code, person in found.items()})
    if holder is None:
        return None, len(found) > 1
    return next(person for person in found.values() if person.id == holder), False


def check_in_offline(
    copy: DeskCopy,
    *,
    desk: str,
    code: str | None = None,
    participant_id: int | None = None,
    uid: str | None = None,
    any_day: bool = False,
    admitted_by: str = "",
) -> CheckInResult:
    """Check someone in from the desk's copy, into its queue; the answers of
    `check_in_participant` ('already', 'other day' unless `any_day`, 'cancelled', 'not
    selected' unless `admitted_by`), taken from the copy.

    Pass the `uid` of the attempt that failed online, so that if it did reach the
    database after all, sending the queue recognises it.
    """
    day_number = _copied_day_number(copy)
    if code is not None:
        person, malformed = _person_for_scan(copy, code)
        if person is None:
            return CheckInResult(CheckInStatus.UNKNOWN, malformed=malformed)
    else:
        person = copy.person(participant_id) if participant_id is not None else None
    if person is None:
        return CheckInResult(CheckInStatus.UNKNOWN)
    if person.checked_in_at is not None:
        return _result(person, CheckInStatus.ALREADY, day_number)
    if person.status == RegistrationStatus.CANCELLED:
        return replace(_result(person, CheckInStatus.CANCELLED, day_number), desk="")
    if person.status in UNDRAWN_STATUSES and not admitted_by:
        return replace(_result(person, CheckInStatus.NOT_SELECTED, day_number), desk="")
    other_day = person.registered_day is not None and person.registered_day != day_number
    if other_day and not any_day:
        return replace(_result(person, CheckInStatus.OTHER_DAY, day_number), desk="")
    # Sent later, an other-day check-in is recorded with its audit entry as online.
    queued = QueuedCheckIn(
        uid=uid or new_uid(),
        participant_id=person.id,
        day_number=day_number,
        desk=desk,
        at=dt.datetime.now(dt.UTC),
    )
    copy.enqueue(queued)
    return replace(
        _result(person, CheckInStatus.CHECKED_IN, day_number),
        at=queued.at,
        desk=desk,
        uid=queued.uid,
    )


def find_offline(copy: DeskCopy, text: str, *, limit: int = 12) -> list[CopiedPerson]:
    """People in the desk's copy whose names, e-mail or code hold every typed word.

    A scan (in any keyboard layout) that is one person's code finds them alone, one that
    could be two people's finds nobody; any other text (a name may read as a code that
    nobody has) is searched as words.
    """
    person, malformed = _person_for_scan(copy, text)
    if person is not None:
        return [person]
    if malformed and scan_readings(text):
        return []
    return copy.people_matching(query_words(text), limit)


def send_queue(database: Database, copy: DeskCopy) -> SentQueue:
    """Send every waiting check-in, oldest first; each leaves the queue once it is in.

    An entry the database refuses for good (the person or the day was removed since) is
    set aside with its reason, and the rest goes on: one bad entry never blocks the queue.
    Raises DatabaseUnavailable if the database is still out of reach; what was sent
    before that stays sent, the rest waits for the next try.
    """
    sent = duplicates = 0
    set_aside: list[str] = []
    for queued in copy.waiting():
        try:
            result = check_in_participant(
                database,
                queued.participant_id,
                desk=queued.desk,
                day_number=queued.day_number,
                actor=queued.desk,
                uid=queued.uid,
                queued_at=queued.at,
            )
            if result.status == CheckInStatus.ALREADY:
                duplicates += 1
            elif queued.undone_at is not None:
                undo_check_in(
                    database,
                    queued.participant_id,
                    desk=queued.desk,
                    day_number=queued.day_number,
                    reason=_("undone at the desk"),
                    uid=queued.uid,
                )
        except DatabaseUnavailable:
            raise  # out of reach again: this one and the rest wait for the next try
        except KnownError as error:
            copy.set_aside(queued.uid, error.message)
            set_aside.append(error.message)
            continue
        copy.mark_sent(queued.uid)
        sent += 1
    return SentQueue(sent, duplicates, tuple(set_aside))


def sync_desk(database: Database, copy: DeskCopy, day_number: int) -> SentQueue:
    """The desk's regular catch-up: send the queue, then take a fresh copy of the list."""
    sent = send_queue(database, copy)
    copy_day_list(database, copy, day_number)
    return sent
