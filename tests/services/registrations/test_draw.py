"""The draw of an oversubscribed day, on SQLite and PostgreSQL: quotas met, the same
seed the same people, impossible quotas told and nothing changed, households whole, and
a cancellation filled from the waiting list within the quotas, audited."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

import pytest
from sqlalchemy import select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.sortition import Quota
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations.draw import (
    QuotasCannotBeMet,
    draw_overview,
    draw_plan,
    propose_plan,
    quota_rows,
    run_draw,
    save_draw_plan,
)
from degenks_desktop.services.registrations.editing import cancel_registration
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, Draw, DrawOutcome, Participant
from tests.helpers.counts import count
from tests.helpers.draws import OversubscribedDay, add_oversubscribed_day


@pytest.fixture
def day(database: Database) -> OversubscribedDay:
    return add_oversubscribed_day(database)


def statuses(database: Database) -> dict[int, RegistrationStatus]:
    with database.reading() as session:
        return dict(session.execute(select(Participant.id, Participant.status)).all())


def selected_ids(database: Database) -> set[int]:
    return {p for p, s in statuses(database).items() if s == RegistrationStatus.REGISTERED}


def held(database: Database, people: set[int], quota: Quota) -> int:
    """How many of `people` have the quota's value (read as the draw reads answers)."""
    from degenks_desktop.services.registrations import draw as draw_service  # noqa: PLC0415

    with database.reading() as session:
        from degenks_desktop.storage.models import Day  # noqa: PLC0415

        the_day = session.scalars(select(Day)).one()
        rows = draw_service._pool_rows(session, the_day)
        answers = draw_service._answers(session, the_day, rows, [quota.category])
    return sum(1 for p in people if answers[p].get(quota.category) == quota.value)


def test_a_draw_selects_within_every_quota_and_keeps_who_came_out_where(
    database: Database, day: OversubscribedDay
) -> None:
    report = run_draw(database, 1, seed=360, actor="Els")
    selected = selected_ids(database)
    assert report.selected == len(selected) <= day.places
    assert report.selected >= day.places - 1  # a household of two may leave one chair
    for quota in report.quotas:
        assert quota.minimum <= held(database, selected, quota) <= quota.maximum, quota
    found = Counter(statuses(database).values())
    assert (
        found[RegistrationStatus.WAITLISTED]
        == report.waiting
        == draw_plan(database, 1).waiting_list
    )
    assert found[RegistrationStatus.NOT_SELECTED] == report.not_selected > 0
    overview = draw_overview(database, 1)
    assert [w.position for w in overview.waiting] == list(range(1, report.waiting + 1))
    assert 0 < report.lowest_probability <= report.selected / 60
    with database.reading() as session:
        chances = session.scalars(select(DrawOutcome.probability)).all()
        entry = session.execute(
            select(AuditEntry.details, AuditEntry.actor).where(AuditEntry.action == "draw.done")
        ).one()
    assert len(chances) == 60
    assert all(0 < chance <= 1 for chance in chances)
    assert json.loads(entry.details)["seed"] == 360
    assert entry.actor == "Els"


def test_the_same_seed_draws_the_same_people_again(
    database: Database, day: OversubscribedDay
) -> None:
    run_draw(database, 1, seed=2013)
    first = selected_ids(database)
    run_draw(database, 1, seed=2014)
    other = selected_ids(database)
    run_draw(database, 1, seed=2013)
    assert selected_ids(database) == first
    assert other != first


def test_people_who_registered_together_are_selected_together(
    database: Database, day: OversubscribedDay
) -> None:
    for seed in range(4):
        run_draw(database, 1, seed=seed)
        found = statuses(database)
        for household in day.households:
            assert len({found[member] for member in household}) == 1


def test_impossible_quotas_say_which_and_change_nothing(
    database: Database, day: OversubscribedDay
) -> None:
    plan = draw_plan(database, 1)
    quotas = tuple(
        dataclasses.replace(q, minimum=q.maximum + 20, maximum=q.maximum + 25)
        if (q.category, q.value) == ("origin", "turkish")
        else q
        for q in plan.quotas
    )
    save_draw_plan(database, dataclasses.replace(plan, quotas=quotas))
    before = statuses(database), count(database, AuditEntry)
    with pytest.raises(QuotasCannotBeMet) as refused:
        run_draw(database, 1, seed=1)
    (sentence,) = [s for s in refused.value.sentences if "Turks" in s]
    assert "niet te halen" in sentence
    assert (statuses(database), count(database, AuditEntry)) == before
    assert count(database, Draw) == 0


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"places": 0}, "minstens één plaats"),
        ({"waiting_list": -1}, "wachtlijst"),
        ({"quotas": (Quota("origin", "turkish", 5, 2),)}, "minimum van 0 tot en met zijn maximum"),
        ({"quotas": (Quota("origin", "atlantis", 0, 2),)}, "atlantis"),
    ],
)
def test_wrong_settings_get_a_sentence_and_keep_the_saved_ones(
    database: Database, day: OversubscribedDay, change: dict[str, object], words: str
) -> None:
    plan = draw_plan(database, 1)
    save_draw_plan(database, plan)
    with pytest.raises(InputRejected, match=words):
        save_draw_plan(database, dataclasses.replace(plan, **change))  # type: ignore[arg-type]
    assert draw_plan(database, 1) == plan


@pytest.mark.parametrize(
    ("seed", "algorithm", "words"),
    [
        (-1, "maximin", "geheel getal"),
        (1, "leximin", "Gurobi"),
        (1, "lottery", "geen lotingsmethode"),
        (1, "legacy", "samen"),
    ],
)
def test_a_draw_that_cannot_run_says_why_and_changes_nothing(
    database: Database, day: OversubscribedDay, seed: int, algorithm: str, words: str
) -> None:
    before = statuses(database)
    with pytest.raises(InputRejected, match=words):
        run_draw(database, 1, seed=seed, algorithm=algorithm)
    assert statuses(database) == before
    assert count(database, Draw) == 0


def test_the_librarys_nash_and_legacy_draws_run_on_people_one_by_one(
    database: Database, day: OversubscribedDay
) -> None:
    plan = draw_plan(database, 1)
    # A third of the pool, wide quotas: legacy's greedy draw dead-ends on tight ones.
    wide = propose_plan(database, 1, 20, 1.0)
    save_draw_plan(
        database,
        dataclasses.replace(plan, places=20, households_together=False, quotas=wide),
    )
    nash = run_draw(database, 1, seed=7, algorithm="nash")
    assert nash.selected == 20
    legacy = run_draw(database, 1, seed=7, algorithm="legacy")
    assert legacy.selected == 20
    # Legacy is greedy: its least likely person does worse than maximin's.
    maximin = run_draw(database, 1, seed=7)
    assert maximin.lowest_probability >= legacy.lowest_probability


def test_registrations_that_change_during_the_draw_are_not_overwritten(
    database: Database, day: OversubscribedDay
) -> None:
    def someone_registers(done: int, total: int) -> None:
        del total
        if done == 1:
            with database.transaction() as session:
                person = session.get(Participant, day.participant_ids[-1])
                assert person is not None
                person.status = RegistrationStatus.CANCELLED

    with pytest.raises(InputRejected, match="veranderden tijdens de loting"):
        run_draw(database, 1, seed=3, progress=someone_registers)
    assert count(database, Draw) == 0


def test_a_cancellation_fills_from_the_waiting_list_within_the_quotas(
    database: Database, day: OversubscribedDay
) -> None:
    report = run_draw(database, 1, seed=12)
    overview = draw_overview(database, 1)
    found = statuses(database)
    household_members = {m for h in day.households for m in h}
    leaving = next(p for p in sorted(selected_ids(database)) if p not in household_members)
    with database.reading() as session:
        version = session.get(Participant, leaving).version  # type: ignore[union-attr]
    cancel_registration(database, leaving, version, "Els")
    after = statuses(database)
    moved = [p for p, s in after.items() if s == RegistrationStatus.REGISTERED and found[p] != s]
    assert len(moved) >= 1
    assert set(moved) <= {w.participant_id for w in overview.waiting}
    selected = selected_ids(database)
    assert len(selected) <= report.places
    for quota in report.quotas:
        assert quota.minimum <= held(database, selected, quota) <= quota.maximum, quota
    with database.reading() as session:
        entries = session.execute(
            select(AuditEntry.subject_id, AuditEntry.details).where(
                AuditEntry.action == "draw.moved_up"
            )
        ).all()
    assert {e.subject_id for e in entries} == set(moved)
    assert all(json.loads(e.details)["instead_of"] == leaving for e in entries)
    # Whoever moved up is no longer on the waiting list shown.
    assert not set(moved) & {w.participant_id for w in draw_overview(database, 1).waiting}


def test_the_quota_rows_hide_groups_of_one_to_four(
    database: Database, day: OversubscribedDay
) -> None:
    run_draw(database, 1, seed=5)
    rows = quota_rows(database, 1)
    assert all(r.registered is None or r.registered == 0 or r.registered >= 5 for r in rows)
    assert all(r.selected is None or r.selected == 0 or r.selected >= 5 for r in rows)
    theme = next(r for r in rows if r.category == "theme")
    assert theme.label == "Wonen"


def test_a_legacy_draw_that_dead_ends_says_so_and_changes_nothing(
    database: Database, day: OversubscribedDay
) -> None:
    plan = draw_plan(database, 1)
    save_draw_plan(database, dataclasses.replace(plan, households_together=False))
    before = statuses(database)
    with pytest.raises(InputRejected, match="legacy"):
        run_draw(database, 1, seed=7, algorithm="legacy")
    assert statuses(database) == before
