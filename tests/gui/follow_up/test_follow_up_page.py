"""Opvolging: an organiser picks an idea in the list, chooses where it goes and its status,
types why, saves by keys and sees the history grow; a wrong input shows its sentence and
changes nothing; destinations are kept in their dialog; the report and the export are
written from the page; the page fits a city laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from degenks_desktop.domain.follow_up import FOLLOW_UP_STATUS_LABELS, FollowUpStatus
from degenks_desktop.i18n import _
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import FollowUp, FollowUpDestination, FollowUpStep
from degenks_desktop.ui.follow_up.follow_up_page import (
    DestinationsDialog,
    FollowUpModel,
    FollowUpPage,
)
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from tests.helpers.counts import count
from tests.helpers.fingerprint import fingerprint
from tests.helpers.follow_ups import (
    CONCEPT_TITLE,
    DESTINATIONS,
    HOUSING_IDEAS,
    WORK_IDEAS,
    FollowedDay,
    add_followed_day,
)
from tests.helpers.organisers import add_organiser, as_organiser
from tests.helpers.pdfs import pdf_text
from tests.helpers.pools import ImmediatePool
from tests.helpers.screen_fit import clipped_texts, controls_outside

DONE_WHAT = "Twaalf straten hielden een buurtfeest."


@pytest.fixture
def followed(sqlite_database_url: str) -> Iterator[tuple[Database, FollowedDay]]:
    database = open_database(sqlite_database_url)
    day = add_followed_day(database)
    add_organiser(database)
    yield database, day
    database.close()


@pytest.fixture
def page(qtbot: QtBot, followed: tuple[Database, FollowedDay], settings: QSettings) -> FollowUpPage:
    """The page on an organiser laptop, the organiser signed in, work run at once."""
    database, _day = followed
    settings.setValue(SETTING_DESK_NAME, "organisatie")
    context = AppContext(
        database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    context.reload_event()
    context.organiser.sign_in(as_organiser(database))
    shown = FollowUpPage(context)
    qtbot.addWidget(shown)
    shown.show_event(context.event)
    shown.resize(1366, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def texts(page: FollowUpPage) -> list[str]:
    model = page.view.model()
    return [model.index(row, FollowUpModel.TEXT).data() for row in range(model.rowCount())]


def click_row(qtbot: QtBot, page: FollowUpPage, text: str) -> None:
    """Click the row of `text` in the list, as a person does."""
    row = texts(page).index(text)
    index = page.view.model().index(row, FollowUpModel.TEXT)
    page.view.scrollTo(index)
    qtbot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: page.current_item() is not None and page.current_item().text == text)


def choose_status(qtbot: QtBot, page: FollowUpPage, status: FollowUpStatus) -> None:
    """Go to the status box and step down to `status` with the arrow keys."""
    page.status.setFocus()
    qtbot.keyClick(page.status, Qt.Key.Key_Home)
    for _step in range(list(FollowUpStatus).index(status)):
        qtbot.keyClick(page.status, Qt.Key.Key_Down)
    assert page.status.currentText() == _(FOLLOW_UP_STATUS_LABELS[status])
    qtbot.waitUntil(lambda: page.status.currentData() == status.value)


def history_lines(page: FollowUpPage) -> list[str]:
    return [page.history.item(row).text() for row in range(page.history.count())]


def test_the_list_holds_every_locked_idea_and_concept_and_a_theme_narrows_it(
    qtbot: QtBot, page: FollowUpPage
) -> None:
    ModelTester(None).check(page.model)  # type: ignore[no-untyped-call]
    assert texts(page) == [*HOUSING_IDEAS, *WORK_IDEAS, CONCEPT_TITLE]
    statuses = {
        page.view.model().index(row, FollowUpModel.STATUS).data()
        for row in range(page.view.model().rowCount())
    }
    assert statuses == {_("received")}
    page.theme.setFocus()
    qtbot.keyClicks(page.theme, "Werk")
    qtbot.waitUntil(lambda: texts(page) == [*WORK_IDEAS, CONCEPT_TITLE])


def test_an_organiser_sets_a_status_by_keys_and_sees_the_history(
    qtbot: QtBot, page: FollowUpPage, followed: tuple[Database, FollowedDay]
) -> None:
    database, _day = followed
    click_row(qtbot, page, HOUSING_IDEAS[0])
    assert _("No status set yet: it reads as received.") in history_lines(page)[0]
    page.destination.setFocus()
    qtbot.keyClicks(page.destination, DESTINATIONS[0][:5])
    qtbot.waitUntil(lambda: page.destination.currentText() == DESTINATIONS[0])
    choose_status(qtbot, page, FollowUpStatus.UNDER_STUDY)
    qtbot.keyClicks(page.explanation, "De dienst bekijkt het.")
    qtbot.keyClick(page.explanation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.message.text() == _("Saved: the follow-up report shows it."))
    assert count(database, FollowUpStep) == 1
    assert _("under study") in history_lines(page)[0]
    assert DESTINATIONS[0] in history_lines(page)[0]

    # Then it is done: Tab from the status to the date, the explanation and Save.
    choose_status(qtbot, page, FollowUpStatus.DONE)
    page.explanation.setFocus()
    page.explanation.selectAll()
    qtbot.keyClicks(page.explanation, DONE_WHAT)
    qtbot.keyClick(page.explanation, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.save_button
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(history_lines(page)) == 2)
    latest, earlier = history_lines(page)
    assert _("done") in latest and DONE_WHAT in latest
    assert _("under study") in earlier
    row = texts(page).index(HOUSING_IDEAS[0])
    assert page.view.model().index(row, FollowUpModel.STATUS).data() == _("done")
    assert page.view.model().index(row, FollowUpModel.DESTINATION).data() == DESTINATIONS[0]
    with database.reading() as session:
        (follow_up,) = session.query(FollowUp).all()
        assert (follow_up.status, follow_up.explanation) == ("done", DONE_WHAT)


def test_not_taken_up_without_a_reason_shows_the_sentence_and_changes_nothing(
    qtbot: QtBot,
    page: FollowUpPage,
    followed: tuple[Database, FollowedDay],
    sqlite_database_url: str,
) -> None:
    click_row(qtbot, page, WORK_IDEAS[1])
    before = fingerprint(sqlite_database_url)
    choose_status(qtbot, page, FollowUpStatus.NOT_TAKEN_UP)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    expected = _("Say why it is not taken up: the people who gave the idea read it in the report.")
    qtbot.waitUntil(lambda: page.problem.text() == expected)
    assert page.message.text() == ""
    assert fingerprint(sqlite_database_url) == before


def test_destinations_are_added_and_a_used_one_is_not_removed(
    qtbot: QtBot, page: FollowUpPage, followed: tuple[Database, FollowedDay]
) -> None:
    database, _day = followed
    click_row(qtbot, page, CONCEPT_TITLE)
    page.destination.setFocus()
    qtbot.keyClicks(page.destination, DESTINATIONS[1][:5])
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() != "")

    qtbot.mouseClick(page.destinations_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(DestinationsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Mobiliteit")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.list.count() == 3)
    assert count(database, FollowUpDestination) == 3

    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # Economie en werk, where the concept goes
    qtbot.waitUntil(lambda: dialog.name.text() == DESTINATIONS[1])
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: DESTINATIONS[1] in dialog.problem.text())
    assert count(database, FollowUpDestination) == 3
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.destination.findText("Mobiliteit") >= 0)


def test_the_report_and_the_export_are_written_from_the_page(
    qtbot: QtBot, page: FollowUpPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report, table = tmp_path / "opvolging.pdf", tmp_path / "opvolging.csv"
    targets = iter([report, table])
    monkeypatch.setattr(page, "ask_target", lambda _suggested, _kinds: next(targets))
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(report) in page.outcome.text())
    assert "What happened with your ideas?" in pdf_text(report)
    qtbot.waitUntil(page.export_button.isEnabled)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(table) in page.outcome.text())
    assert CONCEPT_TITLE in table.read_text(encoding="utf-8-sig")


def test_the_page_fits_a_city_laptop(qtbot: QtBot, page: FollowUpPage) -> None:
    click_row(qtbot, page, HOUSING_IDEAS[1])
    qtbot.wait(20)  # the layout settles
    assert controls_outside(page) == []
    assert clipped_texts(page) == []
