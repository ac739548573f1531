"""The seating board: seat the day, see tables with duos and their mix, move someone by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.storage.models import Seat
from degenks_desktop.ui.organising.seating_board import SeatingBoard
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.main_window import MainWindow

WINDOWS: list[MainWindow] = []


def open_board(qtbot: QtBot, context: AppContext) -> SeatingBoard:
    window = MainWindow(context)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.seating_board)
    return window.organiser.seating_board


def test_seat_the_day_and_move_someone(qtbot: QtBot, context: AppContext) -> None:
    board = open_board(qtbot, context)
    assert board.cards and all(not card.members for card in board.cards)
    assert "niemand" in board.figures.text().lower()
    qtbot.mouseClick(board.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: board.task is None and "geplaatst" in board.figures.text(), timeout=20_000
    )
    seated = sum(len(card.members) for card in board.cards)
    assert seated > 0
    first = board.cards[0]
    assert first.title.startswith(f"Tafel {first.number} — ")
    assert board.lists[first.table_id].count() == len(first.members)
    assert board.lists[first.table_id].item(0).text().startswith("1. ")

    # Drop the first person of table A on table B, as a drag would.
    source, target = board.cards[0], board.cards[1]
    person = source.members[0].participant_id
    board.lists[target.table_id].person_dropped.emit(person, target.table_id)
    with context.database.reading() as session:
        seat = session.scalars(select(Seat).where(Seat.participant_id == person)).one()
        assert (seat.table_id, seat.pinned) == (target.table_id, True)
    texts = [
        board.lists[target.table_id].item(i).text()
        for i in range(board.lists[target.table_id].count())
    ]
    assert any("📌" in text for text in texts)


def test_swap_partners_on_the_board(qtbot: QtBot, context: AppContext) -> None:
    board = open_board(qtbot, context)
    board.assign()
    qtbot.waitUntil(
        lambda: board.task is None and "geplaatst" in board.figures.text(), timeout=20_000
    )
    card = max(board.cards, key=lambda c: len(c.members))
    table_list = board.lists[card.table_id]
    first, last = card.members[0], card.members[-1]
    assert first.duo != last.duo
    table_list.item(0).setSelected(True)
    table_list.item(table_list.count() - 1).setSelected(True)
    board.swap_selected()
    card = next(c for c in board.cards if c.table_id == card.table_id)
    duo_of = {m.participant_id: m.duo for m in card.members}
    assert (duo_of[first.participant_id], duo_of[last.participant_id]) == (last.duo, first.duo)
    board.swap_selected()  # nothing selected any more
    assert board.figures.text() == "Kies twee mensen aan dezelfde tafel."
