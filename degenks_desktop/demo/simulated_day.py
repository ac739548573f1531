"""`degenks demo --simulate-day`: the demo event as it looks when the day is over.

People check in (about nine in ten, in the half hour before the start), are seated in
duos, and every table fills: Dutch ideas per duo, three dots a person, the ten best
(a tie settled by the table's reasoned choice), and a concept per selected idea. Reports,
screenshots and benchmarks then have content. Each day is one transaction and one audit
entry: it is made-up data, not the record of a real day.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from degenks_desktop.demo.event import DEMO_SEATING_EFFORT
from degenks_desktop.demo.ideas import concept_from_ideas, ideas_for_table
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.domain.selection import settle_by_choice, top_ideas
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.services.organising.seating import assign_seats
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Commitment,
    Concept,
    ConceptIdea,
    Day,
    Idea,
    Participant,
    Seat,
    SelectedIdea,
    Selection,
    Table,
    Theme,
    Vote,
)

Progress = Callable[[int, int], None]
SHOW_UP = 0.92
IDEAS_PER_DUO = (7, 13)  # about ten a duo: 2,000 ideas over the G360's two days
DOTS_PER_PERSON = 3
DESKS = ("onthaal 1", "onthaal 2", "onthaal 3")
COMMITTED = 0.6  # the share of people who write down what they will do themselves
COMMITMENTS = Path(__file__).parent / "data" / "commitments.json"
TIE_REASON = "De tafel koos na overleg de ideeën die dit jaar het best haalbaar zijn."


def simulate_event(
    database: Database, *, seed: int = 2013, progress: Progress | None = None
) -> int:
    """Simulate every day of the event; return how many ideas were made."""
    with database.reading() as session:
        event = require_event(session)
        numbers = list(
            session.scalars(select(Day.number).where(Day.event_id == event.id).order_by(Day.number))
        )
    made = 0
    for done, number in enumerate(numbers, start=1):
        made += simulate_day(database, day_number=number, seed=seed + number)
        if progress is not None:
            progress(done, len(numbers))
    return made


def simulate_day(database: Database, *, day_number: int, seed: int = 2013) -> int:
    """Check in, seat, and fill every table of one day; return how many ideas were made."""
    rng = random.Random(seed)
    _check_in_arrivals(database, day_number, rng)
    assign_seats(database, day_number=day_number, effort=DEMO_SEATING_EFFORT, actor="demo")
    with database.transaction() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        start = dt.datetime.combine(day.date, day.starts_at or dt.time(9, 30)).astimezone(dt.UTC)
        tables = session.execute(
            select(Table.id, Theme.code)
            .join(Theme, Theme.id == Table.theme_id)
            .where(Table.day_id == day.id)
            .order_by(Table.number)
        ).all()
        seats: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
        for table_id, person, duo in session.execute(
            select(Seat.table_id, Seat.participant_id, Seat.duo_id).where(Seat.day_id == day.id)
        ).all():
            seats[table_id].append((person, duo))
        made = 0
        for table_id, theme_code in tables:
            made += _fill_table(
                session,
                table_id,
                theme_code=theme_code,
                seated=seats[table_id],
                start=start,
                rng=rng,
            )
        _write_commitments(session, day.id, seats, random.Random(seed * 7919 + day_number))
        audit.record(
            session,
            action="demo.day_simulated",
            actor="demo",
            subject_type="day",
            subject_id=day.id,
            details={"ideas": made, "seed": seed},
        )
    return made


@lru_cache(maxsize=1)
def _commitment_texts() -> tuple[str, ...]:
    return tuple(json.loads(COMMITMENTS.read_text(encoding="utf-8"))["commitments"])


def _write_commitments(
    session: Session,
    day_id: int,
    seats: dict[int, list[tuple[int, int | None]]],
    rng: random.Random,
) -> None:
    """Most people at a table write down what they will do themselves (their postcard);
    drawn from a chance of its own, so that the day's ideas and dots stay as they were."""
    texts = _commitment_texts()
    for table_id in sorted(seats):
        for person, _duo in sorted(seats[table_id]):
            if rng.random() < COMMITTED:
                session.add(
                    Commitment(
                        participant_id=person,
                        day_id=day_id,
                        text=rng.choice(texts),
                        entered_by="demo",
                    )
                )


def _check_in_arrivals(database: Database, day_number: int, rng: random.Random) -> None:
    with database.transaction() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        start = dt.datetime.combine(day.date, day.starts_at or dt.time(9, 30)).astimezone(dt.UTC)
        already = set(
            session.scalars(
                select(CheckIn.participant_id).where(
                    CheckIn.day_id == day.id, CheckIn.undone_at.is_(None)
                )
            )
        )
        people = session.scalars(
            select(Participant.id)
            .where(Participant.day_id == day.id, Participant.status.in_(EXPECTED_STATUSES))
            .order_by(Participant.id)
        ).all()
        for person in people:
            if person in already or rng.random() > SHOW_UP:
                continue
            session.add(
                CheckIn(
                    participant_id=person,
                    day_id=day.id,
                    desk=rng.choice(DESKS),
                    checked_in_by="demo",
                    checked_in_at=start - dt.timedelta(seconds=rng.randint(60, 40 * 60)),
                )
            )


def _fill_table(
    session: Session,
    table_id: int,
    *,
    theme_code: str,
    seated: list[tuple[int, int | None]],
    start: dt.datetime,
    rng: random.Random,
) -> int:
    """Ideas, dots, the ten best and their concepts at one table."""
    duos = sorted({duo for _person, duo in seated if duo is not None})
    if not duos:
        return 0
    count = sum(rng.randint(*IDEAS_PER_DUO) for _duo in duos)
    texts = ideas_for_table(theme_code, count, rng)
    ideas = []
    for index, text in enumerate(texts):
        idea = Idea(
            table_id=table_id,
            duo_id=duos[index % len(duos)],
            text=text,
            created_by="demo",
            created_at=start + dt.timedelta(minutes=20 + index * 50 / max(1, count)),
        )
        ideas.append(idea)
    session.add_all(ideas)
    session.flush()
    # Some ideas catch the room: a few get many dots, most get one or none.
    appeal = [rng.paretovariate(1.3) for _idea in ideas]
    dots: dict[int, int] = {idea.id: 0 for idea in ideas}
    for person, _duo in seated:
        for idea in rng.choices(ideas, weights=appeal, k=DOTS_PER_PERSON):
            session.add(Vote(idea_id=idea.id, participant_id=person, dots=1))
            dots[idea.id] += 1
    standing = top_ideas(dots)
    chosen = rng.sample(list(standing.tied), standing.open_places) if standing.is_tied else []
    final = settle_by_choice(standing, chosen)
    selection = Selection(
        table_id=table_id,
        tie_rule="table_decision" if standing.is_tied else None,
        tie_reason=TIE_REASON if standing.is_tied else None,
        locked_at=start + dt.timedelta(minutes=95),
        locked_by="demo",
    )
    session.add(selection)
    session.flush()
    text_of = {idea.id: idea.text for idea in ideas}
    for rank, idea_id in enumerate(final, start=1):
        session.add(SelectedIdea(selection_id=selection.id, idea_id=idea_id, rank=rank))
        draft = concept_from_ideas(theme_code, [text_of[idea_id]], rng)
        concept = Concept(table_id=table_id, **draft.values())
        session.add(concept)
        session.flush()
        session.add(ConceptIdea(concept_id=concept.id, idea_id=idea_id))
    return len(ideas)
