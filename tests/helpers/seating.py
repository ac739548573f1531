"""Day 1 of the demo G360 as the seating engine sees it: 225 people at 26 tables."""

from __future__ import annotations

from collections.abc import Sequence

from degenks_desktop.demo.plan import plan_demo_event
from degenks_desktop.domain.diversity import age_band
from degenks_desktop.domain.seating import SeatPerson, SeatTable

EVENT_YEAR = 2013


def g360_day_one(
    answers: Sequence[str] = ("gender", "origin"),
) -> tuple[list[SeatPerson], list[SeatTable]]:
    """Day 1's people with their theme choices and the `answers` (plus the age band) that
    their tables should mix, and the day's tables."""
    event = plan_demo_event()
    themes = {theme.code: number for number, theme in enumerate(event.themes)}
    people = [
        SeatPerson(
            number,
            themes[p.first_theme],
            themes.get(p.second_theme or ""),
            (
                *((key, str(getattr(p.profile, key) or "")) for key in answers),
                ("age_band", age_band(p.profile.birth_year or 1970, EVENT_YEAR)),
            )
            if p.profile
            else (),
        )
        for number, p in enumerate(event.people)
        if p.day_number == 1
    ]
    tables = [
        SeatTable(number, themes[t.theme], t.capacity)
        for number, t in enumerate(event.tables)
        if t.day_number == 1
    ]
    return people, tables
