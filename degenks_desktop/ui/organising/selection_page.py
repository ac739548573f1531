"""Selectie in Organisatie: the draw of a day when more people register than it has places.

The organisers set the day's places, its waiting list and whether people who registered
together are drawn together; they propose quotas from the city's figures, edit a quota's
minimum or maximum in the table and save. Then they type the seed drawn in public (dice,
say) and draw, off the GUI thread with progress and Cancel. The page then shows what the
draw came to: the figures, per quota value the registered and selected shares against
the city's, the spread of everyone's chance of being drawn, and the waiting list in order.
Every write goes through `with_organiser`; the page only calls the draw's services.
"""

from __future__ import annotations

import secrets
import statistics
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.house.events import DayInfo, EventInfo
from degenks_desktop.services.house.organisers import OrganiserAccess
from degenks_desktop.services.registrations.draw import (
    DrawOverview,
    DrawPlan,
    DrawReport,
    QuotasCannotBeMet,
    draw_overview,
    draw_plan,
    propose_plan,
    quota_rows,
    run_draw,
    save_draw_plan,
)
from degenks_desktop.ui.organising.draw_charts import ChanceHistogram, QuotaBars
from degenks_desktop.ui.organising.quota_model import (
    LARGEST_BOUND,
    BoundDelegate,
    QuotaModel,
    WaitingListModel,
)
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.labels import day_label, percentage
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.widgets import problem_label

# The draw's algorithms: its key for the service, its name and what it does.
ALGORITHM_CHOICES = (
    (
        "maximin",
        N_("Maximin (recommended)"),
        N_(
            "Gives the people least likely to be drawn the highest chance the quotas allow, "
            "and keeps people who registered together together."
        ),
    ),
    (
        "nash",
        N_("Nash"),
        N_("Spreads the chances by the product of everyone's chance; one person at a time."),
    ),
    (
        "leximin",
        N_("Leximin"),
        N_("Needs the commercial Gurobi solver, which this app does not include."),
    ),
    (
        "legacy",
        N_("Legacy"),
        N_("The older draw, one person after the other; it can run into a dead end."),
    ),
)


class SelectionPage(QWidget):
    """The draw of one day: its settings and quotas, the draw, and what it came to."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        self.plan: DrawPlan | None = None  # the plan as saved (or proposed), read last
        self.overview = DrawOverview(None, ())
        self._days: dict[int, DayInfo] = {}  # the event's days offered, by number
        # What the message line says, held as what it was made from, to say it again in a
        # new language (a service's sentence stays as it was said).
        self._message_words: Callable[[], str] | None = None

        self.day = QComboBox()
        self.day.setObjectName("drawDay")
        self.day.currentIndexChanged.connect(self._day_chosen)
        self.places = QSpinBox()
        self.places.setObjectName("drawPlaces")
        self.places.setRange(1, LARGEST_BOUND)
        self.waiting_list = QSpinBox()
        self.waiting_list.setObjectName("drawWaitingList")
        self.waiting_list.setRange(0, LARGEST_BOUND)
        self.together = QCheckBox()
        self.together.setObjectName("drawTogether")
        self.tolerance = QSpinBox()
        self.tolerance.setObjectName("drawTolerance")
        self.tolerance.setRange(0, 100)
        self.propose_button = QPushButton()
        self.propose_button.setObjectName("proposeQuotas")
        self.propose_button.clicked.connect(self.propose)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveDrawPlan")
        self.save_button.clicked.connect(self.save)

        self.model = QuotaModel(self)
        self.model.edited.connect(self._edited)
        self.table = QTableView()
        self.table.setObjectName("quotaTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(BoundDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QuotaModel.VALUE, QHeaderView.ResizeMode.Stretch)
        self.problem = problem_label("drawProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("drawMessage")
        self.message.setWordWrap(True)

        self.seed = QLineEdit()
        self.seed.setObjectName("drawSeed")
        self.seed.setMaxLength(12)
        self.random_seed_button = QPushButton()
        self.random_seed_button.setObjectName("randomSeed")
        self.random_seed_button.clicked.connect(self.random_seed)
        self.algorithm = QComboBox()
        self.algorithm.setObjectName("drawAlgorithm")
        for key, _name, _help in ALGORITHM_CHOICES:
            self.algorithm.addItem("", key)
        self.draw_button = QPushButton()
        self.draw_button.setObjectName("drawButton")
        self.draw_button.clicked.connect(self.draw)

        self.summary = QLabel()
        self.summary.setObjectName("drawSummary")
        self.summary.setWordWrap(True)
        self.bars = QuotaBars()
        self.bars.setObjectName("quotaBars")
        self.bars_area = QScrollArea()
        self.bars_area.setObjectName("quotaBarsArea")
        self.bars_area.setFrameShape(QFrame.Shape.NoFrame)
        self.bars_area.setWidgetResizable(True)
        self.bars_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bars_area.setWidget(self.bars)
        self.chances_title = QLabel()
        self.spread = QLabel()
        self.spread.setObjectName("chanceSpread")
        self.spread.setWordWrap(True)
        self.histogram = ChanceHistogram()
        self.histogram.setObjectName("chanceHistogram")
        self.waiting_title = QLabel()
        self.waiting = WaitingListModel(self)
        self.waiting_view = QTableView()
        self.waiting_view.setObjectName("waitingList")
        self.waiting_view.setModel(self.waiting)
        self.waiting_view.verticalHeader().setVisible(False)
        self.waiting_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.waiting_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waiting_view.horizontalHeader().setSectionResizeMode(
            WaitingListModel.POSITION, QHeaderView.ResizeMode.ResizeToContents
        )
        self.waiting_view.horizontalHeader().setStretchLastSection(True)

        self._labels: dict[str, QLabel] = {}
        self._lay_out()
        self.retranslate()

    def _label(self, name: str, buddy: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy)
        self._labels[name] = label
        return label

    def _lay_out(self) -> None:
        day_row = QHBoxLayout()
        day_row.addWidget(self._label("day", self.day))
        day_row.addWidget(self.day, stretch=1)
        day_row.addSpacing(12)
        day_row.addWidget(self._label("places", self.places))
        day_row.addWidget(self.places)
        bounds_row = QHBoxLayout()
        bounds_row.addWidget(self._label("waiting", self.waiting_list))
        bounds_row.addWidget(self.waiting_list)
        bounds_row.addSpacing(12)
        bounds_row.addWidget(self._label("tolerance", self.tolerance))
        bounds_row.addWidget(self.tolerance)
        bounds_row.addStretch(1)
        bounds_row.addWidget(self.propose_button)
        together_row = QHBoxLayout()
        together_row.addWidget(self.together, stretch=1)
        together_row.addWidget(self.save_button)
        draw_row = QHBoxLayout()
        draw_row.addWidget(self._label("seed", self.seed))
        draw_row.addWidget(self.seed, stretch=1)
        draw_row.addWidget(self.random_seed_button)
        draw_row.addWidget(self._label("algorithm", self.algorithm))
        draw_row.addWidget(self.algorithm)
        draw_row.addWidget(self.draw_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addLayout(day_row)
        left_layout.addLayout(bounds_row)
        left_layout.addLayout(together_row)
        left_layout.addWidget(self.table, stretch=1)
        left_layout.addWidget(self.problem)
        left_layout.addLayout(draw_row)
        left_layout.addWidget(self.message)

        chances = QVBoxLayout()
        chances.addWidget(self.chances_title)
        chances.addWidget(self.spread)
        chances.addWidget(self.histogram, stretch=1)
        waiting = QVBoxLayout()
        waiting.addWidget(self.waiting_title)
        waiting.addWidget(self.waiting_view, stretch=1)
        below = QHBoxLayout()
        below.addLayout(chances, stretch=1)
        below.addLayout(waiting, stretch=1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.bars_area, stretch=3)
        right_layout.addLayout(below, stretch=2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([680, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """The page's texts in the language of the moment, from what it holds (the
        database is not read again); what was typed, chosen and edited stays."""
        labels = self._labels
        labels["day"].setText(_("Da&y"))
        labels["places"].setText(_("&Places"))
        labels["waiting"].setText(_("&Waiting list"))
        labels["tolerance"].setText(_("&Tolerance"))
        labels["seed"].setText(_("S&eed"))
        labels["algorithm"].setText(_("&Algorithm"))
        self.together.setText(_("&Keep people who registered together together"))
        # The percent sign as the language writes it ("20 %", "20%").
        self.tolerance.setSuffix(percentage(0.0).removeprefix("0"))
        self.tolerance.setToolTip(
            _("How far a quota may lie from the city's share when quotas are proposed.")
        )
        self.propose_button.setText(_("Pr&opose quotas"))
        self.propose_button.setToolTip(
            _("Quotas for these places from the city's figures, widened by the tolerance.")
        )
        self.save_button.setText(_("&Save quotas"))
        self.save_button.setToolTip(_("Keep the places, the waiting list and the quotas."))
        self.seed.setPlaceholderText(_("a whole number, such as 4821"))
        self.seed.setToolTip(
            _(
                "The number drawn in public (with dice, say) and written down: the same "
                "seed with the same registrations draws the same people."
            )
        )
        self.random_seed_button.setText(_("&Random seed"))
        self.draw_button.setText(_("&Draw"))
        for index, (_key, name, help_text) in enumerate(ALGORITHM_CHOICES):
            self.algorithm.setItemText(index, _(name))
            self.algorithm.setItemData(index, _(help_text), Qt.ItemDataRole.ToolTipRole)
        self.chances_title.setText(_("Chance of being drawn"))
        self.waiting_title.setText(_("Waiting list, in order"))
        for row in range(self.day.count()):
            day = self._days.get(self.day.itemData(row))  # the days held, by number
            if day is not None:
                self.day.setItemText(row, day_label(day))
        self.model.retranslate()
        self.waiting.retranslate()
        self._show_report()
        if self._message_words is not None:
            self.message.setText(self._message_words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the page's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the day ----------------------------------------------------------------------

    def show_event(self, event: EventInfo | None) -> None:
        """Offer the event's days; the day chosen stays when it still is one."""
        chosen = self.day.currentData()
        self._days = {day.number: day for day in event.days} if event is not None else {}
        self.day.blockSignals(True)
        self.day.clear()
        for day in event.days if event is not None else ():
            self.day.addItem(day_label(day), day.number)
        self.day.setCurrentIndex(max(0, self.day.findData(chosen)))
        self.day.blockSignals(False)
        self._day_chosen()

    def show_day(self, day_number: int) -> None:
        """Work on day `day_number` (the window's day), unless it is not one of the event's."""
        index = self.day.findData(day_number)
        if index >= 0 and index != self.day.currentIndex():
            self.day.setCurrentIndex(index)

    def day_number(self) -> int | None:
        """The day chosen on the page."""
        number = self.day.currentData()
        return int(number) if number is not None else None

    def _day_chosen(self) -> None:
        self._clear_messages()
        self.load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Registrations change on other pages: read again, unless edits would be lost.
        super().showEvent(event)
        if self.task is None and not self.unsaved():
            self.load()

    def load(self) -> None:
        """Read the day's plan, its quotas and its latest draw from the database."""
        day = self.day_number()
        if day is None:
            self.plan, self.overview = None, DrawOverview(None, ())
            self.model.set_rows([], drawn=False)
            self._show_overview()
            return
        database = self.context.database
        try:
            plan = draw_plan(database, day)
            overview = draw_overview(database, day)
            rows = quota_rows(database, day, plan.quotas)
        except KnownError as error:
            self._say_problem([error.message])
            return
        self.plan, self.overview = plan, overview
        self.places.setValue(plan.places)
        self.waiting_list.setValue(plan.waiting_list)
        self.together.setChecked(plan.households_together)
        self.tolerance.setValue(round(plan.tolerance * 100))
        self.model.set_rows(rows, drawn=overview.report is not None)
        self._show_overview()

    # --- the plan ---------------------------------------------------------------------

    def plan_on_screen(self) -> DrawPlan | None:
        """The plan as the fields and the table say it now."""
        day = self.day_number()
        if day is None:
            return None
        chairs = self.plan.chairs if self.plan is not None else 0
        registered = self.plan.registered if self.plan is not None else 0
        return DrawPlan(
            day=day,
            places=self.places.value(),
            waiting_list=self.waiting_list.value(),
            households_together=self.together.isChecked(),
            tolerance=self.tolerance.value() / 100,
            quotas=self.model.quotas(),
            chairs=chairs,
            registered=registered,
        )

    def unsaved(self) -> bool:
        """Whether the places, waiting list, households or quotas differ from the saved."""
        shown, saved = self.plan_on_screen(), self.plan
        if shown is None or saved is None:
            return False
        return (
            shown.places,
            shown.waiting_list,
            shown.households_together,
            round(shown.tolerance * 100),
            shown.quotas,
        ) != (
            saved.places,
            saved.waiting_list,
            saved.households_together,
            round(saved.tolerance * 100),
            saved.quotas,
        )

    def _edited(self) -> None:
        self._clear_messages()

    def propose(self) -> None:
        """Fill the table with quotas for the places, from the city's figures."""
        day = self.day_number()
        if day is None:
            return
        self._clear_messages()
        database = self.context.database
        try:
            quotas = propose_plan(database, day, self.places.value(), self.tolerance.value() / 100)
            rows = quota_rows(database, day, quotas)
        except KnownError as error:
            self._say_problem([error.message])
            return
        self.model.set_rows(rows, drawn=self.overview.report is not None)
        self._show_overview()
        self._say(lambda: _("Quotas proposed: edit a minimum or maximum, then save."))

    def save(self) -> None:
        """Keep the plan on screen (as the organiser signed in)."""
        if self.plan_on_screen() is None:
            return
        with_organiser(self.context, self, self._save_as)

    def _save_as(self, organiser: OrganiserAccess) -> None:
        plan = self.plan_on_screen()
        if plan is None:
            return
        self._clear_messages()
        try:
            save_draw_plan(self.context.database, plan, actor=organiser.actor)
        except KnownError as error:
            self._say_problem([error.message])
            return
        self.plan = plan
        self._say(lambda: _("Saved: the draw uses these places and quotas."))

    # --- the draw ---------------------------------------------------------------------

    def random_seed(self) -> None:
        """A seed of the computer's choosing, for when nobody draws one in public."""
        self.seed.setText(str(secrets.randbelow(10**6)))
        self.seed.setFocus()

    def confirm_redraw(self, report: DrawReport) -> bool:
        """Whether to draw a day again that was drawn already (tests replace this)."""
        answer = QMessageBox.question(
            self,
            _("Selection"),
            _(
                "This day was drawn already (seed {seed}). Draw again? Who is selected, on "
                "the waiting list or not selected then follows the new draw."
            ).format(seed=report.seed),
        )
        return answer == QMessageBox.StandardButton.Yes

    def draw(self) -> None:
        """Draw the day with the seed typed, off the GUI thread, with progress and Cancel."""
        day = self.day_number()
        if day is None or self.task is not None:
            return
        self._clear_messages()
        try:
            seed = int(self.seed.text().strip())
        except ValueError:
            self._say_problem(
                [_("The seed is a whole number, such as 4821: type the number that was drawn.")]
            )
            self.seed.setFocus()
            return
        if self.unsaved():
            self._say_problem(
                [_("The places or quotas on screen are not saved: save them first, then draw.")]
            )
            return
        if self.overview.report is not None and not self.confirm_redraw(self.overview.report):
            return
        with_organiser(self.context, self, lambda organiser: self._draw_as(organiser, day, seed))

    def _draw_as(self, organiser: OrganiserAccess, day: int, seed: int) -> None:
        if self.task is not None:
            return
        database, actor = self.context.database, organiser.actor
        algorithm = str(self.algorithm.currentData())
        progress = QProgressDialog(_("Drawing…"), _("Cancel"), 0, 0, self)
        progress.setWindowTitle(_("Selection"))
        progress.setMinimumDuration(300)
        self._set_busy(True)

        def work(report: Report) -> DrawReport:
            return run_draw(
                database, day, seed=seed, algorithm=algorithm, actor=actor, progress=report
            )

        def moved_on(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def finished() -> None:
            progress.close()
            progress.deleteLater()
            self.task = None
            self._set_busy(False)
            self.draw_button.setFocus()  # disabled meanwhile, it lost the keyboard

        def done(_report: DrawReport) -> None:
            self.load()
            self._say(lambda: _("Drawn: the statuses of the day's registrations follow the draw."))

        def refused(error: KnownError) -> None:
            if isinstance(error, QuotasCannotBeMet):
                self._say_problem(list(error.sentences))
            else:
                self._say_problem([error.message])

        def cancelled() -> None:
            self._say(lambda: _("Cancelled: nothing was drawn, nothing changed."))

        self.task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=done,
            on_known_error=refused,
            on_cancelled=cancelled,
            on_finished=finished,
            on_progress=moved_on,
        )
        progress.canceled.connect(self.task.cancel)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.draw_button,
            self.save_button,
            self.propose_button,
            self.day,
        ):
            widget.setEnabled(not busy)

    # --- what the draw came to --------------------------------------------------------

    def _show_overview(self) -> None:
        self.waiting.show_rows(self.overview.waiting)
        report = self.overview.report
        registered = self.plan.registered if self.plan is not None else 0
        self.bars.show_rows(
            list(self.model.rows),
            registered=report.registered if report is not None else registered,
            selected=report.selected if report is not None else None,
        )
        self.histogram.show_probabilities(report.probabilities if report is not None else ())
        self._show_report()

    def _show_report(self) -> None:
        report = self.overview.report
        if report is None:
            self.summary.setText(
                _(
                    "No draw for this day yet. Save the places and quotas, type the seed "
                    "drawn in public (with dice, say) and press Draw."
                )
            )
            self.spread.setText(_("Shown once the day is drawn."))
            return
        self.summary.setText(
            _(
                "{registered} registered for {places} places: {selected} selected, "
                "{waiting} on the waiting list, {not_selected} not selected. Seed {seed}, "
                "{algorithm}; the lowest chance of being drawn was {lowest}."
            ).format(
                registered=report.registered,
                places=report.places,
                selected=report.selected,
                waiting=report.waiting,
                not_selected=report.not_selected,
                seed=report.seed,
                algorithm=report.algorithm,
                lowest=percentage(report.lowest_probability),
            )
        )
        chances = report.probabilities
        if chances:
            self.spread.setText(
                _("Lowest {lowest}, median {median}, highest {highest}.").format(
                    lowest=percentage(min(chances)),
                    median=percentage(statistics.median(chances)),
                    highest=percentage(max(chances)),
                )
            )
        else:
            self.spread.setText("")

    # --- messages ---------------------------------------------------------------------

    def _say(self, words: Callable[[], str]) -> None:
        """Put `words` in the message line (kept, to be said again in a new language)."""
        self.problem.clear()
        self._message_words = words
        self.message.setText(words())

    def _say_problem(self, sentences: list[str]) -> None:
        """What could not be done, one sentence a line, under the table."""
        self.message.clear()
        self._message_words = None
        self.problem.setText("\n".join(sentences))

    def _clear_messages(self) -> None:
        self.problem.clear()
        self.message.clear()
        self._message_words = None
