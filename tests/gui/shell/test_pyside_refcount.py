"""The Qt for Python in use keeps Python's reference counts: PySide6 6.12.0 lost one
reference to None on every call that returns nothing, so a day of labels being set ended
in "Fatal Python error: none_dealloc". pyproject.toml leaves that release out."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_setting_a_label_a_thousand_times_keeps_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")  # the first call may cache what it needs
    before = sys.getrefcount(None)
    for number in range(1000):
        label.setText(f"ingecheckt: {number}")
    # A few references come and go with the interpreter's own work; a thousand lost is
    # the bug.
    assert abs(sys.getrefcount(None) - before) < 50
