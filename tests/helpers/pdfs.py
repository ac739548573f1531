"""Reading printed PDFs back as a scanner or a reader would: QR codes, text, a report's
contents, and which fonts the file carries."""

from __future__ import annotations

import re
import subprocess
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


def page_lines(path: Path) -> list[list[str]]:
    """Each page's non-empty lines of text as PDFium reads them (the footer first: it is
    drawn as the page begins)."""
    document = pdfium.PdfDocument(path)
    pages = [page.get_textpage().get_text_range().splitlines() for page in document]
    document.close()
    return [[line.strip() for line in page if line.strip()] for page in pages]


CONTENTS_LINE = re.compile(r"^(?P<heading>.*?)[ .]*(?P<page>\d+)$")


def contents_lines(pages: list[list[str]], title: str) -> list[tuple[str, int]]:
    """The contents' lines (heading, page number) of a document whose cover is page 1 and
    whose contents, headed `title`, follow it up to the first page they name."""
    assert pages[1][1] == title, pages[1][:2]
    found: list[tuple[str, int]] = []
    page = 1
    while not found or page < found[0][1] - 1:
        skip = 2 if page == 1 else 1  # the footer, and the title on the first page
        for line in pages[page][skip:]:
            match = CONTENTS_LINE.match(line)
            assert match is not None, line
            found.append((match["heading"], int(match["page"])))
        page += 1
    return found


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font `pdffonts` (poppler) lists in the PDF at `path`: whether it is embedded."""
    listing = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    _header, dashes, *rows = listing
    # The columns (name, type, encoding, emb, sub, uni, object, ID) by the dashes under
    # the header: a type such as "Type 1" holds a space.
    columns = [match.span() for match in re.finditer(r"-+", dashes)]
    (_, name_end), (emb_start, emb_end) = columns[0], columns[3]
    return {row[:name_end].strip(): row[emb_start:emb_end].strip() == "yes" for row in rows}
