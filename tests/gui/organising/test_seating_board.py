"""The seating board: every table of a G360 day on a laptop's screen, the duos, the mix
against the day's per category (as a verdict, never as counts), and moves by hand."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, QSettings, Qt, QThreadPool
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.diversity import CATEGORIES
from degenks_desktop.domain.table_mix import Mix
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.front_desk.walk_ins import WalkIn, register_walk_in
from degenks_desktop.services.house.events import event_neighbourhoods
from degenks_desktop.services.organising.seating import seat_newcomer
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Day, Seat, Theme
from degenks_desktop.ui.organising.seating_board import (
    MIX_COLOURS,
    PERSON_MIME,
    MakeUpBar,
    MemberLabel,
    SeatingBoard,
    TableCardView,
    name_forms,
)
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.organisers import as_organiser
from tests.helpers.pools import ImmediatePool
from tests.helpers.seating import consenting_by_gender, seat_at_table
from tests.helpers.windows import refreshed

WINDOWS: list[MainWindow] = []


@pytest.fixture
def g360_context(sqlite_database_url: str, settings: QSettings) -> Iterator[AppContext]:
    """The full demo G360 (449 people, 26 tables a day), seated, as the app opens it."""
    database = open_database(sqlite_database_url)
    create_demo_event(database)
    settings.setValue(SETTING_DESK_NAME, "organisatie")
    context = AppContext(
        database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    context.reload_event()
    context.organiser.sign_in(as_organiser(database))
    yield context
    database.close()


def open_board(
    qtbot: QtBot, context: AppContext, size: tuple[int, int] = (1366, 768)
) -> SeatingBoard:
    """The main window at `size`, on Organisatie's seating page."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    window.resize(*size)
    window.show()
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.seating_board)
    QApplication.processEvents()
    return window.organiser.seating_board


def seat_the_day(qtbot: QtBot, board: SeatingBoard) -> None:
    qtbot.mouseClick(board.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: board.task is None and "geplaatst" in board.figures.text(), timeout=20_000
    )


def card_of(board: SeatingBoard, number: int) -> QWidget:
    card = board.findChild(QWidget, f"table{number}")
    assert card is not None, f"no card for table {number}"
    return card


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def names_on(view: QWidget) -> list[MemberLabel]:
    return view.findChildren(MemberLabel)


def mix_colour(view: TableCardView, key: str) -> QColor:
    """The colour the card's bar shows for category `key`, read off the screen."""
    bar = view.findChild(MakeUpBar)
    assert bar is not None and bar.isVisible()
    index = [category.key for category in view.card.make_up].index(key)
    segment = bar.segment(index)
    image = bar.grab().toImage()
    return image.pixelColor(segment.center().x(), segment.bottom())


def test_every_table_of_a_g360_day_fits_a_laptop_screen(
    qtbot: QtBot, g360_context: AppContext
) -> None:
    board = open_board(qtbot, g360_context)
    viewport = board.tables_area.viewport()
    assert len(board.cards) == 26
    for card in board.cards:
        view = card_of(board, card.number)
        assert view.isVisible()
        assert viewport.rect().contains(rect_in(view, viewport)), f"table {card.number}"
        labels = [label for label in view.findChildren(QLabel) if label.isVisible()]
        assert len(labels) > len(card.members)  # the names, and the number and theme
        for label in labels:
            text = label.text()
            assert label.fontMetrics().horizontalAdvance(text) <= label.width(), text
            assert "…" not in text
            assert view.rect().contains(rect_in(label, view)), text
        shown = [label.text() for label in names_on(view)]
        assert len(shown) == len(card.members)
    # Names are short on the card and whole in their tooltip.
    member = board.cards[0].members[0]
    label = next(
        label
        for label in names_on(card_of(board, board.cards[0].number))
        if label.member.participant_id == member.participant_id
    )
    assert label.text() in name_forms(member)
    assert member.name in label.toolTip()


def test_a_card_lists_its_members_by_duo(qtbot: QtBot, context: AppContext) -> None:
    board = open_board(qtbot, context)
    assert board.cards and all(not card.members for card in board.cards)
    assert "niemand" in board.figures.text().lower()
    seat_the_day(qtbot, board)
    with context.database.reading() as session:
        duo_of = dict(session.execute(select(Seat.participant_id, Seat.duo_id)).all())
    card = max(board.cards, key=lambda card: len(card.members))
    view = card_of(board, card.number)
    assert card.title.startswith(f"Tafel {card.number} — ")
    lines: dict[int, set[int | None]] = {}
    for label in names_on(view):
        lines.setdefault(label.y(), set()).add(duo_of[label.member.participant_id])
    # Each line of names holds one duo, and the duo's number leads its first line.
    assert all(len(duos) == 1 for duos in lines.values())
    numbers = [
        label.text()
        for label in sorted(view.findChildren(QLabel, "duoNumber"), key=lambda label: label.y())
        if label.text()
    ]
    assert numbers == [str(duo) for duo, _members in card.duos()]
    assert len(set().union(*lines.values())) == len(card.duos())


def test_a_one_sided_table_shows_far_off_and_a_balanced_one_close(
    qtbot: QtBot, context: AppContext
) -> None:
    board = open_board(qtbot, context)
    seat_the_day(qtbot, board)
    with context.database.reading() as session:
        day_id = session.scalars(select(Day.id).where(Day.number == 1)).one()
    genders = consenting_by_gender(context.database, day_id)
    one_sided, balanced = board.cards[0], board.cards[1]
    seat_at_table(context.database, one_sided.table_id, genders["f"][:6])
    seat_at_table(context.database, balanced.table_id, genders["f"][6:9] + genders["m"][:3])
    board.refresh()
    far = mix_colour(board.card_views[one_sided.table_id], "gender")
    close = mix_colour(board.card_views[balanced.table_id], "gender")
    assert far.name() == MIX_COLOURS[Mix.FAR_OFF]
    assert close.name() == MIX_COLOURS[Mix.CLOSE]
    bar = board.card_views[one_sided.table_id].findChild(MakeUpBar)
    assert bar is not None
    tooltip = bar.toolTip()
    assert f"{_('Gender')}: {_('far off')}" in tooltip
    assert "percentage points" in tooltip or "procentpunt" in tooltip


def test_no_card_shows_a_count_of_answers(qtbot: QtBot, g360_context: AppContext) -> None:
    board = open_board(qtbot, g360_context)
    with g360_context.database.reading() as session:
        neighbourhoods = event_neighbourhoods(session, g360_context.event.id)  # type: ignore[union-attr]
    answers = {_(label) for category in CATEGORIES for label in category.values.values()}
    answers |= set(neighbourhoods)
    for card in board.cards:
        view = card_of(board, card.number)
        bar = view.findChild(MakeUpBar)
        assert bar is not None
        # The bar names every watched category, and says only how far off it is.
        for category in card.make_up:
            assert f"{_(category.label)}: " in bar.toolTip()
        texts = [
            text
            for widget in [view, *view.findChildren(QWidget)]
            for text in (widget.toolTip(), getattr(widget, "text", lambda: "")())
        ]
        for text in texts:
            for answer in answers:
                assert not re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", text), (answer, text)
        # The only figures in the bar's words are the measure's bounds.
        assert set(re.findall(r"\d+", bar.toolTip())) <= {"20", "35", "5"}


def test_refresh_shows_a_walk_in_on_their_tables_card(qtbot: QtBot, context: AppContext) -> None:
    board = open_board(qtbot, context)
    seat_the_day(qtbot, board)
    with context.database.reading() as session:
        day_id = session.scalars(select(Day.id).where(Day.number == 1)).one()
        theme_id = session.scalars(select(Theme.id).order_by(Theme.position)).first()
    assert theme_id is not None
    made = register_walk_in(
        context.database,
        WalkIn(first_name="Nieuw", last_name="Binnen", day_id=day_id, theme_id=theme_id),
        desk="onthaal 1",
    )
    seat = seat_newcomer(context.database, made.participant_id, day_number=1)
    assert seat is not None
    board.refresh()
    card = next(card for card in board.cards if card.number == seat[0])
    view = card_of(board, card.number)
    names = {label.text(): label for label in names_on(view)}
    assert "Nieuw B." in names
    assert "Nieuw Binnen" in names["Nieuw B."].toolTip()
    # The walk-in checked in: the day has started, and the card counts who is here.
    status = view.findChild(QLabel, "checkedIn")
    assert (
        status is not None
        and status.text().startswith("1 ")
        and str(len(card.members)) in status.text()
    )


def test_refresh_keeps_the_place_scrolled_to(qtbot: QtBot, g360_context: AppContext) -> None:
    board = open_board(qtbot, g360_context, size=(900, 600))  # too small for a whole day
    scroll = board.tables_area.verticalScrollBar()
    assert scroll.maximum() > 0
    scroll.setValue(scroll.maximum() // 2)
    place = scroll.value()
    check_in_participant(
        g360_context.database, board.cards[0].members[0].participant_id, desk="d", day_number=1
    )
    board.refresh()
    assert scroll.value() == place
    assert board.cards[0].checked_in == 1


def test_drag_someone_onto_another_table(qtbot: QtBot, context: AppContext) -> None:
    board = open_board(qtbot, context)
    seat_the_day(qtbot, board)
    source, target = board.cards[0], board.cards[1]
    person = source.members[0].participant_id
    mime = QMimeData()
    mime.setData(PERSON_MIME, str(person).encode())
    view = board.card_views[target.table_id]
    at = QPointF(view.width() / 2, view.height() / 2)
    # Qt takes a drop only from its own drag manager (a sent Drop event is dropped), so
    # the card gets the events of a drag the way that manager hands them over.
    enter = QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    own = QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    board.card_views[source.table_id].dragEnterEvent(own)
    assert not own.isAccepted()  # their own table: nothing to move
    view.dropEvent(
        QDropEvent(
            at,
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    with context.database.reading() as session:
        seat = session.scalars(select(Seat).where(Seat.participant_id == person)).one()
        assert (seat.table_id, seat.pinned) == (target.table_id, True)
    moved = next(
        label
        for label in names_on(board.card_views[target.table_id])
        if label.member.participant_id == person
    )
    assert moved.font().italic()  # pinned


def test_swap_partners_on_the_board(qtbot: QtBot, context: AppContext) -> None:
    board = open_board(qtbot, context)
    seat_the_day(qtbot, board)
    card = max(board.cards, key=lambda c: len(c.members))
    first, last = card.members[0], card.members[-1]
    assert first.duo != last.duo
    labels = {
        label.member.participant_id: label for label in names_on(board.card_views[card.table_id])
    }
    qtbot.mouseClick(labels[first.participant_id], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(labels[last.participant_id], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(board.swap_button, Qt.MouseButton.LeftButton)
    card = next(c for c in board.cards if c.table_id == card.table_id)
    duo_of = {m.participant_id: m.duo for m in card.members}
    assert (duo_of[first.participant_id], duo_of[last.participant_id]) == (last.duo, first.duo)
    qtbot.mouseClick(board.swap_button, Qt.MouseButton.LeftButton)  # nothing chosen any more
    assert board.figures.text() == "Kies twee mensen aan dezelfde tafel."


def test_the_board_on_screen_follows_a_walk_in_through_the_windows_refresh(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.seating_board)
    board = window.organiser.seating_board
    seat_the_day(qtbot, board)
    refreshed(qtbot, window)
    with context.database.reading() as session:
        day_id = session.scalars(select(Day.id).where(Day.number == 1)).one()
        theme_id = session.scalars(select(Theme.id).order_by(Theme.position)).first()
    assert theme_id is not None
    made = register_walk_in(  # at another laptop's desk: only the database knows
        context.database,
        WalkIn(first_name="Laat", last_name="Binnen", day_id=day_id, theme_id=theme_id),
        desk="onthaal 2",
    )
    assert seat_newcomer(context.database, made.participant_id, day_number=1) is not None
    window.refresh_counts()  # the window's timer, every 3 s
    refreshed(qtbot, window)
    assert any(
        member.participant_id == made.participant_id
        for card in board.cards
        for member in card.members
    )


def seats_of(context: AppContext) -> set[tuple[int, int, int | None]]:
    with context.database.reading() as session:
        return {
            (seat.participant_id, seat.table_id, seat.duo_id)
            for seat in session.scalars(select(Seat))
        }


def test_seating_the_day_shows_its_progress_and_cancel_leaves_the_day_as_it_was(
    qtbot: QtBot, g360_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape on the progress dialog stops the search: no seat moves, the line says so."""
    monkeypatch.setattr("degenks_desktop.domain.seating.TRIES_BASE", 50_000_000)  # a long one
    context = g360_context
    board = open_board(qtbot, context)
    pool = QThreadPool()  # a real thread, as in the app: the search runs beside the GUI
    context.pool = pool
    before = seats_of(context)
    qtbot.mouseClick(board.assign_button, Qt.MouseButton.LeftButton)

    def dialog() -> QProgressDialog | None:
        found = [d for d in board.findChildren(QProgressDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: (shown := dialog()) is not None and shown.value() > 0, timeout=20_000)
    shown = dialog()
    assert shown is not None and 0 < shown.value() < shown.maximum()
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: board.task is None, timeout=20_000)
    pool.waitForDone(20_000)
    assert board.figures.text() == _("Cancelled: the seating of the day is as it was.")
    assert board.assign_button.isEnabled()
    assert seats_of(context) == before
