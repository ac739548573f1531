"""Badge PDFs at the desk and in bulk, beside the floor: a plain reportlab loop that draws
the same texts and QR images without fitting anything. Aim: within 1.5× of the floor, and
one badge on demand in under 150 ms.
"""

from __future__ import annotations

import io
import random

import pytest
import qrcode
from pytest_benchmark.fixture import BenchmarkFixture
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.plan import plan_demo_event
from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.badge_formats import FORMATS
from degenks_desktop.services.printing.badges import BadgeData, render_badges, single_badge_pdf
from degenks_desktop.services.printing.fonts import BOLD, REGULAR, register_fonts
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Participant

SHEET = FORMATS["a4-8"]


def sized(benchmark: BenchmarkFixture, count: int) -> int:
    """`count`, or a few hundred when `make test` runs the benchmarks once as plain tests."""
    return count if not benchmark.disabled else min(count, 200)


def demo_badges(count: int) -> list[BadgeData]:
    people = plan_demo_event(participants=count, seed=11).people
    return [
        BadgeData(
            p.first_name,
            p.last_name,
            p.badge_code,
            p.day_number,
            None,
            random.Random(i).randint(1, 24),
            p.first_theme.capitalize(),
            "#C0392B",
        )
        for i, p in enumerate(people)
    ]


def floor(badges: list[BadgeData]) -> bytes:
    """The same texts and a QR image per badge, placed at fixed spots: no fitting, no runs."""
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(SHEET.page[0] * mm, SHEET.page[1] * mm), pageCompression=1)
    slots = SHEET.slots()
    for start in range(0, len(badges), SHEET.per_page):
        for b, (x, y) in zip(badges[start : start + SHEET.per_page], slots, strict=False):
            left, bottom = x * mm, y * mm
            canvas.setFont(BOLD, 10)
            canvas.drawString(left + 4 * mm, bottom + 48 * mm, f"Tafel {b.table_number}")
            canvas.setFont(BOLD, 24)
            canvas.drawString(left + 4 * mm, bottom + 30 * mm, b.first_name)
            canvas.setFont(REGULAR, 12)
            canvas.drawString(left + 4 * mm, bottom + 20 * mm, b.last_name)
            canvas.setFont(REGULAR, 7)
            canvas.drawString(left + 64 * mm, bottom + 3 * mm, format_badge_code(b.badge_code))
            qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0, box_size=4)
            qr.add_data(b.badge_code)
            image = qr.make_image().get_image()
            canvas.drawImage(ImageReader(image), left + 62 * mm, bottom + 8 * mm, 24 * mm, 24 * mm)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def ours(badges: list[BadgeData]) -> bytes:
    out = io.BytesIO()
    render_badges(badges, out, SHEET)
    return out.getvalue()


@pytest.mark.parametrize("count", [449, 10_000])
def test_badge_sheets(benchmark: BenchmarkFixture, count: int) -> None:
    badges = demo_badges(sized(benchmark, count))
    rounds = 3 if count < 1000 else 1
    assert benchmark.pedantic(ours, args=(badges,), rounds=rounds).startswith(b"%PDF")


@pytest.mark.parametrize("count", [449, 10_000])
def test_badge_sheets_floor(benchmark: BenchmarkFixture, count: int) -> None:
    badges = demo_badges(sized(benchmark, count))
    rounds = 3 if count < 1000 else 1
    assert benchmark.pedantic(floor, args=(badges,), rounds=rounds).startswith(b"%PDF")


def test_one_badge_on_demand(benchmark: BenchmarkFixture) -> None:
    badges = demo_badges(1)

    def one() -> bytes:
        out = io.BytesIO()
        render_badges(badges, out, FORMATS["a6"])
        return out.getvalue()

    assert benchmark(one).startswith(b"%PDF")


def test_one_badge_on_demand_from_the_database(
    benchmark: BenchmarkFixture, sqlite_database_url: str
) -> None:
    """What the desk waits for: the person's row read, the badge laid out, the PDF made."""
    database = open_database(sqlite_database_url)
    create_demo_event(database)
    with database.reading() as session:
        person = session.scalars(select(Participant.id).limit(1)).one()
    pdf = benchmark(single_badge_pdf, database, person, FORMATS["a6"])
    assert pdf.startswith(b"%PDF")
    database.close()
