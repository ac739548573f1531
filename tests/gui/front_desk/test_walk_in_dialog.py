"""The walk-in form, driven with the keyboard as the front desk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.storage.models import CheckIn, Participant
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow


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


def test_questions_open_only_with_consent(qtbot: QtBot, context: AppContext) -> None:
    dialog = open_dialog(qtbot, context)
    assert not dialog.questions.isEnabled()
    dialog.consent.setChecked(True)
    assert dialog.questions.isEnabled()
    dialog.origin.setCurrentIndex(dialog.origin.findData("turkish"))
    dialog.consent.setChecked(False)
    assert dialog.walk_in().answers.is_empty()


def test_a_namesake_is_asked_about_first(
    qtbot: QtBot,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with context.database.reading() as session:
        first, last = session.execute(
            select(Participant.first_name, Participant.last_name).limit(1)
        ).one()
    asked: list[list[str]] = []

    def answer_no(_cls: type, _parent: object, names: list[str]) -> bool:
        asked.append(names)
        return False

    monkeypatch.setattr(WalkInDialog, "confirm_new_person", classmethod(answer_no))
    dialog = open_dialog(qtbot, context)
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.accept()
    assert asked and dialog.result_walk_in is None and dialog.isVisible()


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
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(WalkInDialog, "exec", fill_and_accept)
    before = window.checked_in_tile.figure.text()
    window.front_desk.register_walk_in()
    assert window.front_desk.outcome.text().startswith("Welkom Lien Vanhoof")
    assert window.checked_in_tile.figure.text() != before
