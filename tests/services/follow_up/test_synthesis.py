"""The theme team's synthesis: ideas of all a theme's tables grouped into clusters, and
the team's renaming, merging, splitting, moving and marking kept, each idea in exactly
one cluster throughout, with an audit entry for every change."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from degenks_desktop.domain.follow_up import ClusterKind
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.follow_up.synthesis import (
    ThemeSynthesisView,
    event_synthesis,
    group_theme,
    merge_clusters,
    move_idea,
    place_new_ideas,
    rename_cluster,
    save_cluster_summary,
    set_cluster_kind,
    split_cluster,
    theme_by_code,
    theme_synthesis,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, Idea
from tests.helpers.fingerprint import fingerprint
from tests.helpers.synthesis import ThemeIdeas, add_themes_with_ideas


@pytest.fixture
def ideas(database: Database) -> ThemeIdeas:
    return add_themes_with_ideas(database)


def database_fingerprint(database: Database) -> dict[str, str]:
    return fingerprint(database.url.render_as_string(hide_password=False))


def grouped(view: ThemeSynthesisView) -> list[int]:
    """Every idea id in a cluster, as often as it is in one."""
    return sorted(idea.id for cluster in view.clusters for idea in cluster.ideas)


def cluster_of(view: ThemeSynthesisView, idea_id: int) -> int:
    (found,) = [c.id for c in view.clusters if idea_id in {i.id for i in c.ideas}]
    return found


def audited(database: Database, action: str) -> int:
    with database.reading() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
            )
            or 0
        )


def test_a_themes_ideas_from_both_days_are_grouped_with_their_tables_and_dots(
    database: Database, ideas: ThemeIdeas
) -> None:
    view = group_theme(database, ideas.work_theme_id, actor="team")
    assert grouped(view) == sorted(ideas.work_ideas)
    internships = view.clusters[cluster_of_index(view, ideas.work_ideas[0])]
    assert {i.id for i in internships.ideas} == set(ideas.work_ideas[:3])
    assert internships.tables == 2
    assert internships.dots == 5
    assert internships.selected == 1
    assert view.tables == 2
    # The proposed title is one of its own ideas, the most central one.
    assert internships.title in {i.text for i in internships.ideas}
    # Largest first: the clusters that came up at most tables lead.
    assert [c.tables for c in view.clusters] == sorted(
        (c.tables for c in view.clusters), reverse=True
    )
    assert audited(database, "synthesis.clustered") == 1


def cluster_of_index(view: ThemeSynthesisView, idea_id: int) -> int:
    return [c.id for c in view.clusters].index(cluster_of(view, idea_id))


def test_merge_split_and_move_keep_every_idea_in_exactly_one_cluster(
    database: Database, ideas: ThemeIdeas
) -> None:
    view = group_theme(database, ideas.work_theme_id, actor="team")
    everyone = sorted(ideas.work_ideas)
    first, second = cluster_of(view, ideas.work_ideas[0]), cluster_of(view, ideas.work_ideas[3])

    kept = merge_clusters(database, [first, second], actor="team")
    view = theme_synthesis(database, ideas.work_theme_id)
    assert grouped(view) == everyone
    assert cluster_of(view, ideas.work_ideas[3]) == kept

    new = split_cluster(database, kept, [ideas.work_ideas[3], ideas.work_ideas[4]], actor="team")
    view = theme_synthesis(database, ideas.work_theme_id)
    assert grouped(view) == everyone
    assert cluster_of(view, ideas.work_ideas[4]) == new

    target = cluster_of(view, ideas.work_ideas[6])
    move_idea(database, ideas.work_ideas[5], target, actor="team")
    view = theme_synthesis(database, ideas.work_theme_id)
    assert grouped(view) == everyone
    assert cluster_of(view, ideas.work_ideas[5]) == target

    alone = move_idea(database, ideas.work_ideas[7], None, actor="team")
    view = theme_synthesis(database, ideas.work_theme_id)
    assert grouped(view) == everyone
    assert [len(c.ideas) for c in view.clusters if c.id == alone] == [1]
    for action in ("synthesis.merged", "synthesis.split", "synthesis.idea_moved"):
        assert audited(database, action) >= 1


def test_moving_the_last_idea_out_removes_the_empty_cluster(
    database: Database, ideas: ThemeIdeas
) -> None:
    group_theme(database, ideas.work_theme_id, actor="team")
    alone = move_idea(database, ideas.work_ideas[7], None, actor="team")
    view = theme_synthesis(database, ideas.work_theme_id)
    target = cluster_of(view, ideas.work_ideas[0])
    move_idea(database, ideas.work_ideas[7], target, actor="team")
    view = theme_synthesis(database, ideas.work_theme_id)
    assert alone not in {c.id for c in view.clusters}
    assert grouped(view) == sorted(ideas.work_ideas)


def test_the_teams_title_kind_and_summary_are_kept_and_follow_a_merge(
    database: Database, ideas: ThemeIdeas
) -> None:
    view = group_theme(database, ideas.work_theme_id, actor="team")
    first, second = cluster_of(view, ideas.work_ideas[0]), cluster_of(view, ideas.work_ideas[3])
    rename_cluster(database, second, "  Stages  en jobs ", actor="team")
    set_cluster_kind(database, second, ClusterKind.KEY, actor="team")
    save_cluster_summary(database, second, "Jongeren vinden werk via de wijk.", actor="team")
    kept = merge_clusters(database, [first, second], actor="team")
    (cluster,) = [
        c for c in theme_synthesis(database, ideas.work_theme_id).clusters if c.id == kept
    ]
    assert cluster.title == "Stages en jobs"
    assert cluster.kind is ClusterKind.KEY
    assert cluster.summary == "Jongeren vinden werk via de wijk."
    assert audited(database, "synthesis.renamed") == 1
    assert audited(database, "synthesis.kind_set") == 1
    assert audited(database, "synthesis.summary_saved") == 1


def test_an_idea_written_after_the_grouping_waits_and_is_placed_with_its_like(
    database: Database, ideas: ThemeIdeas
) -> None:
    view = group_theme(database, ideas.work_theme_id, actor="team")
    with database.transaction() as session:
        late = Idea(table_id=ideas.small.other_day_table_id, text="Een jobbeurs per wijk, graag")
        odd = Idea(table_id=ideas.small.other_day_table_id, text="Gratis wifi op het station")
        session.add_all([late, odd])
        session.flush()
        late_id, odd_id = late.id, odd.id
    waiting = theme_synthesis(database, ideas.work_theme_id)
    assert {i.id for i in waiting.ungrouped} == {late_id, odd_id}
    assert grouped(waiting) == grouped(view)

    assert place_new_ideas(database, ideas.work_theme_id, actor="team") == 2
    placed = theme_synthesis(database, ideas.work_theme_id)
    assert placed.ungrouped == ()
    assert cluster_of(placed, late_id) == cluster_of(placed, ideas.work_ideas[3])
    assert [len(c.ideas) for c in placed.clusters if c.id == cluster_of(placed, odd_id)] == [1]


def test_an_idea_deleted_at_its_table_drops_out_of_its_cluster(
    database: Database, ideas: ThemeIdeas
) -> None:
    group_theme(database, ideas.work_theme_id, actor="team")
    with database.transaction() as session:
        session.get_one(Idea, ideas.work_ideas[1]).deleted_at = session.get_one(
            Idea, ideas.work_ideas[1]
        ).created_at
    view = theme_synthesis(database, ideas.work_theme_id)
    assert ideas.work_ideas[1] not in grouped(view)
    assert len(grouped(view)) == len(ideas.work_ideas) - 1


def test_the_event_synthesis_has_every_theme_and_themes_are_found_by_code(
    database: Database, ideas: ThemeIdeas
) -> None:
    group_theme(database, ideas.housing_theme_id, actor="team")
    themes = event_synthesis(database, ideas.small.event_id)
    assert [t.code for t in themes] == ["wonen", "werk"]
    assert themes[1].threshold is None
    assert sorted(i.id for i in themes[1].ungrouped) == sorted(ideas.work_ideas)
    assert theme_by_code(database, ideas.small.event_id, "WERK").id == ideas.work_theme_id
    with pytest.raises(InputRejected, match="wonen, werk"):
        theme_by_code(database, ideas.small.event_id, "sport")


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (lambda db, ids: rename_cluster(db, ids[0], "   ", actor="t"), "titel"),
        (lambda db, ids: rename_cluster(db, ids[0], "x" * 301, actor="t"), "301|300"),
        (lambda db, ids: merge_clusters(db, [ids[0]], actor="t"), "twee"),
        (lambda db, ids: merge_clusters(db, [ids[0], ids[-1]], actor="t"), "thema"),
        (lambda db, ids: split_cluster(db, ids[0], [], actor="t"), "ideeën"),
        (lambda db, ids: save_cluster_summary(db, ids[0], "x" * 2001, actor="t"), "2000"),
        (lambda db, ids: move_idea(db, 99999, ids[0], actor="t"), "idee"),
        (lambda db, _ids: rename_cluster(db, 99999, "Nieuw", actor="t"), "cluster"),
        (lambda db, _ids: group_theme(db, 1, threshold=1.5, actor="t"), "0.1"),
    ],
)
def test_each_wrong_change_is_one_sentence_and_changes_nothing(
    database: Database, ideas: ThemeIdeas, change: object, sentence: str
) -> None:
    work = group_theme(database, ideas.work_theme_id, actor="team")
    housing = group_theme(database, ideas.housing_theme_id, actor="team")
    ids = [c.id for c in work.clusters] + [housing.clusters[-1].id]
    before = database_fingerprint(database)
    with pytest.raises(InputRejected) as refused:
        change(database, ids)  # type: ignore[operator]
    message = refused.value.message
    assert any(part in message for part in sentence.split("|"))
    assert message.count(".") + message.count("!") + message.count("?") >= 1
    assert database_fingerprint(database) == before


def test_splitting_off_every_idea_is_refused(database: Database, ideas: ThemeIdeas) -> None:
    view = group_theme(database, ideas.work_theme_id, actor="team")
    (internships,) = [c for c in view.clusters if c.id == cluster_of(view, ideas.work_ideas[0])]
    with pytest.raises(InputRejected, match="minstens één"):
        split_cluster(database, internships.id, [i.id for i in internships.ideas], actor="t")
