"""Onthaal in another language, mid-morning: the card on screen, the recent check-ins, the
names found for a half-typed name and the outage banner say the same in English, on the
same station, and the next scan goes on as before."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from degenks_desktop.domain.uids import new_uid
from degenks_desktop.storage.desk_copy import QueuedCheckIn
from degenks_desktop.ui.front_desk.station import CheckInStation
from degenks_desktop.ui.printing.badge_printing import PrintBadgeDialog
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.desk import day_one_people, press, scan, type_name


def shown_desk(qtbot: QtBot, app_controller: AppController) -> CheckInStation:
    """The window on screen at Onthaal, the scan box with the keyboard."""
    window = app_controller.window
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    station = window.front_desk.station
    qtbot.waitUntil(lambda: QApplication.focusWidget() is station.scan_box)
    # The clerk reads the card for as long as the test takes: it is not cleared meanwhile.
    station.clear_timer.setInterval(600_000)
    return station


def chosen_id(station: CheckInStation) -> object:
    item = station.matches.currentItem()
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def headers(station: CheckInStation) -> list[str]:
    model = station.recent
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def test_the_card_the_lists_and_the_typed_name_carry_over_into_english(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    first, second = day_one_people(context, 2)
    station = shown_desk(qtbot, app_controller)
    scan(qtbot, station, first.code)
    assert station.colour in ("green", "purple")
    dutch_card = station.card.text()
    assert dutch_card.startswith("Welkom ")
    assert headers(station) == ["Uur", "Naam", "Tafel"]
    # Someone asks for the person just checked in: the clerk types half their name and
    # chooses them among the people found.
    typed = first.last_name[:4]
    type_name(qtbot, station, typed)
    for _step in range(station.matches.count()):
        if chosen_id(station) == first.id:
            break
        press(qtbot, station, Qt.Key.Key_Down)
    assert chosen_id(station) == first.id
    chosen_text = station.matches.currentItem().text()
    assert "ingecheckt" in chosen_text

    app_controller.apply_language("en")

    qtbot.waitUntil(lambda: station.card.text().startswith("Welcome "))
    assert app_controller.window.front_desk.station is station  # the same desk, not rebuilt
    assert station.colour in ("green", "purple")
    answer = station.last
    assert answer is not None
    table = "no table yet" if answer.table is None else f"Table {answer.table}, {answer.theme}"
    assert station.card.text().splitlines()[0] == f"Welcome {answer.name} — {table}"
    assert station.card.text().splitlines()[1:] == dutch_card.splitlines()[1:]  # a note is data
    assert headers(station) == ["Time", "Name", "Table"]
    assert [result.name for result in station.recent.results] == [answer.name]
    if answer.table is None:
        assert station.recent.index(0, station.recent.TABLE).data() == "no table yet"
    assert [index.row() for index in station.recent_view.selectionModel().selectedRows()] == [0]
    assert station.scan_box.text() == typed  # the half-typed name is still there
    assert chosen_id(station) == first.id  # and the person chosen still chosen
    assert station.matches.currentItem().text().endswith("checked in")
    assert "ingecheckt" not in station.matches.currentItem().text()
    if station.matches.count() > 1:
        assert "found: choose with ↑ and ↓" in station.search_note.text()
    assert station.scan_box.placeholderText() == "Scan the QR code or type a name"
    assert station.recent_title.text() == "Recently checked in at this desk"
    assert station.undo_button.text() == "&Undo the last check-in"
    assert app_controller.window.front_desk.walk_in_button.text() == "&Walk-in…"

    press(qtbot, station, Qt.Key.Key_Escape)
    scan(qtbot, station, second.code)
    assert station.colour in ("green", "purple")
    assert station.card.text().startswith("Welcome ")
    assert station.recent.rowCount() == 2
    assert station.theme_counts.text().startswith("Per theme: ")


def test_the_outage_banner_says_in_english_what_was_set_aside(
    qtbot: QtBot, app_controller: AppController
) -> None:
    station = shown_desk(qtbot, app_controller)
    qtbot.waitUntil(lambda: station.desk.has_copy and not station.syncing)
    # From an outage: someone checked in here who has been removed from the database since.
    station.desk.copy.enqueue(
        QueuedCheckIn(new_uid(), 999_999, 1, station.desk_name, dt.datetime.now(dt.UTC))
    )
    station.sync_now()
    qtbot.waitUntil(lambda: not station.syncing)
    assert "apart gezet" in station.connection_banner.text()

    app_controller.apply_language("en")

    qtbot.waitUntil(lambda: "set aside" in station.connection_banner.text())
    assert station.connection_banner.text().startswith("1 check-in from this desk")
    assert not station.connection_banner.isHidden()


def test_the_badge_dialog_switches_to_english_keeping_the_person_found(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    shown_desk(qtbot, app_controller)
    person = day_one_people(context, 1)[0]
    dialog = PrintBadgeDialog(context, parent=app_controller.window.front_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, person.last_name)
    for _step in range(dialog.results.count()):
        if dialog.selected() == person.id:
            break
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.selected() == person.id
    assert (dialog.windowTitle(), dialog.print_button.text()) == (
        "Een badge afdrukken",
        "&Afdrukken",
    )

    app_controller.apply_language("en")

    qtbot.waitUntil(lambda: dialog.windowTitle() == "Print a badge")
    assert dialog.print_button.text() == "&Print"
    assert dialog.pdf_button.text() == "&Save as PDF…"
    assert dialog.search.placeholderText() == "Name or badge code"
    assert dialog.search.text() == person.last_name
    assert dialog.selected() == person.id
