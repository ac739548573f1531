"""The postcards, on the Follow-up page: the follow-up report's link and the date the cards
carry (saved by an organiser), how many cards are ready and who gets none and why, and
"Make postcards (PDF)…", made off the GUI thread with progress and Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.follow_up.postcards import (
    PostcardRun,
    describe_run,
    make_postcards,
    postcards_to_print,
)
from degenks_desktop.services.follow_up.settings import (
    MAX_LINK,
    FollowUpSettingsRow,
    date_as_typed,
    follow_up_settings,
    parse_postcard_date,
    save_follow_up_settings,
)
from degenks_desktop.services.house.organisers import OrganiserAccess
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.file_jobs import FileJobPage
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.widgets import guidance_label, problem_label

SETTING_POSTCARD_FOLDER = "follow_up/postcard_folder"
POSTCARD_FILE = N_("postcards.pdf")


class PostcardsPanel(FileJobPage):
    """Organisatie → Postkaarten: the postcards' settings, who gets one, and their PDF."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, outcome_name="postcardsOutcome", open_text=N_("&Open the PDF"))
        self.run: PostcardRun | None = None
        self._reading: BackgroundTask | None = None
        self.saved = FollowUpSettingsRow()
        self.guidance = guidance_label("")
        self.link = QLineEdit()
        self.link.setObjectName("reportLink")
        self.link.setMaxLength(MAX_LINK)
        self.link.returnPressed.connect(self.save_settings)
        self.date = QLineEdit()
        self.date.setObjectName("postcardDate")
        self.date.setMaxLength(10)
        self.date.returnPressed.connect(self.save_settings)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveFollowUpSettings")
        self.save_button.clicked.connect(self.save_settings)
        self.problem = problem_label("postcardsProblem")
        self.counts = QLabel()
        self.counts.setObjectName("postcardCounts")
        self.counts.setWordWrap(True)
        self.make_button = QPushButton()
        self.make_button.setObjectName("makePostcards")
        self.make_button.clicked.connect(self.make_postcards)
        self.form = QFormLayout()
        self.link_label, self.date_label = QLabel(), QLabel()
        self.link_label.setBuddy(self.link)
        self.date_label.setBuddy(self.date)
        self.form.addRow(self.link_label, self.link)
        self.form.addRow(self.date_label, self.date)
        save_row = QHBoxLayout()
        save_row.addStretch()
        save_row.addWidget(self.save_button)
        make_row = QHBoxLayout()
        make_row.addWidget(self.counts, stretch=1)
        make_row.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.guidance)
        layout.addLayout(self.form)
        layout.addLayout(save_row)
        layout.addWidget(self.problem)
        layout.addLayout(make_row)
        layout.addLayout(self.outcome_row())
        layout.addStretch()
        context.signals.database_switched.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # --- the language --------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the panel in the current language, from what it holds (what is
        typed stays; nothing is read again)."""
        self.guidance.setText(
            _(
                "Weeks after the day, everyone who agreed to be contacted gets a postcard at "
                "home: what they said they would do themselves, their table's ten best ideas "
                "and where to read what happens with them."
            )
        )
        self.link_label.setText(_("Follow-up report's &link:"))
        self.link.setPlaceholderText("https://")
        self.date_label.setText(_("&Date on the postcards:"))
        self.date.setPlaceholderText(_("dd/mm/yyyy; empty: the day they are made"))
        self.save_button.setText(_("&Save the link and date"))
        self.make_button.setText(_("&Make postcards (PDF)…"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the panel's texts again, in place (`retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Shown again: the counts as they are now (commitments come in meanwhile)."""
        super().showEvent(event)
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the settings and who gets a card, off the GUI thread."""
        event = self.context.event
        if event is None:
            self.run = None
            self.counts.setText(_("There is no event in this database yet."))
            self.make_button.setEnabled(False)
            return
        database, event_id = self.context.database, event.id

        def read(_report: Report) -> tuple[FollowUpSettingsRow, PostcardRun]:
            return follow_up_settings(database, event_id), postcards_to_print(database, event_id)

        # Kept: the task carries its outcome back to the GUI thread.
        self._reading = run_in_background(
            read,
            pool=self.context.pool,
            on_success=self._show_read,
            on_known_error=lambda error: self.problem.setText(error.message),
        )

    def _show_read(self, read: tuple[FollowUpSettingsRow, PostcardRun]) -> None:
        settings, self.run = read
        if settings != self.saved:  # what is typed and not saved stays while nothing changed
            self.saved = settings
            self.link.setText(settings.report_link)
            self.date.setText(date_as_typed(settings.postcards_on))
        self._show_counts()

    def _show_counts(self) -> None:
        if self.run is None:
            self.counts.clear()
            self.make_button.setEnabled(False)
            return
        self.counts.setText(describe_run(self.run))
        self.make_button.setEnabled(bool(self.run.postcards) and self.task is None)

    # --- saving --------------------------------------------------------------------------

    def save_settings(self) -> None:
        """Save the link and the date, as the organiser signed in (asked for if none)."""
        with_organiser(self.context, self, self._save_as)

    def _save_as(self, organiser: OrganiserAccess) -> None:
        event = self.context.event
        if event is None:
            return
        try:
            on = parse_postcard_date(self.date.text())
            save_follow_up_settings(
                self.context.database,
                event.id,
                report_link=self.link.text(),
                postcards_on=on,
                actor=organiser.actor,
            )
        except KnownError as error:
            self.problem.setText(error.message)
            return
        self.problem.clear()
        self.outcome.setText(_("The link and the date are saved."))
        self.saved = FollowUpSettingsRow(self.link.text().strip(), on)
        self.link.setText(self.saved.report_link)
        self.date.setText(date_as_typed(on))

    def make_postcards(self) -> None:
        """Ask where to save the postcards' PDF, then make it off the GUI thread."""
        with_organiser(self.context, self, self._make_as)

    def _make_as(self, organiser: OrganiserAccess) -> None:
        event = self.context.event
        if event is None or self.task is not None:
            return
        target = self.ask_save_path(
            title=_("Save the postcards"),
            suggested=_(POSTCARD_FILE),
            kinds=_("PDF files (*.pdf)"),
            folder_setting=SETTING_POSTCARD_FOLDER,
        )
        if target is None:
            return
        database, event_id, actor = self.context.database, event.id, organiser.actor

        def job(report: Report) -> str:
            run = make_postcards(database, event_id, target, actor=actor, progress=report)
            return _("Postcards written: {path}").format(path=target) + " " + describe_run(run)

        self.run_job(job, target, label=N_("Making the postcards…"), buttons=[self.make_button])

    def _finished(self) -> None:
        super()._finished()
        self.refresh()
