"""The diversity matrix's arithmetic: shares, gaps, and small groups never shown, nor
worked out from the totals, the shares or the other days."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from degenks_desktop.domain.disclosure import Bounds, Position
from degenks_desktop.domain.diversity import (
    GENDER,
    ORIGIN,
    PRESENT_REMAINDER,
    REGISTERED_REMAINDER,
    CategoryMatrix,
    Tally,
    category_matrices,
    category_matrix,
    suppress_small,
)
from tests.unit.test_disclosure import pinned_cells


def test_groups_under_five_are_suppressed() -> None:
    assert [suppress_small(n) for n in (0, 1, 4, 5, 120)] == [0, None, None, 5, 120]


def test_shares_targets_and_gaps() -> None:
    matrix = category_matrix(
        ORIGIN,
        registered={"belgian": 60, "italian": 20, "turkish": 10, "moroccan": 6, "greek": 4},
        checked_in={"belgian": 30, "turkish": 5},
        targets={"belgian": 0.46, "turkish": 0.17, "moroccan": 0.08, "italian": 0.15},
    )
    rows = {row.value: row for row in matrix.rows}
    assert matrix.answered_registered == 100
    assert rows["belgian"].registered_share == 0.6
    assert rows["turkish"].below_target  # 10 % against 17 %: under 80 % of the target
    assert not rows["italian"].below_target  # 20 % against 15 %
    assert not rows["belgian"].below_target
    # Four Greek participants: neither their number nor their share is shown, and the
    # six Moroccan ones are hidden with them, or Greek = 100 - 60 - 20 - 10 - 6.
    assert (rows["greek"].registered, rows["greek"].registered_share) == (None, None)
    assert (rows["moroccan"].registered, rows["moroccan"].registered_share) == (None, None)
    # Hidden, they could be up to 9 % each: the 8 % target is not proven missed.
    assert not rows["moroccan"].below_target
    assert rows["turkish"].checked_in == 5
    assert rows["turkish"].checked_in_share == 5 / 35
    assert rows["polish"].registered == 0


def test_nobody_answered_means_no_shares_and_no_gaps() -> None:
    matrix = category_matrix(GENDER, registered={}, checked_in={}, targets={"f": 0.5})
    assert all(row.registered_share is None and not row.below_target for row in matrix.rows)


def test_a_hidden_count_is_marked_below_target_only_when_the_shown_figures_prove_it() -> None:
    matrix = category_matrix(
        ORIGIN,
        registered={"belgian": 60, "italian": 30, "moroccan": 6, "greek": 4},
        checked_in={},
        targets={"moroccan": 0.2, "greek": 0.01},
    )
    rows = {row.value: row for row in matrix.rows}
    assert rows["moroccan"].registered is None and rows["greek"].registered is None
    # Ten people between them: neither can be more than 9 %, below 80 % of 20 %.
    assert rows["moroccan"].below_target
    assert not rows["greek"].below_target


def test_yesterdays_report_no_longer_gives_other_away() -> None:
    matrix = category_matrix(
        GENDER, registered={"f": 18, "m": 17, "x": 1}, checked_in={}, targets={}
    )
    shown = {row.value: (row.registered, row.registered_share) for row in matrix.rows}
    assert shown["x"] == (None, None)
    assert shown["m"] == (None, None)  # or Other = 36 - 18 - 17
    assert shown["f"] == (18, 0.5) and matrix.answered_registered == 36


def attacked(
    matrices: Mapping[int | None, CategoryMatrix],
    truth: Mapping[int | None, Mapping[str, int]],
    remainder: Bounds,
    *,
    present: bool = False,
) -> list[Position]:
    """The hidden cells of the screen (all days and the event) that can be worked out.

    `matrices` are what the screen shows per day key (None: the whole event), `truth` the
    real counts; the attacker sees the first and searches the second's alternatives.
    """
    days = [key for key in matrices if key is not None]
    keys: list[int | None] = [*days, None]
    values = [row.value for row in matrices[None].rows]
    columns = [[truth[key].get(value, 0) for value in values] for key in keys]
    rest = [e - sum(day[row] for day in columns[:-1]) for row, e in enumerate(columns[-1])]
    rest_column = None
    if days and any(rest):
        rest_column = len(days)
        columns.insert(rest_column, rest)
    table = [list(row) for row in zip(*columns, strict=True)]
    table.append([sum(column) for column in columns])
    index_of = {key: index for index, key in enumerate(days)} | {None: len(columns) - 1}
    hidden: set[Position] = set()
    for key, matrix in matrices.items():
        column = index_of[key]
        total = matrix.answered_checked_in if present else matrix.answered_registered
        for row, shown in enumerate(matrix.rows):
            count = shown.checked_in if present else shown.registered
            share = shown.checked_in_share if present else shown.registered_share
            if count is None:
                hidden.add((row, column))
                assert share is None  # a share never shows what its count hides
            else:
                assert count == table[row][column]
                # A shown share comes with its total: it gives nothing more away.
                assert share is None or (total and share == count / total)
        if total is None:
            hidden.add((len(values), column))
            assert all(
                (r.checked_in_share if present else r.registered_share) is None for r in matrix.rows
            )
    never_shown = (
        {} if rest_column is None else {(row, rest_column): remainder for row in range(len(table))}
    )
    return pinned_cells(
        table, hidden, row_totals=bool(days), column_totals=True, never_shown=never_shown
    )


answers = st.dictionaries(
    st.sampled_from(list(GENDER.values)),
    st.integers(min_value=0, max_value=9) | st.integers(min_value=0, max_value=3),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(answers, min_size=0, max_size=3),
    answers,
)
def test_no_hidden_count_of_the_screen_can_be_worked_out(
    days: list[dict[str, int]], without_a_day: dict[str, int]
) -> None:
    by_day = dict(enumerate(days, start=1))
    event = {
        value: sum(day.get(value, 0) for day in days) + without_a_day.get(value, 0)
        for value in GENDER.values
    }
    matrices = category_matrices(
        GENDER,
        registered=Tally(event, by_day, REGISTERED_REMAINDER),
        checked_in=Tally({}, {}, PRESENT_REMAINDER),
        targets={},
    )
    truth: dict[int | None, dict[str, int]] = {day: counts for day, counts in by_day.items()}
    truth[None] = event
    assert not attacked(matrices, truth, REGISTERED_REMAINDER)


@settings(max_examples=100, deadline=None)
@given(st.lists(answers, min_size=1, max_size=3), answers)
def test_no_hidden_count_of_people_present_can_be_worked_out(
    days: list[dict[str, int]], twice: dict[str, int]
) -> None:
    # Some came on two days: they count on each day, and once in the event.
    by_day = dict(enumerate(days, start=1))
    event = {
        value: max(0, sum(day.get(value, 0) for day in days) - twice.get(value, 0))
        for value in GENDER.values
    }
    matrices = category_matrices(
        GENDER,
        registered=Tally({}, {key: {} for key in by_day}, REGISTERED_REMAINDER),
        checked_in=Tally(event, by_day, PRESENT_REMAINDER),
        targets={},
    )
    truth: dict[int | None, dict[str, int]] = {day: counts for day, counts in by_day.items()}
    truth[None] = event
    assert not attacked(matrices, truth, PRESENT_REMAINDER, present=True)
