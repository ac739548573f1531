"""The postcard weeks after the day: each participant's own commitment, their table's ten
best ideas and the link to the follow-up report, sent to their home.

Only for people who agreed to be contacted, came on the day and gave a postal address;
the others are counted by why they get none. The cards come sorted for the post
(postcode, street, house number), A6 landscape, two pages each (the message side and the
address side), each in the person's own language whatever the app's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A6, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from degenks_desktop.date_style import day_on_paper
from degenks_desktop.domain.text_fit import LINE_HEIGHT, fit_text
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import NotFound, NothingToDo
from degenks_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, ngettext, translations_for
from degenks_desktop.services.follow_up.settings import follow_up_settings
from degenks_desktop.services.house import audit
from degenks_desktop.services.printing.fonts import (
    draw_fitted_text,
    draw_text,
    pdf_canvas,
    text_width,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Commitment,
    Event,
    Idea,
    Participant,
    Seat,
    SelectedIdea,
    Selection,
    Table,
    Theme,
)

Progress = Callable[[int, int], None]
Translate = Callable[[str], str]
PAGE = landscape(A6)
MARGIN = 7 * mm
INK = HexColor("#222222")
GREY = HexColor("#666666")


@dataclass(frozen=True)
class Postcard:
    """What one person's card says, and where it goes."""

    participant_id: int
    first_name: str
    last_name: str
    street: str
    postcode: str
    town: str
    language: str
    commitment: str
    ten_best: tuple[str, ...]
    theme: str
    colour: str = "#444444"

    @property
    def name(self) -> str:
        """First and last name as the person wrote them."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class PostcardRun:
    """The cards to print, sorted for the post, and how many people get none and why."""

    postcards: tuple[Postcard, ...]
    no_address: int = 0
    """Agreed to be contacted and came, but gave no full postal address."""
    did_not_come: int = 0
    """Agreed to be contacted, but were not checked in on any day."""
    no_consent: int = 0
    """Did not agree to be contacted after the day."""

    @property
    def left_out(self) -> int:
        """Everyone of the event who gets no card."""
        return self.no_address + self.did_not_come + self.no_consent


# --- who gets a card --------------------------------------------------------------------

_HOUSE_NUMBER = re.compile(r"^(.*?\D)[\s,]*(\d[\w\s/.\-]*)$")
_PIECES = re.compile(r"\d+|\D+")


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    """A key that orders '2' before '10' and '12' before '12A' before '12 bus 3'."""
    return tuple(
        (0, int(piece), "") if piece.isdigit() else (1, 0, fold(piece))
        for piece in _PIECES.findall(text.strip())
    )


def _street_and_number(street: str) -> tuple[str, str]:
    """'Stalenstraat 12 bus 3' -> ('Stalenstraat', '12 bus 3'); without a number, as is."""
    found = _HOUSE_NUMBER.match(street.strip())
    return (found.group(1).strip(), found.group(2).strip()) if found else (street.strip(), "")


def post_order(card: Postcard) -> tuple[object, ...]:
    """How the post wants the cards: by postcode, street, house number, then name."""
    street, number = _street_and_number(card.street)
    return (
        _natural(card.postcode),
        fold(street),
        _natural(number),
        fold(card.last_name),
        fold(card.first_name),
        card.participant_id,
    )


def _ten_best(session: Session, table_ids: set[int]) -> dict[int, tuple[str, ...]]:
    """Each table's locked ten, in rank order (a table not locked has none)."""
    texts: dict[int, list[str]] = defaultdict(list)
    if not table_ids:
        return {}
    for table_id, text in session.execute(
        select(Selection.table_id, Idea.text)
        .join(SelectedIdea, SelectedIdea.selection_id == Selection.id)
        .join(Idea, Idea.id == SelectedIdea.idea_id)
        .where(Selection.table_id.in_(table_ids), Selection.locked_at.is_not(None))
        .order_by(Selection.table_id, SelectedIdea.rank)
    ).all():
        texts[table_id].append(text)
    return {table: tuple(ideas) for table, ideas in texts.items()}


def postcards_to_print(database: Database, event_id: int) -> PostcardRun:
    """The event's postcards, sorted for the post: one for each person who agreed to be
    contacted, was checked in on a day and gave street, postcode and town."""
    with database.reading() as session:
        if session.get(Event, event_id) is None:
            raise NotFound(_("There is no event number {id}.").format(id=event_id))
        people = session.scalars(
            select(Participant).where(Participant.event_id == event_id).order_by(Participant.id)
        ).all()
        came: dict[int, int] = {}
        for person_id, day_id in session.execute(
            select(CheckIn.participant_id, CheckIn.day_id)
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(Participant.event_id == event_id, CheckIn.undone_at.is_(None))
            .order_by(CheckIn.checked_in_at, CheckIn.id)
        ).all():
            came.setdefault(person_id, day_id)  # the first day they came, should they come twice
        seats = {
            (person_id, day_id): table
            for person_id, day_id, table in session.execute(
                select(Seat.participant_id, Seat.day_id, Seat.table_id)
                .join(Participant, Participant.id == Seat.participant_id)
                .where(Participant.event_id == event_id)
            ).all()
        }
        tables = {
            table: (name, colour)
            for table, name, colour in session.execute(
                select(Table.id, Theme.name, Theme.colour)
                .join(Theme, Theme.id == Table.theme_id)
                .where(Theme.event_id == event_id)
            ).all()
        }
        themes = {
            theme: (name, colour)
            for theme, name, colour in session.execute(
                select(Theme.id, Theme.name, Theme.colour).where(Theme.event_id == event_id)
            ).all()
        }
        commitments: dict[int, dict[int, str]] = defaultdict(dict)
        for person_id, day_id, text in session.execute(
            select(Commitment.participant_id, Commitment.day_id, Commitment.text)
            .join(Participant, Participant.id == Commitment.participant_id)
            .where(Participant.event_id == event_id)
        ).all():
            commitments[person_id][day_id] = text
        ten_best = _ten_best(session, set(seats.values()))
        cards: list[Postcard] = []
        no_address = did_not_come = no_consent = 0
        for person in people:
            if not person.contact_consent:
                no_consent += 1
                continue
            day = came.get(person.id)
            if day is None:
                did_not_come += 1
                continue
            street, postcode, town = (
                (value or "").strip() for value in (person.street, person.postcode, person.town)
            )
            if not (street and postcode and town):
                no_address += 1
                continue
            table = seats.get((person.id, day))
            theme, colour = tables.get(table, ("", "")) if table is not None else ("", "")
            if not theme and person.first_theme_id in themes:
                theme, colour = themes[person.first_theme_id]
            own = commitments.get(person.id, {})
            # The commitment of the day they came; one typed under another day still counts.
            commitment = own.get(day) or next(iter(own.values()), "")
            cards.append(
                Postcard(
                    participant_id=person.id,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    street=street,
                    postcode=postcode,
                    town=town,
                    language=person.language if person.language in LANGUAGES else DEFAULT_LANGUAGE,
                    commitment=commitment,
                    ten_best=ten_best.get(table, ()) if table is not None else (),
                    theme=theme,
                    colour=colour or "#444444",
                )
            )
    cards.sort(key=post_order)
    return PostcardRun(tuple(cards), no_address, did_not_come, no_consent)


def describe_run(run: PostcardRun) -> str:
    """One sentence: how many cards, and how many people get none and why."""
    made = ngettext("{count} postcard to print", "{count} postcards to print", len(run.postcards))
    sentence = made.format(count=len(run.postcards))
    if not run.left_out:
        return sentence + "."
    why = [
        ngettext(
            "{count} agreed to be contacted but has no postal address",
            "{count} agreed to be contacted but have no postal address",
            run.no_address,
        ).format(count=run.no_address),
        ngettext("{count} did not come", "{count} did not come", run.did_not_come).format(
            count=run.did_not_come
        ),
        ngettext(
            "{count} did not agree to be contacted",
            "{count} did not agree to be contacted",
            run.no_consent,
        ).format(count=run.no_consent),
    ]
    counts = (run.no_address, run.did_not_come, run.no_consent)
    reasons = "; ".join(text for text, count in zip(why, counts, strict=True) if count)
    left = ngettext("{count} person left out", "{count} people left out", run.left_out)
    return _("{made}; {left}: {reasons}.").format(
        made=sentence, left=left.format(count=run.left_out), reasons=reasons
    )


# --- the cards on paper -----------------------------------------------------------------

# On the cards `_` is the person's own language, not the app's: a card goes out in the
# language they registered in. pybabel extracts these strings as any other.


def _fitted(
    canvas: Canvas,
    text: str,
    box: tuple[float, float, float, float],
    *,
    largest: float,
    smallest: float,
    bold: bool = False,
    max_lines: int = 1,
) -> float:
    """Draw `text` fitted into `box` (never beyond it); the y below its last line."""
    return draw_fitted_text(
        canvas, text, box, largest=largest, smallest=smallest, bold=bold, max_lines=max_lines
    ).below


LIST_SIZES = (7.0, 6.5, 6.0, 5.5, 5.0, 4.5)
"""The sizes the ten best may take, largest first: one for the whole list."""


def _draw_ten_best(
    canvas: Canvas, ideas: tuple[str, ...], box: tuple[float, float, float, float]
) -> None:
    """The ten best one after another, each as many lines as it needs, all at the largest
    size at which the whole list fits in `box` (x, bottom, width, top): a list whose ideas
    change size from one to the next reads badly, and a fixed slot each breaks words."""
    x, bottom, width, top = box
    listed = [f"{rank}. {idea}" for rank, idea in enumerate(ideas, start=1)]

    def wrapped(size: float) -> list[tuple[str, ...]]:
        return [
            fit_text(
                line,
                width=width,
                height=top - bottom,
                largest=size,
                smallest=size,
                measure=text_width,
                max_lines=8,
            ).lines
            for line in listed
        ]

    def height(size: float, lines: list[tuple[str, ...]]) -> float:
        gap = size * 0.4
        return sum(len(idea) for idea in lines) * size * LINE_HEIGHT + gap * (len(lines) - 1)

    size = next((s for s in LIST_SIZES if height(s, wrapped(s)) <= top - bottom), LIST_SIZES[-1])
    y = top
    for idea in wrapped(size):
        for line in idea:
            if y - size < bottom:
                return  # never beyond the box, even for ten very long ideas
            draw_text(canvas, x, y - size * 0.95, line, size)
            y -= size * LINE_HEIGHT
        y -= size * 0.4


def _message_side(
    canvas: Canvas, card: Postcard, *, event_name: str, link: str, date: str, _: Translate
) -> None:
    """The commitment large, the table's ten best small, the report's link and the date."""
    width, height = PAGE
    canvas.setFillColor(HexColor(card.colour))
    canvas.rect(0, height - 3 * mm, width, 3 * mm, stroke=0, fill=1)
    canvas.setFillColor(INK)
    top = height - MARGIN - 2 * mm
    _fitted(
        canvas, event_name, (MARGIN, top - 11, width * 0.62, 11), largest=9, smallest=6, bold=True
    )
    canvas.setFillColor(GREY)
    draw_text(canvas, width - MARGIN - text_width(date, 8), top - 9, date, 8)
    canvas.setFillColor(INK)

    bottom = MARGIN + 12 * mm  # the link's band below
    column = 80 * mm
    body_top = top - 16
    _fitted(
        canvas,
        _("What will I do myself?"),
        (MARGIN, body_top - 11, column, 11),
        largest=9,
        smallest=6,
        bold=True,
    )
    box = (MARGIN, bottom, column, body_top - 15 - bottom)
    if card.commitment:
        _fitted(canvas, card.commitment, box, largest=18, smallest=7, max_lines=20)
    else:
        _fitted(
            canvas,
            _(
                "You wrote no commitment at the table. Is there something small you could "
                "do yourself, now that you have read what your table came up with?"
            ),
            box,
            largest=11,
            smallest=7,
            max_lines=8,
        )

    right = MARGIN + column + 6 * mm
    right_width = width - MARGIN - right
    canvas.setStrokeColor(HexColor("#BBBBBB"))
    canvas.line(right - 3 * mm, bottom, right - 3 * mm, body_top)
    heading = (
        _("The ten best ideas of your table ({theme})").format(theme=card.theme)
        if card.theme
        else _("The ten best ideas of your table")
    )
    y = _fitted(
        canvas,
        heading,
        (right, body_top - 18, right_width, 18),
        largest=7.5,
        smallest=5.5,
        bold=True,
        max_lines=2,
    )
    if card.ten_best:
        _draw_ten_best(
            canvas, card.ten_best, (right, bottom, right_width, y + 7.5 * LINE_HEIGHT - 2)
        )
    else:
        _fitted(
            canvas,
            _("Your table's ideas are in the follow-up report."),
            (right, y - 20, right_width, 20),
            largest=7,
            smallest=5,
            max_lines=3,
        )

    if link:
        canvas.setFillColor(GREY)
        _fitted(
            canvas,
            _("What happens with the ideas, step by step:"),
            (MARGIN, MARGIN + 6 * mm, width - 2 * MARGIN, 9),
            largest=7.5,
            smallest=6,
        )
        canvas.setFillColor(INK)
        _fitted(
            canvas,
            link,
            (MARGIN, MARGIN, width - 2 * MARGIN, 13),
            largest=10,
            smallest=5,
            bold=True,
        )


def _address_side(
    canvas: Canvas, card: Postcard, *, event_name: str, date: str, _: Translate
) -> None:
    """Thanks and the date on the left; the stamp's place and the address on the right."""
    width, height = PAGE
    middle = width / 2
    canvas.setStrokeColor(HexColor("#BBBBBB"))
    canvas.line(middle, MARGIN + 6 * mm, middle, height - MARGIN - 6 * mm)
    left_width = middle - MARGIN - 5 * mm
    y = _fitted(
        canvas,
        event_name,
        (MARGIN, height - MARGIN - 24, left_width, 24),
        largest=11,
        smallest=7,
        bold=True,
        max_lines=2,
    )
    y = _fitted(
        canvas,
        _("Thank you for taking part, {name}.").format(name=card.first_name or card.name),
        (MARGIN, y - 30, left_width, 30 + 9),
        largest=9,
        smallest=6,
        max_lines=3,
    )
    canvas.setFillColor(GREY)
    draw_text(canvas, MARGIN, MARGIN + 2 * mm, date, 8)
    canvas.setFillColor(INK)

    stamp = 20 * mm
    canvas.setDash(2, 2)
    canvas.rect(width - MARGIN - stamp, height - MARGIN - stamp * 1.2, stamp, stamp * 1.2)
    canvas.setDash()
    x = middle + 6 * mm
    address_width = width - MARGIN - x
    lines = (card.name, card.street, f"{card.postcode} {card.town}")
    y = 50 * mm
    for index, line in enumerate(lines):
        _fitted(
            canvas,
            line,
            (x, y - 13, address_width, 13),
            largest=11,
            smallest=6,
            bold=index == 0,
        )
        canvas.line(x, y - 15, width - MARGIN, y - 15)
        y -= 9 * mm


def render_postcards(
    run: PostcardRun,
    target: Path | BinaryIO,
    *,
    event_name: str,
    report_link: str,
    postcards_on: dt.date,
    progress: Progress | None = None,
) -> int:
    """Write `run`'s cards, A6 landscape, two pages each (message, then address), each in
    the person's language; return how many cards."""
    canvas = pdf_canvas(target, PAGE, title=_("Postcards"))
    catalogues: dict[str, Translate] = {}
    cards = run.postcards
    for index, card in enumerate(cards, start=1):
        if card.language not in catalogues:
            catalogues[card.language] = translations_for(card.language).gettext
        translate = catalogues[card.language]
        date = day_on_paper(postcards_on, card.language)
        _message_side(canvas, card, event_name=event_name, link=report_link, date=date, _=translate)
        canvas.showPage()
        _address_side(canvas, card, event_name=event_name, date=date, _=translate)
        canvas.showPage()
        if progress is not None and (index % 25 == 0 or index == len(cards)):
            progress(index, len(cards))
    canvas.save()
    return len(cards)


def make_postcards(
    database: Database,
    event_id: int,
    target: Path,
    *,
    actor: str,
    run: PostcardRun | None = None,
    progress: Progress | None = None,
) -> PostcardRun:
    """Read who gets a card (unless `run` is given), write the PDF with the link and date
    the organisers set (today's date until they set one) and note it in the audit log."""
    if run is None:
        run = postcards_to_print(database, event_id)
    if not run.postcards:
        raise NothingToDo(_("Nobody gets a postcard: {why}").format(why=describe_run(run)))
    settings = follow_up_settings(database, event_id)
    with database.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFound(_("There is no event number {id}.").format(id=event_id))
        event_name = event.name
    render_postcards(
        run,
        target,
        event_name=event_name,
        report_link=settings.report_link,
        postcards_on=settings.postcards_on or dt.date.today(),
        progress=progress,
    )
    with database.transaction() as session:
        audit.record(
            session,
            action="postcards.made",
            actor=actor,
            subject_type="event",
            subject_id=event_id,
            details={
                "count": len(run.postcards),
                "no_address": run.no_address,
                "did_not_come": run.did_not_come,
                "no_consent": run.no_consent,
            },
        )
    return run
