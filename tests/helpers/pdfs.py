"""Reading printed PDFs back as a scanner or a reader would: QR codes and text."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader


def qr_codes_in(pdf: Path) -> list[str]:
    """The payloads of every QR code in `pdf`, page by page (rendered at 150 dpi)."""
    document = pdfium.PdfDocument(pdf)
    found = [
        result.text
        for page in document
        for result in zxingcpp.read_barcodes(page.render(scale=150 / 72).to_pil())
    ]
    document.close()
    return found


def pdf_text(path: Path) -> str:
    """All text of the PDF at `path` as one line, whitespace squeezed to single spaces."""
    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


MM_PER_INCH = 25.4


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in mm of every page of `pdf`, as a printer's paper would be."""
    document = pdfium.PdfDocument(pdf)
    sizes = [
        (w / 72 * MM_PER_INCH, h / 72 * MM_PER_INCH) for w, h in (p.get_size() for p in document)
    ]
    document.close()
    return sizes


def qr_places_mm(pdf: Path, *, dpi: int = 300) -> list[list[tuple[str, float, float]]]:
    """Per page, each QR code found: its payload and the left and top of its square in mm
    from the page's top left (read at `dpi`, so to about 0.1 mm)."""
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        found = []
        for result in zxingcpp.read_barcodes(page.render(scale=dpi / 72).to_pil()):
            corners = result.position
            points = (
                corners.top_left,
                corners.top_right,
                corners.bottom_left,
                corners.bottom_right,
            )
            left = min(point.x for point in points) / dpi * MM_PER_INCH
            top = min(point.y for point in points) / dpi * MM_PER_INCH
            found.append((result.text, left, top))
        pages.append(sorted(found, key=lambda place: (round(place[2]), place[1])))
    document.close()
    return pages
