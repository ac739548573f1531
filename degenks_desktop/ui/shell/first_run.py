"""The first run: a welcome that needs no manual, and the wizard for a new event.

The welcome offers the demo event, a new event (name, days, themes with their questions,
tables per theme, facilitators, and the first organiser's account) and a shared
database. Both are Qt Designer forms (forms/welcome_page.ui, forms/new_event_wizard.ui);
this module fills them and reacts. The wizard only asks; the event and its first
organiser are made by services.event_setup in one transaction, and that organiser is
signed in at once. A database that has organiser accounts already asks for one of them
instead.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QHeaderView, QSpinBox, QTableWidgetItem, QWidget, QWizard

from degenks_desktop.domain.event_plan import G360_THEMES
from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.house.organisers import (
    OrganiserAccess,
    organisers_exist,
    verify_organiser,
)
from degenks_desktop.services.organising.event_setup import (
    EventSetup,
    ThemeSetup,
    create_event,
    create_event_with_organiser,
)
from degenks_desktop.ui.forms_generated.new_event_wizard_ui import Ui_NewEventWizard
from degenks_desktop.ui.forms_generated.welcome_page_ui import Ui_WelcomePage
from degenks_desktop.ui.shell.context import AppContext

DEFAULT_TABLES_PER_THEME = 3


class WelcomePage(QWidget):
    """Three ways in: the demo, a new event, or a shared database."""

    demo_requested = Signal()
    new_event_requested = Signal()
    shared_database_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        # The form is Designer's (forms/welcome_page.ui), held as `self.ui` on the page.
        self.ui = Ui_WelcomePage()
        self.ui.setupUi(self)
        self.demo_button = self.ui.demo_button
        self.new_button = self.ui.new_button
        self.shared_button = self.ui.shared_button
        # Larger than the style's font, whatever size that is: so it is set here, not fixed
        # in points in the form.
        font = self.ui.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.ui.title.setFont(font)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        self.new_button.clicked.connect(self.new_event_requested.emit)
        self.shared_button.clicked.connect(self.shared_database_requested.emit)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the welcome's texts again, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)


class NewEventWizard(QWizard):
    """Name and place, days, themes with their questions and tables, facilitators."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created_event: int | None = None
        self.organiser_access: OrganiserAccess | None = None
        try:
            self.organisers_exist = organisers_exist(context.database)
        except KnownError:
            self.organisers_exist = False  # making the event will say what is wrong
        # The form is Designer's (forms/new_event_wizard.ui), its four pages included, held
        # as `self.ui` (Picard's way) on the wizard itself; the data is filled in here.
        self.ui = Ui_NewEventWizard()
        self.ui.setupUi(self)
        self.name = self.ui.name
        self.venue = self.ui.venue
        self.first_day = self.ui.first_day
        self.day_count = self.ui.day_count
        self.themes = self.ui.themes
        self.facilitators = self.ui.facilitators
        self.organiser_name = self.ui.organiser_name
        self.organiser_password = self.ui.organiser_password
        self.organiser_password_again = self.ui.organiser_password_again
        self.problem = self.ui.problem
        # Accounts there already: one of them signs in instead of a new one being made.
        self.ui.organiserAgainLabel.setVisible(not self.organisers_exist)
        self.organiser_password_again.setVisible(not self.organisers_exist)
        self._retitle_organiser_page()

        self.first_day.setDate(QDate.currentDate().addDays(30))
        self.themes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for theme in G360_THEMES:  # the G360's themes as a start; the organisers edit them
            self.add_theme(theme.name, theme.question, DEFAULT_TABLES_PER_THEME)
        self.ui.add_theme_button.clicked.connect(
            lambda: self.add_theme("", "", DEFAULT_TABLES_PER_THEME)
        )
        self.ui.remove_theme_button.clicked.connect(self._remove_theme)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the pages' texts again, in place, keeping what was typed."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retitle_organiser_page()
            # QWizard names its own buttons (Next, Back) only when its style is set, and
            # setting the same style does nothing: so another style, then its own again.
            style = self.wizardStyle()
            other = QWizard.WizardStyle.ClassicStyle
            if style == other:
                other = QWizard.WizardStyle.ModernStyle
            self.setWizardStyle(other)
            self.setWizardStyle(style)
        super().changeEvent(event)

    def _retitle_organiser_page(self) -> None:
        if self.organisers_exist:
            self.ui.organiser_page.setTitle(_("An organiser"))
            self.ui.organiser_page.setSubTitle(
                _(
                    "This database has organiser accounts already: sign in with yours to "
                    "make the event."
                )
            )

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
        """Make the event with its first organiser (or as the organiser who signs in), and
        sign that organiser in; a problem stays on screen in one sentence, nothing made."""
        database = self.context.database
        name, password = self.organiser_name.text(), self.organiser_password.text()
        try:
            if self.organisers_exist:
                access = verify_organiser(database, name, password)
                self.created_event = create_event(database, self.setup(), actor=access.actor)
            else:
                if password != self.organiser_password_again.text():
                    raise InputRejected(_("The two passwords differ: nothing was changed."))
                self.created_event, access = create_event_with_organiser(
                    database, self.setup(), name=name, password=password
                )
        except KnownError as error:
            self.problem.setText(error.message)
            return
        self.organiser_access = access
        self.context.organiser.sign_in(access)
        super().accept()
