"""The first run: a welcome that needs no manual, and the wizard for a new event.

The welcome offers the demo event, a new event (name, days, themes with their questions,
tables per theme, facilitators) and a shared database. The wizard only asks; the event
is made by services.event_setup in one transaction.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from degenks_desktop.domain.event_plan import G360_THEMES
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.organising.event_setup import EventSetup, ThemeSetup, create_event
from degenks_desktop.ui.shell.context import AppContext

DEFAULT_TABLES_PER_THEME = 3


class WelcomePage(QWidget):
    """Three ways in: the demo, a new event, or a shared database."""

    demo_requested = Signal()
    new_event_requested = Signal()
    shared_database_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        title = QLabel(_("Welcome to De Genks Desktop"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            _(
                "This database holds no event yet. Look around in a demo event, set up your "
                "own, or connect this laptop to the database the other laptops use."
            )
        )
        intro.setWordWrap(True)
        self.demo_button = QPushButton(_("Open the &demo event"))
        self.demo_button.setObjectName("createDemoButton")
        self.demo_button.clicked.connect(self.demo_requested.emit)
        self.new_button = QPushButton(_("&New event…"))
        self.new_button.setObjectName("newEventButton")
        self.new_button.clicked.connect(self.new_event_requested.emit)
        self.shared_button = QPushButton(_("Connect to a &shared database…"))
        self.shared_button.setObjectName("sharedDatabaseButton")
        self.shared_button.clicked.connect(self.shared_database_requested.emit)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(intro)
        for button in (self.demo_button, self.new_button, self.shared_button):
            button.setMinimumHeight(44)
            layout.addWidget(button)
        layout.addStretch()
        self.setMaximumWidth(640)


class NewEventWizard(QWizard):
    """Name and place, days, themes with their questions and tables, facilitators."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created_event: int | None = None
        self.setWindowTitle(_("New event"))

        about = QWizardPage()
        about.setTitle(_("The event"))
        self.name = QLineEdit()
        self.name.setObjectName("eventName")
        self.venue = QLineEdit()
        self.venue.setObjectName("venue")
        form = QFormLayout(about)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Place"), self.venue)
        self.addPage(about)

        days = QWizardPage()
        days.setTitle(_("The days"))
        self.first_day = QDateEdit(QDate.currentDate().addDays(30))
        self.first_day.setObjectName("firstDay")
        self.first_day.setCalendarPopup(True)
        self.day_count = QSpinBox()
        self.day_count.setObjectName("dayCount")
        self.day_count.setRange(1, 7)
        self.day_count.setValue(1)
        form = QFormLayout(days)
        form.addRow(_("First day"), self.first_day)
        form.addRow(_("Number of days (one after the other)"), self.day_count)
        self.addPage(days)

        themes = QWizardPage()
        themes.setTitle(_("Themes and their questions"))
        themes.setSubTitle(
            _("One row per theme: its name, its “how might we” question and its tables a day.")
        )
        self.themes = QTableWidget(0, 3)
        self.themes.setObjectName("themes")
        self.themes.setHorizontalHeaderLabels([_("Theme"), _("Question"), _("Tables a day")])
        self.themes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.themes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for theme in G360_THEMES:  # the G360's themes as a start; the organisers edit them
            self.add_theme(theme.name, theme.question, DEFAULT_TABLES_PER_THEME)
        add = QPushButton(_("&Add a theme"))
        add.clicked.connect(lambda: self.add_theme("", "", DEFAULT_TABLES_PER_THEME))
        remove = QPushButton(_("&Remove the selected theme"))
        remove.clicked.connect(self._remove_theme)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(themes)
        layout.addWidget(self.themes)
        layout.addLayout(buttons)
        self.addPage(themes)

        people = QWizardPage()
        people.setTitle(_("Facilitators"))
        people.setSubTitle(_("One name a line; they get the tables in turn."))
        self.facilitators = QPlainTextEdit()
        self.facilitators.setObjectName("facilitators")
        self.problem = QLabel()
        self.problem.setObjectName("wizardProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        layout = QVBoxLayout(people)
        layout.addWidget(self.facilitators)
        layout.addWidget(self.problem)
        self.addPage(people)
        self.resize(760, 520)

    def add_theme(self, name: str, question: str, tables: int) -> None:
        """One more row of the themes table."""
        row = self.themes.rowCount()
        self.themes.insertRow(row)
        self.themes.setItem(row, 0, QTableWidgetItem(name))
        self.themes.setItem(row, 1, QTableWidgetItem(question))
        count = QSpinBox()
        count.setRange(1, 40)
        count.setValue(tables)
        self.themes.setCellWidget(row, 2, count)

    def _remove_theme(self) -> None:
        for row in sorted({index.row() for index in self.themes.selectedIndexes()}, reverse=True):
            self.themes.removeRow(row)

    def setup(self) -> EventSetup:
        """What was typed, as the service takes it."""
        start = self.first_day.date().toPython()
        assert isinstance(start, dt.date)
        themes = []
        for row in range(self.themes.rowCount()):
            name, question = self.themes.item(row, 0), self.themes.item(row, 1)
            count = self.themes.cellWidget(row, 2)
            assert isinstance(count, QSpinBox)
            themes.append(
                ThemeSetup(
                    name.text() if name else "", question.text() if question else "", count.value()
                )
            )
        return EventSetup(
            name=self.name.text(),
            venue=self.venue.text(),
            dates=tuple(start + dt.timedelta(days=n) for n in range(self.day_count.value())),
            themes=tuple(themes),
            facilitators=tuple(
                line for line in self.facilitators.toPlainText().splitlines() if line.strip()
            ),
        )

    def accept(self) -> None:
        """Make the event; a problem stays on screen in one sentence, nothing made."""
        try:
            self.created_event = create_event(self.context.database, self.setup(), actor="gui")
        except KnownError as error:
            self.problem.setText(error.message)
            return
        super().accept()
