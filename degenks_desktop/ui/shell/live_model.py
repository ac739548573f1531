"""The base of the app's live lists: a refresh changes only what changed, so nobody loses
their place.

The window reads the page on screen again every few seconds (`ui/shell/live.py`). A model
that reset itself on each reading would take the selection, the current cell and the
scroll position from every view on it, and from a sort proxy on top: an organiser who
picked a table would find "Choose a table first" three seconds later. `LiveTableModel`
instead compares the new rows with the shown ones by their key (a table id, a theme code,
a category value) and tells the views exactly what happened: rows gone, rows new, rows
moved, and the cells whose shown values changed, with the roles that changed.

A subclass gives its column titles (`COLUMNS`, msgids), the key of a row (`key`) and how
a row shows (`cell`: display text, tooltip, alignment, sort role, colours). Whatever else
a cell depends on (the day's share for a colour, the ideas chosen for the ten) may live
on the model: set it, then call `show_rows` (or `refresh_shown` when only that changed);
the comparison is on what the cells show, so such a change is signalled too. A new
language is such a change: the owning view calls `retranslate` on Qt's LanguageChange.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from degenks_desktop.i18n import _

RowT = TypeVar("RowT")
ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
# What the app's views read of a cell; a refresh compares these and no others.
SHOWN_ROLES: tuple[Role, ...] = (
    Role.DisplayRole,
    Role.EditRole,
    Role.ToolTipRole,
    Role.DecorationRole,
    Role.TextAlignmentRole,
    Role.BackgroundRole,
    Role.ForegroundRole,
    Role.FontRole,
    Role.UserRole,
)


def _same(before: object, after: object) -> bool:
    # Qt's value types (QBrush, QColor, QFont) compare by value, but not with None.
    return type(before) is type(after) and bool(before == after)


def _runs(positions: Sequence[int]) -> list[tuple[int, int]]:
    """Ascending positions as (first, last) runs of neighbours: one signal per run."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position - 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


class LiveTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of keyed rows that a refresh updates in place, never by a reset.

    Subclasses set `COLUMNS` and implement `key` and `cell`; they may extend `ROLES` when
    a view reads another role, override `header` for a title known only at run time, and
    `flags` / `setData` for editable cells (`row_at` gives the row of an index).
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    ROLES: ClassVar[tuple[Role, ...]] = SHOWN_ROLES

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._keys: list[Hashable] = []
        self._positions: dict[Hashable, int] | None = {}
        # What each row's cells showed when last signalled, by key: a refresh is compared
        # with this, so a change of the model's own state (not only of a row) is seen too.
        self._shown: dict[Hashable, tuple[tuple[Any, ...], ...]] = {}

    # --- what subclasses give -----------------------------------------------------------

    def key(self, row: RowT) -> Hashable:
        """What makes `row` the same row after a refresh (unique among the rows shown)."""
        raise NotImplementedError

    def cell(self, row: RowT, column: int, role: int) -> Any:
        """What `row` shows in `column` for `role` (None: nothing)."""
        raise NotImplementedError

    def header(self, section: int) -> str:
        """The title of column `section`."""
        return _(self.COLUMNS[section])

    # --- the rows ---------------------------------------------------------------------

    @property
    def rows(self) -> tuple[RowT, ...]:
        """The rows shown, in the model's order (a view's sort proxy may show another)."""
        return tuple(self._rows)

    def row_at(self, position: int) -> RowT:
        """The row at `position` of the model."""
        return self._rows[position]

    def row_of(self, key: Hashable) -> int | None:
        """Where the row with `key` is in the model, or None when it is not shown."""
        if self._positions is None:
            self._positions = {shown: position for position, shown in enumerate(self._keys)}
        return self._positions.get(key)

    def show_rows(self, rows: Iterable[RowT]) -> None:
        """Show `rows`, in this order, as changes to what is shown: the rows gone are
        removed, new ones inserted, moved ones moved and changed cells signalled."""
        new_rows = list(rows)
        new_keys = [self.key(row) for row in new_rows]
        if len(set(new_keys)) != len(new_keys):
            raise ValueError(f"{type(self).__name__}: two rows share a key")
        wanted = set(new_keys)
        gone = [position for position, key in enumerate(self._keys) if key not in wanted]
        for first, last in reversed(_runs(gone)):  # from the bottom: positions above hold
            self.remove_rows(first, last - first + 1, signal_changes=False)
        # The rows that stay, into their new order (a proxy keeps its own sort anyway).
        staying = set(self._keys)
        order = [key for key in new_keys if key in staying]
        for target, key in enumerate(order):
            source = self._keys.index(key, target)
            if source != target:
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._rows.insert(target, self._rows.pop(source))
                self._keys.insert(target, self._keys.pop(source))
                self._positions = None
                self.endMoveRows()
        # New rows, from the top: everything above a run is then already in place.
        fresh = [position for position, key in enumerate(new_keys) if key not in staying]
        for first, last in _runs(fresh):
            self.insert_rows(first, new_rows[first : last + 1], signal_changes=False)
        self._rows = new_rows
        self._keys = new_keys
        self._positions = None
        self.refresh_shown()

    def insert_rows(
        self, position: int, rows: Sequence[RowT], *, signal_changes: bool = True
    ) -> None:
        """Insert `rows` before `position` (the recent check-ins go on top this way)."""
        if not rows:
            return
        keys = [self.key(row) for row in rows]
        if len(set(keys)) != len(keys) or any(self.row_of(key) is not None for key in keys):
            raise ValueError(f"{type(self).__name__}: a row with that key is shown already")
        self.beginInsertRows(QModelIndex(), position, position + len(rows) - 1)
        self._rows[position:position] = rows
        self._keys[position:position] = keys
        self._positions = None
        self.endInsertRows()
        if signal_changes:
            self.refresh_shown()  # rows below may show their position (a number)

    def remove_rows(self, position: int, count: int, *, signal_changes: bool = True) -> None:
        """Take `count` rows off from `position` on."""
        if count <= 0:
            return
        self.beginRemoveRows(QModelIndex(), position, position + count - 1)
        del self._rows[position : position + count]
        del self._keys[position : position + count]
        self._positions = None
        self.endRemoveRows()
        if signal_changes:
            self.refresh_shown()

    def refresh_shown(self) -> None:
        """Signal the cells whose shown values changed since they were last signalled
        (after a change of the model's own state that the rows do not carry)."""
        shown: dict[Hashable, tuple[tuple[Any, ...], ...]] = {}
        for position, (key, row) in enumerate(zip(self._keys, self._rows, strict=True)):
            cells = self._render(row)
            shown[key] = cells
            before = self._shown.get(key)
            if before is None:
                continue  # a new row: the views read it when it was inserted
            columns = [c for c, values in enumerate(cells) if values != before[c]]
            if not columns:
                continue
            roles = sorted(
                {
                    self.ROLES[r]
                    for c in columns
                    for r, value in enumerate(cells[c])
                    if value != before[c][r]
                },
                key=int,
            )
            self.dataChanged.emit(
                self.index(position, columns[0]), self.index(position, columns[-1]), roles
            )
        self._shown = shown

    def retranslate(self) -> None:
        """The column titles and cells again in the current language, as changes (the
        view that shows the model calls this on Qt's LanguageChange; models get none)."""
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self.refresh_shown()

    def _render(self, row: RowT) -> tuple[tuple[Any, ...], ...]:
        return tuple(
            tuple(_Shown(self.cell(row, column, role)) for role in self.ROLES)
            for column in range(len(self.COLUMNS))
        )

    # --- Qt's side --------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Role.DisplayRole
            or not 0 <= section < len(self.COLUMNS)
        ):
            return None
        return self.header(section)

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)


class _Shown:
    """A cell's value for one role, compared by type and value (see `_same`)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Shown) and _same(self.value, other.value)

    __hash__ = None  # type: ignore[assignment]  # compared, never hashed
