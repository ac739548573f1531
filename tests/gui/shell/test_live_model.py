"""The app's live lists under Qt's model tester: a refresh that adds, removes, moves and
changes rows keeps the row a person chose chosen, and never resets the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from degenks_desktop import i18n
from degenks_desktop.domain.diversity import CategoryMatrix, ValueRow
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.arrivals import ArrivalCount
from degenks_desktop.services.front_desk.check_ins import CheckInResult, CheckInStatus
from degenks_desktop.services.house.events import ThemeOverview
from degenks_desktop.services.tables.ideas import IdeaAtTable
from degenks_desktop.services.tables.overview import Phase, TableProgress
from degenks_desktop.ui.front_desk.arrivals_view import ArrivalsModel
from degenks_desktop.ui.front_desk.recent_model import RECENT_LIMIT, RecentCheckInsModel
from degenks_desktop.ui.organising.diversity_view import DiversityModel
from degenks_desktop.ui.organising.theme_model import ThemeOverviewModel
from degenks_desktop.ui.shell.live_model import LiveTableModel
from degenks_desktop.ui.tables.idea_model import IdeaListModel
from degenks_desktop.ui.tables.overview import TableProgressModel

Role = Qt.ItemDataRole


def table(table_id: int, **changes: Any) -> TableProgress:
    row = TableProgress(
        table_id=table_id,
        number=table_id,
        theme="Wonen",
        facilitator="Sofie Claes",
        phase=Phase.WAITING,
        ideas=0,
        silent_duos=0,
        dots=0,
        locked=False,
        concepts=0,
    )
    return replace(row, **changes)


def theme(code: str, **changes: Any) -> ThemeOverview:
    row = ThemeOverview(
        code=code, name=code.title(), question="Hoe kunnen we …", colour="#c0392b",
        first_choices=3, tables=1,
    )  # fmt: skip
    return replace(row, **changes)


def value(key: str, **changes: Any) -> ValueRow:
    row = ValueRow(
        value=key, label=key, registered=10, registered_share=0.2, checked_in=5,
        checked_in_share=0.1, target=0.2, below_target=False,
    )  # fmt: skip
    return replace(row, **changes)


def matrix(*rows: ValueRow) -> CategoryMatrix:
    return CategoryMatrix(
        key="origin", label="Origin", answered_registered=50, answered_checked_in=40, rows=rows
    )


@dataclass(frozen=True)
class Case:
    """One live model: how it is made and shown, and three readings of its page."""

    make: Callable[[], LiveTableModel[Any]]
    show: Callable[[Any, Any], None]
    readings: tuple[Any, Any, Any]
    chosen: object  # the row the person chose (its sort key in column 0); it stays
    sort_key: Callable[[Any], object]  # a row of a reading's sort key in column 0


# Each later reading removes the row above the chosen one or adds one there, moves rows,
# adds rows at the end and changes the chosen row's figures.
CASES = {
    "tables overview": Case(
        make=TableProgressModel,
        show=lambda model, rows: model.show_tables(rows),
        readings=(
            [table(1), table(2), table(3), table(4)],
            [table(2), table(3, phase=Phase.IDEAS, ideas=3, silent_duos=2), table(1), table(5)],
            [table(6), table(3, phase=Phase.CONCEPTS, locked=True, concepts=10), table(5)],
        ),
        chosen=3,
        sort_key=lambda row: row.number,
    ),
    "themes": Case(
        make=ThemeOverviewModel,
        show=lambda model, rows: model.set_rows(rows),
        readings=(
            [theme("wonen"), theme("werk"), theme("zorg")],
            [theme("zorg"), theme("werk", first_choices=9, colour="#2e86c1"), theme("groen")],
            [theme("werk", tables=2), theme("groen"), theme("zorg"), theme("sport")],
        ),
        chosen="werk",
        sort_key=lambda row: row.code,
    ),
    "arrivals": Case(
        make=lambda: ArrivalsModel("Tafel"),
        show=lambda model, reading: model.show_counts(*reading),
        readings=(
            ([ArrivalCount("1", 0, 8), ArrivalCount("2", 0, 8), ArrivalCount("10", 0, 8)], 0.0),
            ([ArrivalCount("2", 4, 8), ArrivalCount("10", 1, 8), ArrivalCount("3", 1, 8)], 0.3),
            ([ArrivalCount("10", 7, 8), ArrivalCount("4", 0, 8), ArrivalCount("2", 5, 8)], 0.6),
        ),
        chosen=10,
        sort_key=lambda row: int(row.label),
    ),
    "diversity": Case(
        make=DiversityModel,
        show=lambda model, rows: model.set_matrix(matrix(*rows)),
        readings=(
            [value("belgian"), value("turkish"), value("italian")],
            [value("turkish", registered=None, below_target=True), value("moroccan")],
            [value("moroccan"), value("polish"), value("turkish", checked_in=7)],
        ),
        chosen="turkish",
        sort_key=lambda row: row.value,
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_refresh_changes_the_rows_in_place(
    qtbot: QtBot, qtmodeltester: ModelTester, case: Case
) -> None:
    model = case.make()
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(Role.UserRole)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.show()
    case.show(model, case.readings[0])

    def key_at(proxy_row: int) -> object:
        return proxy.index(proxy_row, 0).data(Role.UserRole)

    def chosen_key() -> object:
        rows = view.selectionModel().selectedRows()
        assert len(rows) == 1
        return key_at(rows[0].row())

    # The person goes down the list with the arrow keys to the row they want.
    target = case.chosen
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _step in range(proxy.rowCount()):
        if key_at(view.currentIndex().row()) == target:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert chosen_key() == target
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    changed: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(
        lambda top, _bottom, roles: changed.append((top.row(), [int(r) for r in roles]))
    )
    kept = QPersistentModelIndex(proxy.mapToSource(view.currentIndex()))

    for reading in case.readings[1:]:
        before = [model.index(kept.row(), c).data() for c in range(model.columnCount())]
        changed.clear()
        case.show(model, reading)
        rows = reading[0] if isinstance(reading, tuple) else reading
        # The reading's rows in its order; the chosen one still chosen, with its new figures.
        shown = [model.index(r, 0).data(Role.UserRole) for r in range(model.rowCount())]
        assert shown == [case.sort_key(row) for row in rows]
        assert chosen_key() == target
        assert kept.isValid() and kept.data(Role.UserRole) == target
        after = [model.index(kept.row(), c).data() for c in range(model.columnCount())]
        assert after != before
        assert any(row == kept.row() and int(Role.DisplayRole) in roles for row, roles in changed)
    assert resets == []


def checked_in(name: str, minute: int) -> CheckInResult:
    return CheckInResult(
        status=CheckInStatus.CHECKED_IN,
        participant_id=minute,
        name=name,
        table=minute % 5 or None,
        theme="Wonen",
        at=dt.datetime(2025, 5, 17, 9, minute, tzinfo=dt.UTC),
    )


def test_recent_check_ins_go_on_top_and_an_undone_one_leaves_by_itself(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = RecentCheckInsModel()
    qtmodeltester.check(model)
    first = checked_in("An Peeters", 0)
    again = checked_in("An Peeters", 0)  # the same answer twice: undone, then scanned again
    model.add(first)
    for minute in range(1, RECENT_LIMIT + 2):
        model.add(checked_in(f"Deelnemer {minute}", minute))
    model.add(again)
    assert model.rowCount() == RECENT_LIMIT
    assert model.results[0] is again
    assert all(shown is not first for shown in model.results)  # fell off the bottom
    assert model.index(0, RecentCheckInsModel.NAME).data() == "An Peeters"
    watched = QPersistentModelIndex(model.index(5, RecentCheckInsModel.NAME))
    name = watched.data()
    undone = model.results[2]
    model.remove_result(undone)
    assert all(shown is not undone for shown in model.results)
    assert model.rowCount() == RECENT_LIMIT - 1
    assert (watched.row(), watched.data()) == (4, name)  # the row below moved up with it
    # The first answer went off the bottom: undoing it takes nothing, not even the equal
    # answer on top (a row is the desk's answer itself, not a person).
    model.remove_result(first)
    assert model.rowCount() == RECENT_LIMIT - 1 and model.results[0] is again
    assert model.index(0, RecentCheckInsModel.TABLE).data() == _("no table yet")


def test_the_idea_list_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    def idea(number: int, **changes: Any) -> IdeaAtTable:
        row = IdeaAtTable(
            id=number, uid=f"u{number}", text=f"Idee {number}", duo_id=1, duo_number=1,
            dots=0, merged_from=(), deleted=False,
        )  # fmt: skip
        return replace(row, **changes)

    model = IdeaListModel(
        on_text_edited=lambda _idea, _text: True,
        on_dots_edited=lambda _idea, _dots: True,
        on_person_dots_edited=lambda _idea, _dots: True,
    )
    qtmodeltester.check(model)
    model.show_ideas([idea(1), idea(2)], selected={1}, tied=set())
    model.show_ideas(
        [idea(2, dots=3, merged_from=(1,)), idea(3, deleted=True)], selected={2}, tied={3}
    )
    assert model.index(0, IdeaListModel.TEXT).data() == "Idee 2  (+1)"


def test_a_row_turns_red_when_the_day_moves_on_and_a_quiet_refresh_signals_nothing(
    qtmodeltester: ModelTester,
) -> None:
    model = ArrivalsModel("Tafel")
    qtmodeltester.check(model)
    counts = [ArrivalCount("1", 2, 8), ArrivalCount("2", 6, 8)]
    model.show_counts(counts, 0.2)
    changed: list[tuple[int, int, int, list[int]]] = []
    model.dataChanged.connect(
        lambda top, bottom, roles: changed.append(
            (top.row(), top.column(), bottom.column(), [int(r) for r in roles])
        )
    )
    model.show_counts(list(counts), 0.2)
    assert changed == []  # nothing moved: the views neither repaint nor sort again
    # The same counts, but the room fills up: table 1 now lags behind, only its share's
    # cell changes colour.
    model.show_counts(list(counts), 0.6)
    assert model.lagging(0) and not model.lagging(1)
    assert changed == [(0, ArrivalsModel.SHARE, ArrivalsModel.SHARE, [int(Role.BackgroundRole)])]


def test_a_new_language_retitles_the_columns_and_rewords_the_cells_in_place(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = TableProgressModel()
    qtmodeltester.check(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    model.show_tables([table(1), table(2, phase=Phase.IDEAS, ideas=3)])
    view.selectRow(1)
    dutch_title = model.headerData(0, Qt.Orientation.Horizontal)
    dutch_cells = [model.index(1, c).data() for c in range(model.columnCount())]
    titles: list[tuple[int, int]] = []
    model.headerDataChanged.connect(lambda _orientation, first, last: titles.append((first, last)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    i18n.set_language("en")
    model.retranslate()
    assert titles == [(0, model.columnCount() - 1)]
    assert model.headerData(0, Qt.Orientation.Horizontal) != dutch_title
    assert [model.index(1, c).data() for c in range(model.columnCount())] != dutch_cells
    assert [i.row() for i in view.selectionModel().selectedRows()] == [1]  # the row stays
    assert resets == []
