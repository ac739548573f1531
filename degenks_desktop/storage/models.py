"""The data model of the day in SQLAlchemy 2.x typed ORM.

Constraints live in the database itself, so that no front door (GUI, CLI, a second
laptop) can store a wrong state: one active check-in per person per day, unique badge
codes, one seat per person per day at a table of that same day, and audit entries that
can only be added (enforced by triggers created in the first migration).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from degenks_desktop.domain.profiles import PROFILE_ANSWER_FIELDS, ProfileAnswers
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.search import search_key
from degenks_desktop.domain.uids import new_uid

# Named constraints let Alembic alter them later, on SQLite too.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    """The current moment, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment stored in UTC and read back timezone-aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:  # noqa: ARG002
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:  # noqa: ARG002
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    """Base of every table of the app."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(Base):
    """One participation event, such as the G360."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    days: Mapped[list[Day]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Day.number"
    )
    themes: Mapped[list[Theme]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Theme.position"
    )

    __table_args__ = (CheckConstraint("length(name) > 0", name="name_not_empty"),)


class Day(Base):
    """A day of the event (the G360 had two)."""

    __tablename__ = "days"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time | None] = mapped_column(default=None)

    event: Mapped[Event] = relationship(back_populates="days")

    __table_args__ = (
        UniqueConstraint("event_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )


class Theme(Base):
    """A theme and its "hoe kunnen we" question; participants choose one."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    question: Mapped[str] = mapped_column(Text)
    colour: Mapped[str] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="themes")

    __table_args__ = (
        UniqueConstraint("event_id", "code"),
        CheckConstraint("colour LIKE '#%' AND length(colour) = 7", name="colour_is_hex"),
    )


class Neighbourhood(Base):
    """A neighbourhood ("wijk") of the city, as the event lists them."""

    __tablename__ = "neighbourhoods"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))

    __table_args__ = (UniqueConstraint("event_id", "name"),)


class Facilitator(Base):
    """A table facilitator ("tafelbegeleider"), a member of city staff."""

    __tablename__ = "facilitators"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), default=None)
    pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)


class Table(Base):
    """A table at a theme on one day, with its facilitator."""

    __tablename__ = "tables"

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("days.id", ondelete="CASCADE"))
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("facilitators.id", ondelete="SET NULL"), default=None
    )

    theme: Mapped[Theme] = relationship()
    day: Mapped[Day] = relationship()
    facilitator: Mapped[Facilitator | None] = relationship()

    __table_args__ = (
        UniqueConstraint("day_id", "number"),
        # Lets seats refer to (table, day) so that a seat's table is always on its day.
        UniqueConstraint("id", "day_id", name="uq_tables_id_day"),
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        CheckConstraint("number >= 1", name="number_positive"),
    )


class Participant(Base):
    """A citizen who registered or walked in; the diversity answers live in `Profile`."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), default=None)
    phone: Mapped[str | None] = mapped_column(String(50), default=None)
    language: Mapped[str] = mapped_column(String(10), default="nl")
    language_need: Mapped[str | None] = mapped_column(String(200), default=None)
    desk_note: Mapped[str | None] = mapped_column(String(500), default=None)
    day_id: Mapped[int | None] = mapped_column(
        ForeignKey("days.id", ondelete="SET NULL"), default=None
    )
    first_theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), default=None
    )
    second_theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), default=None
    )
    status: Mapped[RegistrationStatus] = mapped_column(
        Enum(
            RegistrationStatus,
            name="registration_status",
            values_callable=lambda statuses: [status.value for status in statuses],
            native_enum=False,
            create_constraint=True,
            length=20,
        ),
        default=RegistrationStatus.REGISTERED,
    )
    badge_code: Mapped[str] = mapped_column(String(16), unique=True)
    profile_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(40), default="manual")
    # People with the same label sit together (an interpreter and the person they
    # whisper for, a parent and child).
    stay_with: Mapped[str | None] = mapped_column(String(40), default=None)
    # The postal address, for the postcard weeks after the day (revision 0007); only used
    # when the person agreed to be contacted afterwards.
    street: Mapped[str | None] = mapped_column(String(200), default=None)
    postcode: Mapped[str | None] = mapped_column(String(20), default=None)
    town: Mapped[str | None] = mapped_column(String(100), default=None)
    contact_consent: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false")
    )
    registered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    # Folded names, e-mail and badge code for the front desk's search; kept up to date by
    # the listener at the end of this module, never written by hand.
    search_key: Mapped[str] = mapped_column(Text, default="")

    # Counts the saves of this row; SQLAlchemy compares it on every UPDATE (optimistic
    # locking), so of two laptops saving the same person at once the later one fails.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    day: Mapped[Day | None] = relationship()
    profile: Mapped[Profile | None] = relationship(cascade="all, delete-orphan", uselist=False)
    first_theme: Mapped[Theme | None] = relationship(foreign_keys=[first_theme_id])
    second_theme: Mapped[Theme | None] = relationship(foreign_keys=[second_theme_id])

    __table_args__ = (
        CheckConstraint("length(first_name) > 0 OR length(last_name) > 0", name="has_a_name"),
        CheckConstraint("length(badge_code) >= 8", name="badge_code_length"),
        Index("ix_participants_event_last_name", "event_id", "last_name"),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's own hook

    @property
    def full_name(self) -> str:
        """First and last name as the person wrote them."""
        return f"{self.first_name} {self.last_name}".strip()


class Profile(Base):
    """A participant's diversity-matrix answers: optional, given with consent, kept apart.

    No name or contact detail is stored here; only the participant id links the two.
    """

    __tablename__ = "profiles"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    gender: Mapped[str | None] = mapped_column(String(20), default=None)
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)
    origin: Mapped[str | None] = mapped_column(String(40), default=None)
    education: Mapped[str | None] = mapped_column(String(40), default=None)
    neighbourhood: Mapped[str | None] = mapped_column(String(100), default=None)
    work_situation: Mapped[str | None] = mapped_column(String(40), default=None)
    years_in_genk: Mapped[str | None] = mapped_column(String(20), default=None)
    consent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (
        CheckConstraint(
            "birth_year IS NULL OR (birth_year > 1900 AND birth_year < 2100)",
            name="birth_year_plausible",
        ),
    )

    @classmethod
    def from_answers(cls, answers: ProfileAnswers) -> Profile:
        """A profile row holding `answers` (the caller checked consent)."""
        return cls(**{name: getattr(answers, name) for name in PROFILE_ANSWER_FIELDS})

    def answers(self) -> ProfileAnswers:
        """The stored answers as the domain knows them."""
        return ProfileAnswers(**{name: getattr(self, name) for name in PROFILE_ANSWER_FIELDS})


class WatchedCategory(Base):
    """A diversity-matrix category the organisers watch for this event, in their order."""

    __tablename__ = "watched_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("event_id", "category"),)


class DiversityTarget(Base):
    """The share of the population a value of a category should have (the city's figures)."""

    __tablename__ = "diversity_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(100))
    share: Mapped[float] = mapped_column(Float)
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        UniqueConstraint("event_id", "category", "value"),
        CheckConstraint("share >= 0 AND share <= 1", name="share_is_a_fraction"),
    )


class DrawSettings(Base):
    """What a day's draw asks: its places, waiting list, households rule and quotas.

    `quotas` is a JSON list of {"category", "value", "minimum", "maximum"}: the
    organisers' own figures, proposed from the targets and edited on the Selectie page.
    """

    __tablename__ = "draw_settings"

    day_id: Mapped[int] = mapped_column(ForeignKey("days.id", ondelete="CASCADE"), primary_key=True)
    places: Mapped[int] = mapped_column(Integer)
    waiting_list: Mapped[int] = mapped_column(Integer, default=0)
    households_together: Mapped[bool] = mapped_column(Boolean, default=True)
    tolerance: Mapped[float] = mapped_column(Float, default=0.2)
    quotas: Mapped[str] = mapped_column(Text, default="[]")

    __table_args__ = (
        CheckConstraint("places >= 1", name="places_positive"),
        CheckConstraint("waiting_list >= 0", name="waiting_list_not_negative"),
    )


class Draw(Base):
    """One draw of a day: how it was done (seed, algorithm, quotas), so that it can be
    told on the report's method page and done again by anyone with the same seed."""

    __tablename__ = "draws"

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("days.id", ondelete="CASCADE"))
    seed: Mapped[int] = mapped_column(Integer)
    algorithm: Mapped[str] = mapped_column(String(20))
    places: Mapped[int] = mapped_column(Integer)
    registered: Mapped[int] = mapped_column(Integer)
    quotas: Mapped[str] = mapped_column(Text)
    households_together: Mapped[bool] = mapped_column(Boolean)
    lowest_probability: Mapped[float] = mapped_column(Float)
    seconds: Mapped[float] = mapped_column(Float)
    drawn_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    drawn_by: Mapped[str] = mapped_column(String(100), default="")


class DrawOutcome(Base):
    """Where a registrant came out of a draw: selected, waiting (with position) or not
    selected, and the chance the draw gave them."""

    __tablename__ = "draw_outcomes"

    draw_id: Mapped[int] = mapped_column(
        ForeignKey("draws.id", ondelete="CASCADE"), primary_key=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    outcome: Mapped[str] = mapped_column(String(20))
    waiting_position: Mapped[int | None] = mapped_column(Integer, default=None)
    probability: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(60))
    moved_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)

    __table_args__ = (
        CheckConstraint("outcome IN ('selected', 'waiting', 'not_selected')", name="outcome_known"),
        CheckConstraint("probability >= 0 AND probability <= 1", name="probability_is_a_fraction"),
        Index("ix_draw_outcomes_participant", "participant_id"),
    )


class ImportMapping(Base):
    """Which column means what, remembered per set of column names for the next file."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (UniqueConstraint("event_id", "signature"),)


class CheckIn(Base):
    """A person arriving on a day at a desk; undone by marking it, never by deleting it."""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    day_id: Mapped[int] = mapped_column(ForeignKey("days.id", ondelete="CASCADE"))
    desk: Mapped[str] = mapped_column(String(100))
    checked_in_by: Mapped[str] = mapped_column(String(100), default="")
    checked_in_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    undone_by: Mapped[str | None] = mapped_column(String(100), default=None)
    undo_reason: Mapped[str | None] = mapped_column(String(500), default=None)

    participant: Mapped[Participant] = relationship()

    __table_args__ = (
        # One active check-in per person per day, in the database itself.
        Index(
            "uq_check_ins_active_per_day",
            "participant_id",
            "day_id",
            unique=True,
            sqlite_where=text("undone_at IS NULL"),
            postgresql_where=text("undone_at IS NULL"),
        ),
    )


class Duo(Base):
    """A pair (or, at a table with an odd count, one trio) brainstorming together."""

    __tablename__ = "duos"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("table_id", "number"),)


class Seat(Base):
    """A participant's place at a table on a day, and their duo there."""

    __tablename__ = "seats"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    day_id: Mapped[int] = mapped_column(ForeignKey("days.id", ondelete="CASCADE"))
    table_id: Mapped[int] = mapped_column(Integer)
    duo_id: Mapped[int | None] = mapped_column(
        # Indexed: deleting a day's duos looks up who points at each (revision 0005).
        ForeignKey("duos.id", ondelete="SET NULL"),
        default=None,
        index=True,
    )
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    seated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    table: Mapped[Table] = relationship(viewonly=True)

    __table_args__ = (
        UniqueConstraint("participant_id", "day_id", name="uq_seats_one_per_day"),
        ForeignKeyConstraint(
            ["table_id", "day_id"],
            ["tables.id", "tables.day_id"],
            name="fk_seats_table_on_same_day",
            ondelete="CASCADE",
        ),
    )


class Idea(Base):
    """An idea of a duo at a table; deleted softly, merged into another by a link."""

    __tablename__ = "ideas"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    duo_id: Mapped[int | None] = mapped_column(
        # Indexed: deleting a day's duos looks up who points at each (revision 0005).
        ForeignKey("duos.id", ondelete="SET NULL"),
        default=None,
        index=True,
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("ideas.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (CheckConstraint("length(text) > 0", name="text_not_empty"),)


class Vote(Base):
    """Dots given to an idea: a tally typed from the stickers, or one participant's dots."""

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), default=None
    )
    dots: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (CheckConstraint("dots >= 0", name="dots_not_negative"),)


class Selection(Base):
    """A table's ten best ideas, how a tie across place ten was settled, and its lock."""

    __tablename__ = "selections"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), unique=True)
    tie_rule: Mapped[str | None] = mapped_column(String(40), default=None)
    tie_reason: Mapped[str | None] = mapped_column(Text, default=None)
    locked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    locked_by: Mapped[str | None] = mapped_column(String(100), default=None)


class SelectedIdea(Base):
    """One idea among a table's selected ten, with its place."""

    __tablename__ = "selected_ideas"

    selection_id: Mapped[int] = mapped_column(
        ForeignKey("selections.id", ondelete="CASCADE"), primary_key=True
    )
    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True
    )
    rank: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("rank >= 1", name="rank_positive"),)


class Concept(Base):
    """A selected idea worked out: what I, we and the city can do, and the first step."""

    __tablename__ = "concepts"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    what_is_alive: Mapped[str] = mapped_column(Text, default="")
    what_i_can_do: Mapped[str] = mapped_column(Text, default="")
    what_we_can_do: Mapped[str] = mapped_column(Text, default="")
    what_the_city_can_do: Mapped[str] = mapped_column(Text, default="")
    first_step: Mapped[str] = mapped_column(Text, default="")
    who_is_needed: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class ConceptIdea(Base):
    """Links a concept back to the ideas it grew from."""

    __tablename__ = "concept_ideas"

    concept_id: Mapped[int] = mapped_column(
        ForeignKey("concepts.id", ondelete="CASCADE"), primary_key=True
    )
    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True
    )


class IdeaCluster(Base):
    """Ideas of one theme, from all its tables, that say the same or nearly the same.

    Proposed by the clustering (`domain/idea_clusters.py`) and then the theme team's own:
    renamed, merged, split, marked as a key or a barrier, summarised.
    """

    __tablename__ = "idea_clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    # False while the title is the proposed one (its most central idea), so that a
    # change of members may propose a better one; True once the team wrote their own.
    title_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str | None] = mapped_column(String(10), default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (
        CheckConstraint("kind IS NULL OR kind IN ('key', 'barrier')", name="kind_known"),
        CheckConstraint("length(title) > 0", name="title_not_empty"),
        Index("ix_idea_clusters_theme", "theme_id"),
    )


class IdeaClusterMember(Base):
    """An idea's place in a cluster; the key on the idea keeps it in one cluster at most."""

    __tablename__ = "idea_cluster_members"

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True
    )
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("idea_clusters.id", ondelete="CASCADE"), index=True
    )


class ThemeSynthesis(Base):
    """When a theme's ideas were last grouped, and with which threshold."""

    __tablename__ = "theme_syntheses"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
    threshold: Mapped[float] = mapped_column(Float)
    clustered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    clustered_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (
        CheckConstraint("threshold > 0 AND threshold <= 2", name="threshold_in_range"),
    )


class FollowUpDestination(Base):
    """Where ideas go after the day: a policy domain or a service, as the organisers list them."""

    __tablename__ = "follow_up_destinations"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("event_id", "name"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
    )


FOLLOW_UP_STATUS_CHECK = "status IN ('received', 'under_study', 'in_plan', 'not_taken_up', 'done')"


class FollowUp(Base):
    """What became of one selected idea or one concept: where it went and where it stands.

    The row holds the present; every change also adds a `FollowUpStep`, the history.
    """

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), default=None, unique=True
    )
    concept_id: Mapped[int | None] = mapped_column(
        ForeignKey("concepts.id", ondelete="CASCADE"), default=None, unique=True
    )
    destination_id: Mapped[int | None] = mapped_column(
        ForeignKey("follow_up_destinations.id", ondelete="SET NULL"), default=None
    )
    status: Mapped[str] = mapped_column(String(20), default="received")
    explanation: Mapped[str] = mapped_column(Text, default="")
    status_on: Mapped[dt.date] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (
        CheckConstraint("(idea_id IS NULL) <> (concept_id IS NULL)", name="one_idea_or_concept"),
        CheckConstraint(FOLLOW_UP_STATUS_CHECK, name="status_known"),
    )


class FollowUpStep(Base):
    """One change in a follow-up's history: the status, where, why, from which date."""

    __tablename__ = "follow_up_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(
        ForeignKey("follow_ups.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    # The destination's name as it was then, so the history reads the same after a rename.
    destination: Mapped[str] = mapped_column(String(200), default="")
    explanation: Mapped[str] = mapped_column(Text, default="")
    status_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (CheckConstraint(FOLLOW_UP_STATUS_CHECK, name="status_known"),)


class Commitment(Base):
    """What a participant will do themselves ("wat ga ik zelf doen?"), written at the end
    of their table's session or typed later from the printed card."""

    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    day_id: Mapped[int] = mapped_column(ForeignKey("days.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(100), default="")
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (
        UniqueConstraint("participant_id", "day_id"),
        CheckConstraint("length(text) > 0", name="text_not_empty"),
    )


class FollowUpSettings(Base):
    """The event's settings for the weeks after: the follow-up report's link and the
    date the postcards carry."""

    __tablename__ = "follow_up_settings"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    report_link: Mapped[str] = mapped_column(String(300), default="")
    postcards_on: Mapped[dt.date | None] = mapped_column(Date, default=None)


class BadgePrint(Base):
    """A badge printed for someone: the log that stops accidental doubles at the desk."""

    __tablename__ = "badge_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    printed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    desk: Mapped[str] = mapped_column(String(100), default="")
    station: Mapped[str] = mapped_column(String(100), default="")
    reprint_reason: Mapped[str | None] = mapped_column(String(300), default=None)

    __table_args__ = (Index("ix_badge_prints_participant", "participant_id"),)


class Organiser(Base):
    """An organiser's account: a name and a password (an argon2id hash, as the PINs)."""

    __tablename__ = "organisers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class GuardedTries(Base):
    """Wrong PINs or passwords in a row for one table or account (`kind`, `subject`), and
    until when the next try waits: kept here so that restarting the app resets nothing."""

    __tablename__ = "guarded_tries"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(100))
    wrong_in_a_row: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_wrong_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    wait_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)

    __table_args__ = (UniqueConstraint("kind", "subject"),)


class AuditEntry(Base):
    """A change made on the day: who, where, when, what. Only ever added (triggers)."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(100), default="")
    station: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(100))
    subject_type: Mapped[str] = mapped_column(String(50), default="")
    subject_id: Mapped[int | None] = mapped_column(Integer, default=None)
    details: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (Index("ix_audit_entries_subject", "subject_type", "subject_id"),)


@event.listens_for(Participant, "before_insert")
@event.listens_for(Participant, "before_update")
def _refresh_search_key(
    _mapper: Mapper[Participant], _connection: Any, target: Participant
) -> None:
    """Keep the folded search text in step with the names, e-mail and badge code."""
    target.search_key = search_key(
        target.first_name, target.last_name, target.email, target.badge_code
    )
