"""The app's own look: its icons (sharp at any scale, each accounted for), the one
stylesheet, and list rows with room for accents on capitals and for Arabic."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.look import ICONS_DIR, STYLESHEET, icon
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.desk import day_one_codes, scan

ICON_NAMES = sorted(path.stem for path in ICONS_DIR.glob("*.svg"))


def test_every_icon_is_listed_with_its_licence_and_every_listed_icon_exists() -> None:
    readme = (ICONS_DIR / "README.md").read_text(encoding="utf-8")
    listed = sorted(set(re.findall(r"`([a-z-]+)\.svg`", readme)))
    assert listed == ICON_NAMES
    assert "EUPL" in (ICONS_DIR / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Licence" in STYLESHEET.read_text(encoding="utf-8")


def drawn_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


@pytest.mark.parametrize("name", ICON_NAMES)
def test_each_icon_draws_at_menu_tab_and_high_dpi_sizes(qtbot: QtBot, name: str) -> None:
    del qtbot  # only for the QApplication
    for side in (16, 24, 48):  # a menu, a tab, a 200 % screen's tab
        image = icon(name).pixmap(QSize(side, side)).toImage()
        assert image.size() == QSize(side, side)
        # Something is drawn, and not a filled square: an icon, not a blot or nothing.
        assert 0.05 * side * side < drawn_pixels(image) < 0.95 * side * side or name == "app"


def test_the_window_wears_the_icons(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()  # the application's icon
    for index in range(window.workspaces.count()):
        assert not window.workspaces.tabIcon(index).isNull()
    file_actions = [a for a in window.file_menu.actions() if not a.isSeparator()]
    assert file_actions and all(not a.icon().isNull() for a in file_actions)
    main_actions = [
        window.front_desk.walk_in_button,
        window.front_desk.badge_button,
        window.front_desk.station.undo_button,
        window.organiser.import_button,
        window.organiser.reports_page.report_button,
        window.organiser.print_page.badges_button,
        window.tables.table_desk.sign_in_page.button,
    ]
    assert [b.text() for b in main_actions if b.icon().isNull()] == []


def test_a_name_with_accented_capitals_or_in_arabic_has_room_in_a_list_row(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    names = window.front_desk.station.matches
    names.show()
    metrics = QFontMetrics(names.font())
    for text in ("ÖZKAN Çelik", "Émile Åström", "محمد العلوي", "شَدَّة"):
        item = QListWidgetItem(text)
        names.addItem(item)
        ink = metrics.tightBoundingRect(text)
        row = names.visualItemRect(item)
        assert row.height() >= ink.height() + 2, text  # the accents are inside the row


def test_the_desks_card_wears_the_stylesheets_colour_of_the_answer(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    station = window.front_desk.station

    def card_colour() -> str:
        card = station.card
        return card.grab().toImage().pixelColor(6, card.height() // 2).name()

    scan(qtbot, station, day_one_codes(context, 1)[0])
    assert station.colour == "green"
    qtbot.waitUntil(lambda: card_colour() == "#1e7d32")
    scan(qtbot, station, "QQQQQQQQQQ")  # a code nobody has
    qtbot.waitUntil(lambda: card_colour() == "#b71c1c")
    station.clear_card()
    assert card_colour() != "#b71c1c"  # the next person meets a plain card
