"""The ten best ideas: by the room's dots, and a tie across place ten left to the table."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.selection import (
    SelectionError,
    after_runoff,
    settle_by_choice,
    top_ideas,
)

dot_counts = st.dictionaries(st.integers(1, 500), st.integers(0, 12), max_size=40)


def test_a_clear_top_ten_needs_no_decision() -> None:
    dots = {idea: 30 - idea for idea in range(1, 16)}
    standing = top_ideas(dots)
    assert standing.sure == tuple(range(1, 11))
    assert not standing.is_tied


def test_a_tie_across_place_ten_is_shown_not_broken() -> None:
    # Eight ideas clearly in; places 9 and 10 are shared by four ideas with 3 dots.
    dots = {idea: 10 for idea in range(1, 9)} | {9: 3, 10: 3, 11: 3, 12: 3, 13: 1}
    standing = top_ideas(dots)
    assert set(standing.sure) == set(range(1, 9))
    assert standing.tied == (9, 10, 11, 12)
    assert standing.open_places == 2
    assert standing.is_tied


def test_a_runoff_settles_the_tie_or_narrows_it() -> None:
    dots = {idea: 10 for idea in range(1, 9)} | {9: 3, 10: 3, 11: 3, 12: 3}
    tied = top_ideas(dots)
    settled = after_runoff(tied, {11: 4, 9: 2, 10: 1, 12: 0})
    assert settled.sure[-2:] == (11, 9)
    assert not settled.is_tied
    again = after_runoff(tied, {11: 4, 9: 2, 10: 2, 12: 0})
    assert again.sure[-1] == 11
    assert (again.tied, again.open_places) == ((9, 10), 1)
    with pytest.raises(SelectionError):
        after_runoff(tied, {1: 5})


def test_the_tables_choice_must_fill_exactly_the_open_places_from_the_tied() -> None:
    dots = {idea: 10 for idea in range(1, 9)} | {9: 3, 10: 3, 11: 3}
    standing = top_ideas(dots)
    assert settle_by_choice(standing, [11, 9])[-2:] == (11, 9)
    for wrong in ([9], [9, 10, 11], [9, 1], [9, 9]):
        with pytest.raises(SelectionError):
            settle_by_choice(standing, wrong)


def test_places_are_shared_by_equal_dots() -> None:
    standing = top_ideas({1: 5, 2: 4, 3: 4, 4: 2})
    assert standing.places() == {1: 1, 2: 2, 3: 2, 4: 4}


@given(dot_counts)
def test_the_selection_follows_the_dots_only(dots: dict[int, int]) -> None:
    standing = top_ideas(dots)
    chosen = set(standing.sure)
    outside = set(dots) - chosen - set(standing.tied)
    assert len(chosen) + standing.open_places == min(10, len(dots))
    if chosen and outside:
        assert min(dots[i] for i in chosen) >= max(dots[i] for i in outside)
    if standing.is_tied:
        assert len({dots[i] for i in standing.tied}) == 1
        assert len(standing.tied) > standing.open_places
        assert all(dots[i] > dots[standing.tied[0]] for i in chosen)


@given(dot_counts, st.randoms(use_true_random=False))
def test_who_gets_in_never_depends_on_the_order_ideas_were_typed(
    dots: dict[int, int], rng: random.Random
) -> None:
    # Give every idea another id (as if typed in another order): the same dots get in.
    ids = list(dots)
    shuffled = ids[:]
    rng.shuffle(shuffled)
    renamed = dict(zip(ids, shuffled, strict=True))
    standing = top_ideas(dots)
    other = top_ideas({renamed[idea]: count for idea, count in dots.items()})
    assert {renamed[i] for i in standing.sure} == set(other.sure)
    assert {renamed[i] for i in standing.tied} == set(other.tied)
