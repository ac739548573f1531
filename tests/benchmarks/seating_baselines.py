"""What our seating is measured against besides groupselect-lib (groupselect_peer.py):
random seating, and an exact MIP on HiGHS with a time limit (tables only; duos as ours)."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Sequence

import highspy

from degenks_desktop.domain.duos import form_duos
from degenks_desktop.domain.seating import (
    SeatPerson,
    SeatTable,
    _choose_themes,
    day_shares,
)

Duos = dict[int, tuple[tuple[int, ...], ...]]


def _by_theme(
    people: Sequence[SeatPerson], tables: Sequence[SeatTable]
) -> dict[int, list[SeatPerson]]:
    theme_of, _unseated = _choose_themes(people, tables)
    groups: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        if person.id in theme_of:
            groups[theme_of[person.id]].append(person)
    return groups


def random_seating(
    people: Sequence[SeatPerson], tables: Sequence[SeatTable], seed: int = 0
) -> tuple[dict[int, int], Duos]:
    """Same themes as ours, tables dealt at random (balanced sizes), random duos."""
    rng = random.Random(seed)
    table_of: dict[int, int] = {}
    for theme, members in _by_theme(people, tables).items():
        theme_tables = [t.id for t in tables if t.theme == theme]
        shuffled = rng.sample(members, len(members))
        for index, person in enumerate(shuffled):
            table_of[person.id] = theme_tables[index % len(theme_tables)]
    duos: Duos = {}
    for table in tables:
        seated = [p.id for p in people if table_of.get(p.id) == table.id]
        rng.shuffle(seated)
        pairs = [tuple(seated[i : i + 2]) for i in range(0, len(seated) - 1, 2)]
        if len(seated) % 2 and pairs:
            pairs[-1] = (*pairs[-1], seated[-1])
        duos[table.id] = tuple(pairs)
    return table_of, duos


def _duos(
    table_of: dict[int, int], people: Sequence[SeatPerson], tables: Sequence[SeatTable]
) -> Duos:
    return {t.id: form_duos([p for p in people if table_of.get(p.id) == t.id]) for t in tables}


def mip_seating(
    people: Sequence[SeatPerson], tables: Sequence[SeatTable], time_limit: float = 60.0
) -> tuple[dict[int, int], Duos, float, float]:
    """Minimum imbalance per theme as a MIP on HiGHS; returns the seating, best and bound."""
    shares = day_shares(people)
    table_of: dict[int, int] = {}
    objective = bound = 0.0
    groups = _by_theme(people, tables)
    deadline = time.monotonic() + time_limit
    for index, (theme, members) in enumerate(groups.items()):
        theme_tables = [t for t in tables if t.theme == theme]
        h = highspy.Highs()
        h.silent()
        h.setOptionValue(
            "time_limit", max(1.0, (deadline - time.monotonic()) / (len(groups) - index))
        )
        x = {(p.id, t.id): h.addBinary() for p in members for t in theme_tables}
        for p in members:
            h.addConstr(sum(x[p.id, t.id] for t in theme_tables) == 1)
        low = len(members) // len(theme_tables)
        for t in theme_tables:
            size = sum(x[p.id, t.id] for p in members)
            h.addConstr(size <= min(t.capacity, -(-len(members) // len(theme_tables))))
            h.addConstr(size >= low)
        deviations = []
        for t in theme_tables:
            size = sum(x[p.id, t.id] for p in members)
            for category, values in shares.items():
                for value, share in values.items():
                    count = sum(
                        x[p.id, t.id] for p in members if dict(p.answers).get(category) == value
                    )
                    d = h.addVariable(lb=0)
                    h.addConstr(d >= count - share * size)
                    h.addConstr(d >= share * size - count)
                    deviations.append(d)
        h.minimize(sum(deviations))
        info = h.getInfo()
        objective += info.objective_function_value  # inf when no solution was found in time
        bound += info.mip_dual_bound
        if info.objective_function_value == float("inf"):
            continue
        for (person, table), variable in x.items():
            if h.val(variable) > 0.5:
                table_of[person] = table
    return table_of, _duos(table_of, people, tables), objective, bound
