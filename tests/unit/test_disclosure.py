"""Small groups stay hidden: no hidden count can be worked out from what a table shows.

The attacker here is independent of the module's own check: for every hidden cell it
searches for a second, different table that shows exactly the same (same shown counts,
same totals, every line adding up, zeros where zeros are shown, hidden counts at least 1).
Finding one proves the cell is not pinned; not finding one counts as pinned.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from degenks_desktop.domain.disclosure import (
    SMALLEST_SHOWN_GROUP,
    Bounds,
    Position,
    is_small,
    protected_cells,
)

Table = list[list[int]]


def with_margins(interior: Table, *, row_totals: bool, column_totals: bool) -> Table:
    table = [list(row) + ([sum(row)] if row_totals else []) for row in interior]
    if column_totals:
        table.append([sum(column) for column in zip(*table, strict=True)])
    return table


def lines(table: Table, *, row_totals: bool, column_totals: bool) -> list[list[Position]]:
    """Each line as its cells, the total last."""
    rows, columns = len(table), len(table[0])
    found = []
    if column_totals:
        found += [[(row, column) for row in range(rows)] for column in range(columns)]
    if row_totals:
        found += [[(row, column) for column in range(columns)] for row in range(rows)]
    return found


def alternative_exists(
    table: Table,
    unknown: dict[Position, tuple[int, int]],
    all_lines: list[list[Position]],
    target: Position,
) -> bool:
    """Whether some table that shows the same has another count in `target`.

    `unknown` maps every cell the reader does not see to the values the search tries.
    """
    order = sorted(unknown, key=lambda cell: (cell != target, cell))
    assigned: dict[Position, int] = {}

    def value_range(cell: Position) -> tuple[int, int]:
        if cell in assigned:
            return assigned[cell], assigned[cell]
        if cell in unknown:
            return unknown[cell]
        return table[cell[0]][cell[1]], table[cell[0]][cell[1]]

    def consistent() -> bool:
        for line in all_lines:
            *parts, total = line
            low = sum(value_range(cell)[0] for cell in parts) - value_range(total)[1]
            high = sum(value_range(cell)[1] for cell in parts) - value_range(total)[0]
            if not low <= 0 <= high:
                return False
        return True

    def search(index: int) -> bool:
        if index == len(order):
            return True
        cell = order[index]
        low, high = unknown[cell]
        for value in range(low, high + 1):
            if cell == target and value == table[cell[0]][cell[1]]:
                continue
            assigned[cell] = value
            if consistent() and search(index + 1):
                return True
            del assigned[cell]
        return False

    return search(0)


def pinned_cells(
    table: Table,
    hidden_cells: set[Position],
    *,
    row_totals: bool,
    column_totals: bool,
    never_shown: dict[Position, Bounds] | None = None,
) -> list[Position]:
    """The hidden cells that the shown figures leave one possible value."""
    never_shown = never_shown or {}
    all_lines = lines(table, row_totals=row_totals, column_totals=column_totals)
    unknown: dict[Position, tuple[int, int]] = {}
    for cell in hidden_cells | set(never_shown):
        true = table[cell[0]][cell[1]]
        bounds = never_shown.get(cell, Bounds(1, None))
        # Searching near the true count is enough to find a second table if one exists;
        # a narrower search can only make the attacker find fewer, never more.
        low = true - 3 if bounds.low is None else max(bounds.low, true - 3)
        high = true + 3 if bounds.high is None else min(bounds.high, true + 3)
        unknown[cell] = (low, high)
    return [
        cell
        for cell in sorted(hidden_cells)
        if not alternative_exists(table, unknown, all_lines, cell)
    ]


def primary_only(table: Table) -> set[Position]:
    """Yesterday's rule: hide the counts of 1 to 4 and nothing else."""
    return {
        (row, column)
        for row, line in enumerate(table)
        for column, value in enumerate(line)
        if is_small(value)
    }


def check(
    table: Table, hidden_cells: set[Position], *, row_totals: bool, column_totals: bool
) -> None:
    assert not pinned_cells(table, hidden_cells, row_totals=row_totals, column_totals=column_totals)
    shown = {
        (row, column)
        for row, line in enumerate(table)
        for column, _value in enumerate(line)
        if (row, column) not in hidden_cells
    }
    assert all(not is_small(table[row][column]) for row, column in shown)


def test_the_attacker_recovers_other_from_yesterdays_report() -> None:
    # Woman 18, Man 17, Other < 5, total 36: Other = 1.
    table = with_margins([[18], [17], [1]], row_totals=False, column_totals=True)
    assert pinned_cells(table, primary_only(table), row_totals=False, column_totals=True) == [
        (2, 0)
    ]


def test_other_stays_hidden_in_the_same_figures() -> None:
    table = with_margins([[18], [17], [1]], row_totals=False, column_totals=True)
    hidden = protected_cells(table, row_totals=False, column_totals=True)
    assert (2, 0) in hidden and len(hidden) == 2
    check(table, set(hidden), row_totals=False, column_totals=True)


def test_zeros_are_shown_and_a_tiny_total_is_hidden() -> None:
    table = with_margins([[3], [0], [0]], row_totals=False, column_totals=True)
    hidden = protected_cells(table, row_totals=False, column_totals=True)
    assert hidden == {(0, 0), (3, 0)}


def test_five_hidden_ones_are_not_enough() -> None:
    # Their sum (5) is big enough, but five hidden cells of at least 1 that sum to 5 are
    # each exactly 1: one more cell has to go.
    table = with_margins([[30], [1], [1], [1], [1], [1]], row_totals=False, column_totals=True)
    hidden = protected_cells(table, row_totals=False, column_totals=True)
    assert (0, 0) in hidden
    check(table, set(hidden), row_totals=False, column_totals=True)


counts = st.integers(min_value=0, max_value=25) | st.integers(min_value=0, max_value=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(counts, min_size=1, max_size=7))
def test_no_hidden_count_of_a_list_can_be_worked_out(values: list[int]) -> None:
    table = with_margins([[value] for value in values], row_totals=False, column_totals=True)
    hidden = protected_cells(table, row_totals=False, column_totals=True)
    check(table, set(hidden), row_totals=False, column_totals=True)
    # The hidden counts of the list hold a group big enough to show, or nothing shows.
    shown_total = (len(values), 0) not in hidden
    hidden_sum = sum(values[row] for row, _column in hidden if row < len(values))
    if shown_total and hidden:
        assert hidden_sum >= SMALLEST_SHOWN_GROUP


small_counts = st.integers(min_value=0, max_value=9) | st.integers(min_value=0, max_value=3)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    rows = draw(st.integers(min_value=1, max_value=4))
    columns = draw(st.integers(min_value=1, max_value=3))
    return [[draw(small_counts) for _column in range(columns)] for _row in range(rows)]


@settings(max_examples=200, deadline=None)
@given(tables())
def test_no_hidden_count_of_a_table_with_both_margins_can_be_worked_out(interior: Table) -> None:
    # As the diversity screen: values down, days across, the whole event as row total.
    table = with_margins(interior, row_totals=True, column_totals=True)
    hidden = protected_cells(table, row_totals=True, column_totals=True)
    check(table, set(hidden), row_totals=True, column_totals=True)


@settings(max_examples=150, deadline=None)
@given(tables(), st.lists(st.integers(min_value=0, max_value=2), min_size=4, max_size=4))
def test_a_remainder_that_is_never_shown_gives_nothing_away(
    interior: Table, remainder: Sequence[int]
) -> None:
    # People registered without a day: a column the table needs but never shows.
    rest_column = len(interior[0])
    rows = [[*row, remainder[index]] for index, row in enumerate(interior)]
    table = with_margins(rows, row_totals=True, column_totals=True)
    never_shown = {(row, rest_column): Bounds(0, None) for row in range(len(table))}
    hidden = protected_cells(table, row_totals=True, column_totals=True, hidden=never_shown)
    assert not set(never_shown) & hidden
    assert not pinned_cells(
        table, set(hidden), row_totals=True, column_totals=True, never_shown=never_shown
    )
