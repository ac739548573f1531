"""Fixtures for the window tests: a context on a real database, preferences in a temp file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.house.organisers import (
    DEMO_ORGANISER,
    DEMO_ORGANISER_PASSWORD,
    verify_organiser,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.printing.badge_printing import DeskBadgePrinter
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.look import apply_look
from tests.helpers.pools import ImmediatePool

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


@pytest.fixture(scope="session", autouse=True)
def the_apps_look(qapp: QApplication) -> None:
    """Every window test sees the app as its users do: Fusion, the stylesheet, the icon."""
    apply_look(qapp)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Preferences in a scratch file, never the user's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_database(sqlite_database_url: str) -> Iterator[Database]:
    """A SQLite database holding a small demo event (60 people over two days)."""
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=60, seated=False)
    yield database
    database.close()


@pytest.fixture
def context(demo_database: Database, settings: QSettings) -> AppContext:
    """The app's context on the demo database, desk "onthaal 1", work (the desk's too) run
    at once, its outcome delivered through the event loop; an organiser laptop with the
    demo's organiser signed in, so Organisatie opens as it does once they have."""
    settings.setValue(SETTING_DESK_NAME, "onthaal 1")
    app_context = AppContext(
        database=demo_database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    app_context.reload_event()
    app_context.organiser.sign_in(
        verify_organiser(demo_database, DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD)
    )
    return app_context


@pytest.fixture(autouse=True)
def no_real_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own default printer never gets a test's badge; tests that print
    replace this with a PDF printer of their own."""
    monkeypatch.setattr(DeskBadgePrinter, "printer", lambda _self: None)


@pytest.fixture
def app_controller(qtbot: QtBot, context: AppContext) -> Iterator[AppController]:
    """The app as it starts on the context: one window, in Dutch with Qt's own Dutch
    (OK, Annuleren). Whatever language a test switches to, Qt's catalogue goes after it."""
    controller = AppController(context)
    qtbot.addWidget(controller.window)
    controller.apply_language("nl")
    yield controller
    controller.window.close()  # first, so that the language change below reads nothing
    controller.apply_language("en")  # takes Qt's Dutch catalogue out; the suite resets to nl
