"""Switching the database re-points the one context: the whole window works on the new
database at once, and nothing of the old one stays open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.tables.access import demo_pin, sign_in, tables_to_sign_in
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.counts import active_check_ins


def first_code(database: Database, day_id: int) -> str:
    """The badge code of someone registered for the desk's day."""
    with database.reading() as session:
        code = session.scalars(
            select(Participant.badge_code)
            .where(Participant.day_id == day_id)
            .order_by(Participant.id)
        ).first()
    assert code is not None
    return code


def test_after_a_switch_every_workspace_works_on_the_new_database(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    old = context.database
    other_url = sqlite_url(tmp_path / "andere-laptop.sqlite")
    other = open_database(other_url)
    create_demo_event(other, participants=30, seed=7)
    other.close()

    controller = AppController(context)
    window = controller.window
    qtbot.addWidget(window)
    table = tables_to_sign_in(old, 1)[0].number
    window.tables.table_desk.open_table(
        sign_in(old, day_number=1, table_number=table, pin=demo_pin(1, table))
    )
    signed_in_before = window.tables.table_desk.session is not None

    controller.apply_settings(other_url)
    assert context.database.sqlite_path == (tmp_path / "andere-laptop.sqlite").resolve()
    signed_in_after = window.tables.table_desk.session is not None
    assert (signed_in_before, signed_in_after) == (True, False)  # the old table signed out
    assert context.front_desk.database is context.database

    station = window.front_desk.station
    window.workspaces.setCurrentWidget(window.front_desk)
    day = window.selected_day()
    assert day is not None
    qtbot.keyClicks(station.scan_box, first_code(context.database, day.id))
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: station.colour in ("green", "purple"))
    assert active_check_ins(context.database) == 1  # the scan landed in the new database
    qtbot.waitUntil(lambda: window.checked_in_tile.figure.text().startswith("1 / "))
