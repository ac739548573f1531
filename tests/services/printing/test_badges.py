"""Badge PDFs read back as a person and a scanner would: QR codes, names, nothing cut off."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.names import LONG_NAMES
from degenks_desktop.demo.plan import plan_demo_event
from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.badge_formats import FORMATS, custom_format
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.printing.badges import BadgeData, badges_to_print, render_badges
from degenks_desktop.services.printing.fonts import missing_glyphs
from degenks_desktop.storage.database import Database

EXTREME_NAMES = [
    ("Ayşe", "Yılmaz"),
    ("İbrahim Halil", "Öztürk-Karaağaçlıoğlu"),
    ("Γιώργος", "Παπαδόπουλος"),
    ("محمد", "العلوي"),
    ("Maria Dolores Esperanza", "Fernández de la Peña-Vanderstraeten"),
    ("W", "X"),
    ("Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww", "Ö" * 60),
    ("Jean-Pierre-Marie-Louise-Françoise", "Van den Bossche-D'Alessandro"),
    ("Łukasz", "Wiśniewski"),
    ("", "Zonder Voornaam"),
]


def badge(first: str, last: str, seed: int, table: int | None = 12) -> BadgeData:
    return BadgeData(
        first_name=first,
        last_name=last,
        badge_code=new_badge_code(random.Random(seed)),
        day_number=1,
        day_date=None,
        table_number=table,
        theme_name="Wonen",
        theme_colour="#C0392B",
    )


def extreme_badges() -> list[BadgeData]:
    return [badge(first, last, seed) for seed, (first, last) in enumerate(EXTREME_NAMES)]


def decode_pages(pdf: Path) -> list[str]:
    """Render every page at 200 dpi (PDFium, as a browser would) and decode its QR codes."""
    codes = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=200 / 72).to_pil()
        codes += [result.text for result in zxingcpp.read_barcodes(image)]
    document.close()
    return codes


def test_every_qr_code_on_a_sheet_scans_to_its_badge_code(tmp_path: Path) -> None:
    badges = extreme_badges()
    pdf = tmp_path / "badges.pdf"
    render_badges(badges, pdf, FORMATS["a4-8"])
    assert sorted(decode_pages(pdf)) == sorted(b.badge_code for b in badges)


@pytest.mark.parametrize("layout", ["a6", "label-89x36", "roll-62"])
def test_qr_codes_scan_on_every_layout(tmp_path: Path, layout: str) -> None:
    badges = extreme_badges()[:3]
    pdf = tmp_path / f"{layout}.pdf"
    render_badges(badges, pdf, FORMATS[layout])
    assert sorted(decode_pages(pdf)) == sorted(b.badge_code for b in badges)


def test_the_names_are_in_the_pdf_as_written(tmp_path: Path) -> None:
    pdf = tmp_path / "badges.pdf"
    render_badges(extreme_badges(), pdf, FORMATS["a6"])
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    text = text.replace("-\n", "-")  # a double name wrapped at its hyphen reads as one
    for name in (
        "Ayşe",
        "Yılmaz",
        "Γιώργος",
        "Παπαδόπουλος",
        "Łukasz",
        "Wiśniewski",
        "Öztürk-Karaağaçlıoğlu",
    ):
        assert name in text, name
    # Arabic is drawn shaped and in visual order; read back it is the same letters.
    shaped = unicodedata.normalize("NFKC", text)
    for name in ("محمد", "العلوي"):
        assert name in shaped or name[::-1] in shaped, name


@pytest.mark.parametrize("layout", [*FORMATS, "custom"])
def test_no_text_leaves_its_box(tmp_path: Path, layout: str) -> None:
    people = sorted(plan_demo_event().people, key=lambda p: len(p.first_name) + len(p.last_name))[
        -20:
    ]
    badges = extreme_badges() + [badge(p.first_name, p.last_name, i) for i, p in enumerate(people)]
    badges += [badge(first, last, 100 + i) for i, (first, last, _g) in enumerate(LONG_NAMES)]
    fmt = custom_format(70, 40) if layout == "custom" else FORMATS[layout]
    printed = render_badges(badges, tmp_path / "badges.pdf", fmt)
    assert printed.badges == len(badges)
    overflowing = [(p.role, p.lines) for p in printed.placed if not p.fits()]
    assert overflowing == []
    names = {
        "".join(p.lines).replace(" ", "")
        for p in printed.placed
        if p.role in ("first_name", "last_name")
    }
    for b in badges:  # nothing was cut off: every letter of every name is on the badge
        assert b.last_name.replace(" ", "") in names or not b.last_name


def test_badges_of_a_day_in_surname_or_table_order(database: Database) -> None:
    create_demo_event(database, participants=40)
    day_one = badges_to_print(database, day_number=1)
    assert day_one and {b.day_number for b in day_one} == {1}
    surnames = [b.last_name for b in day_one]
    assert [fold(s) for s in surnames] == sorted(fold(s) for s in surnames)
    assert len(badges_to_print(database)) == 40
    with pytest.raises(InputRejected):
        badges_to_print(database, day_number=7)
    with pytest.raises(InputRejected):
        badges_to_print(database, order="shoe size")


def test_every_letter_of_genks_names_has_a_glyph() -> None:
    names = [f"{p.first_name} {p.last_name}" for p in plan_demo_event(participants=3000).people]
    names += [f"{first} {last}" for first, last in EXTREME_NAMES]
    assert [name for name in names if missing_glyphs(name)] == []
    assert missing_glyphs("Ayşe 你好") == "你好"  # the check itself sees a missing glyph


@pytest.mark.parametrize("layout", [*FORMATS, "custom"])
def test_the_longest_dutch_date_fits_the_badge_readably(tmp_path: Path, layout: str) -> None:
    september = replace(badge("Lien", "Claes", 1), day_number=2, day_date=dt.date(2013, 9, 23))
    fmt = custom_format(70, 40) if layout == "custom" else FORMATS[layout]
    printed = render_badges([september], tmp_path / "badges.pdf", fmt)
    day = next(p for p in printed.placed if p.role == "day")
    assert day.lines == ("Dag 2 · 23 sep 2013",)
    assert day.fits() and day.size >= 6  # points: readable held at arm's length
