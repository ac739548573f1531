"""Rows about people that say nothing about one of them: k-anonymity with k = 5.

An anonymous export has no names, but its remaining columns (day, theme, table, a time
of arrival…) can still single someone out: the only walk-in at table 7 on day 2 is
somebody's neighbour. So every combination of those columns must be shared by at least
`SMALLEST_SHOWN_GROUP` rows. Where a combination is rarer, its rows are coarsened one
step at a time, the least telling column first (a table becomes blank, a quarter hour
becomes its hour, …), only in the rows that need it. Rows still alone at the end are
blanked altogether; if those are fewer than five, rows of the largest group join them
(blanked too), so that no group is smaller than five. Only an export of fewer than five
rows in all cannot be made anonymous, and is given back empty.

The order of the rows says nothing either: they are sorted by what they show, so that
rows showing the same are interchangeable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from degenks_desktop.domain.disclosure import SMALLEST_SHOWN_GROUP

Value = str | int | None


def blank(_value: Value) -> Value:
    """The coarsest a value can be: left out."""
    return None


@dataclass(frozen=True)
class Coarsening:
    """One step: make column `column` of a row coarser with `coarser`."""

    column: int
    coarser: Callable[[Value], Value] = blank


def _key(row: Sequence[Value], columns: Sequence[int]) -> tuple[Value, ...]:
    return tuple(row[column] for column in columns)


def _sort_key(row: Sequence[Value]) -> tuple[tuple[bool, Value], ...]:
    # Blanks last; a column holds one type besides blanks, so values compare.
    return tuple((value is None, "" if value is None else value) for value in row)


def k_anonymous(
    rows: Sequence[Sequence[Value]],
    *,
    quasi: Sequence[int],
    steps: Sequence[Coarsening],
    k: int = SMALLEST_SHOWN_GROUP,
) -> list[list[Value]]:
    """`rows` coarsened until every combination of the `quasi` columns is in k rows or more,
    sorted by what they show.

    `steps` are tried in order on the rows of a combination that is too rare; a column
    left out of `quasi` is kept as it is (it must not tell who either).
    """
    result = [list(row) for row in rows]
    if len(result) < k:
        return []

    def rare() -> list[list[Value]]:
        sizes = Counter(_key(row, quasi) for row in result)
        return [row for row in result if sizes[_key(row, quasi)] < k]

    for step in steps:
        for row in rare():
            row[step.column] = step.coarser(row[step.column])
    for row in rare():
        for column in quasi:
            row[column] = None
    everything_blank = (None,) * len(quasi)
    sizes = Counter(_key(row, quasi) for row in result)
    blanked = sizes.pop(everything_blank, 0)
    if 0 < blanked < k:
        needed = k - blanked
        donor, size = min(
            sizes.items(),
            # A group big enough to give rows and keep k, else the smallest: all of it.
            key=lambda item: (item[1] < k + needed, -item[1] if item[1] >= k + needed else item[1]),
        )
        giving = [row for row in result if _key(row, quasi) == donor]
        for row in giving[: needed if size >= k + needed else size]:
            for column in quasi:
                row[column] = None
    return sorted(result, key=_sort_key)
