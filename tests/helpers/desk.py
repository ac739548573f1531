"""The people a front desk test scans (registrants of the event's first day, in order),
and the clerk's keys, each followed by the wait for the desk's answer."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.front_desk.station import CheckInStation
from degenks_desktop.ui.shell.context import AppContext


class DayOnePerson(NamedTuple):
    """Who to scan, with what to find them by."""

    id: int
    code: str
    last_name: str


def day_one_people(context: AppContext, count: int) -> list[DayOnePerson]:
    """The first `count` people registered for day 1 of the context's event."""
    assert context.event is not None
    with context.database.reading() as session:
        rows = session.execute(
            select(Participant.id, Participant.badge_code, Participant.last_name)
            .where(Participant.day_id == context.event.days[0].id)
            .order_by(Participant.id)
            .limit(count)
        ).all()
    return [DayOnePerson(pid, code, last) for pid, code, last in rows]


def day_one_codes(context: AppContext, count: int) -> list[str]:
    """The badge codes of the first `count` people registered for day 1."""
    return [person.code for person in day_one_people(context, count)]


def answered(qtbot: QtBot, station: CheckInStation) -> None:
    """Wait, as the clerk does, until the desk has answered everything asked of it."""
    qtbot.waitUntil(lambda: station.idle, timeout=10_000)


def scan(qtbot: QtBot, station: CheckInStation, code: str) -> None:
    """A wedge scanner types `code` key by key and Enter; then the card is up."""
    qtbot.keyClicks(station.scan_box, code)
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Return)
    answered(qtbot, station)


def type_name(qtbot: QtBot, station: CheckInStation, text: str) -> None:
    """The clerk types `text` into the box; then the names found are on screen."""
    qtbot.keyClicks(station.scan_box, text)
    answered(qtbot, station)


def press(qtbot: QtBot, station: CheckInStation, key: Qt.Key) -> None:
    """The clerk presses `key` in the box; then the desk has answered."""
    qtbot.keyClick(station.scan_box, key)
    answered(qtbot, station)
