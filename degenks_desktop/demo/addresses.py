"""Postal addresses for the demo's people: real streets of Genk and of three towns nearby.

The streets are data, in data/addresses.json; this module reads them once and draws an
address from a seeded random generator, so that the same seed gives the same addresses.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

# Now and then a flat: Flemish addresses write its letterbox as "bus".
FLAT_SHARE = 0.12
HIGHEST_HOUSE_NUMBER = 180


@dataclass(frozen=True)
class DemoTown:
    """A town the demo's people live in, with its streets and its share of them."""

    postcode: str
    town: str
    weight: float
    streets: tuple[str, ...]


@dataclass(frozen=True)
class DemoAddress:
    """A street and house number, a postcode and a town."""

    street: str
    postcode: str
    town: str


@cache
def demo_towns() -> tuple[DemoTown, ...]:
    """The towns of the addresses file, read once."""
    text = (files("degenks_desktop.demo") / "data" / "addresses.json").read_text(encoding="utf-8")
    towns = json.loads(text)["towns"]
    # A malformed file fails here, not as an odd address in the middle of a demo.
    if not towns or not all(town["streets"] for town in towns):
        raise ValueError("addresses.json: every town needs streets")
    return tuple(
        DemoTown(
            str(town["postcode"]),
            str(town["town"]),
            float(town["weight"]),
            tuple(str(street) for street in town["streets"]),
        )
        for town in towns
    )


def demo_address(rng: random.Random) -> DemoAddress:
    """An address in Genk, or now and then in Hasselt, Diepenbeek or Houthalen-Helchteren."""
    towns = demo_towns()
    town = rng.choices(towns, weights=[town.weight for town in towns])[0]
    street = f"{rng.choice(town.streets)} {rng.randint(1, HIGHEST_HOUSE_NUMBER)}"
    if rng.random() < FLAT_SHARE:
        street += f" bus {rng.randint(1, 12)}"
    return DemoAddress(street, town.postcode, town.town)
