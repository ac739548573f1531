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
several people gave, plus a little for each person moved from where they sat before.
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
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy

SINGLE_COST = 0.25
"""For each answer given by several people of the day but by only one at a table."""
MOVE_COST = 0.5
"""For each person seated elsewhere than the table they had: a re-run moves few."""
START_TEMPERATURE = 0.15
END_TEMPERATURE = 0.01
"""The annealing starts by taking a rise of a fraction of one answer out of place, and
cools to taking none (docs/seating.md has the runs that chose these)."""
SNAPSHOT_SHARE = 0.5
"""The best deal is copied only in the last half of the tries: early ones are rarely it."""


class Person(Protocol):
    """What the search needs of someone to seat (domain.seating.SeatPerson)."""

    @property
    def id(self) -> int: ...
    @property
    def answers(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def together(self) -> str | None: ...
    @property
    def pinned_table(self) -> int | None: ...
    @property
    def current_table(self) -> int | None: ...


class Chairs(Protocol):
    """What the search needs of a table (domain.seating.SeatTable)."""

    @property
    def id(self) -> int: ...
    @property
    def capacity(self) -> int: ...


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
        people: Sequence[Person],
        tables: Sequence[Chairs],
        day_profile: Mapping[str, Mapping[str, int]],
        rng: random.Random,
    ) -> None:
        self.rng = rng
        self.table_ids = [table.id for table in tables]
        self.capacity = [table.capacity for table in tables]
        index_of_table = {table_id: index for index, table_id in enumerate(self.table_ids)}
        # Every (category, answer) of the day gets one slot in a flat list of counts.
        slot_of: dict[tuple[str, str], int] = {}
        self.share: list[float] = []
        self.several: list[bool] = []
        for category, counts in day_profile.items():
            answered = sum(counts.values())
            for value, count in counts.items():
                if not answered:
                    continue
                slot_of[category, value] = len(self.share)
                self.share.append(count / answered)
                self.several.append(count > 1)
        self.slots = len(self.share)
        self.person_ids = [person.id for person in people]
        categories = list(day_profile)
        # Per person, per category of the day: the slot of their answer, -1 for none.
        self.aligned: list[tuple[int, ...]] = [
            tuple(
                slot_of.get((category, dict(person.answers).get(category, "")), -1)
                for category in categories
            )
            for person in people
        ]
        self.slots_of: list[tuple[int, ...]] = [
            tuple(slot_of[answer] for answer in person.answers if answer in slot_of)
            for person in people
        ]
        self.was_at = [index_of_table.get(p.current_table, -1) for p in people]  # type: ignore[arg-type]
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
        self.table_of_unit = [-1] * len(self.units)
        self.members: list[list[int]] = [[] for _ in tables]
        self.size = [0] * len(tables)
        self.counts = [[0] * self.slots for _ in tables]

    # -- the cost ---------------------------------------------------------------------

    def _term(self, count: int, target: float, slot: int) -> float:
        single = SINGLE_COST if count == 1 and self.several[slot] else 0.0
        return abs(count - target) + single

    def table_cost(self, table: int) -> float:
        """How far a table's make-up is from the day's (moves not included)."""
        size, counts = self.size[table], self.counts[table]
        if not size:
            return 0.0
        return sum(self._term(counts[s], size * self.share[s], s) for s in range(self.slots))

    def move_cost(self) -> float:
        """What moving people away from their earlier tables costs."""
        return MOVE_COST * sum(
            1
            for unit, table in enumerate(self.table_of_unit)
            for person in self.units[unit]
            if self.was_at[person] >= 0 and self.was_at[person] != table
        )

    def total(self) -> float:
        """The cost of the deal as it stands."""
        return sum(self.table_cost(t) for t in range(len(self.size))) + self.move_cost()

    # -- placing people ---------------------------------------------------------------

    def _place(self, unit: int, table: int) -> None:
        self.table_of_unit[unit] = table
        self.members[table].append(unit)
        counts = self.counts[table]
        for person in self.units[unit]:
            self.size[table] += 1
            for slot in self.slots_of[person]:
                counts[slot] += 1

    def _lift(self, unit: int) -> None:
        table = self.table_of_unit[unit]
        self.members[table].remove(unit)
        counts = self.counts[table]
        for person in self.units[unit]:
            self.size[table] -= 1
            for slot in self.slots_of[person]:
                counts[slot] -= 1
        self.table_of_unit[unit] = -1

    def start(self) -> None:
        """The first deal: pins, then whoever can stay where they sat, then the rest,
        largest groups and rarest answers first, each where they mix the table most."""
        planned = planned_sizes(len(self.person_ids), self.capacity)
        for unit, table in self.fixed_at.items():
            self._place(unit, table)
        free = [unit for unit in range(len(self.units)) if unit not in self.fixed_at]
        for unit in free:
            earlier = Counter(self.was_at[p] for p in self.units[unit] if self.was_at[p] >= 0)
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
        self._deal(rest, planned)

    def _deal(self, units: list[int], planned: list[int]) -> None:
        """Each unit in turn to the table with room where it brings the counts closest to
        that table's planned share of the day (all tables weighed at once, with numpy)."""
        if not units:
            return
        counts = numpy.array(self.counts, dtype=numpy.int64).reshape(len(self.size), self.slots)
        size = numpy.array(self.size, dtype=numpy.int64)
        planned_size = numpy.array(planned, dtype=numpy.int64)
        capacity = numpy.array(self.capacity, dtype=numpy.int64)
        target = planned_size[:, None] * numpy.array(self.share)[None, :]
        several = numpy.array(self.several, dtype=bool)
        was_at = numpy.array(self.was_at)
        for unit in units:
            people = self.units[unit]
            added = Counter(slot for p in people for slot in self.slots_of[p])
            room = size + len(people) <= planned_size
            if not room.any():  # a group larger than planned anywhere: any chairs left
                room = size + len(people) <= capacity
            if not room.any():
                room = size == size.min()
            rise = numpy.zeros(len(size))
            for slot, n in added.items():
                before = counts[:, slot]
                rise += numpy.abs(before + n - target[:, slot]) - numpy.abs(
                    before - target[:, slot]
                )
                if several[slot]:
                    rise += SINGLE_COST * ((before + n == 1).astype(float) - (before == 1))
            for person in people:
                if was_at[person] >= 0:
                    rise += MOVE_COST
                    rise[was_at[person]] -= MOVE_COST
            rise = numpy.where(room, numpy.round(rise, 9), numpy.inf)
            ties = numpy.flatnonzero(rise == rise.min())
            table = int(ties[numpy.argmin(size[ties])])
            for slot, n in added.items():
                counts[table, slot] += n
            size[table] += len(people)
            self._place(unit, table)

    # -- the search -------------------------------------------------------------------

    def _swap_change(self, a: int, b: int, table_a: int, table_b: int) -> float:
        """The cost change of two single people, `a` at `table_a` and `b` at `table_b`,
        trading tables (sizes stay the same): only the answers they differ on count."""
        counts_a, counts_b = self.counts[table_a], self.counts[table_b]
        size_a, size_b = self.size[table_a], self.size[table_b]
        share, several = self.share, self.several
        change = 0.0
        for leaving, coming in zip(self.aligned[a], self.aligned[b], strict=True):
            if leaving == coming:
                continue
            # One person of answer `leaving` goes from table a to b, one of `coming` back.
            for slot, step in ((leaving, 1), (coming, -1)):
                if slot < 0:
                    continue
                target_a, target_b = size_a * share[slot], size_b * share[slot]
                before_a, before_b = counts_a[slot], counts_b[slot]
                after_a, after_b = before_a - step, before_b + step
                change += (
                    abs(after_a - target_a)
                    - abs(before_a - target_a)
                    + abs(after_b - target_b)
                    - abs(before_b - target_b)
                )
                if several[slot]:
                    change += SINGLE_COST * (
                        (after_a == 1) - (before_a == 1) + (after_b == 1) - (before_b == 1)
                    )
        was_a, was_b = self.was_at[a], self.was_at[b]
        if was_a >= 0 or was_b >= 0:
            change += MOVE_COST * (
                (was_a >= 0 and was_a != table_b)
                - (was_a >= 0 and was_a != table_a)
                + (was_b >= 0 and was_b != table_a)
                - (was_b >= 0 and was_b != table_b)
            )
        return change

    def _general_change(self, moving: list[tuple[int, int]]) -> float:
        """The cost change of `moving` (unit, to table): the two tables' costs recomputed."""
        touched = {self.table_of_unit[u] for u, _to in moving} | {to for _u, to in moving}
        before = sum(self.table_cost(t) for t in touched)
        before_moves = sum(self._unit_move_cost(u, self.table_of_unit[u]) for u, _to in moving)
        origins = [(u, self.table_of_unit[u]) for u, _to in moving]
        for unit, to in moving:
            self._lift(unit)
            self._place(unit, to)
        after = sum(self.table_cost(t) for t in touched)
        after_moves = sum(self._unit_move_cost(u, to) for u, to in moving)
        for unit, origin in origins:
            self._lift(unit)
            self._place(unit, origin)
        return after - before + after_moves - before_moves

    def _unit_move_cost(self, unit: int, table: int) -> float:
        return MOVE_COST * sum(1 for p in self.units[unit] if 0 <= self.was_at[p] != table)

    def _sizes_stay_even(self, table_from: int, table_to: int, people: int) -> bool:
        """Whether moving `people` from one table to another keeps every table within its
        chairs and the theme's tables within one person of each other."""
        if self.size[table_to] + people > self.capacity[table_to]:
            return False
        sizes = list(self.size)
        sizes[table_from] -= people
        sizes[table_to] += people
        return max(sizes) - min(sizes) <= max(1, max(self.size) - min(self.size))

    def _candidate(self, first: int, second: int) -> tuple[float, list[tuple[int, int]]] | None:
        """A swap of two units (or a move of the first to the second's table, when that
        table is smaller or the units differ in size): its cost change and who goes
        where. None when they sit together or the move would unbalance the tables."""
        table_a, table_b = self.table_of_unit[first], self.table_of_unit[second]
        if table_a == table_b:
            return None
        size_first, size_second = len(self.units[first]), len(self.units[second])
        move_only = self.size[table_a] > self.size[table_b] and self.rng.random() < 0.5
        if move_only or size_first != size_second:
            if not self._sizes_stay_even(table_a, table_b, size_first):
                return None
            moving = [(first, table_b)]
            return self._general_change(moving), moving
        moving = [(first, table_b), (second, table_a)]
        if size_first == 1:
            a, b = self.units[first][0], self.units[second][0]
            return self._swap_change(a, b, table_a, table_b), moving
        return self._general_change(moving), moving

    def improve(self, tries: int, *, deadline: float | None = None, cool: bool = True) -> int:
        """Try `tries` swaps and moves, keeping what lowers the cost (and, while `cool`
        is on, some of what raises it a little, less so as the search cools); the best
        deal seen is kept. Returns the tries made (fewer only when `deadline` passed)."""
        movable = [u for u in range(len(self.units)) if u not in self.fixed_at]
        if len(self.size) < 2 or len(movable) < 2 or tries <= 0:
            return 0
        rng = self.rng
        current = self.total()
        best, best_deal = current, list(self.table_of_unit)
        snapshot_from = int(tries * SNAPSHOT_SHARE)
        temperature = START_TEMPERATURE if cool else 0.0
        cooling = (END_TEMPERATURE / START_TEMPERATURE) ** (1 / tries) if cool else 1.0
        made = 0
        for made in range(1, tries + 1):
            if deadline is not None and made % 1024 == 0 and time.monotonic() > deadline:
                break
            temperature *= cooling
            candidate = self._candidate(rng.choice(movable), rng.choice(movable))
            if candidate is None:
                continue
            change, moving = candidate
            # Worse deals are taken now and then while the search is warm (never one
            # more than eight temperatures worse: that chance is below 1 in 3,000).
            if change < -1e-9 or (
                temperature > 0
                and change < 8 * temperature
                and rng.random() < math.exp(-change / temperature)
            ):
                for unit, _to in moving:
                    self._lift(unit)
                for unit, to in moving:
                    self._place(unit, to)
                current += change
                if current < best - 1e-9:
                    best = current
                    if made >= snapshot_from:
                        best_deal = list(self.table_of_unit)
        if current > best + 1e-9 and self._cost_of(best_deal) < current - 1e-9:
            self._restore(best_deal)
        return made

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
            for unit, table in enumerate(self.table_of_unit)
            for person in self.units[unit]
        }
