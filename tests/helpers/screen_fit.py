"""What a person at a small screen would see cut off: controls outside the window and
labels or buttons whose text does not fit (Qt clips it without a word)."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QWidget,
)


def _inside_a_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True  # scrolled into view when needed: the area itself is checked
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    return f"{type(widget).__name__} {widget.objectName() or ''} {text!r}".strip()


def controls_outside(top: QWidget) -> list[str]:
    """Visible controls of `top` that lie (partly) outside it."""
    area = top.rect()
    outside = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.isWindow() or widget.width() <= 0:
            continue
        if _inside_a_scroll_area(widget, top):
            continue
        rect = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
        if not area.contains(rect):
            outside.append(f"{_name(widget)} at {rect.getRect()} outside {area.getRect()}")
    return outside


def clipped_texts(top: QWidget) -> list[str]:
    """Single-line labels and buttons of `top` whose text is wider than they are."""
    clipped = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or _inside_a_scroll_area(widget, top):
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if widget.wordWrap() or "<" in text or "\n" in text or not text:
                continue
            room = widget.contentsRect().width() - 2 * widget.margin() - 2 * widget.indent()
            if widget.buddy() is not None:  # "&Soort" shows as "Soort", S underlined
                text = re.sub(r"&(.)", r"\1", text)
        elif isinstance(widget, QAbstractButton):
            # What the button says it needs for its text, frame and (for a check box)
            # its box: narrower than that, Qt cuts the text off.
            if widget.text() and widget.width() < widget.sizeHint().width():
                clipped.append(
                    f"{_name(widget)}: needs {widget.sizeHint().width()} px, has {widget.width()}"
                )
            continue
        else:
            continue
        needed = widget.fontMetrics().horizontalAdvance(text)
        if needed > room + 1:
            clipped.append(f"{_name(widget)}: needs {needed} px, has {room}")
    return clipped
