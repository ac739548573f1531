"""The table's ideas as a Qt item model: text editable in place, dots editable as a count.

Edits go straight to the services (one transaction each) through the callbacks the
page gives; the model then shows what the database holds. A refresh that keeps the same
ideas in the same order changes only the rows that differ (`dataChanged`), so the view
keeps its current cell: the facilitator types the next count where they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.tables.ideas import IdeaAtTable

ModelIndex = QModelIndex | QPersistentModelIndex
TIED_COLOUR = "#ffe0a3"
SELECTED_COLOUR = "#d7f0d8"


class IdeaListModel(QAbstractTableModel):
    """One row per idea on the list: number, duo, words, dots."""

    NUMBER, DUO, TEXT, DOTS, PERSON = range(5)

    def __init__(
        self,
        *,
        on_text_edited: Callable[[int, str], bool],
        on_dots_edited: Callable[[int, int], bool],
        on_person_dots_edited: Callable[[int, int], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_person_dots_edited = on_person_dots_edited
        self.person_dots: dict[int, int] = {}
        self._ideas: list[IdeaAtTable] = []
        self._on_text_edited = on_text_edited
        self._on_dots_edited = on_dots_edited
        self.selected: set[int] = set()
        self.tied: set[int] = set()
        self.votes_open = True
        self.read_only = False

    def show_ideas(
        self,
        ideas: list[IdeaAtTable],
        *,
        selected: set[int],
        tied: set[int],
        person_dots: dict[int, int] | None = None,
        votes_open: bool | None = None,
    ) -> None:
        """Show the list as the database holds it (after each change): rows that changed
        are signalled as changed, new ideas at the end as inserted; only another order,
        a removed idea or a lock (editability changes) resets the model."""
        new_person_dots = self.person_dots if person_dots is None else dict(person_dots)
        open_now = self.votes_open if votes_open is None else votes_open
        old_ids = [idea.id for idea in self._ideas]
        new_ids = [idea.id for idea in ideas]
        if open_now != self.votes_open or new_ids[: len(old_ids)] != old_ids:
            self.beginResetModel()
            self._ideas = list(ideas)
            self.selected, self.tied = selected, tied
            self.person_dots, self.votes_open = new_person_dots, open_now
            self.endResetModel()
            return
        before = [self._row_key(idea) for idea in self._ideas]
        self._ideas[:] = ideas[: len(old_ids)]
        self.selected, self.tied, self.person_dots = selected, tied, new_person_dots
        last = self.columnCount() - 1
        for row, key in enumerate(before):
            if key != self._row_key(self._ideas[row]):
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        if len(ideas) > len(old_ids):
            self.beginInsertRows(QModelIndex(), len(old_ids), len(ideas) - 1)
            self._ideas.extend(ideas[len(old_ids) :])
            self.endInsertRows()

    def _row_key(self, idea: IdeaAtTable) -> tuple[object, ...]:
        """Everything a row shows: when it differs, the row changed."""
        return (
            idea,
            idea.id in self.selected,
            idea.id in self.tied,
            self.person_dots.get(idea.id, 0),
        )

    def retranslate(self) -> None:
        """The column titles and the cells' words (a merged idea's tooltip) again in the
        current language, as changes: the view keeps its current cell and selection (the
        page showing the model calls this on Qt's LanguageChange; models get none)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._ideas:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._ideas) - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def idea_at(self, row: int) -> IdeaAtTable:
        """The idea on `row`."""
        return self._ideas[row]

    def row_of(self, idea_id: int) -> int | None:
        """Where an idea is on the list."""
        return next((row for row, idea in enumerate(self._ideas) if idea.id == idea_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self._ideas)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else 5

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("#", _("Duo"), _("Idea"), _("Dots"), _("This person"))[section]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.read_only:
            return base
        if index.column() == self.TEXT or (
            index.column() in (self.DOTS, self.PERSON) and self.votes_open
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        idea = self._ideas[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            shown = idea.merged_from and role == Qt.ItemDataRole.DisplayRole
            merged = f"  (+{len(idea.merged_from)})" if shown else ""
            values = (
                index.row() + 1,
                idea.duo_number or "",
                idea.text + merged,
                idea.dots,
                self.person_dots.get(idea.id, 0),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and idea.merged_from:
            return ngettext(
                "Merged with {count} other idea",
                "Merged with {count} other ideas",
                len(idea.merged_from),
            ).format(count=len(idea.merged_from))
        if role == Qt.ItemDataRole.FontRole and idea.deleted:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and idea.deleted:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.BackgroundRole:
            if idea.id in self.tied:
                return QBrush(QColor(TIED_COLOUR))
            if idea.id in self.selected:
                return QBrush(QColor(SELECTED_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(  # noqa: N802 - Qt's name
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        idea = self._ideas[index.row()]
        if index.column() == self.TEXT:
            return self._on_text_edited(idea.id, str(value))
        if index.column() in (self.DOTS, self.PERSON):
            try:
                dots = int(value)
            except (TypeError, ValueError):
                return False
            if index.column() == self.PERSON:
                return self._on_person_dots_edited(idea.id, dots)
            return self._on_dots_edited(idea.id, dots)
        return False
