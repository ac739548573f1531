"""Reading printed PDFs back as a scanner would: the QR codes on their pages."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp


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
