"""The draw beside the Sortition Foundation library's legacy algorithm, on the same pool
and quotas: the G360 (449 registered, 360 places) and a city-wide call (10,000 for
1,000), five categories, quotas from the city's shares ±20 %.

Maximin's lowest chance is exact (from its lottery). Legacy gives none: it is estimated
from repeated draws as the lowest share of draws that took a person, over people who
answered alike (an estimate that reads low when draws are few), and bounded from above
by the lowest average chance of any answer's group (the least likely person of a group
has at most its average). A legacy draw that dead-ends (its greedy picks leave a minimum
unmet, ten tries in a row) counts as a failed draw.
The figures go to extra_info and to .benchmarks/draw.md.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from degenks_desktop.domain.sortition import Quota, Unit, maximin_lottery
from tests.helpers.draw_pools import city_pool

SIDE_BY_SIDE = Path(".benchmarks") / "draw.md"


def note(line: str) -> None:
    """A line of the side-by-side table in .benchmarks/draw.md."""
    SIDE_BY_SIDE.parent.mkdir(exist_ok=True)
    with SIDE_BY_SIDE.open("a", encoding="utf-8") as file:
        file.write(line + "\n")


def legacy_figures(
    units: list[Unit], quotas: list[Quota], places: int, runs: int
) -> dict[str, float]:
    """Legacy's draws: how many came through, their seconds, and its lowest chances."""
    from sortition_algorithms.committee_generation.legacy import (  # noqa: PLC0415
        find_random_sample_legacy,
    )
    from sortition_algorithms.errors import SelectionError  # noqa: PLC0415
    from sortition_algorithms.utils import set_random_provider  # noqa: PLC0415

    from degenks_desktop.domain.sortition_library import _inputs  # noqa: PLC0415

    features, people = _inputs(units, quotas)
    taken: Counter[str] = Counter()
    drawn = 0
    started = time.perf_counter()
    for seed in range(1, runs + 1):
        set_random_provider(seed)
        try:
            panels, _report = find_random_sample_legacy(
                people, features, places, [], max_attempts=10
            )
        except SelectionError:
            continue
        drawn += 1
        taken.update(panels[0])
    seconds = (time.perf_counter() - started) / runs
    kinds: dict[tuple[tuple[str, str], ...], list[str]] = defaultdict(list)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for unit in units:
        kinds[tuple(sorted(unit.answers[0].items()))].append(unit.key)
        for pair in unit.answers[0].items():
            groups[pair].append(unit.key)

    def chance(keys: list[str]) -> float:
        return sum(taken[k] for k in keys) / (len(keys) * drawn) if drawn else 0.0

    return {
        "drawn": drawn,
        "runs": runs,
        "seconds_per_draw": seconds,
        "lowest_estimate": min(chance(keys) for keys in kinds.values()) if drawn else 0.0,
        "lowest_at_most": min(chance(keys) for keys in groups.values()) if drawn else 0.0,
    }


@pytest.mark.parametrize(
    ("registered", "places", "legacy_runs"),
    [(449, 360, 20), (10_000, 1_000, 8)],
    ids=["g360", "city-wide"],
)
def test_maximin_beside_the_librarys_legacy_draw(
    benchmark: BenchmarkFixture, registered: int, places: int, legacy_runs: int
) -> None:
    """Seconds and the lowest chance, ours and legacy's, on the same pool and quotas."""
    if benchmark.disabled and registered > 449:
        pytest.skip("`make test` runs the G360 pool once")
    units, quotas = city_pool(registered, places)
    started = time.process_time()
    lottery = benchmark.pedantic(
        maximin_lottery, args=(units, quotas, places), rounds=1, iterations=1
    )
    cpu = time.process_time() - started
    chances = lottery.probabilities()
    lowest = min(chances.values())
    legacy = legacy_figures(units, quotas, places, 2 if benchmark.disabled else legacy_runs)
    benchmark.extra_info.update(
        {
            "maximin_lowest": round(lowest, 4),
            "maximin_cpu_seconds": round(cpu, 2),
            "panels": len(lottery.panels),
            "average_chance": round(places / registered, 4),
            **{f"legacy_{key}": round(value, 4) for key, value in legacy.items()},
        }
    )
    note(
        f"| {registered} → {places} | {lowest:.3f} | {cpu:.1f} s CPU | "
        f"{legacy['drawn']:.0f} of {legacy['runs']:.0f} | {legacy['lowest_estimate']:.3f} "
        f"(≤ {legacy['lowest_at_most']:.3f}) | {legacy['seconds_per_draw']:.1f} s |"
    )
    # What a person notices: whichever panel the seed picks meets the quotas, and
    # nobody's chance is zero where the quotas let everyone in.
    by_key = {unit.key: unit for unit in units}
    for panel in lottery.panels:
        held: Counter[tuple[str, str]] = Counter()
        for kind, taken in enumerate(panel):
            held.update(
                {pair: n * taken for pair, n in by_key[lottery.kinds[kind][0]].counts().items()}
            )
        for quota in quotas:
            assert quota.minimum <= held[(quota.category, quota.value)] <= quota.maximum
    assert lowest > 0
    assert abs(sum(lottery.weights) - 1) < 1e-6
