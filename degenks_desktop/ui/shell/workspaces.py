"""The three workspaces, one per role: Onthaal (front desk), Tafels, Organisatie.

Later issues fill the check-in station and the tables; until then they say plainly what
will come there. Workspaces only show and ask: the main window runs the services.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.i18n import _
from degenks_desktop.ui.organising.diversity_view import DiversityView
from degenks_desktop.ui.organising.theme_model import ThemeOverviewModel


def _coming_here(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("comingHere")
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _outcome_label() -> QLabel:
    label = QLabel()
    label.setObjectName("outcome")
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    return label


class FrontDeskWorkspace(QWidget):
    """Onthaal: the check-in station, walk-ins and a badge on demand."""

    walk_in_requested = Signal()
    badge_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.walk_in_button = QPushButton(_("&Walk-in…"))
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.setToolTip(
            _("Register someone who did not register, and check them in")
        )
        self.walk_in_button.clicked.connect(self.walk_in_requested.emit)
        self.badge_button = QPushButton(_("&Badge…"))
        self.badge_button.setObjectName("badgeButton")
        self.badge_button.setToolTip(_("Print one person's badge, or save it as PDF"))
        self.badge_button.clicked.connect(self.badge_requested.emit)
        self.outcome = _outcome_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.walk_in_button)
        buttons.addWidget(self.badge_button)
        buttons.addStretch()
        self.main = QVBoxLayout(self)
        self.main.addLayout(buttons)
        self.main.addWidget(self.outcome)

    def add_station(self, station: QWidget) -> None:
        """Put the check-in station (it needs the database, which the main window holds)."""
        self.main.insertWidget(0, station, stretch=1)


class TablesWorkspace(QWidget):
    """Tafels: where facilitators enter ideas, dot votes, the ten best ideas and concepts."""

    def __init__(self) -> None:
        super().__init__()
        self.main = QVBoxLayout(self)

    def add_table_desk(self, desk: QWidget) -> None:
        """Put the sign-in and table pages (they need the database the main window holds)."""
        self.main.addWidget(desk)


class OrganiserWorkspace(QWidget):
    """Organisatie: themes and tables, registrations in, and the diversity matrix."""

    import_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.themes = ThemeOverviewModel()
        self._sorted = QSortFilterProxyModel(self)
        self._sorted.setSourceModel(self.themes)
        self.theme_view = QTableView()
        self.theme_view.setObjectName("themeOverview")
        self.theme_view.setModel(self._sorted)
        self.theme_view.setWordWrap(True)
        self.theme_view.setAlternatingRowColors(True)
        self.theme_view.verticalHeader().setVisible(False)
        header = self.theme_view.horizontalHeader()
        for column in (
            ThemeOverviewModel.THEME,
            ThemeOverviewModel.FIRST_CHOICES,
            ThemeOverviewModel.TABLES,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ThemeOverviewModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        self.theme_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        themes_page = QWidget()
        themes_layout = QVBoxLayout(themes_page)
        themes_layout.addWidget(self.theme_view, stretch=1)
        themes_layout.addWidget(_coming_here(_("Still to come here: the report.")))

        self.import_button = QPushButton(_("&Import registrations…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_requested.emit)
        self.import_outcome = _outcome_label()
        registrations_page = QWidget()
        registrations_layout = QVBoxLayout(registrations_page)
        registrations_layout.addWidget(
            _coming_here(
                _(
                    "Import the registrations from the city's web form, typed lists or partner "
                    "organisations: CSV or Excel. Importing the same file again adds nobody."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch()
        registrations_layout.addLayout(row)
        registrations_layout.addWidget(self.import_outcome)
        registrations_layout.addStretch()

        self.diversity = DiversityView()
        self.printing: QWidget | None = None
        self.pages = QTabWidget()
        self.pages.setObjectName("organiserPages")
        self.pages.addTab(themes_page, _("Themes and tables"))
        self.pages.addTab(registrations_page, _("Registrations"))
        self.pages.addTab(self.diversity, _("Diversity"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def add_print_page(self, page: QWidget) -> None:
        """Add the print page (it needs the database, which the main window holds)."""
        self.printing = page
        self.pages.addTab(page, _("Print"))
