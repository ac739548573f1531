"""The theme team's synthesis: a theme's ideas from all its tables, grouped into clusters
of ideas that say the same, then renamed, merged, split, moved and summarised by people.

The grouping (`domain/idea_clusters.py`) is only the start: once stored, every cluster is
the team's, and each change is one transaction with its audit entry. An idea is in one
cluster at most (the members' key is the idea); ideas written after the grouping stay
"not yet grouped" until the team places them, so grouping again is never needed to go on.
Ideas deleted or merged away at their table drop out of every cluster as they read.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from degenks_desktop.domain.follow_up import ClusterKind
from degenks_desktop.domain.idea_clusters import (
    DEFAULT_THRESHOLD,
    cluster_ideas,
    most_central,
    nearest_groups,
)
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_theme
from degenks_desktop.services.tables.ideas import dots_per_idea
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Day,
    Idea,
    IdeaCluster,
    IdeaClusterMember,
    SelectedIdea,
    Selection,
    Table,
    Theme,
    ThemeSynthesis,
)

MAX_TITLE = 300
MAX_SUMMARY = 2000
LOWEST_THRESHOLD = 0.1
HIGHEST_THRESHOLD = 1.0

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ClusteredIdea:
    """An idea as the theme team sees it: its words, its table, its dots."""

    id: int
    text: str
    day: int
    table: int
    dots: int
    selected: bool
    """Whether its table chose it among its ten best."""


@dataclass(frozen=True)
class ClusterView:
    """A cluster with its ideas and what they add up to."""

    id: int
    title: str
    title_edited: bool
    summary: str
    kind: ClusterKind | None
    ideas: tuple[ClusteredIdea, ...]

    @property
    def tables(self) -> int:
        """At how many tables the cluster came up."""
        return len({(idea.day, idea.table) for idea in self.ideas})

    @property
    def dots(self) -> int:
        """The dots its ideas got at their tables."""
        return sum(idea.dots for idea in self.ideas)

    @property
    def selected(self) -> int:
        """How many of its ideas a table chose among its ten best."""
        return sum(idea.selected for idea in self.ideas)


@dataclass(frozen=True)
class ThemeSynthesisView:
    """A theme's clusters, largest first, and its ideas not yet in any."""

    theme_id: int
    code: str
    name: str
    question: str
    tables: int
    """How many tables the theme had, on every day."""
    threshold: float | None
    """The threshold of the last grouping; None while the theme was never grouped."""
    clustered_at: dt.datetime | None
    clusters: tuple[ClusterView, ...]
    ungrouped: tuple[ClusteredIdea, ...]

    @property
    def ideas(self) -> int:
        """How many ideas the theme has, grouped or not."""
        return sum(len(c.ideas) for c in self.clusters) + len(self.ungrouped)


@dataclass(frozen=True)
class ThemeChoice:
    """A theme as the Synthese page offers it."""

    id: int
    code: str
    name: str


# --- reading ------------------------------------------------------------------------


def themes_of_event(database: Database, event_id: int) -> list[ThemeChoice]:
    """The event's themes in their order."""
    with database.reading() as session:
        return [
            ThemeChoice(theme.id, theme.code, theme.name)
            for theme in session.scalars(
                select(Theme).where(Theme.event_id == event_id).order_by(Theme.position, Theme.id)
            )
        ]


def theme_by_code(database: Database, event_id: int, code: str) -> ThemeChoice:
    """The theme with `code` (any case); one sentence naming the codes when there is none."""
    with database.reading() as session:
        theme = require_theme(session, event_id, code)
        return ThemeChoice(theme.id, theme.code, theme.name)


def _ideas_of_themes(session: Session, theme_ids: Sequence[int]) -> dict[int, list[ClusteredIdea]]:
    """Each theme's live ideas (not deleted, not merged away) in the order they were
    made, in three statements whatever the number of themes and tables."""
    rows = session.execute(
        select(Idea.id, Idea.text, Day.number, Table.number, Idea.table_id, Table.theme_id)
        .join(Table, Table.id == Idea.table_id)
        .join(Day, Day.id == Table.day_id)
        .where(
            Table.theme_id.in_(theme_ids),
            Idea.deleted_at.is_(None),
            Idea.merged_into_id.is_(None),
        )
        .order_by(Day.number, Table.number, Idea.created_at, Idea.id)
    ).all()
    dots = dots_per_idea(session)
    selected = set(
        session.scalars(
            select(SelectedIdea.idea_id)
            .join(Selection, Selection.id == SelectedIdea.selection_id)
            .where(Selection.locked_at.is_not(None))
        )
    )
    ideas: dict[int, list[ClusteredIdea]] = {theme_id: [] for theme_id in theme_ids}
    for idea_id, text, day, table, _table_id, theme_id in rows:
        ideas[theme_id].append(
            ClusteredIdea(idea_id, text, day, table, dots.get(idea_id, 0), idea_id in selected)
        )
    return ideas


def _theme(session: Session, theme_id: int) -> Theme:
    theme = session.get(Theme, theme_id)
    if theme is None:
        raise InputRejected(_("This theme no longer exists: choose another one."))
    return theme


def _views(session: Session, theme_ids: Sequence[int]) -> list[ThemeSynthesisView]:
    """The themes' clusters and ideas not yet grouped, in the order of `theme_ids`, read
    in the same few statements whatever the number of themes."""
    themes = [_theme(session, theme_id) for theme_id in theme_ids]
    ideas_of = {
        theme_id: {idea.id: idea for idea in listed}
        for theme_id, listed in _ideas_of_themes(session, theme_ids).items()
    }
    clusters = session.scalars(
        select(IdeaCluster)
        .where(IdeaCluster.theme_id.in_(theme_ids))
        .order_by(IdeaCluster.position, IdeaCluster.id)
    ).all()
    members: dict[int, list[int]] = defaultdict(list)
    for idea_id, cluster_id in session.execute(
        select(IdeaClusterMember.idea_id, IdeaClusterMember.cluster_id)
        .join(IdeaCluster, IdeaCluster.id == IdeaClusterMember.cluster_id)
        .where(IdeaCluster.theme_id.in_(theme_ids))
    ).all():
        members[cluster_id].append(idea_id)
    syntheses = {
        synthesis.theme_id: synthesis
        for synthesis in session.scalars(
            select(ThemeSynthesis).where(ThemeSynthesis.theme_id.in_(theme_ids))
        )
    }
    table_counts = dict(
        session.execute(
            select(Table.theme_id, func.count())
            .where(Table.theme_id.in_(theme_ids))
            .group_by(Table.theme_id)
        ).all()
    )
    result = []
    for theme in themes:
        ideas = ideas_of[theme.id]
        order = {idea_id: place for place, idea_id in enumerate(ideas)}
        views = []
        for cluster in clusters:
            # An idea deleted or merged away at its table is no longer among the ideas.
            live = [i for i in members[cluster.id] if i in ideas]
            if cluster.theme_id != theme.id or not live:
                continue
            views.append(
                ClusterView(
                    cluster.id,
                    cluster.title,
                    cluster.title_edited,
                    cluster.summary,
                    ClusterKind(cluster.kind) if cluster.kind else None,
                    tuple(ideas[i] for i in sorted(live, key=order.__getitem__)),
                )
            )
        grouped = {idea.id for view in views for idea in view.ideas}
        # Largest first: the proposals most tables made, then the most ideas, then dots.
        views.sort(key=lambda view: (-view.tables, -len(view.ideas), -view.dots))
        synthesis = syntheses.get(theme.id)
        result.append(
            ThemeSynthesisView(
                theme_id=theme.id,
                code=theme.code,
                name=theme.name,
                question=theme.question,
                tables=int(table_counts.get(theme.id, 0)),
                threshold=synthesis.threshold if synthesis else None,
                clustered_at=synthesis.clustered_at if synthesis else None,
                clusters=tuple(views),
                ungrouped=tuple(idea for idea in ideas.values() if idea.id not in grouped),
            )
        )
    return result


def _view(session: Session, theme_id: int) -> ThemeSynthesisView:
    """One theme's clusters (see `_views`)."""
    (view,) = _views(session, [theme_id])
    return view


def theme_synthesis(database: Database, theme_id: int) -> ThemeSynthesisView:
    """A theme's clusters and its ideas not yet grouped, as they stand."""
    with database.reading() as session:
        return _view(session, theme_id)


def event_synthesis(database: Database, event_id: int) -> list[ThemeSynthesisView]:
    """Every theme's synthesis, in the themes' order (for the report and the CLI)."""
    with database.reading() as session:
        theme_ids = session.scalars(
            select(Theme.id).where(Theme.event_id == event_id).order_by(Theme.position, Theme.id)
        ).all()
        return _views(session, theme_ids)


# --- grouping -----------------------------------------------------------------------


def require_threshold(threshold: float) -> float:
    """`threshold` if the clustering can use it; one sentence otherwise."""
    if not LOWEST_THRESHOLD <= threshold <= HIGHEST_THRESHOLD:
        raise InputRejected(
            _(
                "The threshold is a number from {lowest} to {highest}, such as {usual}: "
                "lower makes more, tighter clusters."
            ).format(lowest=LOWEST_THRESHOLD, highest=HIGHEST_THRESHOLD, usual=DEFAULT_THRESHOLD)
        )
    return threshold


def _title_of(texts: Sequence[str]) -> str:
    return texts[most_central(texts)].strip()[:MAX_TITLE]


def _store_clusters(
    session: Session, theme_id: int, groups: Sequence[tuple[Sequence[int], str]], first: int
) -> list[int]:
    """Add clusters of `groups` (idea ids, title) from position `first`; their ids."""
    clusters = [
        IdeaCluster(theme_id=theme_id, title=title or "…", position=position)
        for position, (_idea_ids, title) in enumerate(groups, start=first)
    ]
    session.add_all(clusters)
    session.flush()
    session.add_all(
        IdeaClusterMember(idea_id=idea_id, cluster_id=cluster.id)
        for cluster, (idea_ids, _title) in zip(clusters, groups, strict=True)
        for idea_id in idea_ids
    )
    return [cluster.id for cluster in clusters]


def group_themes(
    database: Database,
    theme_ids: Sequence[int],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    actor: str,
    progress: Progress | None = None,
) -> list[ThemeSynthesisView]:
    """Group the ideas of each of `theme_ids` anew, replacing their clusters and the
    team's changes to them, in one transaction (Cancel, through `progress`, keeps all).

    The ideas are read and grouped first, outside any transaction; ideas written
    meanwhile stay not yet grouped.
    """
    require_threshold(threshold)
    with database.reading() as session:
        ideas = _ideas_of_themes(session, theme_ids)
    proposals: dict[int, list[tuple[list[int], str]]] = {}
    for done, theme_id in enumerate(theme_ids):
        if progress is not None:
            progress(done, len(theme_ids))
        listed = ideas[theme_id]
        clusters = cluster_ideas([idea.text for idea in listed], threshold=threshold)
        proposals[theme_id] = [
            (
                [listed[m].id for m in cluster.members],
                listed[cluster.central].text.strip()[:MAX_TITLE],
            )
            for cluster in clusters
        ]
    if progress is not None:
        progress(len(theme_ids), len(theme_ids))
    with database.transaction() as session:
        for theme_id in theme_ids:
            _theme(session, theme_id)
        live_ideas = _ideas_of_themes(session, theme_ids)
        for theme_id in theme_ids:
            session.execute(delete(IdeaCluster).where(IdeaCluster.theme_id == theme_id))
            session.flush()
            live = {idea.id for idea in live_ideas[theme_id]}
            groups = [
                ([i for i in idea_ids if i in live], title)
                for idea_ids, title in proposals[theme_id]
            ]
            _store_clusters(session, theme_id, [g for g in groups if g[0]], 0)
            synthesis = session.get(ThemeSynthesis, theme_id)
            if synthesis is None:
                synthesis = ThemeSynthesis(theme_id=theme_id, threshold=threshold)
                session.add(synthesis)
            synthesis.threshold = threshold
            synthesis.clustered_at = dt.datetime.now(dt.UTC)
            synthesis.clustered_by = actor
            audit.record(
                session,
                action="synthesis.clustered",
                actor=actor,
                subject_type="theme",
                subject_id=theme_id,
                details={
                    "threshold": threshold,
                    "ideas": len(live),
                    "clusters": sum(1 for g in groups if g[0]),
                },
            )
        session.flush()
        return _views(session, theme_ids)


def group_theme(
    database: Database,
    theme_id: int,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    actor: str,
    progress: Progress | None = None,
) -> ThemeSynthesisView:
    """Group one theme's ideas anew (see `group_themes`)."""
    (view,) = group_themes(
        database, [theme_id], threshold=threshold, actor=actor, progress=progress
    )
    return view


def place_new_ideas(database: Database, theme_id: int, *, actor: str) -> int:
    """Put each idea not yet grouped into the cluster that says the same, or, when none
    does, into new clusters of their own; how many ideas were placed."""
    with database.transaction() as session:
        view = _view(session, theme_id)
        if not view.ungrouped:
            return 0
        threshold = view.threshold or DEFAULT_THRESHOLD
        nearest = nearest_groups(
            [[idea.text for idea in cluster.ideas] for cluster in view.clusters],
            [idea.text for idea in view.ungrouped],
            threshold=threshold,
        )
        alone = []
        for idea, group in zip(view.ungrouped, nearest, strict=True):
            if group is None:
                alone.append(idea)
            else:
                session.add(IdeaClusterMember(idea_id=idea.id, cluster_id=view.clusters[group].id))
        new_groups = [
            (
                [alone[m].id for m in cluster.members],
                alone[cluster.central].text.strip()[:MAX_TITLE],
            )
            for cluster in cluster_ideas([idea.text for idea in alone], threshold=threshold)
        ]
        _store_clusters(session, theme_id, new_groups, _next_position(session, theme_id))
        audit.record(
            session,
            action="synthesis.new_ideas_placed",
            actor=actor,
            subject_type="theme",
            subject_id=theme_id,
            details={"ideas": len(view.ungrouped), "new_clusters": len(new_groups)},
        )
        return len(view.ungrouped)


# --- the team's changes -------------------------------------------------------------


def _cluster(session: Session, cluster_id: int) -> IdeaCluster:
    cluster = session.get(IdeaCluster, cluster_id, with_for_update=True)
    if cluster is None:
        raise InputRejected(
            _("This cluster no longer exists (someone merged or regrouped it): look again.")
        )
    return cluster


def _next_position(session: Session, theme_id: int) -> int:
    highest = session.scalar(
        select(func.max(IdeaCluster.position)).where(IdeaCluster.theme_id == theme_id)
    )
    return int(highest if highest is not None else -1) + 1


def _member_texts(session: Session, cluster_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Idea.text)
            .join(IdeaClusterMember, IdeaClusterMember.idea_id == Idea.id)
            .where(
                IdeaClusterMember.cluster_id == cluster_id,
                Idea.deleted_at.is_(None),
                Idea.merged_into_id.is_(None),
            )
            .order_by(Idea.id)
        )
    )


def _touch(session: Session, cluster: IdeaCluster) -> None:
    """After its members changed: a proposed title follows them; an empty cluster goes."""
    session.flush()
    texts = _member_texts(session, cluster.id)
    if not texts:
        session.delete(cluster)
        return
    if not cluster.title_edited:
        cluster.title = _title_of(texts) or cluster.title
    cluster.updated_at = dt.datetime.now(dt.UTC)


def rename_cluster(database: Database, cluster_id: int, title: str, *, actor: str) -> None:
    """Give a cluster the team's own title."""
    title = " ".join(title.split())
    if not title:
        raise InputRejected(_("A cluster needs a title: type a few words that say what it asks."))
    if len(title) > MAX_TITLE:
        raise InputRejected(
            _("A cluster's title can be at most {most} characters.").format(most=MAX_TITLE)
        )
    with database.transaction() as session:
        cluster = _cluster(session, cluster_id)
        if cluster.title == title and cluster.title_edited:
            return
        before = cluster.title
        cluster.title, cluster.title_edited = title, True
        cluster.updated_at = dt.datetime.now(dt.UTC)
        audit.record(
            session,
            action="synthesis.renamed",
            actor=actor,
            subject_type="idea_cluster",
            subject_id=cluster.id,
            details={"before": before, "title": title},
        )


def merge_clusters(database: Database, cluster_ids: Sequence[int], *, actor: str) -> int:
    """Join clusters into the first of `cluster_ids`; its id.

    The kept cluster keeps its title if the team wrote one (else the first written one of
    the others); summaries are joined and a key or barrier mark is kept.
    """
    ids = list(dict.fromkeys(cluster_ids))
    if len(ids) < 2:
        raise InputRejected(_("Choose at least two clusters to merge."))
    with database.transaction() as session:
        clusters = [_cluster(session, cluster_id) for cluster_id in ids]
        keep, others = clusters[0], clusters[1:]
        if any(other.theme_id != keep.theme_id for other in others):
            raise InputRejected(_("Only clusters of the same theme can be merged."))
        if not keep.title_edited:
            written = next((o for o in others if o.title_edited), None)
            if written is not None:
                keep.title, keep.title_edited = written.title, True
        keep.summary = "\n\n".join(c.summary for c in clusters if c.summary.strip())[:MAX_SUMMARY]
        keep.kind = keep.kind or next((o.kind for o in others if o.kind), None)
        session.execute(
            update(IdeaClusterMember)
            .where(IdeaClusterMember.cluster_id.in_([o.id for o in others]))
            .values(cluster_id=keep.id)
        )
        for other in others:
            session.delete(other)
        _touch(session, keep)
        audit.record(
            session,
            action="synthesis.merged",
            actor=actor,
            subject_type="idea_cluster",
            subject_id=keep.id,
            details={"merged": [o.id for o in others]},
        )
        return keep.id


def split_cluster(
    database: Database, cluster_id: int, idea_ids: Sequence[int], *, actor: str
) -> int:
    """Take `idea_ids` out of a cluster into a new cluster of their own; its id."""
    chosen = list(dict.fromkeys(idea_ids))
    with database.transaction() as session:
        cluster = _cluster(session, cluster_id)
        members = set(
            session.scalars(
                select(IdeaClusterMember.idea_id).where(IdeaClusterMember.cluster_id == cluster.id)
            )
        )
        if not chosen or not set(chosen) <= members:
            raise InputRejected(_("Choose the ideas of this cluster that go into a new one."))
        if set(chosen) == members:
            raise InputRejected(
                _("Leave at least one idea in the cluster: the others then form the new one.")
            )
        texts = list(session.scalars(select(Idea.text).where(Idea.id.in_(chosen))))
        session.execute(delete(IdeaClusterMember).where(IdeaClusterMember.idea_id.in_(chosen)))
        (new_id,) = _store_clusters(
            session,
            cluster.theme_id,
            [(chosen, _title_of(texts))],
            _next_position(session, cluster.theme_id),
        )
        _touch(session, cluster)
        audit.record(
            session,
            action="synthesis.split",
            actor=actor,
            subject_type="idea_cluster",
            subject_id=cluster_id,
            details={"new_cluster": new_id, "ideas": chosen},
        )
        return new_id


def move_idea(database: Database, idea_id: int, cluster_id: int | None, *, actor: str) -> int:
    """Move an idea (grouped or not) into another cluster of its theme, or with
    `cluster_id` None into a new cluster of its own; the cluster it is in now."""
    with database.transaction() as session:
        row = session.execute(
            select(Idea.text, Table.theme_id)
            .join(Table, Table.id == Idea.table_id)
            .where(Idea.id == idea_id, Idea.deleted_at.is_(None), Idea.merged_into_id.is_(None))
        ).first()
        if row is None:
            raise InputRejected(_("This idea was deleted or merged at its table: look again."))
        text, theme_id = row
        member = session.get(IdeaClusterMember, idea_id)
        before = member.cluster_id if member else None
        if cluster_id is not None:
            target = _cluster(session, cluster_id)
            if target.theme_id != theme_id:
                raise InputRejected(_("An idea can only move to a cluster of its own theme."))
            if before == target.id:
                return target.id
        if member is not None:
            session.delete(member)
            session.flush()
        if cluster_id is None:
            (cluster_id,) = _store_clusters(
                session,
                theme_id,
                [([idea_id], text.strip()[:MAX_TITLE])],
                _next_position(session, theme_id),
            )
        else:
            session.add(IdeaClusterMember(idea_id=idea_id, cluster_id=cluster_id))
            _touch(session, target)
        if before is not None:
            left = session.get(IdeaCluster, before)
            if left is not None:
                _touch(session, left)
        audit.record(
            session,
            action="synthesis.idea_moved",
            actor=actor,
            subject_type="idea",
            subject_id=idea_id,
            details={"from": before, "to": cluster_id},
        )
        return cluster_id


def set_cluster_kind(
    database: Database, cluster_id: int, kind: ClusterKind | None, *, actor: str
) -> None:
    """Mark a cluster as a key or a barrier, or (None) as neither."""
    with database.transaction() as session:
        cluster = _cluster(session, cluster_id)
        value = kind.value if kind is not None else None
        if cluster.kind == value:
            return
        cluster.kind = value
        cluster.updated_at = dt.datetime.now(dt.UTC)
        audit.record(
            session,
            action="synthesis.kind_set",
            actor=actor,
            subject_type="idea_cluster",
            subject_id=cluster.id,
            details={"kind": value},
        )


def save_cluster_summary(database: Database, cluster_id: int, summary: str, *, actor: str) -> None:
    """Keep the team's summary of a cluster (what it asks, in their words)."""
    summary = summary.strip()
    if len(summary) > MAX_SUMMARY:
        raise InputRejected(
            _("A summary can be at most {most} characters: say it shorter.").format(
                most=MAX_SUMMARY
            )
        )
    with database.transaction() as session:
        cluster = _cluster(session, cluster_id)
        if cluster.summary == summary:
            return
        cluster.summary = summary
        cluster.updated_at = dt.datetime.now(dt.UTC)
        audit.record(
            session,
            action="synthesis.summary_saved",
            actor=actor,
            subject_type="idea_cluster",
            subject_id=cluster.id,
            details={"characters": len(summary)},
        )
