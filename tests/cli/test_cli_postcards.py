"""`degenks postcards OUT.pdf`: the cards, a line saying how many and who was left out
and why, the exit codes of CLI.md, and organisers only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from degenks_desktop.i18n import ngettext
from degenks_desktop.services.follow_up.settings import follow_up_settings
from degenks_desktop.storage.database import Database, open_database
from tests.helpers.cli import run
from tests.helpers.fingerprint import fingerprint
from tests.helpers.organisers import add_organiser
from tests.helpers.pdfs import pdf_text
from tests.helpers.postcards import PostcardWorld, add_postcard_world, give_address


@pytest.fixture
def world(sqlite_database_url: str) -> Iterator[tuple[Database, PostcardWorld]]:
    database = open_database(sqlite_database_url)
    world = add_postcard_world(database, came=8)
    add_organiser(database)
    yield database, world
    database.close()


def test_postcards_written_with_the_counts(
    capsys: pytest.CaptureFixture[str],
    world: tuple[Database, PostcardWorld],
    sqlite_database_url: str,
    tmp_path: Path,
) -> None:
    database, postcards = world
    people = postcards.tables.people
    give_address(database, people[0], street="Stalenstraat 2", postcode="3600")
    give_address(database, people[1], street=None, postcode=None)
    out = tmp_path / "kaarten.pdf"
    code, stdout, err = run(
        capsys,
        "--db",
        sqlite_database_url,
        "postcards",
        str(out),
        "--link",
        "https://www.genk.be/opvolging",
        "--date",
        "2027-01-15",
    )
    assert (code, err) == (0, "")
    made = ngettext("{count} postcard to print", "{count} postcards to print", 1).format(count=1)
    assert stdout.startswith(made)
    assert (
        ngettext(
            "{count} agreed to be contacted but has no postal address",
            "{count} agreed to be contacted but have no postal address",
            1,
        ).format(count=1)
        in stdout
    )
    text = pdf_text(out)
    assert "https://www.genk.be/opvolging" in text and "15 januari 2027" in text
    assert "Stalenstraat 2" in text
    saved = follow_up_settings(database, postcards.event_id)
    assert saved.report_link == "https://www.genk.be/opvolging"

    code, stdout, _err = run(capsys, "--db", sqlite_database_url, "postcards", str(out), "--json")
    assert code == 0
    assert json.loads(stdout) == {
        "postcards": 1,
        "no_address": 1,
        "did_not_come": 0,
        "no_consent": 11,
        "path": str(out),
    }


def test_nobody_to_send_to_exits_one_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    world: tuple[Database, PostcardWorld],
    sqlite_database_url: str,
    tmp_path: Path,
) -> None:
    out = tmp_path / "kaarten.pdf"
    code, stdout, err = run(capsys, "--db", sqlite_database_url, "postcards", str(out))
    assert (code, err) == (1, "")
    assert stdout.startswith(
        ngettext("{count} postcard to print", "{count} postcards to print", 0).format(count=0)
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "organiser"),
    [
        (("--date", "31/02/2027"), True),
        (("--link", "www.genk.be"), True),
        ((), False),
    ],
)
def test_bad_input_or_no_organiser_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    world: tuple[Database, PostcardWorld],
    sqlite_database_url: str,
    tmp_path: Path,
    extra: tuple[str, ...],
    organiser: bool,
) -> None:
    database, postcards = world
    give_address(database, postcards.tables.people[0], street="Stalenstraat 2", postcode="3600")
    before = fingerprint(sqlite_database_url)
    out = tmp_path / "kaarten.pdf"
    arguments = ("--db", sqlite_database_url, "postcards", str(out), *extra)
    if organiser:
        code, stdout, err = run(capsys, *arguments)
    else:
        code, stdout, err = run(capsys, *arguments, organiser=None)
    assert (code, stdout) == (2, "")
    assert len(err.strip().splitlines()) == 1 and err.strip().endswith(".")
    if not organiser:
        assert "--organiser" in err
    assert fingerprint(sqlite_database_url) == before
    assert not out.exists()
