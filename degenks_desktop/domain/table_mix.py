"""How far one table's make-up is from the day's, per diversity category, in three words.

The seating board colours each watched category of a table: close, somewhat off or far
off. The measure is the largest gap, in percentage points, between the share of any
answer at the table and its share among everyone of the day. It is shown only as one of
those three words, never as a figure or per answer: at a table of ten, a count (or a gap
from which a count follows) would point at people. A category with fewer than
`SMALLEST_SHOWN_GROUP` answers at the table is not compared at all: its verdict would
say too much about the few who answered, and too little about the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from degenks_desktop.domain.disclosure import SMALLEST_SHOWN_GROUP

SOMEWHAT_OFF_POINTS = 20
"""A gap of this many percentage points or more is 'somewhat off' (below it: close). At a
table of eight, one person more or less of an answer moves its share 12.5 points; two
more of a 50/50 answer (6 of 8) is 25 points."""
FAR_OFF_POINTS = 35
"""A gap of this many percentage points or more is 'far off': e.g. 7 of 8 of an answer
half the day gives, or none at the table of an answer two fifths of the day give."""


class Mix(Enum):
    """The verdict on one category of one table."""

    CLOSE = "close"
    SOMEWHAT_OFF = "somewhat_off"
    FAR_OFF = "far_off"
    TOO_FEW = "too_few"
    """Fewer than `SMALLEST_SHOWN_GROUP` answers at the table, or none on the day."""


def largest_gap(table: Mapping[str, int], day: Mapping[str, int]) -> float | None:
    """The largest difference, in percentage points, between an answer's share at the
    table and on the day; None when either has no answers."""
    table_total, day_total = sum(table.values()), sum(day.values())
    if not table_total or not day_total:
        return None
    # Rounded so that a gap of exactly 35 points is 35, not 34.999999999.
    return round(
        max(
            abs(100 * table.get(value, 0) / table_total - 100 * day.get(value, 0) / day_total)
            for value in set(table) | set(day)
        ),
        9,
    )


def mix_verdict(table: Mapping[str, int], day: Mapping[str, int]) -> Mix:
    """Close, somewhat off or far off: how the table's answers of one category compare
    with the day's (too few when the table has fewer than five answers)."""
    if sum(table.values()) < SMALLEST_SHOWN_GROUP:
        return Mix.TOO_FEW
    gap = largest_gap(table, day)
    if gap is None:
        return Mix.TOO_FEW
    if gap >= FAR_OFF_POINTS:
        return Mix.FAR_OFF
    if gap >= SOMEWHAT_OFF_POINTS:
        return Mix.SOMEWHAT_OFF
    return Mix.CLOSE
