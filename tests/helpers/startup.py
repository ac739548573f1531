"""Starting the app in a fresh interpreter, for the start-up benchmark and the test of what
the start imports: `python -m tests.helpers.startup app|bare DATABASE_URL`.

`app` starts the app as `degenks gui --db URL` does (the command line's package first,
then the window's); `bare` shows an empty QMainWindow, the floor. Either prints one JSON
line once the window's first paint is done: the seconds since the interpreter started,
and which of the libraries a window never needs at its start had been imported by then.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()  # as near to the interpreter's start as a module gets

# Libraries nobody needs before the window shows: reading a spreadsheet (openpyxl, with
# numpy), seating (networkx), drawing and printing PDFs (reportlab, pypdfium2), an
# import's fuzzy matching and phone numbers, and changing a schema (Alembic).
NOT_AT_START = (
    "openpyxl",
    "numpy",
    "networkx",
    "reportlab",
    "pypdfium2",
    "rapidfuzz",
    "phonenumbers",
    "alembic",
)


def main(argv: list[str]) -> int:
    """Show the window named by `argv[0]` and report when its first paint is done."""
    kind, url = argv[0], argv[1] if len(argv) > 1 else ""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if kind == "app":
        # The `degenks` script imports the command line before `degenks gui` imports Qt.
        import degenks_desktop.cli  # noqa: F401, PLC0415
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: PLC0415

    application = QApplication.instance() or QApplication(sys.argv[:1])
    if kind == "bare":
        window: QWidget = QMainWindow()
        window.resize(1366, 768)
        window.show()
    else:
        from degenks_desktop.ui.shell.app import start_app  # noqa: PLC0415

        controller = start_app(database_url=url, create_demo=False)
        assert controller is not None
        window = controller.window

    def report() -> None:
        # Timed and said here, before anything winds down: quitting closes the window,
        # and its close (the last backup, the desk's link) is no part of the start.
        shown = time.perf_counter() - STARTED
        heavy = sorted(name for name in NOT_AT_START if name in sys.modules)
        print(json.dumps({"seconds": shown, "heavy": heavy}), flush=True)
        os._exit(0)

    class FirstPaint(QObject):
        """Reports once the window's first paint is done (the event loop's next turn)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if watched is window and event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, report)
            return False

    painted = FirstPaint()
    window.installEventFilter(painted)
    window.update()
    return application.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
