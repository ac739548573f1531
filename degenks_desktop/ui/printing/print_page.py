"""Organisatie → Afdrukken: badges in bulk, table signs, facilitator packs and letters.

The form is Qt Designer's (forms/print_page.ui); this module fills it and runs its jobs.

Every document is made off the GUI thread with a progress bar and Cancel; a cancelled
run writes no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox, QVBoxLayout, QWidget

from degenks_desktop.domain.badge_formats import (
    DEFAULT_FORMAT,
    FORMATS,
    LARGEST_BADGE_MM,
    SMALLEST_BADGE_MM,
    BadgeFormat,
    custom_format,
)
from degenks_desktop.i18n import N_, _, ngettext
from degenks_desktop.services.house.events import EventInfo
from degenks_desktop.services.printing import documents as print_documents
from degenks_desktop.services.printing.badges import badges_to_print, render_badges
from degenks_desktop.ui.forms_generated.print_page_ui import Ui_PrintForm
from degenks_desktop.ui.shell.background import Report
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.file_jobs import FileJobPage, Job
from degenks_desktop.ui.shell.look import icon

SETTING_PRINT_FOLDER = "print/last_folder"
SETTING_BADGE_LAYOUT = "print/badge_layout"
CUSTOM = "custom"


class PrintPage(FileJobPage):
    """Choose what to print; each button asks where to save the PDF, then makes it."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            outcome_name="printOutcome",
            open_text=N_("Open the PDF"),
        )

        # The form is Designer's (forms/print_page.ui), held as `self.ui` (Picard's way);
        # what depends on the event or the language is filled in here.
        self.form = QWidget()
        self.ui = Ui_PrintForm()
        self.ui.setupUi(self.form)
        self.layout_box: QComboBox = self.ui.layout_box
        self.custom_size: QWidget = self.ui.custom_size
        self.custom_width: QSpinBox = self.ui.custom_width
        self.custom_height: QSpinBox = self.ui.custom_height
        self.order_box: QComboBox = self.ui.order_box
        self.day_box: QComboBox = self.ui.day_box
        self.badges_button: QPushButton = self.ui.badges_button
        self.badges_button.setIcon(icon("print"))
        self.signs_button: QPushButton = self.ui.signs_button
        self.packs_button: QPushButton = self.ui.packs_button
        self.letters_button: QPushButton = self.ui.letters_button
        self._event: EventInfo | None = None

        self._fill_choices()
        saved = str(self.context.settings.value(SETTING_BADGE_LAYOUT, DEFAULT_FORMAT))
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(saved)))
        for spin, value in ((self.custom_width, 90), (self.custom_height, 54)):
            spin.setRange(int(SMALLEST_BADGE_MM), int(LARGEST_BADGE_MM))
            spin.setValue(value)
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self._layout_changed()
        self.badges_button.clicked.connect(self.print_badges)
        self.signs_button.clicked.connect(lambda: self.print_tables("signs"))
        self.packs_button.clicked.connect(lambda: self.print_tables("packs"))
        self.letters_button.clicked.connect(self.print_letters)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(self.outcome_row())
        layout.addStretch()

    def _fill_choices(self) -> None:
        """The formats and orders in the language of the moment, keeping what is chosen."""
        chosen_layout, chosen_order = self.layout_box.currentIndex(), self.order_box.currentIndex()
        self.layout_box.clear()
        for key, badge_format in FORMATS.items():
            self.layout_box.addItem(_(badge_format.label), key)
        self.layout_box.addItem(_("Own size (mm)"), CUSTOM)
        self.layout_box.setCurrentIndex(max(0, chosen_layout))
        self.order_box.clear()
        self.order_box.addItem(_("By last name (letter range per sheet)"), "surname")
        self.order_box.addItem(_("By table"), "table")
        self.order_box.setCurrentIndex(max(0, chosen_order))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts again, in place, keeping what is chosen."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self.form)
            self._fill_choices()
            day = self.day_box.currentIndex()
            self.show_days(self._event)
            self.day_box.setCurrentIndex(max(0, day))
        super().changeEvent(event)

    def _layout_changed(self) -> None:
        self.custom_size.setEnabled(self.layout_box.currentData() == CUSTOM)

    def badge_format(self) -> BadgeFormat:
        """The chosen format, or a badge of the entered size."""
        key = self.layout_box.currentData()
        if key == CUSTOM:
            return custom_format(self.custom_width.value(), self.custom_height.value())
        return FORMATS[key]

    def show_days(self, event: EventInfo | None) -> None:
        """Offer the event's days (and all days together)."""
        self._event = event
        self.show_days_in(self.day_box, event)

    def ask_target(self, suggested: str) -> Path | None:
        """Where to save the PDF (tests replace this)."""
        path = self.ask_save_path(
            title=_("Save as PDF"),
            suggested=suggested,
            kinds=_("PDF (*.pdf)"),
            folder_setting=SETTING_PRINT_FOLDER,
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")

    def print_badges(self) -> None:
        """Badges in the chosen format, order and day."""
        target = self.ask_target(_("badges.pdf"))
        if target is None:
            return
        badge_format = self.badge_format()
        order, day = self.order_box.currentData(), self.day_box.currentData()
        self.context.settings.setValue(SETTING_BADGE_LAYOUT, self.layout_box.currentData())
        database = self.context.database

        def job(report: Report) -> str:
            badges = badges_to_print(database, day_number=day, order=order)
            printed = render_badges(badges, target, badge_format, order=order, progress=report)
            return printed.describe(target)

        self._run(job, target)

    def print_tables(self, kind: str) -> None:
        """Table signs or facilitator packs for the chosen day."""
        target = self.ask_target(_("table-signs.pdf") if kind == "signs" else _("packs.pdf"))
        if target is None:
            return
        day, database = self.day_box.currentData(), self.context.database
        render = (
            print_documents.render_table_signs
            if kind == "signs"
            else print_documents.render_facilitator_packs
        )

        def job(report: Report) -> str:
            tables = print_documents.tables_to_print(database, day_number=day)
            count = render(tables, target, progress=report)
            return ngettext("{count} printed: {path}", "{count} printed: {path}", count).format(
                count=count, path=target
            )

        self._run(job, target)

    def print_letters(self) -> None:
        """An invitation letter for everyone expected."""
        target = self.ask_target(_("letters.pdf"))
        if target is None:
            return
        database = self.context.database

        def job(report: Report) -> str:
            event, letters = print_documents.letters_to_print(database)
            count = print_documents.render_letters(event, letters, target, progress=report)
            return ngettext("{count} printed: {path}", "{count} printed: {path}", count).format(
                count=count, path=target
            )

        self._run(job, target)

    def _run(self, job: Job, target: Path) -> None:
        self.run_job(
            job,
            target,
            label=N_("Making the PDF…"),
            buttons=(self.badges_button, self.signs_button, self.packs_button, self.letters_button),
        )
