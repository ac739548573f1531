"""Crash safety and backups in the window: a report without data, restore after a warning,
a second window on the same file noticed, and a last backup on closing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from degenks_desktop.crash_report import crash_report
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.house.backups import automatic_backups
from degenks_desktop.storage.models import CheckIn, Participant
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.crash_dialog import CrashDialog, handle_uncaught
from degenks_desktop.ui.shell.main_window import MainWindow


def register_ayse() -> None:
    raise ValueError("Ayşe Yılmaz <ayse@example.org> could not be seated")


def test_the_crash_report_names_the_code_never_the_data(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        register_ayse()
    except ValueError:
        kind, _error, trace = sys.exc_info()
    assert kind is not None
    report = crash_report(kind, trace)
    assert "builtins.ValueError" in report and "register_ayse" in report
    assert "Ayşe" not in report and "example.org" not in report
    shown: list[type[BaseException]] = []
    monkeypatch.setattr(CrashDialog, "show", classmethod(lambda _c, k, _t: shown.append(k)))
    monkeypatch.setattr(sys, "__excepthook__", lambda *_args: None)
    handle_uncaught(kind, ValueError("x"), trace)
    assert shown == [ValueError]


def count_check_ins(context: AppContext) -> int:
    with context.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(CheckIn)) or 0)


def test_restore_from_the_window_only_after_the_warning(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    backup = tmp_path / "kopie.sqlite"
    monkeypatch.setattr(
        MainWindow, "ask_backup_path", classmethod(lambda _c, _p, **_saving: backup)
    )
    window.make_backup()
    assert backup.exists()
    with context.database.reading() as session:
        person = session.scalars(select(Participant.id).limit(1)).one()
    check_in_participant(context.database, person, desk="onthaal 1")
    monkeypatch.setattr(MainWindow, "confirm_restore", classmethod(lambda _c, _p, _f: False))
    window.restore_from_backup()
    assert count_check_ins(context) == 1
    monkeypatch.setattr(MainWindow, "confirm_restore", classmethod(lambda _c, _p, _f: True))
    window.restore_from_backup()
    assert count_check_ins(context) == 0
    assert window.statusBar().currentMessage().startswith("Teruggezet vanuit")


def test_a_second_window_on_the_same_file_is_told_and_closing_backs_up(
    qtbot: QtBot, context: AppContext
) -> None:
    first = MainWindow(context)
    qtbot.addWidget(first)
    second = MainWindow(context)
    qtbot.addWidget(second)
    assert first.shared_label.text() == ""
    assert second.shared_label.text().startswith("Deze databank is ook open")
    # Other tests' backups share the folder and the oldest are pruned: count what is new.
    before = {backup.path for backup in automatic_backups(context.database)}
    second.close()
    made = [b for b in automatic_backups(context.database) if b.path not in before]
    assert len(made) == 1
