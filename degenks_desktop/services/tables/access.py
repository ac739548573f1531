"""Facilitators' PINs and sign-in to their own table: who may read and change which table.

Organisers set each facilitator's PIN (6 to 8 digits; the demo's keep 4); it is kept only
as a salted argon2id hash (`services.house.hashing`). Signing in with a table and its
facilitator's PIN gives a `TableAccess`; wrong PINs in a row make further tries at that
table wait (`services.house.guard`). Every service of the tables checks that what it is
asked to touch belongs to that table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from degenks_desktop.errors import AccessRefused, InputRejected, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit, guard
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.services.house.hashing import hash_secret, secret_matches
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Facilitator, Table, Theme

# ASCII digits only: "١٢٣٤" would lock out "1234". A table signs in with 4 to 8 (the
# demo's PINs have 4); a PIN given now has at least 6, a million to guess from.
PIN_PATTERN = re.compile(r"[0-9]{4,8}")
NEW_PIN_PATTERN = re.compile(r"[0-9]{6,8}")
DEMO_PIN_DIGITS = 4


@dataclass(frozen=True)
class TableAccess:
    """A signed-in facilitator at one table."""

    table_id: int
    table_number: int
    day_number: int
    theme: str
    facilitator: str

    @property
    def actor(self) -> str:
        """How audit entries name who did it."""
        return _("{name} (table {number})").format(name=self.facilitator, number=self.table_number)


@dataclass(frozen=True)
class TableChoice:
    """A table offered at sign-in: number, theme and who facilitates it."""

    table_id: int
    number: int
    theme: str
    facilitator: str
    has_pin: bool


def hash_pin(pin: str, *, demo: bool = False) -> str:
    """The salted hash kept for `pin`: refuses a new PIN that is not 6 to 8 digits (a demo
    PIN, printed for everyone, may have 4)."""
    if demo:
        if not PIN_PATTERN.fullmatch(pin):
            raise InputRejected(_("A PIN is 4 to 8 digits: type only digits."))
    elif not NEW_PIN_PATTERN.fullmatch(pin):
        raise InputRejected(_("A new PIN is 6 to 8 digits: type only digits."))
    return hash_secret(pin, demo=demo)


def demo_pin(day_number: int, table_number: int) -> str:
    """The demo's PIN of a facilitator: the day, then the number of their first table.

    Four digits, shorter than a PIN organisers give (6 to 8): the demo prints them for
    everyone anyway, and says so where it does.
    """
    return f"{day_number}{table_number:03d}"


def describe_demo_pins() -> str:
    """The sentence the CLI and the app print about the demo's PINs."""
    return _(
        "A facilitator's demo PIN is the day followed by the table number in three digits "
        "(day 1, table 7: {example}); the demo's PINs have 4 digits, a PIN you set has 6 to 8."
    ).format(example=demo_pin(1, 7))


def set_pin(database: Database, facilitator_id: int, pin: str, *, actor: str = "") -> None:
    """Give a facilitator a new PIN (organisers do this; the old one stops working)."""
    pin_hash = hash_pin(pin)
    with database.transaction() as session:
        facilitator = session.get(Facilitator, facilitator_id)
        if facilitator is None:
            raise NotFound(_("There is no facilitator number {id}.").format(id=facilitator_id))
        facilitator.pin_hash = pin_hash
        # The facilitator locked out by wrong tries gets in with the new PIN at once.
        tables = session.scalars(select(Table.id).where(Table.facilitator_id == facilitator_id))
        guard.forget_tries(session, guard.KIND_TABLE_PIN, [f"table:{t}" for t in tables])
        audit.record(
            session,
            action="facilitator.pin_set",
            actor=actor,
            subject_type="facilitator",
            subject_id=facilitator_id,
        )


def tables_to_sign_in(database: Database, day_number: int) -> list[TableChoice]:
    """The day's tables with their facilitators, for the sign-in list."""
    with database.reading() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        rows = session.execute(
            select(
                Table.id,
                Table.number,
                Theme.name,
                Facilitator.first_name,
                Facilitator.last_name,
                Facilitator.pin_hash,
            )
            .join(Theme, Theme.id == Table.theme_id)
            .outerjoin(Facilitator, Facilitator.id == Table.facilitator_id)
            .where(Table.day_id == day.id)
            .order_by(Table.number)
        ).all()
    return [
        TableChoice(table_id, number, theme, f"{first or ''} {last or ''}".strip(), bool(pin))
        for table_id, number, theme, first, last, pin in rows
    ]


def sign_in(
    database: Database,
    *,
    day_number: int,
    table_number: int,
    pin: str,
    now: dt.datetime | None = None,
) -> TableAccess:
    """Access to one table for whoever knows its facilitator's PIN.

    One transaction per try, guarded: after five wrong PINs in a row at a table, each
    further try waits, and a try during the wait is refused unchecked.
    """
    moment = now or guard.now_utc()
    with database.transaction() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        table = session.scalars(
            select(Table).where(Table.day_id == day.id, Table.number == table_number)
        ).first()
        if table is None:
            raise NotFound(
                _("Day {day} has no table {number}.").format(day=day_number, number=table_number)
            )
        facilitator = table.facilitator
        if facilitator is None or not facilitator.pin_hash:
            raise AccessRefused(
                _("Table {number} has no facilitator with a PIN yet: ask the organisers.").format(
                    number=table_number
                )
            )
        pin_hash = facilitator.pin_hash
        outcome = guard.guarded_try(
            session,
            kind=guard.KIND_TABLE_PIN,
            subject=f"table:{table.id}",
            now=moment,
            check=lambda: secret_matches(pin_hash, pin),
            wrong=guard.WrongTry(
                action="table.pin_wrong",
                subject_type="table",
                subject_id=table.id,
                details={"day": day_number, "table": table_number},
            ),
            waiting=lambda wait: _(
                "Too many wrong PINs in a row at table {number}: wait {wait} and try again."
            ).format(number=table_number, wait=wait),
        )
        access = TableAccess(
            table_id=table.id,
            table_number=table.number,
            day_number=day_number,
            theme=table.theme.name,
            facilitator=f"{facilitator.first_name} {facilitator.last_name}".strip(),
        )
    if outcome.right:
        return access
    if outcome.wait is not None:
        raise AccessRefused(
            _("That PIN is not the one of table {number}: wait {wait} before the next try.").format(
                number=table_number, wait=guard.describe_wait(outcome.wait)
            )
        )
    raise AccessRefused(
        _("That PIN is not the one of table {number}: try again.").format(number=table_number)
    )


def require_own(access: TableAccess, table_id: int) -> None:
    """Refuse to read or touch an idea, vote or concept of another table."""
    if table_id != access.table_id:
        raise AccessRefused(
            _("That belongs to another table: you can work only at table {number}.").format(
                number=access.table_number
            )
        )


def facilitator_of(database: Database, table_id: int) -> int:
    """The facilitator of a table, or NotFound saying the organisers must name one."""
    with database.reading() as session:
        table = session.get(Table, table_id)
        if table is None or table.facilitator_id is None:
            raise NotFound(_("This table has no facilitator yet: name one first."))
        return table.facilitator_id


def organiser_access(database: Database, table_id: int) -> TableAccess:
    """Organisers see every table: access to one table from Organisatie → Tafels."""
    with database.reading() as session:
        table = session.get(Table, table_id)
        if table is None:
            raise NotFound(_("There is no table number {id}.").format(id=table_id))
        return TableAccess(
            table_id=table.id,
            table_number=table.number,
            day_number=table.day.number,
            theme=table.theme.name,
            facilitator=_("organisers"),
        )
