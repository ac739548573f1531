"""What our seating is measured against: random seating, groupselect's greedy with
restarts, and an exact MIP on HiGHS with a time limit (tables only; duos as ours)."""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence

import highspy

from degenks_desktop.domain.duos import form_duos
from degenks_desktop.domain.seating import (
    SeatPerson,
    SeatTable,
    _choose_themes,
    day_shares,
    imbalance,
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


def greedy_restarts(
    people: Sequence[SeatPerson], tables: Sequence[SeatTable], restarts: int = 100, seed: int = 0
) -> tuple[dict[int, int], Duos]:
    """groupselect's deal: each person to the table with the fewest people alike, 100 times."""
    rng = random.Random(seed)
    best: dict[int, int] = {}
    best_score = float("inf")
    groups = _by_theme(people, tables)
    for _restart in range(restarts):
        table_of: dict[int, int] = {}
        for theme, members in groups.items():
            theme_tables = [t for t in tables if t.theme == theme]
            seated: dict[int, list[SeatPerson]] = {t.id: [] for t in theme_tables}
            size_cap = -(-len(members) // len(theme_tables))
            for person in rng.sample(members, len(members)):
                answers = set(person.answers)
                room = [t for t in theme_tables if len(seated[t.id]) < min(t.capacity, size_cap)]
                target = min(
                    room,
                    key=lambda t: (
                        sum(len(answers & set(other.answers)) for other in seated[t.id]),
                        len(seated[t.id]),
                        rng.random(),
                    ),
                )
                seated[target.id].append(person)
                table_of[person.id] = target.id
        score = imbalance(table_of, people)
        if score < best_score:
            best, best_score = table_of, score
    return best, _duos(best, people, tables)


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


def synthetic_day(
    count: int, themes: int = 8, seed: int = 3
) -> tuple[list[SeatPerson], list[SeatTable]]:
    """A day of `count` people with Genk-like answers, about ten to a table."""
    rng = random.Random(seed)
    origins = (
        ["belgian"] * 46 + ["italian"] * 15 + ["turkish"] * 17 + ["moroccan"] * 8 + ["other"] * 14
    )
    ages = ["16-24", "25-34", "35-49", "50-64", "65+"]
    people = []
    for number in range(count):
        first = rng.randrange(themes)
        people.append(
            SeatPerson(
                number,
                first,
                (first + 1) % themes,
                (
                    ("gender", rng.choice("fm")),
                    ("origin", rng.choice(origins)),
                    ("age_band", rng.choice(ages)),
                    ("education", rng.choice(["primary", "secondary", "higher"])),
                ),
            )
        )
    per_theme = Counter(p.first_theme for p in people)
    tables = []
    for theme in range(themes):
        for n in range(max(1, -(-per_theme[theme] // 10))):
            tables.append(SeatTable(theme * 1000 + n, theme, 12))
    return people, tables
