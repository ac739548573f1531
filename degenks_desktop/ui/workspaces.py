"""The three workspaces, one per role: Onthaal (front desk), Tafels, Organisatie.

Later issues fill the front desk and the tables; until then each says plainly what will
come there. The organisers' workspace already shows the event's themes for the day.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from degenks_desktop.i18n import _
from degenks_desktop.ui.theme_model import ThemeOverviewModel


def _coming_here(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("comingHere")
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class FrontDeskWorkspace(QWidget):
    """Onthaal: where people are checked in, walk-ins registered and badges printed."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(
            _coming_here(
                _(
                    "The check-in station comes here: scan a QR code or type a name, "
                    "register walk-ins and print their badge on the spot."
                )
            )
        )
        layout.addStretch()


class TablesWorkspace(QWidget):
    """Tafels: where facilitators enter ideas, dot votes, the ten best ideas and concepts."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(
            _coming_here(
                _(
                    "The facilitators' tables come here: sign in to your table, enter the "
                    "duos' ideas and the dot votes, fix the ten best ideas and write the "
                    "concepts."
                )
            )
        )
        layout.addStretch()


class OrganiserWorkspace(QWidget):
    """Organisatie: the event's themes and tables per day; later imports, seating, print."""

    def __init__(self) -> None:
        super().__init__()
        self.themes = ThemeOverviewModel()
        self._sorted = QSortFilterProxyModel(self)
        self._sorted.setSourceModel(self.themes)
        self.theme_view = QTableView()
        self.theme_view.setObjectName("themeOverview")
        self.theme_view.setModel(self._sorted)
        self.theme_view.setSortingEnabled(False)
        self.theme_view.setWordWrap(True)
        self.theme_view.setAlternatingRowColors(True)
        self.theme_view.verticalHeader().setVisible(False)
        header = self.theme_view.horizontalHeader()
        header.setSectionResizeMode(
            ThemeOverviewModel.THEME, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(ThemeOverviewModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        for column in (ThemeOverviewModel.FIRST_CHOICES, ThemeOverviewModel.TABLES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.theme_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

        layout = QVBoxLayout(self)
        title = QLabel(_("Themes and tables of the day"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        layout.addWidget(self.theme_view, stretch=1)
        layout.addWidget(
            _coming_here(
                _(
                    "Still to come here: importing registrations, the diversity matrix, "
                    "seating at tables and in duos, printing badges and the report."
                )
            )
        )
