"""Small widgets that several workspaces share: the outcome line and a page's guidance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def outcome_label() -> QLabel:
    """A large, wrapping line that says what the last action came to."""
    label = QLabel()
    label.setObjectName("outcome")
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    return label


def guidance_label(text: str) -> QLabel:
    """A page's plain-words explanation of what it is for, at its top left."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("comingHere")
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label
