"""Synthese in Organisatie: the theme team's screen for what a theme's tables said.

The team picks a theme and groups its ideas (off the GUI thread, with progress and
Cancel): ideas that say the same land in one cluster, largest first. From there the
clusters are theirs: they rename one (Enter keeps the title), merge clusters, split ideas
off, move an idea to another cluster (by dragging it, or with "Move to" from the
keyboard), mark a cluster as a key or a barrier and write its summary. Ideas written
after the grouping wait under "Not yet grouped" until the team places them. Every change
goes through `with_organiser` to one service call, and the theme is read again after it
with the same clusters open and chosen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.date_style import day_on_paper
from degenks_desktop.domain.follow_up import CLUSTER_KIND_LABELS, ClusterKind
from degenks_desktop.domain.idea_clusters import DEFAULT_THRESHOLD, prepare
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.follow_up.synthesis import (
    HIGHEST_THRESHOLD,
    LOWEST_THRESHOLD,
    MAX_TITLE,
    ClusteredIdea,
    ClusterView,
    ThemeChoice,
    ThemeSynthesisView,
    group_theme,
    merge_clusters,
    move_idea,
    place_new_ideas,
    rename_cluster,
    save_cluster_summary,
    set_cluster_kind,
    split_cluster,
    theme_synthesis,
    themes_of_event,
)
from degenks_desktop.services.house.events import EventInfo
from degenks_desktop.services.house.organisers import OrganiserAccess
from degenks_desktop.ui.follow_up.synthesis_model import COLUMNS, SynthesisModel
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.labels import interface_locale
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.widgets import problem_label

UNGROUPED = -1
"""Stands for the row "Not yet grouped" among the clusters kept open."""

KIND_CHOICES: tuple[ClusterKind | None, ...] = (None, ClusterKind.KEY, ClusterKind.BARRIER)
LONGEST_CHOICE = 70
"""How much of a cluster's title the "Move to" list shows."""


@dataclass
class TreeState:
    """Which clusters are open and what is chosen, by id, to show again after a reload."""

    expanded: set[int] = field(default_factory=set)
    clusters: list[int] = field(default_factory=list)
    ideas: list[int] = field(default_factory=list)
    current_cluster: int | None = None
    current_idea: int | None = None
    scrolled: int = 0


class SynthesisPage(QWidget):
    """A theme's clusters in a tree, the chosen cluster's title, kind and summary beside."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        self._preparing: BackgroundTask | None = None
        self.view: ThemeSynthesisView | None = None
        self._themes: list[ThemeChoice] = []
        self._message_words: Callable[[], str] | None = None
        self._editing: ClusterView | None = None  # the cluster in the editor
        self._summary_drafts: dict[int, str] = {}  # summaries typed, not yet saved
        self._loading_editor = False
        self._dropped: list[tuple[int, int]] = []

        self.theme = QComboBox()
        self.theme.setObjectName("synthesisTheme")
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("synthesisThreshold")
        self.threshold.setDecimals(2)
        self.threshold.setSingleStep(0.01)
        self.threshold.setRange(LOWEST_THRESHOLD, HIGHEST_THRESHOLD)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold_hint = QLabel()
        self.threshold_hint.setObjectName("synthesisThresholdHint")
        self.group_button = QPushButton()
        self.group_button.setObjectName("groupIdeas")
        self.group_button.clicked.connect(self.group)
        self.place_button = QPushButton()
        self.place_button.setObjectName("placeNewIdeas")
        self.place_button.clicked.connect(self.place_new)

        self.status = QLabel()
        self.status.setObjectName("synthesisStatus")
        self.status.setWordWrap(True)
        self.problem = problem_label("synthesisProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("synthesisMessage")
        self.message.setWordWrap(True)

        self.model = SynthesisModel(self)
        # Queued: the drop finishes (and the drag ends) before the theme is read again.
        self.model.idea_dropped.connect(self._idea_dropped, Qt.ConnectionType.QueuedConnection)
        self.tree = QTreeView()
        self.tree.setObjectName("synthesisTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SynthesisModel.TITLE, QHeaderView.ResizeMode.Stretch)
        selection = self.tree.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        selection.currentChanged.connect(self._selection_changed)

        self.editor_heading = QLabel()
        self.editor_heading.setObjectName("clusterHeading")
        self.editor_heading.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setObjectName("clusterTitle")
        self.title.setMaxLength(MAX_TITLE)
        self.title.returnPressed.connect(self.rename)
        self.title_hint = QLabel()
        self.title_hint.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("clusterKind")
        for _kind in KIND_CHOICES:
            self.kind.addItem("")
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("clusterSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.textChanged.connect(self._summary_typed)
        self.summary_note = QLabel()
        self.summary_note.setObjectName("summaryNote")
        self.save_summary_button = QPushButton()
        self.save_summary_button.setObjectName("saveClusterSummary")
        self.save_summary_button.clicked.connect(self.save_summary)

        self.merge_button = QPushButton()
        self.merge_button.setObjectName("mergeClusters")
        self.merge_button.clicked.connect(self.merge)
        self.split_button = QPushButton()
        self.split_button.setObjectName("splitCluster")
        self.split_button.clicked.connect(self.split)
        self.alone_button = QPushButton()
        self.alone_button.setObjectName("ownCluster")
        self.alone_button.clicked.connect(self.move_alone)
        self.move_target = QComboBox()
        self.move_target.setObjectName("moveTarget")
        self.move_target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.move_target.setMinimumContentsLength(20)
        self.move_button = QPushButton()
        self.move_button.setObjectName("moveIdeas")
        self.move_button.clicked.connect(self.move_to_chosen)

        self._labels: dict[str, QLabel] = {}
        self._lay_out()
        self._clear_messages()
        self.retranslate()
        self._show_view()

    def _label(self, name: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel()
        label.setWordWrap(buddy is None)
        if buddy is not None:
            label.setBuddy(buddy)
        self._labels[name] = label
        return label

    def _lay_out(self) -> None:
        theme_row = QHBoxLayout()
        theme_row.addWidget(self._label("theme", self.theme))
        theme_row.addWidget(self.theme, stretch=1)
        theme_row.addSpacing(12)
        theme_row.addWidget(self._label("threshold", self.threshold))
        theme_row.addWidget(self.threshold)
        theme_row.addWidget(self.threshold_hint)
        theme_row.addSpacing(12)
        theme_row.addWidget(self.group_button)
        theme_row.addWidget(self.place_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.problem)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.tree, stretch=1)

        cluster_box = QWidget()
        cluster_layout = QVBoxLayout(cluster_box)
        cluster_layout.setContentsMargins(0, 0, 0, 0)
        cluster_layout.addWidget(self.editor_heading)
        cluster_layout.addWidget(self._label("title", self.title))
        cluster_layout.addWidget(self.title)
        cluster_layout.addWidget(self.title_hint)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self._label("kind", self.kind))
        kind_row.addWidget(self.kind, stretch=1)
        cluster_layout.addLayout(kind_row)
        cluster_layout.addWidget(self._label("summary", self.summary))
        cluster_layout.addWidget(self.summary, stretch=1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_note, stretch=1)
        summary_row.addWidget(self.save_summary_button)
        cluster_layout.addLayout(summary_row)
        self.cluster_box = cluster_box

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        move_row = QHBoxLayout()
        move_row.addWidget(self._label("move", self.move_target))
        move_row.addWidget(self.move_target, stretch=1)
        move_row.addWidget(self.move_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(cluster_box, stretch=1)
        right_layout.addWidget(line)
        right_layout.addWidget(self._label("changes"))
        right_layout.addWidget(self.merge_button)
        right_layout.addWidget(self.split_button)
        right_layout.addWidget(self.alone_button)
        right_layout.addLayout(move_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("synthesisSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(theme_row)
        layout.addWidget(splitter, stretch=1)

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        """The page's texts in the language of the moment, from what it holds (the
        database is not read again); what was typed and chosen stays."""
        labels = self._labels
        labels["theme"].setText(_("&Theme"))
        labels["threshold"].setText(_("Th&reshold"))
        labels["title"].setText(_("T&itle"))
        labels["kind"].setText(_("&Kind"))
        labels["summary"].setText(_("S&ummary"))
        labels["move"].setText(_("Move to &cluster"))
        labels["changes"].setText(_("With the ideas and clusters chosen in the list:"))
        self.threshold.setLocale(interface_locale())
        self.threshold_hint.setText(_("lower: more, tighter clusters"))
        self.threshold.setToolTip(
            _(
                "How different ideas may be and still share a cluster (a cosine distance "
                "from {lowest} to {highest}); lower makes more, tighter clusters."
            ).format(lowest=LOWEST_THRESHOLD, highest=HIGHEST_THRESHOLD)
        )
        self.group_button.setText(_("&Group ideas"))
        self.group_button.setToolTip(
            _("Propose clusters for all the theme's ideas; the team's changes start from it.")
        )
        self.place_button.setText(_("&Place new ideas"))
        self.place_button.setToolTip(
            _("Put the ideas not yet grouped with the cluster that says the same, or apart.")
        )
        self.title_hint.setText(_("Enter keeps the title."))
        self.kind.setItemText(0, _("neither key nor barrier"))
        for row, kind in enumerate(KIND_CHOICES[1:], start=1):
            assert kind is not None
            self.kind.setItemText(row, _(CLUSTER_KIND_LABELS[kind]))
        self.summary.setPlaceholderText(_("What this cluster asks, in the team's words."))
        self.save_summary_button.setText(_("Save summar&y"))
        self.merge_button.setText(_("&Merge selected clusters"))
        self.merge_button.setToolTip(
            _("Join the clusters chosen into the first of them (choose two or more).")
        )
        self.split_button.setText(_("Split off selected i&deas"))
        self.split_button.setToolTip(
            _("Take the ideas chosen out of their cluster into a new cluster of their own.")
        )
        self.alone_button.setText(_("Move to its &own cluster"))
        self.alone_button.setToolTip(_("Give the idea chosen a new cluster of its own."))
        self.move_button.setText(_("Mov&e"))
        self.move_button.setToolTip(
            _("Move the ideas chosen to the cluster named here (or drag them onto it).")
        )
        self.model.retranslate()
        self._show_status()
        self._show_editor_heading()
        self._show_summary_note()
        if self._message_words is not None:
            _show_line(self.message, self._message_words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the page's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the theme --------------------------------------------------------------------

    def show_event(self, event: EventInfo | None) -> None:
        """Offer the event's themes; the theme chosen stays when it still is one."""
        chosen = self.theme.currentData()
        try:
            self._themes = themes_of_event(self.context.database, event.id) if event else []
        except KnownError as error:
            self._say_problem(error.message)
            self._themes = []
        self.theme.blockSignals(True)
        self.theme.clear()
        for theme in self._themes:
            self.theme.addItem(theme.name, theme.id)
        self.theme.setCurrentIndex(max(0, self.theme.findData(chosen)))
        self.theme.blockSignals(False)
        self._theme_chosen()

    def theme_id(self) -> int | None:
        """The theme chosen on the page."""
        chosen = self.theme.currentData()
        return int(chosen) if chosen is not None else None

    def _theme_chosen(self) -> None:
        self._clear_messages()
        self._summary_drafts.clear()
        self.reload(TreeState())
        if self.view is not None and self.view.threshold is not None:
            self.threshold.setValue(self.view.threshold)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Ideas come in at the tables meanwhile: read again, keeping what is open.
        super().showEvent(event)
        if self._preparing is None:
            # The clustering's libraries load while the team reads the page, not when it
            # first presses Group ideas.
            self._preparing = run_in_background(
                lambda _report: prepare(), pool=self.context.pool, on_success=lambda _: None
            )
        if self.task is None and self.view is not None:
            self.reload()

    def reload(self, state: TreeState | None = None) -> None:
        """Read the theme again and show it with `state` (default: as it is now)."""
        keep = self._remember() if state is None else state
        theme_id = self.theme_id()
        view = None
        if theme_id is not None:
            try:
                view = theme_synthesis(self.context.database, theme_id)
            except KnownError as error:
                self._say_problem(error.message)
        self.view = view
        self._show_view(keep)

    def _show_view(self, state: TreeState | None = None) -> None:
        self._keep_summary_draft()
        self.model.show_view(self.view)
        self._restore(state or TreeState())
        self._fill_move_targets()
        self._show_status()
        self._selection_changed()

    def _show_status(self) -> None:
        view = self.view
        if view is None:
            self.status.setText(_("Choose a theme."))
            return
        if not view.ideas:
            self.status.setText(_("This theme has no ideas yet."))
            return
        if view.clustered_at is None or view.threshold is None:
            words = ngettext(
                "Not yet grouped: {ideas} idea. Choose a threshold and press Group ideas.",
                "Not yet grouped: {ideas} ideas. Choose a threshold and press Group ideas.",
                view.ideas,
            ).format(ideas=view.ideas)
        else:
            grouped = view.ideas - len(view.ungrouped)
            words = ngettext(
                "{ideas} ideas in {clusters} cluster, grouped on {date} at threshold {threshold}.",
                "{ideas} ideas in {clusters} clusters, grouped on {date} at threshold {threshold}.",
                len(view.clusters),
            ).format(
                ideas=grouped,
                clusters=len(view.clusters),
                date=day_on_paper(view.clustered_at.date()),
                threshold=interface_locale().toString(view.threshold, "f", 2),
            )
            if view.ungrouped:
                words += " " + ngettext(
                    "{count} idea written since is not yet grouped.",
                    "{count} ideas written since are not yet grouped.",
                    len(view.ungrouped),
                ).format(count=len(view.ungrouped))
        self.status.setText(words)

    # --- the tree's state -------------------------------------------------------------

    def _remember(self) -> TreeState:
        state = TreeState(scrolled=self.tree.verticalScrollBar().value())
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.tree.isExpanded(index):
                cluster = self.model.cluster_at(index)
                state.expanded.add(cluster.id if cluster is not None else UNGROUPED)
        state.clusters = [c.id for c in self.selected_clusters()]
        state.ideas = [idea.id for idea, _cluster in self.selected_ideas()]
        current = self.tree.currentIndex()
        idea = self.model.idea_at(current)
        cluster = self.model.cluster_at(current)
        state.current_idea = idea.id if idea is not None else None
        state.current_cluster = cluster.id if cluster is not None else None
        return state

    def _restore(self, state: TreeState) -> None:
        model, tree = self.model, self.tree
        for cluster_id in state.expanded:
            index = (
                model.ungrouped_index()
                if cluster_id == UNGROUPED
                else model.index_of_cluster(cluster_id)
            )
            if index.isValid():
                tree.setExpanded(index, True)
        idea_rows = model.idea_rows() if state.ideas or state.current_idea is not None else {}
        chosen = self._selection_of(state, idea_rows)
        current = QModelIndex()
        if state.current_idea is not None and state.current_idea in idea_rows:
            current = idea_rows[state.current_idea]
        elif state.current_cluster is not None:
            current = model.index_of_cluster(state.current_cluster)
        selection = tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current.isValid():
            selection.setCurrentIndex(current, flags.NoUpdate)
            if current.parent().isValid():
                tree.setExpanded(current.parent(), True)
        selection.select(chosen, flags.ClearAndSelect)
        tree.verticalScrollBar().setValue(state.scrolled)
        if current.isValid():
            tree.scrollTo(current)

    def _selection_of(self, state: TreeState, idea_rows: dict[int, QModelIndex]) -> QItemSelection:
        """The rows of `state`'s clusters and ideas, one range per run of neighbours (so
        that 2,000 ideas chosen stay quick)."""
        model = self.model
        rows: dict[int, list[int]] = defaultdict(list)  # by cluster row (-1: the top)
        for cluster_id in state.clusters:
            index = model.index_of_cluster(cluster_id)
            if index.isValid():
                rows[-1].append(index.row())
        for idea_id in state.ideas:
            if idea_id in idea_rows:
                index = idea_rows[idea_id]
                rows[index.parent().row()].append(index.row())
        chosen = QItemSelection()
        for parent_row, chosen_rows in rows.items():
            parent = model.index(parent_row, 0) if parent_row >= 0 else QModelIndex()
            for first, last in _runs(chosen_rows):
                chosen.select(model.index(first, 0, parent), model.index(last, COLUMNS - 1, parent))
        return chosen

    def _chosen_rows(self) -> tuple[list[int], list[tuple[int, int]]]:
        """The rows chosen, read from the selection's ranges (never cell by cell, which
        takes seconds for a theme's 2,000 ideas): cluster rows, and (cluster row, row)
        of ideas, in the list's order."""
        top: set[int] = set()
        inside: set[tuple[int, int]] = set()
        selection = self.tree.selectionModel().selection()
        for position in range(selection.count()):
            chosen = selection.at(position)
            if chosen.left() != 0:
                continue  # rows are chosen whole: the first column names them
            parent = chosen.parent()
            rows = range(chosen.top(), chosen.bottom() + 1)
            if parent.isValid():
                inside.update((parent.row(), row) for row in rows)
            else:
                top.update(rows)
        return sorted(top), sorted(inside)

    def selected_clusters(self) -> list[ClusterView]:
        """The clusters whose rows are chosen, in the list's order."""
        clusters = [
            self.model.cluster_at(self.model.index(row, 0)) for row in self._chosen_rows()[0]
        ]
        return [cluster for cluster in clusters if cluster is not None]

    def selected_ideas(self) -> list[tuple[ClusteredIdea, ClusterView | None]]:
        """The ideas whose rows are chosen, each with its cluster (None: not yet grouped)."""
        chosen = []
        for parent_row, row in self._chosen_rows()[1]:
            index = self.model.index(row, 0, self.model.index(parent_row, 0))
            idea = self.model.idea_at(index)
            if idea is not None:
                chosen.append((idea, self.model.cluster_of(index)))
        return chosen

    def cluster_in_editor(self) -> ClusterView | None:
        """The cluster the editor shows: the one of the current row, or of its idea."""
        return self.model.cluster_of(self.tree.currentIndex())

    def _selection_changed(self, *_args: object) -> None:
        self._show_editor()
        self._enable()

    def _enable(self) -> None:
        busy = self.task is not None
        view = self.view
        ideas = self.selected_ideas()
        homes = {cluster.id if cluster is not None else None for _idea, cluster in ideas}
        self.theme.setEnabled(not busy)
        self.group_button.setEnabled(not busy and view is not None and view.ideas > 0)
        self.place_button.setEnabled(
            not busy and view is not None and view.threshold is not None and bool(view.ungrouped)
        )
        self.merge_button.setEnabled(not busy and len(self.selected_clusters()) >= 2)
        self.split_button.setEnabled(
            not busy and bool(ideas) and len(homes) == 1 and None not in homes
        )
        self.alone_button.setEnabled(not busy and len(ideas) == 1)
        self.move_target.setEnabled(not busy and self.move_target.count() > 0)
        self.move_button.setEnabled(not busy and bool(ideas) and self.move_target.count() > 0)
        self.cluster_box.setEnabled(not busy and self._editing is not None)

    def _fill_move_targets(self) -> None:
        chosen = self.move_target.currentData()
        self.move_target.clear()
        for cluster in self.view.clusters if self.view is not None else ():
            title = cluster.title
            if len(title) > LONGEST_CHOICE:
                title = title[: LONGEST_CHOICE - 1].rstrip() + "…"
            self.move_target.addItem(f"{title} ({len(cluster.ideas)})", cluster.id)
            self.move_target.setItemData(
                self.move_target.count() - 1, cluster.title, Qt.ItemDataRole.ToolTipRole
            )
        self.move_target.setCurrentIndex(max(0, self.move_target.findData(chosen)))

    # --- the cluster's title, kind and summary ----------------------------------------

    def _show_editor(self) -> None:
        cluster = self.cluster_in_editor()
        before = self._editing
        if before is not None and (cluster is None or cluster.id != before.id):
            self._keep_summary_draft()
        self._editing = cluster
        self._loading_editor = True
        try:
            if cluster is None:
                self.title.clear()
                self.kind.setCurrentIndex(0)
                self.summary.setPlainText("")
            else:
                if before is None or before.id != cluster.id or before.title != cluster.title:
                    self.title.setText(cluster.title)
                self.kind.setCurrentIndex(KIND_CHOICES.index(cluster.kind))
                summary = self._summary_drafts.get(cluster.id, cluster.summary)
                if summary.strip() == cluster.summary.strip():
                    self._summary_drafts.pop(cluster.id, None)  # saved, here or elsewhere
                if self.summary.toPlainText() != summary:
                    self.summary.setPlainText(summary)
        finally:
            self._loading_editor = False
        self._show_editor_heading()
        self._show_summary_note()

    def _show_editor_heading(self) -> None:
        cluster = self._editing
        if cluster is None:
            self.editor_heading.setText(
                _("Choose a cluster in the list to name it, mark it and summarise it.")
            )
            return
        self.editor_heading.setText(
            ngettext(
                "The cluster chosen: {ideas} idea from {tables} of {total} tables.",
                "The cluster chosen: {ideas} ideas from {tables} of {total} tables.",
                len(cluster.ideas),
            ).format(
                ideas=len(cluster.ideas),
                tables=cluster.tables,
                total=self.view.tables if self.view is not None else cluster.tables,
            )
        )

    def _keep_summary_draft(self) -> None:
        """Hold a summary typed but not saved, to show it again when its cluster is."""
        cluster = self._editing
        if cluster is None:
            return
        typed = self.summary.toPlainText()
        if typed.strip() != cluster.summary.strip():
            self._summary_drafts[cluster.id] = typed
        else:
            self._summary_drafts.pop(cluster.id, None)

    def _summary_typed(self) -> None:
        if not self._loading_editor:
            self._show_summary_note()

    def _show_summary_note(self) -> None:
        cluster = self._editing
        unsaved = cluster is not None and (
            self.summary.toPlainText().strip() != cluster.summary.strip()
        )
        self.summary_note.setText(_("Not saved yet.") if unsaved else "")

    def rename(self) -> None:
        """Keep the title typed for the cluster in the editor (Enter in the title)."""
        cluster = self._editing
        if cluster is None:
            return
        typed = self.title.text()
        if " ".join(typed.split()) == cluster.title and typed.strip():
            return
        self._change(
            lambda actor: rename_cluster(self.context.database, cluster.id, typed, actor=actor),
            lambda: _("Renamed: the cluster keeps the title the team gave it."),
        )

    def _kind_chosen(self, row: int) -> None:
        cluster = self._editing
        if self._loading_editor or cluster is None or row < 0:
            return
        kind = KIND_CHOICES[row]
        if kind == cluster.kind:
            return
        self._change(
            lambda actor: set_cluster_kind(self.context.database, cluster.id, kind, actor=actor),
            lambda: _("Kept: the cluster is marked as {kind}.").format(
                kind=_(CLUSTER_KIND_LABELS[kind]) if kind else _("neither key nor barrier")
            ),
        )

    def save_summary(self) -> None:
        """Keep the summary typed for the cluster in the editor."""
        cluster = self._editing
        if cluster is None:
            return
        typed = self.summary.toPlainText()

        def saved(actor: str) -> None:
            save_cluster_summary(self.context.database, cluster.id, typed, actor=actor)
            self._summary_drafts.pop(cluster.id, None)

        self._change(saved, lambda: _("Summary saved."))

    # --- merging, splitting, moving ---------------------------------------------------

    def merge(self) -> None:
        """Join the clusters chosen into the first of them in the list."""
        clusters = self.selected_clusters()
        if len(clusters) < 2:
            return
        ids = [cluster.id for cluster in clusters]

        def merged(actor: str) -> TreeState:
            kept = merge_clusters(self.context.database, ids, actor=actor)
            for other in ids[1:]:
                self._summary_drafts.pop(other, None)
            return TreeState(
                expanded=self._remember().expanded - set(ids[1:]),
                clusters=[kept],
                current_cluster=kept,
                scrolled=self.tree.verticalScrollBar().value(),
            )

        self._change(
            merged,
            lambda: ngettext(
                "Merged {count} cluster into one.", "Merged {count} clusters into one.", len(ids)
            ).format(count=len(ids)),
        )

    def split(self) -> None:
        """Take the ideas chosen out of their cluster into a new one."""
        ideas = self.selected_ideas()
        homes = {cluster.id for _idea, cluster in ideas if cluster is not None}
        if not ideas or len(homes) != 1 or any(cluster is None for _idea, cluster in ideas):
            return
        (home,) = homes
        idea_ids = [idea.id for idea, _cluster in ideas]

        def split_off(actor: str) -> TreeState:
            new = split_cluster(self.context.database, home, idea_ids, actor=actor)
            state = self._remember()
            return TreeState(
                expanded=state.expanded | {new},
                clusters=[new],
                current_cluster=new,
                scrolled=state.scrolled,
            )

        self._change(
            split_off,
            lambda: ngettext(
                "Split off {count} idea into a new cluster.",
                "Split off {count} ideas into a new cluster.",
                len(idea_ids),
            ).format(count=len(idea_ids)),
        )

    def move_alone(self) -> None:
        """Give the one idea chosen a new cluster of its own."""
        ideas = self.selected_ideas()
        if len(ideas) != 1:
            return
        idea_id = ideas[0][0].id
        self._move([idea_id], None)

    def move_to_chosen(self) -> None:
        """Move the ideas chosen to the cluster named in "Move to"."""
        target = self.move_target.currentData()
        if target is None:
            return
        ideas = [
            idea.id
            for idea, cluster in self.selected_ideas()
            if cluster is None or cluster.id != int(target)
        ]
        if ideas:
            self._move(ideas, int(target))

    def _idea_dropped(self, idea_id: int, cluster_id: int) -> None:
        # One drag of several ideas says so once per idea: move them together.
        self._dropped.append((idea_id, cluster_id))
        if len(self._dropped) == 1:
            QTimer.singleShot(0, self._move_dropped)

    def _move_dropped(self) -> None:
        dropped, self._dropped = self._dropped, []
        if not dropped:
            return
        target = dropped[0][1]
        self._move([idea_id for idea_id, cluster_id in dropped if cluster_id == target], target)

    def _move(self, idea_ids: Sequence[int], cluster_id: int | None) -> None:
        def moved(actor: str) -> TreeState:
            state = self._remember()
            landed = cluster_id
            for idea_id in idea_ids:
                landed = move_idea(self.context.database, idea_id, cluster_id, actor=actor)
            if landed is not None:
                state.expanded.add(landed)
            return TreeState(
                expanded=state.expanded,
                ideas=list(idea_ids),
                current_idea=idea_ids[0],
                scrolled=state.scrolled,
            )

        self._change(
            moved,
            lambda: ngettext("Moved {count} idea.", "Moved {count} ideas.", len(idea_ids)).format(
                count=len(idea_ids)
            ),
        )

    # --- one change -------------------------------------------------------------------

    def _change(
        self,
        change: Callable[[str], object],
        words: Callable[[], str],
    ) -> None:
        """Do `change(actor)` as the organiser signed in, then read the theme again (with
        the `TreeState` it returns, if it does) and say `words`; a refusal says its
        sentence and the theme is read again as it stands."""

        def as_organiser(organiser: OrganiserAccess) -> None:
            self._clear_messages()
            try:
                state = change(organiser.actor)
            except KnownError as error:
                self._say_problem(error.message)
                self.reload()
                return
            self.reload(state if isinstance(state, TreeState) else None)
            self._say(words)

        with_organiser(self.context, self, as_organiser)

    # --- grouping ---------------------------------------------------------------------

    def confirm_regroup(self, view: ThemeSynthesisView) -> bool:
        """Whether to group a theme again that the team has worked on (tests replace this)."""
        answer = QMessageBox.question(
            self,
            _("Synthesis"),
            ngettext(
                "{theme} has {count} cluster already. Grouping again replaces it and every "
                "change the team made (titles, merges, moves, marks, summaries). Group again?",
                "{theme} has {count} clusters already. Grouping again replaces them and every "
                "change the team made (titles, merges, moves, marks, summaries). Group again?",
                len(view.clusters),
            ).format(theme=view.name, count=len(view.clusters)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def group(self) -> None:
        """Group the theme's ideas anew at the threshold chosen, off the GUI thread."""
        view, theme_id = self.view, self.theme_id()
        if view is None or theme_id is None or self.task is not None:
            return
        self._clear_messages()
        if view.clusters and not self.confirm_regroup(view):
            return
        threshold = round(self.threshold.value(), 2)
        with_organiser(
            self.context,
            self,
            lambda organiser: self._group_as(organiser, theme_id, threshold, view.ideas),
        )

    def _group_as(
        self, organiser: OrganiserAccess, theme_id: int, threshold: float, ideas: int
    ) -> None:
        if self.task is not None:
            return
        database, actor = self.context.database, organiser.actor
        progress = QProgressDialog(
            ngettext("Grouping {count} idea…", "Grouping {count} ideas…", ideas).format(
                count=ideas
            ),
            _("Cancel"),
            0,
            0,
            self,
        )
        progress.setObjectName("groupingProgress")
        progress.setWindowTitle(_("Synthesis"))
        progress.setMinimumDuration(300)
        ended = False
        task: BackgroundTask | None = None

        def work(report: Report) -> ThemeSynthesisView:
            return group_theme(
                database, theme_id, threshold=threshold, actor=actor, progress=report
            )

        def moved_on(done: int, total: int) -> None:
            if total > 1:  # one theme: nothing to count, the dialog stays busy
                progress.setMaximum(total)
                progress.setValue(done)

        def finished() -> None:
            nonlocal ended
            ended = True
            progress.close()
            progress.deleteLater()
            if self.task is task:
                self._release()

        def done(grouped: ThemeSynthesisView) -> None:
            if grouped.theme_id != self.theme_id():
                return
            self._summary_drafts.clear()
            self.reload(TreeState())
            self._say(
                lambda: ngettext(
                    "Grouped: {count} cluster proposed. Rename, merge, split and move them "
                    "as the team sees it.",
                    "Grouped: {count} clusters proposed. Rename, merge, split and move them "
                    "as the team sees it.",
                    len(grouped.clusters),
                ).format(count=len(grouped.clusters))
            )

        def refused(error: KnownError) -> None:
            self._say_problem(error.message)

        def cancelled_by_user() -> None:
            # The clustering itself cannot stop halfway; it stops (and keeps nothing)
            # at its next report, and the page is free again at once.
            if ended or task is None:
                return
            task.cancel()
            if self.task is task:
                self._release()
                self._say(lambda: _("Cancelled: the clusters stay as they were."))

        task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=done,
            on_known_error=refused,
            on_finished=finished,
            on_progress=moved_on,
        )
        if not ended:
            self.task = task
            self._enable()
            progress.canceled.connect(cancelled_by_user)

    def _release(self) -> None:
        self.task = None
        self._enable()
        self.group_button.setFocus()  # disabled meanwhile, it lost the keyboard

    def place_new(self) -> None:
        """Put the ideas not yet grouped with their like, or into new clusters."""
        view, theme_id = self.view, self.theme_id()
        if view is None or theme_id is None or not view.ungrouped:
            return
        count = len(view.ungrouped)

        def placed(actor: str) -> TreeState:
            place_new_ideas(self.context.database, theme_id, actor=actor)
            state = self._remember()
            state.expanded.discard(UNGROUPED)
            return state

        self._change(
            placed,
            lambda: ngettext(
                "Placed {count} new idea with its like.",
                "Placed {count} new ideas with their like.",
                count,
            ).format(count=count),
        )

    # --- messages ---------------------------------------------------------------------

    def _say(self, words: Callable[[], str]) -> None:
        """Put `words` in the message line (kept, to be said again in a new language)."""
        self._message_words = words
        _show_line(self.problem, "")
        _show_line(self.message, words())

    def _say_problem(self, sentence: str) -> None:
        self._message_words = None
        _show_line(self.message, "")
        _show_line(self.problem, sentence)

    def _clear_messages(self) -> None:
        self._message_words = None
        _show_line(self.problem, "")
        _show_line(self.message, "")


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """`rows` as runs of neighbours, first and last: [1, 2, 3, 7] gives (1, 3), (7, 7)."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _show_line(label: QLabel, text: str) -> None:
    """A message line takes room only while it says something."""
    label.setText(text)
    label.setVisible(bool(text))
