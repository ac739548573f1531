"""`FrontDesk`: one desk that checks in on the database while it answers, and on its own
copy when it does not, then catches up without losing or doubling anyone."""

from __future__ import annotations

from pathlib import Path

import pytest

from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.services.front_desk.check_ins import CheckInStatus
from degenks_desktop.services.front_desk.desk import FrontDesk
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.desk_copy import DeskCopy
from tests.helpers.counts import active_check_ins
from tests.helpers.events import add_small_event
from tests.helpers.outage import HaltingServer


def test_online_the_desk_checks_in_finds_and_undoes_on_the_database(
    database: Database, tmp_path: Path
) -> None:
    small = add_small_event(database)
    desk = FrontDesk(database, DeskCopy(tmp_path / "desk.sqlite"))
    first = desk.check_in(desk="onthaal 1", day_number=1, code=small.badge_codes[0])
    assert first.status == CheckInStatus.CHECKED_IN
    again = desk.check_in(desk="onthaal 2", day_number=1, code=small.badge_codes[0])
    assert (again.status, again.desk) == (CheckInStatus.ALREADY, "onthaal 1")
    by_name = desk.find(first.name.split(" ")[0])
    assert [(p.id, p.checked_in) for p in by_name][:1] == [(first.participant_id, True)]
    desk.undo(first, desk="onthaal 1", day_number=1)
    assert active_check_ins(database) == 0
    assert desk.online
    assert desk.waiting() == 0  # nothing went through the queue


def test_a_desk_opened_on_a_database_keeps_its_copy_in_the_data_folder(
    sqlite_database: Database,
) -> None:
    desk = FrontDesk.for_database(sqlite_database)
    add_small_event(sqlite_database)
    copied_before = desk.has_copy
    desk.catch_up(1)
    assert (copied_before, desk.has_copy) == (False, True)
    assert FrontDesk.for_database(sqlite_database).has_copy  # the same file, next start


def test_through_a_real_outage_nothing_is_lost_or_doubled(
    halting_postgres: HaltingServer, tmp_path: Path
) -> None:
    database = open_database(halting_postgres.url)
    small = add_small_event(database)
    desk = FrontDesk(database, DeskCopy(tmp_path / "desk.sqlite"))
    desk.catch_up(1)

    halting_postgres.halt()
    first = desk.check_in(desk="onthaal 1", day_number=1, code=small.badge_codes[0])
    assert first.status == CheckInStatus.CHECKED_IN
    assert not desk.online
    assert "PostgreSQL" in desk.outage  # the sentence the banner shows
    assert desk.check_in(desk="onthaal 1", day_number=1, code=small.badge_codes[0]).status == (
        CheckInStatus.ALREADY
    )
    second = desk.check_in(desk="onthaal 1", day_number=1, participant_id=small.participant_ids[1])
    desk.undo(second, desk="onthaal 1", day_number=1)  # undone in the queue
    assert [p.id for p in desk.find(first.name.split(" ")[-1])][:1] == [first.participant_id]
    assert desk.waiting() == 2
    with pytest.raises(DatabaseUnavailable):
        desk.catch_up(1)
    assert desk.waiting() == 2  # a failed try loses nothing

    halting_postgres.resume()
    sent = desk.catch_up(1)
    assert (sent.sent, desk.online, desk.outage) == (2, True, "")
    assert active_check_ins(database) == 1  # the first stands, the undone one does not
    assert desk.catch_up(1).sent == 0  # sending again doubles nothing
    assert active_check_ins(database) == 1
    database.close()
