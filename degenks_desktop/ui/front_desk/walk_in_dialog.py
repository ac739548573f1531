"""The walk-in form of the front desk: name, day, theme, and optional questions with consent.

Made for the keyboard: the first name has focus, Tab walks the fields in order, Enter
registers. The diversity questions stay closed until the person consents.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
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
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.labels import day_label

SOMEONE_ELSE = -1

NO_ANSWER = ""


def _answer_box(category: Category) -> QComboBox:
    box = QComboBox()
    box.setObjectName(category.key)
    box.addItem(_("(no answer)"), NO_ANSWER)
    for value, label in category.values.items():
        box.addItem(_(label), value)
    return box


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
        self.setWindowTitle(_("Walk-in"))

        self.first_name = QLineEdit()
        self.first_name.setObjectName("firstName")
        self.last_name = QLineEdit()
        self.last_name.setObjectName("lastName")
        self.day = QComboBox()
        self.day.setObjectName("day")
        for day in event.days:
            self.day.addItem(day_label(day), day.id)
        self.day.setCurrentIndex(max(0, self.day.findData(day_id)))
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for theme_id, name in theme_choices(context.database):
            self.theme.addItem(name, theme_id)
        # No silent choice: the person says which theme, the clerk picks it.
        self.theme.setPlaceholderText(_("Choose a theme"))
        self.theme.setCurrentIndex(-1)
        self.language_need = QLineEdit()
        self.language_need.setObjectName("languageNeed")
        self.language_need.setPlaceholderText(_("e.g. whispered translation into Turkish"))

        form = QFormLayout()
        form.addRow(_("First name"), self.first_name)
        form.addRow(_("Last name"), self.last_name)
        form.addRow(_("Day"), self.day)
        form.addRow(_("Theme"), self.theme)
        form.addRow(_("Language help"), self.language_need)

        self.consent = QCheckBox(
            _("This person agrees to answer the diversity questions (optional).")
        )
        self.consent.setObjectName("consent")
        self.gender = _answer_box(GENDER)
        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("birthYear")
        self.birth_year.setRange(0, 2100)
        self.birth_year.setSpecialValueText(_("(no answer)"))
        self.birth_year.setValue(0)
        self.origin = _answer_box(ORIGIN)
        self.education = _answer_box(EDUCATION)
        self.work_situation = _answer_box(WORK_SITUATION)
        self.years_in_genk = _answer_box(YEARS_IN_GENK)
        self.neighbourhood = QComboBox()
        self.neighbourhood.setObjectName("neighbourhood")
        self.neighbourhood.addItem(_("(no answer)"), NO_ANSWER)
        for name in neighbourhood_names(context.database):
            self.neighbourhood.addItem(name, name)
        self.questions = QGroupBox(_("Diversity questions"))
        questions_form = QFormLayout(self.questions)
        questions_form.addRow(_("Gender"), self.gender)
        questions_form.addRow(_("Birth year"), self.birth_year)
        questions_form.addRow(_("Origin"), self.origin)
        questions_form.addRow(_("Neighbourhood"), self.neighbourhood)
        questions_form.addRow(_("Education"), self.education)
        questions_form.addRow(_("Work situation"), self.work_situation)
        questions_form.addRow(_("Years in Genk"), self.years_in_genk)
        self.questions.setEnabled(False)
        self.consent.toggled.connect(self.questions.setEnabled)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.register_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.register_button.setText(_("Register and check in"))
        self.register_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consent)
        layout.addWidget(self.questions)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.first_name.setFocus(Qt.FocusReason.OtherFocusReason)
        if typed_name:  # what the clerk searched for, and nobody registered had
            first, last = split_full_name(typed_name)
            self.first_name.setText(first)
            self.last_name.setText(last)

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
