"""Waiting for the main window as a person waits: until its refresh has read the database."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from degenks_desktop.ui.shell.main_window import MainWindow


def refreshed(qtbot: QtBot, window: MainWindow) -> None:
    """Until the window's counts and the page on screen are read again (off the GUI thread)."""
    qtbot.waitUntil(lambda: not window.refreshing, timeout=10_000)
