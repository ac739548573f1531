"""The draw of a day: its settings, the draw itself, the waiting list and who moves up.

When more people register for a day than it has places, the organisers draw who comes:
a stratified lottery (`domain.sortition`) within quotas proposed from the city's
figures. Everyone registered for the day (not walk-ins, not cancellations) is in the
pool; a person without answers or consent is in it with "not given" as their value.
The outcome is kept per person with their chance, the draw with its seed, algorithm and
quotas, and the statuses follow: selected people are registered, the waiting list is
waitlisted in order, the others are not selected. Every write is one transaction with
its audit entry. Answers are read here and leave only as counts.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from degenks_desktop.domain.diversity import THEME_CATEGORY, age_band, category_by_key
from degenks_desktop.domain.registration import DRAWN_STATUSES, RegistrationStatus
from degenks_desktop.domain.sortition import (
    NOT_GIVEN,
    DrawResult,
    Quota,
    QuotaShortfall,
    QuotasInfeasible,
    Unit,
    draw,
    next_to_move_up,
    propose_quotas,
)
from degenks_desktop.errors import InputRejected, NothingToDo
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import (
    event_neighbourhoods,
    require_day,
    require_event,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Day,
    DiversityTarget,
    Draw,
    DrawOutcome,
    DrawSettings,
    Participant,
    Profile,
    Table,
    Theme,
    WatchedCategory,
    utc_now,
)

ALGORITHMS = ("maximin", "nash", "leximin", "legacy")
DEFAULT_TOLERANCE = 0.2
PROFILE_FIELDS = {
    "gender": "gender",
    "origin": "origin",
    "education": "education",
    "neighbourhood": "neighbourhood",
    "work_situation": "work_situation",
    "years_in_genk": "years_in_genk",
}


@dataclass(frozen=True)
class DrawPlan:
    """What a day's draw will ask: places, waiting list length, households, quotas."""

    day: int
    places: int
    waiting_list: int
    households_together: bool
    tolerance: float
    quotas: tuple[Quota, ...]
    chairs: int
    registered: int


@dataclass(frozen=True)
class QuotaRow:
    """One value of a quota as the Selectie page shows it; a count of 1 to 4 is None."""

    category: str
    value: str
    label: str
    registered: int | None
    selected: int | None
    target: float | None
    minimum: int
    maximum: int


@dataclass(frozen=True)
class DrawReport:
    """What a draw came to, in the keys of `degenks select --json` (CLI.md)."""

    day: int
    registered: int
    places: int
    selected: int
    waiting: int
    not_selected: int
    lowest_probability: float
    quotas: tuple[Quota, ...]
    counts: dict[tuple[str, str], int]
    seed: int
    algorithm: str
    seconds: float
    probabilities: tuple[float, ...] = field(default=())

    def describe(self) -> str:
        """The draw in a sentence or two, for the command line."""
        return _(
            "Day {day}: {selected} of {registered} registrants drawn for {places} places "
            "({algorithm}, seed {seed}); {waiting} on the waiting list, {not_selected} not "
            "selected. The lowest chance was {lowest:.1%}."
        ).format(
            day=self.day,
            selected=self.selected,
            registered=self.registered,
            places=self.places,
            algorithm=self.algorithm,
            seed=self.seed,
            waiting=self.waiting,
            not_selected=self.not_selected,
            lowest=self.lowest_probability,
        )

    def as_json(self) -> dict[str, Any]:
        """The CLI's keys; a selected count of 1 to 4 people is left out (null)."""
        return {
            "day": self.day,
            "registered": self.registered,
            "places": self.places,
            "selected": self.selected,
            "waiting": self.waiting,
            "not_selected": self.not_selected,
            "min_probability": round(self.lowest_probability, 4),
            "quotas": [
                {
                    "category": quota.category,
                    "value": quota.value,
                    "min": quota.minimum,
                    "max": quota.maximum,
                    "selected": _shown(self.counts.get((quota.category, quota.value), 0)),
                }
                for quota in self.quotas
            ],
            "seed": self.seed,
            "algorithm": self.algorithm,
            "seconds": round(self.seconds, 2),
        }


@dataclass(frozen=True)
class WaitingPerson:
    """Someone on the waiting list, in order."""

    position: int
    participant_id: int
    name: str


@dataclass(frozen=True)
class DrawOverview:
    """The latest draw of a day for the Selectie page; None fields: no draw yet."""

    report: DrawReport | None
    waiting: tuple[WaitingPerson, ...]


def _shown(count: int) -> int | None:
    """A count as it may leave the app: a group of 1 to 4 people is hidden."""
    return None if 0 < count < 5 else count


def _quota_json(quotas: Sequence[Quota]) -> str:
    return json.dumps(
        [
            {"category": q.category, "value": q.value, "minimum": q.minimum, "maximum": q.maximum}
            for q in quotas
        ]
    )


def _quotas_from(text: str) -> tuple[Quota, ...]:
    return tuple(Quota(**row) for row in json.loads(text or "[]"))


def _chairs(session: Session, day: Day) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Table.capacity), 0)).where(Table.day_id == day.id)
        )
        or 0
    )


def _pool_rows(session: Session, day: Day) -> list[Any]:
    """Everyone in the day's pool: id, names, group label, consent, first theme."""
    return list(
        session.execute(
            select(
                Participant.id,
                Participant.first_name,
                Participant.last_name,
                Participant.stay_with,
                Participant.profile_consent,
                Theme.code,
            )
            .outerjoin(Theme, Theme.id == Participant.first_theme_id)
            .where(
                Participant.day_id == day.id,
                Participant.status.in_(DRAWN_STATUSES),
                Participant.source != "walk_in",
            )
            .order_by(Participant.id)
        ).all()
    )


def _watched(session: Session, event_id: int) -> list[str]:
    return list(
        session.scalars(
            select(WatchedCategory.category)
            .where(WatchedCategory.event_id == event_id)
            .order_by(WatchedCategory.position)
        )
    )


def _answers(
    session: Session, day: Day, rows: list[Any], watched: list[str]
) -> dict[int, dict[str, str]]:
    """Each pool member's value per watched category (and theme); NOT_GIVEN for none."""
    consenting = {row.id for row in rows if row.profile_consent}
    profiles: dict[int, Profile] = {}
    ids = sorted(consenting)
    for start in range(0, len(ids), 900):
        for found in session.scalars(
            select(Profile).where(Profile.participant_id.in_(ids[start : start + 900]))
        ):
            profiles[found.participant_id] = found
    answers: dict[int, dict[str, str]] = {}
    for row in rows:
        profile = profiles.get(row.id)
        values: dict[str, str] = {}
        for key in watched:
            value: str | None = None
            if profile is not None:
                if key == "age_band":
                    value = (
                        age_band(profile.birth_year, day.date.year)
                        if profile.birth_year is not None
                        else None
                    )
                elif key in PROFILE_FIELDS:
                    value = getattr(profile, PROFILE_FIELDS[key])
            values[key] = value or NOT_GIVEN
        values[THEME_CATEGORY] = row.code or NOT_GIVEN
        answers[row.id] = values
    return answers


def _units(rows: list[Any], answers: dict[int, dict[str, str]], together: bool) -> list[Unit]:
    """The pool as units: people who registered together are one unit when `together`."""
    groups: dict[str, list[int]] = {}
    units: list[Unit] = []
    for row in rows:
        if together and row.stay_with:
            groups.setdefault(row.stay_with, []).append(row.id)
        else:
            units.append(Unit(f"p{row.id}", (row.id,), (answers[row.id],)))
    for _label, members in sorted(groups.items()):
        if len(members) == 1:
            units.append(Unit(f"p{members[0]}", (members[0],), (answers[members[0]],)))
        else:
            units.append(
                Unit(f"g{min(members)}", tuple(members), tuple(answers[m] for m in members))
            )
    return units


def _pool_counts(
    answers: dict[int, dict[str, str]], categories: list[str]
) -> dict[str, Counter[str]]:
    return {key: Counter(values[key] for values in answers.values()) for key in categories}


def _targets(session: Session, event_id: int) -> dict[str, dict[str, float]]:
    targets: dict[str, dict[str, float]] = {}
    for target in session.scalars(
        select(DiversityTarget).where(DiversityTarget.event_id == event_id)
    ):
        targets.setdefault(target.category, {})[target.value] = target.share
    return targets


def _proposed(
    session: Session,
    event_id: int,
    answers: dict[int, dict[str, str]],
    places: int,
    tolerance: float,
) -> tuple[Quota, ...]:
    watched = _watched(session, event_id)
    quotas = propose_quotas(
        _pool_counts(answers, watched), _targets(session, event_id), places, tolerance
    )
    themes = Counter(values[THEME_CATEGORY] for values in answers.values())
    quotas += [Quota(THEME_CATEGORY, code, 0, places) for code in sorted(themes)]
    return tuple(quotas)


def draw_day_number(database: Database, day: int | None) -> int:
    """The day a draw is for: `day`, or the event's only day; InputRejected otherwise."""
    with database.reading() as session:
        event = require_event(session)
        if day is not None:
            return require_day(session, event.id, day).number
        numbers = list(session.scalars(select(Day.number).where(Day.event_id == event.id)))
    if len(numbers) != 1:
        raise InputRejected(
            _("This event has {count} days: say which to draw with --day.").format(
                count=len(numbers)
            )
        )
    return numbers[0]


def _plan_in(
    session: Session,
    event_id: int,
    the_day: Day,
    rows: list[Any],
    answers: Callable[[], dict[int, dict[str, str]]],
) -> DrawPlan:
    """The day's plan from its pool as read in `session`; `answers` are read only when no
    plan is saved and quotas must be proposed."""
    chairs = _chairs(session, the_day)
    saved = session.get(DrawSettings, the_day.id)
    if saved is not None:
        return DrawPlan(
            the_day.number,
            saved.places,
            saved.waiting_list,
            saved.households_together,
            saved.tolerance,
            _quotas_from(saved.quotas),
            chairs,
            len(rows),
        )
    places = chairs or max(1, len(rows))
    return DrawPlan(
        the_day.number,
        places,
        max(1, places // 4),
        True,
        DEFAULT_TOLERANCE,
        _proposed(session, event_id, answers(), places, DEFAULT_TOLERANCE),
        chairs,
        len(rows),
    )


def draw_plan(database: Database, day: int) -> DrawPlan:
    """The day's draw settings as saved, or as proposed when none are: the day's chairs
    as places, a quarter of them as waiting list, quotas from the targets (±20 %)."""
    with database.reading() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, day)
        rows = _pool_rows(session, the_day)
        return _plan_in(
            session,
            event.id,
            the_day,
            rows,
            lambda: _answers(session, the_day, rows, _watched(session, event.id)),
        )


def propose_plan(database: Database, day: int, places: int, tolerance: float) -> tuple[Quota, ...]:
    """Quotas for `places` from the city's targets, widened by `tolerance`."""
    _check_places(places)
    if not 0 <= tolerance <= 1:
        raise InputRejected(_("The tolerance must be a percentage from 0 to 100."))
    with database.reading() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, day)
        rows = _pool_rows(session, the_day)
        answers = _answers(session, the_day, rows, _watched(session, event.id))
        return _proposed(session, event.id, answers, places, tolerance)


def _check_places(places: int) -> None:
    if places < 1:
        raise InputRejected(_("A day needs at least one place: enter the number of places."))


def save_draw_plan(database: Database, plan: DrawPlan, *, actor: str = "") -> None:
    """Keep the day's draw settings; every quota checked first, nothing kept if one is wrong."""
    _check_places(plan.places)
    if plan.waiting_list < 0:
        raise InputRejected(_("The waiting list cannot be shorter than 0 people."))
    for quota in plan.quotas:
        if quota.minimum < 0 or quota.maximum < quota.minimum:
            raise InputRejected(
                _(
                    "The quota for {value} ({category}) needs a minimum from 0 up to its maximum."
                ).format(value=quota.value, category=quota.category)
            )
    with database.transaction() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, plan.day)
        neighbourhoods = event_neighbourhoods(session, event.id)
        themes = set(session.scalars(select(Theme.code).where(Theme.event_id == event.id)))
        for quota in plan.quotas:
            category = category_by_key(quota.category, neighbourhoods)
            known = (
                themes
                if quota.category == THEME_CATEGORY
                else set(category.values if category is not None else ())
            )
            if quota.value != NOT_GIVEN and quota.value not in known:
                raise InputRejected(
                    _("{value} is not a value of the category {category}.").format(
                        value=quota.value, category=quota.category
                    )
                )
        saved = session.get(DrawSettings, the_day.id)
        if saved is None:
            saved = DrawSettings(day_id=the_day.id)
            session.add(saved)
        saved.places = plan.places
        saved.waiting_list = plan.waiting_list
        saved.households_together = plan.households_together
        saved.tolerance = plan.tolerance
        saved.quotas = _quota_json(plan.quotas)
        audit.record(
            session,
            action="draw.settings_saved",
            actor=actor,
            subject_type="day",
            subject_id=the_day.id,
            details={
                "places": plan.places,
                "waiting_list": plan.waiting_list,
                "households_together": plan.households_together,
                "quotas": len(plan.quotas),
            },
        )


def quota_labels(category: str, value: str) -> tuple[str, str]:
    """A quota's category and value as people read them, in the language of the moment."""
    if category == THEME_CATEGORY:
        category_label = _("Theme")
        value_label = value
    else:
        known = category_by_key(category)
        category_label = _(known.label) if known is not None else category
        value_label = _(known.values[value]) if known and value in known.values else value
    if value == NOT_GIVEN:
        value_label = _("not given")
    return category_label, value_label


def shortfall_sentence(shortfall: QuotaShortfall) -> str:
    """One sentence on a quota no panel can meet, and the nearest one that can be met."""
    if shortfall.bound == "places":
        return _(
            "Only {nearest} of the {asked} places can be filled within the quotas: lower "
            "the places to {nearest} or widen the quotas."
        ).format(nearest=shortfall.nearest, asked=shortfall.asked)
    category, value = quota_labels(shortfall.category, shortfall.value)
    if shortfall.bound == "minimum":
        return _(
            "{category}, {value}: a minimum of {asked} cannot be met; the nearest that can "
            "is {nearest}."
        ).format(
            category=category,
            value=value,
            asked=shortfall.asked,
            nearest=shortfall.nearest,
        )
    return _(
        "{category}, {value}: a maximum of {asked} cannot be kept; the nearest that can is "
        "{nearest}."
    ).format(
        category=category,
        value=value,
        asked=shortfall.asked,
        nearest=shortfall.nearest,
    )


class QuotasCannotBeMet(InputRejected):
    """No panel meets the quotas: one sentence per quota, and nothing changed."""

    def __init__(self, shortfalls: list[QuotaShortfall]) -> None:
        self.shortfalls = shortfalls
        self.sentences = [shortfall_sentence(s) for s in shortfalls] or [
            _("No group of this size meets the quotas: widen them or lower the places.")
        ]
        super().__init__(" ".join(self.sentences))


def _run(
    algorithm: str,
    units: list[Unit],
    *,
    quotas: tuple[Quota, ...],
    places: int,
    seed: int,
    progress: Callable[[int, int], None] | None,
) -> DrawResult:
    """The draw by `algorithm`; the library's for nash and legacy (one person per unit)."""
    if algorithm == "leximin":
        raise InputRejected(
            _(
                "Leximin needs the commercial Gurobi solver, which this app does not include: "
                "draw with maximin, which gives the same lowest probability."
            )
        )
    if algorithm not in ALGORITHMS:
        raise InputRejected(
            _("There is no draw algorithm called {name}: use maximin, nash or legacy.").format(
                name=algorithm
            )
        )
    if algorithm != "maximin" and any(unit.size > 1 for unit in units):
        raise InputRejected(
            _(
                "Only maximin keeps people who registered together together: draw with "
                "maximin, or turn that setting off."
            )
        )
    try:
        if algorithm == "maximin" or sum(u.size for u in units) <= places:
            return draw(units, quotas, places, seed, progress=progress)
        from degenks_desktop.domain.sortition_library import (  # noqa: PLC0415 - large
            LibraryFailed,
            legacy_draw,
            nash_draw,
        )

        if algorithm == "nash":
            return nash_draw(units, quotas, places, seed)
        try:
            return legacy_draw(units, quotas, places, seed, progress=progress)
        except LibraryFailed as error:
            raise InputRejected(
                _(
                    "The legacy draw ran into a dead end with these quotas: draw with maximin, "
                    "or widen the quotas."
                )
            ) from error
    except QuotasInfeasible as infeasible:
        raise QuotasCannotBeMet(infeasible.shortfalls) from infeasible


def run_draw(
    database: Database,
    day: int,
    *,
    seed: int,
    algorithm: str = "maximin",
    actor: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> DrawReport:
    """Draw the day's group with `seed` and keep the outcome: one transaction, audited.

    Refused, with nothing changed, when the quotas cannot be met (a sentence per quota)
    or when the registrations changed while the draw ran.
    """
    if not 0 <= seed < 2**31:
        raise InputRejected(_("The seed must be a whole number from 0 to 2147483647."))
    with database.reading() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, day)
        rows = _pool_rows(session, the_day)
        answers = _answers(session, the_day, rows, _watched(session, event.id))
        plan = _plan_in(session, event.id, the_day, rows, lambda: answers)
    if not rows:
        raise NothingToDo(
            _("Nobody is registered for day {day}: there is nothing to draw.").format(day=day)
        )
    units = _units(rows, answers, plan.households_together)
    started = time.perf_counter()
    result = _run(
        algorithm, units, quotas=plan.quotas, places=plan.places, seed=seed, progress=progress
    )
    seconds = time.perf_counter() - started
    by_key = {unit.key: unit for unit in units}
    selected = [m for key in result.selected for m in by_key[key].members]
    waiting_units = result.waiting[: _waiting_units(result.waiting, by_key, plan.waiting_list)]
    with database.transaction() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, day)
        if [row.id for row in _pool_rows(session, the_day)] != [row.id for row in rows]:
            raise InputRejected(
                _("The registrations for this day changed while the draw ran: draw again.")
            )
        record = Draw(
            day_id=the_day.id,
            seed=seed,
            algorithm=algorithm,
            places=plan.places,
            registered=len(rows),
            quotas=_quota_json(plan.quotas),
            households_together=plan.households_together,
            lowest_probability=result.lowest_probability,
            seconds=seconds,
            drawn_by=actor,
        )
        session.add(record)
        session.flush()
        status: dict[int, RegistrationStatus] = {}
        outcomes = []
        position = 0
        waiting_set = set(waiting_units)
        for key in [*result.selected, *result.waiting]:
            unit = by_key[key]
            if key in waiting_set:
                position += 1
            for member in unit.members:
                if key in result.selected:
                    outcome, place, state = "selected", None, RegistrationStatus.REGISTERED
                elif key in waiting_set:
                    outcome, place, state = "waiting", position, RegistrationStatus.WAITLISTED
                else:
                    outcome, place, state = "not_selected", None, RegistrationStatus.NOT_SELECTED
                status[member] = state
                outcomes.append(
                    {
                        "draw_id": record.id,
                        "participant_id": member,
                        "outcome": outcome,
                        "waiting_position": place,
                        "probability": min(1.0, max(0.0, result.probabilities.get(key, 0.0))),
                        "unit": key,
                    }
                )
        session.execute(insert(DrawOutcome), outcomes)
        for state in RegistrationStatus:
            ids = [member for member, s in status.items() if s == state]
            for start in range(0, len(ids), 900):
                session.execute(
                    update(Participant)
                    .where(Participant.id.in_(ids[start : start + 900]))
                    .values(status=state.value, version=Participant.version + 1)
                    .execution_options(synchronize_session=False)
                )
        audit.record(
            session,
            action="draw.done",
            actor=actor,
            subject_type="day",
            subject_id=the_day.id,
            details={
                "draw": record.id,
                "seed": seed,
                "algorithm": algorithm,
                "places": plan.places,
                "registered": len(rows),
                "selected": len(selected),
                "lowest_probability": round(result.lowest_probability, 4),
            },
        )
    counted = Counter(status.values())
    return DrawReport(
        day=day,
        registered=len(rows),
        places=plan.places,
        selected=len(selected),
        waiting=counted[RegistrationStatus.WAITLISTED],
        not_selected=counted[RegistrationStatus.NOT_SELECTED],
        lowest_probability=result.lowest_probability,
        quotas=plan.quotas,
        counts=dict(result.counts),
        seed=seed,
        algorithm=algorithm,
        seconds=seconds,
        probabilities=tuple(sorted(result.probabilities.values())),
    )


def _waiting_units(order: Sequence[str], by_key: dict[str, Unit], people: int) -> int:
    """How many units, in order, fill a waiting list of `people` people."""
    taken = 0
    for count, key in enumerate(order):
        taken += by_key[key].size
        if taken > people:
            return count
    return len(order)


def _latest_draw(session: Session, day_id: int) -> Draw | None:
    return session.scalars(
        select(Draw).where(Draw.day_id == day_id).order_by(Draw.id.desc()).limit(1)
    ).first()


def fill_from_waiting_list(session: Session, person: Participant, *, actor: str) -> list[int]:
    """After `person` (selected in their day's latest draw) cancelled: move up the first
    on the waiting list who keeps every quota within its bounds. Returns who moved up."""
    if person.day_id is None:
        return []
    record = _latest_draw(session, person.day_id)
    if record is None:
        return []
    mine = session.get(DrawOutcome, (record.id, person.id))
    if mine is None or mine.outcome != "selected":
        return []
    outcomes = list(session.scalars(select(DrawOutcome).where(DrawOutcome.draw_id == record.id)))
    people = {o.participant_id: o for o in outcomes}
    statuses = dict(
        session.execute(
            select(Participant.id, Participant.status).where(Participant.id.in_(list(people)))
        ).all()
    )
    the_day = session.get(Day, person.day_id)
    assert the_day is not None
    rows = [row for row in _pool_rows(session, the_day) if row.id in people]
    answers = _answers(
        session,
        the_day,
        rows,
        [q.category for q in _quotas_from(record.quotas) if q.category != THEME_CATEGORY],
    )
    still_selected = [
        pid
        for pid, o in people.items()
        if o.outcome == "selected" and statuses.get(pid) == RegistrationStatus.REGISTERED
    ]
    counts: Counter[tuple[str, str]] = Counter()
    for pid in still_selected:
        counts.update(answers[pid].items())
    free = record.places - len(still_selected)
    by_unit: dict[str, list[DrawOutcome]] = {}
    for o in sorted(
        (
            o
            for o in outcomes
            if o.outcome == "waiting"
            and statuses.get(o.participant_id) == RegistrationStatus.WAITLISTED
        ),
        key=lambda o: (o.waiting_position or 0, o.participant_id),
    ):
        by_unit.setdefault(o.unit, []).append(o)
    waiting = [
        Unit(
            key,
            tuple(o.participant_id for o in members),
            tuple(answers[o.participant_id] for o in members),
        )
        for key, members in by_unit.items()
        if all(o.participant_id in answers for o in members)
    ]
    chosen = next_to_move_up(waiting, counts, _quotas_from(record.quotas), free)
    if chosen is None:
        return []
    now = utc_now()
    for member in chosen.members:
        outcome = people[member]
        outcome.outcome = "selected"
        outcome.moved_up_at = now
        moving = session.get(Participant, member)
        assert moving is not None
        moving.status = RegistrationStatus.REGISTERED
        audit.record(
            session,
            action="draw.moved_up",
            actor=actor,
            subject_type="participant",
            subject_id=member,
            details={
                "draw": record.id,
                "instead_of": person.id,
                "waiting_position": outcome.waiting_position,
            },
        )
    return list(chosen.members)


def quota_rows(
    database: Database, day: int, quotas: Sequence[Quota] | None = None
) -> list[QuotaRow]:
    """The quotas of the day's plan (or `quotas`) with registered, selected and target."""
    with database.reading() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, day)
        rows = _pool_rows(session, the_day)
        watched = _watched(session, event.id)
        answers = _answers(session, the_day, rows, watched)
        if quotas is None:
            quotas = _plan_in(session, event.id, the_day, rows, lambda: answers).quotas
        pool = _pool_counts(answers, [*watched, THEME_CATEGORY])
        targets = _targets(session, event.id)
        selected_ids = (
            {row.id for row in rows}
            & set(
                session.scalars(
                    select(Participant.id).where(
                        Participant.day_id == the_day.id,
                        Participant.status == RegistrationStatus.REGISTERED,
                    )
                )
            )
            if _latest_draw(session, the_day.id) is not None
            else set()
        )
        selected = Counter(item for pid in selected_ids for item in answers[pid].items())
        theme_names = dict(
            session.execute(select(Theme.code, Theme.name).where(Theme.event_id == event.id)).all()
        )
    found = []
    for quota in quotas:
        label = quota_labels(quota.category, quota.value)[1]
        if quota.category == THEME_CATEGORY and quota.value != NOT_GIVEN:
            label = theme_names.get(quota.value, quota.value)
        found.append(
            QuotaRow(
                category=quota.category,
                value=quota.value,
                label=label,
                registered=_shown(pool.get(quota.category, Counter())[quota.value]),
                selected=_shown(selected[(quota.category, quota.value)]) if selected_ids else None,
                target=targets.get(quota.category, {}).get(quota.value),
                minimum=quota.minimum,
                maximum=quota.maximum,
            )
        )
    return found


def draw_overview(database: Database, day: int) -> DrawOverview:
    """The day's latest draw (its figures and the waiting list in order), if any."""
    with database.reading() as session:
        event = require_event(session)
        the_day = require_day(session, event.id, day)
        record = _latest_draw(session, the_day.id)
        if record is None:
            return DrawOverview(None, ())
        found = session.execute(
            select(DrawOutcome, Participant.status, Participant.first_name, Participant.last_name)
            .join(Participant, Participant.id == DrawOutcome.participant_id)
            .where(DrawOutcome.draw_id == record.id)
        ).all()
        outcome: Counter[str] = Counter()
        waiting = []
        for row, status, first, last in found:
            outcome[row.outcome] += 1
            if row.outcome == "waiting" and status == RegistrationStatus.WAITLISTED:
                waiting.append(
                    WaitingPerson(
                        row.waiting_position or 0, row.participant_id, f"{first} {last}".strip()
                    )
                )
        waiting.sort(key=lambda w: (w.position, w.participant_id))
        report = DrawReport(
            day=day,
            registered=record.registered,
            places=record.places,
            selected=outcome["selected"],
            waiting=outcome["waiting"],
            not_selected=outcome["not_selected"],
            lowest_probability=record.lowest_probability,
            quotas=_quotas_from(record.quotas),
            counts={},
            seed=record.seed,
            algorithm=record.algorithm,
            seconds=record.seconds,
            probabilities=tuple(sorted(row.probability for row, *_ in found)),
        )
        return DrawOverview(report, tuple(waiting))


def draw_outcome_of(session: Session, participant_id: int) -> tuple[str, int | None] | None:
    """Where a person came out of their day's latest draw: (outcome, waiting position)."""
    row = session.execute(
        select(DrawOutcome.outcome, DrawOutcome.waiting_position)
        .join(Draw, Draw.id == DrawOutcome.draw_id)
        .where(DrawOutcome.participant_id == participant_id)
        .order_by(Draw.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])
