"""An error that is nobody's fault but ours: one plain sentence, and a report to save.

The report (degenks_desktop.crash_report, shared with the command line) holds where in
the code it happened, the kind of error and the versions: never the error's message or
any variable, which could hold a citizen's name. What was committed before the error
stays committed: every write is its own transaction.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from degenks_desktop.crash_report import crash_report
from degenks_desktop.i18n import _


class CrashDialog:
    """Shows the sentence and offers to save the report (tests replace `ask_path`)."""

    @classmethod
    def ask_path(cls, parent: QWidget | None) -> Path | None:
        """Where to save the report."""
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the report"), "degenks-report.txt", _("Text (*.txt)")
        )
        return Path(path) if path else None

    @classmethod
    def show(cls, kind: type[BaseException], trace: TracebackType | None) -> Path | None:
        """Tell the user; save the report if they want. Returns where it was saved."""
        parent = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(
            _(
                "Something went wrong inside De Genks Desktop. Everything saved so far is "
                "safe; please save a report for the people who maintain the app."
            )
        )
        save = box.addButton(_("Save a report…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is not save:
            return None
        path = cls.ask_path(parent)
        if path is not None:
            path.write_text(crash_report(kind, trace), encoding="utf-8")
        return path


def handle_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """`sys.excepthook` for the GUI: the dialog instead of a vanished window."""
    sys.__excepthook__(kind, error, trace)  # still on stderr for whoever runs it from a shell
    if QApplication.instance() is not None:
        CrashDialog.show(kind, trace)


def install_crash_handler() -> None:
    """Route uncaught errors in the GUI to the crash dialog."""
    sys.excepthook = handle_uncaught
