"""The postal address and the consent to be contacted after the day (the postcard):
imported from a web form's columns, updated by a second file, edited, merged and erased
like the other contact details, and never confused with the consent to the diversity
questions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.import_columns import guess_mapping
from degenks_desktop.errors import ValueDoesNotFit
from degenks_desktop.i18n import _
from degenks_desktop.services.registrations.editing import (
    list_registrations,
    merge_registrations,
    registration,
    update_registration,
)
from degenks_desktop.services.registrations.erasure import erase_person, withdraw_consent
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, Participant
from tests.helpers.counts import count
from tests.helpers.files import write_csv
from tests.helpers.fingerprint import fingerprint

ACTOR = "organisator"
# A Google form of the city's with the address and the postcard's question beside the
# diversity consent, as "Download responses (.csv)" writes it.
GOOGLE_FORM_HEADER = [
    "Timestamp",
    "Email Address",
    "Voornaam",
    "Familienaam",
    "Straat en huisnummer",
    "Postcode",
    "Gemeente",
    "Welk thema kies je?",
    "Welke dag kom je?",
    "Geboortejaar",
    "Mag de stad je geboortejaar en wijk bewaren voor de diversiteitsmatrix?",
    "Mag de stad je achteraf contacteren (bv. met een postkaart)?",
]
GOOGLE_FORM_ROWS = [
    [
        "2013/02/04 7:45:02 AM GMT+1",
        "inge.hoeterickx@example.be",
        "Inge",
        "Hoeterickx",
        "  Stalenstraat 12 ",
        " 3600",
        "Genk ",
        "Wonen",
        "4 maart",
        "1949",
        "Nee, liever niet",
        "Ja, dat mag",
    ],
    [
        "2013/02/04 1:59:25 PM GMT+1",
        "rosa.bianchi@example.com",
        "Rosa",
        "Bianchi",
        "Kapelstraat 3 bus 2",
        "3500",
        "Hasselt",
        "Werk",
        "5 maart",
        "1948",
        "Ja, dat mag",
        "Nee",
    ],
    [
        "2013/02/05 2:54:56 PM GMT+1",
        "pawel.kowalski@example.net",
        "Paweł",
        "Kowalski",
        "",
        "",
        "",
        "Vrije tijd",
        "di 5/3",
        "",
        "",
        "",
    ],
    [
        "2013/02/05 7:35:32 PM GMT+1",
        "katarzyna.kowalski@example.be",
        "Katarzyna",
        "Kowalski",
        "Nierstraat 8",
        "3590",
        "Diepenbeek",
        "Dienstverlening",
        "maandag",
        "1941",
        "Ja, dat mag",
        "misschien",
    ],
]


@pytest.fixture
def event(database: Database) -> Database:
    """The demo event without participants, to import into."""
    create_demo_event(database, participants=0)
    return database


@pytest.fixture
def demo(database: Database) -> Database:
    """The demo event with 24 people, each with an address."""
    create_demo_event(database, participants=24, seated=False)
    return database


def google_form(tmp_path: Path, rows: list[list[str]] | None = None) -> Path:
    """The Google form's responses as a CSV (every field quoted, commas)."""
    return write_csv(
        tmp_path / "inschrijvingen.csv",
        [GOOGLE_FORM_HEADER, *(GOOGLE_FORM_ROWS if rows is None else rows)],
        delimiter=",",
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Stored:
    """What the database holds of someone's address and consents."""

    street: str | None
    postcode: str | None
    town: str | None
    contact_consent: bool
    profile_consent: bool


def person_named(database: Database, first_name: str) -> Stored:
    """The address and consents stored of the one person with this first name."""
    with database.reading() as session:
        row = session.execute(
            select(
                Participant.street,
                Participant.postcode,
                Participant.town,
                Participant.contact_consent,
                Participant.profile_consent,
            ).where(Participant.first_name == first_name)
        ).one()
    return Stored(*row)


def audit_details(database: Database, action: str) -> list[dict[str, Any]]:
    with database.reading() as session:
        return [
            json.loads(details)
            for details in session.scalars(
                select(AuditEntry.details).where(AuditEntry.action == action)
            )
        ]


# --- the columns ------------------------------------------------------------------------


def test_the_google_forms_columns_of_the_address_and_the_two_consents() -> None:
    mapping = dict(zip(GOOGLE_FORM_HEADER, guess_mapping(GOOGLE_FORM_HEADER), strict=True))
    assert mapping["Straat en huisnummer"] == "street"
    assert mapping["Postcode"] == "postcode"
    assert mapping["Gemeente"] == "town"
    assert mapping["Mag de stad je achteraf contacteren (bv. met een postkaart)?"] == (
        "contact_consent"
    )
    # The diversity consent is still the diversity consent.
    assert (
        mapping["Mag de stad je geboortejaar en wijk bewaren voor de diversiteitsmatrix?"]
        == "consent"
    )


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Straat", "street"),
        ("Adres", "street"),
        ("Straat + nr", "street"),
        ("Woonadres", "street"),
        ("Street address", "street"),
        ("Address", "street"),
        ("Wat is je adres (straat en huisnummer)?", "street"),
        ("Postnummer", "postcode"),
        ("Zip", "postcode"),
        ("Postal code", "postcode"),
        ("Wat is je postcode?", "postcode"),
        ("Woonplaats", "town"),
        ("Stad", "town"),
        ("City", "town"),
        ("In welke gemeente woon je?", "town"),
        ("Toestemming contact", "contact_consent"),
        ("Contact na de dag", "contact_consent"),
        ("May we contact you afterwards?", "contact_consent"),
        ("Mogen we je na de G360 contacteren?", "contact_consent"),
        # A question about being contacted is the postcard's, even when it says consent.
        ("Geef je toestemming om je achteraf te contacteren?", "contact_consent"),
        # And the diversity consent stays its own.
        ("Toestemming diversiteit", "consent"),
        ("Mogen we je geboortejaar en wijk bewaren?", "consent"),
    ],
)
def test_headers_that_name_the_address_and_the_postcards_consent(header: str, key: str) -> None:
    assert guess_mapping(["Voornaam", "Familienaam", header])[2] == key


@pytest.mark.parametrize(
    "headers",
    [
        # pretix: the invoice address, after the order's columns.
        ["Order code", "Attendee name", "Invoice address name", "Address", "ZIP code", "City"],
        ["Naam", "Invoice address street", "Invoice address city", "Factuur postcode"],
        ["Naam", "Bedrijf adres", "Company city"],
        # Contact of another kind: nobody's consent to a postcard.
        ["Naam", "Contact in geval van nood", "Toestemming foto's"],
    ],
)
def test_an_invoice_or_company_address_is_not_the_persons(headers: list[str]) -> None:
    mapping = guess_mapping(headers)
    assert not {"street", "postcode", "town", "contact_consent"} & set(filter(None, mapping))


def test_the_persons_own_address_beside_an_invoice_address_is_theirs() -> None:
    headers = ["Naam", "Straat", "Postcode", "Gemeente", "Factuuradres", "Factuur postcode"]
    assert guess_mapping(headers) == ["full_name", "street", "postcode", "town", None, None]


# --- importing --------------------------------------------------------------------------


def test_a_google_form_imports_the_address_and_the_consent_to_be_contacted(
    event: Database, tmp_path: Path
) -> None:
    report = import_file(event, google_form(tmp_path), actor=ACTOR)

    assert report.added == 3
    inge = person_named(event, "Inge")
    assert (inge.street, inge.postcode, inge.town) == ("Stalenstraat 12", "3600", "Genk")
    assert inge.contact_consent and not inge.profile_consent  # yes to one, no to the other
    rosa = person_named(event, "Rosa")
    assert (rosa.street, rosa.postcode, rosa.town) == ("Kapelstraat 3 bus 2", "3500", "Hasselt")
    assert not rosa.contact_consent and rosa.profile_consent
    pawel = person_named(event, "Paweł")
    assert (pawel.street, pawel.postcode, pawel.town, pawel.contact_consent) == (
        None,
        None,
        None,
        False,  # not answered: not agreed
    )


def test_an_answer_neither_yes_nor_no_rejects_the_row_with_its_reason(
    event: Database, tmp_path: Path
) -> None:
    report = import_file(event, google_form(tmp_path), actor=ACTOR)

    [rejected] = report.rejected
    assert rejected.line == 5
    assert rejected.reason == _(
        "“{value}” says neither yes nor no to being contacted after the day"
    ).format(value="misschien")
    assert "Katarzyna" not in {person.first_name for person in list_registrations(event)}
    assert not [note for note in report.warnings if note.line == 5]  # one reason, no more
    line = next(line for line in report.lines if line["line"] == 5)
    assert line["outcome"] == "rejected"


@pytest.mark.parametrize("answer", ["ja", "Yes", "x", "1", "akkoord", "Ja, graag"])
def test_the_yes_words_of_the_diversity_consent_say_yes_to_the_postcard(
    event: Database, tmp_path: Path, answer: str
) -> None:
    row = [*GOOGLE_FORM_ROWS[2][:11], answer]
    import_file(event, google_form(tmp_path, [row]), actor=ACTOR)
    assert person_named(event, "Paweł").contact_consent


@pytest.mark.parametrize("answer", ["nee", "No", "0", "Nee, liever niet"])
def test_the_no_words_say_no(event: Database, tmp_path: Path, answer: str) -> None:
    row = [*GOOGLE_FORM_ROWS[2][:11], answer]
    report = import_file(event, google_form(tmp_path, [row]), actor=ACTOR)
    assert report.added == 1 and not person_named(event, "Paweł").contact_consent


def test_postcode_and_town_in_one_column_are_split(event: Database, tmp_path: Path) -> None:
    header = ["Voornaam", "Familienaam", "Adres", "Postcode en gemeente"]
    path = write_csv(
        tmp_path / "lijst.csv",
        [header, ["Jan", "Peeters", "Hasseltweg 4", "3600 Genk"], ["An", "Claes", "", "3500"]],
    )
    import_file(event, path, actor=ACTOR)
    jan = person_named(event, "Jan")
    assert (jan.street, jan.postcode, jan.town) == ("Hasseltweg 4", "3600", "Genk")
    assert (person_named(event, "An").postcode, person_named(event, "An").town) == ("3500", None)


def test_an_address_too_long_is_left_empty_with_a_warning(event: Database, tmp_path: Path) -> None:
    row = [*GOOGLE_FORM_ROWS[0]]
    row[4] = "Stalenstraat " + "1" * 200
    report = import_file(event, google_form(tmp_path, [row]), actor=ACTOR)
    assert report.added == 1
    [warning] = [note for note in report.warnings if note.code == "address_too_long"]
    assert warning.line == 2 and "200" in warning.reason
    inge = person_named(event, "Inge")
    assert (inge.street, inge.postcode, inge.town) == (None, "3600", "Genk")


def test_a_second_file_updates_the_address_and_takes_the_consent_back(
    event: Database, tmp_path: Path
) -> None:
    import_file(event, google_form(tmp_path, GOOGLE_FORM_ROWS[:2]), actor=ACTOR)
    moved = [*GOOGLE_FORM_ROWS[0]]
    moved[4:7] = ["Vennestraat 80", "3600", "Genk"]
    moved[11] = "Nee"  # changed her mind: no postcard
    agreed = [*GOOGLE_FORM_ROWS[1]]
    agreed[11] = "Ja"
    second = tmp_path / "tweede"
    second.mkdir()

    preview = import_file(event, google_form(second, [moved, agreed]), dry_run=True)
    assert preview.updated == 2
    inge_change = next(change for change in preview.changes if change.name == "Inge Hoeterickx")
    assert {label for label, _old, _new in inge_change.changes} == {
        _("Street and number"),
        _("Consent to be contacted after the day"),
    }
    assert person_named(event, "Inge").street == "Stalenstraat 12"  # a dry run writes nothing

    report = import_file(event, google_form(second, [moved, agreed]), actor=ACTOR)

    assert (report.added, report.updated) == (0, 2)
    inge = person_named(event, "Inge")
    assert (inge.street, inge.postcode, inge.town) == ("Vennestraat 80", "3600", "Genk")
    assert not inge.contact_consent
    rosa = person_named(event, "Rosa")
    assert rosa.contact_consent and rosa.street == "Kapelstraat 3 bus 2"
    assert count(event, Participant) == 2
    updated = audit_details(event, "participant.updated_by_import")
    assert all("Vennestraat" not in json.dumps(details) for details in updated)


def test_an_empty_address_in_a_second_file_keeps_the_one_known(
    event: Database, tmp_path: Path
) -> None:
    import_file(event, google_form(tmp_path, GOOGLE_FORM_ROWS[:1]), actor=ACTOR)
    again = [*GOOGLE_FORM_ROWS[0]]
    again[4:7] = ["", "", ""]
    again[11] = ""
    second = tmp_path / "tweede"
    second.mkdir()
    report = import_file(event, google_form(second, [again]), actor=ACTOR)
    assert report.updated == 0
    inge = person_named(event, "Inge")
    assert (inge.street, inge.town, inge.contact_consent) == ("Stalenstraat 12", "Genk", True)


# --- editing, merging, erasing ----------------------------------------------------------


def test_the_address_and_the_consent_are_edited_and_audited_by_name(demo: Database) -> None:
    person = next(
        row
        for row in list_registrations(demo)
        if not row.contact_consent and row.town != "Diepenbeek"
    )
    changed = update_registration(
        demo,
        person.id,
        person.version,
        {
            "street": " Molenblookstraat 7\u200b ",
            "postcode": "3590 ",
            "town": "Diepenbeek",
            "contact_consent": True,
        },
        ACTOR,
    )
    assert (changed.street, changed.postcode, changed.town) == (
        "Molenblookstraat 7",
        "3590",
        "Diepenbeek",
    )
    assert changed.contact_consent and changed.consent == person.consent
    [*_before, last] = audit_details(demo, "participant.edited")
    assert last["fields"] == ["contact_consent", "postcode", "street", "town"]
    assert "Molenblookstraat" not in json.dumps(last)

    emptied = update_registration(
        demo, person.id, changed.version, {"street": "", "contact_consent": False}, ACTOR
    )
    assert emptied.street is None and not emptied.contact_consent
    assert emptied.consent == person.consent  # the postcard's no leaves the answers alone


@pytest.mark.parametrize(
    ("changes", "field", "limit"),
    [
        ({"street": "Stalenstraat " + "9" * 200}, "street and number", 200),
        ({"postcode": "3600" * 6}, "postcode", 20),
        ({"town": "Genk" * 26}, "town", 100),
    ],
)
def test_an_address_too_long_is_refused_with_one_sentence_and_changes_nothing(
    demo: Database, changes: dict[str, str], field: str, limit: int
) -> None:
    person = list_registrations(demo)[0]
    url = demo.url.render_as_string(hide_password=False)
    before = fingerprint(url)
    with pytest.raises(ValueDoesNotFit) as refused:
        update_registration(demo, person.id, person.version, changes, ACTOR)
    [value] = changes.values()
    assert refused.value.message == _(
        "A {field} of {length} characters does not fit: the database keeps up "
        "to {limit}. Shorten it and try again."
    ).format(field=_(field), length=len(value), limit=limit)
    assert fingerprint(url) == before


def test_a_merge_keeps_the_address_whole_and_a_yes_to_the_postcard(demo: Database) -> None:
    keep, other = list_registrations(demo)[:2]
    keep = update_registration(
        demo,
        keep.id,
        keep.version,
        {"street": None, "postcode": None, "town": None, "contact_consent": False},
        ACTOR,
    )
    other = update_registration(
        demo,
        other.id,
        other.version,
        {"street": "Rootenstraat 5", "postcode": "3600", "town": "Genk", "contact_consent": True},
        ACTOR,
    )
    merged = merge_registrations(demo, keep.id, other.id, ACTOR)
    assert (merged.street, merged.postcode, merged.town) == ("Rootenstraat 5", "3600", "Genk")
    assert merged.contact_consent
    [details] = audit_details(demo, "participant.merged")
    assert {"street", "postcode", "town", "contact_consent"} <= set(details["filled"])


def test_a_merge_keeps_the_kept_records_own_address(demo: Database) -> None:
    keep, other = list_registrations(demo)[:2]
    keep = update_registration(
        demo, keep.id, keep.version, {"street": "Europalaan 1", "postcode": None}, ACTOR
    )
    merged = merge_registrations(demo, keep.id, other.id, ACTOR)
    # Its own street stays, and the other's postcode does not join it: nobody's address.
    assert (merged.street, merged.postcode, merged.town) == ("Europalaan 1", None, keep.town)


def test_erasure_takes_the_address_and_the_consent_to_be_contacted(demo: Database) -> None:
    person = next(row for row in list_registrations(demo) if row.contact_consent)
    assert person.street and person.town
    erase_person(demo, person.id, actor=ACTOR)
    erased = registration(demo, person.id)
    assert (erased.street, erased.postcode, erased.town) == (None, None, None)
    assert not erased.contact_consent


def test_withdrawing_the_diversity_consent_leaves_the_postcards_alone(demo: Database) -> None:
    person = next(row for row in list_registrations(demo) if row.contact_consent and row.consent)
    withdraw_consent(demo, person.id, actor=ACTOR)
    after = registration(demo, person.id)
    assert not after.consent
    assert after.contact_consent and after.street == person.street
