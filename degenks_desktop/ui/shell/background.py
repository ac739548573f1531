"""One helper for work off the GUI thread, as Anki's CollectionOp and Picard's run_task.

`run_in_background(work, on_success=...)` runs `work(report)` on the context's pool;
`report(done, total)` passes progress on and raises `Cancelled` once the user has pressed
Cancel. Everything comes back on the GUI thread, after the caller has its task in hand,
and every failure takes the default path unless the caller says otherwise: cancelled is
quiet, a known error shows its one sentence, anything else is a bug and reaches the
crash dialog (through `sys.excepthook`), whether the work was a button's or a timer's.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from degenks_desktop.errors import Cancelled, KnownError

Report = Callable[[int, int], None]
Work = Callable[[Report], Any]


class TaskPool(Protocol):
    """What the helper needs of a thread pool: Qt's, or the tests' pool that runs at once."""

    def start(self, runnable: QRunnable, priority: int = ...) -> None: ...

    def waitForDone(self, msecs: int = ...) -> bool: ...  # noqa: N802 - Qt's name


class _Relay(QObject):
    """Carries a task's outcome across threads as queued signals."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class BackgroundTask(QRunnable):
    """A unit of work on the thread pool that can be cancelled between progress reports."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.relay = _Relay()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.relay.progressed.emit(done, total)

    def run(self) -> None:
        try:
            if self._cancel.is_set():  # cancelled while still waiting for a thread
                raise Cancelled
            result = self._work(self._report)
        except BaseException as error:
            self.relay.failed.emit(error)
        else:
            self.relay.succeeded.emit(result)


def show_known_error(error: KnownError) -> None:
    """The default for a known error: its sentence in a message box over the active window."""
    QMessageBox.warning(QApplication.activeWindow(), "De Genks Desktop", error.message)


def report_bug(error: BaseException) -> None:
    """A bug: to `sys.excepthook`, which in the app is the crash dialog."""
    sys.excepthook(type(error), error, error.__traceback__)


def run_in_background(
    work: Work,
    *,
    pool: TaskPool,
    on_success: Callable[[Any], None],
    on_known_error: Callable[[KnownError], None] = show_known_error,
    on_cancelled: Callable[[], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BackgroundTask:
    """Start `work` on `pool`; the callbacks run on the GUI thread.

    `on_finished` runs first whatever came of the work (close the progress dialog, enable
    the buttons again), then one of `on_success`, `on_cancelled`, `on_known_error`, or,
    for anything else, the crash dialog.
    """
    task = BackgroundTask(work)
    task.setAutoDelete(False)  # the caller keeps it, to cancel it

    def succeeded(result: object) -> None:
        if on_finished is not None:
            on_finished()
        on_success(result)

    def failed(error: BaseException) -> None:
        if on_finished is not None:
            on_finished()
        if isinstance(error, Cancelled):
            if on_cancelled is not None:
                on_cancelled()
        elif isinstance(error, KnownError):
            on_known_error(error)
        else:
            report_bug(error)

    # Queued even when the pool runs the work at once on this thread (the tests' pool):
    # the outcome then arrives after the caller has stored and wired up its task.
    queued = Qt.ConnectionType.QueuedConnection
    task.relay.succeeded.connect(succeeded, queued)
    task.relay.failed.connect(failed, queued)
    if on_progress is not None:
        task.relay.progressed.connect(on_progress, queued)
    pool.start(task)
    return task


def global_pool() -> QThreadPool:
    """Qt's application-wide thread pool, the app's default."""
    return QThreadPool.globalInstance()


class HeldPool:
    """A pool that holds the jobs asked of it until `release()`, then starts them in the
    order asked and every later one at once: the app's window opens before the refresh
    and the desk's first copy share the processor (and Python's lock) with it."""

    def __init__(self, pool: TaskPool) -> None:
        self._pool = pool
        self._held: list[tuple[QRunnable, int]] | None = []

    def start(self, runnable: QRunnable, priority: int = 0) -> None:
        """Start `runnable`, or hold it until `release()`."""
        if self._held is None:
            self._pool.start(runnable, priority)
        else:
            self._held.append((runnable, priority))

    def release(self) -> None:
        """Start what is held; from now on, start each job at once."""
        held, self._held = self._held or [], None
        for runnable, priority in held:
            self._pool.start(runnable, priority)

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        """Release what is held and wait for every job (the window closes, say)."""
        self.release()
        return self._pool.waitForDone(msecs)
