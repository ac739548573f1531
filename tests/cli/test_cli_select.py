"""`degenks select` keeps CLI.md's promises: the draw's keys, the seed given back, the
same seed the same people, and a sentence (exit 2, nothing changed) for what cannot run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Draw, Participant
from tests.helpers.cli import run
from tests.helpers.draws import add_oversubscribed_day
from tests.helpers.organisers import add_organiser


@pytest.fixture
def day_file(tmp_path: Path) -> Path:
    path = tmp_path / "g360.sqlite"
    database = open_database(f"sqlite:///{path}")
    add_oversubscribed_day(database)
    add_organiser(database)
    database.close()
    return path


def selected(path: Path) -> set[int]:
    database = open_database(f"sqlite:///{path}")
    try:
        with database.reading() as session:
            return set(
                session.scalars(
                    select(Participant.id).where(
                        Participant.status == RegistrationStatus.REGISTERED
                    )
                )
            )
    finally:
        database.close()


def test_select_prints_the_draws_keys_and_the_same_seed_draws_the_same_people(
    day_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(day_file), "select", "--seed", "449", "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) >= {
        "registered",
        "places",
        "selected",
        "waiting",
        "min_probability",
        "quotas",
        "seed",
        "algorithm",
        "seconds",
    }
    assert (report["registered"], report["places"], report["seed"]) == (60, 40, 449)
    assert report["algorithm"] == "maximin"
    assert 0 < report["min_probability"] < 1
    for quota in report["quotas"]:
        assert set(quota) >= {"min", "max", "selected"}
        if quota["selected"] is not None:
            assert quota["min"] <= quota["selected"] <= quota["max"]
            assert quota["selected"] == 0 or quota["selected"] >= 5
    first = selected(day_file)
    run(capsys, "--db", str(day_file), "select", "--seed", "450")
    run(capsys, "--db", str(day_file), "select", "--seed", "449")
    assert selected(day_file) == first


def test_select_without_a_seed_chooses_one_and_says_it(
    day_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(day_file), "select", "--json")
    assert code == 0
    assert 0 <= json.loads(out)["seed"] < 1_000_000
    code, out, _err = run(capsys, "--db", str(day_file), "select")
    assert code == 0
    database = open_database(f"sqlite:///{day_file}")
    try:
        with database.reading() as session:
            seeds = list(session.scalars(select(Draw.seed).order_by(Draw.id)))
    finally:
        database.close()
    assert len(seeds) == 2
    assert str(seeds[-1]) in out  # written down from the screen, the draw can be redone


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--algorithm", "lottery"), "lottery"),
        (("--algorithm", "leximin"), "Gurobi"),
        (("--day", "3"), "3"),
        (("--seed", "-5"), "0"),
    ],
)
def test_a_draw_that_cannot_run_is_exit_2_with_a_sentence(
    day_file: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    code, out, err = run(capsys, "--db", str(day_file), "select", *args)
    assert code == 2
    assert out == ""
    assert words in err and len(err.strip().splitlines()) == 1
    database = open_database(f"sqlite:///{day_file}")
    try:
        with database.reading() as session:
            assert session.scalars(select(Draw)).first() is None
    finally:
        database.close()


def test_select_needs_an_organiser(day_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", str(day_file), "select", organiser=None)
    assert code == 2
    assert err.strip()
    assert len(selected(day_file)) == 60  # nobody drawn: all 60 still only registered
