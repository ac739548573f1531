"""The diversity matrix in Organisatie: registered and present people against the targets.

A table and a bar chart of the same figures, per watched category; values under 80 % of
their target are marked, so recruiters see whom to reach next. Groups under five people
are never shown, nor the counts that would let them be worked out; both show the same
mark, so that the mark does not say which is the small one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.domain.diversity import (
    DEFAULT_WATCHED,
    CategoryMatrix,
    ValueRow,
    category_by_key,
)
from degenks_desktop.i18n import N_, _
from degenks_desktop.ui.shell.labels import percentage
from degenks_desktop.ui.shell.live_model import LiveTableModel

Index = QModelIndex | QPersistentModelIndex
SUPPRESSED = "×"
GAP_BACKGROUND = QColor("#fde2e1")
REGISTERED_COLOUR = QColor("#1f618d")
PRESENT_COLOUR = QColor("#27ae60")
TARGET_COLOUR = QColor("#c0392b")


def _count_text(value: int | None) -> str:
    return SUPPRESSED if value is None else str(value)


class DiversityModel(LiveTableModel[ValueRow]):
    """One category's values with counts, shares and target; the target can be edited.

    A row is known by its category and value, so a refresh of the same category keeps
    the current cell (a target being looked at), and another category is other rows.
    """

    VALUE, REGISTERED, REGISTERED_SHARE, TARGET, PRESENT, PRESENT_SHARE, STATUS = range(7)
    COLUMNS = (
        N_("Value"),
        N_("Registered"),
        N_("Share"),
        N_("Target"),
        N_("Present"),
        N_("Share present"),
        N_("Status"),
    )
    target_edited = Signal(str, float)

    def __init__(self) -> None:
        super().__init__()
        self.matrix: CategoryMatrix | None = None

    def set_matrix(self, matrix: CategoryMatrix | None) -> None:
        """Show `matrix` (one category), as changes to what is shown."""
        self.matrix = matrix
        self.show_rows(matrix.rows if matrix else ())

    def key(self, row: ValueRow) -> tuple[str, str]:
        return (self.matrix.key if self.matrix else "", row.value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TARGET:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, row: ValueRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole and column == self.TARGET:
            return round((row.target or 0) * 100, 1)
        if role == Qt.ItemDataRole.BackgroundRole and row.below_target:
            return QBrush(GAP_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.value
        return None

    def _display(self, row: ValueRow, column: int) -> str:
        count = _count_text
        if column == self.VALUE:
            return _(row.label)
        if column == self.REGISTERED:
            return count(row.registered)
        if column == self.REGISTERED_SHARE:
            return percentage(row.registered_share)
        if column == self.TARGET:
            return percentage(row.target)
        if column == self.PRESENT:
            return count(row.checked_in)
        if column == self.PRESENT_SHARE:
            return percentage(row.checked_in_share)
        return _("below target") if row.below_target else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TARGET:
            return False
        try:
            share = float(str(value).replace(",", ".").replace("%", "").strip()) / 100
        except ValueError:
            return False
        self.target_edited.emit(self.row_at(index.row()).value, share)
        return True


class DiversityChart(QWidget):
    """Horizontal bars per value: share registered, share present, and a mark at the target."""

    BAR_HEIGHT = 9
    ROW_GAP = 10
    LABEL_WIDTH = 170

    def __init__(self) -> None:
        super().__init__()
        self.matrix: CategoryMatrix | None = None
        self.setMinimumHeight(160)

    def set_matrix(self, matrix: CategoryMatrix | None) -> None:
        """Draw `matrix`."""
        self.matrix = matrix
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the legend and the values are painted in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        rows = len(self.matrix.rows) if self.matrix else 4
        return QSize(420, 40 + rows * (2 * self.BAR_HEIGHT + self.ROW_GAP))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if self.matrix is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(50, self.width() - self.LABEL_WIDTH - 60)
        top = 24
        painter.setPen(self.palette().text().color())
        legend = [
            (REGISTERED_COLOUR, _("registered")),
            (PRESENT_COLOUR, _("present")),
            (TARGET_COLOUR, _("target")),
        ]
        x = self.LABEL_WIDTH
        for colour, text in legend:
            painter.fillRect(QRectF(x, 6, 12, 10), colour)
            painter.drawText(int(x + 16), 16, text)
            x += 110
        widest = max(
            [0.01]
            + [row.target or 0 for row in self.matrix.rows]
            + [row.registered_share or 0 for row in self.matrix.rows]
            + [row.checked_in_share or 0 for row in self.matrix.rows]
        )
        scale = width / widest
        for row in self.matrix.rows:
            y = top
            painter.setPen(self.palette().text().color())
            label_rect = QRectF(0, y, self.LABEL_WIDTH - 8, 2 * self.BAR_HEIGHT)
            painter.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                _(row.label),
            )
            for offset, share, colour in (
                (0, row.registered_share, REGISTERED_COLOUR),
                (self.BAR_HEIGHT, row.checked_in_share, PRESENT_COLOUR),
            ):
                if share:
                    painter.fillRect(
                        QRectF(self.LABEL_WIDTH, y + offset, share * scale, self.BAR_HEIGHT - 1),
                        colour,
                    )
            if row.target:
                painter.setPen(QPen(TARGET_COLOUR, 2))
                target_x = self.LABEL_WIDTH + row.target * scale
                painter.drawLine(
                    int(target_x), int(y - 2), int(target_x), int(y + 2 * self.BAR_HEIGHT + 2)
                )
            top += 2 * self.BAR_HEIGHT + self.ROW_GAP
        painter.end()


class WatchedCategoriesDialog(QDialog):
    """Tick the categories to watch; they are shown in this order."""

    def __init__(self, watched: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("categories")
        keys = list(dict.fromkeys([*watched, *DEFAULT_WATCHED, "years_in_genk"]))
        for key in keys:
            category = category_by_key(key)
            if category is None:
                continue
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in watched else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """The title and the categories' names in the language of the moment; what is
        ticked stays ticked."""
        self.setWindowTitle(_("Categories to watch"))
        for row in range(self.list.count()):
            item = self.list.item(row)
            category = category_by_key(str(item.data(Qt.ItemDataRole.UserRole)))
            if category is not None:
                item.setText(_(category.label))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the dialog's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen(self) -> list[str]:
        """The ticked categories, in order."""
        return [
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


class DiversityView(QWidget):
    """The matrix for one category at a time, as a table and as a chart."""

    categories_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.matrices: list[CategoryMatrix] = []
        self.illustrative = False  # whether the note says the targets are the demo's
        self._filled = False  # whether matrices were shown (an empty list says so too)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.currentIndexChanged.connect(self._show_category)
        self.whole_event = QCheckBox()
        self.whole_event.setObjectName("wholeEvent")
        self.edit_categories = QLabel()
        self.edit_categories.linkActivated.connect(lambda _link: self.categories_requested.emit())
        self.model = DiversityModel()
        self.table = QTableView()
        self.table.setObjectName("diversityTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = DiversityChart()
        self.chart.setObjectName("diversityChart")
        self.summary = QLabel()
        self.summary.setObjectName("diversitySummary")
        self.summary.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("targetsNote")
        self.note.setWordWrap(True)

        self.category_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.category_label)
        top.addWidget(self.category)
        top.addWidget(self.whole_event)
        top.addStretch()
        top.addWidget(self.edit_categories)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, stretch=1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        """The view's texts in the language of the moment, and the matrix shown said again
        from the figures held (the window's next refresh reads them anew); the category
        chosen and the current cell stay."""
        self.whole_event.setText(_("All days together"))
        link_text = _("Categories to watch…")
        self.edit_categories.setText(f"<a href='#'>{link_text}</a>")
        self.category_label.setText(_("Category"))
        for index in range(self.category.count()):
            key = self.category.itemData(index)
            matrix = next((m for m in self.matrices if m.key == key), None)
            if matrix is not None:
                self.category.setItemText(index, _(matrix.label))
        self.model.retranslate()
        if self._filled:
            self._show_note()
            self._show_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the view's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_matrices(self, matrices: list[CategoryMatrix], *, illustrative: bool) -> None:
        """Show the matrix of every watched category; keep the chosen category."""
        self.matrices = matrices
        self.illustrative = illustrative
        self._filled = True
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for matrix in matrices:
            self.category.addItem(_(matrix.label), matrix.key)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))
        self.category.blockSignals(False)
        self._show_note()
        self._show_category()

    def _show_note(self) -> None:
        notes = [
            _(
                "× : hidden, because it is a group of fewer than 5 people or would let one "
                "be worked out from the totals."
            )
        ]
        if self.illustrative:
            notes.insert(
                0,
                _(
                    "The targets are illustrative: replace them with the city's population "
                    "figures (double-click a target)."
                ),
            )
        self.note.setText(" ".join(notes))

    def current_matrix(self) -> CategoryMatrix | None:
        """The category shown now."""
        key = self.category.currentData()
        return next((m for m in self.matrices if m.key == key), None)

    def _show_category(self) -> None:
        matrix = self.current_matrix()
        self.model.set_matrix(matrix)
        self.chart.set_matrix(matrix)
        self._show_summary()

    def _show_summary(self) -> None:
        matrix = self.current_matrix()
        if matrix is None:
            self.summary.setText(_("No categories are watched."))
            return
        gaps = [_(row.label) for row in matrix.rows if row.below_target]
        text = _("{answered} registered people answered, {present} of them are present.").format(
            answered=_count_text(matrix.answered_registered),
            present=_count_text(matrix.answered_checked_in),
        )
        if gaps:
            text += " " + _("Below target: {values}.").format(values=", ".join(gaps))
        self.summary.setText(text)
