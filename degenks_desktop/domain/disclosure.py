"""Which counts of a table may be shown: small groups hidden, and hidden for good.

A count of 1 to 4 people (`SMALLEST_SHOWN_GROUP` - 1) points at people and is hidden
(primary suppression). Hiding it alone is not enough where the table shows totals: with
"Woman 18, Man 17, Other hidden, total 36" anyone works out Other = 1. So more cells are
hidden (complementary suppression) until, for every hidden cell, the figures that are
shown leave it more than one possible value.

What a reader is assumed to know: every shown count and total, that each line adds up to
its total (a row to its row total, a column to its column total), that a zero is always
shown (so every hidden count is at least 1), and the bounds of the remainders a table
needs to add up but never shows (e.g. people registered without a day: at least 0).

The rule, checked on every line whose total is shown and that holds a hidden count:

1. the hidden cells of the line together hold at least `SMALLEST_SHOWN_GROUP` people
   (the hidden part of the line is itself a group big enough to show), and
2. no hidden cell has a single possible value: the table, seen as a network of lines,
   must let one more or one fewer person sit in that cell, balanced by other hidden
   cells, without any hidden cell dropping below its least possible value. (With one
   hidden cell in a line that never holds; with hidden cells that are all 1 it cannot
   hold downwards, and upwards it needs another hidden cell to give one up: rule 1
   alone would let five hidden 1s through, this rule does not.)

While a line breaks the rule, its smallest shown count that is not zero is hidden too
(the next-smallest cell); if the line has none left, its total; if neither, the smallest
shown count of the table. Zeros are never hidden: a zero says that no-one gave that
answer, it points at nobody, and hiding zeros as well would hide the very gaps the
organisers recruit for. A line whose total is 1 to 4 therefore shows its zeros and
hides the rest (including the total).

Shares follow their counts: a share is shown only when its count and its total are.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SMALLEST_SHOWN_GROUP = 5

Position = tuple[int, int]


@dataclass(frozen=True)
class Bounds:
    """What a reader knows of a cell that is never shown: its least and most (None: any)."""

    low: int | None = 0
    high: int | None = None


AT_LEAST_ONE = Bounds(1, None)


def is_small(count: int) -> bool:
    """Whether `count` people are a group small enough to point at them (1 to 4)."""
    return 0 < count < SMALLEST_SHOWN_GROUP


@dataclass(frozen=True)
class _Grid:
    """A table with its margins: the last row holds column totals and/or the last column
    holds row totals; a cell in both is the grand total."""

    counts: Sequence[Sequence[int]]
    row_totals: bool
    column_totals: bool
    hidden: Mapping[Position, Bounds]

    @property
    def rows(self) -> int:
        return len(self.counts)

    @property
    def columns(self) -> int:
        return len(self.counts[0]) if self.counts else 0

    def sign(self, position: Position) -> int:
        """+1 for a part, -1 for a total, +1 for the grand total: every line sums to 0."""
        row, column = position
        total_row = self.column_totals and row == self.rows - 1
        total_column = self.row_totals and column == self.columns - 1
        return -1 if total_row != total_column else 1

    def row_node(self, row: int) -> str:
        return f"r{row}" if self.row_totals else "free"

    def column_node(self, column: int) -> str:
        return f"c{column}" if self.column_totals else "free"

    def lines(self) -> list[tuple[list[Position], Position]]:
        """Every line that adds up: its parts and its total."""
        found = []
        if self.column_totals:
            for column in range(self.columns):
                parts = [(row, column) for row in range(self.rows - 1)]
                found.append((parts, (self.rows - 1, column)))
        if self.row_totals:
            for row in range(self.rows):
                parts = [(row, column) for column in range(self.columns - 1)]
                found.append((parts, (row, self.columns - 1)))
        return found


def protected_cells(
    counts: Sequence[Sequence[int]],
    *,
    row_totals: bool,
    column_totals: bool,
    hidden: Mapping[Position, Bounds] | None = None,
) -> frozenset[Position]:
    """The cells of `counts` not to show: small groups and the cells that would give them away.

    `counts` includes its margins (see `_Grid`); `hidden` are cells never shown (their
    bounds as a reader knows them), which are not in the answer. Zeros are never hidden.
    """
    grid = _Grid(counts, row_totals, column_totals, hidden or {})
    _check_adds_up(grid)
    shown_cells = [
        (row, column)
        for row in range(grid.rows)
        for column in range(grid.columns)
        if (row, column) not in grid.hidden
    ]
    suppressed = {cell for cell in shown_cells if is_small(_value(grid, cell))}
    while True:
        line = _breaking_line(grid, suppressed)
        if line is None:
            break
        open_cells = [cell for cell in line if _can_hide(grid, suppressed, cell)]
        if not open_cells:  # the line has nothing left to hide: hide elsewhere
            open_cells = [cell for cell in shown_cells if _can_hide(grid, suppressed, cell)]
        if not open_cells:
            break  # every count that is not zero is hidden already
        suppressed.add(min(open_cells, key=lambda cell: (_value(grid, cell), cell)))
    return frozenset(suppressed)


def _value(grid: _Grid, cell: Position) -> int:
    return grid.counts[cell[0]][cell[1]]


def _check_adds_up(grid: _Grid) -> None:
    for parts, total in grid.lines():
        if sum(_value(grid, cell) for cell in parts) != _value(grid, total):
            raise ValueError(f"the line of {total} does not add up to its total")


def _can_hide(grid: _Grid, suppressed: set[Position], cell: Position) -> bool:
    return cell not in suppressed and cell not in grid.hidden and _value(grid, cell) > 0


def _breaking_line(grid: _Grid, suppressed: set[Position]) -> list[Position] | None:
    """The cells of the first line (or pair of lines) that breaks the rule, or None when
    the rule holds everywhere."""
    unknown = suppressed | set(grid.hidden)
    for parts, total in grid.lines():
        if total in unknown or not any(cell in suppressed for cell in parts):
            continue
        if sum(_value(grid, cell) for cell in parts if cell in unknown) < SMALLEST_SHOWN_GROUP:
            return [*parts, total]
    for cell in sorted(suppressed):
        if _pinned(grid, unknown, cell):
            return [
                other
                for parts, total in grid.lines()
                if cell in parts or cell == total
                for other in (*parts, total)
            ]
    return None


def _bounds(grid: _Grid, cell: Position) -> Bounds:
    return grid.hidden.get(cell, AT_LEAST_ONE)


def _can_move(grid: _Grid, cell: Position, step: int) -> bool:
    """Whether the cell's count may change by `step` (+1 or -1) within what a reader knows."""
    bounds = _bounds(grid, cell)
    value = _value(grid, cell) + step
    return (bounds.low is None or value >= bounds.low) and (
        bounds.high is None or value <= bounds.high
    )


def _pinned(grid: _Grid, unknown: set[Position], cell: Position) -> bool:
    """Whether the shown figures leave `cell` one possible value.

    Each unknown cell links its row and its column; a change of one person in a cell
    must be balanced along a cycle of such links (a line that does not add up, 'free',
    balances anything). The cell has another value iff such a cycle through it exists
    whose every step stays within the bounds (a flow argument: the difference of two
    solutions splits into such cycles).
    """
    arcs: dict[str, list[str]] = {}
    for other in unknown:
        if other == cell:
            continue
        row_node, column_node = grid.row_node(other[0]), grid.column_node(other[1])
        sign = grid.sign(other)
        # From the row to the column: the signed count goes up by one; back: down by one.
        if _can_move(grid, other, sign):
            arcs.setdefault(row_node, []).append(column_node)
        if _can_move(grid, other, -sign):
            arcs.setdefault(column_node, []).append(row_node)
    row_node, column_node = grid.row_node(cell[0]), grid.column_node(cell[1])
    sign = grid.sign(cell)
    if row_node == column_node:  # a cell no line holds: nothing pins it
        return not (_can_move(grid, cell, 1) or _can_move(grid, cell, -1))
    if _can_move(grid, cell, sign) and _reaches(arcs, column_node, row_node):
        return False
    return not (_can_move(grid, cell, -sign) and _reaches(arcs, row_node, column_node))


def _reaches(arcs: dict[str, list[str]], start: str, goal: str) -> bool:
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            return True
        for following in arcs.get(node, ()):
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return False
