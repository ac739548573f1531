"""Making a file off the GUI thread, with progress and Cancel: the print and report pages.

The job runs on the thread pool and returns the sentence to show; a cancelled or failed
job leaves its outcome label saying so, in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton, QWidget

from degenks_desktop.errors import Cancelled, KnownError
from degenks_desktop.i18n import _
from degenks_desktop.ui.background import BackgroundTask, Report, run_in_background

Job = Callable[[Report], str]


def run_file_job(
    parent: QWidget,
    job: Job,
    target: Path,
    *,
    buttons: Sequence[QPushButton],
    outcome: QLabel,
    on_done: Callable[[Path], None],
    on_finished: Callable[[], None],
    pool: QThreadPool | None,
    label: str,
) -> BackgroundTask:
    """Run `job` with a progress dialog; `on_done(target)` when it wrote its file, and
    `on_finished()` whatever came of it."""
    progress = QProgressDialog(label, _("Cancel"), 0, 100, parent)
    progress.setMinimumDuration(300)
    for button in buttons:
        button.setEnabled(False)

    def finish() -> None:
        progress.close()
        for button in buttons:
            button.setEnabled(True)
        on_finished()

    def done(text: Any) -> None:
        finish()
        outcome.setText(str(text))
        on_done(target)

    def failed(error: BaseException) -> None:
        finish()
        if isinstance(error, Cancelled):
            outcome.setText(_("Cancelled: no file was written."))
        elif isinstance(error, KnownError):
            outcome.setText(error.message)
        elif isinstance(error, OSError):
            outcome.setText(
                _("The file {path} cannot be written: choose another folder.").format(path=target)
            )
        else:
            raise error

    def advanced(done_count: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done_count)

    task = run_in_background(
        job, on_success=done, on_failure=failed, on_progress=advanced, pool=pool
    )
    progress.canceled.connect(task.cancel)
    return task
