"""Small widgets and widget habits that several workspaces share: the outcome line, a
page's guidance, a line that says what went wrong, the stylesheet's states, and ↑/↓ from
a search box through its results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QWidget


def outcome_label() -> QLabel:
    """A large, wrapping line that says what the last action came to."""
    label = QLabel()
    label.setObjectName("outcome")
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    return label


def restyle(widget: QWidget, **states: str) -> None:
    """Put `widget` in a state the stylesheet draws (`QLabel#resultCard[colour="green"]`,
    `QLabel[tone="problem"]`): set the properties, then let the style read them again."""
    for name, value in states.items():
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def problem_label(name: str) -> QLabel:
    """A wrapping line in the stylesheet's red, for what the last action could not do."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    restyle(label, tone="problem")
    return label


def guidance_label(text: str) -> QLabel:
    """A page's plain-words explanation of what it is for, at its top left."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("comingHere")
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def step_through(results: QListWidget, key: int) -> bool:
    """Move the choice in `results` one row for ↑ or ↓ typed in a search box; whether the
    key was used (the box then does not see it)."""
    if key not in (Qt.Key.Key_Up, Qt.Key.Key_Down) or not results.count():
        return False
    step = 1 if key == Qt.Key.Key_Down else -1
    results.setCurrentRow(max(0, min(results.count() - 1, results.currentRow() + step)))
    return True
