"""Seating a G360 day (225 people, 26 tables) and re-seating after no-shows and walk-ins."""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.domain.seating import SeatPerson, SeatTable, seat_day, seating_quality
from tests.benchmarks.seating_baselines import greedy_restarts
from tests.helpers.seating import g360_day_one


def g360_day() -> tuple[list[SeatPerson], list[SeatTable]]:
    """Day 1 of the demo G360, mixing gender, origin, education and age."""
    return g360_day_one(("gender", "origin", "education"))


def test_seat_a_g360_day(benchmark: BenchmarkFixture) -> None:
    people, tables = g360_day()
    seating = benchmark.pedantic(
        seat_day, args=(people, tables), kwargs={"time_limit": 2.0}, rounds=3
    )
    assert len(seating.table_of) == len(people)
    benchmark.extra_info["first_choice_share"] = round(seating.first_choice_share, 3)
    benchmark.extra_info["gap"] = seating.gap


def test_live_reform_after_a_no_show(benchmark: BenchmarkFixture) -> None:
    """The desk's re-form: everyone stays, the no-show's partner gets the walk-in (aim < 100 ms)."""
    people, tables = g360_day()
    first = seat_day(people, tables, time_limit=2.0)
    duo_key = {
        p: hash((t, i)) for t, duos in first.duos.items() for i, duo in enumerate(duos) for p in duo
    }
    again = [
        SeatPerson(
            p.id,
            p.first_theme,
            p.second_theme,
            p.answers,
            current_table=first.table_of[p.id],
            current_duo=duo_key[p.id],
        )
        for p in people[1:]
    ]
    again.append(SeatPerson(10_000, people[0].first_theme, None))
    seating = benchmark(seat_day, again, tables, time_limit=0.0)
    assert seating.moved == 0
    assert 10_000 in seating.table_of


def test_against_greedy_with_restarts(benchmark: BenchmarkFixture) -> None:
    """Ours and groupselect's greedy side by side; the figures go to extra_info."""
    people, tables = g360_day()
    ours = seat_day(people, tables, time_limit=2.0)
    table_of, duos = benchmark.pedantic(greedy_restarts, args=(people, tables), rounds=1)
    theirs = seating_quality(table_of, duos, people)
    mine = seating_quality(ours.table_of, ours.duos, people)
    benchmark.extra_info.update(ours_imbalance=mine.imbalance, greedy_imbalance=theirs.imbalance)
    assert len(table_of) == len(people)
