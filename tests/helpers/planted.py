"""Personal data and a secret that tests plant where a bug could pick them up: the suite
then looks for them in every crash file it produced (tests/conftest.py), and finds none."""

from __future__ import annotations

from pathlib import Path

PLANTED_NAME = "Ayşe Yılmaz"
PLANTED_EMAIL = "ayse@example.org"
PLANTED_PHONE = "+32 470 12 34 56"
PLANTED_PASSWORD = "Pl4nted-geheim"
PLANTED = (*PLANTED_NAME.split(), PLANTED_EMAIL, PLANTED_PHONE, PLANTED_PASSWORD)


def planted_url() -> str:
    """A PostgreSQL address with the planted password, on a port where nothing listens."""
    return f"postgresql+psycopg://degenks:{PLANTED_PASSWORD}@127.0.0.1:9/g360"


def crash_files_holding_planted_data(folders: list[Path]) -> dict[Path, list[str]]:
    """Every crash file under `folders` that holds any planted value, with those values."""
    found: dict[Path, list[str]] = {}
    for folder in folders:
        for path in folder.rglob("crash-*.txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            leaked = [value for value in PLANTED if value in text]
            if leaked:
                found[path] = leaked
    return found
