"""The walk-in form of the front desk: name, day, theme, and optional questions with consent.

The form is Qt Designer's (forms/walk_in_dialog.ui); this module fills in what depends on
the event and the language, and registers. Made for the keyboard: the first name has
focus, Tab walks the fields in order, Enter registers. The diversity questions stay closed
until the person consents, and without consent none of their answers is kept. Another
tick, unticked until the person says yes, is the consent to be contacted after the day
(the postcard); the desk asks no address, which the organisers add later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.diversity import (
    EDUCATION,
    GENDER,
    ORIGIN,
    WORK_SITUATION,
    YEARS_IN_GENK,
    Category,
)
from degenks_desktop.domain.import_columns import split_full_name
from degenks_desktop.domain.profiles import ProfileAnswers
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import CheckInResult
from degenks_desktop.services.front_desk.walk_ins import (
    WalkIn,
    WalkInResult,
    register_walk_in,
    same_name_registrations,
)
from degenks_desktop.services.house.events import EventInfo, neighbourhood_names, theme_choices
from degenks_desktop.ui.forms_generated.walk_in_dialog_ui import Ui_WalkInDialog
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.labels import day_label

SOMEONE_ELSE = -1

NO_ANSWER = ""


def _fill_answers(box: QComboBox, answers: list[tuple[str, str]]) -> None:
    """ "(no answer)" and then `answers` (value, shown text) in `box`, keeping its choice."""
    chosen = box.currentIndex()
    box.clear()
    box.addItem(_("(no answer)"), NO_ANSWER)
    for value, text in answers:
        box.addItem(text, value)
    box.setCurrentIndex(max(0, chosen))


def _category_answers(category: Category) -> list[tuple[str, str]]:
    return [(value, _(label)) for value, label in category.values.items()]


class WalkInDialog(QDialog):
    """Registers a walk-in and checks them in; `result_walk_in` holds what was made."""

    def __init__(
        self,
        context: AppContext,
        *,
        event: EventInfo,
        day_id: int,
        typed_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.event_info = event  # not `event`: that is QObject's event handler
        self.result_walk_in: WalkInResult | None = None
        # When the clerk says a namesake is this person: that person checked in instead.
        self.result_check_in: CheckInResult | None = None
        # The form is Designer's (forms/walk_in_dialog.ui), held as `self.ui` (Picard's
        # way); its widgets keep their attribute names here for the desk and the tests.
        self.ui = Ui_WalkInDialog()
        self.ui.setupUi(self)
        self.first_name: QLineEdit = self.ui.first_name
        self.last_name: QLineEdit = self.ui.last_name
        self.day: QComboBox = self.ui.day
        self.theme: QComboBox = self.ui.theme
        self.language_need: QLineEdit = self.ui.language_need
        self.consent: QCheckBox = self.ui.consent
        self.questions: QGroupBox = self.ui.questions
        self.gender: QComboBox = self.ui.gender
        self.birth_year: QSpinBox = self.ui.birth_year
        self.origin: QComboBox = self.ui.origin
        self.neighbourhood: QComboBox = self.ui.neighbourhood
        self.education: QComboBox = self.ui.education
        self.work_situation: QComboBox = self.ui.work_situation
        self.years_in_genk: QComboBox = self.ui.years_in_genk
        # The postcard's consent, not the diversity questions': the address comes later,
        # from the organisers, so the desk asks only this one tick, unticked.
        self.contact_consent: QCheckBox = self.ui.contact_consent
        self.problem: QLabel = self.ui.problem

        self._answer_boxes = (
            (self.gender, GENDER),
            (self.origin, ORIGIN),
            (self.education, EDUCATION),
            (self.work_situation, WORK_SITUATION),
            (self.years_in_genk, YEARS_IN_GENK),
        )
        self._neighbourhoods = neighbourhood_names(context.database)
        for theme_id, name in theme_choices(context.database):
            self.theme.addItem(name, theme_id)
        # No silent choice: the person says which theme, the clerk picks it.
        self.theme.setCurrentIndex(-1)
        self._fill_choices()
        self.day.setCurrentIndex(max(0, self.day.findData(day_id)))
        self.consent.toggled.connect(self.questions.setEnabled)

        # Not Qt's own OK: the button box would put its own text back on a language change.
        # Added before Cancel, so that Tab reaches it first, as it did.
        self.register_button = self.ui.buttons.addButton(
            _("Register and check in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_button.setDefault(True)
        self.ui.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)
        if typed_name:  # what the clerk searched for, and nobody registered had
            first, last = split_full_name(typed_name)
            self.first_name.setText(first)
            self.last_name.setText(last)

    def _fill_choices(self) -> None:
        """The days and the answers in the language of the moment, keeping what is chosen."""
        chosen_day = self.day.currentIndex()
        self.day.clear()
        for day in self.event_info.days:
            self.day.addItem(day_label(day), day.id)
        self.day.setCurrentIndex(max(0, chosen_day))
        for box, category in self._answer_boxes:
            _fill_answers(box, _category_answers(category))
        _fill_answers(self.neighbourhood, [(name, name) for name in self._neighbourhoods])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form's texts again, in place, keeping what is filled in."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.register_button.setText(_("Register and check in"))
            self._fill_choices()
        super().changeEvent(event)

    def walk_in(self) -> WalkIn:
        """What the form says."""
        consent = self.consent.isChecked()

        def answer(box: QComboBox) -> str | None:
            return (box.currentData() or None) if consent else None

        birth_year = self.birth_year.value() if consent and self.birth_year.value() else None
        return WalkIn(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            day_id=int(self.day.currentData()),
            theme_id=self.theme.currentData(),
            language_need=self.language_need.text(),
            consent=consent,
            contact_consent=self.contact_consent.isChecked(),
            answers=ProfileAnswers(
                gender=answer(self.gender),
                birth_year=birth_year,
                origin=answer(self.origin),
                education=answer(self.education),
                neighbourhood=answer(self.neighbourhood),
                work_situation=answer(self.work_situation),
                years_in_genk=answer(self.years_in_genk),
            ),
        )

    @classmethod
    def which_person(cls, parent: QWidget, names: list[str]) -> int | None:
        """Ask whether the walk-in is one of the people registered by that name.

        Returns that person's index, SOMEONE_ELSE for a new walk-in, or None to go back
        to the form. The default is the registered person: a namesake at the desk is
        far more often the person who registered than someone new (tests replace this).
        """
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Walk-in"))
        box.setText(_("Already registered by this name: is it one of them?"))
        theirs = [
            box.addButton(
                _("Yes, {name}: check them in").format(name=name), QMessageBox.ButtonRole.YesRole
            )
            for name in names
        ]
        other = box.addButton(_("No, someone else"), QMessageBox.ButtonRole.NoRole)
        back = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(theirs[0])
        box.setEscapeButton(back)
        box.exec()
        clicked = box.clickedButton()
        if clicked is other:
            return SOMEONE_ELSE
        return next((index for index, button in enumerate(theirs) if button is clicked), None)

    def accept(self) -> None:
        """Register and check in; a problem is shown in one sentence and nothing is stored."""
        try:
            walk_in = self.walk_in()
            namesakes = same_name_registrations(
                self.context.database, walk_in.first_name, walk_in.last_name
            )
            if namesakes:
                chosen = self.which_person(
                    self, [f"{m.name} ({format_badge_code(m.badge_code)})" for m in namesakes]
                )
                if chosen is None:
                    return
                if chosen != SOMEONE_ELSE:
                    self.result_check_in = self._check_in_registered(namesakes[chosen].id)
                    super().accept()
                    return
            self.result_walk_in = register_walk_in(
                self.context.database, walk_in, desk=self.context.desk_name
            )
        except KnownError as error:
            self.problem.setText(error.message)
            return
        super().accept()

    def _check_in_registered(self, participant_id: int) -> CheckInResult:
        day = next(d for d in self.event_info.days if d.id == self.day.currentData())
        return self.context.front_desk.check_in(
            desk=self.context.desk_name, day_number=day.number, participant_id=participant_id
        )
