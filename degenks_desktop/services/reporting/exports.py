"""Tabular exports (`degenks export`): participants, check-ins, ideas, concepts, and the
draw's outcome for a mail merge.

Excel or CSV. `anonymous` leaves out names, contact details (the postal address and
the consent to be contacted after the day with them), badge codes, duos and desk
names (the ideas and concepts never carry them), rounds times down to the quarter hour,
and makes the rows k-anonymous (`domain.anonymity`): every combination of what a row
still shows is shared by at least five rows, and the rows are sorted by what they show,
not in the named export's order. Diversity answers are never exported row by row: they
leave the app only as the report's and the screen's protected aggregates (there is no
aggregate export of them); the draw's mail merge says where each person came out, never
why.

No cell runs as a formula (OWASP's CSV injection advice): in CSV, a value starting with
=, +, -, @, a tab or a carriage return gets a leading apostrophe; in Excel, such a value
is written as a text cell (with Excel's own "quote prefix", which shows no apostrophe),
so a phone number "+32 89 …" reads back as exactly that and "=1+1" stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.anonymity import Coarsening, k_anonymous
from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.domain.registration import STATUS_LABELS, RegistrationStatus
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import N_, _
from degenks_desktop.services.house.audit_log import audit_rows
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.tables.ideas import dots_per_idea
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Concept,
    ConceptIdea,
    Day,
    Draw,
    DrawOutcome,
    Duo,
    Idea,
    Participant,
    Seat,
    SelectedIdea,
    Selection,
    Table,
    Theme,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | None
DRAW_OUTCOMES = {
    "selected": N_("selected"),
    "waiting": N_("waiting list"),
    "not_selected": N_("not selected"),
}
"""How a draw's outcome reads in the mail merge (in the export's language)."""


def looks_like_formula(value: Cell) -> bool:
    """Whether a spreadsheet would run `value` as a formula if it were typed in."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def safe_cell(value: Cell) -> Cell:
    """A CSV value that no spreadsheet runs as a formula."""
    if looks_like_formula(value):
        return "'" + str(value)
    return value


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> int:
    """Write `rows` under `header` as .xlsx or .csv (by the file's suffix); return the rows."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputRejected(_("Export to a file ending in .xlsx or .csv."))
    try:
        if suffix == ".csv":
            # UTF-8 with BOM and semicolons: what Excel in Belgium opens without asking.
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(header)
                writer.writerows([safe_cell(value) for value in row] for row in rows)
        else:
            _write_xlsx(path, header, rows)
    except OSError as error:
        raise InputRejected(
            _("The file {path} cannot be written: choose another folder.").format(path=path)
        ) from error
    return len(rows)


def _write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row_number, row in enumerate([header, *rows], start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number, value=value)
            if looks_like_formula(value):
                # openpyxl takes a string starting with "=" for a formula: make it text, and
                # mark it as Excel does for a value typed after an apostrophe.
                cell.data_type = "s"
                cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    workbook.save(path)


def idea_rows(database: Database) -> tuple[list[str], list[list[Cell]]]:
    """Every listed idea with its day, table, theme, duo, dots and whether it is in the ten."""
    header = [
        _("day"),
        _("table"),
        _("theme"),
        _("duo"),
        _("idea"),
        _("dots"),
        _("selected"),
        _("place"),
        _("merged ideas"),
    ]
    with database.reading() as session:
        event = require_event(session)
        dots = dots_per_idea(session)
        places = dict(
            session.execute(
                select(SelectedIdea.idea_id, SelectedIdea.rank)
                .join(Selection, Selection.id == SelectedIdea.selection_id)
                .where(Selection.locked_at.is_not(None))
            ).all()
        )
        merged: dict[int, int] = defaultdict(int)
        for target in session.scalars(select(Idea.merged_into_id)):
            if target is not None:
                merged[target] += 1
        rows = session.execute(
            select(Day.number, Table.number, Theme.name, Duo.number, Idea.id, Idea.text)
            .join(Table, Table.id == Idea.table_id)
            .join(Day, Day.id == Table.day_id)
            .join(Theme, Theme.id == Table.theme_id)
            .outerjoin(Duo, Duo.id == Idea.duo_id)
            .where(
                Day.event_id == event.id,
                Idea.deleted_at.is_(None),
                Idea.merged_into_id.is_(None),
            )
            .order_by(Day.number, Table.number, Idea.created_at, Idea.id)
        ).all()
    return header, [
        [
            day,
            table,
            theme,
            duo,
            text,
            dots.get(idea_id, 0),
            _("yes") if idea_id in places else _("no"),
            places.get(idea_id),
            merged[idea_id],
        ]
        for day, table, theme, duo, idea_id, text in rows
    ]


def concept_rows(database: Database) -> tuple[list[str], list[list[Cell]]]:
    """Every concept with its table and the ideas it grew from."""
    header = [
        _("day"),
        _("table"),
        _("theme"),
        _("title"),
        _("description"),
        _("what is alive"),
        _("what I can do"),
        _("what we can do"),
        _("what the city can do"),
        _("first step"),
        _("who is needed"),
        _("ideas"),
    ]
    with database.reading() as session:
        event = require_event(session)
        ideas: dict[int, list[str]] = defaultdict(list)
        for concept_id, text in session.execute(
            select(ConceptIdea.concept_id, Idea.text)
            .join(Idea, Idea.id == ConceptIdea.idea_id)
            .order_by(Idea.id)
        ).all():
            ideas[concept_id].append(text)
        rows = session.execute(
            select(Day.number, Table.number, Theme.name, Concept)
            .join(Table, Table.id == Concept.table_id)
            .join(Day, Day.id == Table.day_id)
            .join(Theme, Theme.id == Table.theme_id)
            .where(Day.event_id == event.id)
            .order_by(Day.number, Table.number, Concept.id)
        ).all()
        return header, [
            [
                day,
                table,
                theme,
                *ConceptText.of(concept).values().values(),
                " | ".join(ideas[concept.id]),
            ]
            for day, table, theme, concept in rows
        ]


def _seats(session: Session) -> dict[tuple[int, int], tuple[int, int | None]]:
    return {
        (person, day): (table, duo)
        for person, day, table, duo in session.execute(
            select(Seat.participant_id, Seat.day_id, Table.number, Duo.number)
            .join(Table, Table.id == Seat.table_id)
            .outerjoin(Duo, Duo.id == Seat.duo_id)
        ).all()
    }


def participant_rows(database: Database, *, anonymous: bool) -> tuple[list[str], list[list[Cell]]]:
    """Everyone registered: day, first theme, status, table and duo; names, contact
    details, the postal address and whether they may be contacted after the day unless
    anonymous.

    Anonymous: no duo (two people), k-anonymous, sorted by what the rows show."""
    personal = [
        _("first name"),
        _("last name"),
        _("e-mail"),
        _("phone"),
        _("street and number"),
        _("postcode"),
        _("town"),
        _("may be contacted afterwards"),
        _("badge code"),
    ]
    header = [
        _("number"),
        *([] if anonymous else personal),
        _("day"),
        _("theme"),
        _("status"),
        _("checked in"),
        _("table"),
        *([] if anonymous else [_("duo")]),
    ]
    with database.reading() as session:
        event = require_event(session)
        seats = _seats(session)
        present = set(
            session.execute(
                select(CheckIn.participant_id, CheckIn.day_id).where(CheckIn.undone_at.is_(None))
            ).all()
        )
        rows = session.execute(
            select(
                Participant.id,
                Participant.first_name,
                Participant.last_name,
                Participant.email,
                Participant.phone,
                Participant.street,
                Participant.postcode,
                Participant.town,
                Participant.contact_consent,
                Participant.badge_code,
                Participant.day_id,
                Day.number,
                Theme.name,
                Participant.status,
            )
            .outerjoin(Day, Day.id == Participant.day_id)
            .outerjoin(Theme, Theme.id == Participant.first_theme_id)
            .where(Participant.event_id == event.id)
            .order_by(Participant.last_name, Participant.first_name, Participant.id)
        ).all()
    result: list[list[Cell]] = []
    for row in rows:
        person, first, last, email, phone, street, postcode, town, contact = row[:9]
        code, day_id, day, theme, status = row[9:]
        table, duo = seats.get((person, day_id or 0), (None, None))
        contact_details = [first, last, email, phone, street, postcode, town]
        result.append(
            [
                *([] if anonymous else [*contact_details, _("yes") if contact else _("no"), code]),
                day,
                theme,
                _(STATUS_LABELS[RegistrationStatus(status)]),
                _("yes") if (person, day_id) in present else _("no"),
                table,
                *([] if anonymous else [duo]),
            ]
        )
    if anonymous:
        # Day, theme, status, checked in, table: the table goes first, the day last.
        steps = [Coarsening(column) for column in (4, 2, 3, 1, 0)]
        result = k_anonymous(result, quasi=range(5), steps=steps)
    return header, [[number, *row] for number, row in enumerate(result, start=1)]


def quarter_hour(moment: dt.datetime) -> str:
    """The local quarter hour `moment` falls in, as its start: "2013-05-04 09:15"."""
    local = moment.astimezone()
    return local.replace(minute=local.minute - local.minute % 15).strftime("%Y-%m-%d %H:%M")


def _hour_of(quarter: Cell) -> Cell:
    """A quarter hour ("… 09:15") made coarser: its hour ("… 09:00–10:00")."""
    if not isinstance(quarter, str):
        return None
    start = dt.datetime.strptime(quarter, "%Y-%m-%d %H:%M").replace(minute=0)
    return f"{start:%Y-%m-%d %H:%M}–{start + dt.timedelta(hours=1):%H:%M}"


def check_in_rows(database: Database, *, anonymous: bool) -> tuple[list[str], list[list[Cell]]]:
    """Every check-in, undone ones too (marked): day, time, desk; who, unless anonymous.

    Anonymous: no desk, the quarter hour instead of the time, k-anonymous, sorted by what
    the rows show."""
    header = [
        _("day"),
        _("time"),
        *([] if anonymous else [_("desk"), _("first name"), _("last name")]),
        _("table"),
        _("undone"),
    ]
    with database.reading() as session:
        event = require_event(session)
        seats = _seats(session)
        rows = session.execute(
            select(
                Day.number,
                CheckIn.checked_in_at,
                CheckIn.desk,
                Participant.first_name,
                Participant.last_name,
                CheckIn.participant_id,
                CheckIn.day_id,
                CheckIn.undone_at,
            )
            .join(Day, Day.id == CheckIn.day_id)
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(Day.event_id == event.id)
            .order_by(Day.number, CheckIn.checked_in_at, CheckIn.id)
        ).all()
    if not anonymous:
        return header, [
            [
                day,
                at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                desk,
                first,
                last,
                seats.get((person, day_id), (None, None))[0],
                _("yes") if undone else _("no"),
            ]
            for day, at, desk, first, last, person, day_id, undone in rows
        ]
    anonymous_rows: list[list[Cell]] = [
        [
            day,
            quarter_hour(at),
            seats.get((person, day_id), (None, None))[0],
            _("yes") if undone else _("no"),
        ]
        for day, at, _desk, _first, _last, person, day_id, undone in rows
    ]
    # Day, time, table, undone: the table goes first, then the quarter becomes its hour.
    steps = [
        Coarsening(2),
        Coarsening(1, _hour_of),
        Coarsening(3),
        Coarsening(1),
        Coarsening(0),
    ]
    return header, k_anonymous(anonymous_rows, quasi=range(4), steps=steps)


def draw_rows(
    database: Database, *, day_number: int | None = None
) -> tuple[list[str], list[list[Cell]]]:
    """The draw's outcome for a mail merge: one row per person in the pool of each day's
    latest draw (or one day's), with their e-mail, language, day, outcome, place on the
    waiting list, and badge code only if selected and still registered. Never an answer."""
    header = [
        _("first name"),
        _("last name"),
        _("e-mail"),
        _("language"),
        _("day"),
        _("outcome"),
        _("waiting position"),
        _("badge code"),
        _("status"),
    ]
    with database.reading() as session:
        event = require_event(session)
        latest = (
            select(func.max(Draw.id))
            .join(Day, Day.id == Draw.day_id)
            .where(Day.event_id == event.id)
            .group_by(Draw.day_id)
        )
        query = (
            select(
                Participant.first_name,
                Participant.last_name,
                Participant.email,
                Participant.language,
                Day.number,
                DrawOutcome.outcome,
                DrawOutcome.waiting_position,
                Participant.badge_code,
                Participant.status,
            )
            .join(Participant, Participant.id == DrawOutcome.participant_id)
            .join(Draw, Draw.id == DrawOutcome.draw_id)
            .join(Day, Day.id == Draw.day_id)
            .where(DrawOutcome.draw_id.in_(latest))
            .order_by(Day.number, Participant.last_name, Participant.first_name, Participant.id)
        )
        if day_number is not None:
            query = query.where(Day.number == day_number)
        rows = session.execute(query).all()
    return header, [
        [
            first,
            last,
            email,
            language,
            day,
            _(DRAW_OUTCOMES[outcome]),
            position if outcome == "waiting" else None,
            # The code is what lets someone in: only for a chair that is still theirs.
            code if outcome == "selected" and status == RegistrationStatus.REGISTERED else None,
            _(STATUS_LABELS[RegistrationStatus(status)]),
        ]
        for first, last, email, language, day, outcome, position, code, status in rows
    ]


def export_rows(
    database: Database, what: str, *, anonymous: bool, day_number: int | None = None
) -> tuple[list[str], list[list[Cell]]]:
    """The header and rows of one export: participants, checkins, ideas, concepts, the
    draw's outcome (one day's with `day_number`), or the audit log (always without
    personal data)."""
    if what == "draw":
        if anonymous:
            raise InputRejected(
                _(
                    "The draw's outcome is a mail merge of names and e-mail addresses, so it "
                    "cannot be anonymous: export it with names."
                )
            )
        return draw_rows(database, day_number=day_number)
    if what == "participants":
        return participant_rows(database, anonymous=anonymous)
    if what == "checkins":
        return check_in_rows(database, anonymous=anonymous)
    if what == "ideas":
        return idea_rows(database)
    if what == "concepts":
        return concept_rows(database)
    if what == "audit":
        return audit_rows(database)
    raise InputRejected(
        _("Choose what to export: participants, checkins, ideas, concepts, draw or audit.")
    )
