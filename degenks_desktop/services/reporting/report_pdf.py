"""The event report as a PDF (reportlab platypus): the city's promise of "what will happen
with this" on paper.

`render_report` writes the whole report or one theme's (cover, contents, participation,
representativeness, each theme with its tables' ten best ideas and concepts, every idea,
the method, with how each day's group was drawn when it was); `render_table_page` a
table's one-pager for its facilitator. The document's language is chosen per call, apart
from the app's own. How it is laid out in one pass, the
contents included, is services.reporting.report_layout's job.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import gettext
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from babel.numbers import format_percent
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from degenks_desktop import i18n
from degenks_desktop.date_style import BABEL_LOCALES, day_on_paper
from degenks_desktop.domain.diversity import CategoryMatrix
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import N_, translations_for
from degenks_desktop.services.printing.fonts import BOLD, REGULAR, register_fonts
from degenks_desktop.services.reporting.report_data import (
    ClusterLine,
    ConceptSection,
    DayDraw,
    ReportData,
    TableSection,
    ThemeSection,
)
from degenks_desktop.services.reporting.report_layout import (
    HEADING_LEVELS,
    Chunk,
    Entry,
    KnownContents,
    Story,
    build_plain,
    build_with_contents,
)

Progress = Callable[[int, int], None]
_document_language: contextvars.ContextVar[gettext.NullTranslations] = contextvars.ContextVar(
    "report_language"
)
_document_language_code: contextvars.ContextVar[str] = contextvars.ContextVar(
    "report_language_code", default="nl"
)
ALGORITHMS = {
    "maximin": N_(
        "maximin: the lowest chance anyone had of being drawn is made as high as the quotas allow"
    ),
    "nash": N_("Nash welfare: the chances are spread as evenly as the quotas allow"),
    "legacy": N_("legacy: people are drawn one by one, within the quotas"),
}
"""How each draw algorithm is named on the method page."""
ACCENT = colors.HexColor("#1F618D")
LIGHT = colors.HexColor("#EAF2F8")


def _(message: str) -> str:
    """Translate into the document's language (which may differ from the app's)."""
    return _document_language.get(gettext.NullTranslations()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural for `count`, in the document's language."""
    return _document_language.get(gettext.NullTranslations()).ngettext(singular, plural, count)


@contextlib.contextmanager
def _language(language: str) -> Iterator[None]:
    token = _document_language.set(translations_for(language))
    code_token = _document_language_code.set(language)
    try:
        yield
    finally:
        _document_language_code.reset(code_token)
        _document_language.reset(token)


def _day(iso_date: str) -> str:
    """A day of the event as the document's language writes it on paper."""
    return day_on_paper(dt.date.fromisoformat(iso_date), _document_language_code.get())


def report_styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles, with its embedded fonts (the follow-up report's too)."""
    register_fonts()
    # So that <b> in a paragraph picks the bold DejaVu instead of staying regular.
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "question": ParagraphStyle(
            "question", parent=base, fontSize=11, leading=15, textColor=ACCENT, spaceAfter=8
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=28, leading=34, spaceAfter=16
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=14, leading=19),
        "h1": ParagraphStyle(
            "Heading1",
            parent=base,
            fontName=BOLD,
            fontSize=17,
            leading=22,
            spaceBefore=6,
            spaceAfter=8,
            textColor=ACCENT,
        ),
        "h2": ParagraphStyle(
            "Heading2",
            parent=base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=10.5, spaceBefore=6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "toc1": ParagraphStyle("toc1", parent=base, fontSize=11, leading=15),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9.5, leading=12, leftIndent=14),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _heading(text: str, style: ParagraphStyle, headings: list[tuple[int, str]]) -> Paragraph:
    """A heading; noted in `headings` when it goes in the contents, whose length must be
    known before the body is laid out."""
    paragraph = _p(text, style)
    level = HEADING_LEVELS.get(style.name)
    if level is not None:
        headings.append((level, paragraph.getPlainText()))
    return paragraph


def report_grid(rows: list[list[Any]], widths: list[float], *, header_rows: int = 1) -> Table:
    """A table in the report's look: a light header row, thin lines between the rows."""
    table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), LIGHT),
                ("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.6, ACCENT),
                ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _facts(rows: list[list[Any]], widths: list[float]) -> Table:
    """A small table of facts: a bold label on the left, its value beside it."""
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (0, -1), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


HIDDEN = "×"
"""A hidden count: a small group, or a count that would give one away (the same mark for
both, so that the mark does not say which is the small one)."""


def _number(value: int | None) -> str:
    return HIDDEN if value is None else str(value)


def _bar(share: float | None) -> float | None:
    # A hidden share draws no bar: a bar of length 0 would read as nobody.
    return None if share is None else round(share * 100, 1)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _cover(data: ReportData, styles: dict[str, ParagraphStyle], subtitle: str) -> list[Flowable]:
    concepts = sum(len(t.concepts) for theme in data.themes for t in theme.tables)
    came = sum(day.checked_in for day in data.days)
    return [
        Spacer(1, 60 * mm),
        _p(data.event, styles["title"]),
        _p(subtitle, styles["subtitle"]),
        Spacer(1, 6 * mm),
        _p(f"{data.venue} · {' / '.join(_day(date) for date in data.dates)}", styles["body"]),
        Spacer(1, 20 * mm),
        _p(
            _(
                "{people} citizens took part, gave {ideas} ideas and worked {concepts} of them "
                "out into concepts."
            ).format(people=came, ideas=data.ideas, concepts=concepts),
            styles["subtitle"],
        ),
    ]


def _contents(styles: dict[str, ParagraphStyle], entries: Sequence[Entry]) -> list[Flowable]:
    # The contents' lines are paragraph markup: a theme's name may hold an ampersand.
    lines = [(level, escape(text), page, key) for level, text, page, key in entries]
    toc = KnownContents(lines, levelStyles=[styles["toc1"], styles["toc2"]])
    return [_p(_("Contents"), styles["subtitle"]), Spacer(1, 4 * mm), toc]


def _participation(
    data: ReportData,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> list[Flowable]:
    story: list[Flowable] = [_heading(_("Participation"), styles["h1"], headings)]
    rows: list[list[Any]] = [
        [_("Day"), _("Registered"), _("Checked in"), _("No-shows"), _("Walk-ins")]
    ]
    rows += [
        [label, day.registered, day.checked_in, day.no_shows, day.walk_ins]
        for day in data.days
        for label in [f"{day.number} ({_day(day.date)})"]
    ]
    story.append(report_grid(rows, [width * 0.32] + [width * 0.17] * 4))
    story.append(Spacer(1, 5 * mm))
    rows = [[_("Theme"), _("Registered"), _("Checked in")]]
    rows += [
        [theme.name, theme.registered, theme.checked_in] for theme in data.themes_participation
    ]
    story.append(report_grid(rows, [width * 0.5, width * 0.25, width * 0.25]))
    return story


def _diversity_chart(matrix: CategoryMatrix, width: float) -> Drawing:
    rows = list(matrix.rows)
    height = 26 + 16 * len(rows) * 1.0 + 24
    drawing = Drawing(width, height)
    # Else the drawing starts in reportlab's Helvetica, a font the PDF would not embed.
    drawing.initialFontName = REGULAR
    chart = HorizontalBarChart()
    chart.x, chart.y = 110, 30
    chart.width, chart.height = width - 130, height - 40
    chart.data = [
        [_bar(row.registered_share) for row in rows][::-1],
        [_bar(row.checked_in_share) for row in rows][::-1],
        [round((row.target or 0) * 100, 1) for row in rows][::-1],
    ]
    chart.categoryAxis.categoryNames = [_(row.label)[:22] for row in rows][::-1]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.barWidth = 4
    for index, colour in enumerate(
        (ACCENT, colors.HexColor("#27AE60"), colors.HexColor("#BBBBBB"))
    ):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    legend = Legend()
    legend.x, legend.y = 110, 12
    legend.fontName = REGULAR
    legend.fontSize = 7
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [
        (ACCENT, _("registered %")),
        (colors.HexColor("#27AE60"), _("present %")),
        (colors.HexColor("#BBBBBB"), _("target %")),
    ]
    drawing.add(chart)
    drawing.add(legend)
    return drawing


def _representativeness(
    data: ReportData,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> list[Flowable]:
    story: list[Flowable] = [
        _heading(_("Representativeness"), styles["h1"], headings),
        _p(
            _(
                "Only people who consented are counted. Groups of fewer than 5 people are not "
                "shown (×), and neither are the counts and shares that would let them be worked "
                "out from the totals: those are marked × as well."
            ),
            styles["small"],
        ),
    ]
    for matrix in data.diversity:
        rows: list[list[Any]] = [
            [_(matrix.label), _("Registered"), "%", _("Present"), "%", _("Target")]
        ]
        for row in matrix.rows:
            rows.append(
                [
                    _(row.label),
                    _number(row.registered),
                    _percent(row.registered_share),
                    _number(row.checked_in),
                    _percent(row.checked_in_share),
                    _percent(row.target),
                ]
            )
        block: list[Flowable] = [
            _heading(_(matrix.label), styles["h2"], headings),
            report_grid(rows, [width * p for p in (0.3, 0.17, 0.11, 0.17, 0.11, 0.14)]),
            Spacer(1, 2 * mm),
            _diversity_chart(matrix, width),
        ]
        story.append(KeepTogether(block))
    return story


def _concept(concept: ConceptSection, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    written = concept.text
    parts: list[Flowable] = [_p(written.title, styles["h3"])]
    if written.description:
        parts.append(_p(written.description, styles["body"]))
    for label, text in (
        (_("What is alive?"), written.what_is_alive),
        (_("What can I do?"), written.what_i_can_do),
        (_("What can we do?"), written.what_we_can_do),
        (_("What can the city do?"), written.what_the_city_can_do),
        (_("First step"), written.first_step),
        (_("Who is needed"), written.who_is_needed),
    ):
        if text:
            lead = label if label.endswith("?") else f"{label}:"
            parts.append(Paragraph(f"<b>{escape(lead)}</b> {escape(text)}", styles["body"]))
    if concept.ideas:
        parts.append(
            _p(
                _("From the ideas: {ideas}").format(ideas=" · ".join(concept.ideas)),
                styles["small"],
            )
        )
    return parts


def _tie_note(table: TableSection) -> str:
    if table.tie_rule == "table_decision":
        return _("A tie at place ten was settled by the table's choice: {reason}").format(
            reason=table.tie_reason
        )
    if table.tie_rule == "runoff":
        return _("A tie at place ten was settled by a run-off count.")
    return ""


def _table_heading(table: TableSection) -> str:
    heading = _("Table {number} (day {day})").format(number=table.number, day=table.day)
    if table.facilitator:
        heading += f" — {table.facilitator}"
    return heading


def _table_block(
    table: TableSection,
    styles: dict[str, ParagraphStyle],
    width: float,
    heading: Paragraph | None = None,
) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        heading or _p(_table_heading(table), styles["h2"]),
        _p(
            ngettext("{count} idea.", "{count} ideas.", table.ideas).format(count=table.ideas),
            styles["small"],
        ),
    ]
    if table.top:
        rows: list[list[Any]] = [["#", _("The ten best ideas"), _("Dots")]]
        rows += [[idea.rank, _p(idea.text, styles["cell"]), idea.dots] for idea in table.top]
        story.append(report_grid(rows, [width * 0.07, width * 0.8, width * 0.13]))
        note = _tie_note(table)
        if note:
            story.append(_p(note, styles["small"]))
    else:
        story.append(_p(_("This table has not fixed its ten best ideas."), styles["small"]))
    if table.concepts:
        story.append(_p(_("Concepts"), styles["h3"]))
        for concept in table.concepts:
            story.extend(_concept(concept, styles))
    return story


def _table_chunk(
    table: TableSection,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> Chunk:
    heading = _heading(_table_heading(table), styles["h2"], headings)
    # The block is made when the layout reaches it, still inside the document's language.
    return Chunk(
        functools.partial(_table_block, table, styles, width, heading),
        # A concept (six paragraphs) takes about eight times an idea's row to lay out.
        weight=4 + 2 * len(table.top) + 8 * len(table.concepts),
    )


SHOWN_CLUSTERS_AT_ONE_TABLE = 5
"""Clusters that came up at one table only, shown before the rest are only counted."""


def _cluster_cell(cluster: ClusterLine, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    mark = {"key": _("Key"), "barrier": _("Barrier")}.get(cluster.kind or "")
    title = f"<b>{escape(mark)}:</b> " if mark else ""
    cell: list[Flowable] = [Paragraph(title + escape(cluster.title), styles["cell"])]
    if cluster.summary:
        cell.append(_p(cluster.summary, styles["small"]))
    return cell


def _theme_clusters(
    theme: ThemeSection, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    """What came up at the theme's tables, as its team grouped it: the clusters that came
    up at most tables first, each with its tables, dots and ideas chosen in a ten."""
    if not theme.clusters:
        return []
    shared = [c for c in theme.clusters if c.tables > 1 or c.kind or c.summary]
    alone = [c for c in theme.clusters if c not in shared]
    shown = shared + alone[:SHOWN_CLUSTERS_AT_ONE_TABLE]
    tables = len(theme.tables)
    rows: list[list[Any]] = [[_("What came up"), _("Came up"), _("Dots"), _("Chosen")]]
    rows += [
        [
            _cluster_cell(cluster, styles),
            _p(
                ngettext(
                    "at {count} of {tables} table", "at {count} of {tables} tables", tables
                ).format(count=cluster.tables, tables=tables)
                + ", "
                + ngettext("{count} idea", "{count} ideas", cluster.ideas).format(
                    count=cluster.ideas
                ),
                styles["cell"],
            ),
            cluster.dots,
            cluster.selected,
        ]
        for cluster in shown
    ]
    story: list[Flowable] = [
        _p(_("What came up at the tables"), styles["h2"]),
        _p(
            _(
                "The theme team grouped the theme's ideas into {count} clusters of ideas "
                "that say the same; every idea is in the appendix."
            ).format(count=len(theme.clusters)),
            styles["small"],
        ),
        report_grid(rows, [width * 0.56, width * 0.22, width * 0.1, width * 0.12]),
    ]
    left = len(alone) - SHOWN_CLUSTERS_AT_ONE_TABLE
    if left > 0:
        story.append(
            _p(
                ngettext(
                    "And {count} more cluster that came up at one table.",
                    "And {count} more clusters that came up at one table each.",
                    left,
                ).format(count=left),
                styles["small"],
            )
        )
    return story


def _themes(
    data: ReportData,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> list[Flowable]:
    story: list[Flowable] = []
    for theme in data.themes:
        story += [
            PageBreak(),
            _heading(theme.name, styles["h1"], headings),
            _p(theme.question, styles["question"]),
            _p(
                # Two counts: the verb goes with the tables, the noun with the ideas.
                ngettext("{tables} table gave", "{tables} tables gave", len(theme.tables)).format(
                    tables=len(theme.tables)
                )
                + " "
                + ngettext("{count} idea.", "{count} ideas.", theme.ideas).format(
                    count=theme.ideas
                ),
                styles["body"],
            ),
        ]
        story += _theme_clusters(theme, styles, width)
        story += [_table_chunk(table, styles, width, headings) for table in theme.tables]
    return story


def _every_idea(
    theme: str, table: TableSection, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    rows: list[list[Any]] = [[_("Duo"), _("Idea"), _("Dots"), _("In the ten")]]
    rows += [
        [
            idea.duo or "",
            _p(idea.text, styles["cell"]),
            idea.dots,
            "✓" if idea.selected else "",
        ]
        for idea in table.all_ideas
    ]
    return [
        _p(
            _("{theme}, table {number} (day {day})").format(
                theme=theme, number=table.number, day=table.day
            ),
            styles["h3"],
        ),
        report_grid(rows, [width * 0.08, width * 0.7, width * 0.1, width * 0.12]),
    ]


def _appendix(
    data: ReportData,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> list[Flowable]:
    story: list[Flowable] = [
        PageBreak(),
        _heading(_("Appendix: every idea"), styles["h1"], headings),
    ]
    for theme in data.themes:
        for table in theme.tables:
            if table.all_ideas:
                story.append(
                    Chunk(
                        functools.partial(_every_idea, theme.name, table, styles, width),
                        weight=1 + len(table.all_ideas),
                    )
                )
    return story


def _chance(probability: float) -> str:
    """A probability as a percentage, as the document's language writes one: '41,7%'."""
    locale = BABEL_LOCALES.get(_document_language_code.get(), BABEL_LOCALES["nl"])
    return format_percent(probability, "#,##0.0%", locale=locale)


def _day_draw(drawn: DayDraw, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """One day's draw: why, how (places, pool, algorithm, seed, lowest chance), the quotas."""
    intro = _(
        "On day {day}, {registered} people registered for {places} places, so the group "
        "was drawn by lot, in public, within quotas set from the city's figures so that it "
        "reflects the city. Anyone can draw again with the same seed and quotas and get the "
        "same group."
    ).format(day=drawn.day, registered=drawn.registered, places=drawn.places)
    if drawn.households_together:
        intro += " " + _("People who registered together were drawn together.")
    facts: list[list[Any]] = [
        [_("Places"), drawn.places],
        [_("Registered"), drawn.registered],
        [_("Algorithm"), _p(_(ALGORITHMS.get(drawn.algorithm, drawn.algorithm)), styles["cell"])],
        [_("Seed"), str(drawn.seed)],
        [_("Lowest chance of being drawn"), _chance(drawn.lowest_probability)],
    ]
    block: list[Flowable] = [
        _p(_("Day {day} ({date})").format(day=drawn.day, date=_day(drawn.date)), styles["h3"]),
        _p(intro, styles["body"]),
        _facts(facts, [width * 0.4, width * 0.6]),
    ]
    story: list[Flowable] = [KeepTogether(block), Spacer(1, 3 * mm)]
    if drawn.quotas:
        rows: list[list[Any]] = [[_("Category"), _("Value"), _("Minimum"), _("Maximum")]]
        rows += [
            [_(quota.category), _p(_(quota.value), styles["cell"]), quota.minimum, quota.maximum]
            for quota in drawn.quotas
        ]
        story.append(report_grid(rows, [width * p for p in (0.3, 0.4, 0.15, 0.15)]))
    if drawn.unlimited:
        story.append(_p(_("Values without a quota here had no limit."), styles["small"]))
    return story


def _draws(
    data: ReportData,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> list[Flowable]:
    """How the group was drawn, day by day; nothing for an event without a draw."""
    if not data.draws:
        return []
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        _heading(_("How the group was drawn"), styles["h2"], headings),
    ]
    for drawn in data.draws:
        story += _day_draw(drawn, styles, width)
    return story


def _method(
    data: ReportData,
    styles: dict[str, ParagraphStyle],
    width: float,
    headings: list[tuple[int, str]],
) -> list[Flowable]:
    rules = data.tie_rules
    return [
        PageBreak(),
        _heading(_("Method"), styles["h1"], headings),
        _p(
            _(
                "Each citizen chose a theme. Tables were filled so that every table was as mixed "
                "as the group allowed (age, gender, origin, neighbourhood), and at each table "
                "people worked in duos formed across those differences."
            ),
            styles["body"],
        ),
        _p(
            _(
                "Divergence: the duos wrote as many ideas as they could; the facilitator entered "
                "them as they came. Ideas that said the same were merged, keeping both."
            ),
            styles["body"],
        ),
        _p(
            _(
                "Selection: everyone at the table put three dots on the ideas they backed. The "
                "ten ideas with the most dots were selected. A tie across place ten was never "
                "broken by the order of the list: the table settled it by a run-off count or "
                "by its own choice, with a reason, as this report shows for each table."
            ),
            styles["body"],
        ),
        _p(
            _(
                "Ties settled by the table's choice: {decisions}; by a run-off: {runoffs}; "
                "tables without a tie: {clear}."
            ).format(
                decisions=rules.get("table_decision", 0),
                runoffs=rules.get("runoff", 0),
                clear=rules.get("none", 0),
            ),
            styles["body"],
        ),
        _p(
            _(
                "Convergence: each selected idea was worked out into a concept on four "
                "questions: what is alive, what can I do, what can we do, what can the city do; "
                "with a first step and who is needed."
            ),
            styles["body"],
        ),
        *_draws(data, styles, width, headings),
    ]


def write_in_place(path: Path, write: Callable[[str], None]) -> None:
    """Write a document into a temporary file, then move it in place: Cancel leaves no
    half document (the report's and the follow-up report's)."""
    path = Path(path)
    temporary = str(path.with_name(f".{path.name}.part"))
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        # Said on screen, so in the app's language, not the document's.
        raise InputRejected(
            i18n._("The file {path} cannot be written: choose another folder.").format(path=path)
        ) from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _subtitle(data: ReportData) -> str:
    if len(data.themes) > 1 or not data.themes:
        return _("Report of the citizens' day")
    return _("Report for the policy table on {theme}").format(theme=data.themes[0].name)


def _story(data: ReportData, styles: dict[str, ParagraphStyle]) -> Story:
    """The report's cover and body; the body's tables are made as the layout reaches them."""
    width = A4[0] - 40 * mm
    headings: list[tuple[int, str]] = []
    body = _participation(data, styles, width, headings)
    body += [PageBreak(), *_representativeness(data, styles, width, headings)]
    body += _themes(data, styles, width, headings)
    body += _appendix(data, styles, width, headings)
    body += _method(data, styles, width, headings)
    return Story(_cover(data, styles, _subtitle(data)), body, headings)


def render_report(
    data: ReportData,
    path: Path,
    *,
    language: str = "nl",
    progress: Progress | None = None,
) -> int:
    """Write the report (the whole event, or the themes `data` holds); return its ideas.
    `progress` hears (done, total) page by page and may raise `Cancelled` to stop."""
    with _language(language):
        styles = report_styles()
        write_in_place(
            path,
            lambda temporary: build_with_contents(
                temporary,
                lambda: _story(data, styles),
                lambda entries: _contents(styles, entries),
                footer=f"{data.event} — {_subtitle(data)}",
                progress=progress,
            ),
        )
    return data.ideas


def report_flowables(data: ReportData, *, language: str = "nl") -> list[Flowable]:
    """The report's paragraphs, tables and charts in reading order, all made at once and
    without the contents: what a bare platypus build of the same text lays out (the
    benchmark's floor)."""
    with _language(language):
        story = _story(data, report_styles())
        flowables: list[Flowable] = [*story.cover, PageBreak()]
        for item in story.body:
            flowables.extend(item.make() if isinstance(item, Chunk) else [item])
    return flowables


def render_table_page(data: ReportData, path: Path, *, language: str = "nl") -> None:
    """A table's one-pager for its facilitator: the question, the ten best, the concepts."""
    if not data.themes or not data.themes[0].tables:
        raise InputRejected(_("There is no such table in this event."))
    theme, table = data.themes[0], data.themes[0].tables[0]
    with _language(language):
        styles = report_styles()
        width = A4[0] - 40 * mm
        story: list[Flowable] = [
            _p(data.event, styles["small"]),
            _p(theme.name, styles["h1"]),
            _p(theme.question, styles["question"]),
            *_table_block(table, styles, width),
            Spacer(1, 4 * mm),
            _p(_("Thank you for facilitating this table."), styles["small"]),
        ]
        write_in_place(
            path,
            lambda temporary: build_plain(temporary, story, footer=f"{data.event} — {theme.name}"),
        )
