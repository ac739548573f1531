"""The postcards on the Follow-up page: the link and date typed and saved by an
organiser, the counts of who gets a card and who not, the PDF made off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from degenks_desktop import i18n
from degenks_desktop.i18n import _
from degenks_desktop.services.follow_up.postcards import describe_run, postcards_to_print
from degenks_desktop.services.follow_up.settings import FollowUpSettingsRow, follow_up_settings
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.follow_up.postcards_panel import PostcardsPanel
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.organisers import add_organiser
from tests.helpers.pdfs import pdf_text
from tests.helpers.pools import ImmediatePool
from tests.helpers.postcards import PostcardWorld, add_postcard_world, give_address

LINK = "https://www.genk.be/g360/opvolging"


@pytest.fixture
def world(sqlite_database_url: str) -> Iterator[tuple[Database, PostcardWorld]]:
    database = open_database(sqlite_database_url)
    world = add_postcard_world(database, came=8)
    people = world.tables.people
    give_address(database, people[0], street="Stalenstraat 2", postcode="3600")
    give_address(database, people[1], street="Hoogstraat 1", postcode="3590", language="en")
    give_address(database, people[2], street=None, postcode=None)
    yield database, world
    database.close()


@pytest.fixture
def panel(
    qtbot: QtBot, world: tuple[Database, PostcardWorld], settings: QSettings
) -> PostcardsPanel:
    database, _world = world
    organiser = add_organiser(database)
    context = AppContext(
        database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    context.reload_event()
    context.organiser.sign_in(organiser)
    shown = PostcardsPanel(context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_counts_say_who_gets_a_card_and_why_not(
    qtbot: QtBot, panel: PostcardsPanel, world: tuple[Database, PostcardWorld]
) -> None:
    database, postcards = world
    expected = describe_run(postcards_to_print(database, postcards.event_id))
    qtbot.waitUntil(lambda: panel.counts.text() == expected)
    assert panel.make_button.isEnabled()


def test_link_and_date_typed_and_saved(
    qtbot: QtBot, panel: PostcardsPanel, world: tuple[Database, PostcardWorld]
) -> None:
    database, postcards = world
    qtbot.keyClicks(panel.date, "15/1/2027")
    qtbot.keyClicks(panel.link, LINK)
    qtbot.keyClick(panel.link, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            follow_up_settings(database, postcards.event_id)
            == FollowUpSettingsRow(LINK, dt.date(2027, 1, 15))
        )
    )
    assert panel.outcome.text() == _("The link and the date are saved.")
    assert panel.date.text() == "15/01/2027"

    # A link that is no web address: one sentence, and the saved one stays.
    panel.link.selectAll()
    qtbot.keyClicks(panel.link, "www.genk.be")
    qtbot.keyClick(panel.link, Qt.Key.Key_Return)
    assert panel.problem.text() == _(
        "The report's link is a web address that starts with https:// (or http://)."
    )
    assert follow_up_settings(database, postcards.event_id).report_link == LINK
    # Nor a date that is none.
    panel.link.selectAll()
    qtbot.keyClicks(panel.link, LINK)
    panel.date.selectAll()
    qtbot.keyClicks(panel.date, "31/02/2027")
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)
    assert panel.problem.text() == _(
        "{text} is not a date: write it as day/month/year, such as 15/01/2027."
    ).format(text="31/02/2027")
    assert follow_up_settings(database, postcards.event_id) == FollowUpSettingsRow(
        LINK, dt.date(2027, 1, 15)
    )


def test_make_postcards_writes_the_pdf_off_the_gui_thread(
    qtbot: QtBot,
    panel: PostcardsPanel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "kaarten.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(target), ""))
    )
    qtbot.keyClicks(panel.link, LINK)
    qtbot.keyClick(panel.link, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.make_button.isEnabled)
    qtbot.mouseClick(panel.make_button, Qt.MouseButton.LeftButton)
    written = _("Postcards written: {path}").format(path=target)
    qtbot.waitUntil(lambda: panel.outcome.text().startswith(written))
    text = pdf_text(target)
    assert LINK in text and "Stalenstraat 2" in text and "Hoogstraat 1" in text
    assert panel.open_button.isEnabled()


def test_the_panel_turns_english(qtbot: QtBot, panel: PostcardsPanel) -> None:
    qtbot.waitUntil(lambda: panel.counts.text() != "")
    qtbot.keyClicks(panel.link, "https://genk.be")
    i18n.set_language("en")
    try:
        QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
        assert panel.make_button.text() == "&Make postcards (PDF)…"
        assert panel.counts.text().startswith("2 postcards to print")
        assert panel.link.text() == "https://genk.be"  # what is typed stays
    finally:
        i18n.set_language("nl")
