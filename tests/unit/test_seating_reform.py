"""The desk's live re-form of a seated G360 day after a no-show and a walk-in.

With no time to search (effort 0, as the desk runs it), everyone present keeps their
table and their partner; the walk-in takes the chair the no-show left and becomes the
partner of the one left alone.
"""

from __future__ import annotations

from collections import Counter

from degenks_desktop.domain.seating import Seating, SeatPerson, SeatTable, seat_day
from tests.helpers.seating import g360_day_one

WALK_IN = 10_000


def a_no_show(seating: Seating, tables: list[SeatTable]) -> tuple[int, int]:
    """(no-show, their partner): one of a pair, at a table of a theme with several tables
    that is the emptiest of its theme once they are gone."""
    size = Counter(seating.table_of.values())
    for table in tables:
        others = [t for t in tables if t.theme == table.theme and t.id != table.id]
        if others and all(
            (size[table.id] - 1) / table.capacity < size[t.id] / t.capacity for t in others
        ):
            pair = next((duo for duo in seating.duos[table.id] if len(duo) == 2), None)
            if pair is not None:
                return pair[0], pair[1]
    raise AssertionError("no table where a no-show leaves the emptiest chair of its theme")


def test_a_live_reform_moves_nobody_and_pairs_the_walk_in_with_the_one_left_alone() -> None:
    people, tables = g360_day_one()
    first = seat_day(people, tables, effort=0.1)
    assert len(first.table_of) == len(people)
    no_show, left_alone = a_no_show(first, tables)
    duo_of = {
        p: (t, i) for t, duos in first.duos.items() for i, duo in enumerate(duos) for p in duo
    }
    present = [
        SeatPerson(
            p.id,
            p.first_theme,
            p.second_theme,
            p.answers,
            current_table=first.table_of[p.id],
            current_duo=hash(duo_of[p.id]),
        )
        for p in people
        if p.id != no_show
    ]
    table_theme = {t.id: t.theme for t in tables}
    walk_in = SeatPerson(WALK_IN, table_theme[first.table_of[no_show]], None)

    again = seat_day([*present, walk_in], tables, effort=0.0)

    assert again.moved == 0
    assert all(again.table_of[p.id] == first.table_of[p.id] for p in present)
    assert no_show not in again.table_of
    assert again.table_of[WALK_IN] == first.table_of[no_show]
    now = {frozenset(duo) for duos in again.duos.values() for duo in duos}
    before = {frozenset(duo) for duos in first.duos.values() for duo in duos}
    assert {duo for duo in before if no_show not in duo} <= now  # every other duo holds
    assert frozenset({left_alone, WALK_IN}) in now
