"""Seating a day's people at theme tables and in duos, keeping every table mixed.

In order of importance (issue 5): everyone seated, no table over capacity, tables of a
theme within one person of each other; first theme choice where possible, else the
second; each table's make-up close to the day's; duos whose partners differ; people who
asked to stay together stay together; and a re-run moves as few people as possible.

Tables: a greedy start per theme, then a local search of moves and swaps under a time
limit. Duos: networkx's maximum-weight matching on how much two people differ. The
first-choice share is checked against its true optimum, a maximum flow, for the gap.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

STAY_TOGETHER_WEIGHT = 1000.0
MOVE_COST = 0.5
SINGLE_COST = 0.25
OFF_CHOICE_COST = 100.0
SECOND_CHOICE_COST = 10.0


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


@dataclass(frozen=True)
class Seating:
    """Who sits where, in which duo, and how good that is."""

    table_of: dict[int, int]
    duos: dict[int, tuple[tuple[int, ...], ...]]
    unseated: tuple[int, ...]
    first_choice: int
    first_choice_bound: int
    objective: float
    seconds: float
    moved: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def first_choice_share(self) -> float:
        """The share of seated people at their first theme."""
        return self.first_choice / len(self.table_of) if self.table_of else 0.0

    @property
    def gap(self) -> float:
        """How far the first-choice count is from its optimum (0 is optimal)."""
        if not self.first_choice_bound:
            return 0.0
        return (self.first_choice_bound - self.first_choice) / self.first_choice_bound


def answer_counts(people: Sequence[SeatPerson]) -> dict[str, Counter[str]]:
    """How many people gave each answer, per category: the day's make-up."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for person in people:
        for category, value in person.answers:
            counts[category][value] += 1
    return counts


def first_choice_bound(people: Sequence[SeatPerson], tables: Sequence[SeatTable]) -> int:
    """The most people that can sit at their first theme: a maximum flow."""
    capacity: Counter[int] = Counter()
    for table in tables:
        capacity[table.theme] += table.capacity
    graph = nx.DiGraph()
    for person in people:
        if person.first_theme in capacity:
            graph.add_edge("source", ("person", person.id), capacity=1)
            graph.add_edge(("person", person.id), ("theme", person.first_theme), capacity=1)
    for theme, chairs in capacity.items():
        graph.add_edge(("theme", theme), "sink", capacity=chairs)
    if "source" not in graph:
        return 0
    return int(nx.maximum_flow_value(graph, "source", "sink"))


def _choose_themes(
    people: Sequence[SeatPerson], tables: Sequence[SeatTable]
) -> tuple[dict[int, int], list[int]]:
    """Each person's theme: first choice while there is room, then second, then any."""
    room: Counter[int] = Counter()
    for table in tables:
        room[table.theme] += table.capacity
    theme_of: dict[int, int] = {}
    table_theme = {table.id: table.theme for table in tables}
    for person in people:  # pins first: the organiser decided
        if person.pinned_table in table_theme:
            theme = table_theme[person.pinned_table]
            theme_of[person.id] = theme
            room[theme] -= 1
    rest = [p for p in people if p.id not in theme_of]
    group_theme: dict[str, int] = {}
    for choice in ("first_theme", "second_theme"):
        for person in rest:
            # People who stay together go where the first of them went.
            wanted = group_theme.get(person.together or "", getattr(person, choice))
            if person.id not in theme_of and wanted is not None and room[wanted] > 0:
                theme_of[person.id] = wanted
                room[wanted] -= 1
                if person.together:
                    group_theme.setdefault(person.together, wanted)
    unseated = []
    for person in rest:
        if person.id in theme_of:
            continue
        roomiest = max(room, key=lambda t: room[t], default=None)
        if roomiest is None or room[roomiest] <= 0:
            unseated.append(person.id)
            continue
        theme_of[person.id] = roomiest
        room[roomiest] -= 1
    return theme_of, unseated


class _TableSearch:
    """Local search over the tables of one theme: balance, mix, ties and stability."""

    def __init__(
        self,
        people: list[SeatPerson],
        tables: list[SeatTable],
        day_profile: dict[str, Counter[str]],
        rng: random.Random,
    ) -> None:
        self.people = {p.id: p for p in people}
        self.tables = tables
        self.day_profile = day_profile
        self.rng = rng
        self.capacity = {t.id: t.capacity for t in tables}
        self.members: dict[int, list[int]] = {t.id: [] for t in tables}
        self.table_of: dict[int, int] = {}

    def start(self) -> None:
        """Pins, then people back at their current table, then the emptiest table."""
        order = sorted(
            self.people.values(), key=lambda p: (p.pinned_table is None, p.current_table is None)
        )
        groups: dict[str, int] = {}
        for person in order:
            table = None
            if person.pinned_table in self.capacity:
                table = person.pinned_table
            elif person.together and person.together in groups:
                table = groups[person.together]
            elif (
                person.current_table in self.capacity
                and len(self.members[person.current_table]) < self.capacity[person.current_table]
            ):
                table = person.current_table
            if table is None or len(self.members[table]) >= self.capacity[table]:
                table = min(
                    self.members, key=lambda t: (len(self.members[t]) / self.capacity[t], t)
                )
            self._put(person.id, table)
            if person.together:
                groups.setdefault(person.together, table)

    def _fewest_alike(self, person: SeatPerson) -> int:
        """Among the emptiest tables, the one with the fewest people who answer alike."""
        smallest = min(len(m) / self.capacity[t] for t, m in self.members.items())
        answers = set(person.answers)
        candidates = [
            t
            for t, m in self.members.items()
            if len(m) / self.capacity[t] <= smallest + 1e-9 and len(m) < self.capacity[t]
        ]
        if not candidates:
            candidates = [t for t, m in self.members.items() if len(m) < self.capacity[t]] or list(
                self.members
            )
        return min(
            candidates,
            key=lambda t: (
                sum(len(answers & set(self.people[m].answers)) for m in self.members[t]),
                t,
            ),
        )

    def _put(self, person: int, table: int) -> None:
        self.members[table].append(person)
        self.table_of[person] = table

    def _take(self, person: int) -> None:
        self.members[self.table_of.pop(person)].remove(person)

    def table_cost(self, table: int) -> float:
        """How far a table's make-up is from the day's, plus people alone in their group."""
        members = [self.people[m] for m in self.members[table]]
        if not members:
            return 0.0
        cost = 0.0
        for category, day_counts in self.day_profile.items():
            answered = [dict(p.answers).get(category) for p in members]
            counts = Counter(a for a in answered if a)
            total_day = sum(day_counts.values())
            if not total_day:
                continue
            size = len(members)
            for value, day_count in day_counts.items():
                # The imbalance of docs/seating.md: |count - the table's fair share|.
                cost += abs(counts.get(value, 0) - size * day_count / total_day)
            cost += SINGLE_COST * sum(
                1 for value, n in counts.items() if n == 1 and day_counts.get(value, 0) > 1
            )
        for person in members:
            if person.current_table is not None and person.current_table != table:
                cost += MOVE_COST
            if person.together:
                mates = [m for m in self.people.values() if m.together == person.together]
                cost += STAY_TOGETHER_WEIGHT * sum(
                    1 for mate in mates if self.table_of.get(mate.id) != table
                )
        sizes = [len(m) for m in self.members.values()]
        return cost + (10.0 * (max(sizes) - min(sizes) - 1) if max(sizes) - min(sizes) > 1 else 0)

    def total(self) -> float:
        return sum(self.table_cost(t) for t in self.members)

    def improve(self, deadline: float) -> None:
        """Swap two people of different tables while that lowers the cost, until the deadline."""
        if len(self.tables) < 2:
            return
        movable = [p for p in self.people.values() if p.pinned_table is None]
        improved = True
        while improved and time.monotonic() < deadline:
            improved = False
            for a, b in itertools.combinations(self.rng.sample(movable, len(movable)), 2):
                if time.monotonic() >= deadline:
                    return
                table_a, table_b = self.table_of[a.id], self.table_of[b.id]
                if table_a == table_b:
                    continue
                before = self.table_cost(table_a) + self.table_cost(table_b)
                self._swap(a.id, b.id)
                after = self.table_cost(table_a) + self.table_cost(table_b)
                if after + 1e-9 < before:
                    improved = True
                else:
                    self._swap(a.id, b.id)

    def _swap(self, a: int, b: int) -> None:
        table_a, table_b = self.table_of[a], self.table_of[b]
        self._take(a)
        self._take(b)
        self._put(a, table_b)
        self._put(b, table_a)


def dissimilarity(a: SeatPerson, b: SeatPerson) -> float:
    """How many answers two people differ on (a shared answer counts 0, a missing one ½)."""
    answers_a, answers_b = dict(a.answers), dict(b.answers)
    score = 0.0
    for category in set(answers_a) | set(answers_b):
        if category not in answers_a or category not in answers_b:
            score += 0.5
        elif answers_a[category] != answers_b[category]:
            score += 1.0
    return score


def form_duos(people: Sequence[SeatPerson]) -> tuple[tuple[int, ...], ...]:
    """Pairs that differ most (maximum-weight matching); one trio when the count is odd."""
    if len(people) < 2:
        return (tuple(p.id for p in people),) if people else ()
    graph = nx.Graph()
    for a, b in itertools.combinations(people, 2):
        weight = 1.0 + dissimilarity(a, b)
        if a.together and a.together == b.together:
            weight += STAY_TOGETHER_WEIGHT
        graph.add_edge(a.id, b.id, weight=weight)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    duos = [tuple(sorted(pair)) for pair in matching]
    paired = {person for pair in duos for person in pair}
    by_id = {p.id: p for p in people}
    for person in people:
        if person.id in paired:
            continue
        # The odd one out joins the duo they differ most from (or their companion's).
        best = max(
            range(len(duos)),
            key=lambda i: sum(
                (
                    STAY_TOGETHER_WEIGHT
                    if by_id[m].together and by_id[m].together == person.together
                    else 0
                )
                + dissimilarity(person, by_id[m])
                for m in duos[i]
            ),
        )
        duos[best] = (*duos[best], person.id)
    return tuple(sorted(duos))


def keep_duos(people: Sequence[SeatPerson]) -> tuple[tuple[int, ...], ...]:
    """Duos for one table that keep every pair still complete at it; only the rest re-pair.

    A partner who did not come leaves someone alone: they and the newcomers are paired
    among themselves (or join a kept duo as its third), so the room is disturbed least.
    """
    by_duo: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        if person.current_duo is not None:
            by_duo[person.current_duo].append(person)
    kept = [
        tuple(sorted(p.id for p in members)) for members in by_duo.values() if len(members) >= 2
    ]
    kept_ids = {person for duo in kept for person in duo}
    rest = [p for p in people if p.id not in kept_ids]
    if not rest:
        return tuple(sorted(kept))
    if len(rest) == 1 and kept:
        by_id = {p.id: p for p in people}
        loner = rest[0]
        pairs = [duo for duo in kept if len(duo) == 2] or kept
        best = max(pairs, key=lambda duo: sum(dissimilarity(loner, by_id[m]) for m in duo))
        kept[kept.index(best)] = (*best, loner.id)
        return tuple(sorted(kept))
    return tuple(sorted([*kept, *form_duos(rest)]))


def seat_day(
    people: Sequence[SeatPerson],
    tables: Sequence[SeatTable],
    *,
    time_limit: float = 1.8,
    seed: int = 0,
) -> Seating:
    """Seat `people` at `tables` and form the duos, within about `time_limit` seconds."""
    started = time.monotonic()
    rng = random.Random(seed)
    theme_of, unseated = _choose_themes(people, tables)
    day_profile = answer_counts(people)
    by_theme: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        if person.id in theme_of:
            by_theme[theme_of[person.id]].append(person)
    table_of: dict[int, int] = {}
    objective = 0.0
    themes = sorted(by_theme)
    for index, theme in enumerate(themes):
        theme_tables = [t for t in tables if t.theme == theme]
        remaining = time_limit - (time.monotonic() - started)
        theme_deadline = time.monotonic() + max(0.0, remaining) / (len(themes) - index)
        best: _TableSearch | None = None
        best_total = float("inf")
        # Restarts from different deals while time is left; a limit of 0 keeps everyone
        # where they are (the live re-form) and makes exactly one deal.
        while best is None or time.monotonic() < theme_deadline:
            search = _TableSearch(by_theme[theme], theme_tables, day_profile, rng)
            search.start()
            if time_limit > 0:
                search.improve(theme_deadline)
            total = search.total()
            if total < best_total:
                best, best_total = search, total
            if time_limit <= 0 or len(theme_tables) < 2:
                break
        assert best is not None
        table_of.update(best.table_of)
        objective += best_total
    people_by_id = {p.id: p for p in people}
    duos = {
        table.id: keep_duos(
            [
                # A duo only holds when its people stayed at the table it was formed at.
                people_by_id[p]
                if people_by_id[p].current_table == table.id
                else SeatPerson(
                    people_by_id[p].id,
                    people_by_id[p].first_theme,
                    people_by_id[p].second_theme,
                    people_by_id[p].answers,
                    people_by_id[p].together,
                )
                for p, t in table_of.items()
                if t == table.id
            ]
        )
        for table in tables
    }
    first = sum(1 for p in people if p.id in table_of and theme_of[p.id] == p.first_theme)
    objective += sum(
        0.0
        if theme_of[p.id] == p.first_theme
        else SECOND_CHOICE_COST
        if theme_of[p.id] == p.second_theme
        else OFF_CHOICE_COST
        for p in people
        if p.id in theme_of
    )
    moved = sum(
        1 for p in people if p.current_table is not None and table_of.get(p.id) != p.current_table
    )
    return Seating(
        table_of=table_of,
        duos=duos,
        unseated=tuple(unseated),
        first_choice=first,
        first_choice_bound=first_choice_bound(people, tables),
        objective=round(objective, 3),
        seconds=time.monotonic() - started,
        moved=moved,
    )


def mix_score(
    table_answers: Sequence[tuple[tuple[str, str], ...]],
    day_profile: dict[str, Counter[str]],
) -> int:
    """How closely a table's make-up follows the day's, 0 to 100 (100: the same shares).

    One figure, never counts per value: at a table of ten, counts would point at people.
    """
    distances = []
    for category, day_counts in day_profile.items():
        day_total = sum(day_counts.values())
        answers = [dict(answers).get(category) for answers in table_answers]
        counts = Counter(answer for answer in answers if answer)
        table_total = sum(counts.values())
        if not day_total or not table_total:
            continue
        # Total variation distance between the two distributions: 0 same, 1 disjoint.
        values = set(day_counts) | set(counts)
        distances.append(
            sum(abs(counts[v] / table_total - day_counts[v] / day_total) for v in values) / 2
        )
    if not distances:
        return 100
    return round(100 * (1 - sum(distances) / len(distances)))


@dataclass(frozen=True)
class SeatingQuality:
    """The figures a seating is judged by (docs/seating.md)."""

    imbalance: float
    isolated: int
    duo_dissimilarity: float
    first_choice_share: float


def day_shares(people: Sequence[SeatPerson]) -> dict[str, dict[str, float]]:
    """Each answer's share of the day, per category."""
    counts = answer_counts(people)
    return {
        category: {value: n / sum(values.values()) for value, n in values.items()}
        for category, values in counts.items()
    }


def imbalance(table_of: dict[int, int], people: Sequence[SeatPerson]) -> float:
    """Sum over tables and answers of |count − the table's size × the day's share|."""
    shares = day_shares(people)
    by_table: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        if person.id in table_of:
            by_table[table_of[person.id]].append(person)
    total = 0.0
    for members in by_table.values():
        for category, values in shares.items():
            counts = Counter(dict(p.answers).get(category) for p in members)
            for value, share in values.items():
                total += abs(counts[value] - len(members) * share)
    return total


def isolated_people(table_of: dict[int, int], people: Sequence[SeatPerson]) -> int:
    """People who are the only one of their origin or age band at their table."""
    by_table: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        if person.id in table_of:
            by_table[table_of[person.id]].append(person)
    alone = 0
    for members in by_table.values():
        for category in ("origin", "age_band"):
            counts = Counter(dict(p.answers).get(category) for p in members)
            alone += sum(1 for value, n in counts.items() if value and n == 1)
    return alone


def seating_quality(
    table_of: dict[int, int],
    duos: dict[int, tuple[tuple[int, ...], ...]],
    people: Sequence[SeatPerson],
) -> SeatingQuality:
    """Imbalance, isolated people, mean duo dissimilarity and first-choice share."""
    by_id = {p.id: p for p in people}
    pairs = [
        dissimilarity(by_id[a], by_id[b])
        for table_duos in duos.values()
        for duo in table_duos
        for a, b in itertools.combinations(duo, 2)
    ]
    return SeatingQuality(
        imbalance=round(imbalance(table_of, people), 2),
        isolated=isolated_people(table_of, people),
        duo_dissimilarity=round(sum(pairs) / len(pairs), 3) if pairs else 0.0,
        first_choice_share=0.0,
    )
