"""A desk that keeps working when the database is out of reach, and catches up after.

While the database answers, the desk keeps a copy of the day's list (`copy_day_list`).
When it does not, check-ins go to the desk's queue (`check_in_offline`), each with the
uid the desk gave it, and `send_queue` sends them when the database is back: a retry is
recognised by its uid, and a person checked in at two desks during the outage ends
checked in once, the second desk's record kept as an audited duplicate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select

from degenks_desktop.domain.badge_codes import is_valid_badge_code, normalise_badge_code
from degenks_desktop.domain.search import query_words
from degenks_desktop.domain.uids import new_uid
from degenks_desktop.errors import NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import (
    CheckInResult,
    CheckInStatus,
    check_in_participant,
    undo_check_in,
)
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.desk_copy import CopiedPerson, DeskCopy, QueuedCheckIn
from degenks_desktop.storage.models import CheckIn, Participant, Seat, Table, Theme


@dataclass(frozen=True)
class SentQueue:
    """What sending the queue came to."""

    sent: int
    duplicates: int


def copy_day_list(database: Database, copy: DeskCopy, day_number: int) -> int:
    """Copy everyone of the event, with the day's tables and check-ins; return how many."""
    with database.reading() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        seats = {
            person: (number, theme)
            for person, number, theme in session.execute(
                select(Seat.participant_id, Table.number, Theme.name)
                .join(Table, Table.id == Seat.table_id)
                .join(Theme, Theme.id == Table.theme_id)
                .where(Seat.day_id == day.id)
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
            ).where(Participant.event_id == event.id)
        ).all()
    people = [
        CopiedPerson(
            id=pid,
            badge_code=code,
            name=f"{first} {last}".strip(),
            search_key=key,
            table=seats.get(pid, (None, ""))[0],
            theme=seats.get(pid, (None, ""))[1],
            note=" · ".join(part for part in (language_need, desk_note) if part),
            checked_in_at=arrived.get(pid, (None, ""))[0],
            checked_in_desk=arrived.get(pid, (None, ""))[1],
        )
        for pid, code, first, last, key, language_need, desk_note in rows
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


def _result(person: CopiedPerson, status: CheckInStatus) -> CheckInResult:
    return CheckInResult(
        status,
        person.id,
        person.name,
        person.table,
        person.checked_in_at,
        person.checked_in_desk,
        person.note,
        theme=person.theme,
    )


def check_in_offline(
    copy: DeskCopy,
    *,
    desk: str,
    code: str | None = None,
    participant_id: int | None = None,
    uid: str | None = None,
) -> CheckInResult:
    """Check someone in from the desk's copy, into its queue; 'already' if the copy says so.

    Pass the `uid` of the attempt that failed online, so that if it did reach the
    database after all, sending the queue recognises it.
    """
    day_number = _copied_day_number(copy)
    if code is not None:
        if not is_valid_badge_code(code):
            return CheckInResult(CheckInStatus.UNKNOWN, malformed=True)
        person = copy.person_with_code(normalise_badge_code(code))
    else:
        person = copy.person(participant_id) if participant_id is not None else None
    if person is None:
        return CheckInResult(CheckInStatus.UNKNOWN)
    if person.checked_in_at is not None:
        return _result(person, CheckInStatus.ALREADY)
    queued = QueuedCheckIn(
        uid=uid or new_uid(),
        participant_id=person.id,
        day_number=day_number,
        desk=desk,
        at=dt.datetime.now(dt.UTC),
    )
    copy.enqueue(queued)
    return replace(
        _result(person, CheckInStatus.CHECKED_IN), at=queued.at, desk=desk, uid=queued.uid
    )


def find_offline(copy: DeskCopy, text: str, *, limit: int = 12) -> list[CopiedPerson]:
    """People in the desk's copy whose names, e-mail or code hold every typed word."""
    if is_valid_badge_code(text):
        person = copy.person_with_code(normalise_badge_code(text))
        return [person] if person else []
    return copy.people_matching(query_words(text), limit)


def send_queue(database: Database, copy: DeskCopy) -> SentQueue:
    """Send every waiting check-in, oldest first; each leaves the queue once it is in.

    Raises DatabaseUnavailable if the database is still out of reach; what was sent
    before that stays sent, the rest waits for the next try.
    """
    sent = duplicates = 0
    for queued in copy.waiting():
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
        copy.mark_sent(queued.uid)
        sent += 1
    return SentQueue(sent, duplicates)


def sync_desk(database: Database, copy: DeskCopy, day_number: int) -> SentQueue:
    """The desk's regular catch-up: send the queue, then take a fresh copy of the list."""
    sent = send_queue(database, copy)
    copy_day_list(database, copy, day_number)
    return sent
