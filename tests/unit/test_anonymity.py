"""Anonymous rows: every combination they show is shared by five, and nothing is made up."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from degenks_desktop.domain.anonymity import Coarsening, Value, k_anonymous


def tens(value: Value) -> Value:
    """A number made coarser: its ten (17 -> 10)."""
    return None if not isinstance(value, int) else value - value % 10


rows_strategy = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=3),
        st.sampled_from(["a", "b", "c", "d"]),
        st.integers(min_value=0, max_value=40),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(rows_strategy)
def test_every_shown_combination_holds_five_rows(rows: list[tuple[int, str, int]]) -> None:
    steps = [Coarsening(2, tens), Coarsening(1), Coarsening(2), Coarsening(0)]
    result = k_anonymous(rows, quasi=[0, 1, 2], steps=steps)
    if len(rows) < 5:
        assert result == []
        return
    assert len(result) == len(rows)
    assert min(Counter(tuple(row) for row in result).values()) >= 5
    # Each value is the real one, a coarser one, or blank: nothing is made up.
    originals = Counter(rows)
    for day, letter, number in result:
        assert day is None or any(original[0] == day for original in originals)
        assert letter is None or any(original[1] == letter for original in originals)
        assert number is None or any(number in (o[2], tens(o[2])) for o in originals)
    # Sorted by what the rows show.
    assert result == sorted(result, key=lambda row: [(v is None, v or 0) for v in row])


def test_a_common_combination_is_left_as_it_is() -> None:
    # The lone row needs four others to hide among: the group of ten can spare them.
    rows = [(1, "a", 12)] * 10 + [(1, "b", 13)]
    result = k_anonymous(rows, quasi=[0, 1, 2], steps=[Coarsening(2), Coarsening(1)])
    assert result.count([1, "a", 12]) == 6
    assert result.count([None, None, None]) == 5
