"""Every font of every PDF the app prints is embedded, as print shops demand (pdffonts)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.badge_formats import FORMATS
from degenks_desktop.services.printing.badges import badges_to_print, render_badges
from degenks_desktop.services.printing.documents import (
    letters_to_print,
    render_facilitator_packs,
    render_letters,
    render_table_signs,
    tables_to_print,
)
from degenks_desktop.storage.database import Database
from tests.helpers.pdfs import pdf_fonts

pytestmark = pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed"
)


def kinds(database: Database) -> dict[str, Callable[[Path], object]]:
    """One maker per kind of PDF the app produces."""
    badges = badges_to_print(database)
    tables = tables_to_print(database)
    event, letters = letters_to_print(database)
    return {
        "badge at the desk": lambda path: render_badges(badges[:1], path, FORMATS["a6"]),
        "badge sheets": lambda path: render_badges(badges, path, FORMATS["a4-8"]),
        "label": lambda path: render_badges(badges[:3], path, FORMATS["label-89x36"]),
        "table signs": lambda path: render_table_signs(tables, path),
        "facilitator packs": lambda path: render_facilitator_packs(tables, path),
        "letters": lambda path: render_letters(event, letters[:5], path),
    }


def test_no_pdf_names_a_font_it_does_not_carry(sqlite_database: Database, tmp_path: Path) -> None:
    create_demo_event(sqlite_database, participants=40)
    for kind, make in kinds(sqlite_database).items():
        path = tmp_path / f"{kind}.pdf"
        make(path)
        fonts = pdf_fonts(path)
        assert fonts, kind  # text was drawn at all
        assert [name for name, embedded in fonts.items() if not embedded] == [], kind


def test_a_badge_in_memory_embeds_its_fonts_too(sqlite_database: Database, tmp_path: Path) -> None:
    create_demo_event(sqlite_database, participants=5)
    out = io.BytesIO()
    render_badges(badges_to_print(sqlite_database)[:1], out, FORMATS["roll-62"])
    path = tmp_path / "badge.pdf"
    path.write_bytes(out.getvalue())
    assert set(pdf_fonts(path).values()) == {True}
