"""The app's own look, the Qt way: Fusion on every system, the one stylesheet and the
icons from `resources/`, the application icon.

Fusion looks the same on the city's Windows laptops and on Linux, is drawn for any screen
scale, and follows the palette; the stylesheet adds only what the day needs (see
`resources/style/degenks.qss`).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyleFactory

from degenks_desktop.config import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
STYLESHEET = RESOURCES_DIR / "style" / "degenks.qss"


@cache
def icon(name: str) -> QIcon:
    """The app's icon `name` (a file in resources/icons without `.svg`)."""
    path = ICONS_DIR / f"{name}.svg"
    if not path.exists():
        raise FileNotFoundError(path)  # a typo in the code, never the user's doing
    return QIcon(str(path))


def apply_look(application: QApplication) -> None:
    """Give the whole application its style, stylesheet and icon (once, at start)."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        application.setStyle(style)
    application.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    application.setWindowIcon(icon("app"))
