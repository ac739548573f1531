"""The report from a simulated day holds every theme, selected idea and concept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.errors import Cancelled
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report, render_table_page
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Concept, Idea, Participant, SelectedIdea, Theme
from tests.helpers.pdfs import pdf_text
from tests.services.organising.test_diversity import true_counts
from tests.unit.test_disclosure import pinned_cells


def squeezed(text: str) -> str:
    """Text as extraction gives it back, whatever the line breaks did to the spaces."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def finished_day(database: Database) -> Database:
    create_demo_event(database, participants=60, facilitators=8, days=1)
    simulate_day(database, day_number=1, seed=11)
    return database


def test_the_report_holds_every_theme_selected_idea_and_concept(
    finished_day: Database, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    render_report(report_data(finished_day), path)
    text = squeezed(pdf_text(path))
    with finished_day.reading() as session:
        themes = session.scalars(select(Theme.name)).all()
        selected = session.scalars(
            select(Idea.text).join(SelectedIdea, SelectedIdea.idea_id == Idea.id)
        ).all()
        concepts = session.execute(select(Concept.title, Concept.first_step)).all()
        names = [
            f"{first} {last}"
            for first, last in session.execute(
                select(Participant.first_name, Participant.last_name)
            ).all()
        ]
    assert themes and selected and concepts
    for name in themes:
        assert squeezed(name) in text, name
    for idea in selected:
        assert squeezed(idea) in text, idea
    for title, first_step in concepts:
        assert squeezed(title) in text and squeezed(first_step) in text
    assert squeezed("Inhoud") in text and squeezed("Deelname") in text
    assert squeezed("Representativiteit") in text and squeezed("Werkwijze") in text
    # Citizens' names never appear; their ideas and the diversity aggregates do.
    assert not any(squeezed(name) in text for name in names)


def test_a_theme_report_and_a_table_one_pager_in_english(
    finished_day: Database, tmp_path: Path
) -> None:
    with finished_day.reading() as session:
        code, name = session.execute(select(Theme.code, Theme.name).limit(1)).one()
        other = session.scalars(select(Theme.name).where(Theme.code != code)).first()
    render_report(report_data(finished_day, theme_code=code), tmp_path / "thema.pdf", language="en")
    text = pdf_text(tmp_path / "thema.pdf")
    assert "Report for the policy table on" in text and "Contents" in text
    assert squeezed(name) in squeezed(text)
    assert other is not None and f"\n{other}\n" not in text
    one = report_data(finished_day, table=(1, 1))
    render_table_page(one, tmp_path / "tafel.pdf")
    page = pdf_text(tmp_path / "tafel.pdf")
    assert "Tafel 1 (dag 1)" in page
    assert all(squeezed(i.text) in squeezed(page) for i in one.themes[0].tables[0].top)


def test_cancel_leaves_no_half_report(finished_day: Database, tmp_path: Path) -> None:
    def cancel(_done: int, _total: int) -> None:
        raise Cancelled

    folder = tmp_path / "rapporten"
    folder.mkdir()
    with pytest.raises(Cancelled):
        render_report(report_data(finished_day), folder / "verslag.pdf", progress=cancel)
    assert list(folder.iterdir()) == []


def test_the_representativeness_gives_no_small_group_away(
    database: Database, tmp_path: Path
) -> None:
    create_demo_event(database, participants=90, days=2)
    data = report_data(database)
    hidden_somewhere = False
    for matrix in data.diversity:
        truth = true_counts(database, matrix.key, present=False)[None]
        values = [row.value for row in matrix.rows]
        table = [[truth.get(value, 0)] for value in values]
        table.append([sum(row[0] for row in table)])
        hidden = {(index, 0) for index, row in enumerate(matrix.rows) if row.registered is None}
        # The report prints no total, but its shares give it: every shown share is its count
        # over the same total, which the attacker is handed.
        for row in matrix.rows:
            if row.registered_share is not None:
                assert row.registered is not None
                assert row.registered_share == row.registered / table[-1][0]
            if row.registered is None:
                assert row.registered_share is None
        assert not pinned_cells(table, hidden, row_totals=False, column_totals=True), matrix.key
        hidden_somewhere = hidden_somewhere or bool(hidden)
    assert hidden_somewhere
    path = tmp_path / "verslag.pdf"
    render_report(data, path, language="en")
    text = pdf_text(path)
    assert "×" in text and "< 5" not in text
