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
