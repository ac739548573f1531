"""A facilitator's whole session at the table, driven through the Tafels workspace: the
dots typed as in a spreadsheet, the lock and an over-count confirmed, the header's day
followed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop import i18n
from degenks_desktop.errors import AccessRefused
from degenks_desktop.services.tables.access import sign_in
from degenks_desktop.services.tables.dots import set_tally
from degenks_desktop.services.tables.ideas import add_idea, ideas_at_table
from degenks_desktop.services.tables.top_ten import lock_selection, table_selection
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Concept, Idea, Selection
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from degenks_desktop.ui.tables.idea_model import IdeaListModel
from degenks_desktop.ui.tables.overview import TableIdeasDialog, TablesOverview
from degenks_desktop.ui.tables.session import TableDesk, TableSessionPage
from tests.helpers.organisers import add_organiser
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
    assert page.duos.item(4).text().endswith(" 1 idee")  # the singular, in Dutch
    assert page.duos.item(0).text().endswith(" 3 ideeën")
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
    assert page.tie_note.text().startswith(
        "Gelijkstand: 3 ideeën met 1 stip voor de laatste 2 plaatsen"
    )
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


def window_on_a_locked_table(
    qtbot: QtBot, database: Database, tables: TwoTables, settings: QSettings
) -> MainWindow:
    """The window, an organiser signed in, with three ideas at my table and its selection
    locked."""
    for n in range(3):
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n])
    lock_selection(database, tables.mine)
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    context.organiser.sign_in(add_organiser(database))
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


def test_organisers_follow_every_table_and_unlock_a_selection(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, tables = two_tables
    window = window_on_a_locked_table(qtbot, database, tables, settings)
    context = window.context
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
    monkeypatch.setattr(TablesOverview, "ask_pin", classmethod(lambda _c, _p, _n: "864200"))
    overview.view.selectRow(0)
    overview.pin_button.click()
    assert overview.outcome.text() == "De nieuwe pincode is ingesteld; de oude werkt niet meer."
    with pytest.raises(AccessRefused):
        sign_in(database, day_number=1, table_number=1, pin=PIN_MINE)
    assert sign_in(database, day_number=1, table_number=1, pin="864200").table_number == 1


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
    qtbot.waitUntil(lambda: page.voter_note.text().startswith("2 van 3"))
    page.vote_view.setCurrentIndex(page.model.index(1, IdeaListModel.PERSON))
    qtbot.keyClick(page.vote_view, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: page.voter_note.text().startswith("3 van 3"))
    page.vote_view.setCurrentIndex(page.model.index(2, IdeaListModel.PERSON))
    qtbot.keyClick(page.vote_view, Qt.Key.Key_Plus)
    assert "3 stippen" in page.problem.text()  # each person has 3 dots
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


# --- the keyboard, the confirmations and the day ---------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def type_keys(qtbot: QtBot, *keys: str | Qt.Key) -> None:
    """Type as a person does: each key into whatever has the keyboard at that moment."""
    for key in keys:
        for one in key if isinstance(key, str) else (key,):
            if isinstance(one, str):
                qtbot.keyClicks(focused(), one)
            else:
                qtbot.keyClick(focused(), one)
            qtbot.wait(1)  # the next key comes after what this one set off


def shown_desk(qtbot: QtBot, database: Database, settings: QSettings) -> TableDesk:
    desk = TableDesk(AppContext(database=database, settings=settings))
    qtbot.addWidget(desk)
    desk.resize(1366, 700)
    desk.show()
    desk.activateWindow()
    qtbot.waitExposed(desk)
    qtbot.waitUntil(desk.isActiveWindow)
    desk.show_day(1)
    return desk


def to_votes(qtbot: QtBot, page: TableSessionPage) -> None:
    """Ctrl+Tab to the votes: the keyboard is in the table of dots."""
    qtbot.waitUntil(lambda: focused() is page.idea_box)  # as after signing in
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: focused() is page.vote_view)


def stored_dots(database: Database, tables: TwoTables) -> list[int]:
    return [idea.dots for idea in ideas_at_table(database, tables.mine)]


def test_twelve_counts_typed_one_after_the_other(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    database, tables = two_tables
    for n in range(12):
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n % 5])
    desk = shown_desk(qtbot, database, settings)  # kept: qtbot holds it only weakly
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    to_votes(qtbot, page)
    counts = [10, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0]  # 28 of the ten people's 30 stickers
    for count in counts:
        type_keys(qtbot, str(count), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_dots(database, tables) == counts)
    assert [page.model.idea_at(row).dots for row in range(12)] == counts
    current = page.vote_view.currentIndex()
    assert (current.row(), current.column()) == (11, IdeaListModel.DOTS)
    assert page.problem.text() == ""


def test_plus_and_minus_keep_the_row(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    database, tables = two_tables
    for n in range(6):
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n % 5])
    desk = shown_desk(qtbot, database, settings)  # kept: qtbot holds it only weakly
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    to_votes(qtbot, page)
    type_keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down, "+", "+", "+", "-")
    type_keys(qtbot, Qt.Key.Key_Down, "+", "5")  # a digit edits the count, never jumps to row 5
    qtbot.waitUntil(lambda: page.vote_view.state() == QTableView.State.EditingState)
    type_keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_dots(database, tables) == [0, 0, 2, 5, 0, 0])
    assert page.vote_view.currentIndex().row() == 4  # Enter went down one row


def test_a_count_over_the_tables_stickers_is_asked_first(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, tables = two_tables
    for n in range(3):
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n % 5])
    answers: list[bool] = []
    asked: list[str] = []

    def confirm(_cls: object, _parent: object, sentence: str) -> bool:
        asked.append(sentence)
        return answers.pop(0)

    monkeypatch.setattr(TableSessionPage, "confirm_over", classmethod(confirm))
    desk = shown_desk(qtbot, database, settings)  # kept: qtbot holds it only weakly
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    to_votes(qtbot, page)
    type_keys(qtbot, "25", Qt.Key.Key_Return)  # ten people, 3 stickers each: 30 at most
    qtbot.waitUntil(lambda: stored_dots(database, tables) == [25, 0, 0])
    assert asked == []
    answers.append(False)
    type_keys(qtbot, "9", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "34" in asked[0] and "30" in asked[0]
    qtbot.wait(10)
    assert stored_dots(database, tables) == [25, 0, 0]
    answers.append(True)
    type_keys(qtbot, Qt.Key.Key_Up, "9", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_dots(database, tables) == [25, 9, 0])
    assert len(asked) == 2


def test_the_lock_names_the_ten_and_no_leaves_it_open(
    qtbot: QtBot,
    two_tables: tuple[Database, TwoTables],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, tables = two_tables
    ideas = [
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n % 5])
        for n in range(12)
    ]
    for idea, dots in zip(ideas, (6, 5, 4, 3, 2, 2, 2, 1, 1, 1, 0, 0), strict=True):
        set_tally(database, tables.mine, idea, dots)
    answers: list[bool] = [False, True]
    named: list[list[str]] = []

    def confirm(_cls: object, _parent: object, texts: list[str]) -> bool:
        named.append(texts)
        return answers.pop(0)

    monkeypatch.setattr(TableSessionPage, "confirm_lock", classmethod(confirm))
    desk = shown_desk(qtbot, database, settings)  # kept: qtbot holds it only weakly
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    to_votes(qtbot, page)
    alt = Qt.KeyboardModifier.AltModifier
    letter = page.lock_button.text()[page.lock_button.text().index("&") + 1]
    qtbot.keyClick(focused(), letter.lower(), alt)
    qtbot.waitUntil(lambda: bool(named))  # a mnemonic clicks the button a moment later
    assert named == [[f"Idee {n}" for n in range(10)]]
    assert not table_selection(database, tables.mine).locked
    assert page.lock_button.isEnabled()
    qtbot.keyClick(focused(), letter.lower(), alt)
    qtbot.waitUntil(lambda: len(named) == 2)
    assert table_selection(database, tables.mine).selected == tuple(ideas[:10])


def test_tab_from_the_last_runoff_box_stays_in_the_page(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    database, tables = two_tables
    ideas = [
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n % 5])
        for n in range(12)
    ]
    for idea, dots in zip(ideas, (4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0), strict=True):
        set_tally(database, tables.mine, idea, dots)
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    window.workspaces.setCurrentWidget(window.tables)
    desk = window.tables.table_desk
    desk.show_day(1)
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    to_votes(qtbot, page)
    assert page.tie_rule.currentData() == "runoff"
    boxes = [page.runoff[idea] for idea in ideas[8:11]]
    boxes[0].setFocus()  # the facilitator is in the run-off counts
    qtbot.waitUntil(lambda: focused() is boxes[0])
    type_keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert focused() is boxes[2]
    type_keys(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.lock_button
    assert page.isAncestorOf(focused())


def test_the_desk_follows_the_headers_day(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    database, tables = two_tables
    window = window_on_a_locked_table(qtbot, database, tables, settings)
    context = window.context
    assert context.event is not None
    day_ids = {day.number: day.id for day in context.event.days}
    window.day_picker.setCurrentIndex(window.day_picker.findData(day_ids[1]))
    desk = window.tables.table_desk
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    day_one = window.selected_day()
    assert day_one is not None and day_one.number == 1
    window.tables.show_day(day_one)  # the same day again (the window reads the event anew)
    assert desk.session is page
    page.tabs.setCurrentIndex(2)
    title = page.concept_fields["title"]
    assert isinstance(title, QLineEdit)
    title.clear()
    qtbot.keyClicks(title, "Een speelstraat elke zomer")  # typed, not yet saved

    window.day_picker.setCurrentIndex(window.day_picker.findData(day_ids[2]))
    assert window.tables.table_desk.session is None  # signed out
    assert desk.currentWidget() is desk.sign_in_page
    choices = desk.sign_in_page.table
    assert [choices.itemData(row) for row in range(choices.count())] == [1]
    assert "Werk" in choices.itemText(0)  # day 2's only table
    with database.reading() as session:
        assert session.scalars(select(Concept.title)).all() == ["Een speelstraat elke zomer"]
    window.day_picker.setCurrentIndex(window.day_picker.findData(day_ids[1]))
    assert [choices.itemData(row) for row in range(choices.count())] == [1, 2]


def test_counts_read_in_their_plural_forms(
    qtbot: QtBot, two_tables: tuple[Database, TwoTables], settings: QSettings
) -> None:
    i18n.set_language("en")  # English has its plurals too
    database, tables = two_tables
    ideas = [
        add_idea(database, tables.mine, text=f"Idee {n}", duo_id=tables.duos[n % 4])
        for n in range(10)
    ]
    ideas.append(add_idea(database, tables.mine, text="Idee 10", duo_id=tables.duos[4]))
    for idea, dots in zip(ideas, (3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1), strict=True):
        set_tally(database, tables.mine, idea, dots)
    desk = shown_desk(qtbot, database, settings)
    page = signed_in(qtbot, desk, 1, PIN_MINE)
    assert page.duos.item(4).text().endswith("— 1 idea")
    assert page.duos.item(0).text().endswith("— 3 ideas")
    assert page.tie_note.text().startswith("Tie: 2 ideas with 1 dot for the last place.")
