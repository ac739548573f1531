"""Duos on plain data: the split is the best there is, an odd table's trio included."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import networkx as nx
import pytest

from degenks_desktop.domain.duos import EXACT_UP_TO, form_duos, keep_duos, pair_weight
from degenks_desktop.domain.seating import SeatPerson

ANSWERS = {"origin": "btmi", "gender": "fm", "age_band": "12345", "education": "abc"}


def table_of(count: int, seed: int) -> list[SeatPerson]:
    rng = random.Random(seed)
    return [
        SeatPerson(n, 0, None, tuple((c, rng.choice(v)) for c, v in ANSWERS.items()))
        for n in range(count)
    ]


def splits(ids: list[int]) -> Iterator[list[tuple[int, ...]]]:
    """Every split of `ids` into pairs, with one trio when the count is odd."""
    if not ids:
        yield []
        return
    first, rest = ids[0], ids[1:]
    for other in rest:
        remaining = [i for i in rest if i != other]
        for split in splits(remaining):
            yield [(first, other), *split]
    if len(ids) % 2:
        for a, b in itertools.combinations(rest, 2):
            remaining = [i for i in rest if i not in (a, b)]
            if len(remaining) % 2 == 0:
                for split in _pairs_only(remaining):
                    yield [(first, a, b), *split]


def _pairs_only(ids: list[int]) -> Iterator[list[tuple[int, ...]]]:
    if not ids:
        yield []
        return
    for other in ids[1:]:
        for split in _pairs_only([i for i in ids[1:] if i != other]):
            yield [(ids[0], other), *split]


def worth(split: list[tuple[int, ...]], people: list[SeatPerson]) -> float:
    by_id = {p.id: p for p in people}
    return sum(
        pair_weight(by_id[a], by_id[b])
        for group in split
        for a, b in itertools.combinations(group, 2)
    )


@pytest.mark.parametrize(("count", "seed"), [(6, 1), (7, 2), (8, 3), (9, 4), (9, 5)])
def test_the_duos_are_the_best_split_there_is(count: int, seed: int) -> None:
    """Every split of the table tried by hand: none has partners who differ more."""
    people = table_of(count, seed)
    best = max(worth(split, people) for split in splits([p.id for p in people]))
    duos = form_duos(people)
    assert sorted(p for duo in duos for p in duo) == [p.id for p in people]
    assert sorted(len(d) for d in duos) == [2] * (count // 2 - count % 2) + [3] * (count % 2)
    assert worth(list(duos), people) == pytest.approx(best)


def pairs_then_the_odd_one(people: list[SeatPerson]) -> list[tuple[int, ...]]:
    """How the trio used to be made: a maximum-weight matching, then the one left over
    joins the pair they differ most from."""
    graph = nx.Graph()
    for a, b in itertools.combinations(people, 2):
        graph.add_edge(a.id, b.id, weight=pair_weight(a, b))
    duos = [tuple(pair) for pair in nx.max_weight_matching(graph, maxcardinality=True)]
    by_id = {p.id: p for p in people}
    for person in people:
        if all(person.id not in duo for duo in duos):
            best = max(duos, key=lambda d: sum(pair_weight(person, by_id[m]) for m in d))
            duos[duos.index(best)] = (*best, person.id)
    return duos


@pytest.mark.parametrize(("count", "seed"), [(7, 10), (9, 10)])
def test_an_odd_tables_trio_is_chosen_with_the_pairs_not_after_them(count: int, seed: int) -> None:
    """On these tables the pairing finished first leaves a worse trio than the best split."""
    people = table_of(count, seed)
    best = max(worth(split, people) for split in splits([p.id for p in people]))
    assert worth(pairs_then_the_odd_one(people), people) < best
    assert worth(list(form_duos(people)), people) == pytest.approx(best)


def test_people_who_stay_together_are_partners_even_in_a_trio() -> None:
    people = table_of(7, 3)
    together = [
        SeatPerson(p.id, 0, None, p.answers, together="family" if p.id < 3 else None)
        for p in people
    ]
    duos = form_duos(together)
    assert (0, 1, 2) in duos


def test_a_large_table_pairs_everyone_with_one_trio() -> None:
    people = table_of(EXACT_UP_TO + 3, 9)
    duos = form_duos(people)
    assert sorted(p for duo in duos for p in duo) == [p.id for p in people]
    assert sorted(len(d) for d in duos).count(3) == 1


def test_a_kept_duo_stays_and_the_one_left_alone_joins_a_pair() -> None:
    people = [
        SeatPerson(p.id, 0, None, p.answers, current_table=1, current_duo=p.id // 2)
        for p in table_of(5, 4)
    ]
    duos = keep_duos(people)
    assert (0, 1) in duos or (0, 1, 4) in duos
    assert (2, 3) in duos or (2, 3, 4) in duos
    assert sorted(p for duo in duos for p in duo) == [0, 1, 2, 3, 4]
