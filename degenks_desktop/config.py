"""Where the app keeps its data and which database it opens.

The database is chosen, first match wins, by `--db`, by the environment variable
`DEGENKS_DB`, by the GUI's saved setting, or else a SQLite file in the user's data folder.
"""

from __future__ import annotations

import hashlib
import math
import os
from pathlib import Path

import platformdirs

APP_NAME = "DeGenksDesktop"
APP_AUTHOR = "StadGenk"
DATABASE_ENV = "DEGENKS_DB"
LANGUAGE_ENV = "DEGENKS_LANG"
BUSY_TIMEOUT_ENV = "DEGENKS_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 5000
# The largest registrations file the import reads, in MB (of 1024 x 1024 bytes); a larger
# one is refused before anything of it is read (services/registrations/files.py).
IMPORT_MAX_MB_ENV = "DEGENKS_IMPORT_MAX_MB"
DEFAULT_IMPORT_MAX_MB = 50
# The desk's name until someone sets it in Settings: the other desks show it ("already
# checked in at Onthaal 1"), and every check-in keeps it. A name, not interface text, so
# not translated: switching the language must not rename a desk in the middle of the day,
# and the desks of the venue all speak of "Onthaal". (The laptop itself is known in the
# audit log by its host name: services/house/audit.station_name.)
DEFAULT_DESK_NAME = "Onthaal 1"
# Fonts, sounds and translations: beside the package in a checkout and in the bundle alike.
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user's data folder for this app (created when missing)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    """Where automatic backup copies go (created when missing)."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def desk_copy_path(database: str) -> Path:
    """The desk's own copy of the day's list, one file per database on this laptop.

    Not per desk name: a desk renamed during an outage keeps its queue (each queued
    check-in carries the desk's name of its own).
    """
    where = hashlib.sha256(database.encode()).hexdigest()[:16]
    folder = data_dir() / "desks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"desk-copy-{where}.sqlite"


def default_database_url() -> str:
    """The built-in SQLite file in the user's data folder."""
    return sqlite_url(data_dir() / "degenks.sqlite")


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for the SQLite file at `path`."""
    return f"sqlite:///{path.resolve()}"


def normalise_database_url(value: str) -> str:
    """Accept a SQLAlchemy URL, a plain PostgreSQL URL or a file path; return a full URL."""
    value = value.strip()
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" not in value:
        return sqlite_url(Path(value).expanduser())
    return value


def resolve_database_url(cli_value: str | None, saved_value: str | None = None) -> str:
    """The database to open: `--db`, then DEGENKS_DB, then the saved setting, then default."""
    for candidate in (cli_value, os.environ.get(DATABASE_ENV), saved_value):
        if candidate:
            return normalise_database_url(candidate)
    return default_database_url()


def busy_timeout_ms() -> int:
    """How long SQLite waits for another writer before giving up."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT_MS)))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def import_max_mb() -> float:
    """The largest registrations file the import reads, in MB: DEGENKS_IMPORT_MAX_MB or 50."""
    try:
        value = float(os.environ.get(IMPORT_MAX_MB_ENV, DEFAULT_IMPORT_MAX_MB))
    except ValueError:
        return DEFAULT_IMPORT_MAX_MB
    # Zero, negative, "nan" or "inf": the default, rather than refusing or taking every file.
    return value if math.isfinite(value) and value > 0 else DEFAULT_IMPORT_MAX_MB
