"""What no seating can beat, and the synthetic days the seating is measured on.

Two lower bounds on a day's imbalance (the sum over tables and answers of |count −
table size × the day's share|), for tables of given sizes:

- `per_table_bound`: each table on its own, every category rounded as closely as its size
  allows (the floors of size × share, plus ones for the largest remainders). It ignores
  that the tables share one day's people, so it is loose.
- `shared_people_bound`: per category, the best way to share out the day's people of each
  answer over the tables (an integer transport problem, solved exactly with HiGHS). Any
  seating's counts are one such sharing, so no seating does better; and it is at least
  the per-table bound.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import highspy

from degenks_desktop.domain.seating import SeatPerson, answer_counts

CITY_CATEGORIES: dict[str, list[int]] = {
    # Weights per answer, roughly Genk's: six categories, as the benchmark has.
    "gender": [50, 50],
    "age_band": [14, 17, 26, 25, 18],
    "origin": [46, 15, 17, 8, 14],
    "education": [30, 45, 25],
    "work": [55, 10, 20, 15],
    "neighbourhood": [20, 15, 12, 10, 10, 9, 8, 8, 8],
}


def city_day(count: int, seed: int) -> list[SeatPerson]:
    """`count` people of one theme with six answers each, drawn with Genk-like weights."""
    rng = random.Random(seed)
    return [
        SeatPerson(
            number,
            0,
            None,
            tuple(
                (category, str(rng.choices(range(len(weights)), weights)[0]))
                for category, weights in CITY_CATEGORIES.items()
            ),
        )
        for number in range(count)
    ]


def even_sizes(count: int, table_size: int = 10) -> list[int]:
    """Tables of at most `table_size`, as few as can hold `count`, within one of each other."""
    tables = -(-count // table_size)
    return [count // tables + (1 if t < count % tables else 0) for t in range(tables)]


def per_table_bound(people: Sequence[SeatPerson], sizes: Sequence[int]) -> float:
    """Each table's best rounding of the day's shares, summed (no seating does better)."""
    total = 0.0
    for values in answer_counts(people).values():
        answered = sum(values.values())
        for size in sizes:
            targets = [size * n / answered for n in values.values()]
            counts = [math.floor(target) for target in targets]
            largest = sorted(range(len(targets)), key=lambda i: counts[i] - targets[i])
            for index in largest[: size - sum(counts)]:
                counts[index] += 1
            total += sum(abs(c - t) for c, t in zip(counts, targets, strict=True))
    return total


def shared_people_bound(people: Sequence[SeatPerson], sizes: Sequence[int]) -> float:
    """Per category, the best sharing of each answer's people over the tables (exact)."""
    total = 0.0
    for values in answer_counts(people).values():
        answered = sum(values.values())
        highs = highspy.Highs()
        highs.silent()
        count = {
            (t, v): highs.addIntegral(lb=0, ub=size) for t, size in enumerate(sizes) for v in values
        }
        deviations = []
        for t, size in enumerate(sizes):
            for value, n in values.items():
                gap = highs.addVariable(lb=0)
                target = size * n / answered
                highs.addConstr(gap >= count[t, value] - target)
                highs.addConstr(gap >= target - count[t, value])
                deviations.append(gap)
            highs.addConstr(sum(count[t, v] for v in values) == size)
        for value, n in values.items():
            highs.addConstr(sum(count[t, value] for t in range(len(sizes))) == n)
        highs.minimize(sum(deviations))
        total += highs.getInfo().objective_function_value
    return total
