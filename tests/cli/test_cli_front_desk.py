"""`degenks checkin` on the day: a mangled scan finds its person, and `--day 1` never checks
in a day-2 registrant or a cancelled registration silently (exit 1, nothing changed)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Participant
from tests.helpers import counts
from tests.helpers.cli import run
from tests.helpers.events import SmallEvent, add_small_event
from tests.helpers.scans import MANGLINGS, mangle


@pytest.fixture
def small(database_url: str) -> Iterator[SmallEvent]:
    database = open_database(database_url)
    made = add_small_event(database)
    database.close()
    yield made


def state(database_url: str) -> tuple[int, list[str]]:
    """Check-ins standing, and the check-in audit's actions."""
    database = open_database(database_url)
    try:
        with database.reading() as session:
            actions = list(
                session.scalars(
                    select(AuditEntry.action)
                    .where(AuditEntry.action.like("check_in.%"))
                    .order_by(AuditEntry.id)
                )
            )
        return counts.active_check_ins(database), actions
    finally:
        database.close()


def test_a_day_2_registrant_at_a_day_1_desk_is_exit_1_and_nothing_changes(
    database_url: str, small: SmallEvent, capsys: pytest.CaptureFixture[str]
) -> None:
    code = small.badge_codes[2]
    result, out, _err = run(capsys, "--db", database_url, "checkin", code, "--day", "1", "--json")
    assert result == 1
    payload = json.loads(out)
    assert payload["status"] == "other_day"
    assert (payload["day"], payload["registered_day"]) == (1, 2)
    assert payload["participant"]["name"] == "Γιώργος Παπαδόπουλος"
    assert payload["at"] is None
    result, out, err = run(capsys, "--db", database_url, "checkin", code, "--day", "1")
    assert (result, out) == (1, "")
    assert "dag 2" in err and "--any-day" in err  # Dutch, and what to do
    assert state(database_url) == (0, [])


def test_any_day_checks_them_in_and_the_audit_says_so(
    database_url: str, small: SmallEvent, capsys: pytest.CaptureFixture[str]
) -> None:
    code = small.badge_codes[2]
    args = ("--db", database_url, "checkin", code, "--day", "1", "--any-day")
    result, out, _err = run(capsys, *args, "--json")
    assert result == 0
    payload = json.loads(out)
    assert (payload["status"], payload["day"], payload["registered_day"]) == (
        "checked_in",
        1,
        2,
    )
    assert run(capsys, *args)[0] == 1  # already
    assert state(database_url) == (1, ["check_in.created", "check_in.other_day"])


def test_a_cancelled_registration_is_exit_1_even_with_any_day(
    database_url: str, small: SmallEvent, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(database_url)
    with database.transaction() as session:
        person = session.get(Participant, small.participant_ids[0])
        assert person is not None
        person.status = RegistrationStatus.CANCELLED
    database.close()
    code = small.badge_codes[0]
    for extra in ((), ("--any-day",)):
        result, out, _err = run(
            capsys, "--db", database_url, "checkin", code, "--day", "1", "--json", *extra
        )
        assert (result, json.loads(out)["status"]) == (1, "cancelled")
    result, _out, err = run(capsys, "--db", database_url, "checkin", code)
    assert result == 1 and "geannuleerd" in err
    assert state(database_url) == (0, [])


def test_a_scan_typed_for_another_layout_checks_in_the_right_person(
    database_url: str, small: SmallEvent, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = mangle(small.badge_codes[1], MANGLINGS["QWERTY scanner, AZERTY laptop"])
    result, out, _err = run(capsys, "--db", database_url, "checkin", scan, "--day", "1", "--json")
    assert result == 0
    payload = json.loads(out)
    assert (payload["status"], payload["participant"]["id"]) == (
        "checked_in",
        small.participant_ids[1],
    )


def test_a_stream_of_scans_at_a_day_1_desk(
    database_url: str,
    small: SmallEvent,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ayse, jan, giorgos = small.badge_codes
    qwertz = mangle(jan, MANGLINGS["QWERTY scanner, QWERTZ laptop"])
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{ayse}\n{qwertz}\n{giorgos}\nVERKEERD\n"))
    result, out, _err = run(capsys, "--db", database_url, "checkin", "-", "--day", "1")
    assert result == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines] == [
        "checked_in",
        "checked_in",
        "other_day",
        "unknown",
    ]
    assert lines[2]["registered_day"] == 2
    assert state(database_url)[0] == 2


def test_a_desk_not_named_is_onthaal_1_as_in_the_app(
    database_url: str, small: SmallEvent, capsys: pytest.CaptureFixture[str]
) -> None:
    code = small.badge_codes[0]
    result, out, _err = run(capsys, "--db", database_url, "checkin", code, "--json")
    assert (result, json.loads(out)["status"]) == (0, "checked_in")
    database = open_database(database_url)
    try:
        with database.reading() as session:
            desks = list(session.scalars(select(CheckIn.desk)))
    finally:
        database.close()
    assert desks == ["Onthaal 1"]
