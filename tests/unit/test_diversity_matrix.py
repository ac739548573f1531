"""The diversity matrix's arithmetic: shares, gaps, and small groups never shown."""

from __future__ import annotations

from degenks_desktop.domain.diversity import GENDER, ORIGIN, category_matrix, suppress_small


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
    assert rows["moroccan"].below_target  # 6 % against 8 %
    assert not rows["italian"].below_target  # 20 % against 15 %
    assert not rows["belgian"].below_target
    # Four Greek participants: neither their number nor their share is shown.
    assert (rows["greek"].registered, rows["greek"].registered_share) == (None, None)
    assert rows["turkish"].checked_in == 5
    assert rows["turkish"].checked_in_share == 5 / 35
    assert rows["polish"].registered == 0


def test_nobody_answered_means_no_shares_and_no_gaps() -> None:
    matrix = category_matrix(GENDER, registered={}, checked_in={}, targets={"f": 0.5})
    assert all(row.registered_share is None and not row.below_target for row in matrix.rows)
