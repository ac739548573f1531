"""Pools for the draw's benchmark: registrants of a city call, Belgians and the highly
educated over-represented as they are in such calls, with the city's shares as targets.

Five categories (gender, age, origin, education, neighbourhood); 7 % gave no origin.
"""

from __future__ import annotations

import random
from collections import Counter

from degenks_desktop.domain.diversity import ILLUSTRATIVE_TARGETS
from degenks_desktop.domain.sortition import NOT_GIVEN, Quota, Unit, propose_quotas

CITY = {
    **{key: ILLUSTRATIVE_TARGETS[key] for key in ("gender", "age_band", "origin", "education")},
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
