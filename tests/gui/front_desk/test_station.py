"""The check-in station driven as the desk uses it: scans, names, mistakes, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.uids import new_uid
from degenks_desktop.storage.desk_copy import QueuedCheckIn
from degenks_desktop.storage.models import CheckIn
from degenks_desktop.ui.front_desk.station import CheckInStation
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.counts import active_check_ins
from tests.helpers.desk import answered, day_one_people, press, scan, type_name


def open_station(qtbot: QtBot, context: AppContext) -> CheckInStation:
    context.settings.setValue(SETTING_DESK_NAME, "onthaal 2")
    station = CheckInStation(context)
    station.day_number = 1
    qtbot.addWidget(station)
    station.show()
    return station


def test_a_burst_of_scans_typed_as_a_wedge_scanner_types(qtbot: QtBot, context: AppContext) -> None:
    station = open_station(qtbot, context)
    people = day_one_people(context, 5)
    for _pid, code, _last in people:
        scan(qtbot, station, code)  # key by key, as the scanner sends it
        assert station.colour in ("green", "purple"), station.card.text()
        assert station.scan_box.text() == ""
    assert active_check_ins(context.database) == 5
    # The same badge again: orange, with this desk's name and the time.
    scan(qtbot, station, people[0][1])
    assert station.colour == "orange"
    assert "onthaal 2" in station.card.text()
    assert active_check_ins(context.database) == 5


def test_a_scanner_without_enter_and_a_code_with_dashes(qtbot: QtBot, context: AppContext) -> None:
    station = open_station(qtbot, context)
    (_pid, code, _last), (_pid2, code2, _last2) = day_one_people(context, 2)
    qtbot.keyClicks(station.scan_box, code)
    qtbot.waitUntil(lambda: station.colour in ("green", "purple"), timeout=2000)
    scan(qtbot, station, format_badge_code(code2).lower())
    assert station.colour in ("green", "purple")
    assert active_check_ins(context.database) == 2


def test_unknown_and_garbled_scans_are_red_and_check_in_nobody(
    qtbot: QtBot, context: AppContext
) -> None:
    station = open_station(qtbot, context)
    code = day_one_people(context, 1)[0][1]
    wrong_last = "2" if code[-1] != "2" else "3"
    for garbled in (code[:-1] + wrong_last, "ZZZZZZZZZZ"):
        scan(qtbot, station, garbled)
        assert station.colour == "red", garbled
    assert active_check_ins(context.database) == 0


def test_search_by_name_then_pick_with_the_keyboard(qtbot: QtBot, context: AppContext) -> None:
    station = open_station(qtbot, context)
    pid, _code, last = day_one_people(context, 1)[0]
    type_name(qtbot, station, last.encode("ascii", "ignore").decode() or "a")
    assert station.matches.count() >= 1
    ids = [
        station.matches.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(station.matches.count())
    ]
    # One found is chosen already; of several, none until the clerk presses ↓.
    presses = ids.index(pid) + (1 if len(ids) > 1 else 0)
    for _press in range(presses):
        qtbot.keyClick(station.scan_box, Qt.Key.Key_Down)
    assert station.matches.currentItem().data(Qt.ItemDataRole.UserRole) == pid
    press(qtbot, station, Qt.Key.Key_Return)
    assert station.colour in ("green", "purple")
    assert active_check_ins(context.database) == 1


def test_undo_asks_first_and_keeps_the_record(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    station = open_station(qtbot, context)
    scan(qtbot, station, day_one_people(context, 1)[0][1])
    monkeypatch.setattr(CheckInStation, "confirm_undo", classmethod(lambda _c, _p, _n: False))
    qtbot.mouseClick(station.undo_button, Qt.MouseButton.LeftButton)
    answered(qtbot, station)
    assert active_check_ins(context.database) == 1
    monkeypatch.setattr(CheckInStation, "confirm_undo", classmethod(lambda _c, _p, _n: True))
    qtbot.mouseClick(station.undo_button, Qt.MouseButton.LeftButton)
    answered(qtbot, station)
    assert active_check_ins(context.database) == 0
    assert station.colour == "orange"
    with context.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 1


def test_the_desk_counts_arrivals_per_theme_and_table(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.workspaces.setCurrentWidget(window.front_desk)
    station = window.front_desk.station
    station.day_number = 1
    scan(qtbot, station, day_one_people(context, 1)[0][1])
    qtbot.waitUntil(lambda: window.checked_in_tile.figure.text().startswith("1 / "))
    text = station.theme_counts.text()
    assert text.startswith("Per thema: ")
    arrived = [
        part
        for part in text.removeprefix("Per thema: ").split(" · ")
        if part.split(" ")[-1].startswith("1/")
    ]
    assert len(arrived) == 1
    assert window.checked_in_tile.figure.text().startswith("1 / ")


def test_a_queued_check_in_that_can_no_longer_apply_is_shown_at_the_desk(
    qtbot: QtBot, context: AppContext
) -> None:
    station = open_station(qtbot, context)
    station.sync_now()
    qtbot.waitUntil(lambda: not station.syncing)
    assert station.desk.has_copy and station.connection_banner.isHidden()
    # From an outage: someone checked in here who has been removed from the database since.
    station.desk.copy.enqueue(
        QueuedCheckIn(new_uid(), 999_999, 1, "onthaal 2", dt.datetime.now(dt.UTC))
    )
    station.sync_now()
    qtbot.waitUntil(lambda: not station.syncing)
    assert not station.connection_banner.isHidden()
    assert "apart gezet" in station.connection_banner.text()
    assert "geen deelnemer met nummer 999999" in station.connection_banner.text()
    assert station.desk.waiting() == 0
