"""The report from a simulated day holds every theme, selected idea and concept; its
contents name the pages where its chapters start, and it embeds every font it uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.errors import Cancelled, InputRejected
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report, render_table_page
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Concept, Idea, Participant, SelectedIdea, Theme
from tests.helpers.pdfs import contents_lines, page_lines, pdf_fonts, pdf_text
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


@pytest.fixture
def finished_day_on_sqlite(sqlite_database: Database) -> Database:
    """The same day, once: what the PDF shows does not depend on the engine."""
    create_demo_event(sqlite_database, participants=60, facilitators=8, days=1)
    simulate_day(sqlite_database, day_number=1, seed=11)
    return sqlite_database


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


def test_the_contents_name_the_pages_where_the_chapters_start(
    finished_day_on_sqlite: Database, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    data = report_data(finished_day_on_sqlite)
    render_report(data, path)
    pages = page_lines(path)
    lines = contents_lines(pages, "Inhoud")
    chapters = ["Deelname", "Representativiteit", *(t.name for t in data.themes)]
    chapters += ["Bijlage: alle ideeën", "Werkwijze"]
    named = dict(lines)
    assert [heading for heading, _page in lines if heading in chapters] == chapters
    assert {
        f"Tafel {t.number} (dag {t.day}) — {t.facilitator}" for t in data.themes[0].tables
    } < set(named)
    for heading, number in lines:
        page = pages[number - 1]
        assert page[0].endswith(f" {number}")  # the footer's page number
        if heading in chapters:
            assert page[1] == heading  # a chapter starts its page
        first = next(i for i in range(lines[0][1] - 1, len(pages)) if heading in pages[i])
        assert first == number - 1, (heading, number, first + 1)


def test_every_font_of_the_report_and_the_table_page_is_embedded(
    finished_day_on_sqlite: Database, tmp_path: Path
) -> None:
    render_report(report_data(finished_day_on_sqlite), tmp_path / "verslag.pdf", language="en")
    render_table_page(report_data(finished_day_on_sqlite, table=(1, 1)), tmp_path / "tafel.pdf")
    for name in ("verslag.pdf", "tafel.pdf"):
        fonts = pdf_fonts(tmp_path / name)
        assert fonts and all(fonts.values()), (name, fonts)


def test_the_progress_climbs_to_its_end(finished_day_on_sqlite: Database, tmp_path: Path) -> None:
    heard: list[tuple[int, int]] = []
    render_report(
        report_data(finished_day_on_sqlite),
        tmp_path / "verslag.pdf",
        progress=lambda done, total: heard.append((done, total)),
    )
    done = [step for step, _total in heard]
    assert done == sorted(done) and len(set(done)) > 5
    assert {total for _done, total in heard} == {heard[-1][1]} == {heard[-1][0]}


def test_a_theme_named_with_markup_characters_reads_right_in_the_contents(
    finished_day_on_sqlite: Database, tmp_path: Path
) -> None:
    name = "Wonen & werk <samen>"
    with finished_day_on_sqlite.transaction() as session:
        theme = session.scalars(select(Theme).limit(1)).one()
        theme.name = name
    path = tmp_path / "verslag.pdf"
    render_report(report_data(finished_day_on_sqlite), path)
    pages = page_lines(path)
    assert name in dict(contents_lines(pages, "Inhoud"))


def test_a_report_that_cannot_be_written_says_so_in_the_apps_language(
    finished_day_on_sqlite: Database, tmp_path: Path
) -> None:
    """The sentence is for the person at the screen: Dutch, even for an English report."""
    target = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(InputRejected) as refused:
        render_report(report_data(finished_day_on_sqlite), target, language="en")
    assert "kan niet" in refused.value.message
    assert str(target) in refused.value.message
    assert not target.parent.exists()
