"""The first run: a welcome without a manual, and a new event made with the wizard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop.services.front_desk.walk_ins import WalkIn, register_walk_in
from degenks_desktop.services.house.organisers import create_first_organiser, verify_organiser
from degenks_desktop.services.organising.seating import assign_seats
from degenks_desktop.services.tables.access import facilitator_of, set_pin, sign_in
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import (
    AuditEntry,
    Day,
    Event,
    Facilitator,
    Organiser,
    Table,
    Theme,
)
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.first_run import NewEventWizard
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.counts import count


@pytest.fixture
def empty_context(sqlite_database_url: str, settings: QSettings) -> Iterator[AppContext]:
    database = open_database(sqlite_database_url)
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    yield context
    database.close()


def fill(wizard: NewEventWizard) -> None:
    wizard.name.setText("Genk Morgen")
    wizard.venue.setText("C-mine")
    wizard.first_day.setDate(QDate(2027, 3, 6))
    wizard.day_count.setValue(2)
    while wizard.themes.rowCount() > 2:
        wizard.themes.removeRow(2)
    wizard.facilitators.setPlainText("Sofie Claes\nKarim Haddou\n\nEls Peeters")
    wizard.organiser_name.setText("Lies Peeters")
    wizard.organiser_password.setText("tien tekens of meer")
    wizard.organiser_password_again.setText("tien tekens of meer")


def test_a_new_event_from_the_welcome(
    qtbot: QtBot, empty_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(empty_context)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.empty_page
    offered = [
        button.text().replace("&", "")
        for button in (
            window.welcome.demo_button,
            window.welcome.new_button,
            window.welcome.shared_button,
        )
    ]
    assert offered == [
        "Het demo-evenement openen",
        "Nieuw evenement…",
        "Verbinden met een gedeelde databank…",
    ]
    problems: list[str] = []

    def run_wizard(wizard: NewEventWizard) -> int:
        fill(wizard)
        wizard.name.setText("  ")
        wizard.accept()  # no name: refused in a sentence, nothing made
        problems.append(wizard.problem.text())
        wizard.name.setText("Genk Morgen")
        wizard.accept()
        return int(wizard.result())

    monkeypatch.setattr(NewEventWizard, "exec", run_wizard)
    window.welcome.new_button.click()
    assert problems == ["Geef het evenement een naam."]
    assert window.pages.currentIndex() == 0
    assert window.event_name.text() == "Genk Morgen"
    database: Database = empty_context.database
    with database.reading() as session:
        dates = list(session.scalars(select(Day.date).order_by(Day.number)))
        themes = session.scalar(select(func.count()).select_from(Theme))
        tables = session.scalar(select(func.count()).select_from(Table))
        facilitators = list(session.scalars(select(Facilitator.last_name)))
        first_table = session.scalars(select(Table).order_by(Table.id)).first()
        theme_id = first_table.theme_id if first_table else 0
        day_id = first_table.day_id if first_table else 0
        table_id = first_table.id if first_table else 0
    assert dates == [dt.date(2027, 3, 6), dt.date(2027, 3, 7)]
    assert (themes, tables) == (2, 12)  # two themes, three tables a day, two days
    assert facilitators == ["Claes", "Haddou", "Peeters"]
    # The first organiser came with the event, is signed in, and made it.
    assert verify_organiser(database, "Lies Peeters", "tien tekens of meer").name == "Lies Peeters"
    assert empty_context.organiser.access is not None
    assert empty_context.actor() == "Lies Peeters"
    with database.reading() as session:
        made_by = session.scalars(
            select(AuditEntry.actor).where(AuditEntry.action == "event.created")
        ).one()
    assert made_by == "Lies Peeters"

    # Usable at once: a walk-in is registered and seated, and a facilitator signs in.
    made = register_walk_in(
        database,
        WalkIn(first_name="Lien", last_name="Vanhoof", day_id=day_id, theme_id=theme_id),
        desk="onthaal 1",
    )
    assert made.badge_code
    assert assign_seats(database, day_number=1, effort=0.1).seated == 1
    set_pin(database, facilitator_of(database, table_id), "432109")
    assert sign_in(database, day_number=1, table_number=1, pin="432109").table_number == 1


def test_the_wizard_makes_nothing_until_the_organisers_password_is_right(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    wizard = NewEventWizard(empty_context)
    qtbot.addWidget(wizard)
    fill(wizard)
    wizard.organiser_password_again.setText("iets anders dan dat")
    wizard.accept()
    assert wizard.problem.text() == "De twee wachtwoorden verschillen: er is niets veranderd."
    wizard.organiser_password.setText("kort")
    wizard.organiser_password_again.setText("kort")
    wizard.accept()
    assert wizard.problem.text() == "Het wachtwoord van een organisator heeft minstens 10 tekens."
    database = empty_context.database
    assert (count(database, Event), count(database, Organiser)) == (0, 0)  # neither made
    assert not empty_context.organiser.signed_in


def test_a_database_with_organisers_asks_one_of_them_to_make_the_event(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    create_first_organiser(empty_context.database, "Tom", "een ander lang wachtwoord")
    wizard = NewEventWizard(empty_context)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.ui.organiser_page.title() == "Een organisator"
    assert not wizard.organiser_password_again.isVisibleTo(wizard.ui.organiser_page)
    fill(wizard)
    wizard.organiser_name.setText("Tom")
    wizard.accept()  # the password of the form is not Tom's
    assert wizard.problem.text() == (
        "Die naam en dat wachtwoord zijn niet van een organisator: probeer opnieuw."
    )
    assert count(empty_context.database, Event) == 0
    wizard.organiser_password.setText("een ander lang wachtwoord")
    wizard.accept()
    assert count(empty_context.database, Event) == 1
    assert count(empty_context.database, Organiser) == 1  # no second account
    assert empty_context.actor() == "Tom"


def test_the_welcome_offers_the_shared_database(qtbot: QtBot, empty_context: AppContext) -> None:
    window = MainWindow(empty_context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.settings_requested, timeout=1000):
        window.welcome.shared_button.click()


def test_a_language_switch_retranslates_the_wizard_in_place(
    qtbot: QtBot, app_controller: AppController, context: AppContext
) -> None:
    controller = app_controller
    wizard = NewEventWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.name, "Genk Morgen")
    assert wizard.currentPage().title() == "Het evenement"
    controller.apply_language("en")
    qtbot.waitUntil(lambda: wizard.currentPage().title() == "The event")
    assert wizard.windowTitle() == "New event"
    assert wizard.ui.nameLabel.text() == "Name"
    assert wizard.themes.horizontalHeaderItem(2).text() == "Tables a day"
    assert wizard.ui.add_theme_button.text() == "&Add a theme"
    assert wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "") == "Next >"
    # What was typed stays: the same wizard, not a new one.
    assert wizard.name.text() == "Genk Morgen"
    assert wizard.themes.rowCount() == 8


def test_a_language_switch_retranslates_the_welcome_in_place(
    qtbot: QtBot, empty_context: AppContext
) -> None:
    controller = AppController(empty_context)
    qtbot.addWidget(controller.window)
    controller.apply_language("nl")
    try:
        welcome = controller.window.welcome
        assert welcome.new_button.text() == "&Nieuw evenement…"
        controller.apply_language("en")
        qtbot.waitUntil(lambda: welcome.new_button.text() == "&New event…")
        assert welcome.ui.title.text() == "Welcome to De Genks Desktop"
        assert controller.window.welcome is welcome
    finally:
        controller.apply_language("nl")
