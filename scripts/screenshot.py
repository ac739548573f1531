"""Render the main window on a fresh demo event to PNG files in docs/, for the README.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py` (no screen needed).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from degenks_desktop import i18n
from degenks_desktop.config import sqlite_url
from degenks_desktop.services.demo import create_demo_event
from degenks_desktop.storage.database import open_database
from degenks_desktop.ui.app import AppController
from degenks_desktop.ui.context import AppContext

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    """Save docs/main-window.png (Organisatie) and docs/main-window-en.png (English)."""
    application = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(sqlite_url(Path(folder) / "demo.sqlite"))
        create_demo_event(database)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        for language, name in (("nl", "main-window.png"), ("en", "main-window-en.png")):
            i18n.set_language(language)
            context = AppContext(database=database, settings=settings)
            context.reload_event()
            controller = AppController(context)
            window = controller.window
            window.workspaces.setCurrentWidget(window.organiser)
            window.show()
            application.processEvents()
            window.grab().save(str(DOCS / name))
            window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
