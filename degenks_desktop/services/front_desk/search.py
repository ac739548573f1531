"""The front desk's name search, and `degenks find`: people found as a clerk types.

Every keystroke at the desk runs `find_participants`, so it reads through an index: on
SQLite the FTS5 trigram table `participant_search` (revision 0004, kept by triggers, so a
walk-in registered a moment ago on another laptop is found at once), on PostgreSQL the
pg_trgm index on `participants.search_key` (revision 0002). Either only narrows the rows
to look at: the same LIKE conditions as without an index decide who is found.

It looks in two steps. First for people with a word that starts with each typed word
(the index holds each key with a space before it, so even two typed letters are a
trigram there: " ja"); those are the desk's best matches. Only when fewer of them than
asked for are found does it look for the typed words anywhere in a word, which for words
of one or two letters means a scan (on SQLite, of revision 0004's narrow table of keys).
When more people match than `CANDIDATE_LIMIT`, the first registered of them are ranked
(read in no order, the index stops early); `domain.search.rank_for` orders what was
read. Two typed letters match hundreds at 10,000 people: the clerk's next letters narrow
them down to all who match, ranked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Row,
    Select,
    Text,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.sql.elements import BindParameter

from degenks_desktop.domain.badge_codes import is_valid_badge_code, normalise_badge_code
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.search import query_words, rank_for
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Day, Event, Participant, Seat, Table

# The people read and ranked per keystroke at most: reading one costs as much as ranking
# them all, and a list of twelve needs no more when hundreds start alike.
CANDIDATE_LIMIT = 100
TRIGRAM = 3  # the shortest text a trigram index can look up
SEARCH_INDEX = "participant_search"
# Revision 0004's two tables on SQLite, each with " " + each person's search key and their
# event under their id: the FTS5 trigram index, and the narrow table a short text scans.
_search_index, _search_keys = (
    table(name, column("rowid", Integer), column("spaced_key", Text), column("event_id", Integer))
    for name in (SEARCH_INDEX, f"{SEARCH_INDEX}_keys")
)
# Whether a SQLite database has the index, asked once per engine (its schema is this
# app's, and every database this version opens went through revision 0004).
_has_index: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()


@dataclass(frozen=True)
class Match:
    """A person found by the search, with what the desk needs to know at a glance."""

    id: int
    first_name: str
    last_name: str
    badge_code: str
    day_id: int | None
    status: RegistrationStatus
    table: int | None
    checked_in: bool
    day_number: int | None = None
    # Set only where two people found share a name: enough of their contact details to
    # ask "is your e-mail a…@telenet.be?". Never a diversity answer: those stay apart.
    tell_apart: str = ""

    @property
    def name(self) -> str:
        """First and last name as written."""
        return f"{self.first_name} {self.last_name}".strip()

    def as_json(self) -> dict[str, Any]:
        """The keys of `degenks find --json` (CLI.md)."""
        return {
            "id": self.id,
            "name": self.name,
            "code": self.badge_code,
            "table": self.table,
            "checked_in": self.checked_in,
            "day": self.day_number,
            "status": self.status.value,
        }


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(key: ColumnElement[str], pattern: str | BindParameter[str]) -> ColumnElement[bool]:
    return key.like(pattern, escape="\\")


def matching_conditions(text: str) -> list[ColumnElement[bool]]:
    """What a person must meet to be found by `text`: a badge code is that code itself,
    anything else every typed word somewhere in their names, e-mail or badge code.

    The one matching of the app: the desk's search and the organisers' list both use it
    (and rank what it finds with `domain.search.rank_for`).
    """
    if is_valid_badge_code(text):
        return [Participant.badge_code == normalise_badge_code(text)]
    return [
        Participant.search_key.like(f"%{_escape_like(word)}%", escape="\\")
        for word in query_words(text)
    ]


def has_search_index(database: Database) -> bool:
    """Whether `database` has the SQLite trigram table of revision 0004 (where FTS5 with
    its trigram tokenizer was there to make it)."""
    engine = database.engine
    if engine.dialect.name != "sqlite":
        return False
    known = _has_index.get(engine)
    if known is None:
        with database.reading() as session:
            found: Row[Any] | None = session.execute(
                select(literal_column("name"))
                .select_from(table("sqlite_master"))
                .where(literal_column("type") == "table", literal_column("name") == SEARCH_INDEX)
            ).first()
        known = _has_index[engine] = found is not None
    return known


# A found person's id, first and last name, e-mail, badge code, day id, status, phone, day
# number, whether checked in and their table (on the day shown), as read for the ranking.
FoundRow = tuple[Any, ...]
# Where the candidates are read: a badge code's person; else SQLite's trigram index, its
# narrow table of keys (scanned, for a text too short for a trigram), or the participants'
# own keys (PostgreSQL, whose trigram index serves them, or a SQLite without FTS5).
CODE, INDEX, KEYS, PEOPLE = range(4)
_people = Participant.__table__
_days = Day.__table__
_check_ins = CheckIn.__table__
_seats = Seat.__table__
_tables = Table.__table__


@lru_cache(maxsize=128)
def _found_statement(
    where: int, *, starts: bool, words: int, phrases: bool, excluding: bool
) -> Select[Any]:
    """The statement that reads the found people's rows, built once per shape (the words'
    patterns, the FTS5 phrases, the badge code, the day shown and the ids read already are
    bound): every keystroke at the desk reuses it as it is, compiled. With `starts`, a
    word of theirs starts with each typed word; else each typed word is anywhere."""
    first_event = select(Event.id).order_by(Event.id).limit(1).scalar_subquery()
    # The day whose check-in and table are shown: the one asked for, else each person's own;
    # at most one active check-in and one seat per person per day, so no row is doubled.
    shown_day = func.coalesce(bindparam("day", type_=Integer), _people.c.day_id)
    statement = select(
        _people.c.id,
        _people.c.first_name,
        _people.c.last_name,
        _people.c.email,
        _people.c.badge_code,
        _people.c.day_id,
        _people.c.status,
        _people.c.phone,
        _days.c.number,
        _check_ins.c.id.is_not(None),
        _tables.c.number,
    ).select_from(
        _people.outerjoin(_days, _days.c.id == _people.c.day_id)
        .outerjoin(
            _check_ins,
            and_(
                _check_ins.c.participant_id == _people.c.id,
                _check_ins.c.day_id == shown_day,
                _check_ins.c.undone_at.is_(None),
            ),
        )
        .outerjoin(
            _seats, and_(_seats.c.participant_id == _people.c.id, _seats.c.day_id == shown_day)
        )
        .outerjoin(_tables, _tables.c.id == _seats.c.table_id)
    )
    if excluding:
        statement = statement.where(_people.c.id.not_in(bindparam("seen", expanding=True)))
    if where == CODE:
        return statement.where(
            _people.c.event_id == first_event, _people.c.badge_code == bindparam("code")
        )
    if where in (INDEX, KEYS):
        # The ids come from SQLite's own tables, where every word starts after a space
        # (one LIKE for a word's start); the people are read by id.
        source = _search_index if where == INDEX else _search_keys
        key = source.c.spaced_key
        found = (
            select(source.c.rowid)
            .where(source.c.event_id == first_event)
            .where(*(_like(key, bindparam(f"word{n}")) for n in range(words)))
            .limit(CANDIDATE_LIMIT)
        )
        if phrases:
            found = found.where(literal_column(SEARCH_INDEX).op("MATCH")(bindparam("phrases")))
        return statement.where(_people.c.id.in_(found.scalar_subquery()))
    # One pass over the participants: a subquery of ids would have PostgreSQL's planner
    # read the table twice.
    search_key = _people.c.search_key
    conditions = [
        or_(_like(search_key, bindparam(f"first{n}")), _like(search_key, bindparam(f"word{n}")))
        if starts  # the key's first word, or one after a space
        else _like(search_key, bindparam(f"word{n}"))
        for n in range(words)
    ]
    return statement.where(_people.c.event_id == first_event, *conditions).limit(CANDIDATE_LIMIT)


def _read(
    connection: Connection,
    where: int,
    words: list[str],
    *,
    starts: bool,
    day_id: int | None,
    seen: list[int] | None = None,
) -> list[FoundRow]:
    """The rows of the people found in `where` by the typed `words` (none of `seen`), with
    their check-in and table on `day_id` (else their own day)."""
    escaped = [_escape_like(word) for word in words]
    spaced = where in (INDEX, KEYS)
    values: dict[str, Any] = {"day": day_id}
    for n, word in enumerate(escaped):
        values[f"word{n}"] = f"% {word}%" if starts else f"%{word}%"
        if starts and not spaced:
            values[f"first{n}"] = f"{word}%"
    # What the trigram index looks up: each typed word long enough (with the space before
    # it when it must start a word), as an FTS5 phrase.
    looked_up = [f" {word}" if starts else word for word in words]
    phrases = ['"' + text.replace('"', '""') + '"' for text in looked_up if len(text) >= TRIGRAM]
    if where == INDEX:
        values["phrases"] = " AND ".join(phrases)
    if seen is not None:
        values["seen"] = seen
    statement = _found_statement(
        where, starts=starts, words=len(words), phrases=where == INDEX, excluding=seen is not None
    )
    return [tuple(row) for row in connection.execute(statement, values)]


def _found_rows(
    connection: Connection, text: str, *, indexed: bool, enough: int, day_id: int | None
) -> list[FoundRow]:
    """The found people's rows, for the ranking: the badge code's person; else those whose
    words start with the typed words, and when fewer than `enough`, those holding them
    anywhere too."""
    if is_valid_badge_code(text):
        statement = _found_statement(CODE, starts=False, words=0, phrases=False, excluding=False)
        found = connection.execute(statement, {"code": normalise_badge_code(text), "day": day_id})
        return [tuple(row) for row in found]
    words = query_words(text)
    # The index where it looks something up: the start of a word needs two typed letters
    # (" ja"), a word anywhere three; a shorter text scans the narrow table of keys.
    longest = max(len(word) for word in words)
    where = PEOPLE if not indexed else INDEX if longest >= 2 else KEYS
    rows = _read(connection, where, words, starts=True, day_id=day_id)
    if len(rows) < enough:
        # Few start a word with it: the desk's list has room for those holding it inside
        # a word (a scan where a typed word is shorter than a trigram).
        where = PEOPLE if not indexed else INDEX if longest >= TRIGRAM else KEYS
        seen = [row[0] for row in rows]
        rows += _read(connection, where, words, starts=False, day_id=day_id, seen=seen)
    return rows


def find_participants(
    database: Database, text: str, *, day_id: int | None = None, limit: int = 20
) -> list[Match]:
    """People whose names, e-mail or badge code contain every typed word, best first.

    `day_id` says which day's table and check-in to show; by default each person's own day.
    """
    words = query_words(text)
    if not words:
        return []
    # Every keystroke at the desk runs this: the candidates with their check-in and table
    # read through the index in one statement (two when few start a word with what was
    # typed), each built once and compiled once, and the typed text folded once for the
    # ranking.
    rank = rank_for(text)
    indexed = has_search_index(database)
    with database.reading() as session:
        rows = _found_rows(session.connection(), text, indexed=indexed, enough=limit, day_id=day_id)
    ranked = sorted(rows, key=lambda row: rank(row[1], row[2], row[3], row[4]))[:limit]
    names = Counter(fold(f"{row[1]} {row[2]}") for row in ranked)
    matches = []
    for row in ranked:
        person_id, first, last, email, code, own_day, status, phone, day_number = row[:9]
        checked_in, table_number = row[9:]
        namesake = names[fold(f"{first} {last}")] > 1
        matches.append(
            Match(
                id=person_id,
                first_name=first,
                last_name=last,
                badge_code=code,
                day_id=own_day,
                status=RegistrationStatus(status),
                table=table_number,
                checked_in=bool(checked_in),
                day_number=day_number,
                tell_apart=contact_hint(email, phone) if namesake else "",
            )
        )
    return matches


def contact_hint(email: str | None, phone: str | None) -> str:
    """A glimpse of someone's contact details to tell namesakes apart: the e-mail's first
    letter and domain ("a…@telenet.be"), else the phone's last four digits."""
    if email and "@" in email:
        local, domain = email.split("@", 1)
        return f"{local[:1]}…@{domain}"
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return f"…{digits[-4:-2]} {digits[-2:]}" if len(digits) >= 4 else ""
