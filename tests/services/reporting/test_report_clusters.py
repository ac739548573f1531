"""Each theme's chapter opens with its team's clusters: what came up at how many of its
tables, the dots, the team's summary and mark; the appendix still keeps every idea."""

from __future__ import annotations

import re
from pathlib import Path

from degenks_desktop.domain.follow_up import ClusterKind
from degenks_desktop.services.follow_up.synthesis import (
    group_theme,
    rename_cluster,
    save_cluster_summary,
    set_cluster_kind,
)
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report
from degenks_desktop.storage.database import Database
from tests.helpers.pdfs import pdf_text
from tests.helpers.synthesis import WORK_IDEAS, add_themes_with_ideas


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_theme_chapter_opens_with_its_clusters_and_the_appendix_keeps_every_idea(
    database: Database, tmp_path: Path
) -> None:
    ideas = add_themes_with_ideas(database)
    view = group_theme(database, ideas.work_theme_id, actor="team")
    (internships,) = [c for c in view.clusters if ideas.work_ideas[0] in {i.id for i in c.ideas}]
    rename_cluster(database, internships.id, "Stages voor jongeren", actor="team")
    save_cluster_summary(database, internships.id, "Bedrijven openen hun deuren.", actor="team")
    set_cluster_kind(database, internships.id, ClusterKind.KEY, actor="team")

    data = report_data(database)
    housing, work = data.themes
    assert housing.clusters == ()
    first = work.clusters[0]
    assert (first.title, first.tables, first.dots, first.selected) == (
        "Stages voor jongeren",
        2,
        5,
        1,
    )
    assert sum(c.ideas for c in work.clusters) == len(WORK_IDEAS)

    path = tmp_path / "verslag.pdf"
    render_report(data, path)
    text = squeezed(pdf_text(path))
    chapter = text[text.index(squeezed("Hoe kunnen we meer werk maken?")) :]
    assert squeezed("Sleutel: Stages voor jongeren") in chapter
    assert squeezed("aan 2 van de 2 tafels, 3 ideeën") in chapter
    assert squeezed("Bedrijven openen hun deuren.") in chapter
    # The appendix still lists each idea as it was written.
    assert all(squeezed(idea) in text for _at, idea in WORK_IDEAS)


def test_a_table_one_pager_has_no_clusters(database: Database) -> None:
    ideas = add_themes_with_ideas(database)
    group_theme(database, ideas.work_theme_id, actor="team")
    one = report_data(database, table=(1, 2))
    assert [theme.clusters for theme in one.themes] == [()]
