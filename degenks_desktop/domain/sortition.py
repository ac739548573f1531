"""The draw when more people register than there are places: a stratified lottery.

Quotas (a minimum and a maximum per value of the watched categories) make the group
reflect the city; within them every registrant gets as equal a chance as the quotas
allow. This is maximin from Flanigan et al., "Fair algorithms for selecting citizens'
assemblies" (Nature, 2021): a distribution over panels that meet every quota, chosen so
that the lowest selection probability is as high as it can be, found by column
generation (an LP over panels, and an integer programme that finds the next panel).

Two things make it fast and exact here, where the Sortition Foundation's library solves
one binary variable per person: people who answered alike are interchangeable, so a
panel is a count per *kind* of unit, not a set of people; and a unit may be a household
(people who registered together are drawn together or not at all), which the library's
address check (at most one per address) cannot express.

The draw itself uses one seeded `random.Random`: it picks a panel with its probability,
then the units of each kind uniformly. The same units, quotas and seed give the same
people on any laptop. No Qt and no database here.
"""

from __future__ import annotations

import math
import os
import random
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

from degenks_desktop.domain.diversity import NOT_GIVEN

__all__ = ["NOT_GIVEN"]  # re-exported: the value the quotas give to no answer

MAX_ROUNDS = 400
"""A work budget: column generation stops here at the latest, whatever the clock says,
so that a seed gives the same people on any laptop. The G360 needs about 40."""
SMOOTHING = 0.5
GAP = 1e-3
"""The search stops once the lowest chance is provably within 0.1 % of the best one."""
_EPSILON = 1e-7


_banner_lock = threading.Lock()
_banner_shown = False


def new_solver() -> highspy.Highs:
    """A silent HiGHS. Its first instance in a process prints a banner to the standard
    output from C++, where `degenks select --json` writes its answer: that one is built
    with the output pointed at the null device."""
    global _banner_shown  # noqa: PLW0603 - once per process, as HiGHS prints it
    with _banner_lock:
        if _banner_shown:
            solver = highspy.Highs()
        else:
            saved = os.dup(1)
            try:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 1)
                    solver = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _banner_shown = True
    solver.silent()
    # No thread count of its own: HiGHS's scheduler is one per process, and a count set
    # after another solver (the library's) started it fails every run.
    return solver


@dataclass(frozen=True)
class Quota:
    """How many selected people may have `value` in `category`: from `minimum` to `maximum`."""

    category: str
    value: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Unit:
    """Who is drawn together: one person, or a household. `answers` holds, per member,
    their value in each category (NOT_GIVEN where they gave none)."""

    key: str
    members: tuple[int, ...]
    answers: tuple[Mapping[str, str], ...]

    @property
    def size(self) -> int:
        """How many places the unit takes."""
        return len(self.members)

    def counts(self) -> Counter[tuple[str, str]]:
        """How many of the members have each (category, value)."""
        found: Counter[tuple[str, str]] = Counter()
        for answers in self.answers:
            found.update(answers.items())
        return found


@dataclass(frozen=True)
class QuotaShortfall:
    """A quota that no panel can meet, and the nearest bound that can be met."""

    category: str
    value: str
    bound: str  # "minimum", "maximum" or "places"
    asked: int
    nearest: int


class QuotasInfeasible(Exception):
    """No panel meets every quota; `shortfalls` says which and by how much."""

    def __init__(self, shortfalls: list[QuotaShortfall]) -> None:
        super().__init__(f"{len(shortfalls)} quotas cannot be met")
        self.shortfalls = shortfalls


@dataclass(frozen=True)
class Lottery:
    """The distribution over panels: per kind of unit, how many each panel takes."""

    kinds: tuple[tuple[str, ...], ...]
    """The unit keys of each kind, sorted."""
    panels: tuple[tuple[int, ...], ...]
    """Per panel, the number of units taken of each kind."""
    weights: tuple[float, ...]
    """Each panel's probability; they sum to 1."""

    def probabilities(self) -> dict[str, float]:
        """Each unit's chance of being drawn."""
        chance: dict[str, float] = {}
        for kind, units in enumerate(self.kinds):
            expected = sum(
                w * panel[kind] for panel, w in zip(self.panels, self.weights, strict=True)
            )
            for key in units:
                chance[key] = min(1.0, expected / len(units))
        return chance


@dataclass(frozen=True)
class DrawResult:
    """Who was drawn, who waits in which order, and everyone's chance."""

    selected: tuple[str, ...]
    waiting: tuple[str, ...]
    """The units not drawn, in the order they move up (the first is next)."""
    probabilities: Mapping[str, float]
    panels: int
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """How many selected people have each (category, value)."""

    @property
    def lowest_probability(self) -> float:
        """The lowest chance any unit had."""
        return min(self.probabilities.values(), default=0.0)


def _kinds(units: Sequence[Unit]) -> dict[tuple[object, ...], list[Unit]]:
    """Units that are interchangeable for every quota: the same size and answers."""
    kinds: dict[tuple[object, ...], list[Unit]] = defaultdict(list)
    for unit in units:
        kinds[(unit.size, tuple(sorted(unit.counts().items())))].append(unit)
    return kinds


@dataclass(frozen=True)
class _KindTable:
    """Per kind of unit: its answer counts, its size and how many units are of it."""

    keys: tuple[tuple[str, ...], ...]
    counts: tuple[Counter[tuple[str, str]], ...]
    sizes: tuple[int, ...]
    units: tuple[int, ...]

    @property
    def slack(self) -> int:
        """How many places a panel may stay short: one less than the largest unit."""
        return max(self.sizes, default=1) - 1


def _kind_table(units: Sequence[Unit]) -> _KindTable:
    grouped = _kinds(units)
    kinds = sorted(grouped, key=lambda kind: sorted(u.key for u in grouped[kind]))
    return _KindTable(
        keys=tuple(tuple(sorted(u.key for u in grouped[kind])) for kind in kinds),
        counts=tuple(grouped[kind][0].counts() for kind in kinds),
        sizes=tuple(grouped[kind][0].size for kind in kinds),
        units=tuple(len(grouped[kind]) for kind in kinds),
    )


class _PanelFinder:
    """The integer programme of one panel: a count per kind within every quota."""

    def __init__(
        self,
        kinds: _KindTable,
        quotas: Sequence[Quota],
        places: int,
    ) -> None:
        kind_counts, kind_sizes, kind_units = kinds.counts, kinds.sizes, kinds.units
        slack = kinds.slack
        self.highs = new_solver()
        self.highs.setOptionValue("random_seed", 0)
        self.highs.setOptionValue("presolve", "off")
        self.kinds = len(kind_sizes)
        inf = highspy.kHighsInf
        for units in kind_units:
            self.highs.addVar(0, units)
        self.highs.changeColsIntegrality(
            self.kinds,
            np.arange(self.kinds, dtype=np.int32),
            np.full(self.kinds, highspy.HighsVarType.kInteger),
        )
        self.highs.addRow(
            places - slack,
            places,
            self.kinds,
            np.arange(self.kinds, dtype=np.int32),
            np.array(kind_sizes, dtype=np.float64),
        )
        for quota in quotas:
            pair = (quota.category, quota.value)
            index = [k for k in range(self.kinds) if kind_counts[k][pair]]
            values = [float(kind_counts[k][pair]) for k in index]
            self.highs.addRow(
                float(quota.minimum),
                float(quota.maximum) if quota.maximum < places else inf,
                len(index),
                np.array(index, dtype=np.int32),
                np.array(values, dtype=np.float64),
            )
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def best(self, weights: np.ndarray) -> tuple[int, ...] | None:
        """The panel with the highest weighted count, or None when no panel exists."""
        self.highs.changeColsCost(self.kinds, np.arange(self.kinds, dtype=np.int32), weights)
        if self.highs.run() == highspy.HighsStatus.kError:
            raise RuntimeError("HiGHS could not solve the panel's programme")
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return tuple(round(x) for x in self.highs.getSolution().col_value)


def _shortfalls(kinds: _KindTable, quotas: Sequence[Quota], places: int) -> list[QuotaShortfall]:
    """The least change to the quotas (and places) that lets a panel exist."""
    kind_counts, kind_sizes, kind_units = kinds.counts, kinds.sizes, kinds.units
    slack = kinds.slack
    highs = new_solver()
    counts = [highs.addIntegral(lb=0, ub=units) for units in kind_units]
    size = sum(kind_sizes[k] * counts[k] for k in range(len(counts)))
    short_places = highs.addVariable(lb=0)
    highs.addConstr(size + short_places >= places - slack)
    highs.addConstr(size <= places)
    costs = [short_places * 1000]
    misses: list[tuple[Quota, highspy.highs.highs_var, highspy.highs.highs_var]] = []
    for quota in quotas:
        pair = (quota.category, quota.value)
        held = sum(
            kind_counts[k][pair] * counts[k] for k in range(len(counts)) if kind_counts[k][pair]
        )
        under = highs.addVariable(lb=0)
        over = highs.addVariable(lb=0)
        highs.addConstr(held + under >= quota.minimum)
        highs.addConstr(held - over <= quota.maximum)
        # Lowering a small minimum weighs more: 1 to 0 means nobody of that group at all.
        costs += [under * (1 + 2 / (1 + quota.minimum)), over]
        misses.append((quota, under, over))
    highs.minimize(sum(costs))
    values = highs.getSolution().col_value
    found = []
    shortfall = round(values[short_places.index])
    if shortfall:
        found.append(QuotaShortfall("", "", "places", places, places - shortfall))
    for quota, under, over in misses:
        if (missing := round(values[under.index])) > 0:
            found.append(
                QuotaShortfall(
                    quota.category, quota.value, "minimum", quota.minimum, quota.minimum - missing
                )
            )
        if (extra := round(values[over.index])) > 0:
            found.append(
                QuotaShortfall(
                    quota.category, quota.value, "maximum", quota.maximum, quota.maximum + extra
                )
            )
    return found


def maximin_lottery(
    units: Sequence[Unit],
    quotas: Sequence[Quota],
    places: int,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Lottery:
    """The panels, and their probabilities, that give the least likely unit the highest
    chance while every panel meets every quota.

    A panel takes at most `places` people, and fewer only by what a household's size
    forces (one less than the largest household). Raises QuotasInfeasible when no panel
    meets every quota. `progress(round, MAX_ROUNDS)` hears each round and may raise to stop.
    """
    kinds = _kind_table(units)
    finder = _PanelFinder(kinds, quotas, places)
    share = np.array([1.0 / units for units in kinds.units])
    first = finder.best(share)
    if first is None:
        raise QuotasInfeasible(_shortfalls(kinds, quotas, places))
    panels = _generate_panels(finder, share, first, progress)
    return _lottery(kinds, panels)


class _Master:
    """The LP over the panels found so far: their probabilities, chosen to maximise z,
    the lowest expected share of its kind's units that any kind gets."""

    def __init__(self, share: np.ndarray) -> None:
        self.share = share
        self.count = len(share)
        self.highs = new_solver()
        # A new panel is a new column at 0: the last basis stays feasible, so primal
        # simplex goes on from it where dual simplex would start over.
        self.highs.setOptionValue("simplex_strategy", 4)
        inf = highspy.kHighsInf
        nothing = (0, np.array([], dtype=np.int32), np.array([]))
        # Rows 0..count-1: each kind's expected share minus z, at least 0; then: sum 1.
        for _ in range(self.count):
            self.highs.addRow(0.0, inf, *nothing)
        self.highs.addRow(1.0, 1.0, *nothing)
        every = np.arange(self.count, dtype=np.int32)
        self.highs.addCol(1.0, -inf, inf, self.count, every, np.full(self.count, -1.0))
        self.highs.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def add(self, panel: tuple[int, ...]) -> None:
        """Let the LP give `panel` a probability."""
        index = [k for k in range(self.count) if panel[k]]
        values = [panel[k] * self.share[k] for k in index]
        self.highs.addCol(
            0.0,
            0.0,
            highspy.kHighsInf,
            len(index) + 1,
            np.array([*index, self.count], dtype=np.int32),
            np.array([*values, 1.0]),
        )

    def solve(self) -> tuple[float, np.ndarray]:
        """The lowest share z, and the kinds' duals normalised to sum 1 (all 0: none)."""
        self.highs.run()
        solution = self.highs.getSolution()
        # A dual's sign follows the solver's convention; its size weighs how much the
        # kind holds z down.
        duals = np.abs(np.array(solution.row_dual[: self.count]))
        total = duals.sum()
        return solution.col_value[0], duals / total if total else duals

    def weights(self) -> np.ndarray:
        """Each panel's probability in the last solution."""
        found = np.maximum(0.0, np.array(self.highs.getSolution().col_value[1:]))
        return found / found.sum()


def _generate_panels(
    finder: _PanelFinder,
    share: np.ndarray,
    first: tuple[int, ...],
    progress: Callable[[int, int], None] | None,
) -> tuple[list[tuple[int, ...]], np.ndarray]:
    """Column generation: add the panel the duals ask for until none raises z by more
    than GAP (or MAX_ROUNDS); the panels and their probabilities."""
    master = _Master(share)
    panels = [first]
    master.add(first)
    best_bound = math.inf
    centre: np.ndarray | None = None
    for rounds in range(1, MAX_ROUNDS + 1):
        if progress is not None:
            progress(rounds, MAX_ROUNDS)
        value, duals = master.solve()
        if not duals.any():
            break
        # Pricing halfway to the duals that gave the best bound so far (Wentges'
        # smoothing) stops the duals from swinging, which column generation is prone to.
        tried = duals if centre is None else SMOOTHING * centre + (1 - SMOOTHING) * duals
        panel = finder.best(tried * share)
        if panel is None:
            break
        # Any weighting's best panel bounds the lowest share from above.
        bound = float(np.dot(tried * share, panel))
        if bound < best_bound:
            best_bound, centre = bound, tried
        if best_bound - value <= GAP * max(value, _EPSILON):
            break
        if panel not in panels:
            panels.append(panel)
            master.add(panel)
        elif centre is tried:
            break
    master.solve()
    return panels, master.weights()


def _lottery(kinds: _KindTable, found: tuple[list[tuple[int, ...]], np.ndarray]) -> Lottery:
    """The panels that got a probability, with it."""
    panels, weights = found
    kept = [(panel, float(w)) for panel, w in zip(panels, weights, strict=True) if w > 1e-9]
    total = sum(w for _, w in kept)
    return Lottery(
        kinds=kinds.keys,
        panels=tuple(panel for panel, _ in kept),
        weights=tuple(w / total for _, w in kept),
    )


def draw(
    units: Sequence[Unit],
    quotas: Sequence[Quota],
    places: int,
    seed: int,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> DrawResult:
    """Draw the panel by maximin with `seed`, and put the rest in waiting order.

    With no more people than places everyone is drawn (each chance 1).
    """
    by_key = {unit.key: unit for unit in units}
    rng = random.Random(seed)
    if sum(unit.size for unit in units) <= places:
        chosen = sorted(by_key)
        return DrawResult(
            selected=tuple(chosen),
            waiting=(),
            probabilities=dict.fromkeys(chosen, 1.0),
            panels=1,
            counts=count_values(by_key, chosen),
        )
    lottery = maximin_lottery(units, quotas, places, progress=progress)
    panel = lottery.panels[pick_index(rng, lottery.weights)]
    selected: list[str] = []
    for kind, taken in enumerate(panel):
        selected += rng.sample(lottery.kinds[kind], taken)
    rest = sorted(set(by_key) - set(selected))
    rng.shuffle(rest)
    return DrawResult(
        selected=tuple(sorted(selected)),
        waiting=tuple(rest),
        probabilities=lottery.probabilities(),
        panels=len(lottery.panels),
        counts=count_values(by_key, selected),
    )


def pick_index(rng: random.Random, weights: Sequence[float]) -> int:
    """An index drawn with the given probabilities (they sum to 1)."""
    point = rng.random()
    running = 0.0
    for index, weight in enumerate(weights):
        running += weight
        if point < running:
            return index
    return len(weights) - 1


def count_values(by_key: Mapping[str, Unit], chosen: Sequence[str]) -> Counter[tuple[str, str]]:
    """How many of the `chosen` units' members have each (category, value)."""
    found: Counter[tuple[str, str]] = Counter()
    for key in chosen:
        found.update(by_key[key].counts())
    return found


def next_to_move_up(
    waiting: Sequence[Unit],
    counts: Mapping[tuple[str, str], int],
    quotas: Sequence[Quota],
    free_places: int,
) -> Unit | None:
    """The first waiting unit that fits the free places and keeps every quota within its
    bounds once added to `counts` (the selected people's counts after a cancellation).

    A quota whose minimum is already missed is kept when the newcomer does not take it
    further from its bounds; the first such unit that brings it closer is preferred.
    """

    def misses(extra: Counter[tuple[str, str]]) -> int:
        total = 0
        for quota in quotas:
            held = (
                counts.get((quota.category, quota.value), 0) + extra[(quota.category, quota.value)]
            )
            total += max(0, quota.minimum - held) + max(0, held - quota.maximum)
        return total

    before = misses(Counter())
    fitting = [unit for unit in waiting if unit.size <= free_places]
    keeping = [unit for unit in fitting if misses(unit.counts()) <= before]
    if not keeping:
        return None
    best = min(misses(unit.counts()) for unit in keeping)
    return next(unit for unit in keeping if misses(unit.counts()) == best)


def propose_quotas(
    pool: Mapping[str, Counter[str]],
    targets: Mapping[str, Mapping[str, float]],
    places: int,
    tolerance: float,
) -> list[Quota]:
    """Quotas per value from the city's shares, widened by `tolerance` (0.2: ±20 %).

    `pool` holds, per category, how many registrants gave each value (NOT_GIVEN for no
    answer). A value without a target, and NOT_GIVEN, is aimed at its share of the pool.
    The answered places are shared by the targets; a minimum never asks for more people
    than registered with the value, and where the pool cannot fill the places within
    the targets' maxima, the maxima of the values that can give more are raised.
    """
    quotas: list[Quota] = []
    for category, counts in pool.items():
        total = sum(counts.values())
        if not total:
            continue
        shares = targets.get(category, {})
        not_given = counts.get(NOT_GIVEN, 0)
        answered_places = places * (total - not_given) / total
        known = sum(shares.get(v, 0.0) for v in counts if v != NOT_GIVEN and v in shares)
        aims: dict[str, float] = {}
        for value, have in counts.items():
            if value == NOT_GIVEN or value not in shares or not known:
                aims[value] = places * have / total
            else:
                aims[value] = answered_places * shares[value] / known
        # Values the city has but nobody registered with: a minimum of 0 says so.
        lows = {v: min(counts[v], math.floor(aim * (1 - tolerance))) for v, aim in aims.items()}
        highs = {
            v: min(counts[v], max(lows[v], math.ceil(aim * (1 + tolerance))))
            for v, aim in aims.items()
        }
        room = places - sum(highs.values())
        for value in sorted(counts, key=lambda v: counts[v] - highs[v], reverse=True):
            if room <= 0:
                break
            raise_by = min(room, counts[value] - highs[value])
            highs[value] += raise_by
            room -= raise_by
        for value in counts:
            quotas.append(Quota(category, value, lows[value], highs[value]))
    return quotas
