"""Seating a G360 day (225 people, 26 tables) and re-seating after no-shows and walk-ins."""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.domain.demo import plan_demo_event
from degenks_desktop.domain.seating import SeatPerson, SeatTable, seat_day


def g360_day() -> tuple[list[SeatPerson], list[SeatTable]]:
    event = plan_demo_event()
    themes = {theme.code: number for number, theme in enumerate(event.themes)}
    people = [
        SeatPerson(
            number,
            themes[p.first_theme],
            themes.get(p.second_theme or ""),
            tuple((key, str(getattr(p.profile, key))) for key in ("gender", "origin", "education"))
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


def test_seat_a_g360_day(benchmark: BenchmarkFixture) -> None:
    people, tables = g360_day()
    seating = benchmark.pedantic(
        seat_day, args=(people, tables), kwargs={"time_limit": 2.0}, rounds=3
    )
    assert len(seating.table_of) == len(people)
    benchmark.extra_info["first_choice_share"] = round(seating.first_choice_share, 3)
    benchmark.extra_info["gap"] = seating.gap


def test_reseat_after_no_shows_and_walk_ins(benchmark: BenchmarkFixture) -> None:
    people, tables = g360_day()
    first = seat_day(people, tables, time_limit=2.0)
    again = [
        SeatPerson(
            p.id, p.first_theme, p.second_theme, p.answers, current_table=first.table_of[p.id]
        )
        for p in people[10:]
    ]
    again += [SeatPerson(10_000 + n, n % 8, None) for n in range(5)]
    seating = benchmark.pedantic(
        seat_day, args=(again, tables), kwargs={"time_limit": 0.5}, rounds=3
    )
    assert len(seating.table_of) == len(again)
    benchmark.extra_info["moved"] = seating.moved
