"""The Sortition Foundation's algorithms, for the draws this app does not do itself.

Imported only when such a draw is asked for: the library brings cvxpy and its solvers.

`sortition-algorithms` is the field's reference. Its legacy algorithm (the greedy draw
most panels used before 2021) and its Nash-welfare algorithm are offered beside this
app's own maximin (`domain.sortition`), for one person at a time: the library keeps at
most one person per address, never a household together. Legacy gives no probabilities;
they are estimated here from repeated draws, averaged over people who answered alike.
"""

from __future__ import annotations

import logging
import random
from collections import Counter, defaultdict
from collections.abc import Callable, MutableMapping, Sequence

from sortition_algorithms.committee_generation.legacy import find_random_sample_legacy
from sortition_algorithms.committee_generation.nash import find_distribution_nash
from sortition_algorithms.errors import (
    InfeasibleQuotasCantRelaxError,
    InfeasibleQuotasError,
    SelectionError,
)
from sortition_algorithms.features import FeatureValueMinMax, set_default_max_flex
from sortition_algorithms.people import People
from sortition_algorithms.utils import set_random_provider

from degenks_desktop.domain.sortition import (
    DrawResult,
    Quota,
    QuotaShortfall,
    QuotasInfeasible,
    Unit,
    count_values,
    pick_index,
)

LEGACY_RUNS = 100
"""Repeated legacy draws that estimate its probabilities."""
LEGACY_ATTEMPTS = 10
"""Legacy gives up on a draw after this many dead ends (its own retry)."""

# The library logs each step at INFO (and its solver's banner): not the app's log.
logging.getLogger("sortition_algorithms").setLevel(logging.WARNING)


class LibraryFailed(Exception):
    """The library's algorithm found no panel (legacy's greedy draw can dead-end)."""


def _inputs(
    units: Sequence[Unit], quotas: Sequence[Quota]
) -> tuple[MutableMapping[str, MutableMapping[str, FeatureValueMinMax]], People]:
    """The library's feature collection and people for `units` (one person each)."""
    features: MutableMapping[str, MutableMapping[str, FeatureValueMinMax]] = defaultdict(dict)
    for quota in quotas:
        features[quota.category][quota.value] = FeatureValueMinMax(
            min=quota.minimum, max=quota.maximum
        )
    set_default_max_flex(features)
    people = People([])
    for row, unit in enumerate(units):
        answers = unit.answers[0]
        people.add(unit.key, {c: answers[c] for c in features}, features, row)
    return features, people


def _relaxed(error: Exception, quotas: Sequence[Quota]) -> list[QuotaShortfall]:
    """What the library's relaxation changed, as this app's shortfalls."""
    relaxed = getattr(error, "features", {}) or {}
    found = []
    for quota in quotas:
        bounds = relaxed.get(quota.category, {}).get(quota.value)
        if bounds is None:
            continue
        if bounds.min < quota.minimum:
            found.append(
                QuotaShortfall(quota.category, quota.value, "minimum", quota.minimum, bounds.min)
            )
        if bounds.max > quota.maximum:
            found.append(
                QuotaShortfall(quota.category, quota.value, "maximum", quota.maximum, bounds.max)
            )
    return found


def legacy_draw(
    units: Sequence[Unit],
    quotas: Sequence[Quota],
    places: int,
    seed: int,
    *,
    runs: int = LEGACY_RUNS,
    progress: Callable[[int, int], None] | None = None,
) -> DrawResult:
    """The library's legacy draw with `seed`, and probabilities from `runs` more draws."""
    features, people = _inputs(units, quotas)
    by_key = {unit.key: unit for unit in units}
    chosen: list[str] | None = None
    times: Counter[str] = Counter()
    done = 0
    for run in range(runs + 1):
        if progress is not None:
            progress(run, runs + 1)
        set_random_provider(seed + run)
        try:
            panels, _report = find_random_sample_legacy(
                people, features, places, [], max_attempts=LEGACY_ATTEMPTS
            )
        except SelectionError as error:
            if run == 0:
                raise LibraryFailed(str(error)) from error
            continue
        if run == 0:
            chosen = sorted(panels[0])
        else:
            times.update(panels[0])
            done += 1
    assert chosen is not None
    kinds: dict[tuple[tuple[tuple[str, str], int], ...], list[str]] = defaultdict(list)
    for unit in units:
        kinds[tuple(sorted(unit.counts().items()))].append(unit.key)
    probabilities = {}
    for keys in kinds.values():
        chance = sum(times[key] for key in keys) / (len(keys) * max(1, done))
        probabilities.update(dict.fromkeys(keys, chance))
    rng = random.Random(seed)
    rest = sorted(set(by_key) - set(chosen))
    rng.shuffle(rest)
    return DrawResult(
        selected=tuple(chosen),
        waiting=tuple(rest),
        probabilities=probabilities,
        panels=done,
        counts=count_values(by_key, chosen),
    )


def nash_draw(units: Sequence[Unit], quotas: Sequence[Quota], places: int, seed: int) -> DrawResult:
    """The library's Nash-welfare distribution, and one panel drawn from it with `seed`."""
    features, people = _inputs(units, quotas)
    set_random_provider(seed)
    try:
        panels, weights, _report = find_distribution_nash(features, people, places, [])
    except InfeasibleQuotasError as error:
        raise QuotasInfeasible(_relaxed(error, quotas)) from error
    except InfeasibleQuotasCantRelaxError as error:
        raise QuotasInfeasible([]) from error
    total = sum(weights)
    weights = [w / total for w in weights]
    chance: defaultdict[str, float] = defaultdict(float)
    for panel, weight in zip(panels, weights, strict=True):
        for key in panel:
            chance[key] += weight
    rng = random.Random(seed)
    chosen = sorted(panels[pick_index(rng, weights)])
    by_key = {unit.key: unit for unit in units}
    rest = sorted(set(by_key) - set(chosen))
    rng.shuffle(rest)
    return DrawResult(
        selected=tuple(chosen),
        waiting=tuple(rest),
        probabilities={key: min(1.0, chance[key]) for key in by_key},
        panels=len(panels),
        counts=count_values(by_key, chosen),
    )
