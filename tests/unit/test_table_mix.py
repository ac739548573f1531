"""How far a table's make-up is from the day's: the largest gap, in three words."""

from __future__ import annotations

from degenks_desktop.domain.table_mix import Mix, largest_gap, mix_verdict

DAY = {"f": 50, "m": 48, "x": 2}


def test_the_gap_is_the_largest_difference_in_percentage_points() -> None:
    assert largest_gap({"f": 4, "m": 4}, DAY) == 2.0  # x: 0 % here, 2 % on the day
    assert largest_gap({"f": 8}, DAY) == 50.0
    assert largest_gap({}, DAY) is None
    assert largest_gap({"f": 3}, {}) is None


def test_a_mirror_of_the_day_is_close_and_a_one_sided_table_far_off() -> None:
    assert mix_verdict({"f": 4, "m": 4}, DAY) is Mix.CLOSE
    assert mix_verdict({"f": 6, "m": 2}, DAY) is Mix.SOMEWHAT_OFF  # 25 points
    assert mix_verdict({"f": 7, "m": 1}, DAY) is Mix.FAR_OFF  # 37.5 points
    assert mix_verdict({"f": 8}, DAY) is Mix.FAR_OFF


def test_the_bounds_belong_to_the_worse_word() -> None:
    day = {"a": 1, "b": 1}
    assert mix_verdict({"a": 7, "b": 3}, day) is Mix.SOMEWHAT_OFF  # exactly 20 points
    assert mix_verdict({"a": 17, "b": 3}, day) is Mix.FAR_OFF  # exactly 35 points


def test_fewer_than_five_answers_are_not_compared() -> None:
    assert mix_verdict({"f": 4}, DAY) is Mix.TOO_FEW
    assert mix_verdict({"f": 5}, DAY) is Mix.FAR_OFF
    assert mix_verdict({"f": 5}, {}) is Mix.TOO_FEW
