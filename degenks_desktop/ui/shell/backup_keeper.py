"""Automatic backups during the day: every few minutes off the GUI thread, and on exit."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from degenks_desktop.errors import KnownError
from degenks_desktop.services.house.backups import take_backup
from degenks_desktop.storage.database import Database
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background

BACKUP_INTERVAL_MS = 5 * 60 * 1000
log = logging.getLogger(__name__)


class BackupKeeper(QObject):
    """Takes a backup every `BACKUP_INTERVAL_MS`; says where, or in one sentence why not."""

    backed_up = Signal(str)  # the copy's path
    failed = Signal(str)  # the sentence

    def __init__(self, database: Database, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.database = database
        self.pool = pool
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
        database = self.database

        def work(_report: Report) -> str:
            return str(take_backup(database))

        def done(path: object) -> None:
            self._task = None
            self.backed_up.emit(str(path))

        def failed(error: BaseException) -> None:
            self._task = None
            if isinstance(error, KnownError):
                self.failed.emit(error.message)
            else:
                log.error("automatic backup failed", exc_info=error)

        self._task = run_in_background(work, on_success=done, on_failure=failed, pool=self.pool)

    def back_up_now(self) -> None:
        """A last backup as the app closes (on the GUI thread: the window is going anyway)."""
        self.timer.stop()
        (self.pool or QThreadPool.globalInstance()).waitForDone(30_000)
        try:
            self.backed_up.emit(str(take_backup(self.database)))
        except KnownError as error:
            self.failed.emit(error.message)
