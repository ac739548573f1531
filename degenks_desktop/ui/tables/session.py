"""The Tafels workspace: a facilitator signs in to their table and works it through.

Divergence (ideas per duo, typed and saved on Enter), selection (dot counts with +/-,
the ten best live, a tie settled by run-off or the table's reasoned choice, then locked)
and convergence (a concept per selected idea, saved as it is typed); at the end each
person's own commitment, for their postcard (`commitments_view`). Every change goes
through the services, which check that it belongs to the signed-in table.

The dots are typed as in a spreadsheet: a number on a row sets its count, Enter saves and
goes down, + and − step the count; a table total above its people's stickers, and the
lock, are confirmed first. The desk follows the header's day: a table of another day is
signed out.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.config import data_dir
from degenks_desktop.date_style import clock
from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.domain.selection import Standing
from degenks_desktop.domain.uids import new_uid
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _, ngettext
from degenks_desktop.services.tables.access import (
    TableAccess,
    TableChoice,
    sign_in,
    tables_to_sign_in,
)
from degenks_desktop.services.tables.concepts import (
    ConceptAtTable,
    concepts_at_table,
    save_concept,
)
from degenks_desktop.services.tables.dots import (
    DOTS_PER_PERSON,
    TooManyDots,
    dots_of_person,
    give_dots,
    people_at_table,
    set_tally,
)
from degenks_desktop.services.tables.ideas import (
    DuoAtTable,
    IdeaAtTable,
    add_idea,
    delete_idea,
    duos_at_table,
    edit_idea,
    ideas_at_table,
    merge_ideas,
    restore_idea,
)
from degenks_desktop.services.tables.top_ten import (
    TableSelection,
    lock_selection,
    selection_to_lock,
    table_selection,
)
from degenks_desktop.ui.forms_generated.concept_form_ui import Ui_ConceptForm
from degenks_desktop.ui.forms_generated.table_sign_in_ui import Ui_TableSignInForm
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.widgets import problem_label
from degenks_desktop.ui.tables.commitments_view import CommitmentsView
from degenks_desktop.ui.tables.idea_model import IdeaListModel

AUTOSAVE_MS = 600
# DOMAIN.md's four questions, and what a concept needs to get going: the fields of
# ConceptText, in the order of the form (forms/concept_form.ui names them concept_<field>).
CONCEPT_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "what_is_alive",
    "what_i_can_do",
    "what_we_can_do",
    "what_the_city_can_do",
    "first_step",
    "who_is_needed",
)
TIE_RULES = (
    ("runoff", N_("A run-off count among the tied ideas")),
    ("table_decision", N_("The table chooses, with a reason")),
)


class IdeaTableView(QTableView):
    """A table of ideas that never jumps to a row by the text typed (Qt's keyboard search):
    typed digits are counts here, not row numbers.

    With `count_column` it is the vote table, worked like a spreadsheet: a digit on any
    cell of a row edits that row's count, Enter (after typing, or on its own) goes down
    to the next row's count, and + / − ask for one dot more or less (`step_asked`)."""

    step_asked = Signal(int)

    def __init__(self, count_column: Callable[[], int] | None = None) -> None:
        super().__init__()
        self._count_column = count_column

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt's name
        """Typing never moves to another row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Digits edit the row's count, Enter goes down, + and − step the count."""
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if self._count_column is None or not plain or self.model() is None:
            super().keyPressEvent(event)
            return
        text = event.text()
        if text in ("+", "-", "−"):
            self.step_asked.emit(1 if text == "+" else -1)
            event.accept()
            return
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            self.go_down()
            event.accept()
            return
        if len(text) == 1 and text in "0123456789" and not editing:
            row = max(self.currentIndex().row(), 0)
            self.setCurrentIndex(self.model().index(row, self._count_column()))
        super().keyPressEvent(event)

    def closeEditor(  # noqa: N802 - Qt's name
        self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        """Enter in a count saves it (the delegate's SubmitModelCache) and goes down."""
        super().closeEditor(editor, hint)
        if (
            self._count_column is not None
            and hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        ):
            self.go_down()

    def go_down(self) -> None:
        """To the count of the next row (the last row stays where it is)."""
        if self._count_column is None or self.model() is None:
            return
        rows = self.model().rowCount()
        if not rows:
            return
        row = min(self.currentIndex().row() + 1, rows - 1) if self.currentIndex().isValid() else 0
        self.setCurrentIndex(self.model().index(row, self._count_column()))

    def count_index(self) -> QModelIndex | QPersistentModelIndex:
        """The current row's count cell (the first row's when there is no current row)."""
        assert self._count_column is not None
        row = max(self.currentIndex().row(), 0)
        return self.model().index(row, self._count_column())


class SignInPage(QWidget):
    """Choose your table, type your PIN.

    The form is Qt Designer's (forms/table_sign_in.ui), held as `self.ui`; the day's
    tables are filled in here, and put in a new language from the choices held."""

    signed_in = Signal(object)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.day_number: int | None = None
        self._choices: list[TableChoice] = []
        self.ui = Ui_TableSignInForm()
        self.ui.setupUi(self)
        self.table: QComboBox = self.ui.table
        self.pin: QLineEdit = self.ui.pin
        self.button: QPushButton = self.ui.sign_in_button
        self.button.setIcon(icon("sign-in"))
        self.problem: QLabel = self.ui.problem
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}")))
        self.pin.returnPressed.connect(self.try_sign_in)
        self.button.clicked.connect(self.try_sign_in)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the form and the tables again, in place, keeping the chosen
        table and the typed PIN (the tables from the choices held, not read again)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._show_choices()
        super().changeEvent(event)

    def show_day(self, day_number: int) -> None:
        """List the day's tables (the header's day); the same day again keeps the choice."""
        if day_number != self.day_number:
            self.problem.clear()
            self.pin.clear()
            self.table.clear()  # another day's table is no choice here
        self.day_number = day_number
        try:
            self._choices = tables_to_sign_in(self.context.database, day_number)
        except KnownError as error:
            self._choices = []
            self.table.clear()
            self.problem.setText(error.message)
            return
        self._show_choices()

    def _show_choices(self) -> None:
        """The tables held, in the language of the moment; the chosen one stays chosen."""
        chosen = self.table.currentData()
        self.table.clear()
        for choice in self._choices:
            who = choice.facilitator or _("no facilitator")
            self.table.addItem(
                _("Table {number} — {theme} — {who}").format(
                    number=choice.number, theme=choice.theme, who=who
                ),
                choice.number,
            )
        if chosen is not None and self.table.findData(chosen) >= 0:
            self.table.setCurrentIndex(self.table.findData(chosen))

    def try_sign_in(self) -> None:
        """Check the PIN; on success hand the table's access on."""
        if self.day_number is None or self.table.currentData() is None:
            return
        try:
            access = sign_in(
                self.context.database,
                day_number=self.day_number,
                table_number=int(self.table.currentData()),
                pin=self.pin.text(),
            )
        except KnownError as error:
            self.problem.setText(error.message)
            self.pin.selectAll()
            self.pin.setFocus()
            return
        self.problem.clear()
        self.pin.clear()
        self.signed_in.emit(access)


class TableSessionPage(QWidget):
    """One table's work: ideas, votes and the ten best, concepts.

    The concept form is Qt Designer's (forms/concept_form.ui), held as `self.concept_ui`.
    A new language puts every text in it in place (`retranslate`): what the page shows of
    the table (duos, the tie, the people) from what it last read, keeping what is typed,
    chosen and current."""

    signed_out = Signal()
    changed = Signal()

    def __init__(self, context: AppContext, access: TableAccess) -> None:
        super().__init__()
        self.context = context
        self.access = access
        self.selection: TableSelection | None = None
        # What the page last read of the table: a new language shows it again from here.
        self._duos: list[DuoAtTable] = []
        self._people: list[tuple[int, str]] = []
        self._saved_at: str | None = None
        self.title = QLabel()
        self.title.setObjectName("tableTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.clicked.connect(self.signed_out.emit)
        self.problem = problem_label("tableProblem")
        header = QHBoxLayout()
        header.addWidget(self.title, stretch=1)
        header.addWidget(self.sign_out_button)

        self.model = IdeaListModel(
            on_text_edited=self._edit_text,
            on_dots_edited=self._set_dots,
            on_person_dots_edited=self._set_person_dots,
            parent=self,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tablePhases")
        self.tabs.addTab(self._build_ideas_tab(), "")
        self.tabs.addTab(self._build_votes_tab(), "")
        self.tabs.addTab(self._build_concepts_tab(), "")
        self.commitments = CommitmentsView(context, access)
        self.tabs.addTab(self.commitments, "")
        self.tabs.currentChanged.connect(self._phase_shown)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, stretch=1)
        self.retranslate()
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _idea_view(self, name: str, *, dots_editable: bool) -> IdeaTableView:
        view = IdeaTableView(self.count_column if dots_editable else None)
        view.setObjectName(name)
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(IdeaListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (IdeaListModel.NUMBER, IdeaListModel.DUO, IdeaListModel.DOTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        view.setColumnHidden(IdeaListModel.DOTS, not dots_editable)
        view.setColumnHidden(IdeaListModel.PERSON, True)
        return view

    def _build_ideas_tab(self) -> QWidget:
        self.duos = QListWidget()
        self.duos.setObjectName("duos")
        self.duos.setMaximumWidth(320)
        self.idea_box = QLineEdit()
        self.idea_box.setObjectName("ideaBox")
        self.idea_box.returnPressed.connect(self.add_typed_idea)
        # What is typed but not yet entered survives a crash: kept in a small file per table.
        where = hashlib.sha256(self.context.database.describe().encode()).hexdigest()[:16]
        self.draft_path = data_dir() / "drafts" / f"{where}-table-{self.access.table_id}.txt"
        self.idea_box.setText(self._read_draft())
        self.idea_box.textEdited.connect(self._keep_draft)
        self.idea_box.installEventFilter(self)
        self.idea_view = self._idea_view("ideaList", dots_editable=False)
        self.idea_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.idea_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.show_deleted = QCheckBox()
        self.show_deleted.setObjectName("showDeleted")
        self.show_deleted.toggled.connect(self._deleted_shown)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_last)
        self._deleted: list[int] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch()
        buttons.addWidget(self.show_deleted)
        right = QVBoxLayout()
        right.addWidget(self.idea_box)
        right.addWidget(self.idea_view, stretch=1)
        right.addLayout(buttons)
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.duos_label = QLabel()
        left.addWidget(self.duos_label)
        left.addWidget(self.duos, stretch=1)
        row.addLayout(left)
        row.addLayout(right, stretch=1)
        return page

    def _build_votes_tab(self) -> QWidget:
        self.vote_view = self._idea_view("voteList", dots_editable=True)
        self.vote_view.step_asked.connect(self.change_dots)
        self.voter = QComboBox()
        self.voter.setObjectName("voter")
        try:
            self._people = people_at_table(self.context.database, self.access)
        except KnownError as error:
            self.problem.setText(error.message)
        self._fill_voters()
        self.voter.currentIndexChanged.connect(self._voter_changed)
        self.voter_note = QLabel()
        self.voter_note.setObjectName("voterNote")
        self.top_list = QListWidget()
        self.top_list.setObjectName("topTen")
        self.tie_note = QLabel()
        self.tie_note.setObjectName("tieNote")
        self.tie_note.setWordWrap(True)
        self.runoff_box = QWidget()
        self.runoff_form = QFormLayout(self.runoff_box)
        self.runoff: dict[int, QSpinBox] = {}
        self.choices: dict[int, QCheckBox] = {}
        self.tie_rule = QComboBox()
        self.tie_rule.setObjectName("tieRule")
        self._fill_tie_rules()
        self.tie_rule.currentIndexChanged.connect(self._show_tie_rule)
        self.reason = QLineEdit()
        self.reason.setObjectName("tieReason")
        self.lock_button = QPushButton(icon("lock"), "")
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        self.top_label = QLabel()
        right = QVBoxLayout()
        right.addWidget(self.top_label)
        right.addWidget(self.top_list, stretch=1)
        right.addWidget(self.tie_note)
        right.addWidget(self.tie_rule)
        right.addWidget(self.runoff_box)
        right.addWidget(self.reason)
        right.addWidget(self.lock_button)
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.dots_hint = QLabel()
        left.addWidget(self.dots_hint)
        voter_row = QHBoxLayout()
        voter_row.addWidget(self.voter, stretch=1)
        voter_row.addWidget(self.voter_note)
        left.addLayout(voter_row)
        left.addWidget(self.vote_view, stretch=1)
        row.addLayout(left, stretch=3)
        row.addLayout(right, stretch=2)
        return page

    def _build_concepts_tab(self) -> QWidget:
        self.concept_list = QListWidget()
        self.concept_list.setObjectName("conceptList")
        self.concept_list.setMaximumWidth(340)
        self.concept_list.setWordWrap(True)
        self.concept_list.currentRowChanged.connect(self._show_concept)
        # The form is Designer's (forms/concept_form.ui); its fields keep their names here
        # (`concept_fields`, `saved_note`) for the saving below and for the tests.
        self.concept_form = QWidget()
        self.concept_ui = Ui_ConceptForm()
        self.concept_ui.setupUi(self.concept_form)
        self.concept_fields: dict[str, QLineEdit | QPlainTextEdit] = {
            name: getattr(self.concept_ui, f"concept_{name}") for name in CONCEPT_FIELDS
        }
        for field in self.concept_fields.values():
            field.textChanged.connect(self._concept_typed)
        self.saved_note: QLabel = self.concept_ui.saved_note
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_concept_now)
        self.concepts_waiting = QLabel()
        self.concepts_waiting.setWordWrap(True)
        self.concept_pages = QStackedWidget()
        self.concept_pages.addWidget(self.concepts_waiting)
        self.concept_pages.addWidget(self.concept_form)
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(self.concept_list)
        row.addWidget(self.concept_pages, stretch=1)
        self._concept_idea: int | None = None
        self._concepts: list[ConceptAtTable] = []
        self._loading_concept = False
        return page

    # --- the language --------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the page in the current language, in place: the fixed ones, and
        what the page shows of the table from what it last read (never read again here)."""
        self.title.setText(
            _("Table {number} — {theme} — {who}").format(
                number=self.access.table_number,
                theme=self.access.theme,
                who=self.access.facilitator,
            )
        )
        self.sign_out_button.setText(_("Sign &out"))
        names = (_("Ideas"), _("Votes and the ten best"), _("Concepts"), _("Own commitments"))
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)
        # Ideas.
        self.duos_label.setText(_("Duos (Alt+Up/Down to switch)"))
        self.idea_box.setPlaceholderText(_("The duo's idea, then Enter"))
        self.merge_button.setText(_("&Merge the selected ideas"))
        self.merge_button.setToolTip(_("Two ideas that say the same: the first one stays"))
        self.delete_button.setText(_("&Delete"))
        self.show_deleted.setText(_("Show deleted ideas"))
        self.restore_button.setText(_("&Restore"))
        for row, duo in enumerate(self._duos[: self.duos.count()]):
            self.duos.item(row).setText(self._duo_text(duo))
        # Votes and the ten best.
        self.dots_hint.setText(_("Type each idea's dots, or use + and −"))
        self._fill_voters()
        self._show_voter_note()
        self.top_label.setText(_("The ten best, live"))
        self._fill_tie_rules()
        self.reason.setPlaceholderText(_("Why the table chose these ideas"))
        self.lock_button.setText(_("&Lock the selection"))
        self._show_tie_note()
        # Concepts.
        self.concepts_waiting.setText(
            _("Lock the selection first: then each of the ten ideas becomes a concept here.")
        )
        self.concept_ui.retranslateUi(self.concept_form)
        self._show_saved_at()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the page's texts again, in place (`retranslate`)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_voters(self) -> None:
        """The sheet's count, then the table's people; the chosen one stays chosen (by its
        id), quietly: a new language is no new choice."""
        chosen = self.voter.currentData()
        self.voter.blockSignals(True)
        self.voter.clear()
        self.voter.addItem(_("The count per idea, from the sticker sheet"), None)
        for person, name in self._people:
            self.voter.addItem(_("The dots of {name}").format(name=name), person)
        if chosen is not None:
            self.voter.setCurrentIndex(max(0, self.voter.findData(chosen)))
        self.voter.blockSignals(False)

    def _fill_tie_rules(self) -> None:
        """The two ways to settle a tie; the chosen one stays chosen, quietly."""
        chosen = self.tie_rule.currentData()
        self.tie_rule.blockSignals(True)
        self.tie_rule.clear()
        for rule, label in TIE_RULES:
            self.tie_rule.addItem(_(label), rule)
        if chosen is not None:
            self.tie_rule.setCurrentIndex(max(0, self.tie_rule.findData(chosen)))
        self.tie_rule.blockSignals(False)

    # --- keyboard ------------------------------------------------------------------------

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt's name
        """Alt+Up/Down picks the duo while typing."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and watched is self.idea_box
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.duos.count():
                row = (self.duos.currentRow() + step) % self.duos.count()
                self.duos.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _phase_shown(self, index: int) -> None:
        """Read the table again; the keyboard goes on in the phase shown (after Ctrl+Tab
        the focus would otherwise stay on a hidden field), unless it is on the tab bar."""
        self.reload()
        if self.tabs.tabBar().hasFocus():
            return
        if index == 1:
            if not self.vote_view.currentIndex().isValid() and self.model.rowCount():
                self.vote_view.setCurrentIndex(self.vote_view.count_index())
            self.vote_view.setFocus()
        elif index == 0:
            self.idea_box.setFocus()
        elif index == 3:
            self.commitments.reload()
            self.commitments.start_typing()
        else:
            self.concept_list.setFocus()

    # --- loading -------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], *, clears_problem: bool = True) -> bool:
        """Run a service call; its sentence shows on failure (a reload keeps the last one)."""
        try:
            action()
        except KnownError as error:
            self.problem.setText(error.message)
            return False
        if clears_problem:
            self.problem.clear()
        return True

    def reload(self) -> None:
        """Read the table again: duos, ideas, standing, concepts."""
        current = self.duos.currentItem()
        chosen_duo = current.data(Qt.ItemDataRole.UserRole) if current is not None else None

        def read() -> None:
            duos = duos_at_table(self.context.database, self.access)
            with_deleted = self.show_deleted.isChecked() and self.tabs.currentIndex() == 0
            ideas = ideas_at_table(self.context.database, self.access, with_deleted=with_deleted)
            self.selection = table_selection(self.context.database, self.access)
            self._duos = list(duos)
            self.duos.clear()
            for duo in duos:
                item = QListWidgetItem(self._duo_text(duo))
                item.setData(Qt.ItemDataRole.UserRole, duo.id)
                if duo.ideas == 0:  # who has not spoken yet stands out
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.duos.addItem(item)
                if duo.id == chosen_duo:
                    self.duos.setCurrentItem(item)
            if self.duos.currentRow() < 0 and self.duos.count():
                self.duos.setCurrentRow(0)
            standing = self.selection.standing
            selected = set(self.selection.selected if self.selection.locked else standing.sure)
            tied = set() if self.selection.locked else set(standing.tied)
            self.model.show_ideas(
                ideas,
                selected=selected,
                tied=tied,
                person_dots=self._show_voter(),
                votes_open=not self.selection.locked,
            )
            self._show_standing(ideas)
            self._show_concepts()

        self._run(read, clears_problem=False)

    @staticmethod
    def _duo_text(duo: DuoAtTable) -> str:
        """ "Duo 2: Lies & Tom — 3 ideas", the count with its plural."""
        return ngettext(
            "Duo {number}: {names} — {count} idea",
            "Duo {number}: {names} — {count} ideas",
            duo.ideas,
        ).format(number=duo.number, names=duo.names or "?", count=duo.ideas)

    def _show_tie_note(self) -> None:
        """Locked, a tie to settle, or nothing: from the standing last read."""
        if self.selection is None:
            self.tie_note.clear()
        elif self.selection.locked:
            self.tie_note.setText(_("The selection is locked."))
        elif self.selection.standing.is_tied:
            self.tie_note.setText(self._tie_sentence(self.selection.standing))
        else:
            self.tie_note.clear()

    def _show_standing(self, ideas: list[IdeaAtTable]) -> None:
        assert self.selection is not None
        texts = {idea.id: idea.text for idea in ideas}
        standing = self.selection.standing
        self.top_list.clear()
        self._show_tie_note()
        if self.selection.locked:
            for rank, idea in enumerate(self.selection.selected, start=1):
                self.top_list.addItem(f"{rank}. {texts.get(idea, '?')}")
        else:
            places = standing.places()
            for idea in standing.sure:
                self.top_list.addItem(
                    f"{places[idea]}. {texts.get(idea, '?')} ({standing.dots.get(idea, 0)})"
                )
            for idea in standing.tied:
                item = QListWidgetItem(f"= {texts.get(idea, '?')} ({standing.dots.get(idea, 0)})")
                item.setBackground(Qt.GlobalColor.yellow)
                self.top_list.addItem(item)
        tied = standing.is_tied and not self.selection.locked
        for widget in (self.tie_rule, self.runoff_box):
            widget.setVisible(tied)
        self.lock_button.setEnabled(not self.selection.locked)
        self._build_tie_fields(standing.tied if tied else (), texts)
        self._show_tie_rule()

    @staticmethod
    def _tie_sentence(standing: Standing) -> str:
        """ "Tie: 3 ideas with 4 dots for the last 2 places", each count with its plural."""
        dots = standing.dots.get(standing.tied[0], 0)
        places = standing.open_places
        return " ".join(
            (
                ngettext(
                    "Tie: {tied} ideas with {dots} dot",
                    "Tie: {tied} ideas with {dots} dots",
                    dots,
                ).format(tied=len(standing.tied), dots=dots),
                ngettext("for the last place.", "for the last {places} places.", places).format(
                    places=places
                ),
                _("Settle it before locking."),
            )
        )

    def _build_tie_fields(self, tied: tuple[int, ...], texts: dict[int, str]) -> None:
        while self.runoff_form.rowCount():
            self.runoff_form.removeRow(0)
        self.runoff, self.choices = {}, {}
        for idea in tied:
            count = QSpinBox()
            count.setRange(0, 999)
            count.setObjectName(f"runoff_{idea}")
            count.setAccessibleName(texts.get(idea, "?"))
            choose = QCheckBox()
            choose.setObjectName(f"choose_{idea}")
            choose.setAccessibleName(texts.get(idea, "?"))
            label = QLabel(texts.get(idea, "?"))
            label.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(choose)
            row.addWidget(label, stretch=1)
            row.addWidget(count)
            self.runoff[idea], self.choices[idea] = count, choose
            self.runoff_form.addRow(row)
        # Boxes made now would come last in the window's Tab chain, after the header:
        # put them between the tie rule and the lock button, in the order shown.
        chain: list[QWidget] = [self.tie_rule]
        for idea in tied:
            chain += [self.choices[idea], self.runoff[idea]]
        chain += [self.reason, self.lock_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _show_tie_rule(self) -> None:
        by_runoff = self.tie_rule.currentData() == "runoff"
        for count in self.runoff.values():
            count.setVisible(by_runoff)
        for choose in self.choices.values():
            choose.setVisible(not by_runoff)
        self.reason.setVisible(bool(self.choices) and not by_runoff)

    # --- ideas ---------------------------------------------------------------------------

    def _read_draft(self) -> str:
        try:
            return self.draft_path.read_text(encoding="utf-8")
        except OSError:
            return ""

    def _keep_draft(self, text: str) -> None:
        try:
            self.draft_path.parent.mkdir(parents=True, exist_ok=True)
            self.draft_path.write_text(text, encoding="utf-8")
        except OSError:
            pass  # the draft is a courtesy; the idea itself is saved on Enter

    def add_typed_idea(self) -> None:
        """Save the typed idea for the chosen duo; the box is ready for the next one."""
        item = self.duos.currentItem()
        duo_id = int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        text = self.idea_box.text()
        uid = new_uid()
        if self._run(
            lambda: add_idea(self.context.database, self.access, text=text, duo_id=duo_id, uid=uid)
        ):
            self.idea_box.clear()
            self._keep_draft("")
            self.reload()
            self.idea_view.scrollToBottom()
            self.changed.emit()
        self.idea_box.setFocus()

    def _edit_text(self, idea_id: int, text: str) -> bool:
        done = self._run(lambda: edit_idea(self.context.database, self.access, idea_id, text))
        QTimer.singleShot(0, self.reload)
        return done

    def _selected_ideas(self, view: QTableView) -> list[int]:
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        return [self.model.idea_at(row).id for row in rows]

    def delete_selected(self) -> None:
        """Take the selected ideas off the list (they can be restored)."""
        chosen = self._selected_ideas(self.idea_view)
        for idea in chosen:
            if self._run(functools.partial(delete_idea, self.context.database, self.access, idea)):
                self._deleted.append(idea)
        self.restore_button.setEnabled(bool(self._deleted))
        self.reload()
        self.changed.emit()

    def restore_last(self) -> None:
        """Put back the deleted ideas selected in the list, else the last one deleted."""
        rows = sorted({index.row() for index in self.idea_view.selectionModel().selectedRows()})
        chosen = [self.model.idea_at(row).id for row in rows if self.model.idea_at(row).deleted]
        if not chosen and self._deleted:
            chosen = [self._deleted.pop()]
        for idea in chosen:
            self._run(functools.partial(restore_idea, self.context.database, self.access, idea))
            if idea in self._deleted:
                self._deleted.remove(idea)
        self.restore_button.setEnabled(bool(self._deleted) or self.show_deleted.isChecked())
        self.reload()
        self.changed.emit()

    def _deleted_shown(self, on: bool) -> None:
        self.restore_button.setEnabled(on or bool(self._deleted))
        self.reload()

    def merge_selected(self) -> None:
        """Merge the selected ideas into the first of them."""
        chosen = self._selected_ideas(self.idea_view)
        if len(chosen) < 2:
            self.problem.setText(_("Select two or more ideas that say the same, then merge."))
            return
        keep, *others = chosen
        for other in others:
            self._run(
                functools.partial(merge_ideas, self.context.database, self.access, keep, other)
            )
        self.reload()
        self.changed.emit()

    # --- votes ---------------------------------------------------------------------------

    def count_column(self) -> int:
        """The column the typed counts go to: the sheet's count, or the chosen person's."""
        return IdeaListModel.DOTS if self.voter.currentData() is None else IdeaListModel.PERSON

    @classmethod
    def confirm_over(cls, parent: QWidget, sentence: str) -> bool:
        """Ask before saving a count above the table's stickers (tests replace this)."""
        return (
            QMessageBox.question(
                parent, _("More dots than stickers"), sentence + "\n\n" + _("Save it anyway?")
            )
            == QMessageBox.StandardButton.Yes
        )

    @classmethod
    def confirm_lock(cls, parent: QWidget, ideas: list[str]) -> bool:
        """Ask before locking, naming the ideas that will be the ten (tests replace this)."""
        question = ngettext(
            "Lock this idea as the table's selection?",
            "Lock these {count} ideas as the table's selection?",
            len(ideas),
        ).format(count=len(ideas))
        # Shortened: ten long ideas must still fit a 768-pixel-high screen.
        listed = "\n".join(
            f"{rank}. {text if len(text) <= 90 else text[:89] + '…'}"
            for rank, text in enumerate(ideas, start=1)
        )
        after = _("Then the dots cannot change any more; only the organisers can unlock it.")
        return (
            QMessageBox.question(
                parent, _("Lock the selection"), f"{question}\n\n{listed}\n\n{after}"
            )
            == QMessageBox.StandardButton.Yes
        )

    def _save_count(self, save: Callable[[bool], object]) -> bool:
        """One count saved (one service call); a total above the stickers is asked about
        once the editor has closed, and saved only on Yes."""
        try:
            save(False)
        except TooManyDots as error:
            self.problem.setText(error.message)
            QTimer.singleShot(0, functools.partial(self._ask_over, error.message, save))
            return False
        except KnownError as error:
            self.problem.setText(error.message)
            return False
        self.problem.clear()
        QTimer.singleShot(0, self.reload)
        self.changed.emit()
        return True

    def _ask_over(self, sentence: str, save: Callable[[bool], object]) -> None:
        if not self.confirm_over(self, sentence):
            self.vote_view.setFocus()
            return
        if self._run(lambda: save(True)):
            self.reload()
            self.changed.emit()
        self.vote_view.setFocus()

    def _set_dots(self, idea_id: int, dots: int) -> bool:
        return self._save_count(
            lambda over: set_tally(
                self.context.database, self.access, idea_id, dots, allow_over=over
            )
        )

    def change_dots(self, step: int) -> None:
        """+ or − on the current row: sends the new count, so a repeat never adds twice;
        the row stays current."""
        index = self.vote_view.currentIndex()
        if not index.isValid() or not self.model.votes_open:
            return
        idea = self.model.idea_at(index.row())
        if self.voter.currentData() is not None:
            mine = self.model.person_dots.get(idea.id, 0)
            self._set_person_dots(idea.id, max(0, mine + step))
        else:
            self._set_dots(idea.id, max(0, idea.dots + step))
        self.reload()  # at once: a second + counts from the new number

    def _voter_changed(self) -> None:
        """Counting per idea, or one person's dots with their limit."""
        person = self.voter.currentData()
        self.vote_view.setColumnHidden(IdeaListModel.PERSON, person is None)
        self.reload()
        index = self.vote_view.currentIndex()
        if index.isValid():
            self.vote_view.setCurrentIndex(self.model.index(index.row(), self.count_column()))

    def _show_voter(self) -> dict[int, int]:
        """The chosen person's dots per idea (none when counting the sheet), with the note."""
        person = self.voter.currentData()
        mine = (
            {}
            if person is None
            else dots_of_person(self.context.database, self.access, int(person))
        )
        self._show_voter_note(mine)
        return mine

    def _show_voter_note(self, mine: dict[int, int] | None = None) -> None:
        """How many of their dots the chosen person gave (`mine`, else as last shown)."""
        if self.voter.currentData() is None:
            self.voter_note.clear()
            return
        given = sum((self.model.person_dots if mine is None else mine).values())
        self.voter_note.setText(
            ngettext(
                "{given} of {limit} dot given", "{given} of {limit} dots given", DOTS_PER_PERSON
            ).format(given=given, limit=DOTS_PER_PERSON)
        )

    def _set_person_dots(self, idea_id: int, dots: int) -> bool:
        person = self.voter.currentData()
        if person is None:
            return False
        given = dict(self.model.person_dots)
        given[idea_id] = dots
        return self._save_count(
            lambda over: give_dots(
                self.context.database, self.access, int(person), given, allow_over=over
            )
        )

    def lock(self) -> None:
        """Fix the ten best, with the tie's settlement when there is one, after the
        facilitator confirmed the ideas it names."""
        assert self.selection is not None
        standing = self.selection.standing
        runoff: dict[int, int] | None = None
        chosen: list[int] = []
        reason = ""
        if standing.is_tied and self.tie_rule.currentData() == "runoff":
            runoff = {idea: box.value() for idea, box in self.runoff.items()}
        elif standing.is_tied:
            chosen = [idea for idea, box in self.choices.items() if box.isChecked()]
            reason = self.reason.text()
        database = self.context.database
        final: tuple[int, ...] = ()

        def check() -> None:
            nonlocal final
            final = selection_to_lock(
                database, self.access, runoff=runoff, chosen=chosen, reason=reason
            )

        if not self._run(check):
            return
        texts = {
            idea.id: idea.text for idea in map(self.model.idea_at, range(self.model.rowCount()))
        }
        if not self.confirm_lock(self, [texts.get(idea, "?") for idea in final]):
            self.lock_button.setFocus()
            return
        if self._run(
            lambda: lock_selection(
                database, self.access, runoff=runoff, chosen=chosen, reason=reason, expected=final
            )
        ):
            self.reload()
            self.changed.emit()
            self.tabs.setCurrentIndex(2)

    # --- concepts ------------------------------------------------------------------------

    def _show_concepts(self) -> None:
        assert self.selection is not None
        self._concepts = concepts_at_table(self.context.database, self.access)
        shown = self._concept_idea
        rows = [concept.idea_id for concept in self._concepts]
        row = rows.index(shown) if shown in rows else 0
        # Rebuilt quietly: a reload must not overwrite the concept being typed.
        self.concept_list.blockSignals(True)
        self.concept_list.clear()
        for concept in self._concepts:
            mark = "✓ " if concept.concept_id else ""
            title = concept.text.title or concept.idea_text
            self.concept_list.addItem(f"{mark}{concept.rank}. {title}")
        if self._concepts:
            self.concept_list.setCurrentRow(row)
        self.concept_list.blockSignals(False)
        self.concept_pages.setCurrentIndex(1 if self._concepts else 0)
        if self._concepts and shown != rows[row]:
            self._show_concept(row)

    def _show_concept(self, row: int) -> None:
        if self.autosave.isActive():
            self.autosave.stop()
            self.save_concept_now()
        if not 0 <= row < len(self._concepts):
            return
        concept = self._concepts[row]
        self._concept_idea = concept.idea_id
        self._loading_concept = True
        for name, field in self.concept_fields.items():
            value = getattr(concept.text, name) or (concept.idea_text if name == "title" else "")
            if isinstance(field, QLineEdit):
                field.setText(value)
            else:
                field.setPlainText(value)
        self._loading_concept = False
        self._saved_at = None
        self._show_saved_at()

    def _concept_typed(self) -> None:
        if not self._loading_concept and self._concept_idea is not None:
            self.autosave.start()

    def save_concept_now(self) -> None:
        """Save the concept on screen (the autosave timer calls this as one types)."""
        if self._concept_idea is None:
            return
        values = {
            name: field.text() if isinstance(field, QLineEdit) else field.toPlainText()
            for name, field in self.concept_fields.items()
        }
        idea = self._concept_idea
        if self._run(
            lambda: save_concept(self.context.database, self.access, idea, ConceptText(**values))
        ):
            self._saved_at = clock(dt.datetime.now())
            self._show_saved_at()
            self.changed.emit()

    def _show_saved_at(self) -> None:
        """When the concept on screen was last saved (nothing before its first save)."""
        if self._saved_at is None:
            self.saved_note.clear()
        else:
            self.saved_note.setText(_("Saved at {time}").format(time=self._saved_at))


class TableDesk(QStackedWidget):
    """Sign-in, then the signed-in table; signing out goes back to sign-in."""

    changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.sign_in_page = SignInPage(context)
        self.sign_in_page.signed_in.connect(self.open_table)
        self.session: TableSessionPage | None = None
        self.session_area: QScrollArea | None = None
        self.addWidget(self.sign_in_page)

    def show_day(self, day_number: int) -> None:
        """The day whose tables can be signed in to (the header's): a table signed in on
        another day is signed out first, its typed work saved."""
        if self.session is not None and self.session.access.day_number != day_number:
            self.close_table()
        self.sign_in_page.show_day(day_number)

    def open_table(self, access: TableAccess) -> None:
        """Show the table the facilitator signed in to."""
        self.close_table()
        self.session = TableSessionPage(self.context, access)
        self.session.signed_out.connect(self.close_table)
        self.session.changed.connect(self.changed.emit)
        # The session's phases are taller than a 1366×768 laptop leaves under the header:
        # the page scrolls inside, the window keeps its size.
        self.session_area = QScrollArea()
        self.session_area.setObjectName("sessionArea")
        self.session_area.setWidgetResizable(True)
        self.session_area.setFrameShape(QFrame.Shape.NoFrame)
        self.session_area.setWidget(self.session)
        self.addWidget(self.session_area)
        self.setCurrentWidget(self.session_area)
        self.session.idea_box.setFocus()

    def close_table(self) -> None:
        """Sign out: save what is typed, forget the table's access."""
        if self.session is None:
            return
        self.session.autosave.stop()
        self.session.save_concept_now()
        self.session.commitments.finish_typing()
        if self.session_area is not None:
            self.removeWidget(self.session_area)
            self.session_area.deleteLater()  # and the session page inside it
            self.session_area = None
        self.session = None
        self.setCurrentWidget(self.sign_in_page)
