"""The audit log as organisers read it: newest first, narrowed by room, words and day;
and as it leaves the app: without who did it or what they typed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook

from degenks_desktop.services.front_desk.check_ins import check_in_participant, undo_check_in
from degenks_desktop.services.house.audit_log import (
    ACTION_WORDS,
    AuditFilter,
    action_words,
    read_audit_log,
    rooms,
)
from degenks_desktop.services.reporting.exports import export_rows, write_table
from degenks_desktop.services.tables.ideas import add_idea
from degenks_desktop.storage.database import Database
from tests.helpers.tables import add_two_tables

SECRET_IDEA = "Een buurtfeest bij Özkan Yılmaz thuis"


def a_morning(database: Database) -> list[int]:
    """Two people checked in at Onthaal 2, one undone; an idea typed at table 1."""
    tables = add_two_tables(database)
    first, second = tables.people[:2]
    check_in_participant(database, first, desk="Onthaal 2", day_number=1, actor="Onthaal 2")
    check_in_participant(database, second, desk="Onthaal 2", day_number=1, actor="Onthaal 2")
    undo_check_in(database, second, desk="Onthaal 2", day_number=1, reason="verkeerde persoon")
    add_idea(database, tables.mine, text=SECRET_IDEA, duo_id=tables.duos[0])
    return [first, second]


def test_the_log_lists_what_happened_newest_first_in_words(database: Database) -> None:
    _first, second = a_morning(database)
    log = read_audit_log(database)
    actions = [row.action for row in log]
    assert actions.index("idea.added") < actions.index("check_in.undone")
    assert actions.index("check_in.undone") < actions.index("check_in.created")
    undone = next(row for row in log if row.action == "check_in.undone")
    assert undone.subject_id == second and "verkeerde persoon" in undone.details
    assert action_words("check_in.undone") == "Check-in ongedaan gemaakt"
    assert action_words("something.new") == "something.new"  # an unknown kind: its code


def test_the_organiser_narrows_the_log_by_room_words_and_day(database: Database) -> None:
    a_morning(database)
    desk = read_audit_log(database, AuditFilter(room="Front desk"))
    assert desk and {row.action.split(".")[0] for row in desk} == {"check_in"}
    tables = read_audit_log(database, AuditFilter(room="Tables"))
    assert {row.action for row in tables} == {"idea.added", "facilitator.pin_set"}
    # Words are found folded, as the desk finds names: "ozkan" finds "Özkan".
    assert [row.action for row in read_audit_log(database, AuditFilter(words="ozkan"))] == [
        "idea.added"
    ]
    today = dt.datetime.now().astimezone().date()
    assert len(read_audit_log(database, AuditFilter(on=today))) == len(read_audit_log(database))
    yesterday = today - dt.timedelta(days=1)
    assert read_audit_log(database, AuditFilter(on=yesterday)) == []
    assert "Front desk" in rooms() and len(rooms()) == len(set(rooms()))


def test_the_exported_log_holds_no_name_and_no_typed_words(
    database: Database, tmp_path: Path
) -> None:
    a_morning(database)
    header, rows = export_rows(database, "audit", anonymous=False)  # anonymous whatever
    path = tmp_path / "logboek.xlsx"
    assert write_table(path, header, rows) == len(rows) == len(read_audit_log(database))
    sheet = load_workbook(path).active
    assert sheet is not None
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    text = "\n".join(cells)
    for personal in ("Onthaal 2", "Özkan", "verkeerde persoon", "Sofie", "Claes"):
        assert personal not in text, personal
    assert "Ingecheckt" in cells and "check_in.created" in cells  # what, and its code


def test_every_kind_of_change_the_app_records_has_its_words() -> None:
    """A change that shows in the log as a code tells an organiser nothing."""
    package = Path(__file__).resolve().parents[3] / "degenks_desktop"
    recorded = set()
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        if "audit.record(" not in text:
            continue
        recorded |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', text))
        recorded |= set(re.findall(r'^[A-Z_]+ = "([a-z_]+\.[a-z_]+)"', text, re.M))
    assert recorded  # the scan found the app's audit calls
    assert sorted(a for a in recorded if a not in ACTION_WORDS) == []
