"""A theme's clusters as a Qt tree: each cluster a top row with its ideas beneath, and a
last row "Not yet grouped" for the ideas the team has not placed yet.

The model is built from one `ThemeSynthesisView` and reads nothing itself, so a theme of
2,000 ideas shows at once. Ideas can be dragged onto another cluster: the model does not
move them but says so (`idea_dropped`), and the page asks the service and shows the theme
again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from degenks_desktop.domain.follow_up import CLUSTER_KIND_LABELS
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.follow_up.synthesis import (
    ClusteredIdea,
    ClusterView,
    ThemeSynthesisView,
)

ModelIndex = QModelIndex | QPersistentModelIndex
IDEAS_MIME_TYPE = "application/x-degenks-idea-ids"
CHOSEN_MARK = "✓"

# A top row's internal id is 0; an idea's is its cluster's row + 1, so that `parent()`
# finds the cluster without any lookup.
_TOP = 0
COLUMNS = 6

# Combined once: the view asks an item's flags for every cell it draws or selects.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_IDEA_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
# Onto a cluster, or onto one of its ideas: into that cluster.
_CLUSTER_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsDropEnabled
_GROUPED_IDEA_FLAGS = _IDEA_FLAGS | Qt.ItemFlag.ItemIsDropEnabled


class SynthesisModel(QAbstractItemModel):
    """Clusters (largest first) with their ideas, then the ideas not yet grouped."""

    TITLE, IDEAS, TABLES, DOTS, CHOSEN, KIND = range(COLUMNS)

    idea_dropped = Signal(int, int)
    """An idea (its id) was dropped onto a cluster (its id); nothing moved yet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: ThemeSynthesisView | None = None
        self._clusters: tuple[ClusterView, ...] = ()
        self._ungrouped: tuple[ClusteredIdea, ...] = ()
        self._tables = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)  # "Not yet grouped" is no cluster

    # --- what it shows ----------------------------------------------------------------

    def show_view(self, view: ThemeSynthesisView | None) -> None:
        """Show `view` (None: nothing) instead of what was shown."""
        self.beginResetModel()
        self.view = view
        self._clusters = view.clusters if view is not None else ()
        self._ungrouped = view.ungrouped if view is not None else ()
        self._tables = view.tables if view is not None else 0
        self.endResetModel()

    def retranslate(self) -> None:
        """The column titles and the words in the cells again in the current language, as
        changes: the view keeps its selection and what is open."""
        last = self.columnCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        top_rows = self.rowCount()
        if not top_rows:
            return
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
        self.dataChanged.emit(self.index(0, 0), self.index(top_rows - 1, last), roles)
        for row in range(top_rows):
            children = self.rowCount(self.index(row, 0))
            if children:
                parent = self.index(row, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(children - 1, last, parent), roles
                )

    # --- finding rows -----------------------------------------------------------------

    def is_ungrouped_row(self, index: ModelIndex) -> bool:
        """Whether `index` is the row "Not yet grouped" itself."""
        return (
            index.isValid()
            and index.internalId() == _TOP
            and bool(self._ungrouped)
            and index.row() == len(self._clusters)
        )

    def cluster_at(self, index: ModelIndex) -> ClusterView | None:
        """The cluster of a cluster's row (not of its ideas' rows)."""
        if not index.isValid() or index.internalId() != _TOP:
            return None
        return self._clusters[index.row()] if index.row() < len(self._clusters) else None

    def cluster_of(self, index: ModelIndex) -> ClusterView | None:
        """The cluster a row is, or the cluster its idea is in (None: not yet grouped)."""
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self.cluster_at(index)
        row = index.internalId() - 1
        return self._clusters[row] if row < len(self._clusters) else None

    def idea_at(self, index: ModelIndex) -> ClusteredIdea | None:
        """The idea of an idea's row."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        ideas = self._ideas_of_row(index.internalId() - 1)
        return ideas[index.row()] if index.row() < len(ideas) else None

    def index_of_cluster(self, cluster_id: int) -> QModelIndex:
        """The row of the cluster with `cluster_id` (invalid when it is not shown)."""
        for row, cluster in enumerate(self._clusters):
            if cluster.id == cluster_id:
                return self.index(row, 0)
        return QModelIndex()

    def ungrouped_index(self) -> QModelIndex:
        """The row "Not yet grouped" (invalid when every idea is in a cluster)."""
        return self.index(len(self._clusters), 0) if self._ungrouped else QModelIndex()

    def idea_rows(self) -> dict[int, QModelIndex]:
        """Every idea's row, by idea id (to select ideas again after a reload)."""
        rows: dict[int, QModelIndex] = {}
        for top in range(self.rowCount()):
            parent = self.index(top, 0)
            for row, idea in enumerate(self._ideas_of_row(top)):
                rows[idea.id] = self.index(row, 0, parent)
        return rows

    def _ideas_of_row(self, top_row: int) -> Sequence[ClusteredIdea]:
        if top_row < len(self._clusters):
            return self._clusters[top_row].ideas
        return self._ungrouped if top_row == len(self._clusters) else ()

    # --- the tree ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        # Bounds checked here rather than with hasIndex: the view asks this very often.
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._clusters) + (1 if self._ungrouped else 0):
                return QModelIndex()
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP or row >= len(self._ideas_of_row(parent.row())):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's signature
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        if not parent.isValid():
            return len(self._clusters) + (1 if self._ungrouped else 0)
        if parent.internalId() != _TOP or parent.column() != 0:
            return 0
        return len(self._ideas_of_row(parent.row()))

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008, ARG002 - Qt
        return COLUMNS

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _("Cluster / idea"),
                _("Ideas"),
                _("Tables"),
                _("Dots"),
                _("Chosen"),
                _("Kind"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                _("The cluster's title; open it to see its ideas."),
                _("How many ideas the cluster holds."),
                _("At how many of the theme's tables the cluster came up."),
                _("The dots its ideas got at their tables."),
                _("How many of its ideas a table chose among its ten best."),
                _("Whether the team calls the cluster a key or a barrier."),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._top_data(index.row(), index.column(), role)
        idea = self.idea_at(index)
        if idea is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return idea.text
            if column == self.TABLES:
                return _("day {day}, table {table}").format(day=idea.day, table=idea.table)
            if column == self.DOTS:
                return str(idea.dots)
            if column == self.CHOSEN:
                return CHOSEN_MARK if idea.selected else ""
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                return idea.text
            if column == self.CHOSEN and idea.selected:
                return _("Its table chose it among its ten best.")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DOTS, self.CHOSEN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _top_data(self, row: int, column: int, role: int) -> Any:
        cluster = self._clusters[row] if row < len(self._clusters) else None
        ideas = cluster.ideas if cluster is not None else self._ungrouped
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return cluster.title if cluster is not None else _("Not yet grouped")
            if column == self.IDEAS:
                return str(len(ideas))
            if column == self.TABLES:
                tables = len({(idea.day, idea.table) for idea in ideas})
                return ngettext(
                    "{count} of {total} table", "{count} of {total} tables", self._tables
                ).format(count=tables, total=self._tables)
            if column == self.DOTS:
                return str(sum(idea.dots for idea in ideas))
            if column == self.CHOSEN:
                return str(sum(idea.selected for idea in ideas))
            if column == self.KIND and cluster is not None and cluster.kind is not None:
                return _(CLUSTER_KIND_LABELS[cluster.kind])
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                if cluster is None:
                    return _(
                        "Ideas written after the grouping: place them with Place new ideas, "
                        "or move them one by one."
                    )
                return cluster.summary or cluster.title
            return None
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE:
            return self._bold if cluster is not None else self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.IDEAS,
            self.DOTS,
            self.CHOSEN,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- dragging ideas ---------------------------------------------------------------

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        grouped = self.cluster_of(index) is not None
        if index.internalId() == _TOP:
            return _CLUSTER_FLAGS if grouped else _ROW_FLAGS
        return _GROUPED_IDEA_FLAGS if grouped else _IDEA_FLAGS

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [IDEAS_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's name
        """The ids of the ideas among `indexes`, as the drag carries them."""
        ids = list(
            dict.fromkeys(idea.id for index in indexes if (idea := self.idea_at(index)) is not None)
        )
        data = QMimeData()
        data.setData(IDEAS_MIME_TYPE, QByteArray(",".join(map(str, ids)).encode()))
        return data

    @staticmethod
    def dragged_ideas(data: QMimeData) -> list[int]:
        """The idea ids a drag carries (none when it carries something else)."""
        if not data.hasFormat(IDEAS_MIME_TYPE):
            return []
        words = bytes(data.data(IDEAS_MIME_TYPE).data()).decode(errors="replace").split(",")
        return [int(word) for word in words if word.strip().isdigit()]

    def _drop_target(self, row: int, parent: ModelIndex) -> ClusterView | None:
        """The cluster a drop lands in: the cluster dropped on, the cluster of the idea
        dropped on, or the cluster between whose ideas it falls; between two clusters'
        rows it lands nowhere."""
        if not parent.isValid():
            return None
        del row  # between ideas or on one: the same cluster
        return self.cluster_of(parent)

    def canDropMimeData(  # noqa: N802 - Qt's name
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,  # noqa: ARG002 - Qt's signature
        parent: ModelIndex,
    ) -> bool:
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        return bool(self.dragged_ideas(data)) and self._drop_target(row, parent) is not None

    def dropMimeData(  # noqa: N802 - Qt's name
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Say which dragged ideas go to the cluster dropped on (`idea_dropped` for each
        not in it already); the model itself stays as it is until the page shows the
        theme again."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._drop_target(row, parent)
        if target is None:
            return False
        inside = {idea.id for idea in target.ideas}
        moving = [idea_id for idea_id in self.dragged_ideas(data) if idea_id not in inside]
        for idea_id in moving:
            self.idea_dropped.emit(idea_id, target.id)
        return bool(moving)
