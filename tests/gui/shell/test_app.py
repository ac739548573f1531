"""`degenks gui --demo` (what `make run` does) opens the app on a ready demo event."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from degenks_desktop.config import sqlite_url
from degenks_desktop.ui.shell.app import start_app
from tests.helpers.windows import refreshed


def test_the_app_opens_on_a_fresh_demo_event(qtbot: QtBot, tmp_path: Path) -> None:
    controller = start_app(database_url=sqlite_url(tmp_path / "g360.sqlite"), create_demo=True)
    assert controller is not None
    window = controller.window
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.event_name.text() == "G360 — De Genks", timeout=30_000)
    refreshed(qtbot, window)
    assert window.participants_tile.figure.text() == "449"
    assert window.workspaces.tabText(0) == "Onthaal"
    assert controller.context.database.sqlite_path == (tmp_path / "g360.sqlite").resolve()
    controller.context.database.close()
