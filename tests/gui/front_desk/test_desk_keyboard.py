"""Onthaal keeps the keyboard for the scanner: the first scan after start, after a dialog
and after a language switch lands in the box; no keystroke changes the day; a red card
leaves the box empty; any of the recent check-ins can be undone from the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.storage.models import AuditEntry, CheckIn, Participant
from degenks_desktop.ui.front_desk.station import CheckInStation
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.printing.badge_printing import PrintBadgeDialog
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import SETTING_LANGUAGE, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.counts import active_check_ins
from tests.helpers.desk import answered, day_one_codes, press, type_name


def mnemonic_of(text: str) -> str:
    """The letter after "&" in a label: what Alt+ presses it."""
    return text[text.index("&") + 1].lower()


def test_every_mnemonic_on_onthaal_is_its_own(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    labels = [menu.title() for menu in window.menuBar().findChildren(QMenu)]
    labels += [button.text() for button in window.front_desk.findChildren(QAbstractButton)]
    letters = [mnemonic_of(label) for label in labels if "&" in label]
    assert len(letters) >= 7
    assert len(set(letters)) == len(letters), labels


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def scan_into_focus(qtbot: QtBot, station: CheckInStation, code: str) -> None:
    """Type as a wedge scanner does: each key into whatever has the keyboard at that
    moment, then Enter; then wait for the desk's answer."""
    for key in [*code, Qt.Key.Key_Return]:
        widget = focused()
        assert widget is not None
        if isinstance(key, str):
            qtbot.keyClicks(widget, key)
        else:
            qtbot.keyClick(widget, key)
    answered(qtbot, station)


def shown_window(qtbot: QtBot, window: MainWindow) -> CheckInStation:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    station = window.front_desk.station
    qtbot.waitUntil(lambda: focused() is station.scan_box)
    return station


def test_the_first_scan_after_start_is_checked_in(qtbot: QtBot, context: AppContext) -> None:
    station = shown_window(qtbot, MainWindow(context))
    scan_into_focus(qtbot, station, day_one_codes(context, 1)[0])
    assert station.colour in ("green", "purple")
    assert active_check_ins(context.database) == 1


def test_a_code_starting_with_d_never_changes_the_day(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    station = shown_window(qtbot, window)
    day_before = window.day_picker.currentIndex()
    for _press in range(12):  # Tab all the way round the page: the day is never reached
        qtbot.keyClick(focused() or window, Qt.Key.Key_Tab)
        assert focused() is not window.day_picker
    station.ready()
    qtbot.keyClicks(station.scan_box, "DDDD")
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Down)
    assert window.day_picker.currentIndex() == day_before


def test_after_the_badge_dialog_the_box_has_the_keyboard_again(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(context)
    station = shown_window(qtbot, window)
    opened: list[PrintBadgeDialog] = []

    def closed_at_once(dialog: PrintBadgeDialog) -> QDialog.DialogCode:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PrintBadgeDialog, "exec", closed_at_once)
    mnemonic = mnemonic_of(window.front_desk.badge_button.text())
    qtbot.keyClick(station.scan_box, mnemonic, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(opened))  # the dialog came and went
    qtbot.waitUntil(lambda: focused() is station.scan_box)
    scan_into_focus(qtbot, station, day_one_codes(context, 1)[0])
    assert active_check_ins(context.database) == 1


def test_after_a_language_switch_the_box_has_the_keyboard(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    station = shown_window(qtbot, app_controller.window)
    context.settings.setValue(SETTING_LANGUAGE, "en")
    app_controller.apply_settings(None)
    qtbot.waitUntil(lambda: app_controller.window.workspaces.tabText(0) == "Front desk")
    assert app_controller.window.front_desk.station is station  # the same desk, not rebuilt
    scan_into_focus(qtbot, station, day_one_codes(context, 1)[0])
    assert station.card.text().startswith("Welcome ")


def test_a_red_card_leaves_the_box_empty_for_the_next_scan(
    qtbot: QtBot, context: AppContext
) -> None:
    station = shown_window(qtbot, MainWindow(context))
    scan_into_focus(qtbot, station, "QQQQQQQQQQ")
    assert station.colour == "red"
    assert station.scan_box.text() == ""
    scan_into_focus(qtbot, station, day_one_codes(context, 1)[0])
    assert station.colour in ("green", "purple")
    type_name(qtbot, station, "an")  # in many a name
    assert station.matches.count() > 0
    press(qtbot, station, Qt.Key.Key_Escape)
    assert (station.scan_box.text(), station.matches.count()) == ("", 0)


def test_the_card_names_the_person_in_full_and_the_orange_card_the_table(
    qtbot: QtBot, context: AppContext
) -> None:
    station = shown_window(qtbot, MainWindow(context))
    code = day_one_codes(context, 1)[0]
    with context.database.reading() as session:
        person = session.scalars(select(Participant).where(Participant.badge_code == code)).one()
        full_name = f"{person.first_name} {person.last_name}"
    scan_into_focus(qtbot, station, code)
    assert station.card.text().startswith(f"Welkom {full_name} — ")
    table = station.card.text().split(" — ", 1)[1].splitlines()[0]
    scan_into_focus(qtbot, station, code)
    assert station.colour == "orange"
    assert station.card.text().endswith(f" — {table}")


def test_the_fifth_last_check_in_is_undone_from_the_list(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm(_cls: object, _parent: QWidget, name: str) -> bool:
        asked.append(name)
        return True

    monkeypatch.setattr(CheckInStation, "confirm_undo", classmethod(confirm))
    station = shown_window(qtbot, MainWindow(context))
    codes = day_one_codes(context, 7)
    for code in codes:
        scan_into_focus(qtbot, station, code)
    assert station.recent.rowCount() == 7
    fifth_last = station.recent.results[4]
    station.recent_view.setFocus()
    station.recent_view.selectRow(4)
    qtbot.keyClick(station.recent_view, Qt.Key.Key_Delete)
    answered(qtbot, station)
    assert asked == [fifth_last.name]
    assert station.recent.rowCount() == 6
    assert fifth_last not in station.recent.results
    assert active_check_ins(context.database) == 6
    with context.database.reading() as session:
        undone = session.scalars(
            select(CheckIn.participant_id).where(CheckIn.undone_at.is_not(None))
        ).all()
        audited = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "check_in.undone")
        ).all()
    assert undone == [fifth_last.participant_id]
    assert len(audited) == 1
    assert focused() is station.scan_box  # back to scanning


def add_namesakes(context: AppContext) -> tuple[int, int]:
    """Two registrants of day 1 called Elke De Backer; their ids."""
    assert context.event is not None
    ids = []
    with context.database.transaction() as session:
        for email in ("elke.db@telenet.be", "elke@skynet.be"):
            person = Participant(
                event_id=context.event.id,
                first_name="Elke",
                last_name="De Backer",
                email=email,
                day_id=context.event.days[0].id,
                badge_code=new_badge_code(),
            )
            session.add(person)
            session.flush()
            ids.append(person.id)
    return ids[0], ids[1]


def test_two_identical_names_need_a_pick_and_are_told_apart(
    qtbot: QtBot, context: AppContext
) -> None:
    first, second = add_namesakes(context)
    station = shown_window(qtbot, MainWindow(context))
    type_name(qtbot, station, "elke de backer")
    lines = [station.matches.item(row).text() for row in range(station.matches.count())]
    assert len(lines) == 2 and lines[0] != lines[1]
    assert {line.split("  ·  ")[1] for line in lines} == {"e…@telenet.be", "e…@skynet.be"}
    press(qtbot, station, Qt.Key.Key_Return)
    assert active_check_ins(context.database) == 0  # Enter did not pick for the clerk
    assert station.search_note.text().startswith("2 mensen gevonden")
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Down)
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Down)
    press(qtbot, station, Qt.Key.Key_Return)
    assert station.last is not None
    assert station.last.participant_id == int(
        station.recent.results[0].participant_id or 0
    ) and station.last.participant_id in (first, second)
    assert station.card.text().startswith("Welkom Elke De Backer — ")
    assert active_check_ins(context.database) == 1


def test_a_name_nobody_has_offers_a_walk_in_with_that_name(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[tuple[str, str]] = []

    def look(dialog: WalkInDialog) -> QDialog.DialogCode:
        offered.append((dialog.first_name.text(), dialog.last_name.text()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(WalkInDialog, "exec", look)
    station = shown_window(qtbot, MainWindow(context))
    type_name(qtbot, station, "Zoe Vandeperre")  # QTest types ASCII only
    assert station.matches.count() == 0
    assert station.search_note.text().startswith("Niemand gevonden voor “Zoe Vandeperre”")
    press(qtbot, station, Qt.Key.Key_Return)
    assert offered == [("Zoe", "Vandeperre")]
    assert focused() is station.scan_box and station.scan_box.text() == ""


def day_two_person(context: AppContext) -> tuple[int, str]:
    assert context.event is not None
    with context.database.reading() as session:
        person_id, code = session.execute(
            select(Participant.id, Participant.badge_code)
            .where(Participant.day_id == context.event.days[1].id)
            .order_by(Participant.id)
        ).first() or (0, "")
    return person_id, code


def clerk_says(monkeypatch: pytest.MonkeyPatch, answers: list[bool]) -> list[str]:
    """The clerk's answers to the station's yes-or-no questions, in turn; the questions
    asked are gathered in the list returned."""
    asked: list[str] = []

    def confirm(_cls: object, _parent: QWidget, question: str) -> bool:
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr(CheckInStation, "confirm_other_day", classmethod(confirm))
    return asked


def test_someone_of_another_day_gets_amber_and_waits_for_the_clerk(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = clerk_says(monkeypatch, [False, True])
    window = MainWindow(context)
    window.day_picker.setCurrentIndex(0)
    station = shown_window(qtbot, window)
    person, code = day_two_person(context)
    scan_into_focus(qtbot, station, code)
    assert station.colour == "amber"
    assert "ingeschreven voor dag 2" in station.card.text().lower()
    assert asked and asked[0] == station.card.text()
    assert active_check_ins(context.database) == 0  # the clerk said no: nothing changed
    assert station.recent.rowCount() == 0
    scan_into_focus(qtbot, station, code)
    assert station.colour in ("green", "purple")  # the clerk said yes
    with context.database.reading() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.subject_id == person)
        ).all()
    assert active_check_ins(context.database) == 1
    assert "check_in.other_day" in actions


def test_a_cancelled_registration_gets_its_own_card(qtbot: QtBot, context: AppContext) -> None:
    code = day_one_codes(context, 1)[0]
    with context.database.transaction() as session:
        person = session.scalars(select(Participant).where(Participant.badge_code == code)).one()
        person.status = RegistrationStatus.CANCELLED
    station = shown_window(qtbot, MainWindow(context))
    scan_into_focus(qtbot, station, code)
    assert station.colour == "grey"
    assert "geannuleerd" in station.card.text()
    assert active_check_ins(context.database) == 0


def test_a_scan_into_a_list_or_onto_a_button_still_lands_in_the_box(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context)
    station = shown_window(qtbot, window)
    first, second = day_one_codes(context, 2)
    station.recent_view.setFocus()
    qtbot.waitUntil(lambda: focused() is station.recent_view)
    scan_into_focus(qtbot, station, first)
    assert station.colour in ("green", "purple")
    window.front_desk.walk_in_button.setFocus()
    qtbot.waitUntil(lambda: focused() is window.front_desk.walk_in_button)
    scan_into_focus(qtbot, station, second)
    assert active_check_ins(context.database) == 2


def test_someone_the_draw_left_out_is_a_case_for_an_organiser(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = clerk_says(monkeypatch, [False, True])
    code = day_one_codes(context, 1)[0]
    with context.database.transaction() as session:
        person = session.scalars(select(Participant).where(Participant.badge_code == code)).one()
        person.status = RegistrationStatus.NOT_SELECTED
        person_id, name = person.id, person.full_name
    station = shown_window(qtbot, MainWindow(context))
    scan_into_focus(qtbot, station, code)
    assert station.colour == "blue"  # its own card: not the red of an error
    assert name in station.card.text()
    assert "niet geloot" in station.card.text()
    assert asked and name in asked[0]
    assert active_check_ins(context.database) == 0  # nobody said yes: nothing changed
    scan_into_focus(qtbot, station, code)
    qtbot.waitUntil(lambda: active_check_ins(context.database) == 1)
    with context.database.reading() as session:
        admitted = session.execute(
            select(AuditEntry.actor).where(
                AuditEntry.subject_id == person_id,
                AuditEntry.action == "check_in.undrawn_admitted",
            )
        ).one()
    assert admitted.actor == context.actor()
