"""A facilitator's whole session at the table, driven through the Tafels workspace: the
dots typed as in a spreadsheet, the lock and an over-count confirmed, the header's day
followed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.errors import AccessRefused
from degenks_desktop.services.tables.access import sign_in
from degenks_desktop.services.tables.ideas import add_idea
from degenks_desktop.services.tables.top_ten import lock_selection, table_selection
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Concept, Idea, Selection
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from degenks_desktop.ui.tables.idea_model import IdeaListModel
from degenks_desktop.ui.tables.overview import TableIdeasDialog, TablesOverview
from degenks_desktop.ui.tables.session import TableDesk, TableSessionPage
from tests.helpers.tables import PIN_MINE, PIN_OTHER, TwoTables, add_two_tables
from tests.helpers.windows import refreshed


@pytest.fixture(autouse=True)
def no_unexpected_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question no test expected fails the test instead of waiting for a click."""

    def asked(*args: object) -> None:
        pytest.fail(f"an unexpected question: {args[2] if len(args) > 2 else args}")

    monkeypatch.setattr(QMessageBox, "question", asked)


@pytest.fixture
def two_tables(sqlite_database_url: str) -> Iterator[tuple[Database, TwoTables]]:
    database = open_database(sqlite_database_url)
    yield database, add_two_tables(database)
    database.close()


def signed_in(qtbot: QtBot, desk: TableDesk, table: int, pin: str) -> TableSessionPage:
    desk.sign_in_page.table.setCurrentIndex(desk.sign_in_page.table.findData(table))
    qtbot.keyClicks(desk.sign_in_page.pin, pin)
    qtbot.keyClick(desk.sign_in_page.pin, Qt.Key.Key_Return)
    assert desk.session is not None, desk.sign_in_page.problem.text()
    return desk.session


def test_a_whole_table_session(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, _tables = two_tables
    monkeypatch.setattr(TableSessionPage, "confirm_lock", classmethod(lambda _c, _p, _i: True))
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.show()
    desk.show_day(1)
    assert desk.sign_in_page.table.itemText(0) == "Tafel 1 — Wonen — Sofie Claes"
    desk.sign_in_page.table.setCurrentIndex(0)
    qtbot.keyClicks(desk.sign_in_page.pin, PIN_OTHER)
    qtbot.keyClick(desk.sign_in_page.pin, Qt.Key.Key_Return)
    assert desk.session is None
    assert "niet die van tafel 1" in desk.sign_in_page.problem.text()
    desk.sign_in_page.pin.clear()
    page = signed_in(qtbot, desk, 1, PIN_MINE)

    # Divergence: ideas from five duos, the duo picked with Alt+Down while typing.
    for duo in range(5):
        for n in range(3 if duo < 4 else 1):
            qtbot.keyClicks(page.idea_box, f"Idee {n} van duo {duo + 1}")
            qtbot.keyClick(page.idea_box, Qt.Key.Key_Return)
        qtbot.keyClick(page.idea_box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.model.rowCount() == 13
    assert page.duos.item(4).text().endswith(" 1 idea")  # its Dutch plural comes later
    assert page.duos.item(0).text().endswith(" 3 ideas")
    qtbot.keyClick(page.idea_box, Qt.Key.Key_Return)  # an empty box saves nothing
    assert page.problem.text() == "Typ eerst het idee."
    assert page.model.rowCount() == 13

    # An edit in place, then a merge of two ideas that say the same.
    page.model.setData(page.model.index(0, IdeaListModel.TEXT), "Een buurtfeest in Zwartberg")
    qtbot.waitUntil(lambda: page.model.idea_at(0).text == "Een buurtfeest in Zwartberg")
    selection = page.idea_view.selectionModel()
    page.idea_view.selectRow(0)
    selection.select(
        page.model.index(1, 0),
        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
    )
    page.merge_button.click()
    assert page.model.rowCount() == 12
    assert page.model.idea_at(0).merged_from != ()

    # Selection: eight clear ideas, then three with the same dots for the last two places,
    # within the 30 stickers of the table's ten people.
    page.tabs.setCurrentIndex(1)
    for row, dots in enumerate((5, 4, 3, 3, 2, 2, 2, 2, 1, 1)):
        page.model.setData(page.model.index(row, IdeaListModel.DOTS), dots)

        def dots_saved(row: int = row, dots: int = dots) -> bool:
            return page.model.idea_at(row).dots == dots

        qtbot.waitUntil(dots_saved)
    page.vote_view.setCurrentIndex(page.model.index(10, IdeaListModel.DOTS))
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        qtbot.keyClick(page.vote_view, key)
    qtbot.waitUntil(lambda: page.model.idea_at(10).dots == 1)
    assert page.vote_view.currentIndex().row() == 10
    assert page.tie_note.text().startswith("Tie: 3 ideas with 1 dot for the last 2 places")
    tied = [page.model.idea_at(row).id for row in (8, 9, 10)]
    page.lock_button.click()  # a tie is not settled by the order on screen
    assert page.selection is not None and not page.selection.locked
    page.tie_rule.setCurrentIndex(page.tie_rule.findData("table_decision"))
    page.choices[tied[2]].setChecked(True)
    page.choices[tied[0]].setChecked(True)
    page.reason.setText("Het meest haalbaar dit jaar")
    page.lock_button.click()
    top_ten = page.selection  # the page reads its selection again after the click
    assert top_ten is not None and top_ten.locked, page.problem.text()
    assert set(top_ten.selected[-2:]) == {tied[2], tied[0]}
    assert page.tabs.currentIndex() == 2

    # Convergence: a concept written for the first of the ten, saved as it is typed.
    page.concept_list.setCurrentRow(0)
    title = page.concept_fields["title"]
    assert isinstance(title, QLineEdit)  # the title is one line; the other fields are not
    title.clear()
    qtbot.keyClicks(title, "Buurtfeesten met de wijkwerking")
    qtbot.keyClicks(page.concept_fields["first_step"], "Een zaal vragen")
    qtbot.waitUntil(lambda: page.saved_note.text().startswith("Bewaard om"), timeout=3000)
    with database.reading() as session:
        concept = session.scalars(select(Concept)).one()
        assert (concept.title, concept.first_step) == (
            "Buurtfeesten met de wijkwerking",
            "Een zaal vragen",
        )
        locked = session.scalars(select(Selection)).one()
        assert locked.tie_reason == "Het meest haalbaar dit jaar"


def test_the_other_table_sees_nothing_of_mine(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
) -> None:
    database, _tables = two_tables
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.show_day(1)
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    qtbot.keyClicks(page.idea_box, "Een moestuin op het plein")
    qtbot.keyClick(page.idea_box, Qt.Key.Key_Return)
    page.signed_out.emit()
    assert desk.session is None
    other = signed_in(qtbot, desk, 2, PIN_OTHER)
    assert other.model.rowCount() == 0
    assert other.duos.count() == 1
    with database.reading() as session:
        assert session.scalars(select(Idea.text)).all() == ["Een moestuin op het plein"]


def test_organisers_follow_every_table_and_unlock_a_selection(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, tables = two_tables
    for n in range(3):
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n])
    lock_selection(database, tables.mine)
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.tables_overview)
    refreshed(qtbot, window)
    overview = window.organiser.tables_overview
    rows = {
        overview.model.table_at(r).number: overview.model.table_at(r)
        for r in range(overview.model.rowCount())
    }
    assert (rows[1].ideas, rows[1].silent_duos, rows[1].locked) == (3, 2, True)
    assert overview.model.index(0, 3).data() == "concepten"
    assert rows[2].phase.value == "waiting"
    ideas = TableIdeasDialog(context, tables.mine.table_id)  # organisers see every table
    qtbot.addWidget(ideas)
    assert ideas.model.rowCount() == 3
    assert (
        not ideas.model.flags(ideas.model.index(0, IdeaListModel.TEXT)) & Qt.ItemFlag.ItemIsEditable
    )
    monkeypatch.setattr(TablesOverview, "ask_reason", classmethod(lambda _c, _p, _n: "hertelling"))
    overview.view.selectRow(0)
    overview.unlock_button.click()
    assert overview.outcome.text().startswith("De selectie is ontgrendeld")
    assert not table_selection(database, tables.mine).locked
    # A new PIN from the organisers: the old one stops working.
    monkeypatch.setattr(TablesOverview, "ask_pin", classmethod(lambda _c, _p, _n: "86420"))
    overview.view.selectRow(0)
    overview.pin_button.click()
    assert overview.outcome.text() == "De nieuwe pincode is ingesteld; de oude werkt niet meer."
    with pytest.raises(AccessRefused):
        sign_in(database, day_number=1, table_number=1, pin=PIN_MINE)
    assert sign_in(database, day_number=1, table_number=1, pin="86420").table_number == 1


def test_dots_per_person_with_their_limit(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
) -> None:
    database, tables = two_tables
    for n in range(3):
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n])
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.show_day(1)
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    page.tabs.setCurrentIndex(1)
    assert page.voter.count() == 11  # the sheet's count, then the table's ten people
    page.voter.setCurrentIndex(1)
    page.model.setData(page.model.index(0, IdeaListModel.PERSON), 2)
    qtbot.waitUntil(lambda: page.voter_note.text().startswith("2 of 3"))
    page.vote_view.setCurrentIndex(page.model.index(1, IdeaListModel.PERSON))
    qtbot.keyClick(page.vote_view, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: page.voter_note.text().startswith("3 of 3"))
    page.vote_view.setCurrentIndex(page.model.index(2, IdeaListModel.PERSON))
    qtbot.keyClick(page.vote_view, Qt.Key.Key_Plus)
    assert page.problem.text().startswith("Iedereen heeft 3 stippen")
    qtbot.wait(10)
    assert [page.model.idea_at(row).dots for row in range(3)] == [2, 1, 0]


def test_a_deleted_idea_can_be_found_and_put_back_later(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
) -> None:
    database, tables = two_tables
    kept = add_idea(database, tables.mine, text="Een zitbank bij de halte", duo_id=tables.duos[0])
    gone = add_idea(database, tables.mine, text="Een hondenweide", duo_id=tables.duos[1])
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.show_day(1)
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    page.idea_view.selectRow(1)
    page.delete_button.click()
    page.signed_out.emit()  # another session: the undo list of the last one is gone
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    assert [page.model.idea_at(r).id for r in range(page.model.rowCount())] == [kept]
    page.show_deleted.setChecked(True)
    assert page.model.rowCount() == 2 and page.model.idea_at(1).deleted
    page.idea_view.selectRow(1)
    page.restore_button.click()
    page.show_deleted.setChecked(False)
    assert [page.model.idea_at(r).id for r in range(page.model.rowCount())] == [kept, gone]


def test_an_idea_typed_but_not_entered_survives_a_crash(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
) -> None:
    database, _tables = two_tables
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.show_day(1)
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    qtbot.keyClicks(page.idea_box, "Een fietsenstalling aan het station")
    page.deleteLater()  # the laptop dies: no sign-out, nothing saved on the way out
    again = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(again)
    again.show_day(1)
    page = signed_in(qtbot, again, 1, PIN_MINE)
    assert page.idea_box.text() == "Een fietsenstalling aan het station"
    qtbot.keyClick(page.idea_box, Qt.Key.Key_Return)
    assert page.model.idea_at(0).text == "Een fietsenstalling aan het station"
    other = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(other)
    other.show_day(1)
    assert signed_in(qtbot, other, 1, PIN_MINE).idea_box.text() == ""
