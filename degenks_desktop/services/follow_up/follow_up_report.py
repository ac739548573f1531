"""The follow-up report, "What happened with your ideas?": for the whole event or one
theme, a first page with the counts per status, then each theme's selected ideas and
concepts with where they went, where they stand since when and why, and what came before.
In Dutch or English whatever the app's language, with the event report's look.

`follow_up_table` is the same content as a table for `exports.write_table`: ideas and
concepts only, never a person.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer
from sqlalchemy import select

from degenks_desktop.date_style import day_on_paper
from degenks_desktop.domain.follow_up import FOLLOW_UP_STATUS_LABELS, FollowUpStatus
from degenks_desktop.errors import NotFound
from degenks_desktop.i18n import _, translations_for
from degenks_desktop.services.follow_up.follow_ups import (
    CONCEPT,
    FollowUpItem,
    FollowUpStepRow,
    follow_up_counts,
    follow_up_history,
    follow_up_items,
)
from degenks_desktop.services.reporting.exports import Cell
from degenks_desktop.services.reporting.report_layout import Chunk, ReportTemplate

# The event report's paragraph styles and grid: the follow-up is its sequel on paper.
from degenks_desktop.services.reporting.report_pdf import (
    report_grid,
    report_styles,
    write_in_place,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Event, Theme

Progress = Callable[[int, int], None]


class _Paper:
    """The words and dates of one document, in its own language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.words: gettext.NullTranslations = translations_for(language)

    def gettext(self, message: str) -> str:
        """`message` in the document's language."""
        return self.words.gettext(message)

    def day(self, date: dt.date) -> str:
        """A date as the document's language writes it on paper."""
        return day_on_paper(date, self.language)

    def status(self, status: FollowUpStatus) -> str:
        """A status as people read it."""
        return self.words.gettext(FOLLOW_UP_STATUS_LABELS[status])


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _lead(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}</b> {escape(text)}".replace("\n", "<br/>"), style)


def _event(
    database: Database, event_id: int
) -> tuple[str, str, list[dt.date], dict[str, tuple[str, str]]]:
    """The event's name, venue, days and each theme's name and question (by code)."""
    with database.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFound(_("There is no event number {id}.").format(id=event_id))
        days = list(
            session.scalars(select(Day.date).where(Day.event_id == event_id).order_by(Day.number))
        )
        themes = {
            code: (name, question)
            for code, name, question in session.execute(
                select(Theme.code, Theme.name, Theme.question).where(Theme.event_id == event_id)
            ).all()
        }
        return event.name, event.venue, days, themes


def _title(paper: _Paper, theme_name: str | None) -> str:
    _ = paper.gettext
    if theme_name is None:
        return _("What happened with your ideas?")
    return _("What happened with your ideas on {theme}?").format(theme=theme_name)


def _first_page(
    paper: _Paper,
    styles: dict[str, ParagraphStyle],
    *,
    event: str,
    venue: str,
    days: list[dt.date],
    items: list[FollowUpItem],
    theme_name: str | None,
    width: float,
) -> list[Flowable]:
    _ = paper.gettext
    counts = follow_up_counts(items)
    where = " · ".join(part for part in (venue, " / ".join(paper.day(d) for d in days)) if part)
    rows: list[list[Any]] = [[_("Status"), _("Ideas and concepts")]]
    rows += [[paper.status(status), counts[status]] for status in FollowUpStatus]
    rows.append([_("Together"), len(items)])
    ideas = sum(1 for item in items if item.kind != CONCEPT)
    concepts = len(items) - ideas
    return [
        Spacer(1, 30 * mm),
        _p(event, styles["title"]),
        _p(_title(paper, theme_name), styles["subtitle"]),
        Spacer(1, 4 * mm),
        _p(where, styles["body"]),
        _p(
            _("Where things stand on {date}.").format(date=paper.day(dt.date.today())),
            styles["body"],
        ),
        Spacer(1, 10 * mm),
        _p(
            _(
                "After the day, the city took up each table's ten best ideas and every "
                "concept: {ideas} ideas and {concepts} concepts. Here is where each one went, "
                "where it stands and why."
            ).format(ideas=ideas, concepts=concepts),
            styles["body"],
        ),
        Spacer(1, 4 * mm),
        report_grid(rows, [width * 0.6, width * 0.4]),
    ]


def _step_line(paper: _Paper, step: FollowUpStepRow) -> str:
    line = f"{paper.day(step.status_on)}: {paper.status(step.status)}"
    if step.destination:
        line += f" ({step.destination})"
    if step.explanation:
        line += f" — {step.explanation}"
    return line


def _item_block(
    paper: _Paper,
    styles: dict[str, ParagraphStyle],
    item: FollowUpItem,
    history: list[FollowUpStepRow],
) -> list[Flowable]:
    _ = paper.gettext
    if item.kind == CONCEPT:
        heading = _("Concept: {title}").format(title=item.text)
    else:
        heading = f"{item.rank}. {item.text}"
    status = paper.status(item.status)
    if item.status_on is not None:
        status = _("{status}, since {date}").format(status=status, date=paper.day(item.status_on))
    parts: list[Flowable] = [
        _p(heading, styles["h3"]),
        _lead(_("Status:"), status, styles["body"]),
        _lead(
            _("Goes to:"),
            item.destination or _("not yet decided"),
            styles["body"],
        ),
    ]
    if item.explanation:
        if item.status == FollowUpStatus.DONE:
            label = _("What was done:")
        elif item.status == FollowUpStatus.NOT_TAKEN_UP:
            label = _("Why not:")
        else:
            label = _("Explanation:")
        parts.append(_lead(label, item.explanation, styles["body"]))
    earlier = history[:-1]
    if earlier:
        parts.append(
            _p(
                _("Before: {steps}").format(
                    steps="; ".join(_step_line(paper, step) for step in earlier)
                ),
                styles["small"],
            )
        )
    return [KeepTogether(parts), Spacer(1, 2 * mm)]


def _theme_block(
    paper: _Paper,
    styles: dict[str, ParagraphStyle],
    items: list[FollowUpItem],
    histories: dict[int, list[FollowUpStepRow]],
    question: str,
) -> list[Flowable]:
    _ = paper.gettext
    first = items[0]
    counts = follow_up_counts(items)
    summary = ", ".join(
        f"{paper.status(status)}: {count}" for status, count in counts.items() if count
    )
    story: list[Flowable] = [
        PageBreak(),
        _p(first.theme_name, styles["h1"]),
        _p(question, styles["question"]),
        _p(summary, styles["small"]),
    ]
    for (day, table), at_table in groupby(items, key=lambda item: (item.day, item.table)):
        story += [
            CondPageBreak(40 * mm),
            _p(
                _("Table {number} (day {day})").format(number=table, day=day),
                styles["h2"],
            ),
        ]
        for item in at_table:
            history = histories.get(item.follow_up_id, []) if item.follow_up_id else []
            story += _item_block(paper, styles, item, history)
    return story


def render_follow_up_report(
    database: Database,
    event_id: int,
    out: Path,
    *,
    theme_code: str | None = None,
    language: str = "nl",
    progress: Progress | None = None,
) -> int:
    """Write the follow-up report of the event (or of one theme) to `out`, in `language`;
    return the pages written. `progress` hears (done, total) and may raise `Cancelled`."""
    items = follow_up_items(database, event_id, theme_code=theme_code)
    event, venue, days, themes = _event(database, event_id)
    theme_name = themes[theme_code][0] if theme_code is not None else None
    histories = {
        item.follow_up_id: follow_up_history(database, item.follow_up_id)
        for item in items
        if item.follow_up_id is not None
    }
    paper = _Paper(language)
    _ = paper.gettext
    styles = report_styles()
    width = A4[0] - 40 * mm
    story: list[Flowable] = _first_page(
        paper,
        styles,
        event=event,
        venue=venue,
        days=days,
        items=items,
        theme_name=theme_name,
        width=width,
    )
    for _code, group in groupby(items, key=lambda item: item.theme_code):
        theme_items = list(group)
        # Each theme is laid out when the layout reaches it, so progress moves theme by theme.
        story.append(
            Chunk(
                functools.partial(
                    _theme_block,
                    paper,
                    styles,
                    theme_items,
                    histories,
                    themes[theme_items[0].theme_code][1],
                ),
                weight=len(theme_items),
            )
        )
    if not items:
        story.append(_p(_("No table has locked its ten best ideas yet."), styles["body"]))
    footer = f"{event} — {_title(paper, theme_name)}"
    pages: list[int] = []

    def build(temporary: str) -> None:
        document = ReportTemplate(temporary, footer=footer, progress=progress, total=len(items) + 1)
        document.build(story)
        pages.append(int(document.page))

    write_in_place(out, build)
    if progress is not None:
        progress(len(items) + 1, len(items) + 1)
    return pages[0]


def follow_up_table(
    database: Database, event_id: int, *, theme_code: str | None = None
) -> tuple[list[str], list[list[Cell]]]:
    """The follow-up as a table for `exports.write_table`: one row per selected idea or
    concept, with its theme, table, destination, status, date and explanation."""
    items = follow_up_items(database, event_id, theme_code=theme_code)
    header = [
        _("theme"),
        _("day"),
        _("table"),
        _("kind"),
        _("place"),
        _("idea or concept"),
        _("dots"),
        _("destination"),
        _("status"),
        _("since"),
        _("explanation"),
    ]
    kinds = {CONCEPT: _("concept")}
    rows: list[list[Cell]] = [
        [
            item.theme_name,
            item.day,
            item.table,
            kinds.get(item.kind, _("idea")),
            item.rank,
            item.text,
            item.dots,
            item.destination or "",
            _(FOLLOW_UP_STATUS_LABELS[item.status]),
            item.status_on.isoformat() if item.status_on is not None else "",
            item.explanation,
        ]
        for item in items
    ]
    return header, rows
