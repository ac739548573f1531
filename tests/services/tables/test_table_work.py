"""A facilitator's table: sign-in by PIN, ideas per duo, dots, the ten best, concepts."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select

from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.errors import AccessRefused, InputRejected
from degenks_desktop.services.tables.access import TableAccess, set_pin, sign_in
from degenks_desktop.services.tables.concepts import concepts_at_table, save_concept
from degenks_desktop.services.tables.dots import TooManyDots, give_dots, set_tally
from degenks_desktop.services.tables.ideas import (
    add_idea,
    delete_idea,
    duos_at_table,
    edit_idea,
    ideas_at_table,
    merge_ideas,
    restore_idea,
)
from degenks_desktop.services.tables.top_ten import (
    TieRule,
    lock_selection,
    selection_to_lock,
    table_selection,
    unlock_selection,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, ConceptIdea, Facilitator, Idea, Vote
from tests.helpers.counts import count
from tests.helpers.tables import PIN_MINE, TwoTables, add_two_tables


def audited(database: Database, action: str) -> int:
    with database.reading() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
            )
            or 0
        )


def twelve_ideas(database: Database, tables: TwoTables) -> list[int]:
    return [
        add_idea(database, tables.mine, text=f"Idee nummer {n}", duo_id=tables.duos[n % 5])
        for n in range(12)
    ]


def test_a_pin_is_kept_hashed_and_only_the_right_one_signs_in(database: Database) -> None:
    tables = add_two_tables(database)
    with database.reading() as session:
        hashes = list(session.scalars(select(Facilitator.pin_hash)))
    assert all(h and h.startswith("$argon2id$") and PIN_MINE not in h for h in hashes)
    assert tables.mine.facilitator == "Sofie Claes"
    with pytest.raises(AccessRefused, match="niet die van tafel 1"):
        sign_in(database, day_number=1, table_number=1, pin="1357")
    # Arabic-Indic and full-width digits are digits to Python, not on a table's keypad.
    for wrong in ("12", "abcd", "123456789", "", "١٢٣٤", "１２３４"):
        with pytest.raises(InputRejected, match="6 tot 8 cijfers"):
            set_pin(database, 1, wrong)
    assert sign_in(database, day_number=1, table_number=1, pin=PIN_MINE).table_number == 1


def test_ideas_per_duo_edit_delete_restore(database: Database) -> None:
    tables = add_two_tables(database)
    first = add_idea(
        database, tables.mine, text="  Een  buurtfeest in Winterslag ", duo_id=tables.duos[0]
    )
    add_idea(database, tables.mine, text="Fietspaden naar C-mine", duo_id=tables.duos[0])
    add_idea(database, tables.mine, text="Taalcafé in de bib", duo_id=tables.duos[2])
    counts = {duo.number: duo.ideas for duo in duos_at_table(database, tables.mine)}
    assert counts == {1: 2, 2: 0, 3: 1, 4: 0, 5: 0}
    assert duos_at_table(database, tables.mine)[0].names == "Lies T. & Mehmet T."
    for empty in ("", "   \n "):
        with pytest.raises(InputRejected, match="Typ eerst het idee"):
            add_idea(database, tables.mine, text=empty, duo_id=tables.duos[1])
    assert count(database, Idea) == 3

    edit_idea(database, tables.mine, first, "Een buurtfeest in elke wijk")
    delete_idea(database, tables.mine, first)
    assert [i.text for i in ideas_at_table(database, tables.mine)] == [
        "Fietspaden naar C-mine",
        "Taalcafé in de bib",
    ]
    restore_idea(database, tables.mine, first)
    assert ideas_at_table(database, tables.mine)[0].text == "Een buurtfeest in elke wijk"
    assert audited(database, "idea.edited") == 1
    assert audited(database, "idea.deleted") == audited(database, "idea.restored") == 1


def test_an_autosave_retried_with_the_same_uid_is_stored_once(database: Database) -> None:
    tables = add_two_tables(database)
    ids = {
        add_idea(database, tables.mine, text="Speeltuin", duo_id=tables.duos[1], uid="f" * 32)
        for _attempt in range(3)
    }
    assert len(ids) == 1
    assert count(database, Idea) == 1


def test_a_merged_idea_keeps_its_link_and_its_dots(database: Database) -> None:
    tables = add_two_tables(database)
    keep = add_idea(database, tables.mine, text="Meer groen in de wijk", duo_id=tables.duos[0])
    same = add_idea(database, tables.mine, text="Groen in onze wijk", duo_id=tables.duos[3])
    set_tally(database, tables.mine, keep, 2)
    set_tally(database, tables.mine, same, 3)
    merge_ideas(database, tables.mine, keep, same)
    listed = ideas_at_table(database, tables.mine)
    assert [(i.id, i.merged_from, i.dots) for i in listed] == [(keep, (same,), 5)]
    with pytest.raises(InputRejected):
        merge_ideas(database, tables.mine, keep, keep)


def test_another_table_can_neither_read_nor_change_mine(database: Database) -> None:
    tables = add_two_tables(database)
    idea = add_idea(
        database, tables.mine, text="Een moestuin op de speelplaats", duo_id=tables.duos[0]
    )
    assert ideas_at_table(database, tables.other) == []
    attempts = [
        lambda: edit_idea(database, tables.other, idea, "Overgenomen"),
        lambda: delete_idea(database, tables.other, idea),
        lambda: set_tally(database, tables.other, idea, 9),
        lambda: add_idea(database, tables.other, text="In hun duo", duo_id=tables.duos[0]),
        lambda: give_dots(database, tables.other, tables.other_people[0], {idea: 1}),
    ]
    for attempt in attempts:
        with pytest.raises(AccessRefused, match="andere tafel"):
            attempt()
    assert [i.text for i in ideas_at_table(database, tables.mine)] == [
        "Een moestuin op de speelplaats"
    ]
    assert count(database, Vote) == 0
    assert count(database, Idea) == 1


def test_dots_per_person_have_a_limit_and_only_the_tables_people_vote(database: Database) -> None:
    tables = add_two_tables(database)
    a, b = twelve_ideas(database, tables)[:2]
    give_dots(database, tables.mine, tables.people[0], {a: 2, b: 1})
    give_dots(database, tables.mine, tables.people[0], {a: 1})  # changed their mind
    with pytest.raises(InputRejected, match=r"3 dots|3 stippen"):  # Dutch plural to come
        give_dots(database, tables.mine, tables.people[1], {a: 2, b: 2})
    with pytest.raises(InputRejected, match="zit niet aan tafel 1"):
        give_dots(database, tables.mine, tables.other_people[0], {a: 1})
    dots = {i.id: i.dots for i in ideas_at_table(database, tables.mine)}
    assert (dots[a], dots[b]) == (1, 0)


def test_a_tie_at_place_ten_is_settled_by_the_table_and_recorded(database: Database) -> None:
    tables = add_two_tables(database)
    ideas = twelve_ideas(database, tables)
    for idea, dots in zip(ideas[:8], (4, 3, 3, 3, 3, 3, 3, 3), strict=True):
        set_tally(database, tables.mine, idea, dots)
    for idea in ideas[8:11]:  # three ideas with 1 dot for places 9 and 10
        set_tally(database, tables.mine, idea, 1)
    live = table_selection(database, tables.mine)
    assert (live.standing.tied, live.standing.open_places) == (tuple(ideas[8:11]), 2)
    with pytest.raises(InputRejected, match="waarom"):
        lock_selection(database, tables.mine, chosen=ideas[9:11])
    with pytest.raises(InputRejected, match=r"exactly 2|precies 2"):  # Dutch plural to come
        lock_selection(database, tables.mine, chosen=ideas[8:11], reason="samen beslist")
    with pytest.raises(InputRejected, match="opnieuw gelijk"):
        lock_selection(database, tables.mine, runoff={ideas[8]: 1, ideas[9]: 1, ideas[10]: 1})
    assert not table_selection(database, tables.mine).locked

    final = lock_selection(
        database,
        tables.mine,
        chosen=[ideas[10], ideas[8]],
        reason="de tafel koos de meest haalbare",
    )
    assert final == (*ideas[:8], ideas[10], ideas[8])
    locked = table_selection(database, tables.mine)
    assert locked.locked and locked.selected == final
    assert (locked.tie_rule, locked.tie_reason) == (
        TieRule.TABLE_DECISION,
        "de tafel koos de meest haalbare",
    )
    with pytest.raises(InputRejected, match="vergrendeld"):
        set_tally(database, tables.mine, ideas[11], 30)

    unlock_selection(database, tables.mine.table_id, actor="organisatie", reason="hertelling")
    set_tally(database, tables.mine, ideas[9], 2)  # the recount breaks the tie
    set_tally(database, tables.mine, ideas[10], 0)
    assert lock_selection(database, tables.mine)[-2:] == (ideas[9], ideas[8])
    assert audited(database, "selection.unlocked") == 1
    assert audited(database, "selection.locked") == 2


def test_a_runoff_settles_a_tie(database: Database) -> None:
    tables = add_two_tables(database)
    ideas = twelve_ideas(database, tables)
    for idea, dots in zip(ideas[:9], (4, 3, 3, 3, 3, 3, 3, 3, 3), strict=True):
        set_tally(database, tables.mine, idea, dots)
    final = lock_selection(database, tables.mine, runoff={ideas[9]: 1, ideas[10]: 3, ideas[11]: 2})
    assert final[-1] == ideas[10]
    assert table_selection(database, tables.mine).tie_rule == TieRule.RUNOFF


def test_concepts_for_the_selected_ideas_link_back_to_them(database: Database) -> None:
    tables = add_two_tables(database)
    keep = add_idea(database, tables.mine, text="Een repair café", duo_id=tables.duos[0])
    merged = add_idea(database, tables.mine, text="Samen dingen herstellen", duo_id=tables.duos[1])
    loose = add_idea(database, tables.mine, text="Een deelfiets", duo_id=tables.duos[2])
    merge_ideas(database, tables.mine, keep, merged)
    with pytest.raises(InputRejected, match="geselecteerde"):
        save_concept(database, tables.mine, keep, ConceptText(title="Te vroeg"))
    lock_selection(database, tables.mine)
    concept = save_concept(database, tables.mine, keep, ConceptText(what_i_can_do="Meehelpen"))
    again = save_concept(
        database,
        tables.mine,
        keep,
        ConceptText(title="Repair café Zwartberg", what_i_can_do="Meehelpen", first_step="Zaal"),
    )
    assert again == concept
    written = {c.idea_id: c for c in concepts_at_table(database, tables.mine)}
    assert written[keep].text.title == "Repair café Zwartberg"
    assert written[loose].concept_id is None
    with database.reading() as session:
        links = set(session.scalars(select(ConceptIdea.idea_id)))
    assert links == {keep, merged}
    assert concepts_at_table(database, tables.other) == []
    with pytest.raises(InputRejected, match="geselecteerde"):
        save_concept(database, tables.other, keep, ConceptText(title="Overgenomen"))


def test_two_facilitators_typing_at_once_lose_nothing(database: Database) -> None:
    tables = add_two_tables(database)
    errors: list[BaseException] = []

    def type_ideas(access: TableAccess, duo: int, prefix: str) -> None:
        try:
            for n in range(25):
                add_idea(database, access, text=f"{prefix} {n}", duo_id=duo)
        except BaseException as error:
            errors.append(error)

    writers = [
        threading.Thread(target=type_ideas, args=(tables.mine, tables.duos[0], "Tafel een")),
        threading.Thread(target=type_ideas, args=(tables.other, tables.other_duo, "Tafel twee")),
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert errors == []
    assert len(ideas_at_table(database, tables.mine)) == 25
    assert len(ideas_at_table(database, tables.other)) == 25


def test_a_table_gets_no_more_dots_than_its_people_have_stickers(database: Database) -> None:
    tables = add_two_tables(database)  # ten people at my table: 30 dots at most
    a, b, c = twelve_ideas(database, tables)[:3]
    set_tally(database, tables.mine, a, 25)
    audits = audited(database, "vote.tally")
    with pytest.raises(TooManyDots, match="34") as refused:
        set_tally(database, tables.mine, b, 9)
    assert (refused.value.total, refused.value.most) == (34, 30)
    assert count(database, Vote) == 1 and audited(database, "vote.tally") == audits
    with pytest.raises(TooManyDots):  # the people's own dots count towards it too
        give_dots(database, tables.mine, tables.people[0], {b: 3, c: 3}, limit=6)
    assert count(database, Vote) == 1
    set_tally(database, tables.mine, b, 9, allow_over=True)  # the facilitator confirmed
    with database.reading() as session:
        details = session.scalars(
            select(AuditEntry.details)
            .where(AuditEntry.action == "vote.tally")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert json.loads(details or "{}") == {"before": 0, "after": 9, "over_allowed": True}
    set_tally(database, tables.mine, b, 7)  # a recount that lowers it is always saved
    assert {i.id: i.dots for i in ideas_at_table(database, tables.mine)}[b] == 7


def test_the_ten_to_confirm_are_the_ten_locked(database: Database) -> None:
    tables = add_two_tables(database)
    ideas = twelve_ideas(database, tables)
    for idea, dots in zip(ideas, (6, 5, 4, 3, 2, 2, 2, 1, 1, 1, 0, 0), strict=True):
        set_tally(database, tables.mine, idea, dots)
    shown = selection_to_lock(database, tables.mine)
    assert shown == tuple(ideas[:10]) and not table_selection(database, tables.mine).locked
    set_tally(database, tables.mine, ideas[9], 4)  # a recount after the question
    with pytest.raises(InputRejected):
        lock_selection(database, tables.mine, expected=shown)
    assert not table_selection(database, tables.mine).locked
    again = selection_to_lock(database, tables.mine)
    assert again[3] == ideas[9]
    assert lock_selection(database, tables.mine, expected=again) == again
