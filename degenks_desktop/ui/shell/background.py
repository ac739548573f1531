"""One helper for work off the GUI thread, as Anki's CollectionOp and Picard's run_task.

`run_in_background(work, on_success=..., on_failure=...)` runs `work(report)` on Qt's
thread pool; `report(done, total)` passes progress on and raises `Cancelled` once the
user has pressed Cancel. Results, failures and progress arrive on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from degenks_desktop.errors import Cancelled

Report = Callable[[int, int], None]
Work = Callable[[Report], Any]


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


def run_in_background(
    work: Work,
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Start `work` on the thread pool; the callbacks run on the GUI thread."""
    task = BackgroundTask(work)
    task.setAutoDelete(False)  # the caller keeps it, to cancel it
    task.relay.succeeded.connect(on_success)
    task.relay.failed.connect(on_failure)
    if on_progress is not None:
        task.relay.progressed.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
