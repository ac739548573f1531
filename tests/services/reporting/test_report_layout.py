"""A report laid out in one pass: its contents, over several pages, name the pages where
the headings really are, the pages are numbered in reading order, the bookmarks lead to
the same pages, and every font is embedded."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph

from degenks_desktop.services.printing.fonts import BOLD, REGULAR, register_fonts
from degenks_desktop.services.reporting.report_layout import (
    Chunk,
    Entry,
    KnownContents,
    Story,
    build_with_contents,
)
from tests.helpers.pdfs import contents_lines, page_lines, pdf_fonts

register_fonts()
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13)
CHAPTER = ParagraphStyle("Heading1", parent=BODY, fontName=BOLD, fontSize=16, leading=20)
SECTION = ParagraphStyle("Heading2", parent=BODY, fontName=BOLD, fontSize=12, leading=15)
CHAPTERS, SECTIONS = 4, 30


def section(chapter: int, number: int) -> list[Flowable]:
    """A section of a few paragraphs, longer in some, so that headings fall anywhere."""
    lines = 3 + (chapter * 7 + number * 5) % 11
    text = " ".join(f"Zin {n} van sectie {number}." for n in range(lines))
    return [
        Paragraph(f"Hoofdstuk {chapter}, sectie {number}", SECTION),
        Paragraph(text, BODY),
        Paragraph(text, BODY),
    ]


def story(*, foreseen: bool = True) -> Story:
    """Chapters of sections, each made when the layout reaches it; `foreseen` False tells
    the layout nothing of the headings to come."""
    headings: list[tuple[int, str]] = []
    body: list[Flowable] = []
    for chapter in range(1, CHAPTERS + 1):
        body += [PageBreak(), Paragraph(f"Hoofdstuk {chapter}", CHAPTER)]
        headings.append((0, f"Hoofdstuk {chapter}"))
        for number in range(1, SECTIONS + 1):
            body.append(Chunk(functools.partial(section, chapter, number), weight=3))
            headings.append((1, f"Hoofdstuk {chapter}, sectie {number}"))
    cover = [Paragraph("Het verslag", CHAPTER.clone("cover"))]
    return Story(cover, body, headings if foreseen else [])


def contents(entries: Sequence[Entry]) -> list[Flowable]:
    return [
        Paragraph("Inhoud", BODY),
        KnownContents(entries, levelStyles=[BODY, BODY.clone("toc2", leftIndent=14)]),
    ]


def check_contents(path: Path) -> list[tuple[str, int]]:
    """The contents' lines, after checking that each names the first page holding its
    heading, that every page's footer carries its number, and that the bookmarks agree."""
    pages = page_lines(path)
    assert [page[0].rsplit(" ", 1)[1] for page in pages] == [
        str(n) for n in range(1, len(pages) + 1)
    ]
    lines = contents_lines(pages, "Inhoud")
    body_starts = lines[0][1] - 1
    for heading, number in lines:
        first = next(i for i in range(body_starts, len(pages)) if heading in pages[i])
        assert first == number - 1, (heading, number, first + 1)
    reader = PdfReader(path)
    marks: list[tuple[str, int]] = []

    def walk(outline: list[Any]) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append((item.title, (reader.get_destination_page_number(item) or 0) + 1))

    walk(reader.outline)
    assert marks == lines
    return lines


def test_a_contents_over_several_pages_names_the_pages_of_its_headings(tmp_path: Path) -> None:
    path = tmp_path / "verslag.pdf"
    heard: list[tuple[int, int]] = []
    build_with_contents(
        str(path),
        story,
        contents,
        footer="Verslag",
        progress=lambda done, total: heard.append((done, total)),
    )
    lines = check_contents(path)
    assert len(lines) == CHAPTERS * (1 + SECTIONS)
    assert lines[0] == ("Hoofdstuk 1", lines[0][1]) and lines[0][1] > 3  # contents: 2+ pages
    # The progress climbs page by page to its end, which it reaches once the file is there.
    done = [step for step, _total in heard]
    assert done == sorted(done) and len(set(done)) > 10 and heard[-1][0] == heard[-1][1]
    assert all(fonts for fonts in pdf_fonts(path).values())


def test_headings_the_layout_did_not_foresee_still_get_their_pages(tmp_path: Path) -> None:
    """A guard: when the contents come out longer than reserved, the body is numbered anew."""
    path = tmp_path / "verslag.pdf"
    build_with_contents(
        str(path), lambda: story(foreseen=False), contents, footer="Verslag", progress=None
    )
    assert len(check_contents(path)) == CHAPTERS * (1 + SECTIONS)
