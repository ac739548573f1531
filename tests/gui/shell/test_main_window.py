"""The main window opens on the event, in Dutch, with live counts and three workspaces."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop import i18n
from degenks_desktop.services.organising.stats import event_stats
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Participant
from degenks_desktop.ui.organising.theme_model import ThemeOverviewModel
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.windows import refreshed


def open_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def expected_on_day_one(database: Database) -> int:
    return next(day.expected for day in event_stats(database).days if day.number == 1)


def test_the_window_shows_the_event_and_its_counts(qtbot: QtBot, context: AppContext) -> None:
    window = open_window(qtbot, context)
    assert window.event_name.text() == "G360 — De Genks"
    assert "G360" in window.windowTitle()
    assert window.day_picker.count() == 2
    assert window.day_picker.currentText().startswith("Dag 1 — maandag 4 maart 2013")
    expected = expected_on_day_one(context.database)
    refreshed(qtbot, window)
    assert window.checked_in_tile.figure.text() == f"0 / {expected}"
    assert window.participants_tile.figure.text() == "60"
    tabs = [window.workspaces.tabText(i) for i in range(window.workspaces.count())]
    assert tabs == ["Onthaal", "Tafels", "Organisatie"]
    assert window.menuBar().actions()[0].text() == "&Bestand"


def test_counts_follow_check_ins_live(qtbot: QtBot, context: AppContext) -> None:
    window = open_window(qtbot, context)
    window.refresh_timer.setInterval(50)
    window.refresh_timer.start()
    expected = expected_on_day_one(context.database)
    with context.database.transaction() as session:
        day_one = context.event.days[0].id if context.event else 0
        person = session.scalars(
            select(Participant.id).where(Participant.day_id == day_one).limit(1)
        ).one()
        session.add(CheckIn(participant_id=person, day_id=day_one, desk="onthaal 1"))
    qtbot.waitUntil(lambda: window.checked_in_tile.figure.text() == f"1 / {expected}")


def test_choosing_the_other_day_shows_its_figures(qtbot: QtBot, context: AppContext) -> None:
    window = open_window(qtbot, context)
    model = window.organiser.themes
    day_one_choices = [
        model.index(r, ThemeOverviewModel.FIRST_CHOICES).data() for r in range(model.rowCount())
    ]
    window.day_picker.setCurrentIndex(1)
    assert window.day_picker.currentText().startswith("Dag 2 — dinsdag 5 maart 2013")
    day_two_choices = [
        model.index(r, ThemeOverviewModel.FIRST_CHOICES).data() for r in range(model.rowCount())
    ]
    assert sum(day_one_choices) + sum(day_two_choices) == 60
    assert day_one_choices != day_two_choices


def test_the_organisers_see_every_theme_with_its_question(
    qtbot: QtBot,
    context: AppContext,
    qtmodeltester: ModelTester,
) -> None:
    window = open_window(qtbot, context)
    model = window.organiser.themes
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    assert model.index(0, ThemeOverviewModel.THEME).data() == "Wonen"
    assert model.index(0, ThemeOverviewModel.QUESTION).data().startswith("Hoe kunnen we")
    assert (
        model.index(0, ThemeOverviewModel.THEME).data(Qt.ItemDataRole.DecorationRole).name().upper()
        == "#C0392B"
    )
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Thema"


def test_an_empty_database_offers_the_demo(
    qtbot: QtBot, sqlite_database: Database, settings: QSettings
) -> None:
    context = AppContext(database=sqlite_database, settings=settings)
    context.reload_event()
    window = open_window(qtbot, context)
    assert window.pages.currentWidget() is window.empty_page
    qtbot.mouseClick(window.create_demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.event_name.text() == "G360 — De Genks", timeout=20_000)
    assert window.pages.currentIndex() == 0
    refreshed(qtbot, window)
    assert window.participants_tile.figure.text() == "449"
    # The demo says how its organiser signs in and how its short PINs go.
    note = window.demo_note
    assert note is not None and note.isVisible()
    assert "meldt zich aan als demo met het wachtwoord genk-demo-2013" in note.text()
    assert "de pincodes van de demo hebben 4 cijfers" in note.text()
    # …in the language of the moment, in place.
    i18n.set_language("en")
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.demo_note is note
    assert "The demo's organiser signs in as demo with the password genk-demo-2013" in note.text()
