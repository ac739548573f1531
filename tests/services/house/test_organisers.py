"""Organiser accounts and bounded guessing, on both engines: a name and a password of 10
characters or more, kept as an argon2id hash; wrong passwords and wrong PINs in a row make
further tries wait, growing, in the database, so that a restart resets nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.errors import AccessRefused, InputRejected
from degenks_desktop.services.house.guard import MustWait
from degenks_desktop.services.house.organisers import (
    DEMO_ORGANISER,
    DEMO_ORGANISER_PASSWORD,
    create_first_organiser,
    create_organiser,
    organisers_exist,
    verify_organiser,
)
from degenks_desktop.services.tables.access import demo_pin, set_pin, sign_in
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import AuditEntry, Facilitator, GuardedTries, Organiser
from tests.helpers.tables import PIN_MINE, add_two_tables

PASSWORD = "tien tekens of meer"
START = dt.datetime(2013, 3, 4, 9, 0, tzinfo=dt.UTC)


def audit_entries(database: Database, action: str) -> list[tuple[str, int | None, str]]:
    """(actor, subject id, details) of each entry of `action`, oldest first."""
    with database.reading() as session:
        return [
            (entry.actor, entry.subject_id, entry.details)
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        ]


def every_audit_text(database: Database) -> str:
    with database.reading() as session:
        return json.dumps(
            [(e.action, e.actor, e.details) for e in session.scalars(select(AuditEntry))]
        )


def wrong_tries(database: Database, count: int, *, at: dt.datetime, name: str = "Lies") -> None:
    for _try in range(count):
        with pytest.raises(AccessRefused):
            verify_organiser(database, name, "niet het wachtwoord", now=at)


def test_the_first_organiser_needs_nobody_and_later_ones_an_organiser(database: Database) -> None:
    assert not organisers_exist(database)
    lies = create_first_organiser(database, "  Lies  Peeters ", PASSWORD)
    assert lies.name == "Lies Peeters"
    assert organisers_exist(database)
    with pytest.raises(AccessRefused, match="al organisatoraccounts"):
        create_first_organiser(database, "Tom", PASSWORD)
    tom = create_organiser(database, "Tom", "een ander lang wachtwoord", actor=lies.actor)
    with pytest.raises(InputRejected, match="minstens 10 tekens"):
        create_organiser(database, "Els", "kort", actor=lies.actor)
    with pytest.raises(InputRejected, match="die lies peeters heet"):
        create_organiser(database, "lies peeters", PASSWORD, actor=lies.actor)
    with database.reading() as session:
        hashes = list(session.scalars(select(Organiser.password_hash)))
    assert len(hashes) == 2
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    created = audit_entries(database, "organiser.created")
    assert [(actor, subject) for actor, subject, _details in created] == [
        ("Lies Peeters", lies.organiser_id),
        ("Lies Peeters", tom.organiser_id),
    ]


def test_an_organiser_signs_in_with_the_right_password_only(database: Database) -> None:
    lies = create_first_organiser(database, "Lies", PASSWORD)
    # Spaces and case of the name do not count; the password's do.
    assert verify_organiser(database, " LIES ", PASSWORD) == lies
    with pytest.raises(AccessRefused) as wrong:
        verify_organiser(database, "Lies", PASSWORD.upper())
    assert wrong.value.message == (
        "Die naam en dat wachtwoord zijn niet van een organisator: probeer opnieuw."
    )
    # A name without an account gets the very same sentence.
    with pytest.raises(AccessRefused) as unknown:
        verify_organiser(database, "Niemand", PASSWORD)
    assert unknown.value.message == wrong.value.message
    assert [subject for _a, subject, _d in audit_entries(database, "organiser.signed_in")] == [
        lies.organiser_id
    ]
    failed = audit_entries(database, "organiser.sign_in_failed")
    assert [subject for _actor, subject, _details in failed] == [lies.organiser_id, None]
    # Neither a password nor a mistyped name (it may be the password) is written anywhere.
    assert PASSWORD not in every_audit_text(database)
    assert PASSWORD.upper() not in every_audit_text(database)
    assert "Niemand" not in every_audit_text(database)
    with database.reading() as session:
        assert all("Niemand" not in s for s in session.scalars(select(GuardedTries.subject)))


def test_a_database_without_organisers_says_how_to_make_one(database: Database) -> None:
    with pytest.raises(AccessRefused, match="degenks organiser add"):
        verify_organiser(database, "Lies", PASSWORD)


def test_five_wrong_passwords_then_each_try_waits_longer_and_the_right_one_resets(
    database: Database,
) -> None:
    create_first_organiser(database, "Lies", PASSWORD)
    wrong_tries(database, 4, at=START)
    with pytest.raises(AccessRefused) as fifth:
        verify_organiser(database, "Lies", "nog altijd fout", now=START)
    assert "wacht 30 seconden" in fifth.value.message
    # During the wait even the right password is refused, unchecked, and nothing is counted.
    with pytest.raises(MustWait) as waiting:
        verify_organiser(database, "Lies", PASSWORD, now=START + dt.timedelta(seconds=10))
    assert waiting.value.message == (
        "Te veel foute wachtwoorden na elkaar voor deze organisator: wacht 20 seconden en "
        "probeer opnieuw."
    )
    # Each wrong try after a wait makes the next wait twice as long, up to 15 minutes.
    moment, waits = START, []
    for wait in (30, 60, 120, 240, 480, 900, 900):
        moment += dt.timedelta(seconds=wait)
        with pytest.raises(AccessRefused) as refused:
            verify_organiser(database, "Lies", "fout", now=moment)
        waits.append(refused.value.message.split("wacht ")[1].split(" voor")[0])
    assert waits == [
        "60 seconden",
        "2 minuten",
        "4 minuten",
        "8 minuten",
        "15 minuten",
        "15 minuten",
        "15 minuten",
    ]
    moment += dt.timedelta(minutes=15)
    assert verify_organiser(database, "Lies", PASSWORD, now=moment).name == "Lies"
    # Counted from nought again: four wrong tries cost no wait.
    wrong_tries(database, 4, at=moment)
    with pytest.raises(AccessRefused, match="wacht 30 seconden"):
        verify_organiser(database, "Lies", "fout", now=moment)  # the fifth: the first wait
    assert len(audit_entries(database, "organiser.sign_in_failed")) == 5 + 7 + 5
    locked = audit_entries(database, "guard.locked_out")
    assert len(locked) == 1 + 7 + 1
    assert json.loads(locked[0][2])["wait_seconds"] == 30


def test_the_wait_holds_across_a_restart(database_url: str) -> None:
    first = open_database(database_url)
    create_first_organiser(first, "Lies", PASSWORD)
    wrong_tries(first, 5, at=START)
    first.close()
    again = open_database(database_url)  # the app restarted, or the next CLI command
    try:
        with pytest.raises(MustWait):
            verify_organiser(again, "Lies", PASSWORD, now=START + dt.timedelta(seconds=29))
        assert verify_organiser(again, "Lies", PASSWORD, now=START + dt.timedelta(seconds=30))
    finally:
        again.close()


def test_guessing_names_without_an_account_waits_the_same(database: Database) -> None:
    create_first_organiser(database, "Lies", PASSWORD)
    wrong_tries(database, 5, at=START, name="Niemand")
    with pytest.raises(MustWait):
        verify_organiser(database, "niemand", "nog eens", now=START)
    # …and Lies's own account is not held up by it.
    assert verify_organiser(database, "Lies", PASSWORD, now=START).name == "Lies"


def test_wrong_pins_at_a_table_wait_too_across_a_restart(database_url: str) -> None:
    first = open_database(database_url)
    add_two_tables(first)
    for _try in range(5):
        with pytest.raises(AccessRefused):
            sign_in(first, day_number=1, table_number=1, pin="000000", now=START)
    first.close()
    again = open_database(database_url)
    try:
        with pytest.raises(MustWait, match="tafel 1: wacht 30 seconden"):
            sign_in(again, day_number=1, table_number=1, pin=PIN_MINE, now=START)
        # The other table is guarded on its own.
        assert sign_in(again, day_number=1, table_number=2, pin="135791", now=START)
        later = START + dt.timedelta(seconds=30)
        with pytest.raises(AccessRefused, match="wacht 60 seconden voor de volgende poging"):
            sign_in(again, day_number=1, table_number=1, pin="000000", now=later)
        assert len(audit_entries(again, "table.pin_wrong")) == 6
        assert len(audit_entries(again, "guard.locked_out")) == 2
        assert PIN_MINE not in every_audit_text(again)
        # The organisers give a new PIN: the facilitator gets in at once.
        with again.reading() as session:
            sofie = session.scalars(
                select(Facilitator.id).where(Facilitator.first_name == "Sofie")
            ).one()
        set_pin(again, sofie, "864200")
        assert sign_in(again, day_number=1, table_number=1, pin="864200", now=later)
    finally:
        again.close()


def test_a_new_pin_has_six_to_eight_digits_and_the_demos_keep_four(database: Database) -> None:
    create_demo_event(database, participants=10, days=1, facilitators=2, seated=False)
    for short in ("1234", "12345", "123456789", "12345a", "١٢٣٤٥٦"):
        with pytest.raises(InputRejected, match="6 tot 8 cijfers"):
            set_pin(database, 1, short)
    set_pin(database, 1, "123456")
    assert len(demo_pin(1, 2)) == 4
    assert sign_in(database, day_number=1, table_number=2, pin=demo_pin(1, 2)).table_number == 2


def test_the_demo_makes_its_organiser_only_where_there_is_none(database: Database) -> None:
    summary = create_demo_event(database, participants=10, days=1, facilitators=2, seated=False)
    assert summary.organiser == DEMO_ORGANISER
    assert verify_organiser(database, DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD).name == "demo"
    again = create_demo_event(
        database, participants=10, days=1, facilitators=2, seated=False, replace=True
    )
    assert again.organiser == DEMO_ORGANISER
    assert len(audit_entries(database, "organiser.created")) == 1


def test_a_database_with_real_organisers_gets_no_demo_account(database: Database) -> None:
    create_first_organiser(database, "Lies", PASSWORD)
    summary = create_demo_event(database, participants=10, days=1, facilitators=2, seated=False)
    assert summary.organiser is None
    with pytest.raises(AccessRefused):
        verify_organiser(database, DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD)
