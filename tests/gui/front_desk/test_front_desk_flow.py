"""The front desk around the scan: badges at check-in, walk-ins to a seat and a badge,
sounds, the organisers' arrivals dashboard, and a desk that works through an outage."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.front_desk.arrivals import ArrivalCount
from degenks_desktop.services.organising.seating import assign_seats, seating_board
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import BadgePrint, CheckIn, Participant
from degenks_desktop.ui.front_desk.arrivals_view import ArrivalsView
from degenks_desktop.ui.front_desk.sounds import SOUND_FOR_COLOUR, sound_file
from degenks_desktop.ui.front_desk.station import SETTING_AUTO_BADGE, CheckInStation
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.printing.badge_printing import DeskBadgePrinter, PrintBadgeDialog
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.desk import day_one_people, scan, type_name
from tests.helpers.outage import HaltingServer
from tests.helpers.pdfs import qr_codes_in
from tests.helpers.windows import refreshed


class PdfPrinters:
    """Stands in for the desk's printer: every print lands in its own PDF file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: list[Path] = []

    def printed(self) -> list[Path]:
        """The PDFs a badge was actually printed into."""
        return [path for path in self.files if path.exists()]

    def next_printer(self) -> QPrinter:
        path = self.folder / f"print-{len(self.files) + 1}.pdf"
        self.files.append(path)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer


def open_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.workspaces.setCurrentWidget(window.front_desk)
    window.day_picker.setCurrentIndex(0)
    return window


def test_a_badge_is_printed_at_check_in_for_whoever_has_none(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context.settings.setValue(SETTING_AUTO_BADGE, True)
    printers = PdfPrinters(tmp_path)
    monkeypatch.setattr(DeskBadgePrinter, "printer", lambda _self: printers.next_printer())
    window = open_window(qtbot, context)
    station = window.front_desk.station
    assert station.auto_badge.isChecked()
    (_first_id, first, _), (second_id, second, _) = day_one_people(context, 2)
    scan(qtbot, station, first)
    assert [qr_codes_in(path) for path in printers.printed()] == [[first]]
    qtbot.waitUntil(lambda: window.front_desk.outcome.text() == "De badge is afgedrukt.")

    # Someone whose badge came in the post: checked in, no second badge.
    with context.database.transaction() as session:
        session.add(BadgePrint(participant_id=second_id, desk="bulk"))
    scan(qtbot, station, second)
    assert station.colour in ("green", "purple")
    assert len(printers.printed()) == 1

    # The clerk asks for it anyway: a reprint asks first, and "no" prints nothing.
    asked: list[str] = []

    def say_no(_cls: type, _parent: object, message: str) -> None:
        asked.append(message)

    monkeypatch.setattr(PrintBadgeDialog, "ask_reprint_reason", classmethod(say_no))
    station.badge_button.click()
    assert asked and len(printers.printed()) == 1
    assert window.front_desk.outcome.text() == "Niet opnieuw afgedrukt."
    monkeypatch.setattr(
        PrintBadgeDialog, "ask_reprint_reason", classmethod(lambda _c, _p, _m: "kwijt")
    )
    station.badge_button.click()
    assert qr_codes_in(printers.printed()[-1]) == [second]


def test_without_the_setting_no_badge_is_printed_at_check_in(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printers = PdfPrinters(tmp_path)
    monkeypatch.setattr(DeskBadgePrinter, "printer", lambda _self: printers.next_printer())
    window = open_window(qtbot, context)
    assert not window.front_desk.station.auto_badge.isChecked()
    scan(qtbot, window.front_desk.station, day_one_people(context, 1)[0][1])
    assert printers.printed() == []
    window.front_desk.station.auto_badge.setChecked(True)
    assert str(context.settings.value(SETTING_AUTO_BADGE)).lower() == "true"


def test_a_walk_in_gets_a_seat_at_the_chosen_theme_and_a_badge(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assign_seats(context.database, day_number=1, effort=0.1)
    printers = PdfPrinters(tmp_path)
    monkeypatch.setattr(DeskBadgePrinter, "printer", lambda _self: printers.next_printer())
    window = open_window(qtbot, context)
    chosen: list[str] = []

    def fill_and_accept(dialog: WalkInDialog) -> int:
        dialog.first_name.setText("Lien")
        dialog.last_name.setText("Vanhoof")
        dialog.theme.setCurrentIndex(2)
        chosen.append(dialog.theme.currentText())
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(WalkInDialog, "exec", fill_and_accept)
    window.front_desk.register_walk_in()
    assert window.front_desk.station.colour == "green"
    assert window.front_desk.station.card.text().startswith("Welkom Lien Vanhoof — Tafel ")
    table, theme = (
        window.front_desk.station.card.text()
        .removeprefix("Welkom Lien Vanhoof — Tafel ")
        .split(", ")
    )
    assert theme == chosen[0]
    board = {card.number: card for card in seating_board(context.database, 1)}
    assert board[int(table)].theme == chosen[0]
    assert "Lien Vanhoof" in [member.name for member in board[int(table)].members]
    with context.database.reading() as session:
        code = session.scalar(
            select(Participant.badge_code).where(Participant.last_name == "Vanhoof")
        )
    assert [qr_codes_in(path) for path in printers.printed()] == [[code]]
    qtbot.waitUntil(lambda: window.front_desk.outcome.text().endswith("De badge is afgedrukt."))


def test_each_result_has_its_own_sound_and_the_sounds_can_be_switched_off(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    lengths = set()
    for name in SOUND_FOR_COLOUR.values():
        with wave.open(str(sound_file(name))) as sound:
            seconds = sound.getnframes() / sound.getframerate()
            assert 0.1 < seconds < 0.6  # short enough for a queue
            lengths.add(sound.getnframes())
    assert len(lengths) == 4  # four different sounds
    station = CheckInStation(context)
    qtbot.addWidget(station)
    station.day_number = 1
    code = day_one_people(context, 1)[0][1]
    heard = []
    for typed in (code, code, "ZZZZZZZZZZ"):
        scan(qtbot, station, typed)
        heard.append(station.sounds.last_played)
    assert heard[1:] == ["already", "unknown"]
    assert heard[0] in ("welcome", "note")
    station.sound_switch.setChecked(False)
    station.sounds.last_played = ""
    scan(qtbot, station, code)
    assert station.sounds.last_played == ""
    assert str(settings.value("desk/sounds")).lower() == "false"


def test_the_organisers_dashboard_shows_the_desks_counts(qtbot: QtBot, context: AppContext) -> None:
    window = open_window(qtbot, context)
    for _pid, code, _last in day_one_people(context, 3):
        scan(qtbot, window.front_desk.station, code)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.arrivals_view)
    refreshed(qtbot, window)
    total = window.organiser.arrivals_view.total.text()
    checked_in, expected = window.checked_in_tile.figure.text().split(" / ")
    assert total.startswith(f"{checked_in} van {expected} ")
    assert checked_in == "3"
    themes = window.organiser.arrivals_view.themes
    column = themes.CHECKED_IN
    assert sum(themes.data(themes.index(row, column)) for row in range(themes.rowCount())) == 3
    assert window.front_desk.station.theme_counts.text().count("/") == themes.rowCount()


def test_a_desk_works_through_a_real_postgresql_outage(
    qtbot: QtBot, halting_postgres: HaltingServer, settings: QSettings
) -> None:
    database = open_database(halting_postgres.url)
    create_demo_event(database, participants=40)
    with database.reading() as session:
        people = session.execute(
            select(Participant.badge_code, Participant.last_name)
            .where(Participant.day_id.is_not(None))
            .order_by(Participant.id)
            .limit(3)
        ).all()
    pool = QThreadPool()  # a real thread: a halted server must not freeze the desk
    settings.setValue(SETTING_DESK_NAME, "onthaal 3")
    context = AppContext(database=database, settings=settings, pool=pool)
    station = CheckInStation(context)
    qtbot.addWidget(station)
    station.day_number = 1
    station.start_link()
    qtbot.waitUntil(lambda: not station.syncing, timeout=10_000)
    assert station.desk.has_copy

    halting_postgres.halt()
    scan(qtbot, station, people[0][0])
    assert station.colour in ("green", "purple")
    assert not station.online
    assert not station.connection_banner.isHidden()
    assert "1 check-in wacht om verstuurd" in station.connection_banner.text()
    scan(qtbot, station, people[0][0])
    assert station.colour == "orange"
    type_name(qtbot, station, people[1][1][:4])  # a name search, from the copy
    assert station.matches.count() >= 1
    station.scan_box.clear()
    station.matches.clear()
    scan(qtbot, station, people[2][0])

    halting_postgres.resume()
    station.sync_now()
    qtbot.waitUntil(lambda: station.online and not station.syncing, timeout=15_000)
    assert "2 check-ins van deze balie zijn verstuurd" in station.connection_banner.text()
    with database.reading() as session:
        arrived = session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.undone_at.is_(None))
        )
    assert arrived == 2
    assert station.desk.waiting() == 0
    station.stop_link()
    pool.waitForDone()
    database.close()


def test_the_dashboard_sorts_tables_as_numbers_and_marks_those_lagging_behind(
    qtbot: QtBot,
) -> None:
    view = ArrivalsView()
    qtbot.addWidget(view)
    tables = [ArrivalCount("10", 4, 8), ArrivalCount("2", 0, 8), ArrivalCount("1", 5, 8)]
    view.show_arrivals(9, 24, [ArrivalCount("Wonen", 9, 24)], tables)
    proxy = view.table_view.model()
    shown = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert shown == ["1", "2", "10"]
    # The day stands at 9 of 24 (38 %): table 2 with nobody lags, 10 at 50 % does not.
    assert [view.tables.lagging(row) for row in range(3)] == [False, True, False]
