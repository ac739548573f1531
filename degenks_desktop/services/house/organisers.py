"""Organiser accounts: who may do what only organisers may, in the app and on the CLI.

An organiser signs in with a name and a password of at least 10 characters; the password
is kept only as a salted argon2id hash, hashed as the facilitators' PINs are
(`services.house.hashing`). Wrong passwords are guarded as wrong PINs are
(`services.house.guard`). Creating an account, signing in and a failed sign-in each leave
an audit entry, never with the password. The first account of a database needs no other
organiser's word (`create_first_organiser`); every later one does (`create_organiser`,
called once the caller has an organiser's `OrganiserAccess`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from degenks_desktop.errors import AccessRefused, InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit, guard
from degenks_desktop.services.house.hashing import hash_secret, secret_matches
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Organiser

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1_000  # argon2 hashes any length; a megabyte "password" is an attack
MAX_NAME_LENGTH = 100
# The demo's organiser account, printed by `degenks demo` and the app (as the demo's PINs
# are): a rehearsal database, not a secret.
DEMO_ORGANISER = "demo"
DEMO_ORGANISER_PASSWORD = "genk-demo-2013"


@dataclass(frozen=True)
class OrganiserAccess:
    """A signed-in organiser."""

    organiser_id: int
    name: str

    @property
    def actor(self) -> str:
        """How audit entries name who did it: the organiser's own name."""
        return self.name


def _checked_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputRejected(_("Give the organiser a name."))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputRejected(
            _("An organiser's name is at most {most} characters.").format(most=MAX_NAME_LENGTH)
        )
    if any(unicodedata.category(character).startswith("C") for character in cleaned):
        raise InputRejected(_("An organiser's name holds letters, digits and spaces only."))
    return cleaned


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputRejected(
            _("An organiser's password is at least {least} characters.").format(
                least=MIN_PASSWORD_LENGTH
            )
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputRejected(
            _("An organiser's password is at most {most} characters.").format(
                most=MAX_PASSWORD_LENGTH
            )
        )


def _folded(name: str) -> str:
    """A name as sign-in compares it: spaces and case do not count."""
    return " ".join(name.split()).casefold()


def _account(session: Session, name: str) -> Organiser | None:
    wanted = _folded(name)
    return next(
        (o for o in session.scalars(select(Organiser)) if _folded(o.name) == wanted),
        None,
    )


def organisers_exist(database: Database) -> bool:
    """Whether this database has an organiser account (an older one may have none yet)."""
    with database.reading() as session:
        return _count(session) > 0


def _count(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Organiser).where(Organiser.active)) or 0
    )


def add_organiser(
    session: Session, name: str, password: str, *, actor: str, demo: bool = False
) -> Organiser:
    """Add an account in the caller's transaction (the event wizard makes its first
    organiser with the event); refuses a name taken, whatever its case."""
    cleaned = _checked_name(name)
    _check_password(password)
    if _account(session, cleaned) is not None:
        raise InputRejected(
            _("There is an organiser called {name} already: choose another name.").format(
                name=cleaned
            )
        )
    organiser = Organiser(name=cleaned, password_hash=hash_secret(password, demo=demo))
    session.add(organiser)
    session.flush()
    audit.record(
        session,
        action="organiser.created",
        actor=actor or cleaned,
        subject_type="organiser",
        subject_id=organiser.id,
        details={"name": cleaned},
    )
    return organiser


def create_organiser(database: Database, name: str, password: str, actor: str) -> OrganiserAccess:
    """Add an organiser account; `actor` is the signed-in organiser who adds it."""
    with database.transaction() as session:
        organiser = add_organiser(session, name, password, actor=actor)
        return OrganiserAccess(organiser.id, organiser.name)


def create_first_organiser(database: Database, name: str, password: str) -> OrganiserAccess:
    """The database's first organiser account, which needs nobody's word; refused once
    there is one (then an organiser adds the next one)."""
    with database.transaction() as session:
        _lock_accounts(session)
        if _count(session) > 0:
            raise AccessRefused(
                _(
                    "This database has organiser accounts already: an organiser signs in "
                    "to add another."
                )
            )
        organiser = add_organiser(session, name, password, actor="")
        return OrganiserAccess(organiser.id, organiser.name)


def _lock_accounts(session: Session) -> None:
    # PostgreSQL: of two laptops making the first account at once, the second waits and
    # then sees the first's (SQLite's BEGIN IMMEDIATE lets one writer in at a time).
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE organisers IN SHARE ROW EXCLUSIVE MODE"))


def ensure_demo_organiser(session: Session, *, actor: str) -> str | None:
    """The demo's organiser account, in the demo's transaction: made when the database
    has no organiser yet, kept when it is there already; None when other accounts exist
    (a database with real organisers never gets an account whose password is printed)."""
    existing = _account(session, DEMO_ORGANISER)
    if existing is not None and existing.active:
        return existing.name
    if _count(session) > 0:
        return None
    add_organiser(session, DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD, actor=actor, demo=True)
    return DEMO_ORGANISER


def verify_organiser(
    database: Database, name: str, password: str, *, now: dt.datetime | None = None
) -> OrganiserAccess:
    """Sign an organiser in by name and password, or refuse in one sentence.

    Guarded: after five wrong passwords in a row for an account, each further try waits
    (`services.house.guard`). A name without an account is guarded and answered the same
    way, so neither the sentence nor the time taken tells which names exist.
    """
    moment = now or guard.now_utc()
    with database.transaction() as session:
        if _count(session) == 0:
            raise AccessRefused(
                _(
                    "This database has no organiser account yet: create one with "
                    "`degenks organiser add NAME` (or in the app's Organisatie)."
                )
            )
        account = _account(session, name)
        if account is not None and not account.active:
            account = None
        outcome = guard.guarded_try(
            session,
            kind=guard.KIND_ORGANISER,
            subject=_subject(account, name),
            now=moment,
            check=lambda: secret_matches(account.password_hash if account else None, password),
            wrong=guard.WrongTry(
                action="organiser.sign_in_failed",
                subject_type="organiser",
                subject_id=account.id if account else None,
                details={} if account else {"known_name": False},
            ),
            waiting=lambda wait: _(
                "Too many wrong passwords in a row for this organiser: wait {wait} and try again."
            ).format(wait=wait),
        )
        access = None
        if outcome.right and account is not None:
            audit.record(
                session,
                action="organiser.signed_in",
                actor=account.name,
                subject_type="organiser",
                subject_id=account.id,
            )
            access = OrganiserAccess(account.id, account.name)
    if access is None:
        if outcome.wait is not None:
            raise AccessRefused(
                _(
                    "That name and password are not an organiser's: wait {wait} before "
                    "the next try."
                ).format(wait=guard.describe_wait(outcome.wait))
            )
        raise AccessRefused(_("That name and password are not an organiser's: try again."))
    return access


def _subject(account: Organiser | None, name: str) -> str:
    """Whom a try is counted for: the account, or a name without one. Such a name is kept
    only as a digest: it may be a password typed into the wrong box."""
    if account is not None:
        return f"id:{account.id}"
    digest = hashlib.sha256(_folded(name).encode("utf-8")).hexdigest()[:32]
    return f"name:{digest}"
