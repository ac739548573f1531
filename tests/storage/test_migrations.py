"""Schema migrations: from empty, upgrade after a backup, refusal of a newer or foreign schema."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from degenks_desktop.config import sqlite_url
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.front_desk.search import find_participants, has_search_index
from degenks_desktop.storage import migrations
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Base, CheckIn, Participant
from tests.conftest import POSTGRES_URL_ENV, PostgresServer
from tests.helpers.events import SmallEvent, add_small_event
from tests.helpers.schema import stamp_unknown_revision

SECOND_REVISION = '''
"""A later revision, as a future version of the app would add."""
import sqlalchemy as sa
from alembic import op

revision = "postcards"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participants") as batch_op:
        batch_op.add_column(sa.Column("postcard_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("participants") as batch_op:
        batch_op.drop_column("postcard_text")
'''


def test_a_new_database_gets_the_whole_schema(database: Database) -> None:
    with database.engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.latest_revision()
        context = MigrationContext.configure(
            connection, opts={"include_object": migrations.include_in_comparison}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_opening_twice_changes_nothing(sqlite_database_url: str) -> None:
    open_database(sqlite_database_url).close()
    engine = open_database(sqlite_database_url).engine
    with engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.latest_revision()
    engine.dispose()
    backups = list(
        Path(sqlite_database_url.removeprefix("sqlite:///")).parent.glob("*before-upgrade*")
    )
    assert backups == []


def test_a_database_from_a_newer_app_is_refused_and_left_alone(database_url: str) -> None:
    stamp_unknown_revision(database_url, "9999_future")
    with pytest.raises(DatabaseUnavailable, match="nieuwere versie"):
        open_database(database_url)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        assert migrations.current_revision(connection) == "9999_future"
    engine.dispose()


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    with pytest.raises(DatabaseUnavailable, match="ander programma"):
        open_database(sqlite_url(path))
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["recipes"]


def test_an_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    scripts = tmp_path / "db"
    shutil.copytree(
        migrations.DEFAULT_SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    head = migrations.latest_revision()
    (scripts / "versions" / "future_postcards.py").write_text(
        SECOND_REVISION.format(head=head), encoding="utf-8"
    )
    path = tmp_path / "event.sqlite"
    old = open_database(sqlite_url(path))
    small = add_small_event(old)
    old.close()

    upgraded = open_database(sqlite_url(path), script_location=scripts)
    with upgraded.engine.connect() as connection:
        assert migrations.current_revision(connection) == "postcards"
        columns = {c["name"] for c in inspect(connection).get_columns("participants")}
        names = connection.execute(text("SELECT first_name FROM participants ORDER BY id")).all()
    upgraded.close()
    assert "postcard_text" in columns
    assert [row[0] for row in names] == ["Ayşe", "Jan", "Γιώργος"]

    backups = list(tmp_path.glob(f"event.before-upgrade-{head}-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        revision = backup.execute("SELECT version_num FROM alembic_version").fetchone()
        people = backup.execute("SELECT count(*) FROM participants").fetchone()
    backup.close()
    assert revision == (head,)
    assert people == (len(small.participant_ids),)


def test_the_newest_revision_is_read_from_the_files_as_alembic_reads_it(tmp_path: Path) -> None:
    """The start of the day asks the migration files, not Alembic, whether the database is
    at the newest revision: both must name the same one, also after a later revision."""
    assert migrations.latest_revision_from_files() == migrations.latest_revision()
    scripts = tmp_path / "db"
    shutil.copytree(
        migrations.DEFAULT_SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    (scripts / "versions" / "future_postcards.py").write_text(
        SECOND_REVISION.format(head=migrations.latest_revision()), encoding="utf-8"
    )
    assert migrations.latest_revision_from_files(scripts) == "postcards"
    assert migrations.latest_revision(scripts) == "postcards"


def test_a_database_at_the_newest_revision_is_known_as_such(
    database: Database, tmp_path: Path
) -> None:
    assert migrations.schema_is_current(database.engine)
    scripts = tmp_path / "db"
    shutil.copytree(
        migrations.DEFAULT_SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    (scripts / "versions" / "future_postcards.py").write_text(
        SECOND_REVISION.format(head=migrations.latest_revision()), encoding="utf-8"
    )
    assert not migrations.schema_is_current(database.engine, scripts)


def _older_database_with_people(url: str, revision: str, *, checked_in: bool = False) -> SmallEvent:
    """A database at `revision` that already holds the small event's people.

    The people are added with today's models at the newest revision, then the database is
    taken down to `revision` by the migrations' own downgrades: an old schema cannot take
    rows from models that have columns it lacks.
    """
    engine = create_engine(url)
    config = migrations.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()
    current = Database(create_engine(url))
    small = add_small_event(current)
    if checked_in:
        check_in_participant(current, small.participant_ids[0], desk="A")
    current.close()
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()
    return small


def test_an_older_sqlite_database_gets_the_name_search_index_with_its_people(
    tmp_path: Path,
) -> None:
    """A database from before revision 0004 holds people already: the upgrade puts them in
    the search index, and the triggers keep it from then on."""
    path = tmp_path / "event.sqlite"
    small = _older_database_with_people(sqlite_url(path), "0003")

    upgraded = open_database(sqlite_url(path))
    try:
        assert has_search_index(upgraded)
        with upgraded.reading() as session:
            for table in ("participant_search", "participant_search_keys"):
                indexed = session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                assert indexed == len(small.participant_ids)
        assert [m.first_name for m in find_participants(upgraded, "ayse")] == ["Ayşe"]
    finally:
        upgraded.close()


@pytest.fixture
def postgres_empty_url(postgres_server: PostgresServer | None) -> Iterator[str]:
    """An empty PostgreSQL database (no schema), for upgrading from an old revision."""
    if postgres_server is None:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_URL_ENV} (.ci/run does)")
    name = postgres_server.new_name()
    janitor = postgres_server.janitor(name)
    janitor.init()
    yield postgres_server.url_for(name)
    janitor.drop()


@pytest.mark.parametrize("engine_name", ["sqlite", "postgresql"])
def test_a_database_from_before_the_draw_takes_the_new_status_and_keeps_its_people(
    engine_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Revision 0006 widens the status check in place (SQLite cannot alter a CHECK): the
    people, their check-in and the search index stay, `not_selected` is taken, and a
    status nobody knows is still refused."""
    if engine_name == "sqlite":
        url = sqlite_url(tmp_path / "event.sqlite")
    else:
        url = str(request.getfixturevalue("postgres_empty_url"))
    small = _older_database_with_people(url, "0005", checked_in=True)

    upgraded = open_database(url)
    try:
        with upgraded.transaction() as session:
            person = session.get(Participant, small.participant_ids[1])
            assert person is not None
            person.status = RegistrationStatus.NOT_SELECTED
        with upgraded.reading() as session:
            assert session.scalar(select(func.count()).select_from(CheckIn)) == 1
        assert [m.first_name for m in find_participants(upgraded, "ayse")] == ["Ayşe"]
        with pytest.raises(IntegrityError), upgraded.engine.begin() as connection:
            connection.execute(
                text("UPDATE participants SET status = 'lost' WHERE id = :id"),
                {"id": small.participant_ids[2]},
            )
    finally:
        upgraded.close()


@pytest.mark.parametrize("engine_name", ["sqlite", "postgresql"])
def test_a_database_from_before_the_weeks_after_keeps_its_people_and_asks_no_consent(
    engine_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Revision 0007 adds the address and the consent to be contacted: people already
    registered have no address and have not agreed to be contacted (nobody is sent a
    postcard they never asked for), and their check-in and the search index stay."""
    if engine_name == "sqlite":
        url = sqlite_url(tmp_path / "event.sqlite")
    else:
        url = str(request.getfixturevalue("postgres_empty_url"))
    small = _older_database_with_people(url, "0006", checked_in=True)

    upgraded = open_database(url)
    try:
        with upgraded.reading() as session:
            people = session.scalars(select(Participant)).all()
            assert len(people) == len(small.participant_ids)
            assert not any(person.contact_consent for person in people)
            assert {person.street for person in people} == {None}
            assert session.scalar(select(func.count()).select_from(CheckIn)) == 1
        assert [m.first_name for m in find_participants(upgraded, "ayse")] == ["Ayşe"]
    finally:
        upgraded.close()
