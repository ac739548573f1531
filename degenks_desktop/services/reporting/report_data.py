"""What the event report says, read from the database: participation, representativeness,
each theme's tables with their ten best ideas and concepts, every idea, and how each
day's group was drawn when there was a draw.

Kept apart from the PDF (services.report_pdf) so the same content can serve the whole
report, a theme's report for its policy table, and a table's one-pager.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.domain.diversity import (
    NOT_GIVEN,
    THEME_CATEGORY,
    CategoryMatrix,
    category_by_key,
)
from degenks_desktop.domain.registration import EXPECTED_STATUSES, RegistrationStatus
from degenks_desktop.i18n import N_
from degenks_desktop.services.house.events import event_neighbourhoods, require_event
from degenks_desktop.services.organising.diversity import diversity_matrix
from degenks_desktop.services.tables.ideas import dots_per_idea
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Concept,
    ConceptIdea,
    Day,
    Draw,
    Duo,
    Facilitator,
    Idea,
    IdeaCluster,
    IdeaClusterMember,
    Participant,
    SelectedIdea,
    Selection,
    Table,
    Theme,
)


@dataclass(frozen=True)
class DayParticipation:
    """Who came on one day."""

    number: int
    date: str
    registered: int
    checked_in: int
    no_shows: int
    walk_ins: int


@dataclass(frozen=True)
class ThemeParticipation:
    """Registered and present people of one theme (by first choice)."""

    name: str
    registered: int
    checked_in: int


@dataclass(frozen=True)
class RankedIdea:
    """One of a table's ten best ideas."""

    rank: int
    text: str
    dots: int


@dataclass(frozen=True)
class ConceptSection:
    """A concept in full, with the ideas it grew from."""

    text: ConceptText
    ideas: tuple[str, ...]


@dataclass(frozen=True)
class ListedIdea:
    """An idea in the appendix."""

    duo: int | None
    text: str
    dots: int
    selected: bool


@dataclass(frozen=True)
class TableSection:
    """One table: its facilitator, its ten best, its concepts and all its ideas."""

    day: int
    number: int
    facilitator: str
    ideas: int
    top: tuple[RankedIdea, ...]
    tie_rule: str | None
    tie_reason: str
    concepts: tuple[ConceptSection, ...]
    all_ideas: tuple[ListedIdea, ...]


@dataclass(frozen=True)
class ClusterLine:
    """One of the theme team's clusters as the theme's chapter opens with it."""

    title: str
    summary: str
    kind: str | None
    """"key", "barrier" or None."""
    ideas: int
    tables: int
    dots: int
    selected: int


@dataclass(frozen=True)
class ThemeSection:
    """A theme: its question, its tables and, once its team grouped them, its clusters
    (largest first)."""

    code: str
    name: str
    question: str
    tables: tuple[TableSection, ...]
    clusters: tuple[ClusterLine, ...] = ()

    @property
    def ideas(self) -> int:
        """How many ideas the theme's tables gave."""
        return sum(table.ideas for table in self.tables)


@dataclass(frozen=True)
class QuotaLine:
    """One quota of a draw as the method page names it: the category's and the value's
    labels (msgids, translated in the report's language; a theme is its own name)."""

    category: str
    value: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class DayDraw:
    """How a day's group was drawn: its latest draw's places, pool, quotas, algorithm and
    seed, and the lowest chance anyone in the pool had. No count of who was selected."""

    day: int
    date: str
    places: int
    registered: int
    algorithm: str
    seed: int
    lowest_probability: float
    households_together: bool
    quotas: tuple[QuotaLine, ...]
    unlimited: int
    """Quotas left out because they bound nothing (0 up to every place)."""


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows."""

    event: str
    venue: str
    dates: tuple[str, ...]
    days: tuple[DayParticipation, ...]
    themes_participation: tuple[ThemeParticipation, ...]
    diversity: tuple[CategoryMatrix, ...]
    themes: tuple[ThemeSection, ...]
    tie_rules: dict[str, int] = field(default_factory=dict)
    draws: tuple[DayDraw, ...] = ()

    @property
    def ideas(self) -> int:
        """How many ideas the report covers."""
        return sum(theme.ideas for theme in self.themes)


def _tables(
    database: Database, event_id: int
) -> tuple[dict[int, list[TableSection]], dict[int, int], set[int]]:
    """Each theme's tables; and every idea's dots and the ideas chosen in a locked ten,
    which the clusters count too."""
    with database.reading() as session:
        tables = session.execute(
            select(
                Table.id,
                Table.number,
                Table.theme_id,
                Day.number,
                Facilitator.first_name,
                Facilitator.last_name,
            )
            .join(Day, Day.id == Table.day_id)
            .outerjoin(Facilitator, Facilitator.id == Table.facilitator_id)
            .where(Day.event_id == event_id)
            .order_by(Day.number, Table.number)
        ).all()
        selections = {
            row.table_id: row
            for row in session.scalars(select(Selection).where(Selection.locked_at.is_not(None)))
        }
        ranks = {
            idea: rank
            for idea, rank in session.execute(
                select(SelectedIdea.idea_id, SelectedIdea.rank)
                .join(Selection, Selection.id == SelectedIdea.selection_id)
                .where(Selection.locked_at.is_not(None))
            ).all()
        }
        ideas_by_table: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
        for idea_id, table_id, duo, text in session.execute(
            select(Idea.id, Idea.table_id, Duo.number, Idea.text)
            .outerjoin(Duo, Duo.id == Idea.duo_id)
            .where(Idea.deleted_at.is_(None), Idea.merged_into_id.is_(None))
            .order_by(Idea.created_at, Idea.id)
        ).all():
            ideas_by_table[table_id].append((idea_id, duo, text))
        concept_ideas: dict[int, list[str]] = defaultdict(list)
        for concept_id, text in session.execute(
            select(ConceptIdea.concept_id, Idea.text).join(Idea, Idea.id == ConceptIdea.idea_id)
        ).all():
            concept_ideas[concept_id].append(text)
        concepts_by_table: dict[int, list[ConceptSection]] = defaultdict(list)
        for concept in session.scalars(select(Concept).order_by(Concept.id)):
            concepts_by_table[concept.table_id].append(
                ConceptSection(ConceptText.of(concept), tuple(concept_ideas[concept.id]))
            )
        dots = dots_per_idea(session)
        by_theme: dict[int, list[TableSection]] = defaultdict(list)
        for table_id, number, theme_id, day, first, last in tables:
            listed = ideas_by_table[table_id]
            top = sorted(
                (
                    RankedIdea(ranks[idea], text, dots.get(idea, 0))
                    for idea, _duo, text in listed
                    if idea in ranks
                ),
                key=lambda ranked: ranked.rank,
            )
            selection = selections.get(table_id)
            by_theme[theme_id].append(
                TableSection(
                    day=day,
                    number=number,
                    facilitator=f"{first or ''} {last or ''}".strip(),
                    ideas=len(listed),
                    top=tuple(top),
                    tie_rule=selection.tie_rule if selection else None,
                    tie_reason=(selection.tie_reason or "") if selection else "",
                    concepts=tuple(concepts_by_table[table_id]),
                    all_ideas=tuple(
                        ListedIdea(duo, text, dots.get(idea, 0), idea in ranks)
                        for idea, duo, text in listed
                    ),
                )
            )
    return by_theme, dots, set(ranks)


def _clusters(
    session: Session,
    theme_ids: list[int],
    tables: set[tuple[int, int]],
    dots: dict[int, int],
    chosen: set[int],
) -> dict[int, list[ClusterLine]]:
    """Each theme's clusters, counted over the ideas of `tables` ((day, number)) only, in
    a fixed number of statements whatever the event's size; `dots` and `chosen` as
    `_tables` read them."""
    clusters = session.scalars(
        select(IdeaCluster).where(IdeaCluster.theme_id.in_(theme_ids)).order_by(IdeaCluster.id)
    ).all()
    if not clusters:
        return {}
    members: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for cluster_id, idea_id, table_number, day in session.execute(
        select(IdeaClusterMember.cluster_id, Idea.id, Table.number, Day.number)
        .join(Idea, Idea.id == IdeaClusterMember.idea_id)
        .join(Table, Table.id == Idea.table_id)
        .join(Day, Day.id == Table.day_id)
        .where(
            Table.theme_id.in_(theme_ids),
            Idea.deleted_at.is_(None),
            Idea.merged_into_id.is_(None),
        )
    ).all():
        if (day, table_number) in tables:
            members[cluster_id].append((idea_id, day, table_number))
    by_theme: dict[int, list[ClusterLine]] = defaultdict(list)
    for cluster in clusters:
        ideas = members[cluster.id]
        if not ideas:
            continue
        by_theme[cluster.theme_id].append(
            ClusterLine(
                title=cluster.title,
                summary=cluster.summary,
                kind=cluster.kind,
                ideas=len(ideas),
                tables=len({(day, number) for _idea, day, number in ideas}),
                dots=sum(dots.get(idea, 0) for idea, _day, _number in ideas),
                selected=sum(idea in chosen for idea, _day, _number in ideas),
            )
        )
    for lines in by_theme.values():
        lines.sort(key=lambda line: (-line.tables, -line.ideas, -line.dots))
    return by_theme


def _quota_line(
    row: dict[str, object], neighbourhoods: tuple[str, ...], theme_names: dict[str, str]
) -> QuotaLine:
    key, value = str(row["category"]), str(row["value"])
    category = category_by_key(key, neighbourhoods)
    if key == THEME_CATEGORY:
        category_label, value_label = N_("Theme"), theme_names.get(value, value)
    else:
        category_label = category.label if category is not None else key
        value_label = category.values.get(value, value) if category is not None else value
    if value == NOT_GIVEN:
        value_label = N_("not given")
    return QuotaLine(
        category_label, value_label, int(str(row["minimum"])), int(str(row["maximum"]))
    )


def _draws(session: Session, event_id: int, day_number: int | None) -> tuple[DayDraw, ...]:
    """Each day's latest draw (or one day's), in day order; a day without one is left out."""
    latest = (
        select(func.max(Draw.id))
        .join(Day, Day.id == Draw.day_id)
        .where(Day.event_id == event_id)
        .group_by(Draw.day_id)
    )
    query = (
        select(Draw, Day.number, Day.date)
        .join(Day, Day.id == Draw.day_id)
        .where(Draw.id.in_(latest))
        .order_by(Day.number)
    )
    if day_number is not None:
        query = query.where(Day.number == day_number)
    found = session.execute(query).all()
    if not found:
        return ()
    neighbourhoods = event_neighbourhoods(session, event_id)
    theme_names = dict(
        session.execute(select(Theme.code, Theme.name).where(Theme.event_id == event_id)).all()
    )
    draws = []
    for record, number, date in found:
        rows = json.loads(record.quotas or "[]")
        # A quota from 0 up to every place binds nothing: themes have one unless limited.
        binding = [row for row in rows if row["minimum"] > 0 or row["maximum"] < record.places]
        draws.append(
            DayDraw(
                day=number,
                date=date.isoformat(),
                places=record.places,
                registered=record.registered,
                algorithm=record.algorithm,
                seed=record.seed,
                lowest_probability=record.lowest_probability,
                households_together=record.households_together,
                quotas=tuple(_quota_line(row, neighbourhoods, theme_names) for row in binding),
                unlimited=len(rows) - len(binding),
            )
        )
    return tuple(draws)


def report_data(
    database: Database,
    *,
    day_number: int | None = None,
    theme_code: str | None = None,
    table: tuple[int, int] | None = None,
) -> ReportData:
    """The report's content: the whole event, one day, one theme (`theme_code`), or one
    table (`table` = (day, number))."""
    with database.reading() as session:
        event = require_event(session)
        event_id, event_name, venue = event.id, event.name, event.venue
        days = session.execute(
            select(Day.id, Day.number, Day.date)
            .where(Day.event_id == event_id)
            .order_by(Day.number)
        ).all()
        people = session.execute(
            select(Participant.id, Participant.day_id, Participant.status, Theme.name)
            .outerjoin(Theme, Theme.id == Participant.first_theme_id)
            .where(Participant.event_id == event_id)
        ).all()
        present = set(
            session.execute(
                select(CheckIn.participant_id, CheckIn.day_id).where(CheckIn.undone_at.is_(None))
            ).all()
        )
        themes = session.execute(
            select(Theme.id, Theme.code, Theme.name, Theme.question)
            .where(Theme.event_id == event_id)
            .order_by(Theme.position)
        ).all()
        draws = _draws(session, event_id, day_number)
    expected = [p for p in people if p.status in EXPECTED_STATUSES]
    day_rows = []
    for day_id, number, date in days:
        if day_number is not None and number != day_number:
            continue
        registered = [p for p in expected if p.day_id == day_id]
        came = [p for p in registered if (p.id, day_id) in present]
        walk_ins = [p for p in came if p.status == RegistrationStatus.WALK_IN]
        day_rows.append(
            DayParticipation(
                number,
                date.isoformat(),
                len(registered),
                len(came),
                len(registered) - len(came),
                len(walk_ins),
            )
        )
    registered_by_theme = Counter(p.name for p in expected)
    present_by_theme = Counter(p.name for p in expected if (p.id, p.day_id) in present)
    by_theme, dots, chosen = _tables(database, event_id)
    chosen_tables = []
    for theme_id, code, name, question in themes:
        if theme_code is not None and code != theme_code:
            continue
        tables = by_theme.get(theme_id, [])
        if day_number is not None:
            tables = [t for t in tables if t.day == day_number]
        if table is not None:
            tables = [t for t in tables if (t.day, t.number) == table]
            if not tables:
                continue
        chosen_tables.append((theme_id, code, name, question, tables))
    with database.reading() as session:
        clusters = (
            _clusters(
                session,
                [theme_id for theme_id, *_rest in chosen_tables],
                {(t.day, t.number) for *_theme, tables in chosen_tables for t in tables},
                dots,
                chosen,
            )
            # A table's one-pager is about the table, not the theme's synthesis.
            if table is None
            else {}
        )
    sections = [
        ThemeSection(code, name, question, tuple(tables), tuple(clusters.get(theme_id, [])))
        for theme_id, code, name, question, tables in chosen_tables
    ]
    tie_rules = Counter(
        t.tie_rule or "none" for section in sections for t in section.tables if t.top
    )
    return ReportData(
        event=event_name,
        venue=venue,
        dates=tuple(date.isoformat() for _id, _n, date in days),
        days=tuple(day_rows),
        themes_participation=tuple(
            ThemeParticipation(name, registered_by_theme[name], present_by_theme[name])
            for _id, _code, name, _q in themes
        ),
        diversity=tuple(diversity_matrix(database)),
        themes=tuple(sections),
        tie_rules=dict(tie_rules),
        draws=draws,
    )
