"""The draw's outcome for a mail merge: one row per person in the pool, where they came
out, their place on the waiting list, a badge code only for a chair that is theirs, and
never a diversity answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from degenks_desktop import i18n
from degenks_desktop.domain.diversity import CATEGORIES
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations.draw import DrawReport, run_draw
from degenks_desktop.services.reporting.exports import Cell, export_rows, write_table
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import DrawOutcome, Participant, Profile
from tests.helpers.draws import add_oversubscribed_day

HEADER = [
    "first name",
    "last name",
    "e-mail",
    "language",
    "day",
    "outcome",
    "waiting position",
    "badge code",
    "status",
]
OUTCOME_WORDS = {"selected": "selected", "waiting": "waiting list", "not_selected": "not selected"}


@pytest.fixture
def drawn_day(database: Database) -> tuple[Database, DrawReport]:
    add_oversubscribed_day(database, registrants=24, places=12)
    i18n.set_language("en")
    return database, run_draw(database, 1, seed=7)


def test_one_row_per_person_in_the_pool_with_where_they_came_out(
    drawn_day: tuple[Database, DrawReport], tmp_path: Path
) -> None:
    database, report = drawn_day
    with database.transaction() as session:
        # A selected person who cancelled since: still in the merge, but without a code.
        cancelled = session.scalars(
            select(Participant)
            .join(DrawOutcome, DrawOutcome.participant_id == Participant.id)
            .where(DrawOutcome.outcome == "selected")
            .order_by(Participant.id)
            .limit(1)
        ).one()
        cancelled.status = RegistrationStatus.CANCELLED
        cancelled_email = cancelled.email
    header, rows = export_rows(database, "draw", anonymous=False)
    assert header == HEADER
    assert len(rows) == report.registered == 24
    with database.reading() as session:
        truth = {
            email: (outcome, position, code, language)
            for email, outcome, position, code, language in session.execute(
                select(
                    Participant.email,
                    DrawOutcome.outcome,
                    DrawOutcome.waiting_position,
                    Participant.badge_code,
                    Participant.language,
                ).join(DrawOutcome, DrawOutcome.participant_id == Participant.id)
            ).all()
        }
    by_email = {row[2]: row for row in rows}
    assert set(by_email) == set(truth)
    for email, (outcome, position, code, language) in truth.items():
        first, last, _email, in_language, day, said, place, badge, status = by_email[email]
        assert (first, last) == (f"Persoon{str(email)[7:].split('@')[0]}", "Genk")
        assert (in_language, day, said) == (language, 1, OUTCOME_WORDS[outcome])
        assert place == (position if outcome == "waiting" else None)
        if outcome == "waiting":
            assert isinstance(place, int) and place >= 1
        if email == cancelled_email:
            assert (badge, status) == (None, "cancelled")
        else:
            assert badge == (code if outcome == "selected" else None)
    outcomes = [row[5] for row in rows]
    assert outcomes.count("selected") == report.selected
    assert outcomes.count("waiting list") == report.waiting
    assert outcomes.count("not selected") == report.not_selected
    # Written as a workbook, it reads back the same.
    path = tmp_path / "samenvoegen.xlsx"
    assert write_table(path, header, rows) == 24
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [header, *rows]


def test_no_diversity_answer_is_in_the_merge(drawn_day: tuple[Database, DrawReport]) -> None:
    database, _report = drawn_day
    header, rows = export_rows(database, "draw", anonymous=False)
    with database.reading() as session:
        answers = session.execute(select(Profile.gender, Profile.origin, Profile.education)).all()
    given = {str(value) for row in answers for value in row if value}
    labels = {
        i18n._(label)
        for category in CATEGORIES
        for label in (category.label, *category.values.values())
    }
    assert given and labels
    table: list[list[Cell]] = [list(header), *rows]
    cells = {str(cell) for row in table for cell in row if cell is not None}
    assert not cells & given
    assert not cells & labels
    assert not {i18n._(category.label).lower() for category in CATEGORIES} & set(header)


def test_one_days_merge_and_a_day_without_a_draw(
    drawn_day: tuple[Database, DrawReport],
) -> None:
    database, _report = drawn_day
    assert len(export_rows(database, "draw", anonymous=False, day_number=1)[1]) == 24
    assert export_rows(database, "draw", anonymous=False, day_number=2)[1] == []


def test_an_anonymous_merge_is_refused_in_a_sentence(
    drawn_day: tuple[Database, DrawReport],
) -> None:
    database, _report = drawn_day
    with pytest.raises(InputRejected) as refused:
        export_rows(database, "draw", anonymous=True)
    assert refused.value.message == (
        "The draw's outcome is a mail merge of names and e-mail addresses, so it cannot be "
        "anonymous: export it with names."
    )
