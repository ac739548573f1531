"""Seating a day's people at theme tables and in duos, keeping every table mixed.

In order of importance (issue 5): everyone seated, no table over capacity, tables of a
theme within one person of each other; first theme choice where possible, else the
second; each table's make-up close to the day's; duos whose partners differ; people who
asked to stay together stay together; and a re-run moves as few people as possible.

Tables: per theme, a start that already mixes, then simulated annealing over swaps and
moves with a work budget (domain.table_search). Duos: the split into pairs (and one
trio) whose partners differ most (domain.duos). The first-choice share is checked
against its true optimum, a maximum flow, for the gap; the tables' make-up against
lower bounds in docs/seating.md.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from degenks_desktop.domain.duos import dissimilarity, keep_duos
from degenks_desktop.domain.seats import SeatPerson, SeatTable
from degenks_desktop.domain.table_search import TableSearch

OFF_CHOICE_COST = 100.0
SECOND_CHOICE_COST = 10.0
TRIES_BASE = 300_000
TRIES_PER_PERSON = 1_000
TIME_CAP_SECONDS = 60.0
"""Only a safety net: the budget in tries ends the search long before, on any laptop."""


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
    """The most people that can sit at their first theme.

    A maximum flow from people through their first theme to its chairs; with one first
    theme each it is, per theme, the fewer of who chose it and its chairs.
    """
    chairs: Counter[int] = Counter()
    for table in tables:
        chairs[table.theme] += table.capacity
    wanted: Counter[int] = Counter(
        p.first_theme for p in people if p.first_theme is not None and p.first_theme in chairs
    )
    return sum(min(count, chairs[theme]) for theme, count in wanted.items())


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


def search_tries(people: int, effort: float = 1.0) -> int:
    """The work budget of a day's table search: how many swaps and moves it tries.

    A fixed part, so that a small day is searched thoroughly, and a part per person:
    about 1.5 s for a G360 day of 225 people and 7 s for 5,000 on a 2-core laptop of 2026
    (docs/seating.md), and the same seating on a faster or slower one.
    """
    return round(effort * (TRIES_BASE + TRIES_PER_PERSON * people))


def _progress_from(
    progress: Callable[[int, int], None], done: int, tries: int
) -> Callable[[int], None]:
    """A theme's progress as the day's: the tries of the themes before it come first."""
    return lambda made: progress(done + made, tries)


def seat_day(
    people: Sequence[SeatPerson],
    tables: Sequence[SeatTable],
    *,
    effort: float = 1.0,
    seed: int = 0,
    time_cap: float = TIME_CAP_SECONDS,
    progress: Callable[[int, int], None] | None = None,
) -> Seating:
    """Seat `people` at `tables` and form the duos.

    `effort` scales the search's work budget (`search_tries`); 0 searches nothing and
    keeps everyone where they are (the desk's live re-form). The same people, tables,
    effort and seed give the same seating on any machine; `time_cap` seconds is only a
    safety net that cuts the search short (and says so in the notes). `progress(done,
    total)` hears of the tries made now and then; whatever it raises stops the seating.
    """
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
    tries = search_tries(len(theme_of), effort) if effort > 0 else 0
    deadline = started + time_cap
    notes: list[str] = []
    done = 0
    for theme in sorted(by_theme):
        members = by_theme[theme]
        search = TableSearch(members, [t for t in tables if t.theme == theme], day_profile, rng)
        search.start()
        share = round(tries * len(members) / max(1, len(theme_of)))
        # A re-run starts from the seating there was: only improvements worth a move are
        # made, none of the annealing's detours (they would move people for nothing).
        rerun = any(person.current_table is not None for person in members)
        made = search.improve(
            share,
            deadline=deadline,
            cool=not rerun,
            progress=None if progress is None else _progress_from(progress, done, tries),
        )
        done += share
        if made < share:
            notes.append(f"search cut short by the {time_cap:g} s safety net")
        table_of.update(search.table_of())
        objective += search.total()
    at_table: dict[int, list[SeatPerson]] = defaultdict(list)
    for person in people:
        table = table_of.get(person.id)
        if table is None:
            continue
        # A duo only holds when its people stayed at the table it was formed at.
        at_table[table].append(
            person
            if person.current_table == table
            else SeatPerson(
                person.id, person.first_theme, person.second_theme, person.answers, person.together
            )
        )
    duos = {table.id: keep_duos(at_table[table.id]) for table in tables}
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
        notes=tuple(dict.fromkeys(notes)),
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
