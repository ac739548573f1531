"""Facilitators' PINs and sign-in to their own table: who may read and change which table.

Organisers set each facilitator's PIN; it is kept only as a salted argon2id hash. Signing
in with a table and its facilitator's PIN gives a `TableAccess`; every service of the
tables checks that what it is asked to touch belongs to that table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from degenks_desktop.errors import AccessRefused, InputRejected, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Facilitator, Table, Theme

# OWASP's minimum for argon2id (19 MiB, 2 passes): about 30 ms a check on a venue laptop,
# nothing for a sign-in, slow enough against guessing a stolen database's PINs.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# The demo's PINs are printed in the README, so hashing them slowly protects nothing;
# verification reads the parameters from each hash, so both kinds check the same way.
_DEMO_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
PIN_PATTERN = re.compile(r"[0-9]{4,8}")  # ASCII digits: "١٢٣٤" would lock out "1234"


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
    """The salted hash kept for `pin` (refuses a PIN that is not 4 to 8 digits)."""
    if not PIN_PATTERN.fullmatch(pin):
        raise InputRejected(_("A PIN is 4 to 8 digits: type only digits."))
    return (_DEMO_HASHER if demo else _HASHER).hash(pin)


def demo_pin(day_number: int, table_number: int) -> str:
    """The demo's PIN of a facilitator: the day, then the number of their first table."""
    return f"{day_number}{table_number:03d}"


def set_pin(database: Database, facilitator_id: int, pin: str, *, actor: str = "") -> None:
    """Give a facilitator a new PIN (organisers do this; the old one stops working)."""
    pin_hash = hash_pin(pin)
    with database.transaction() as session:
        facilitator = session.get(Facilitator, facilitator_id)
        if facilitator is None:
            raise NotFound(_("There is no facilitator number {id}.").format(id=facilitator_id))
        facilitator.pin_hash = pin_hash
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


def sign_in(database: Database, *, day_number: int, table_number: int, pin: str) -> TableAccess:
    """Access to one table for whoever knows its facilitator's PIN."""
    with database.reading() as session:
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
        if not _pin_matches(facilitator.pin_hash, pin):
            raise AccessRefused(
                _("That PIN is not the one of table {number}: try again.").format(
                    number=table_number
                )
            )
        return TableAccess(
            table_id=table.id,
            table_number=table.number,
            day_number=day_number,
            theme=table.theme.name,
            facilitator=f"{facilitator.first_name} {facilitator.last_name}".strip(),
        )


def _pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


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
