"""Every table of a day at a glance for the organisers: its phase and its counts, live."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Select, func, select

from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Concept,
    Duo,
    Facilitator,
    Idea,
    Selection,
    Table,
    Theme,
    Vote,
)


class Phase(enum.StrEnum):
    """Where a table is in the session (DOMAIN.md: divergence, selection, convergence)."""

    WAITING = "waiting"
    IDEAS = "ideas"
    VOTING = "voting"
    CONCEPTS = "concepts"


@dataclass(frozen=True)
class TableProgress:
    """One table's row on the organisers' overview."""

    table_id: int
    number: int
    theme: str
    facilitator: str
    phase: Phase
    ideas: int
    silent_duos: int
    dots: int
    locked: bool
    concepts: int


def table_overview(database: Database, day_number: int) -> list[TableProgress]:
    """The day's tables with their phase, ideas, duos without ideas, dots and concepts."""
    with database.reading() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        tables = session.execute(
            select(
                Table.id, Table.number, Theme.name, Facilitator.first_name, Facilitator.last_name
            )
            .join(Theme, Theme.id == Table.theme_id)
            .outerjoin(Facilitator, Facilitator.id == Table.facilitator_id)
            .where(Table.day_id == day.id)
            .order_by(Table.number)
        ).all()
        of_day = select(Table.id).where(Table.day_id == day.id)
        live = (Idea.deleted_at.is_(None), Idea.merged_into_id.is_(None))

        def per_table(statement: Select[int, int | None]) -> Counter[int]:
            """A count (or sum) per table of the day, zero where a table has none."""
            return Counter(
                {table: int(value or 0) for table, value in session.execute(statement).all()}
            )

        ideas = per_table(
            select(Idea.table_id, func.count())
            .where(Idea.table_id.in_(of_day), *live)
            .group_by(Idea.table_id)
        )
        duos = per_table(
            select(Duo.table_id, func.count())
            .where(Duo.table_id.in_(of_day))
            .group_by(Duo.table_id)
        )
        speaking = per_table(
            select(Idea.table_id, func.count(func.distinct(Idea.duo_id)))
            .where(Idea.table_id.in_(of_day), Idea.deleted_at.is_(None))
            .group_by(Idea.table_id)
        )
        dots = per_table(
            select(Idea.table_id, func.sum(Vote.dots))
            .join(Idea, Idea.id == Vote.idea_id)
            .where(Idea.table_id.in_(of_day))
            .group_by(Idea.table_id)
        )
        concepts = per_table(
            select(Concept.table_id, func.count())
            .where(Concept.table_id.in_(of_day))
            .group_by(Concept.table_id)
        )
        locked = set(
            session.scalars(
                select(Selection.table_id).where(
                    Selection.table_id.in_(of_day), Selection.locked_at.is_not(None)
                )
            )
        )
    overview = []
    for table_id, number, theme, first, last in tables:
        if table_id in locked:
            phase = Phase.CONCEPTS
        elif dots[table_id]:
            phase = Phase.VOTING
        elif ideas[table_id]:
            phase = Phase.IDEAS
        else:
            phase = Phase.WAITING
        overview.append(
            TableProgress(
                table_id=table_id,
                number=number,
                theme=theme,
                facilitator=f"{first or ''} {last or ''}".strip(),
                phase=phase,
                ideas=ideas[table_id],
                silent_duos=max(0, duos[table_id] - speaking[table_id]),
                dots=dots[table_id],
                locked=table_id in locked,
                concepts=concepts[table_id],
            )
        )
    return overview
