"""Dealing one theme's people over its tables so that every table looks like the day.

A start that already mixes (each person, rarest first, to the table where they bring it
closest to the day's make-up), then simulated annealing over swaps and moves. A swap or a
move changes only two tables' counts, so its cost change is worked out from those two
tables' counts for the answers of the people who change places: a few microseconds, not a
table's whole cost. The search stops after a number of tries (its work budget), never on
the clock, so the same day and seed give the same seating on any laptop; the clock is
only a safety net (`deadline`).

The cost of a table is the imbalance of docs/seating.md (per answer, |count − the table's
size × the day's share|) plus a little for someone who is the only one of an answer
several people gave (of an origin or age band), plus a little for each person moved from
where they sat before.
People who stay together move as one unit; pinned people do not move; tables of a theme
stay within one person of each other (swaps keep sizes, moves only go where they keep the
sizes' spread).
"""

from __future__ import annotations

import heapq
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

import numpy

from degenks_desktop.domain.seats import SeatPerson, SeatTable

SINGLE_COST = 0.25
"""For someone who is the only one at their table of an origin or age band that several
people of the day have: the two answers people notice being alone in."""
ALONE_IN = frozenset({"origin", "age_band"})
MOVE_COST = 0.5
"""For each person seated elsewhere than the table they had: a re-run moves few."""
START_TEMPERATURE = 0.15
END_TEMPERATURE = 0.01
"""The annealing starts by taking a rise of a fraction of one answer out of place, and
cools to taking none (docs/seating.md has the runs that chose these)."""
MIN_BATCH, MAX_BATCH = 64, 4096
BATCH_PER_TABLE = 8
"""Swaps weighed at once: about eight per table, so that few taken in a batch share one."""
ONE_BY_ONE_SHARE = 16
"""One move or group swap is tried for every this many swaps of single people."""
PROGRESS_EVERY = 20_000
"""Tries between two progress reports: a few each second."""
SNAPSHOT_SHARE = 0.5
"""The best deal is copied only in the last half of the tries: early ones are rarely it."""


def planned_sizes(count: int, capacities: Sequence[int]) -> list[int]:
    """How many people each table gets: as even as the chairs allow (by share of chairs)."""
    sizes = [0] * len(capacities)
    # The next person goes to the table filled least, as a share of its chairs.
    queue = [(0.0, -capacity, table) for table, capacity in enumerate(capacities) if capacity]
    heapq.heapify(queue)
    for _person in range(min(count, sum(capacities))):
        _fill, _most, table = heapq.heappop(queue)
        sizes[table] += 1
        if sizes[table] < capacities[table]:
            heapq.heappush(queue, (sizes[table] / capacities[table], -capacities[table], table))
    return sizes


class TableSearch:
    """The tables of one theme and who sits at each, with the counts the costs come from."""

    def __init__(
        self,
        people: Sequence[SeatPerson],
        tables: Sequence[SeatTable],
        day_profile: Mapping[str, Mapping[str, int]],
        rng: random.Random,
    ) -> None:
        self.rng = rng
        self.table_ids = [table.id for table in tables]
        self.capacity = [table.capacity for table in tables]
        index_of_table = {table_id: index for index, table_id in enumerate(self.table_ids)}
        # Every (category, answer) of the day gets one slot in a row of counts per table.
        slot_of: dict[tuple[str, str], int] = {}
        share: list[float] = []
        several: list[bool] = []
        for category, counts in day_profile.items():
            answered = sum(counts.values())
            for value, count in counts.items():
                if answered:
                    slot_of[category, value] = len(share)
                    share.append(count / answered)
                    several.append(count > 1 and category in ALONE_IN)
        self.slots = len(share)
        self.share = numpy.array(share, dtype=float)
        self.several = numpy.array(several, dtype=bool)
        self.person_ids = [person.id for person in people]
        categories = list(day_profile)
        # Per person, per category of the day: the slot of their answer, -1 for none.
        self.aligned = numpy.array(
            [
                [
                    slot_of.get((category, dict(person.answers).get(category, "")), -1)
                    for category in categories
                ]
                for person in people
            ],
            dtype=numpy.int64,
        ).reshape(len(people), len(categories))
        self.slots_of: list[list[int]] = [
            [slot for slot in row if slot >= 0] for row in self.aligned.tolist()
        ]
        self.was_at = numpy.array(
            [
                -1 if p.current_table is None else index_of_table.get(p.current_table, -1)
                for p in people
            ],
            dtype=numpy.int64,
        )
        # Units: people who stay together move as one; a pinned person is a unit that
        # never moves, apart from any group (the organiser's pin comes first).
        self.units: list[list[int]] = []
        self.fixed_at: dict[int, int] = {}
        groups: dict[str, list[int]] = defaultdict(list)
        for index, person in enumerate(people):
            if person.pinned_table is not None and person.pinned_table in index_of_table:
                self.fixed_at[len(self.units)] = index_of_table[person.pinned_table]
                self.units.append([index])
            elif person.together:
                groups[person.together].append(index)
            else:
                self.units.append([index])
        self.units.extend(groups.values())
        self.unit_of_person = numpy.zeros(len(people), dtype=numpy.int64)
        for unit, members in enumerate(self.units):
            self.unit_of_person[members] = unit
        self.table_of_unit = [-1] * len(self.units)
        self.table_of_person = numpy.full(len(people), -1, dtype=numpy.int64)
        self.size = numpy.zeros(len(tables), dtype=numpy.int64)
        self.counts = numpy.zeros((len(tables), self.slots), dtype=numpy.int64)
        self.target = numpy.zeros((len(tables), self.slots), dtype=float)
        """Each table's fair count of each answer: its size × the day's share."""

    # -- the cost ---------------------------------------------------------------------

    def table_cost(self, table: int) -> float:
        """How far a table's make-up is from the day's (moves not included)."""
        if not self.size[table]:
            return 0.0
        counts = self.counts[table]
        alone = numpy.count_nonzero((counts == 1) & self.several)
        return float(numpy.abs(counts - self.target[table]).sum() + SINGLE_COST * alone)

    def move_cost(self) -> float:
        """What moving people away from their earlier tables costs."""
        moved = (self.was_at >= 0) & (self.was_at != self.table_of_person)
        return MOVE_COST * int(numpy.count_nonzero(moved))

    def total(self) -> float:
        """The cost of the deal as it stands."""
        return sum(self.table_cost(t) for t in range(len(self.size))) + self.move_cost()

    # -- placing people ---------------------------------------------------------------

    def _place(self, unit: int, table: int) -> None:
        self.table_of_unit[unit] = table
        for person in self.units[unit]:
            self.counts[table, self.slots_of[person]] += 1
            self.table_of_person[person] = table
        self.size[table] += len(self.units[unit])
        self.target[table] = self.size[table] * self.share

    def _lift(self, unit: int) -> None:
        table = self.table_of_unit[unit]
        for person in self.units[unit]:
            self.counts[table, self.slots_of[person]] -= 1
            self.table_of_person[person] = -1
        self.size[table] -= len(self.units[unit])
        self.target[table] = self.size[table] * self.share
        self.table_of_unit[unit] = -1

    def start(self) -> None:
        """The first deal: pins, then whoever can stay where they sat, then the rest,
        largest groups and rarest answers first, each where they mix the table most."""
        planned = numpy.array(planned_sizes(len(self.person_ids), self.capacity))
        for unit, table in self.fixed_at.items():
            self._place(unit, table)
        free = [unit for unit in range(len(self.units)) if unit not in self.fixed_at]
        for unit in free:
            earlier = Counter(int(self.was_at[p]) for p in self.units[unit] if self.was_at[p] >= 0)
            if earlier:
                table = earlier.most_common(1)[0][0]
                # Back where they sat while there are chairs: a re-run disturbs least.
                if self.size[table] + len(self.units[unit]) <= self.capacity[table]:
                    self._place(unit, table)
        rest = [unit for unit in free if self.table_of_unit[unit] < 0]
        rarity = [
            sum(1.0 - self.share[slot] for p in self.units[u] for slot in self.slots_of[p])
            for u in range(len(self.units))
        ]
        rest.sort(key=lambda u: (-len(self.units[u]), -rarity[u], u))
        capacity = numpy.array(self.capacity)
        planned_target = planned[:, None] * self.share[None, :]
        for unit in rest:
            self._place(unit, self._mixing_table(unit, planned, capacity, planned_target))

    def _mixing_table(
        self,
        unit: int,
        planned: numpy.ndarray,
        capacity: numpy.ndarray,
        planned_target: numpy.ndarray,
    ) -> int:
        """The table with room where `unit` brings the counts closest to that table's
        planned share of the day (all tables weighed at once)."""
        people = self.units[unit]
        room = self.size + len(people) <= planned
        if not room.any():  # a group larger than planned anywhere: any chairs left
            room = self.size + len(people) <= capacity
        if not room.any():
            room = self.size == self.size.min()
        added = Counter(slot for p in people for slot in self.slots_of[p])
        rise = numpy.zeros(len(self.size))
        for slot, n in added.items():
            before = self.counts[:, slot]
            rise += numpy.abs(before + n - planned_target[:, slot]) - numpy.abs(
                before - planned_target[:, slot]
            )
            if self.several[slot]:
                rise += SINGLE_COST * ((before + n == 1).astype(float) - (before == 1))
        for person in people:
            if self.was_at[person] >= 0:
                rise += MOVE_COST
                rise[self.was_at[person]] -= MOVE_COST
        rise = numpy.where(room, numpy.round(rise, 9), numpy.inf)
        ties = numpy.flatnonzero(rise == rise.min())
        return int(ties[numpy.argmin(self.size[ties])])

    # -- the search -------------------------------------------------------------------

    def swap_changes(self, first: numpy.ndarray, second: numpy.ndarray) -> numpy.ndarray:
        """The cost change of each pair of single people, first[i] and second[i], trading
        tables (sizes stay the same): only the answers they differ on count, at their two
        tables. Infinite for two people at one table."""
        table_a = self.table_of_person[first][:, None]
        table_b = self.table_of_person[second][:, None]
        answers_a, answers_b = self.aligned[first], self.aligned[second]
        differ = answers_a != answers_b
        # Per pair and category: one person of answer_a goes from table a to b (step 1),
        # one of answer_b comes back (step -1); answers they share change nothing.
        slots = numpy.concatenate((answers_a, answers_b), axis=1)
        counted = numpy.concatenate((differ & (answers_a >= 0), differ & (answers_b >= 0)), axis=1)
        step = numpy.concatenate(
            (
                numpy.ones(answers_a.shape[1], numpy.int64),
                -numpy.ones(answers_a.shape[1], numpy.int64),
            )
        )
        slot = numpy.where(counted, slots, 0)
        # Gathered from the flat rows: a table's slot is at table × slots + slot.
        at_a, at_b = table_a * self.slots + slot, table_b * self.slots + slot
        counts, target = self.counts.reshape(-1), self.target.reshape(-1)
        before_a, before_b = counts.take(at_a), counts.take(at_b)
        target_a, target_b = target.take(at_a), target.take(at_b)
        after_a, after_b = before_a - step, before_b + step
        rise = (
            numpy.abs(after_a - target_a)
            - numpy.abs(before_a - target_a)
            + numpy.abs(after_b - target_b)
            - numpy.abs(before_b - target_b)
        )
        alone = (
            (after_a == 1).astype(numpy.int64) - (before_a == 1) + (after_b == 1) - (before_b == 1)
        )
        rise += SINGLE_COST * numpy.where(self.several.take(slot), alone, 0)
        change = numpy.where(counted, rise, 0.0).sum(axis=1)
        was_a, was_b = self.was_at[first], self.was_at[second]
        table_a, table_b = table_a[:, 0], table_b[:, 0]
        moved = (
            ((was_a >= 0) & (was_a != table_b)).astype(numpy.int64)
            - ((was_a >= 0) & (was_a != table_a))
            + ((was_b >= 0) & (was_b != table_a))
            - ((was_b >= 0) & (was_b != table_b))
        )
        change += MOVE_COST * moved
        return numpy.where(table_a == table_b, numpy.inf, change)

    def _general_change(self, moving: list[tuple[int, int]]) -> float:
        """The cost change of `moving` (unit, to table): the two tables' costs recomputed."""
        touched = {self.table_of_unit[u] for u, _to in moving} | {to for _u, to in moving}
        origins = [(u, self.table_of_unit[u]) for u, _to in moving]
        # Only the moving units' own move costs change: not the whole day's (move_cost).
        before = sum(self.table_cost(t) for t in touched) + sum(
            self._unit_move_cost(u, at) for u, at in origins
        )
        self._carry_out(moving)
        after = sum(self.table_cost(t) for t in touched) + sum(
            self._unit_move_cost(u, to) for u, to in moving
        )
        self._carry_out(origins)
        return after - before

    def _unit_move_cost(self, unit: int, table: int) -> float:
        """What it costs that `unit` sits at `table` rather than where its people sat."""
        return MOVE_COST * sum(1 for p in self.units[unit] if 0 <= self.was_at[p] != table)

    def _carry_out(self, moving: list[tuple[int, int]]) -> None:
        for unit, _to in moving:
            self._lift(unit)
        for unit, to in moving:
            self._place(unit, to)

    def _sizes_stay_even(self, table_from: int, table_to: int, people: int) -> bool:
        """Whether moving `people` from one table to another keeps every table within its
        chairs and the theme's tables within one person of each other."""
        if self.size[table_to] + people > self.capacity[table_to]:
            return False
        sizes = self.size.copy()
        sizes[table_from] -= people
        sizes[table_to] += people
        return int(sizes.max() - sizes.min()) <= max(1, int(self.size.max() - self.size.min()))

    def candidate(self, first: int, second: int) -> tuple[float, list[tuple[int, int]]] | None:
        """A move of unit `first` to the table of unit `second` (when that table is
        smaller, or the units differ in size), or a swap of two groups: its cost change
        and who goes where. None for units at one table, a move that would unbalance the
        tables, or two single people (`swap_changes` weighs those, many at once)."""
        table_a, table_b = self.table_of_unit[first], self.table_of_unit[second]
        if table_a == table_b:
            return None
        size_first, size_second = len(self.units[first]), len(self.units[second])
        if self.size[table_a] > self.size[table_b] or size_first != size_second:
            if not self._sizes_stay_even(table_a, table_b, size_first):
                return None
            moving = [(first, table_b)]
        elif size_first == 1:
            return None
        else:
            moving = [(first, table_b), (second, table_a)]
        return self._general_change(moving), moving

    def improve(
        self,
        tries: int,
        *,
        deadline: float | None = None,
        cool: bool = True,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Try `tries` swaps and moves, keeping what lowers the cost (and, while `cool`
        is on, some of what raises it a little, less so as the search cools); the best
        deal seen is kept. Returns the tries made (fewer only when `deadline` passed).
        `progress(tries made)` is called now and then; whatever it raises stops the search.

        Swaps of two single people are weighed in batches (`swap_changes`), against the
        deal as it was at the batch's start: one that was good then is still good when
        no swap before it in the batch touched its two tables, and is skipped otherwise.
        Moves and groups are tried one at a time, a few per batch.
        """
        movable = [u for u in range(len(self.units)) if u not in self.fixed_at]
        if len(self.size) < 2 or len(movable) < 2 or tries <= 0:
            return 0
        singles = numpy.array([self.units[u][0] for u in movable if len(self.units[u]) == 1])
        draw = numpy.random.default_rng(self.rng.getrandbits(64))
        batch = int(min(MAX_BATCH, max(MIN_BATCH, BATCH_PER_TABLE * len(self.size))))
        current = self.total()
        best, best_deal = current, list(self.table_of_unit)
        snapshot_from = int(tries * SNAPSHOT_SHARE)
        log_cooling = math.log(END_TEMPERATURE / START_TEMPERATURE) / tries
        made = reported = 0
        while made < tries:
            if deadline is not None and time.monotonic() > deadline:
                break
            size = min(batch, tries - made)
            temperature = START_TEMPERATURE * numpy.exp(log_cooling * (made + numpy.arange(size)))
            if len(singles) >= 2:
                current += self._swap_batch(singles, size, temperature if cool else None, draw)
            one_by_one = max(1, size // ONE_BY_ONE_SHARE)
            current += self._one_by_one(
                movable, one_by_one, float(temperature[-1]) if cool else 0.0
            )
            made += size + one_by_one
            if progress is not None and made - reported >= PROGRESS_EVERY:
                progress(min(made, tries))
                reported = made
            if current < best - 1e-9:
                best = current
                if made >= snapshot_from:
                    best_deal = list(self.table_of_unit)
        if current > best + 1e-9 and self._cost_of(best_deal) < current - 1e-9:
            self._restore(best_deal)
        return min(made, tries)

    def _swap_batch(
        self,
        singles: numpy.ndarray,
        size: int,
        temperature: numpy.ndarray | None,
        draw: numpy.random.Generator,
    ) -> float:
        """Weigh `size` random swaps of single people at once and carry out the ones
        taken; returns the cost change."""
        first = singles[draw.integers(len(singles), size=size)]
        second = singles[draw.integers(len(singles), size=size)]
        change = self.swap_changes(first, second)
        chance = draw.random(size)
        taken = change < -1e-9
        if temperature is not None:
            # Worse deals are taken now and then while the search is warm (never one
            # more than eight temperatures worse: that chance is below 1 in 3,000).
            with numpy.errstate(over="ignore"):
                warm = (change < 8 * temperature) & (
                    chance < numpy.exp(-numpy.minimum(change, 1e6) / temperature)
                )
            taken |= warm
        total = 0.0
        touched: set[int] = set()
        for index in numpy.flatnonzero(taken).tolist():
            a, b = int(first[index]), int(second[index])
            table_a, table_b = int(self.table_of_person[a]), int(self.table_of_person[b])
            if table_a in touched or table_b in touched:
                continue
            touched.update((table_a, table_b))
            self._carry_out(
                [
                    (int(self.unit_of_person[a]), table_b),
                    (int(self.unit_of_person[b]), table_a),
                ]
            )
            total += float(change[index])
        return total

    def _one_by_one(self, movable: list[int], count: int, temperature: float) -> float:
        """Try `count` moves and group swaps one at a time; returns the cost change."""
        total = 0.0
        for _try in range(count):
            candidate = self.candidate(self.rng.choice(movable), self.rng.choice(movable))
            if candidate is None:
                continue
            change, moving = candidate
            if change < -1e-9 or (
                temperature > 0
                and change < 8 * temperature
                and self.rng.random() < math.exp(-change / temperature)
            ):
                self._carry_out(moving)
                total += change
        return total

    def _cost_of(self, deal: list[int]) -> float:
        saved = list(self.table_of_unit)
        self._restore(deal)
        cost = self.total()
        self._restore(saved)
        return cost

    def _restore(self, deal: list[int]) -> None:
        for unit, table in enumerate(self.table_of_unit):
            if table >= 0:
                self._lift(unit)
        for unit, table in enumerate(deal):
            self._place(unit, table)

    def table_of(self) -> dict[int, int]:
        """Each person's table, by the people's and tables' own ids."""
        return {
            self.person_ids[person]: self.table_ids[table]
            for person, table in enumerate(self.table_of_person.tolist())
        }
