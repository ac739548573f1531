"""The diversity matrix: the categories a participant may answer, and their values.

Answers are optional and need consent (GDPR art. 9 for origin); they are stored apart
from names (storage's `profiles` table) and leave the app only as aggregates in which a
group smaller than `SMALLEST_SHOWN_GROUP` is hidden, together with whatever would let it
be worked out (`domain.disclosure`). The whole event and each of its days are one table
(values down, days across, the event as the row total), protected as one: the day views
and the event view cannot be subtracted from each other either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from degenks_desktop.domain.disclosure import (
    SMALLEST_SHOWN_GROUP,
    Bounds,
    Position,
    is_small,
    protected_cells,
)
from degenks_desktop.i18n import N_

__all__ = ["SMALLEST_SHOWN_GROUP"]  # re-exported: the rule's number, where it is used


@dataclass(frozen=True)
class Category:
    """One question of the diversity matrix and its possible answers (key -> label)."""

    key: str
    label: str
    values: dict[str, str]


GENDER = Category("gender", N_("Gender"), {"f": N_("Woman"), "m": N_("Man"), "x": N_("Other")})
AGE_BAND = Category(
    "age_band",
    N_("Age"),
    {
        "16-24": "16–24",
        "25-34": "25–34",
        "35-49": "35–49",
        "50-64": "50–64",
        "65+": "65+",
    },
)
ORIGIN = Category(
    "origin",
    N_("Origin"),
    {
        "belgian": N_("Belgian"),
        "italian": N_("Italian"),
        "turkish": N_("Turkish"),
        "moroccan": N_("Moroccan"),
        "greek": N_("Greek"),
        "polish": N_("Polish"),
        "spanish": N_("Spanish"),
        "other_eu": N_("Other EU"),
        "other": N_("Other"),
    },
)
EDUCATION = Category(
    "education",
    N_("Education"),
    {"primary": N_("Primary"), "secondary": N_("Secondary"), "higher": N_("Higher")},
)
WORK_SITUATION = Category(
    "work_situation",
    N_("Work situation"),
    {
        "employed": N_("Employed"),
        "self_employed": N_("Self-employed"),
        "job_seeker": N_("Looking for work"),
        "student": N_("Student"),
        "retired": N_("Retired"),
        "home": N_("Homemaker"),
        "other": N_("Other"),
    },
)
YEARS_IN_GENK = Category(
    "years_in_genk",
    N_("Years in Genk"),
    {"0-4": "0–4", "5-14": "5–14", "15+": "15+", "born": N_("Born in Genk")},
)

CATEGORIES: tuple[Category, ...] = (
    GENDER,
    AGE_BAND,
    ORIGIN,
    EDUCATION,
    WORK_SITUATION,
    YEARS_IN_GENK,
)


def age_band(birth_year: int, event_year: int) -> str:
    """The age band of someone born in `birth_year`, at an event held in `event_year`."""
    age = event_year - birth_year
    if age < 25:
        return "16-24"
    if age < 35:
        return "25-34"
    if age < 50:
        return "35-49"
    if age < 65:
        return "50-64"
    return "65+"


NOT_GIVEN = "_not_given"
"""In a draw's quotas, the value of whoever gave no answer or no consent: a value of its
own, never a reason to be left out."""
THEME_CATEGORY = "theme"
"""In a draw's quotas, the first theme chosen: places per theme are quotas on it."""

NEIGHBOURHOOD_KEY = "neighbourhood"
NEIGHBOURHOOD_LABEL = N_("Neighbourhood")
DEFAULT_WATCHED: tuple[str, ...] = (
    "gender",
    "age_band",
    "origin",
    NEIGHBOURHOOD_KEY,
    "education",
    "work_situation",
)
GAP_THRESHOLD = 0.8
"""A value whose share is below this fraction of its target is a gap worth acting on."""

# Illustrative shares for a city of Genk's make-up, for the demo only: the organisers
# replace them with the city's own population figures.
ILLUSTRATIVE_TARGETS: dict[str, dict[str, float]] = {
    "gender": {"f": 0.50, "m": 0.49, "x": 0.01},
    "age_band": {"16-24": 0.14, "25-34": 0.17, "35-49": 0.26, "50-64": 0.24, "65+": 0.19},
    "origin": {
        "belgian": 0.46,
        "italian": 0.15,
        "turkish": 0.17,
        "moroccan": 0.08,
        "greek": 0.02,
        "polish": 0.03,
        "spanish": 0.02,
        "other_eu": 0.03,
        "other": 0.04,
    },
    "education": {"primary": 0.25, "secondary": 0.45, "higher": 0.30},
    "work_situation": {
        "employed": 0.45,
        "self_employed": 0.06,
        "job_seeker": 0.10,
        "student": 0.10,
        "retired": 0.20,
        "home": 0.06,
        "other": 0.03,
    },
}


def category_by_key(key: str, neighbourhoods: tuple[str, ...] = ()) -> Category | None:
    """The category called `key`; the neighbourhoods are the event's own list."""
    if key == NEIGHBOURHOOD_KEY:
        return Category(key, NEIGHBOURHOOD_LABEL, {name: name for name in neighbourhoods})
    return next((category for category in CATEGORIES if category.key == key), None)


@dataclass(frozen=True)
class ValueRow:
    """One value of a category: registered and present against its target.

    A hidden count is None, and so is its share: a group of 1 to 4 people, or a count
    that would let one be worked out. `below_target` of a hidden count is only set when
    the shown figures alone prove it (even the most it could be is below the target).
    """

    value: str
    label: str
    registered: int | None
    registered_share: float | None
    checked_in: int | None
    checked_in_share: float | None
    target: float | None
    below_target: bool


@dataclass(frozen=True)
class CategoryMatrix:
    """A category of the diversity matrix with how many answered it (None: hidden)."""

    key: str
    label: str
    answered_registered: int | None
    answered_checked_in: int | None
    rows: tuple[ValueRow, ...]


@dataclass(frozen=True)
class Tally:
    """How many people gave each answer: in the whole event, and on each day.

    `remainder` is what a reader knows of the event's count minus the days' counts: for
    registered people at least 0 (some registered without a day), for present people at
    most 0 (someone who came on two days counts on both, once in the event).
    """

    event: Mapping[str, int]
    days: Mapping[int, Mapping[str, int]] = field(default_factory=dict)
    remainder: Bounds = field(default_factory=Bounds)


REGISTERED_REMAINDER = Bounds(0, None)
PRESENT_REMAINDER = Bounds(None, 0)


def suppress_small(count: int) -> int | None:
    """`count`, or None when it is a group small enough to point at people (1 to 4)."""
    return None if is_small(count) else count


@dataclass(frozen=True)
class _Column:
    """One column of a protected tally: its shown counts per value and its shown total."""

    counts: dict[str, int | None]
    total: int | None
    hidden_room: int | None
    """The most a hidden count of this column can be, from the shown figures alone."""


def _protected(values: list[str], tally: Tally) -> dict[int | None, _Column]:
    """The tally as a table, protected: per day key (None: the whole event), what shows.

    Rows: the category's values, then answers it no longer lists (never shown), then the
    totals. Columns: the days, the remainder (never shown), the event. The two never-shown
    lines are left out when they hold nobody: a reader who knows they are empty must not
    be credited with doubt about them.
    """
    days = list(tally.days)
    keys: list[int | None] = [*days, None]

    def counts_of(key: int | None) -> Mapping[str, int]:
        return tally.event if key is None else tally.days[key]

    unlisted = [sum(n for v, n in counts_of(key).items() if v not in values) for key in keys]
    with_unlisted = any(unlisted)
    columns = [
        [*(counts_of(key).get(value, 0) for value in values), *unlisted[i : i + with_unlisted]]
        for i, key in enumerate(keys)
    ]
    rest_column: int | None = None
    if days:
        event = columns[-1]
        rest = [total - sum(day[row] for day in columns[:-1]) for row, total in enumerate(event)]
        if any(rest):
            rest_column = len(days)
            columns.insert(rest_column, rest)
    table = [list(row) for row in zip(*columns, strict=True)]
    table.append([sum(column) for column in columns])
    hidden: dict[Position, Bounds] = {}
    for row in range(len(table)):
        for index in range(len(columns)):
            if index == rest_column:
                hidden[(row, index)] = tally.remainder
            elif with_unlisted and row == len(values):
                hidden[(row, index)] = Bounds(0, None)
    suppressed = protected_cells(table, row_totals=bool(days), column_totals=True, hidden=hidden)
    total_row = len(table) - 1
    shown_columns: dict[int | None, _Column] = {}
    for index, key in [*enumerate(days), (len(columns) - 1, None)]:
        counts = {
            value: None if (row, index) in suppressed else table[row][index]
            for row, value in enumerate(values)
        }
        total = None if (total_row, index) in suppressed else table[total_row][index]
        hidden_cells = sum(1 for count in counts.values() if count is None)
        room = (
            None
            if total is None
            else total - sum(count for count in counts.values() if count) - (hidden_cells - 1)
        )
        shown_columns[key] = _Column(counts, total, room)
    return shown_columns


def _share(count: int | None, total: int | None) -> float | None:
    return count / total if count is not None and total else None


def _below(column: _Column, value: str, target: float | None) -> bool:
    if not target or not column.total:
        return False
    count = column.counts[value]
    most = count if count is not None else column.hidden_room
    return most is not None and most / column.total < GAP_THRESHOLD * target


def category_matrices(
    category: Category,
    *,
    registered: Tally,
    checked_in: Tally,
    targets: Mapping[str, float],
) -> dict[int | None, CategoryMatrix]:
    """Registered and present people against the targets, per day key and for the whole
    event (key None), protected together so that no view gives another's hidden cells."""
    values = list(category.values)
    signed_up = _protected(values, registered)
    came = _protected(values, checked_in)
    matrices: dict[int | None, CategoryMatrix] = {}
    for key in signed_up.keys() | came.keys():
        empty = _Column(dict.fromkeys(values, 0), 0, None)
        registered_column = signed_up.get(key, empty)
        present_column = came.get(key, empty)
        rows = tuple(
            ValueRow(
                value=value,
                label=label,
                registered=registered_column.counts[value],
                registered_share=_share(registered_column.counts[value], registered_column.total),
                checked_in=present_column.counts[value],
                checked_in_share=_share(present_column.counts[value], present_column.total),
                target=targets.get(value),
                below_target=_below(registered_column, value, targets.get(value)),
            )
            for value, label in category.values.items()
        )
        matrices[key] = CategoryMatrix(
            key=category.key,
            label=category.label,
            answered_registered=registered_column.total,
            answered_checked_in=present_column.total,
            rows=rows,
        )
    return matrices


def category_matrix(
    category: Category,
    *,
    registered: Mapping[str, int],
    checked_in: Mapping[str, int],
    targets: Mapping[str, float],
) -> CategoryMatrix:
    """One table of the category (no days): registered and present against the targets."""
    return category_matrices(
        category,
        registered=Tally(registered, remainder=REGISTERED_REMAINDER),
        checked_in=Tally(checked_in, remainder=PRESENT_REMAINDER),
        targets=targets,
    )[None]
