"""One layout pass for a report with a table of contents (reportlab platypus).

reportlab's `multiBuild` lays the whole document out again until the contents' page numbers
settle: three full passes for the event report. Here the body is laid out once. The contents'
length is known beforehand (its lines wrap the same whatever their page numbers), so the
body is numbered from the page after them; the contents themselves are laid out last, once
every heading's page is known, and their pages are moved to just after the cover before the
file is written. The story is made part by part (`Chunk`) as the layout reaches it, so the
paragraphs and tables of the whole report never exist at once.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents, defaultTableStyle

from degenks_desktop.services.printing.fonts import REGULAR, register_fonts

Progress = Callable[[int, int], None]
Entry = tuple[int, str, int, str | None]
"""A line of the contents: level (0 or 1), the heading's text, its page, its bookmark."""
HEADING_LEVELS = {"Heading1": 0, "Heading2": 1}
"""The paragraph styles whose paragraphs go in the contents and the bookmarks."""
SAVING_SHARE = 0.08
"""About the share of the time spent writing the file once every page is laid out."""


class Chunk(Flowable):
    """A stretch of the story made only when the layout reaches it; `weight` is its share
    of the work, for the progress."""

    def __init__(self, make: Callable[[], list[Flowable]], weight: int = 1) -> None:
        super().__init__()
        self.make = make
        self.weight = weight

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        """Never laid out: the template puts the chunk's flowables in its place first."""
        raise RuntimeError("a Chunk reached the frame unexpanded")


class KnownContents(TableOfContents):
    """reportlab's table of contents, handed its lines instead of gathering them over
    passes (it draws the lines it holds from the last pass, `beforeBuild`)."""

    def __init__(self, entries: Sequence[Entry], **style: Any) -> None:
        # Its table's cells would start in reportlab's Helvetica, a font not embedded.
        table_style = TableStyle(defaultTableStyle.getCommands())
        table_style.add("FONTNAME", (0, 0), (-1, -1), REGULAR)
        style.setdefault("tableStyle", table_style)
        super().__init__(**style)
        self.addEntries(entries)
        self.beforeBuild()


@dataclass
class Story:
    """A report's flowables: the cover, the body (with `Chunk`s), and the contents' lines
    the body will give (level, plain text) in order, to know the contents' length early."""

    cover: list[Flowable]
    body: list[Flowable]
    headings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def weight(self) -> int:
        """The work of laying out the body, in the units of its chunks' weights."""
        return sum(item.weight if isinstance(item, Chunk) else 0 for item in self.body) or 1


class _ContentsLengthChanged(Exception):
    """The contents took another number of pages than reserved for them (a bug guard)."""

    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


class _ReportCanvas(Canvas):
    """A canvas that moves the pages laid out last (the contents) to just after the cover
    before it writes the file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.contents_from: int | None = None
        """The index of the first contents page among the laid-out pages."""
        self.contents_pages = 0

    def save(self) -> None:
        """Put the contents after the cover, then write the file."""
        if self._code:
            self.showPage()
        if self.contents_from is not None:
            # reportlab keeps every page until it writes the file; bookmarks and links name
            # a page's object, not its place, so they follow the page.
            pages = self._doc.Pages.pages
            contents = pages[self.contents_from :]
            if len(contents) != self.contents_pages:
                raise _ContentsLengthChanged(len(contents))
            pages[1:] = contents + pages[1 : self.contents_from]
        super().save()


class ReportTemplate(BaseDocTemplate):
    """A4 with a footer (the report's name and the page number); level-1 and level-2
    headings go in the contents and the PDF's bookmarks. Every font is embedded: the canvas
    starts each page in the regular DejaVu instead of reportlab's Helvetica."""

    def __init__(
        self,
        target: str | BinaryIO,
        *,
        footer: str,
        progress: Progress | None = None,
        total: int = 1,
    ) -> None:
        register_fonts()
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=20 * mm,
            title=footer,
            author="De Genks Desktop",
            initialFontName=REGULAR,
        )
        self._footer = footer
        self._progress = progress
        self._total = max(total, 1)
        self._done = 0
        self.entries: list[Entry] = []
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(20 * mm, 10 * mm, self._footer)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, str(document.page))
        canvas.restoreState()

    def filterFlowables(self, flowables: list[Flowable]) -> None:  # noqa: N802 - reportlab's
        """Make the chunk at the front of the story, now that the layout reaches it."""
        while flowables and isinstance(flowables[0], Chunk):
            chunk = flowables[0]
            self._done += chunk.weight
            flowables[0:1] = chunk.make()

    def handle_numberFrom(self, number: int) -> None:  # noqa: N802 - ActionFlowable's call
        """The next page is numbered `number` (reportlab counts up at each page's start)."""
        self.page = number - 1

    def handle_contentsFollow(self, pages: int) -> None:  # noqa: N802 - ActionFlowable's call
        """The pages from here on are the contents (`pages` of them): the canvas moves them
        after the cover. Called at the start of the contents' first page."""
        self.canv.contents_from = self.canv.getPageNumber() - 1
        self.canv.contents_pages = pages

    def afterPage(self) -> None:  # noqa: N802 - reportlab's name
        """Report progress (and let Cancel stop the build) page by page."""
        if self._progress is not None:
            self._progress(min(self._done, self._total - 1), self._total)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        """Put headings in the table of contents and the PDF's bookmarks."""
        if not isinstance(flowable, Paragraph):
            return
        level = HEADING_LEVELS.get(flowable.style.name)
        if level is None:
            return
        text = flowable.getPlainText()
        key = f"h{level}-{self.seq.nextf('heading')}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.entries.append((level, text, self.page, key))


def _contents_of(
    contents: Callable[[Sequence[Entry]], list[Flowable]], document: ReportTemplate
) -> list[Flowable]:
    # Made when the layout reaches the contents, at the end: every heading's page is known.
    return contents(document.entries)


def _pages_taken(flowables: list[Flowable]) -> int:
    """How many pages `flowables` fill, from the top of a fresh page."""
    document = ReportTemplate(io.BytesIO(), footer="")
    document.build(flowables, canvasmaker=_ReportCanvas)
    return int(document.page)


def build_with_contents(
    target: str | BinaryIO,
    story: Callable[[], Story],
    contents: Callable[[Sequence[Entry]], list[Flowable]],
    *,
    footer: str,
    progress: Progress | None,
) -> None:
    """Lay out `story()` once with its contents (made by `contents` from the headings'
    entries) after the cover, and write it to `target`."""
    planned = story()
    reserved = _pages_taken(contents([(level, text, 0, None) for level, text in planned.headings]))
    for _attempt in range(3):
        layout_weight = planned.weight + 1
        total = round(layout_weight / (1 - SAVING_SHARE))
        document = ReportTemplate(target, footer=footer, progress=progress, total=total)
        flowables = [
            *planned.cover,
            ActionFlowable(("numberFrom", 2 + reserved)),
            PageBreak(),
            *planned.body,
            ActionFlowable(("numberFrom", 2)),
            PageBreak(),
            ActionFlowable(("contentsFollow", reserved)),
            Chunk(functools.partial(_contents_of, contents, document)),
        ]
        try:
            document.build(flowables, canvasmaker=_ReportCanvas)
        except _ContentsLengthChanged as changed:
            # The headings wrapped otherwise than foreseen: number the body anew.
            # Nothing is written yet: the canvas refuses before it writes.
            reserved = changed.pages
            planned = story()
            continue
        if progress is not None:
            progress(total, total)
        return
    raise RuntimeError("the contents' length did not settle")


def build_plain(target: str | BinaryIO, flowables: list[Flowable], *, footer: str) -> None:
    """Lay out `flowables` once, without contents, and write them to `target`."""
    ReportTemplate(target, footer=footer).build(flowables, canvasmaker=_ReportCanvas)
