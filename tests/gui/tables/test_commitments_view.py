"""At the end of the session the facilitator types each person's own commitment on their
row, Enter saves it and goes to the next person; an organiser types cards in later from
the table's dialog in Organisatie → Tafels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from degenks_desktop.i18n import _
from degenks_desktop.services.tables.commitments import MAX_COMMITMENT, commitments_at_table
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.tables.commitments_view import CommitmentModel, CommitmentsView
from degenks_desktop.ui.tables.overview import TableIdeasDialog
from degenks_desktop.ui.tables.session import TableDesk
from tests.helpers.tables import PIN_MINE, TwoTables, add_two_tables


@pytest.fixture
def two_tables(sqlite_database_url: str) -> Iterator[tuple[Database, TwoTables]]:
    database = open_database(sqlite_database_url)
    yield database, add_two_tables(database)
    database.close()


def saved(database: Database, tables: TwoTables) -> dict[str, str]:
    return {p.name: p.text for p in commitments_at_table(database, tables.mine) if p.text}


def editor_of(view: CommitmentsView, qtbot: QtBot, row: int) -> QLineEdit:
    """The open cell of `row`'s commitment, once the view has opened it."""
    qtbot.waitUntil(
        lambda: (
            view.view.currentIndex().row() == row
            and view.delegate.editor is not None
            and shiboken6.isValid(view.delegate.editor)
            and view.delegate.editor.isVisible()
        )
    )
    assert view.delegate.editor is not None
    return view.delegate.editor


def test_a_facilitator_types_the_commitments_with_the_keyboard(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    database, tables = two_tables
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.show()
    desk.show_day(1)
    desk.sign_in_page.table.setCurrentIndex(desk.sign_in_page.table.findData(1))
    qtbot.keyClicks(desk.sign_in_page.pin, PIN_MINE)
    qtbot.keyClick(desk.sign_in_page.pin, Qt.Key.Key_Return)
    page = desk.session
    assert page is not None
    bar = page.tabs.tabBar()
    assert bar.tabText(3) == _("Own commitments")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    view = page.commitments
    assert view.model.rowCount() == 10
    assert view.model.index(0, CommitmentModel.NAME).data() == "Lies Tafel"

    qtbot.keyClicks(editor_of(view, qtbot, 0), "Ik start een repaircafe.")
    qtbot.keyClick(editor_of(view, qtbot, 0), Qt.Key.Key_Return)
    # Saved, said on the row, and the next person's cell is open.
    qtbot.waitUntil(lambda: saved(database, tables) == {"Lies Tafel": "Ik start een repaircafe."})
    note = view.model.index(0, CommitmentModel.SAVED).data()
    assert note.startswith(_("✓ saved at {time}").split("{")[0])
    qtbot.keyClicks(editor_of(view, qtbot, 1), "Ik help in de moestuin.")
    qtbot.keyClick(editor_of(view, qtbot, 1), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(saved(database, tables)) == 2)
    assert view.model.index(1, CommitmentModel.SAVED).data()

    # Longer than a postcard holds: the cell takes no more.
    qtbot.keyClicks(editor_of(view, qtbot, 2), "x" * (MAX_COMMITMENT + 20))
    qtbot.keyClick(editor_of(view, qtbot, 2), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(saved(database, tables)) == 3)
    assert saved(database, tables)["Rachida Tafel"] == "x" * MAX_COMMITMENT

    # Back up to the first person: emptied and Enter takes the commitment away.
    qtbot.keyClick(editor_of(view, qtbot, 3), Qt.Key.Key_Escape)
    view.view.setFocus()
    for _row in range(3):
        qtbot.keyClick(view.view, Qt.Key.Key_Up)
    first = editor_of(view, qtbot, 0)
    first.selectAll()
    qtbot.keyClick(first, Qt.Key.Key_Delete)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Lies Tafel" not in saved(database, tables))
    assert view.model.index(0, CommitmentModel.SAVED).data().startswith("✓")

    # Typed but not entered when the facilitator signs out: still saved.
    qtbot.keyClicks(editor_of(view, qtbot, 1), " Elke zaterdag.")
    page.sign_out_button.click()
    assert desk.session is None
    assert saved(database, tables)["Mehmet Tafel"] == "Ik help in de moestuin. Elke zaterdag."


def test_an_organiser_types_a_printed_card_in_later(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    database, tables = two_tables
    dialog = TableIdeasDialog(
        AppContext(database=database, settings=settings), tables.mine.table_id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    bar = dialog.tabs.tabBar()
    assert bar.tabText(1) == _("Own commitments")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    view = dialog.commitments
    qtbot.keyClicks(editor_of(view, qtbot, 0), "Ik geef taalles.")
    qtbot.keyClick(editor_of(view, qtbot, 0), Qt.Key.Key_Tab)  # leaving the cell saves too
    qtbot.waitUntil(lambda: saved(database, tables) == {"Lies Tafel": "Ik geef taalles."})
    assert view.model.index(0, CommitmentModel.SAVED).data().startswith("✓")
    # Tab went on to the next person; typed there, then the dialog closed: saved as well.
    qtbot.keyClicks(editor_of(view, qtbot, 1), "Ik ruim op.")
    dialog.close()
    assert saved(database, tables) == {
        "Lies Tafel": "Ik geef taalles.",
        "Mehmet Tafel": "Ik ruim op.",
    }
