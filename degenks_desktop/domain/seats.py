"""Who and what a day's seating deals with: a person to seat and a table's chairs.

Apart from domain.seating so that its two parts, the table search and the duos, take
the same plain records without importing the seating that calls them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SeatPerson:
    """Someone to seat: their theme choices, their diversity answers, their ties."""

    id: int
    first_theme: int | None
    second_theme: int | None = None
    answers: tuple[tuple[str, str], ...] = ()
    together: str | None = None
    pinned_table: int | None = None
    current_table: int | None = None
    current_duo: int | None = None


@dataclass(frozen=True)
class SeatTable:
    """A table of the day: its theme and chairs."""

    id: int
    theme: int
    capacity: int
