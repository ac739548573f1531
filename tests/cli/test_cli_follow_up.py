"""`degenks follow-up` writes the follow-up report (the event's or a theme's, in the
language asked) and says so in one line; `degenks export --what follow-up` writes the
table; a wrong theme is one sentence, exit 2, and no file."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from degenks_desktop.domain.follow_up import FollowUpStatus
from degenks_desktop.i18n import ngettext
from degenks_desktop.services.follow_up.follow_ups import set_follow_up
from degenks_desktop.storage.database import open_database
from tests.helpers.cli import run
from tests.helpers.follow_ups import CONCEPT_TITLE, HOUSING_IDEAS, WORK_IDEAS, add_followed_day
from tests.helpers.organisers import add_organiser
from tests.helpers.pdfs import pdf_text

DONE_WHAT = "Twaalf straten hielden in juni een buurtfeest."


@pytest.fixture
def day_file(tmp_path: Path) -> Path:
    path = tmp_path / "g360.sqlite"
    database = open_database(f"sqlite:///{path}", create=True)
    day = add_followed_day(database)
    add_organiser(database)
    set_follow_up(
        database,
        idea_id=day.housing_ideas[0],
        destination_id=day.destination_ids[0],
        status=FollowUpStatus.DONE,
        explanation=DONE_WHAT,
        status_on=dt.date(2013, 6, 20),
        actor="organisatie",
    )
    database.close()
    return path


def test_follow_up_writes_the_report_and_says_its_pages(
    day_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "opvolging.pdf"
    code, said, err = run(capsys, "--db", str(day_file), "follow-up", str(out))
    assert (code, err) == (0, "")
    assert said.strip().endswith(str(out)) and len(said.strip().splitlines()) == 1
    text = pdf_text(out)
    assert HOUSING_IDEAS[0] in text and DONE_WHAT in text


def test_follow_up_json_names_its_pages_and_the_counts_per_status(
    day_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "werk.pdf"
    code, said, _err = run(
        capsys,
        "--db",
        str(day_file),
        "follow-up",
        str(out),
        "--theme",
        "werk",
        "--language",
        "en",
        "--json",
    )
    assert code == 0
    outcome = json.loads(said)
    assert outcome["path"] == str(out) and outcome["pages"] >= 2
    assert outcome["items"] == len(WORK_IDEAS) + 1  # the concept
    assert outcome["statuses"]["received"] == outcome["items"]
    text = pdf_text(out)
    assert "What happened with your ideas on Werk?" in text
    assert CONCEPT_TITLE in text and HOUSING_IDEAS[0] not in text


def test_the_line_says_the_pages(
    day_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "opvolging.pdf"
    _code, said, _err = run(capsys, "--db", str(day_file), "follow-up", str(out), "--json")
    pages = json.loads(said)["pages"]
    _code, said, _err = run(capsys, "--db", str(day_file), "follow-up", str(out))
    expected = ngettext(
        "Follow-up report written, {count} page: {path}",
        "Follow-up report written, {count} pages: {path}",
        pages,
    ).format(count=pages, path=out)
    assert said.strip() == expected


def test_an_unknown_theme_is_one_sentence_exit_2_and_no_file(
    day_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sport.pdf"
    code, said, err = run(capsys, "--db", str(day_file), "follow-up", str(out), "--theme", "sport")
    assert (code, said) == (2, "")
    assert "sport" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_export_what_follow_up_writes_every_selected_idea_and_concept(
    day_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "opvolging.csv"
    code, _said, err = run(capsys, "--db", str(day_file), "export", str(out), "--what", "follow-up")
    assert (code, err) == (0, "")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        _header, *rows = list(csv.reader(handle, delimiter=";"))
    assert [row[5] for row in rows] == [*HOUSING_IDEAS, *WORK_IDEAS, CONCEPT_TITLE]
    assert DONE_WHAT in rows[0] and "2013-06-20" in rows[0]
