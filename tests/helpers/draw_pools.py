"""Pools for the draw's benchmark: registrants of a city call, Belgians and the highly
educated over-represented as they are in such calls, with the city's shares as targets.

Five categories (gender, age, origin, education, neighbourhood); 7 % gave no origin.
"""

from __future__ import annotations

import random
from collections import Counter

from degenks_desktop.domain.sortition import NOT_GIVEN, Quota, Unit, propose_quotas

CITY = {
    "gender": {"f": 0.5, "m": 0.49, "x": 0.01},
    "age_band": {"16-24": 0.14, "25-34": 0.17, "35-49": 0.26, "50-64": 0.24, "65+": 0.19},
    "origin": {
        "belgian": 0.46,
        "italian": 0.15,
        "turkish": 0.17,
        "moroccan": 0.08,
        "greek": 0.02,
        "polish": 0.03,
        "spanish": 0.02,
        "other_eu": 0.03,
        "other": 0.04,
    },
    "education": {"primary": 0.25, "secondary": 0.45, "higher": 0.30},
    "neighbourhood": {f"wijk {n}": 1 / 8 for n in range(1, 9)},
}
WHO_REGISTERS = {
    "origin": {
        "belgian": 0.62,
        "italian": 0.12,
        "turkish": 0.07,
        "moroccan": 0.03,
        "greek": 0.02,
        "polish": 0.02,
        "spanish": 0.01,
        "other_eu": 0.02,
        "other": 0.02,
        NOT_GIVEN: 0.07,
    },
    "education": {"primary": 0.12, "secondary": 0.38, "higher": 0.5},
}


def city_pool(registrants: int, places: int, *, seed: int = 1) -> tuple[list[Unit], list[Quota]]:
    """`registrants` people one by one, and the quotas proposed for `places` (±20 %)."""
    rng = random.Random(seed)
    units = []
    for number in range(registrants):
        answers = {}
        for category, shares in CITY.items():
            drawn_from = WHO_REGISTERS.get(category, shares)
            answers[category] = rng.choices(list(drawn_from), list(drawn_from.values()))[0]
        units.append(Unit(f"p{number}", (number,), (answers,)))
    pool = {c: Counter(unit.answers[0][c] for unit in units) for c in CITY}
    return units, propose_quotas(pool, CITY, places, 0.2)
