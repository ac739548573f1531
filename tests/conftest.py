"""Fixtures for every test: offscreen Qt, a scratch data folder, and fresh real databases.

Storage and service tests take the `database` fixture, which runs each test on a SQLite
file and, when DEGENKS_TEST_POSTGRES_URL names a server (`.ci/run` starts one), on a
fresh PostgreSQL database too. Both are copied from a template migrated once a session.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

# Before anything imports Qt or platformdirs: no screen, and never the user's own data.
# The offscreen screen is a city laptop's 1366×768 (Qt's own default is 800×800).
LAPTOP_SCREEN = Path(__file__).resolve().parent / "helpers" / "laptop_screen.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
# Under pytest-xdist (`make test` runs two workers) each worker has its own folder inside
# the main process's, so the main process checks and removes all of them at the end.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER and os.environ.get("DEGENKS_TESTS_SCRATCH"):
    _SCRATCH_HOME = Path(os.environ["DEGENKS_TESTS_SCRATCH"]) / _WORKER
    _SCRATCH_HOME.mkdir(parents=True, exist_ok=True)
else:
    _SCRATCH_HOME = Path(tempfile.mkdtemp(prefix="degenks-tests-"))
    os.environ["DEGENKS_TESTS_SCRATCH"] = str(_SCRATCH_HOME)
os.environ["XDG_DATA_HOME"] = str(_SCRATCH_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SCRATCH_HOME / "config")
os.environ.pop("DEGENKS_DB", None)
os.environ["DEGENKS_LANG"] = "nl"

import pytest  # noqa: E402
from sqlalchemy import make_url  # noqa: E402

from degenks_desktop import i18n  # noqa: E402
from degenks_desktop.config import sqlite_url  # noqa: E402
from degenks_desktop.storage.database import Database, open_database  # noqa: E402
from tests.helpers.outage import HaltingServer  # noqa: E402
from tests.helpers.planted import crash_files_holding_planted_data  # noqa: E402

if TYPE_CHECKING:
    from pytest_postgresql.janitor import DatabaseJanitor

POSTGRES_URL_ENV = "DEGENKS_TEST_POSTGRES_URL"
ENGINES = ["sqlite", "postgresql"]
BENCHMARKS = Path(__file__).resolve().parent / "benchmarks"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Benchmarks run under `make bench` (--benchmark-enable) only: in the test suite they
    would cost a minute and measure nothing; fast checks of the same code stand there."""
    in_benchmarks = collection_path == BENCHMARKS or BENCHMARKS in collection_path.parents
    if in_benchmarks and not config.getoption("benchmark_enable"):
        return True
    return None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Every crash file the suite made (the CLI's and the GUI's) holds none of the names,
    e-mails, phone numbers and password the tests planted, else the run fails; then the
    scratch data folder goes. Under pytest-xdist the main process does this, once, over
    every worker's folders (a worker's exit status would not reach the run's)."""
    if _WORKER:
        return
    folders = [_SCRATCH_HOME]
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None:
        folders.append(factory.getbasetemp())
    leaks = crash_files_holding_planted_data(folders)
    if leaks:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for path, values in leaks.items():
            line = f"crash file {path} holds planted personal data or secrets: {values}"
            if reporter is not None:
                reporter.write_line(line, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    del exitstatus
    shutil.rmtree(_SCRATCH_HOME, ignore_errors=True)  # the scratch data folder goes


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives a widget (it takes `qtbot`) as a `gui` test."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def dutch_interface() -> Iterator[None]:
    """Every test starts in the app's default language, Dutch."""
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the latest schema, made once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(sqlite_url(path)).close()
    return path


@pytest.fixture
def sqlite_database_url(sqlite_template: Path, tmp_path: Path) -> str:
    """The URL of a fresh SQLite database at the latest schema."""
    path = tmp_path / "degenks.sqlite"
    shutil.copyfile(sqlite_template, path)
    return sqlite_url(path)


class PostgresServer:
    """The test server: creates databases from a migrated template and drops them again."""

    def __init__(self, url: str) -> None:
        from pytest_postgresql.janitor import DatabaseJanitor  # noqa: PLC0415

        self.url = make_url(url)
        self._janitor_class = DatabaseJanitor
        self.template = f"degenks_template_{uuid.uuid4().hex[:8]}"
        template = self.janitor(self.template, as_template=False)
        template.init()
        open_database(self.url_for(self.template)).close()

    def janitor(
        self, name: str, *, as_template: bool = False, template: str | None = None
    ) -> DatabaseJanitor:
        return self._janitor_class(
            user=self.url.username or "postgres",
            password=self.url.password,
            host=self.url.host or "127.0.0.1",
            port=self.url.port or 5432,
            dbname=name,
            template_dbname=template,
            maintenance_dbname=self.url.database or "postgres",
            as_template=as_template,
        )

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    @staticmethod
    def new_name() -> str:
        return f"degenks_test_{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | None]:
    """The PostgreSQL server named by DEGENKS_TEST_POSTGRES_URL, or None without one."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        yield None
        return
    server = PostgresServer(url)
    yield server
    server.janitor(server.template).drop()


@pytest.fixture
def postgres_database_url(postgres_server: PostgresServer | None) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database at the latest schema."""
    if postgres_server is None:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_URL_ENV} (.ci/run does)")
    name = postgres_server.new_name()
    janitor = postgres_server.janitor(name, template=postgres_server.template)
    janitor.init()
    yield postgres_server.url_for(name)
    janitor.drop()


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest) -> str:
    """A fresh database at the latest schema: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_database_url"))
    return str(request.getfixturevalue("postgres_database_url"))


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An open, empty database at the latest schema, on each engine."""
    opened = open_database(database_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_database(sqlite_database_url: str) -> Iterator[Database]:
    """An open, empty SQLite database, for tests about SQLite itself."""
    opened = open_database(sqlite_database_url)
    yield opened
    opened.close()


@pytest.fixture
def halting_postgres() -> Iterator[HaltingServer]:
    """A PostgreSQL server of this test's own, to stop and start as an outage."""
    server = HaltingServer()
    if not server.available:
        pytest.skip("no PostgreSQL server binaries here (.ci/run installs them)")
    yield server
    server.remove()
