"""The organisers' registrations list: every edit, move, cancellation, merge and check-in
leaves the seating, the duos, the check-ins and the badge codes consistent and audited;
a refused change changes nothing, also when two laptops save the same person."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import ConflictingChange, InputRejected, NothingToDo, ValueDoesNotFit
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.printing.badges import badge_of, record_badge_print
from degenks_desktop.services.registrations import editing
from degenks_desktop.services.registrations.editing import (
    RegistrationFilters,
    RegistrationRow,
    cancel_registration,
    check_in_again,
    conflict_message,
    list_registrations,
    merge_registrations,
    registration,
    restore_registration,
    undo_check_in_of,
    update_registration,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import (
    AuditEntry,
    BadgePrint,
    CheckIn,
    Day,
    Duo,
    Participant,
    Profile,
    Seat,
    Table,
    Theme,
)

ACTOR = "organisator"
DESK = "onthaal 1"


@pytest.fixture
def demo(database: Database) -> Database:
    """The demo event with 48 people over two days, seated at theme tables and in duos."""
    create_demo_event(database, participants=48, seated=True)
    return database


def everyone(database: Database) -> list[RegistrationRow]:
    return list_registrations(database)


def on_day(database: Database, number: int) -> list[RegistrationRow]:
    return [row for row in everyone(database) if row.day_number == number]


def day_id(database: Database, number: int) -> int:
    with database.reading() as session:
        return int(session.scalar(select(Day.id).where(Day.number == number)) or 0)


def theme_ids(database: Database) -> list[int]:
    with database.reading() as session:
        return list(session.scalars(select(Theme.id).order_by(Theme.position)))


def seat_of(database: Database, participant_id: int) -> dict[int, int]:
    """{day id: table id} of someone's seats."""
    with database.reading() as session:
        return {
            day: table
            for day, table in session.execute(
                select(Seat.day_id, Seat.table_id).where(Seat.participant_id == participant_id)
            ).all()
        }


def partners(database: Database, participant_id: int) -> set[int]:
    """Who shares someone's duo (themselves excluded)."""
    with database.reading() as session:
        duo = session.scalar(select(Seat.duo_id).where(Seat.participant_id == participant_id))
        if duo is None:
            return set()
        return set(session.scalars(select(Seat.participant_id).where(Seat.duo_id == duo))) - {
            participant_id
        }


def a_pair(database: Database, day_number: int) -> tuple[int, int]:
    """Two people of a day who are a duo of two."""
    with database.reading() as session:
        sizes = Counter(
            session.scalars(
                select(Seat.duo_id).join(Day, Day.id == Seat.day_id).where(Day.number == day_number)
            )
        )
        duo = next(duo for duo, size in sizes.items() if size == 2)
        first, second = session.scalars(select(Seat.participant_id).where(Seat.duo_id == duo))
        return first, second


def assert_consistent(database: Database) -> None:
    """What the day needs of the seating: every seat of someone expected on that day (or
    checked in there), at a table of one of their themes, in a duo of that table; per
    table two or three in a duo, one alone at most; one standing check-in a person a day;
    and no audit entry holding a name or an e-mail address."""
    with database.reading() as session:
        people = {person.id: person for person in session.scalars(select(Participant))}
        standing = Counter(
            session.execute(
                select(CheckIn.participant_id, CheckIn.day_id).where(CheckIn.undone_at.is_(None))
            ).all()
        )
        assert all(times == 1 for times in standing.values())
        duo_table = dict(session.execute(select(Duo.id, Duo.table_id)).all())
        duos: dict[int, list[int]] = defaultdict(list)
        for seat, table in session.execute(select(Seat, Table).join(Table)).all():
            person = people[seat.participant_id]
            assert person.status in (RegistrationStatus.REGISTERED, RegistrationStatus.WALK_IN)
            assert seat.day_id == person.day_id or (person.id, seat.day_id) in standing
            assert table.theme_id in (person.first_theme_id, person.second_theme_id)
            if seat.duo_id is not None:
                assert duo_table[seat.duo_id] == seat.table_id
                duos[seat.duo_id].append(person.id)
        alone = Counter(duo_table[duo] for duo, members in duos.items() if len(members) == 1)
        assert all(len(members) <= 3 for members in duos.values())
        assert all(times == 1 for times in alone.values())
        codes = [person.badge_code for person in people.values()]
        assert len(set(codes)) == len(codes)
        details = " ".join(session.scalars(select(AuditEntry.details)))
        for person in people.values():
            for planted in (person.email, person.last_name):
                if planted and len(planted) > 3:
                    assert planted not in details


def snapshot(database: Database) -> tuple[Any, ...]:
    """Everything a change of a registration could touch, to compare before and after."""
    with database.reading() as session:
        return (
            session.execute(select(Participant.__table__).order_by(Participant.id)).all(),
            session.execute(select(Profile.__table__).order_by(Profile.participant_id)).all(),
            session.execute(select(Seat.__table__).order_by(Seat.id)).all(),
            session.execute(select(Duo.__table__).order_by(Duo.id)).all(),
            session.execute(select(CheckIn.__table__).order_by(CheckIn.id)).all(),
            session.execute(select(BadgePrint.__table__).order_by(BadgePrint.id)).all(),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


def audit_of(database: Database, participant_id: int) -> list[tuple[str, dict[str, Any]]]:
    with database.reading() as session:
        return [
            (action, json.loads(details))
            for action, details in session.execute(
                select(AuditEntry.action, AuditEntry.details)
                .where(
                    AuditEntry.subject_type == "participant",
                    AuditEntry.subject_id == participant_id,
                )
                .order_by(AuditEntry.id)
            ).all()
        ]


# --- the list ---------------------------------------------------------------------------


def test_the_list_holds_everyone_and_each_filter_narrows_it(demo: Database) -> None:
    rows = everyone(demo)
    assert len(rows) == 48
    first = rows[0]
    check_in_participant(demo, first.id, desk=DESK, day_number=first.day_number)
    noted = next(row for row in rows if row.id != first.id)
    noted = update_registration(demo, noted.id, noted.version, {"desk_note": "rolstoel"}, ACTOR)
    day_two, theme = day_id(demo, 2), theme_ids(demo)[0]

    def listed(**filters: Any) -> set[int]:
        return {row.id for row in list_registrations(demo, RegistrationFilters(**filters))}

    assert listed(day_id=day_two) == {row.id for row in rows if row.day_number == 2}
    assert listed(theme_id=theme) == {
        row.id for row in rows if theme in (row.first_theme_id, row.second_theme_id)
    }
    assert listed(checked_in=True) == {first.id}
    assert listed(checked_in=False) == {row.id for row in rows} - {first.id}
    assert noted.id in listed(with_note=True)
    assert all(
        row.desk_note for row in list_registrations(demo, RegistrationFilters(with_note=True))
    )
    assert listed(without_consent=True) == {row.id for row in rows if not row.consent}
    assert 0 < len(listed(without_consent=True)) < 48
    assert listed(status=RegistrationStatus.CANCELLED) == set()
    assert registration(demo, first.id).checked_in_days == (first.day_number,)


def test_the_search_is_the_desks_own(demo: Database) -> None:
    person = everyone(demo)[5]
    assert person.email is not None
    # Folded, any order, by e-mail or by badge code, as the desk finds people.
    found = list_registrations(
        demo, RegistrationFilters(text=f"{person.last_name.upper()} {person.first_name}")
    )
    assert found[0].id == person.id
    assert list_registrations(demo, RegistrationFilters(text=person.badge_code))[0].id == person.id
    by_mail = list_registrations(demo, RegistrationFilters(text=person.email))
    assert [row.id for row in by_mail] == [person.id]
    assert list_registrations(demo, RegistrationFilters(text="zzqqxx")) == []


# --- edits ------------------------------------------------------------------------------


def test_every_field_can_be_edited_and_the_audit_names_only_the_fields(demo: Database) -> None:
    person = next(row for row in everyone(demo) if row.consent)
    changed = update_registration(
        demo,
        person.id,
        person.version,
        {
            "first_name": " Zeynep\u200b ",
            "last_name": "Öztürk-Peeters",
            "email": "zeynep@telenet.be",
            "phone": "+32 89 65 44 00",
            "language": "tr",
            "language_need": "fluistertolk Turks",
            "desk_note": "komt met de bus",
            "stay_with": "familie Öztürk",
            "profile_consent": False,
        },
        ACTOR,
    )
    assert (changed.first_name, changed.last_name) == ("Zeynep", "Öztürk-Peeters")
    assert (changed.email, changed.phone, changed.language) == (
        "zeynep@telenet.be",
        "+32 89 65 44 00",
        "tr",
    )
    assert (changed.language_need, changed.desk_note, changed.stay_with) == (
        "fluistertolk Turks",
        "komt met de bus",
        "familie Öztürk",
    )
    assert not changed.consent
    assert changed.version == person.version + 1
    with demo.reading() as session:
        assert session.get(Profile, person.id) is None  # consent taken back: answers gone
    actions = audit_of(demo, person.id)
    assert [action for action, _details in actions[-2:]] == [
        "participant.consent_withdrawn",
        "participant.edited",
    ]
    assert actions[-1][1]["fields"] == sorted(
        [
            "first_name",
            "last_name",
            "email",
            "phone",
            "language",
            "language_need",
            "desk_note",
            "stay_with",
            "profile_consent",
        ]
    )
    # Found by the desk's search under the new name at once.
    assert list_registrations(demo, RegistrationFilters(text="ozturk zeynep"))[0].id == person.id
    assert_consistent(demo)


def test_a_save_that_changes_nothing_writes_nothing(demo: Database) -> None:
    person = everyone(demo)[0]
    before = snapshot(demo)
    same = update_registration(
        demo, person.id, person.version, {"first_name": person.first_name}, ACTOR
    )
    assert same == person
    assert snapshot(demo) == before


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        ({"first_name": " ", "last_name": "\u200b"}, "Vul een voornaam of achternaam in."),
        ({"email": "jan@telenet"}, "“jan@telenet” is geen e-mailadres"),
        ({"email": "jan peeters@telenet.be"}, "is geen e-mailadres"),
        ({"first_theme_id": 10_000}, "Kies een van de thema’s van het evenement."),
        ({"first_theme_id": None}, "Kies het thema"),
        ({"second_theme_id": 10_000}, "Kies een van de thema’s van het evenement."),
        ({"day_id": 10_000}, "Kies een van de dagen van het evenement."),
        ({"language": "xx"}, "Kies een van de talen"),
        ({"desk_note": "x" * 501}, "notitie voor de balie van 501 tekens past niet"),
        ({"first_name": "Ann", "email": "ann@"}, "is geen e-mailadres"),
    ],
)
def test_bad_input_is_refused_with_the_sentence_and_changes_nothing(
    demo: Database, changes: dict[str, Any], sentence: str
) -> None:
    person = everyone(demo)[0]
    before = snapshot(demo)
    with pytest.raises(InputRejected) as refused:
        update_registration(demo, person.id, person.version, changes, ACTOR)
    assert sentence in refused.value.message
    assert snapshot(demo) == before
    if "desk_note" in changes:
        assert isinstance(refused.value, ValueDoesNotFit)


def test_moving_to_the_other_day_takes_the_seat_there_and_reforms_the_duo_left(
    demo: Database,
) -> None:
    mover, partner = a_pair(demo, day_number=1)
    person = registration(demo, mover)
    day_two = day_id(demo, 2)
    old_seat = seat_of(demo, mover)

    moved = update_registration(demo, mover, person.version, {"day_id": day_two}, ACTOR)

    assert moved.day_number == 2
    seats = seat_of(demo, mover)
    assert list(seats) == [day_two]  # the seat of day 1 went, one of day 2 was taken
    assert partners(demo, partner)  # the partner left alone is in a duo again
    assert mover not in partners(demo, partner)
    assert partner in {p for p, _t in seat_of_table(demo, old_seat[day_id(demo, 1)])}
    _action, details = audit_of(demo, mover)[-1]
    assert details == {
        "fields": ["day_id"],
        "left_tables": [old_seat[day_id(demo, 1)]],
        "took_table": seats[day_two],
    }
    assert_consistent(demo)


def seat_of_table(database: Database, table_id: int) -> list[tuple[int, int | None]]:
    with database.reading() as session:
        return [
            (person, duo)
            for person, duo in session.execute(
                select(Seat.participant_id, Seat.duo_id).where(Seat.table_id == table_id)
            ).all()
        ]


def test_a_new_first_theme_moves_the_seat_to_a_table_of_that_theme(demo: Database) -> None:
    person = on_day(demo, 1)[0]
    other_theme = next(t for t in theme_ids(demo) if t not in (person.first_theme_id,))
    moved = update_registration(
        demo, person.id, person.version, {"first_theme_id": other_theme}, ACTOR
    )
    assert moved.first_theme_id == other_theme
    with demo.reading() as session:
        table = session.get(Table, seat_of(demo, person.id)[person.day_id or 0])
        assert table is not None and table.theme_id == other_theme
    assert_consistent(demo)


def test_once_check_in_started_a_mover_who_has_not_arrived_waits_for_a_seat(
    demo: Database,
) -> None:
    someone_there = on_day(demo, 2)[0]
    check_in_participant(demo, someone_there.id, desk=DESK, day_number=2)
    person = on_day(demo, 1)[0]
    moved = update_registration(demo, person.id, person.version, {"day_id": day_id(demo, 2)}, ACTOR)
    assert moved.day_number == 2
    assert seat_of(demo, person.id) == {}  # seated when they check in and the day re-forms
    assert_consistent(demo)


# --- cancel and restore -----------------------------------------------------------------


def test_a_cancelled_person_leaves_their_seat_and_a_restored_one_gets_one_again(
    demo: Database,
) -> None:
    leaver, partner = a_pair(demo, day_number=1)
    person = registration(demo, leaver)
    cancelled = cancel_registration(demo, leaver, person.version, ACTOR)
    assert cancelled.status == RegistrationStatus.CANCELLED
    assert seat_of(demo, leaver) == {}
    assert partners(demo, partner)
    assert_consistent(demo)
    with pytest.raises(NothingToDo):
        cancel_registration(demo, leaver, cancelled.version, ACTOR)

    restored = restore_registration(demo, leaver, cancelled.version, ACTOR)

    assert restored.status == RegistrationStatus.REGISTERED
    assert list(seat_of(demo, leaver)) == [person.day_id]
    assert [action for action, _details in audit_of(demo, leaver)[-2:]] == [
        "participant.cancelled",
        "participant.restored",
    ]
    assert_consistent(demo)
    with pytest.raises(NothingToDo):
        restore_registration(demo, leaver, restored.version, ACTOR)


def test_a_waitlisted_registration_is_restored_to_the_waiting_list(demo: Database) -> None:
    person = everyone(demo)[0]
    with demo.transaction() as session:
        session.execute(
            update(Participant)
            .where(Participant.id == person.id)
            .values(status=RegistrationStatus.WAITLISTED)
        )
        session.execute(delete(Seat).where(Seat.participant_id == person.id))
    person = registration(demo, person.id)
    cancelled = cancel_registration(demo, person.id, person.version, ACTOR)
    restored = restore_registration(demo, person.id, cancelled.version, ACTOR)
    assert restored.status == RegistrationStatus.WAITLISTED
    assert seat_of(demo, person.id) == {}  # not expected: no seat


def test_someone_checked_in_is_not_cancelled(demo: Database) -> None:
    person = everyone(demo)[0]
    check_in_participant(demo, person.id, desk=DESK, day_number=person.day_number)
    before = snapshot(demo)
    with pytest.raises(InputRejected) as refused:
        cancel_registration(demo, person.id, person.version, ACTOR)
    assert "ongedaan" in refused.value.message
    assert snapshot(demo) == before


# --- check-ins ----------------------------------------------------------------------------


def test_a_check_in_is_undone_and_made_again_by_the_desks_own_functions(
    demo: Database,
) -> None:
    person = on_day(demo, 1)[0]
    checked = check_in_again(demo, person.id, day_number=1, desk=DESK, actor=ACTOR)
    assert checked.checked_in and checked.checked_in_days == (1,)
    with pytest.raises(NothingToDo):
        check_in_again(demo, person.id, day_number=1, desk=DESK, actor=ACTOR)
    undone = undo_check_in_of(demo, person.id, day_number=1, desk=DESK, reason="vergissing")
    assert not undone.checked_in and undone.checked_in_days == ()
    with pytest.raises(NothingToDo):
        undo_check_in_of(demo, person.id, day_number=1, desk=DESK)
    # Another day than their own, when the organiser says so.
    other = check_in_again(demo, person.id, day_number=2, desk=DESK, actor=ACTOR)
    assert not other.checked_in and other.checked_in_days == (2,)
    actions = [action for action, _details in audit_of(demo, person.id)]
    assert actions == [
        "check_in.created",
        "check_in.undone",
        "check_in.created",
        "check_in.other_day",
    ]
    assert_consistent(demo)


def test_a_cancelled_registration_is_not_checked_in(demo: Database) -> None:
    person = on_day(demo, 1)[0]
    cancel_registration(demo, person.id, person.version, ACTOR)
    before = snapshot(demo)
    with pytest.raises(InputRejected):
        check_in_again(demo, person.id, day_number=1, desk=DESK, actor=ACTOR)
    assert snapshot(demo) == before


# --- merging ------------------------------------------------------------------------------


def registered_earlier(database: Database, participant_id: int, days: int) -> None:
    with database.transaction() as session:
        session.execute(
            update(Participant)
            .where(Participant.id == participant_id)
            .values(registered_at=dt.datetime(2013, 2, 1, tzinfo=dt.UTC) - dt.timedelta(days))
        )


def test_two_records_of_one_person_become_one(demo: Database) -> None:
    day_one = on_day(demo, 1)
    keep = next(row for row in day_one if not row.consent)
    other = next(row for row in day_one if row.consent and row.id != keep.id)
    registered_earlier(demo, other.id, days=10)  # the other record is the older one
    keep = update_registration(
        demo, keep.id, keep.version, {"desk_note": "rolstoel", "phone": None}, ACTOR
    )
    other = update_registration(demo, other.id, other.version, {"desk_note": "vegetarisch"}, ACTOR)
    check_in_participant(demo, other.id, desk=DESK, day_number=1)
    record_badge_print(demo, other.id, desk=DESK)
    with demo.reading() as session:
        answers = session.get(Profile, other.id)
        assert answers is not None
        other_answers = answers.answers()
    other_partners = partners(demo, other.id)

    merged = merge_registrations(demo, keep.id, other.id, ACTOR)

    assert merged.id == keep.id
    assert merged.badge_code == other.badge_code  # the older code
    assert merged.checked_in and merged.checked_in_days == (1,)
    assert merged.desk_note == "rolstoel · vegetarisch"
    assert merged.phone == other.phone  # what the kept record lacked
    assert merged.consent
    gone = registration(demo, other.id)
    assert gone.status == RegistrationStatus.CANCELLED
    assert gone.badge_code not in (keep.badge_code, other.badge_code)
    assert not gone.consent and gone.checked_in_days == ()
    with demo.reading() as session:
        kept_answers = session.get(Profile, keep.id)
        assert kept_answers is not None and kept_answers.answers() == other_answers
        assert session.get(Profile, other.id) is None
        prints = session.scalars(select(BadgePrint.participant_id)).all()
    assert prints == [keep.id]
    assert badge_of(demo, keep.id).badge_code == other.badge_code
    assert seat_of(demo, other.id) == {}
    for partner in other_partners:
        assert partners(demo, partner)  # whoever sat with the other record has a duo
    merge_entry = audit_of(demo, keep.id)[-1]
    assert merge_entry[0] == "participant.merged"
    assert (merge_entry[1]["kept"], merge_entry[1]["merged"]) == (keep.id, other.id)
    other_history = [action for action, _details in audit_of(demo, other.id)]
    assert other_history[:2] == ["participant.edited", "check_in.created"]  # kept as it was
    assert other_history[-1] == "participant.merged_away"
    assert_consistent(demo)
    with pytest.raises(InputRejected) as refused:
        restore_registration(demo, other.id, gone.version, ACTOR)
    assert "samengevoegd" in refused.value.message
    with pytest.raises(NothingToDo):
        merge_registrations(demo, keep.id, other.id, ACTOR)


def test_a_merge_of_two_people_both_checked_in_counts_one_arrival(demo: Database) -> None:
    keep, other = on_day(demo, 1)[:2]
    registered_earlier(demo, keep.id, days=3)
    for person in (keep, other):
        check_in_participant(demo, person.id, desk=DESK, day_number=1)
    merged = merge_registrations(demo, keep.id, other.id, ACTOR)
    assert merged.badge_code == keep.badge_code  # the kept record was the older one
    with demo.reading() as session:
        standing = session.scalars(
            select(CheckIn.participant_id).where(CheckIn.undone_at.is_(None))
        ).all()
        kept_rows = session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.participant_id == keep.id)
        )
    assert standing == [keep.id]
    assert kept_rows == 2  # the other's check-in is kept, marked undone
    assert list(seat_of(demo, keep.id)) == [keep.day_id]
    assert_consistent(demo)


def test_a_merge_of_a_record_with_itself_or_into_a_cancelled_one_is_refused(
    demo: Database,
) -> None:
    keep, other = everyone(demo)[:2]
    with pytest.raises(InputRejected):
        merge_registrations(demo, keep.id, keep.id, ACTOR)
    cancelled = cancel_registration(demo, keep.id, keep.version, ACTOR)
    before = snapshot(demo)
    with pytest.raises(InputRejected):
        merge_registrations(demo, cancelled.id, other.id, ACTOR)
    assert snapshot(demo) == before


# --- two laptops ----------------------------------------------------------------------------


def test_a_save_of_an_old_version_is_refused(demo: Database) -> None:
    person = everyone(demo)[0]
    update_registration(demo, person.id, person.version, {"desk_note": "eerst"}, ACTOR)
    before = snapshot(demo)
    for change in (
        lambda: update_registration(demo, person.id, person.version, {"phone": "1"}, ACTOR),
        lambda: cancel_registration(demo, person.id, person.version, ACTOR),
    ):
        with pytest.raises(ConflictingChange) as refused:
            change()
        assert refused.value.message == conflict_message()
    assert snapshot(demo) == before


@pytest.fixture
def second_laptop(demo: Database, database_url: str) -> Iterator[Database]:
    """The same database opened a second time, as another laptop has it."""
    other = open_database(database_url)
    yield other
    other.close()


def test_of_two_laptops_saving_the_same_person_the_later_one_is_refused(
    demo: Database, second_laptop: Database
) -> None:
    seen_here = everyone(demo)[0]
    seen_there = registration(second_laptop, seen_here.id)
    assert seen_there == seen_here

    saved = update_registration(
        demo, seen_here.id, seen_here.version, {"email": "eerste@telenet.be"}, ACTOR
    )
    before = snapshot(demo)
    with pytest.raises(ConflictingChange) as refused:
        update_registration(
            second_laptop,
            seen_there.id,
            seen_there.version,
            {"email": "tweede@telenet.be", "desk_note": "van de tweede"},
            ACTOR,
        )
    assert refused.value.message == (
        "Iemand anders wijzigde deze inschrijving intussen: bekijk ze opnieuw en bewaar dan."
    )
    assert snapshot(demo) == before
    assert registration(second_laptop, seen_here.id) == saved


@pytest.fixture
def two_laptops_on_a_server(postgres_database_url: str) -> Iterator[tuple[Database, Database]]:
    """The demo on PostgreSQL, open on two laptops (SQLite cannot race like this: a writer
    holds the whole file from its first read on)."""
    here, there = open_database(postgres_database_url), open_database(postgres_database_url)
    create_demo_event(here, participants=48, seated=True)
    yield here, there
    there.close()
    here.close()


def test_a_race_between_two_laptops_ends_in_the_same_sentence(
    two_laptops_on_a_server: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other laptop saves after this one has read the version and before it writes
    (on PostgreSQL, where readers do not wait for writers): SQLAlchemy's version check
    on the UPDATE refuses it."""
    demo, second_laptop = two_laptops_on_a_server
    person = everyone(demo)[0]
    checked: Callable[..., dict[str, Any]] = editing._checked

    def meanwhile(*args: Any) -> dict[str, Any]:
        monkeypatch.setattr(editing, "_checked", checked)  # the other laptop checks as usual
        update_registration(second_laptop, person.id, person.version, {"phone": "2"}, ACTOR)
        return checked(*args)

    monkeypatch.setattr(editing, "_checked", meanwhile)
    with pytest.raises(ConflictingChange) as refused:
        update_registration(demo, person.id, person.version, {"phone": "1"}, ACTOR)
    assert refused.value.message == conflict_message()
    assert registration(demo, person.id) == replace(person, phone="2", version=person.version + 1)
