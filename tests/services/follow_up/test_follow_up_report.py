"""The follow-up report says, in the language asked, where each selected idea and concept
stands, why, and what came before; a theme's report holds only that theme; the export
carries ideas and concepts, never a person."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from degenks_desktop.domain.follow_up import FOLLOW_UP_STATUS_LABELS, FollowUpStatus
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import translations_for
from degenks_desktop.services.follow_up.follow_up_report import (
    follow_up_table,
    render_follow_up_report,
)
from degenks_desktop.services.follow_up.follow_ups import set_follow_up
from degenks_desktop.services.reporting.exports import write_table
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant
from tests.helpers.follow_ups import (
    CONCEPT_TITLE,
    DESTINATIONS,
    HOUSING_IDEAS,
    WORK_IDEAS,
    FollowedDay,
    add_followed_day,
)
from tests.helpers.pdfs import pdf_fonts, pdf_text

DONE_WHAT = "Twaalf straten hielden in juni een buurtfeest."
NOT_WHY = "Er loopt al een jobbeurs in de stad."
STUDIED = "De dienst bekijkt het met de wijkwerkers."


def squeezed(text: str) -> str:
    """Text as extraction gives it back, whatever the line breaks did to the spaces."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def followed(database: Database) -> FollowedDay:
    day = add_followed_day(database)
    housing, economy = day.destination_ids
    idea = day.housing_ideas[0]
    for status, explanation, on in (
        (FollowUpStatus.UNDER_STUDY, STUDIED, dt.date(2013, 3, 20)),
        (FollowUpStatus.DONE, DONE_WHAT, dt.date(2013, 6, 20)),
    ):
        set_follow_up(
            database,
            idea_id=idea,
            destination_id=housing,
            status=status,
            explanation=explanation,
            status_on=on,
            actor="organisatie",
        )
    set_follow_up(
        database,
        idea_id=day.work_ideas[0],
        destination_id=economy,
        status=FollowUpStatus.NOT_TAKEN_UP,
        explanation=NOT_WHY,
        status_on=dt.date(2013, 5, 2),
        actor="organisatie",
    )
    return day


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_report_says_in_its_language_where_each_idea_stands_and_why(
    database: Database, followed: FollowedDay, tmp_path: Path, language: str
) -> None:
    words = translations_for(language).gettext
    path = tmp_path / f"opvolging-{language}.pdf"
    pages = render_follow_up_report(database, followed.event_id, path, language=language)
    text = squeezed(pdf_text(path))
    assert pages >= 3  # the first page, then each theme on pages of its own
    assert squeezed(words("What happened with your ideas?")) in text
    for idea in (*HOUSING_IDEAS, *WORK_IDEAS, CONCEPT_TITLE, *DESTINATIONS):
        assert squeezed(idea) in text, idea
    for said in (DONE_WHAT, NOT_WHY, STUDIED):  # the earlier step too, in the history
        assert squeezed(said) in text, said
    assert squeezed(words(FOLLOW_UP_STATUS_LABELS[FollowUpStatus.NOT_TAKEN_UP])) in text
    june = {"nl": "20 juni 2013", "en": "20 June 2013"}[language]
    assert squeezed(june) in text
    assert all(pdf_fonts(path).values())


def test_the_report_in_english_is_english_whatever_the_apps_language(
    database: Database, followed: FollowedDay, tmp_path: Path
) -> None:
    path = tmp_path / "follow-up.pdf"
    render_follow_up_report(database, followed.event_id, path, language="en")
    text = squeezed(pdf_text(path))
    assert squeezed("What happened with your ideas?") in text
    assert squeezed("not taken up") in text and squeezed("20 June 2013") in text


def test_a_themes_report_holds_only_that_themes_items(
    database: Database, followed: FollowedDay, tmp_path: Path
) -> None:
    path = tmp_path / "werk.pdf"
    render_follow_up_report(database, followed.event_id, path, theme_code="werk", language="en")
    text = squeezed(pdf_text(path))
    assert squeezed("What happened with your ideas on Werk?") in text
    for idea in (*WORK_IDEAS, CONCEPT_TITLE, NOT_WHY):
        assert squeezed(idea) in text, idea
    for idea in (*HOUSING_IDEAS, DONE_WHAT):
        assert squeezed(idea) not in text, idea
    with pytest.raises(InputRejected):
        render_follow_up_report(database, followed.event_id, tmp_path / "x.pdf", theme_code="x")
    assert not (tmp_path / "x.pdf").exists()


def test_the_pages_render(database: Database, followed: FollowedDay, tmp_path: Path) -> None:
    path = tmp_path / "opvolging.pdf"
    pages = render_follow_up_report(database, followed.event_id, path)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == pages
    assert all(image.stat().st_size > 2_000 for image in rendered)


def test_an_unwritable_file_is_one_sentence(
    database: Database, followed: FollowedDay, tmp_path: Path
) -> None:
    with pytest.raises(InputRejected):
        render_follow_up_report(database, followed.event_id, tmp_path / "nowhere" / "x.pdf")


def test_the_export_holds_the_follow_up_and_no_person(
    database: Database, followed: FollowedDay, tmp_path: Path
) -> None:
    header, rows = follow_up_table(database, followed.event_id)
    assert len(header) == len(rows[0])
    assert [row[5] for row in rows] == [*HOUSING_IDEAS, *WORK_IDEAS, CONCEPT_TITLE]
    done = rows[0]
    assert DESTINATIONS[0] in done and DONE_WHAT in done and "2013-06-20" in done
    with database.reading() as session:
        names = {
            value
            for person in session.query(Participant)
            for value in (person.first_name, person.last_name, person.badge_code)
        }
    assert not names & {cell for row in rows for cell in row}
    _header, werk = follow_up_table(database, followed.event_id, theme_code="werk")
    assert [row[5] for row in werk] == [*WORK_IDEAS, CONCEPT_TITLE]
    for name in ("opvolging.xlsx", "opvolging.csv"):
        assert write_table(tmp_path / name, header, rows) == len(rows)
