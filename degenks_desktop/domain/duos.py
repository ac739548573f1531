"""Duos at a table: partners who differ most, and one trio when the table is odd.

The duos of a table are the split of its people into pairs (and, at an odd table, one
trio) with the largest sum of how much partners differ, every pair of a trio counted.
For tables up to `EXACT_UP_TO` people that split is found exactly, trio included, by
dynamic programming over who is still without a partner; beyond that networkx's
maximum-weight matching pairs everyone and the odd one out joins the pair they add most
to. People who asked to stay together weigh so much that they are always partners.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

import networkx as nx

from degenks_desktop.domain.seats import SeatPerson

STAY_TOGETHER_WEIGHT = 1000.0
EXACT_UP_TO = 14
"""Tables of at most this many people get the exact best split (about 10 ms at 14)."""


def dissimilarity(a: SeatPerson, b: SeatPerson) -> float:
    """How many answers two people differ on (a shared answer counts 0, a missing one ½)."""
    answers_a, answers_b = dict(a.answers), dict(b.answers)
    score = 0.0
    for category in set(answers_a) | set(answers_b):
        if category not in answers_a or category not in answers_b:
            score += 0.5
        elif answers_a[category] != answers_b[category]:
            score += 1.0
    return score


def pair_weight(a: SeatPerson, b: SeatPerson) -> float:
    """What pairing two people is worth: how much they differ, and far more when they
    asked to stay together."""
    weight = 1.0 + dissimilarity(a, b)
    if a.together and a.together == b.together:
        weight += STAY_TOGETHER_WEIGHT
    return weight


def form_duos(people: Sequence[SeatPerson]) -> tuple[tuple[int, ...], ...]:
    """Pairs that differ most; at an odd table one trio, chosen with the pairs."""
    if len(people) < 2:
        return (tuple(p.id for p in people),) if people else ()
    if len(people) == 3:
        return (tuple(sorted(p.id for p in people)),)
    weights = [[pair_weight(a, b) if a is not b else 0.0 for b in people] for a in people]
    groups = _best_split(weights) if len(people) <= EXACT_UP_TO else _matched_split(weights)
    return tuple(sorted(tuple(sorted(people[i].id for i in group)) for group in groups))


def _best_split(weights: list[list[float]]) -> list[tuple[int, ...]]:
    """The exact best split of everyone into pairs (and one trio when odd).

    best[mask] is the best pairing of the people in `mask` (an even number of them):
    its lowest member is paired with each other member in turn. An odd table then tries
    each trio with the best pairing of everyone else.
    """
    count = len(weights)
    full = (1 << count) - 1
    best = [0.0] * (1 << count)
    partner = [-1] * (1 << count)
    for mask in range(1, 1 << count):
        if mask.bit_count() % 2:
            continue
        lowest = (mask & -mask).bit_length() - 1
        rest = mask ^ (1 << lowest)
        row = weights[lowest]
        top, chosen = -1.0, -1
        others = rest
        while others:
            bit = others & -others
            other = bit.bit_length() - 1
            value = row[other] + best[rest ^ bit]
            if value > top:
                top, chosen = value, other
            others ^= bit
        best[mask], partner[mask] = top, chosen

    def pairs_of(mask: int) -> list[tuple[int, ...]]:
        found: list[tuple[int, ...]] = []
        while mask:
            lowest = (mask & -mask).bit_length() - 1
            other = partner[mask]
            found.append((lowest, other))
            mask ^= (1 << lowest) | (1 << other)
        return found

    if count % 2 == 0:
        return pairs_of(full)
    trio = max(
        itertools.combinations(range(count), 3),
        key=lambda t: (
            weights[t[0]][t[1]]
            + weights[t[0]][t[2]]
            + weights[t[1]][t[2]]
            + best[full ^ (1 << t[0]) ^ (1 << t[1]) ^ (1 << t[2])]
        ),
    )
    return [trio, *pairs_of(full ^ (1 << trio[0]) ^ (1 << trio[1]) ^ (1 << trio[2]))]


def _matched_split(weights: list[list[float]]) -> list[tuple[int, ...]]:
    """For large tables: a maximum-weight matching; the odd one out joins the pair that
    gains most from them."""
    graph = nx.Graph()
    for a, b in itertools.combinations(range(len(weights)), 2):
        graph.add_edge(a, b, weight=weights[a][b])
    groups: list[tuple[int, ...]] = [
        tuple(pair) for pair in nx.max_weight_matching(graph, maxcardinality=True)
    ]
    paired = {person for pair in groups for person in pair}
    for person in range(len(weights)):
        if person not in paired:
            best = max(range(len(groups)), key=lambda i: sum(weights[person][m] for m in groups[i]))
            groups[best] = (*groups[best], person)
    return groups


def keep_duos(people: Sequence[SeatPerson]) -> tuple[tuple[int, ...], ...]:
    """Duos for one table that keep every pair still complete at it; only the rest re-pair.

    A partner who did not come leaves someone alone: they and the newcomers are paired
    among themselves (or join a kept duo as its third), so the room is disturbed least.
    """
    by_duo: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        if person.current_duo is not None:
            by_duo[person.current_duo].append(person)
    kept = [
        tuple(sorted(p.id for p in members)) for members in by_duo.values() if len(members) >= 2
    ]
    kept_ids = {person for duo in kept for person in duo}
    rest = [p for p in people if p.id not in kept_ids]
    if not rest:
        return tuple(sorted(kept))
    if len(rest) == 1 and kept:
        by_id = {p.id: p for p in people}
        loner = rest[0]
        pairs = [duo for duo in kept if len(duo) == 2] or kept
        best = max(pairs, key=lambda duo: sum(dissimilarity(loner, by_id[m]) for m in duo))
        kept[kept.index(best)] = (*best, loner.id)
        return tuple(sorted(kept))
    return tuple(sorted([*kept, *form_duos(rest)]))
