"""The walk-in form, driven with the keyboard as the front desk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.storage.models import CheckIn, Participant
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, SETTING_LANGUAGE, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.counts import active_check_ins, count
from tests.helpers.windows import refreshed


def open_dialog(qtbot: QtBot, context: AppContext) -> WalkInDialog:
    assert context.event is not None
    context.settings.setValue(SETTING_DESK_NAME, "onthaal 3")
    dialog = WalkInDialog(context, event=context.event, day_id=context.event.days[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_walk_in_with_the_keyboard_only(qtbot: QtBot, context: AppContext) -> None:
    dialog = open_dialog(qtbot, context)
    assert dialog.focusWidget() is dialog.first_name
    # QTest types ASCII only; the Turkish letters go in as a keyboard layout would put them.
    qtbot.keyClicks(dialog.first_name, "S")
    dialog.first_name.insert("ükrü")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.last_name
    dialog.last_name.insert("Karaağaçlıoğlu")
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Kies het thema waaraan deze persoon wil werken."
    assert dialog.isVisible()  # still open, nothing stored: no theme is chosen for them
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Tab)  # to the day
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # to the theme
    assert dialog.focusWidget() is dialog.theme
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Down)
    assert dialog.theme.currentIndex() == 0
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Return)
    assert dialog.result_walk_in is not None
    assert dialog.result() == dialog.DialogCode.Accepted
    with context.database.reading() as session:
        person = session.get(Participant, dialog.result_walk_in.participant_id)
        assert person is not None
        assert (person.first_name, person.last_name) == ("Sükrü", "Karaağaçlıoğlu")
        desks = session.scalars(select(CheckIn.desk).where(CheckIn.participant_id == person.id))
        assert desks.all() == ["onthaal 3"]


def test_no_name_is_one_sentence_and_nothing_stored(qtbot: QtBot, context: AppContext) -> None:
    dialog = open_dialog(qtbot, context)
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.text() == "Vul een voornaam of achternaam in."
    assert dialog.result_walk_in is None


def test_the_clerk_ticks_the_postcards_consent_from_the_keyboard(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = open_dialog(qtbot, context)
    qtbot.keyClicks(dialog.first_name, "Lotte")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.last_name, "Vanhees")
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Tab)  # to the day
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # to the theme
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Down)
    # On past the language help and the diversity consent (left unticked: its questions
    # stay closed, and Tab skips them) to the postcard's consent.
    for _field in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.contact_consent
    qtbot.keyClick(dialog.contact_consent, Qt.Key.Key_Space)
    assert dialog.contact_consent.isChecked() and not dialog.consent.isChecked()

    qtbot.keyClick(dialog.contact_consent, Qt.Key.Key_Return)

    assert dialog.result_walk_in is not None
    with context.database.reading() as session:
        person = session.get(Participant, dialog.result_walk_in.participant_id)
        assert person is not None
        assert person.contact_consent and not person.profile_consent
        assert (person.street, person.postcode, person.town) == (None, None, None)


def test_questions_open_only_with_consent(qtbot: QtBot, context: AppContext) -> None:
    dialog = open_dialog(qtbot, context)
    assert not dialog.questions.isEnabled()
    dialog.consent.setChecked(True)
    assert dialog.questions.isEnabled()
    dialog.theme.setCurrentIndex(0)
    dialog.origin.setCurrentIndex(dialog.origin.findData("turkish"))
    dialog.consent.setChecked(False)
    assert dialog.walk_in().answers.is_empty()


def test_a_language_switch_retranslates_the_open_form_keeping_what_is_filled_in(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    controller = app_controller
    dialog = open_dialog(qtbot, context)
    assert dialog.register_button.text() == "Inschrijven en inchecken"
    qtbot.keyClicks(dialog.first_name, "Lien")
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.gender, Qt.Key.Key_Down)
    assert dialog.gender.currentText() == "Vrouw"
    context.settings.setValue(SETTING_LANGUAGE, "en")
    controller.apply_language("en")
    qtbot.waitUntil(lambda: dialog.register_button.text() == "Register and check in")
    assert dialog.windowTitle() == "Walk-in"
    assert dialog.ui.firstNameLabel.text() == "First name"
    assert dialog.theme.placeholderText() == "Choose a theme"
    assert dialog.day.currentText().startswith("Day 1")
    assert dialog.gender.currentText() == "Woman"  # what was chosen stays, in English
    assert dialog.neighbourhood.itemText(0) == "(no answer)"
    assert dialog.first_name.text() == "Lien"
    assert dialog.consent.isChecked() and dialog.questions.isEnabled()
    assert dialog.walk_in().answers.gender == "f"


def namesake(context: AppContext) -> tuple[int, str, str]:
    """Someone registered for the first day: id, first and last name."""
    assert context.event is not None
    with context.database.reading() as session:
        found = session.execute(
            select(Participant.id, Participant.first_name, Participant.last_name)
            .where(Participant.day_id == context.event.days[0].id)
            .limit(1)
        ).one()
    return found[0], found[1], found[2]


def test_a_namesake_is_asked_about_first_and_back_changes_nothing(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _person, first, last = namesake(context)
    asked: list[list[str]] = []

    def go_back(_cls: type, _parent: object, names: list[str]) -> int | None:
        asked.append(names)
        return None

    monkeypatch.setattr(WalkInDialog, "which_person", classmethod(go_back))
    dialog = open_dialog(qtbot, context)
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.theme.setCurrentIndex(0)
    dialog.accept()
    assert asked and dialog.result_walk_in is None and dialog.isVisible()
    assert active_check_ins(context.database) == 0


def test_a_namesake_who_is_this_person_is_checked_in_not_registered_again(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person, first, last = namesake(context)
    monkeypatch.setattr(WalkInDialog, "which_person", classmethod(lambda _c, _p, _n: 0))
    people_before = count(context.database, Participant)
    dialog = open_dialog(qtbot, context)
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.theme.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result_walk_in is None
    assert dialog.result_check_in is not None
    assert dialog.result_check_in.participant_id == person
    assert count(context.database, Participant) == people_before  # nobody new
    assert active_check_ins(context.database) == 1


def test_the_namesake_question_defaults_to_the_registered_person(
    qtbot: QtBot, context: AppContext
) -> None:
    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.defaultButton().text().startswith("Ja, Anna Peeters")
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert (
        WalkInDialog.which_person(parent, ["Anna Peeters (AAAAA-AAAAA)", "Anna Peeters (B)"]) == 0
    )


def test_the_desk_shows_the_new_badge_code(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)

    def fill_and_accept(dialog: WalkInDialog) -> int:
        dialog.first_name.setText("Lien")
        dialog.last_name.setText("Vanhoof")
        dialog.theme.setCurrentIndex(0)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(WalkInDialog, "exec", fill_and_accept)
    before = window.checked_in_tile.figure.text()
    window.front_desk.register_walk_in()
    assert window.front_desk.outcome.text().startswith("Welkom Lien Vanhoof")
    refreshed(qtbot, window)
    assert window.checked_in_tile.figure.text() != before
