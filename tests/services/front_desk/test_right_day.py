"""The right person on the right day: someone of another day, or whose registration was
cancelled, is not checked in by a scan; the desk may still take someone of another day
(`any_day`), and the audit says so. The desk's copy gives the same answers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.services.front_desk.check_ins import (
    CheckInResult,
    CheckInStatus,
    check_in_code,
    check_in_participant,
)
from degenks_desktop.services.front_desk.desk import FrontDesk
from degenks_desktop.services.front_desk.offline import (
    check_in_offline,
    copy_day_list,
    send_queue,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.desk_copy import DeskCopy, QueuedCheckIn
from degenks_desktop.storage.models import AuditEntry, CheckIn, Participant, Seat
from tests.helpers.counts import active_check_ins
from tests.helpers.events import SmallEvent, add_small_event


def small_event_with_seats(database: Database) -> SmallEvent:
    """The small event, Ayşe at table 1 on day 1 and Γιώργος (day 2) at table 1 on day 2."""
    small = add_small_event(database)
    with database.transaction() as session:
        session.add_all(
            [
                Seat(
                    participant_id=small.participant_ids[0],
                    day_id=small.day_id,
                    table_id=small.table_ids[0],
                ),
                Seat(
                    participant_id=small.participant_ids[2],
                    day_id=small.other_day_id,
                    table_id=small.other_day_table_id,
                ),
            ]
        )
    return small


def set_person(database: Database, person: int, **values: object) -> None:
    with database.transaction() as session:
        participant = session.get(Participant, person)
        assert participant is not None
        for name, value in values.items():
            setattr(participant, name, value)


def audit_of(database: Database, person: int) -> list[tuple[str, dict[str, object]]]:
    with database.reading() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.details)
            .where(AuditEntry.subject_id == person, AuditEntry.action.like("check_in.%"))
            .order_by(AuditEntry.id)
        ).all()
    return [(action, json.loads(details)) for action, details in rows]


def days_checked_in(database: Database, person: int) -> list[int]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(CheckIn.day_id).where(
                    CheckIn.participant_id == person, CheckIn.undone_at.is_(None)
                )
            )
        )


def shown(result: CheckInResult) -> tuple[object, ...]:
    """What a desk's card shows of a result, the same online and from the copy."""
    return (
        result.status,
        result.participant_id,
        result.name,
        result.table,
        result.theme,
        result.day,
        result.registered_day,
    )


def test_someone_of_the_other_day_is_not_checked_in_by_a_scan(database: Database) -> None:
    small = small_event_with_seats(database)
    giorgos = small.participant_ids[2]
    for result in (
        check_in_code(database, small.badge_codes[2], desk="onthaal 1", day_number=1),
        check_in_participant(database, giorgos, desk="onthaal 1", day_number=1),
    ):
        assert result.status == CheckInStatus.OTHER_DAY
        assert result.name == "Γιώργος Παπαδόπουλος"
        assert (result.day, result.registered_day) == (1, 2)
        # Their table on their own day, to send them on.
        assert (result.table, result.theme) == (1, "Werk")
        assert result.at is None and result.uid == ""
    assert active_check_ins(database) == 0
    assert audit_of(database, giorgos) == []


def test_any_day_checks_them_in_for_the_desks_day_and_the_audit_says_so(
    database: Database,
) -> None:
    small = small_event_with_seats(database)
    giorgos = small.participant_ids[2]
    result = check_in_code(
        database, small.badge_codes[2], desk="onthaal 1", day_number=1, any_day=True
    )
    assert result.status == CheckInStatus.CHECKED_IN
    assert (result.day, result.registered_day) == (1, 2)
    assert result.table is None  # no seat on day 1 (yet)
    assert days_checked_in(database, giorgos) == [small.day_id]
    audit = audit_of(database, giorgos)
    assert [action for action, _details in audit] == ["check_in.created", "check_in.other_day"]
    assert audit[1][1] == {
        "day_id": small.day_id,
        "registered_day_id": small.other_day_id,
        "desk": "onthaal 1",
        "check_in": result.uid,
    }
    # Scanned again that day: already in, whether the desk says any_day or not.
    for any_day in (False, True):
        again = check_in_code(
            database, small.badge_codes[2], desk="onthaal 2", day_number=1, any_day=any_day
        )
        assert (again.status, again.desk) == (CheckInStatus.ALREADY, "onthaal 1")
    assert active_check_ins(database) == 1


def test_without_a_day_the_desk_takes_the_persons_own(database: Database) -> None:
    small = small_event_with_seats(database)
    result = check_in_code(database, small.badge_codes[2], desk="onthaal 1")
    assert result.status == CheckInStatus.CHECKED_IN
    assert (result.day, result.registered_day, result.table) == (2, 2, 1)
    assert days_checked_in(database, small.participant_ids[2]) == [small.other_day_id]
    assert [a for a, _d in audit_of(database, small.participant_ids[2])] == ["check_in.created"]


def test_someone_without_a_day_is_never_of_another_day(database: Database) -> None:
    small = small_event_with_seats(database)
    jan = small.participant_ids[1]
    set_person(database, jan, day_id=None)
    result = check_in_code(database, small.badge_codes[1], desk="onthaal 1", day_number=2)
    assert result.status == CheckInStatus.CHECKED_IN
    assert (result.day, result.registered_day) == (2, None)
    assert [a for a, _d in audit_of(database, jan)] == ["check_in.created"]


def test_a_cancelled_registration_is_not_checked_in_not_even_for_any_day(
    database: Database,
) -> None:
    small = small_event_with_seats(database)
    ayse = small.participant_ids[0]
    set_person(database, ayse, status=RegistrationStatus.CANCELLED)
    for any_day in (False, True):
        result = check_in_code(
            database, small.badge_codes[0], desk="onthaal 1", day_number=1, any_day=any_day
        )
        assert result.status == CheckInStatus.CANCELLED
        assert (result.participant_id, result.name) == (ayse, "Ayşe Yılmaz")
        assert (result.day, result.registered_day, result.table) == (1, 1, 1)
    assert active_check_ins(database) == 0
    assert audit_of(database, ayse) == []


def test_the_desks_copy_gives_the_same_answers(database: Database, tmp_path: Path) -> None:
    small = small_event_with_seats(database)
    set_person(database, small.participant_ids[1], status=RegistrationStatus.CANCELLED)
    copy = DeskCopy(tmp_path / "desk.sqlite")
    copy_day_list(database, copy, 1)
    for index, code in enumerate(small.badge_codes):
        offline = check_in_offline(copy, desk="onthaal 1", code=code)
        online = check_in_code(database, code, desk="onthaal 1", day_number=1)
        assert shown(offline) == shown(online), index
    assert [shown(r)[0] for r in (offline, online)] == [CheckInStatus.OTHER_DAY] * 2
    # Only Ayşe went into the queue: Jan is cancelled, Γιώργος is of day 2.
    assert [queued.participant_id for queued in copy.waiting()] == [small.participant_ids[0]]


def test_any_day_from_the_copy_is_queued_and_arrives_audited(
    database: Database, tmp_path: Path
) -> None:
    small = small_event_with_seats(database)
    giorgos = small.participant_ids[2]
    copy = DeskCopy(tmp_path / "desk.sqlite")
    copy_day_list(database, copy, 1)
    assert check_in_offline(copy, desk="onthaal 1", code=small.badge_codes[2]).status == (
        CheckInStatus.OTHER_DAY
    )
    assert copy.waiting() == []
    taken = check_in_offline(copy, desk="onthaal 1", code=small.badge_codes[2], any_day=True)
    assert taken.status == CheckInStatus.CHECKED_IN
    assert (taken.day, taken.registered_day) == (1, 2)
    assert check_in_offline(copy, desk="onthaal 1", participant_id=giorgos).status == (
        CheckInStatus.ALREADY
    )
    assert send_queue(database, copy).sent == 1
    assert days_checked_in(database, giorgos) == [small.day_id]
    assert [a for a, _d in audit_of(database, giorgos)] == [
        "check_in.created",
        "check_in.other_day",
    ]


def test_a_queued_check_in_is_recorded_even_if_the_database_now_disagrees(
    database: Database, tmp_path: Path
) -> None:
    # The desk let Jan in from its copy; meanwhile his registration moved to day 2. The
    # desk showed green, so the check-in is kept, and the audit tells the other day.
    small = small_event_with_seats(database)
    jan = small.participant_ids[1]
    copy = DeskCopy(tmp_path / "desk.sqlite")
    copy_day_list(database, copy, 1)
    assert check_in_offline(copy, desk="onthaal 1", participant_id=jan).status == (
        CheckInStatus.CHECKED_IN
    )
    set_person(database, jan, day_id=small.other_day_id)
    assert send_queue(database, copy).sent == 1
    assert days_checked_in(database, jan) == [small.day_id]
    assert [a for a, _d in audit_of(database, jan)] == ["check_in.created", "check_in.other_day"]


def test_the_front_desk_passes_any_day_through_online_and_offline(
    database: Database, tmp_path: Path
) -> None:
    small = small_event_with_seats(database)
    desk = FrontDesk(database, DeskCopy(tmp_path / "desk.sqlite"))
    desk.catch_up(1)
    code = small.badge_codes[2]
    assert desk.check_in(desk="1", day_number=1, code=code).status == CheckInStatus.OTHER_DAY
    desk.online = False  # as after an outage: the copy answers
    assert desk.check_in(desk="1", day_number=1, code=code).status == CheckInStatus.OTHER_DAY
    offline = desk.check_in(desk="1", day_number=1, code=code, any_day=True)
    assert offline.status == CheckInStatus.CHECKED_IN
    desk.catch_up(1)
    assert desk.online
    assert days_checked_in(database, small.participant_ids[2]) == [small.day_id]
    online = desk.check_in(
        desk="1", day_number=1, participant_id=small.participant_ids[2], any_day=True
    )
    assert online.status == CheckInStatus.ALREADY


OLD_COPY_SCHEMA = """
CREATE TABLE copied_list (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE person (
    id INTEGER PRIMARY KEY, badge_code TEXT NOT NULL, name TEXT NOT NULL,
    search_key TEXT NOT NULL, table_number INTEGER, theme TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '', checked_in_at TEXT,
    checked_in_desk TEXT NOT NULL DEFAULT ''
);
CREATE TABLE queued_check_in (
    uid TEXT PRIMARY KEY, participant_id INTEGER NOT NULL, day_number INTEGER NOT NULL,
    desk TEXT NOT NULL, at TEXT NOT NULL, undone_at TEXT, sent_at TEXT
);
INSERT INTO copied_list VALUES ('database', 'old'), ('day_number', '1'),
    ('taken_at', '2013-03-04T08:00:00+00:00');
INSERT INTO person (id, badge_code, name, search_key) VALUES (3, 'X', 'Γιώργος', 'g');
INSERT INTO queued_check_in VALUES ('u1', 1, 1, 'onthaal 1', '2013-03-04T09:00:00+00:00',
    NULL, NULL);
"""


def test_a_copy_from_an_older_version_is_taken_again_and_keeps_its_queue(
    database: Database, tmp_path: Path
) -> None:
    # Its list does not know who is of which day: answering from it could let someone in
    # on the wrong day, so the desk has no list until it copies again; the queue stays.
    path = tmp_path / "desk.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript(OLD_COPY_SCHEMA)
    copy = DeskCopy(path)
    assert copy.copied_day() is None
    assert [queued.uid for queued in copy.waiting()] == ["u1"]
    assert isinstance(copy.waiting()[0], QueuedCheckIn)
    small = small_event_with_seats(database)
    copy_day_list(database, copy, 1)
    assert check_in_offline(copy, desk="1", code=small.badge_codes[2]).status == (
        CheckInStatus.OTHER_DAY
    )
    DeskCopy(path)  # opening the new file again changes nothing
    assert copy.copied_day() is not None
