"""The report's method says how a drawn day's group was drawn: places, registered, the
quotas by their labels, the algorithm, the seed and the lowest chance; never how many of
a kind were selected. A day without a draw says nothing about one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from degenks_desktop import i18n
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.registrations.draw import quota_rows, run_draw
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report
from degenks_desktop.storage.database import Database
from tests.helpers.draws import add_oversubscribed_day
from tests.helpers.pdfs import page_lines, pdf_text

SEED = 2013
CATEGORY_LABELS = {"gender": "Gender", "origin": "Origin", "education": "Education"}
HEADING = "How the group was drawn"


def squeezed(text: str) -> str:
    """Text as extraction gives it back, whatever the line breaks did to the spaces."""
    return re.sub(r"\s+", "", text)


def method_lines(path: Path) -> list[str]:
    """The lines of the report from the drawn day's heading on."""
    lines = [line for page in page_lines(path) for line in page]
    return lines[lines.index(HEADING) :]


@pytest.fixture
def drawn_day(database: Database) -> Database:
    add_oversubscribed_day(database, registrants=24, places=12)
    run_draw(database, 1, seed=SEED)
    return database


def test_the_method_tells_how_the_group_was_drawn(drawn_day: Database, tmp_path: Path) -> None:
    i18n.set_language("en")  # quota_rows below labels the values in the app's language
    data = report_data(drawn_day)
    (drawn,) = data.draws
    path = tmp_path / "verslag.pdf"
    render_report(data, path, language="en")
    lines = method_lines(path)
    text = squeezed(" ".join(lines))
    assert lines[1] == "Day 1 (16 March 2013)"
    assert squeezed("On day 1, 24 people registered for 12 places") in text
    assert squeezed("People who registered together were drawn together.") in text
    assert {"Places 12", "Registered 24", f"Seed {SEED}"} <= set(lines)
    assert squeezed("Algorithm maximin: the lowest chance anyone had of being drawn") in text
    assert 0 < drawn.lowest_probability < 1
    assert f"Lowest chance of being drawn {drawn.lowest_probability:.1%}" in lines
    # The quotas that bind, by their labels: category, value, minimum, maximum, and no
    # count of who was selected beside them.
    header = lines.index("Category Value Minimum Maximum")
    bound = [
        f"{CATEGORY_LABELS[row.category]} {row.label} {row.minimum} {row.maximum}"
        for row in quota_rows(drawn_day, 1)
        if row.minimum > 0 or row.maximum < drawn.places
    ]
    assert len(bound) >= 6 and "Gender Woman" in " | ".join(bound)
    assert lines[header + 1 : header + 1 + len(bound)] == bound
    # The theme's quota (0 to every place) binds nothing: a line says so, not a row.
    assert lines[header + 1 + len(bound)] == "Values without a quota here had no limit."


def test_a_report_without_a_draw_says_nothing_of_one(database: Database, tmp_path: Path) -> None:
    create_demo_event(database, participants=20, days=1)
    data = report_data(database)
    assert data.draws == ()
    path = tmp_path / "verslag.pdf"
    render_report(data, path, language="en")
    text = pdf_text(path)
    assert "Method" in text
    assert HEADING not in text and "Seed" not in text and "drawn by lot" not in text


def test_a_days_report_has_only_its_own_draw(drawn_day: Database) -> None:
    assert [drawn.day for drawn in report_data(drawn_day, day_number=1).draws] == [1]
    assert report_data(drawn_day, day_number=2).draws == ()
