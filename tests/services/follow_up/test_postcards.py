"""The postcards weeks after the day: only people who agreed to be contacted, came and
gave an address get one; each card carries its own person's commitment, the table's ten,
the date and the link, in the person's language, sorted for the post."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from degenks_desktop.errors import NothingToDo
from degenks_desktop.i18n import translations_for
from degenks_desktop.services.follow_up.postcards import (
    make_postcards,
    postcards_to_print,
)
from degenks_desktop.services.follow_up.settings import save_follow_up_settings
from degenks_desktop.services.tables.commitments import MAX_COMMITMENT, save_commitment
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, Idea
from tests.helpers.pdfs import page_sizes_mm
from tests.helpers.postcards import PostcardWorld, add_postcard_world, give_address

LINK = "https://www.genk.be/g360/opvolging"


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def addressed(database: Database) -> PostcardWorld:
    """Table 1's first eight came; five of them with consent and an address (out of post
    order on purpose), one with consent but no address, one without consent; of the two
    who did not come, one agreed to be contacted."""
    world = add_postcard_world(database, came=8)
    people = world.tables.people
    give_address(database, people[0], street="Stalenstraat 12 bus 3", postcode="3600")
    give_address(database, people[1], street="Stalenstraat 2", postcode="3600", language="en")
    give_address(database, people[2], street="Hoogstraat 10", postcode="3590", town="Diepenbeek")
    give_address(database, people[3], street="Stalenstraat 12", postcode="3600")
    give_address(database, people[4], street="Berglaan 1", postcode="3600", language="fr")
    give_address(database, people[5], street="", postcode="3600")
    give_address(database, people[6], street="Dorpsstraat 1", postcode="3600", consent=False)
    give_address(database, people[8], street="Dorpsstraat 3", postcode="3600")  # did not come
    return world


def test_only_consenting_attendees_with_an_address_sorted_for_the_post(
    database: Database,
) -> None:
    world = addressed(database)
    people = world.tables.people
    run = postcards_to_print(database, world.event_id)
    assert [card.participant_id for card in run.postcards] == [
        people[2],  # 3590 first
        people[4],  # 3600 Berglaan
        people[1],  # Stalenstraat 2
        people[3],  # Stalenstraat 12
        people[0],  # Stalenstraat 12 bus 3
    ]
    assert (run.no_address, run.did_not_come) == (1, 1)
    # Everyone else of the event never agreed to be contacted (the two at table 2, people
    # 6, 7 and 9 at table 1, and the one of day 2).
    assert run.no_consent == 6
    first = run.postcards[0]
    assert (first.street, first.postcode, first.town) == ("Hoogstraat 10", "3590", "Diepenbeek")
    assert first.ten_best == world.ten_best
    assert first.theme == "Wonen"
    languages = {card.participant_id: card.language for card in run.postcards}
    assert languages[people[1]] == "en"
    assert languages[people[4]] == "nl"  # French is not a language of the cards


def test_each_card_carries_its_own_commitment_the_ten_the_date_and_link(
    database: Database, tmp_path: Path
) -> None:
    world = addressed(database)
    people, mine = world.tables.people, world.tables.mine
    save_commitment(database, mine, people[0], "Ik start een repaircafé in mijn straat.")
    save_commitment(database, mine, people[1], "I will help in the community garden.")
    long_one = ("Ik ga elke week bij mijn buren langs en vraag wat ze nodig hebben. " * 6)[
        :MAX_COMMITMENT
    ].strip()
    save_commitment(database, mine, people[3], long_one)
    save_follow_up_settings(
        database,
        world.event_id,
        report_link=LINK,
        postcards_on=dt.date(2027, 1, 15),
        actor="Sara",
    )
    out = tmp_path / "postkaarten.pdf"
    run = make_postcards(database, world.event_id, out, actor="Sara")
    texts = page_texts(out)
    assert len(texts) == 2 * len(run.postcards) == 10
    assert all(
        148 - 0.5 < w < 148 + 0.5 and 105 - 0.5 < h < 105 + 0.5 for w, h in page_sizes_mm(out)
    )
    order = [card.participant_id for card in run.postcards]
    message = {person: texts[2 * n] for n, person in enumerate(order)}
    address = {person: texts[2 * n + 1] for n, person in enumerate(order)}
    assert "repaircafé in mijn straat" in message[people[0]]
    assert "community garden" not in message[people[0]]
    assert "community garden" in message[people[1]]
    assert "repaircafé" not in message[people[1]]
    # The longest commitment fits whole (its last words are on the card).
    assert " ".join(long_one.split()[-4:]) in message[people[3]]
    # No commitment: the card says so instead, in the person's language.
    english = translations_for("en").gettext
    assert "Rachida Tafel" in address[people[2]]
    assert "3590 Diepenbeek" in address[people[2]]
    assert "Hoogstraat 10" in address[people[2]]
    for person in order:
        assert LINK in message[person]
        assert world.ten_best[0] in message[person] or "plaats 1" in message[person]
        assert "plaats 10" in message[person]
    # The date in each person's language, on both sides.
    assert "15 januari 2027" in message[people[0]] and "15 januari 2027" in address[people[0]]
    assert "15 January 2027" in message[people[1]] and "15 January 2027" in address[people[1]]
    assert english("What will I do myself?") in message[people[1]]
    assert translations_for("nl").gettext("What will I do myself?") in message[people[0]]
    with database.reading() as session:
        actor, details = session.execute(
            select(AuditEntry.actor, AuditEntry.details).where(
                AuditEntry.action == "postcards.made"
            )
        ).one()
    assert actor == "Sara"
    assert '"count": 5' in details


def test_a_card_without_commitment_says_so(database: Database, tmp_path: Path) -> None:
    world = addressed(database)
    out = tmp_path / "postkaarten.pdf"
    make_postcards(database, world.event_id, out, actor="Sara")
    first = page_texts(out)[0]  # Rachida wrote nothing
    sentence = translations_for("nl").gettext(
        "You wrote no commitment at the table. Is there something small you could "
        "do yourself, now that you have read what your table came up with?"
    )
    assert " ".join(sentence.split()[:4]) in first


def test_nobody_to_send_to_makes_no_file(database: Database, tmp_path: Path) -> None:
    world = add_postcard_world(database)
    out = tmp_path / "postkaarten.pdf"
    with pytest.raises(NothingToDo):
        make_postcards(database, world.event_id, out, actor="Sara")
    assert not out.exists()


def test_a_table_of_long_ideas_shows_each_of_its_ten_whole(
    database: Database, tmp_path: Path
) -> None:
    """Ten ideas of two or three lines each still fit the card, every word of each."""
    world = addressed(database)
    long_ideas = [
        f"Idee {rank}: wij dromen van een opendeurdag in de moskee en de kerk in onze "
        "wijk, want veel mensen kennen hun buren niet en willen dat graag"
        for rank in range(1, 11)
    ]
    with database.transaction() as session:
        for before, after in zip(world.ten_best, long_ideas, strict=True):
            for idea in session.scalars(select(Idea).where(Idea.text == before)):
                idea.text = after
    out = tmp_path / "postkaarten.pdf"
    make_postcards(database, world.event_id, out, actor="Sara")
    words = page_texts(out)[0].split()
    for text in long_ideas:
        assert all(word in words for word in text.split()), text
