"""Making a file off the GUI thread, with progress and Cancel: the print and report pages.

The job runs on the thread pool and returns the sentence to show; a cancelled or failed
job leaves its outcome label saying so, in one sentence. `FileJobPage` is what both pages
share: the outcome line with its Open button, the save dialog, and the job runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.house.events import EventInfo
from degenks_desktop.ui.shell.background import (
    BackgroundTask,
    Report,
    TaskPool,
    run_in_background,
)
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.labels import day_label

Job = Callable[[Report], str]


class JobProgress(QProgressDialog):
    """How far a file job is, with Cancel; `label` is marked with `N_` and translated when
    shown, so that a new language while the job runs words the dialog again."""

    def __init__(self, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = label
        self.setRange(0, 100)
        self.retranslate()

    def retranslate(self) -> None:
        """The dialog's words in the language of the moment."""
        self.setLabelText(_(self.label))
        self.setCancelButtonText(_("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's words in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def run_file_job(
    parent: QWidget,
    job: Job,
    target: Path,
    *,
    buttons: Sequence[QPushButton],
    outcome: QLabel,
    on_done: Callable[[Path], None],
    on_finished: Callable[[], None],
    pool: TaskPool,
    label: str,
) -> BackgroundTask:
    """Run `job` with a progress dialog saying `label` (marked with `N_`); `on_done(target)`
    when it wrote its file, and `on_finished()` whatever came of it."""
    progress = JobProgress(label, parent)
    progress.setMinimumDuration(300)
    for button in buttons:
        button.setEnabled(False)

    def finish() -> None:
        progress.close()
        for button in buttons:
            button.setEnabled(True)
        on_finished()

    def done(text: Any) -> None:
        outcome.setText(str(text))
        on_done(target)

    def refused(error: KnownError) -> None:
        outcome.setText(error.message)

    def advanced(done_count: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done_count)

    def unwritable(report: Report) -> str:
        try:
            return job(report)
        except OSError as error:  # a full disk or a folder without rights: not a bug
            raise KnownError(
                _("The file {path} cannot be written: choose another folder.").format(path=target)
            ) from error

    task = run_in_background(
        unwritable,
        pool=pool,
        on_success=done,
        on_known_error=refused,
        on_cancelled=lambda: outcome.setText(_("Cancelled: no file was written.")),
        on_finished=finish,
        on_progress=advanced,
    )
    progress.canceled.connect(task.cancel)
    return task


class FileJobPage(QWidget):
    """A page whose buttons each save a file made off the GUI thread; `open_text`, the
    Open button's text, is marked with `N_` and translated when shown."""

    def __init__(
        self,
        context: AppContext,
        *,
        outcome_name: str,
        open_text: str,
    ) -> None:
        super().__init__()
        self.context = context
        self.open_text = open_text
        self.task: BackgroundTask | None = None
        self.last_file: Path | None = None
        self.outcome = QLabel()
        self.outcome.setObjectName(outcome_name)
        self.outcome.setWordWrap(True)
        self.open_button = QPushButton(_(open_text))
        self.open_button.setObjectName("openButton")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_last)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the Open button in it (the pages do their own forms)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.open_button.setText(_(self.open_text))
        super().changeEvent(event)

    def outcome_row(self) -> QHBoxLayout:
        """The outcome sentence with the Open button, for the page's layout."""
        row = QHBoxLayout()
        row.addWidget(self.outcome, stretch=1)
        row.addWidget(self.open_button)
        return row

    @staticmethod
    def show_days_in(box: QComboBox, event: EventInfo | None) -> None:
        """Offer the event's days, and all days together, in `box`."""
        box.clear()
        box.addItem(_("All days"), None)
        for day in event.days if event else ():
            box.addItem(day_label(day), day.number)

    def ask_save_path(
        self, *, title: str, suggested: str, kinds: str, folder_setting: str
    ) -> Path | None:
        """Where to save, starting in the folder used last for this kind of file."""
        folder = str(self.context.settings.value(folder_setting, str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / suggested), kinds
        )
        if not path:
            return None
        self.context.settings.setValue(folder_setting, str(Path(path).parent))
        return Path(path)

    def run_job(
        self, job: Job, target: Path, *, label: str, buttons: Sequence[QPushButton]
    ) -> None:
        """Make the file off the GUI thread; the buttons wait until it is done. `label`, what
        the progress dialog says, is marked with `N_`."""
        self.task = run_file_job(
            self,
            job,
            target,
            buttons=buttons,
            outcome=self.outcome,
            on_done=self._written,
            on_finished=self._finished,
            pool=self.context.pool,
            label=label,
        )

    def _finished(self) -> None:
        self.task = None

    def _written(self, target: Path) -> None:
        self.last_file = target
        self.open_button.setEnabled(True)

    def _open_last(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))
