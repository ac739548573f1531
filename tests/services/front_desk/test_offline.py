"""The desk without its database: a copy of the day's list, a queue, and catching up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from degenks_desktop.domain.uids import new_uid
from degenks_desktop.errors import DatabaseUnavailable, NotFound
from degenks_desktop.services.front_desk.check_ins import (
    CheckInStatus,
    check_in_code,
    check_in_participant,
)
from degenks_desktop.services.front_desk.offline import (
    check_in_offline,
    copy_day_list,
    find_offline,
    send_queue,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.desk_copy import DeskCopy, QueuedCheckIn
from degenks_desktop.storage.models import AuditEntry, CheckIn
from tests.helpers.events import add_small_event
from tests.helpers.outage import HaltingServer


def check_ins(database: Database) -> tuple[int, int]:
    """(active check-ins, all check-in records)."""
    with database.reading() as session:
        active = session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.undone_at.is_(None))
        )
        every = session.scalar(select(func.count()).select_from(CheckIn))
    return int(active or 0), int(every or 0)


def audit_actions(database: Database, subject_id: int) -> list[tuple[str, str]]:
    with database.reading() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.actor)
            .where(AuditEntry.subject_id == subject_id, AuditEntry.action.like("check_in.%"))
            .order_by(AuditEntry.id)
        ).all()
    return [(action, actor) for action, actor in rows]


def test_the_copy_knows_who_arrived_and_checks_in_into_the_queue(
    database: Database, tmp_path: Path
) -> None:
    small = add_small_event(database)
    check_in_code(database, small.badge_codes[0], desk="onthaal 1", day_number=1)
    copy = DeskCopy(tmp_path / "desk.sqlite")
    assert copy_day_list(database, copy, 1) == 3

    earlier = check_in_offline(copy, desk="onthaal 2", code=small.badge_codes[0])
    assert (earlier.status, earlier.desk) == (CheckInStatus.ALREADY, "onthaal 1")
    first = check_in_offline(copy, desk="onthaal 2", code=small.badge_codes[1].lower())
    assert first.status == CheckInStatus.CHECKED_IN
    again = check_in_offline(copy, desk="onthaal 2", code=small.badge_codes[1])
    assert (again.status, again.desk) == (CheckInStatus.ALREADY, "onthaal 2")
    unknown = check_in_offline(copy, desk="onthaal 2", code="23456789AB")
    assert unknown.status == CheckInStatus.UNKNOWN
    assert [person.name for person in find_offline(copy, "yilmaz")] == ["Ayşe Yılmaz"]
    assert len(copy.waiting()) == 1
    assert check_ins(database) == (1, 1)  # nothing reached the database yet

    outcome = send_queue(database, copy)
    assert (outcome.sent, outcome.duplicates) == (1, 0)
    assert copy.waiting() == []
    assert check_ins(database) == (2, 2)
    with database.reading() as session:
        desk, at = session.execute(
            select(CheckIn.desk, CheckIn.checked_in_at).where(CheckIn.uid == first.uid)
        ).one()
    assert desk == "onthaal 2"
    assert first.at is not None
    assert abs((at - first.at).total_seconds()) < 1  # the time of the scan, not of sending


def test_a_queue_sent_twice_doubles_nothing(database: Database, tmp_path: Path) -> None:
    small = add_small_event(database)
    copy = DeskCopy(tmp_path / "desk.sqlite")
    copy_day_list(database, copy, 1)
    queued = check_in_offline(copy, desk="onthaal 2", participant_id=small.participant_ids[1])
    # The desk sent it, but died before it could strike it off its queue.
    waiting = copy.waiting()[0]
    check_in_participant(
        database,
        waiting.participant_id,
        desk=waiting.desk,
        day_number=1,
        uid=waiting.uid,
        queued_at=waiting.at,
    )
    outcome = send_queue(database, copy)
    assert (outcome.sent, outcome.duplicates) == (1, 0)
    assert check_ins(database) == (1, 1)
    assert queued.uid == waiting.uid


def test_two_desks_in_an_outage_check_the_same_person_in_once_and_both_are_audited(
    database: Database, tmp_path: Path
) -> None:
    small = add_small_event(database)
    desk_one = DeskCopy(tmp_path / "one.sqlite")
    desk_two = DeskCopy(tmp_path / "two.sqlite")
    for copy in (desk_one, desk_two):
        copy_day_list(database, copy, 1)
    person = small.participant_ids[0]
    check_in_offline(desk_one, desk="onthaal 1", participant_id=person)
    check_in_offline(desk_two, desk="onthaal 2", code=small.badge_codes[0])
    assert send_queue(database, desk_two).duplicates == 0
    assert send_queue(database, desk_one).duplicates == 1
    assert check_ins(database) == (1, 2)
    assert audit_actions(database, person) == [
        ("check_in.created", "onthaal 2"),
        ("check_in.duplicate", "onthaal 1"),
    ]
    # Sending again (a retry after a crash) adds no third record.
    check_in_participant(database, person, desk="onthaal 1", day_number=1, uid=None, queued_at=None)
    assert check_ins(database) == (1, 2)


def test_an_undo_during_the_outage_arrives_as_a_check_in_and_its_undo(
    database: Database, tmp_path: Path
) -> None:
    small = add_small_event(database)
    copy = DeskCopy(tmp_path / "desk.sqlite")
    copy_day_list(database, copy, 1)
    wrong = check_in_offline(copy, desk="onthaal 1", participant_id=small.participant_ids[1])
    assert wrong.at is not None
    assert copy.undo(wrong.uid, wrong.at)
    assert (
        check_in_offline(copy, desk="onthaal 1", participant_id=small.participant_ids[1]).status
        == CheckInStatus.CHECKED_IN
    )
    send_queue(database, copy)
    assert check_ins(database) == (1, 2)
    assert [action for action, _actor in audit_actions(database, small.participant_ids[1])] == [
        "check_in.created",
        "check_in.undone",
        "check_in.created",
    ]


def test_a_desk_without_a_copy_says_what_to_do(tmp_path: Path) -> None:
    copy = DeskCopy(tmp_path / "desk.sqlite")
    with pytest.raises(NotFound, match="nog geen kopie van de lijst"):
        check_in_offline(copy, desk="onthaal 1", code="23456789AB")


def test_the_queue_survives_a_real_postgresql_outage(
    halting_postgres: HaltingServer, tmp_path: Path
) -> None:
    database = open_database(halting_postgres.url)
    small = add_small_event(database)
    desk_one = DeskCopy(tmp_path / "one.sqlite")
    desk_two = DeskCopy(tmp_path / "two.sqlite")
    for copy in (desk_one, desk_two):
        copy_day_list(database, copy, 1)

    halting_postgres.halt()
    with pytest.raises(DatabaseUnavailable, match="PostgreSQL"):
        check_in_code(database, small.badge_codes[0], desk="onthaal 1", uid="a" * 32)
    # The desk goes on from its copy, with the uid of the attempt that failed.
    assert (
        check_in_offline(desk_one, desk="onthaal 1", code=small.badge_codes[0], uid="a" * 32).status
        == CheckInStatus.CHECKED_IN
    )
    check_in_offline(desk_one, desk="onthaal 1", code=small.badge_codes[1])
    check_in_offline(desk_two, desk="onthaal 2", code=small.badge_codes[0])  # same person
    with pytest.raises(DatabaseUnavailable):
        send_queue(database, desk_one)
    assert len(desk_one.waiting()) == 2  # nothing lost by the failed try

    halting_postgres.resume()
    assert send_queue(database, desk_one).sent == 2
    assert send_queue(database, desk_two).duplicates == 1
    assert check_ins(database) == (2, 3)
    assert audit_actions(database, small.participant_ids[0]) == [
        ("check_in.created", "onthaal 1"),
        ("check_in.duplicate", "onthaal 2"),
    ]
    database.close()


def test_an_entry_that_can_no_longer_apply_is_set_aside_and_the_rest_is_sent(
    database: Database, tmp_path: Path
) -> None:
    small = add_small_event(database)
    copy = DeskCopy(tmp_path / "desk.sqlite")
    copy_day_list(database, copy, 1)
    check_in_offline(copy, desk="onthaal 2", participant_id=small.participant_ids[0])
    # Someone the desk checked in who has since been removed from the database.
    copy.enqueue(
        QueuedCheckIn(
            uid=new_uid(),
            participant_id=999_999,
            day_number=1,
            desk="onthaal 2",
            at=dt.datetime.now(dt.UTC),
        )
    )
    check_in_offline(copy, desk="onthaal 2", participant_id=small.participant_ids[1])
    outcome = send_queue(database, copy)
    assert outcome.sent == 2  # the poisoned entry did not hold the others back
    assert outcome.set_aside == ("Er is geen deelnemer met nummer 999999.",)
    assert check_ins(database) == (2, 2)
    assert copy.waiting() == []  # the next try does not stumble on it again
    [(aside, reason)] = copy.set_aside_entries()
    assert (aside.participant_id, reason) == (999_999, outcome.set_aside[0])
    assert send_queue(database, copy).sent == 0
