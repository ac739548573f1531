"""The one way to work off the GUI thread: results on the GUI thread, and a default path
for every failure (cancelled is quiet, a known error shows its sentence, a bug reaches
the crash dialog), for a button's job and a timer's alike."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.ui.shell import backup_keeper
from degenks_desktop.ui.shell.background import HeldPool, Report, run_in_background
from degenks_desktop.ui.shell.backup_keeper import BackupKeeper
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.pools import ImmediatePool

Hook = tuple[type[BaseException], BaseException, TracebackType | None]


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[Hook]:
    """What reached `sys.excepthook` (the crash dialog in the app)."""
    caught: list[Hook] = []
    monkeypatch.setattr(sys, "excepthook", lambda *hook: caught.append(hook))
    return caught


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sentences shown in a warning box."""
    shown: list[str] = []

    def warn(_parent: QWidget | None, _title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


def test_the_result_arrives_after_the_caller_holds_its_task(qtbot: QtBot) -> None:
    pool = ImmediatePool()
    events: list[str] = []
    holder: dict[str, object] = {}

    def done(result: object) -> None:
        events.append(f"done {result} with the task held: {'task' in holder}")

    def answer(report: Report) -> int:
        report(1, 2)
        return 42

    holder["task"] = run_in_background(
        answer,
        pool=pool,
        on_success=done,
        on_finished=lambda: events.append("finished"),
        on_progress=lambda step, total: events.append(f"{step}/{total}"),
    )
    assert pool.started == 1 and events == []  # the work ran; its outcome waits for the loop
    qtbot.waitUntil(lambda: len(events) == 3)
    assert events == ["1/2", "finished", "done 42 with the task held: True"]


def test_cancelled_is_quiet(qtbot: QtBot, bugs: list[Hook], warnings: list[str]) -> None:
    outcome: list[str] = []
    gate = threading.Event()

    def long_job(report: Report) -> None:
        gate.wait(5)  # held until the clerk has pressed Cancel
        report(1, 100)

    task = run_in_background(
        long_job,
        pool=QThreadPool.globalInstance(),
        on_success=lambda _result: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]
    assert (bugs, warnings) == ([], [])


def test_a_known_error_shows_its_sentence_by_default(
    qtbot: QtBot, bugs: list[Hook], warnings: list[str]
) -> None:
    def refused(_report: Report) -> None:
        raise InputRejected("Kies een ander bestand: dit is geen Excel-bestand.")

    run_in_background(refused, pool=ImmediatePool(), on_success=lambda _result: None)
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings == ["Kies een ander bestand: dit is geen Excel-bestand."]
    assert bugs == []


def test_a_known_error_can_go_where_the_caller_says(qtbot: QtBot, warnings: list[str]) -> None:
    said: list[str] = []

    def refused(_report: Report) -> None:
        raise InputRejected("Niets veranderd.")

    run_in_background(
        refused,
        pool=ImmediatePool(),
        on_success=lambda _result: None,
        on_known_error=lambda error: said.append(error.message),
    )
    qtbot.waitUntil(lambda: bool(said))
    assert (said, warnings) == (["Niets veranderd."], [])


def test_a_bug_reaches_the_crash_dialog_from_a_real_thread(
    qtbot: QtBot, bugs: list[Hook], warnings: list[str]
) -> None:
    threads: list[str] = []

    def broken(_report: Report) -> None:
        threads.append(threading.current_thread().name)
        raise ZeroDivisionError

    run_in_background(broken, pool=QThreadPool.globalInstance(), on_success=lambda _r: None)
    qtbot.waitUntil(lambda: bool(bugs), timeout=5000)
    assert bugs[0][0] is ZeroDivisionError
    assert threads != [threading.main_thread().name]  # it ran off the GUI thread
    assert warnings == []


def test_a_timer_jobs_bug_is_shown_not_only_logged(
    qtbot: QtBot, context: AppContext, bugs: list[Hook], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_backup(_database: object) -> None:
        raise KeyError("table")

    monkeypatch.setattr(backup_keeper, "take_backup", broken_backup)
    keeper = BackupKeeper(context)
    keeper.back_up_soon()  # what the five-minute timer does
    qtbot.waitUntil(lambda: bool(bugs))
    assert bugs[0][0] is KeyError


def test_a_timer_jobs_known_error_is_said_in_one_sentence(
    qtbot: QtBot, context: AppContext, bugs: list[Hook], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_database: object) -> None:
        raise KnownError("De schijf is vol: maak ruimte vrij.")

    monkeypatch.setattr(backup_keeper, "take_backup", full_disk)
    keeper = BackupKeeper(context)
    with qtbot.waitSignal(keeper.failed) as said:
        keeper.back_up_soon()
    assert said.args == ["De schijf is vol: maak ruimte vrij."]
    assert bugs == []


def test_work_asked_while_the_window_opens_starts_once_it_is_on_screen(qtbot: QtBot) -> None:
    """The app's pools hold the refresh and the desk's first copy until the window has
    painted itself; then those start in the order asked, and later work at once."""
    pool = HeldPool(ImmediatePool())
    done: list[str] = []

    def named(name: str) -> Callable[[Report], str]:
        return lambda _report: name

    tasks = [  # kept, as their callers keep them
        run_in_background(named(name), pool=pool, on_success=done.append)
        for name in ("counts", "desk copy")
    ]
    qtbot.wait(50)
    assert done == []  # the window is not on screen yet
    pool.release()
    qtbot.waitUntil(lambda: done == ["counts", "desk copy"])
    tasks.append(run_in_background(lambda _report: "a scan", pool=pool, on_success=done.append))
    qtbot.waitUntil(lambda: done[-1] == "a scan")
    held = HeldPool(ImmediatePool())
    tasks.append(run_in_background(lambda _report: "backup", pool=held, on_success=done.append))
    assert held.waitForDone()  # closing while still held: the work is done, not dropped
    qtbot.waitUntil(lambda: done[-1] == "backup")
