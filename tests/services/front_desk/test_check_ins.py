"""Check-in by code: once per person per day, whatever the desks do at the same moment."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.services.front_desk.check_ins import (
    CheckInStatus,
    check_in_code,
    check_in_participant,
    undo_check_in,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import AuditEntry, CheckIn
from tests.helpers.counts import active_check_ins
from tests.helpers.events import add_small_event


def test_a_scan_checks_in_then_says_already(database: Database) -> None:
    small = add_small_event(database)
    first = check_in_code(database, small.badge_codes[0], desk="onthaal 1")
    assert (first.status, first.name) == (CheckInStatus.CHECKED_IN, "Ayşe Yılmaz")
    again = check_in_code(
        database, format_badge_code(small.badge_codes[0]).lower(), desk="onthaal 2"
    )
    assert (again.status, again.desk) == (CheckInStatus.ALREADY, "onthaal 1")
    assert active_check_ins(database) == 1


def test_unknown_and_garbled_codes_check_in_nobody(database: Database) -> None:
    small = add_small_event(database)
    garbled = small.badge_codes[0][:-1] + ("2" if small.badge_codes[0][-1] != "2" else "3")
    for code in ("", "Ayşe", "&é\"'(§è!çà", garbled, "23456789AB"):
        result = check_in_code(database, code, desk="1")
        assert result.status == CheckInStatus.UNKNOWN
        assert result.participant_id is None
    assert active_check_ins(database) == 0


def test_a_retry_with_the_same_uid_is_not_a_second_check_in(database: Database) -> None:
    small = add_small_event(database)
    for _attempt in range(3):
        result = check_in_participant(
            database, small.participant_ids[1], desk="1", uid="0123456789abcdef0123456789abcdef"
        )
        assert result.status == CheckInStatus.CHECKED_IN
    assert active_check_ins(database) == 1


def test_undo_is_audited_and_allows_a_new_check_in(database: Database) -> None:
    small = add_small_event(database)
    person = small.participant_ids[0]
    check_in_participant(database, person, desk="1")
    assert undo_check_in(database, person, desk="1", reason="verkeerde persoon")
    assert not undo_check_in(database, person, desk="1")
    assert active_check_ins(database) == 0
    assert check_in_participant(database, person, desk="2").status == CheckInStatus.CHECKED_IN
    with database.reading() as session:
        rows = session.scalar(select(func.count()).select_from(CheckIn))
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert rows == 2  # the undone one is kept
    assert actions == ["check_in.created", "check_in.undone", "check_in.created"]


def test_two_desks_at_the_same_moment_check_in_once(database_url: str) -> None:
    setup = open_database(database_url)
    small = add_small_event(setup)
    setup.close()
    results = []
    barrier = threading.Barrier(4)

    def desk(name: str) -> None:
        own = open_database(database_url)  # each desk its own connection, as on its laptop
        barrier.wait()
        results.append(check_in_code(own, small.badge_codes[0], desk=name))
        own.close()

    threads = [threading.Thread(target=desk, args=(f"onthaal {n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(result.status for result in results)
    assert statuses.count(CheckInStatus.CHECKED_IN) == 1
    assert statuses.count(CheckInStatus.ALREADY) == 3
    winner = next(r.desk for r in results if r.status == CheckInStatus.CHECKED_IN)
    assert all(r.desk == winner for r in results)
    check = open_database(database_url)
    assert active_check_ins(check) == 1
    check.close()
