"""Realistic first and last names of Genk residents, by origin, for the demo data generator.

The names themselves are data, in data/names.json; this module reads them once, as tuples.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

ORIGINS: tuple[str, ...] = (
    "belgian",
    "italian",
    "turkish",
    "moroccan",
    "greek",
    "polish",
    "spanish",
    "other_eu",
    "other",
)


@cache
def _data() -> dict[str, Any]:
    """The names file, read once for all the tables below."""
    text = (files("degenks_desktop.demo") / "data" / "names.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _strings(value: object) -> tuple[str, ...]:
    # A malformed file fails here, at import, not as an odd name in the middle of a demo.
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"names.json: expected a list of strings, got {value!r}")
    return tuple(value)


def _full_names(value: object) -> tuple[tuple[str, str, str], ...]:
    """(first name, last name, gender) triples."""
    if not isinstance(value, list):
        raise ValueError(f"names.json: expected a list of names, got {value!r}")
    triples = [_strings(item) for item in value]
    if any(len(triple) != 3 for triple in triples):
        raise ValueError(f"names.json: expected [first, last, gender] names, got {value!r}")
    return tuple((first, last, gender) for first, last, gender in triples)


FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    origin: {gender: _strings(names) for gender, names in by_gender.items()}
    for origin, by_gender in _data()["first_names"].items()
}
LAST_NAMES: dict[str, tuple[str, ...]] = {
    origin: _strings(names) for origin, names in _data()["last_names"].items()
}
# Now and then a citizen registers in their own script: Greek or Arabic.
NATIVE_SCRIPT_NAMES: dict[str, tuple[tuple[str, str, str], ...]] = {
    origin: _full_names(names) for origin, names in _data()["native_script_names"].items()
}
# Now and then a very long name, as some citizens write theirs: badges must keep it whole.
LONG_NAMES: tuple[tuple[str, str, str], ...] = _full_names(_data()["long_names"])
