"""Automatic backups during the day: every few minutes off the GUI thread, and on exit."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from degenks_desktop.errors import KnownError
from degenks_desktop.services.house.backups import take_backup
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext

BACKUP_INTERVAL_MS = 5 * 60 * 1000


class BackupKeeper(QObject):
    """Takes a backup every `BACKUP_INTERVAL_MS`; says where, or in one sentence why not."""

    backed_up = Signal(str)  # the copy's path
    failed = Signal(str)  # the sentence

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._task: BackgroundTask | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_INTERVAL_MS)
        self.timer.timeout.connect(self.back_up_soon)

    def start(self) -> None:
        """Back up on the timer from now on."""
        self.timer.start()

    def back_up_soon(self) -> None:
        """One backup off the GUI thread (skipped while the previous one still runs)."""
        if self._task is not None:
            return
        database = self.context.database

        def work(_report: Report) -> str:
            return str(take_backup(database))

        def finished() -> None:
            self._task = None

        # A bug in a backup reaches the crash dialog like any other: the default path.
        self._task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=lambda path: self.backed_up.emit(str(path)),
            on_known_error=lambda error: self.failed.emit(error.message),
            on_finished=finished,
        )

    def back_up_now(self) -> None:
        """A last backup as the app closes (on the GUI thread: the window is going anyway)."""
        self.timer.stop()
        self.context.pool.waitForDone(30_000)
        try:
            self.backed_up.emit(str(take_backup(self.context.database)))
        except KnownError as error:
            self.failed.emit(error.message)
