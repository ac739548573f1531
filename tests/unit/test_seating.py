"""The seating engine on plain data: capacity, choices, balance, mixed duos, ties, stability."""

from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import pytest

from degenks_desktop.domain.duos import dissimilarity, form_duos
from degenks_desktop.domain.seating import (
    SeatPerson,
    SeatTable,
    first_choice_bound,
    mix_score,
    seat_day,
)

ORIGINS = ["belgian", "italian", "turkish", "moroccan"]


def crowd(count: int, themes: int, seed: int = 1) -> list[SeatPerson]:
    rng = random.Random(seed)
    people = []
    for number in range(count):
        first = rng.randrange(themes)
        second = None if themes == 1 else (first + 1 + rng.randrange(themes - 1)) % themes
        answers = (("origin", rng.choice(ORIGINS)), ("gender", rng.choice("fm")))
        people.append(SeatPerson(number, first, second, answers))
    return people


def tables_for(themes: int, per_theme: int, capacity: int = 10) -> list[SeatTable]:
    return [
        SeatTable(theme * 100 + n, theme, capacity)
        for theme in range(themes)
        for n in range(per_theme)
    ]


def test_everyone_seated_within_capacity_and_balanced() -> None:
    people, tables = crowd(120, 4), tables_for(4, 4)
    seating = seat_day(people, tables, effort=0.2)
    assert len(seating.table_of) == 120 and seating.unseated == ()
    sizes = Counter(seating.table_of.values())
    for table in tables:
        assert sizes[table.id] <= table.capacity
    for theme in range(4):
        theme_sizes = [sizes[t.id] for t in tables if t.theme == theme]
        assert max(theme_sizes) - min(theme_sizes) <= 1


def test_first_choice_as_often_as_possible() -> None:
    # Everyone wants theme 0, which has 20 chairs: 20 get it, the rest their second.
    people = [SeatPerson(n, 0, 1 + n % 2) for n in range(50)]
    tables = tables_for(3, 2)
    seating = seat_day(people, tables, effort=0.1)
    assert first_choice_bound(people, tables) == 20
    assert seating.first_choice == 20 and seating.gap == 0
    table_theme = {t.id: t.theme for t in tables}
    for person in people:
        assert table_theme[seating.table_of[person.id]] in (0, person.second_theme)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_first_choice_bound_is_the_maximum_flow(seed: int) -> None:
    """The count per theme equals networkx's maximum flow from people to chairs."""
    rng = random.Random(seed)
    people = [SeatPerson(n, rng.randrange(5), None) for n in range(rng.randrange(20, 90))]
    tables = [SeatTable(n, rng.randrange(5), rng.randrange(4, 12)) for n in range(8)]
    graph = nx.DiGraph()
    for person in people:
        graph.add_edge("people", ("person", person.id), capacity=1)
        graph.add_edge(("person", person.id), ("theme", person.first_theme), capacity=1)
    for table in tables:
        graph.add_edge(("theme", table.theme), ("table", table.id), capacity=table.capacity)
        graph.add_edge(("table", table.id), "chairs", capacity=table.capacity)
    assert first_choice_bound(people, tables) == nx.maximum_flow_value(graph, "people", "chairs")


def test_tables_are_mixed_not_sorted() -> None:
    # Sorted input: a naive fill would put all Belgians together.
    people = [SeatPerson(n, 0, None, (("origin", ORIGINS[n // 10]),)) for n in range(40)]
    tables = tables_for(1, 4)
    seating = seat_day(people, tables, effort=0.2)
    for table in tables:
        origins = Counter(
            dict(p.answers)["origin"] for p in people if seating.table_of[p.id] == table.id
        )
        assert len(origins) >= 3, origins


def test_duos_pair_people_who_differ() -> None:
    people = [
        SeatPerson(n, 0, None, (("origin", ORIGINS[n % 2]), ("gender", "fm"[n // 2 % 2])))
        for n in range(8)
    ]
    duos = form_duos(people)
    assert len(duos) == 4
    by_id = {p.id: p for p in people}
    assert all(dissimilarity(by_id[a], by_id[b]) == 2 for a, b in duos)


def test_an_odd_table_gets_one_trio() -> None:
    duos = form_duos(crowd(7, 2))
    assert sorted(len(duo) for duo in duos) == [2, 2, 3]


def test_people_who_asked_stay_together() -> None:
    people = crowd(40, 2)
    interpreter = SeatPerson(100, 0, 1, (("origin", "belgian"),), together="tolk-1")
    listener = SeatPerson(101, 1, 0, (("origin", "turkish"),), together="tolk-1")
    seating = seat_day([*people, interpreter, listener], tables_for(2, 3), effort=0.2)
    assert seating.table_of[100] == seating.table_of[101]
    duo_of = {p: duo for duos in seating.duos.values() for duo in duos for p in duo}
    assert 101 in duo_of[100]


def test_a_rerun_moves_as_few_as_possible() -> None:
    people, tables = crowd(80, 2), tables_for(2, 4)
    first = seat_day(people, tables, effort=0.1)
    again = [
        SeatPerson(
            p.id, p.first_theme, p.second_theme, p.answers, current_table=first.table_of[p.id]
        )
        for p in people
    ]
    # Two no-shows leave; a walk-in arrives.
    again = [*again[2:], SeatPerson(999, 1, 0, (("origin", "moroccan"),))]
    second = seat_day(again, tables, effort=0.1)
    assert second.moved <= 4
    assert 999 in second.table_of


def test_pins_are_kept() -> None:
    people, tables = crowd(30, 2), tables_for(2, 2)
    pinned = SeatPerson(500, 0, None, pinned_table=tables[-1].id)
    seating = seat_day([*people, pinned], tables, effort=0.1)
    assert seating.table_of[500] == tables[-1].id


def test_more_people_than_chairs_are_reported_unseated() -> None:
    seating = seat_day(crowd(25, 1), tables_for(1, 2), effort=0.1)
    assert len(seating.table_of) == 20 and len(seating.unseated) == 5


def test_partners_of_no_shows_get_new_partners_and_other_duos_hold() -> None:
    people = [SeatPerson(n, 0, None, (("origin", ORIGINS[n % 4]),)) for n in range(10)]
    tables = tables_for(1, 1, capacity=12)
    first = seat_day(people, tables, effort=0.1)
    duo_of = {p: number for number, duo in enumerate(first.duos[tables[0].id]) for p in duo}
    seated = [
        SeatPerson(p.id, 0, None, p.answers, current_table=tables[0].id, current_duo=duo_of[p.id])
        for p in people
    ]
    no_show = first.duos[tables[0].id][0][0]
    left_alone = first.duos[tables[0].id][0][1]
    present = [p for p in seated if p.id != no_show]
    walk_in = SeatPerson(77, 0, None, (("origin", "moroccan"),))
    second = seat_day([*present, walk_in], tables, effort=0.1)
    new_duos = second.duos[tables[0].id]
    for duo in first.duos[tables[0].id][1:]:
        assert duo in new_duos  # untouched pairs stay as they were
    assert tuple(sorted((left_alone, 77))) in new_duos  # the one left alone meets the walk-in


def test_the_mix_score_says_how_like_the_day_a_table_is() -> None:
    day = {"origin": Counter({"belgian": 50, "turkish": 50})}
    same = [(("origin", "belgian"),), (("origin", "turkish"),)] * 3
    one_sided = [(("origin", "belgian"),)] * 6
    assert mix_score(same, day) == 100
    assert mix_score(one_sided, day) == 50
    assert mix_score([], day) == 100
