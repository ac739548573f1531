"""The tables on the command line: a table's PIN guards its ideas and dots; exports."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from degenks_desktop.services.tables.ideas import add_idea, ideas_at_table
from degenks_desktop.services.tables.top_ten import lock_selection
from degenks_desktop.storage.database import Database, open_database
from tests.helpers.cli import run
from tests.helpers.organisers import add_organiser
from tests.helpers.tables import PIN_MINE, PIN_OTHER, TwoTables, add_two_tables


@pytest.fixture
def tables_file(sqlite_database_url: str) -> Iterator[tuple[str, Database, TwoTables]]:
    database = open_database(sqlite_database_url)
    tables = add_two_tables(database)
    add_organiser(database)
    yield sqlite_database_url, database, tables
    database.close()


def test_a_table_is_worked_only_with_its_own_pin(
    capsys: pytest.CaptureFixture[str], tables_file: tuple[str, Database, TwoTables]
) -> None:
    url, database, tables = tables_file
    table_one = ("--db", url, "--day", "1", "--table", "1")
    code, out, _err = run(
        capsys,
        "idea",
        *table_one[2:],
        "--db",
        url,
        "--pin",
        PIN_MINE,
        "--duo",
        "2",
        "Een speelstraat",
    )
    assert (code, out.strip()) == (0, "Idee 1 bewaard.")
    code, _out, err = run(
        capsys, "idea", "--db", url, "--day", "1", "--table", "1", "--pin", PIN_OTHER, "Overgenomen"
    )
    assert code == 2
    assert err.strip() == "Die pincode is niet die van tafel 1: probeer opnieuw."
    code, _out, err = run(capsys, "ideas", "--db", url, "--day", "1", "--table", "1")
    assert code == 2 and "--pin" in err
    code, out, _err = run(
        capsys, "ideas", "--db", url, "--day", "1", "--table", "2", "--pin", PIN_OTHER, "--json"
    )
    assert (code, out.strip()) == (0, '{"ideas": []}')
    code, _out, err = run(
        capsys, "vote", "--db", url, "--day", "1", "--table", "2", "--pin", PIN_OTHER, "1", "5"
    )
    assert code == 2 and "andere tafel" in err
    assert [(i.text, i.dots) for i in ideas_at_table(database, tables.mine)] == [
        ("Een speelstraat", 0)
    ]


def test_organisers_set_a_new_pin(
    capsys: pytest.CaptureFixture[str], tables_file: tuple[str, Database, TwoTables]
) -> None:
    url, _database, _tables = tables_file
    code, out, _err = run(capsys, "pin", "--db", url, "--day", "1", "--table", "2", "975310")
    assert (code, out.strip()) == (0, "De pincode van tafel 2 is ingesteld.")
    code, _out, _err = run(
        capsys, "ideas", "--db", url, "--day", "1", "--table", "2", "--pin", PIN_OTHER
    )
    assert code == 2
    code, _out, err = run(capsys, "pin", "--db", url, "--day", "1", "--table", "2", "12ab")
    assert code == 2 and "6 tot 8 cijfers" in err
    code, _out, err = run(capsys, "pin", "--db", url, "--day", "1", "--table", "2", "97531")
    assert code == 2 and "6 tot 8 cijfers" in err


def test_ideas_and_concepts_export_without_formulas(
    capsys: pytest.CaptureFixture[str],
    tables_file: tuple[str, Database, TwoTables],
    tmp_path: Path,
) -> None:
    url, database, tables = tables_file
    add_idea(database, tables.mine, text='=HYPERLINK("http://x")', duo_id=tables.duos[0])
    add_idea(database, tables.mine, text="Een fietsbib", duo_id=tables.duos[1])
    lock_selection(database, tables.mine)
    workbook_path = tmp_path / "ideeen.xlsx"
    code, _out, _err = run(capsys, "export", "--db", url, str(workbook_path), "--what", "ideas")
    assert code == 0
    sheet = load_workbook(workbook_path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("dag", "tafel", "thema", "duo", "idee")
    assert rows[1][4] == '=HYPERLINK("http://x")'  # the exact text, in a text cell
    assert sheet.cell(row=2, column=5).data_type == "s"
    assert rows[2][4] == "Een fietsbib" and rows[2][6] == "ja"
    csv_path = tmp_path / "concepten.csv"
    code, _out, _err = run(capsys, "export", "--db", url, str(csv_path), "--what", "concepts")
    assert code == 1  # no concepts written yet: an empty file with its header
    with csv_path.open(encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle, delimiter=";"))[3] == "titel"
    code, _out, err = run(capsys, "export", "--db", url, str(tmp_path / "x.pdf"), "--what", "ideas")
    assert code == 2 and ".xlsx of .csv" in err


def test_the_demo_simulates_the_day(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "dag.sqlite"
    code, out, _err = run(
        capsys, "--db", str(path), "demo", "--participants", "60", "--simulate-day", "--json"
    )
    assert code == 0
    assert json.loads(out)["ideas"] > 100
    code, out, _err = run(capsys, "--db", str(path), "stats", "--json")
    stats = json.loads(out)
    assert stats["concepts"] > 0 and stats["votes"] > 0


def test_report_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "dag.sqlite"
    run(capsys, "--db", str(path), "demo", "--participants", "40", "--days", "1", "--simulate-day")
    code, out, _err = run(capsys, "--db", str(path), "report", str(tmp_path / "verslag.pdf"))
    assert code == 0 and (tmp_path / "verslag.pdf").stat().st_size > 10_000
    assert out.strip().startswith("Verslag geschreven")
    code, _out, _err = run(
        capsys, "--db", str(path), "report", str(tmp_path / "t.pdf"), "--day", "1", "--table", "1"
    )
    assert code == 0
    code, _out, err = run(
        capsys, "--db", str(path), "report", str(tmp_path / "x.pdf"), "--table", "1"
    )
    assert code == 2 and "--day" in err
    code, _out, err = run(
        capsys, "--db", str(path), "report", str(tmp_path / "x.pdf"), "--theme", "ruimtevaart"
    )
    assert code == 2 and "ruimtevaart" in err
    assert not (tmp_path / "x.pdf").exists()


def test_backup_and_restore_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dag.sqlite"
    run(capsys, "--db", str(path), "demo", "--participants", "30", "--days", "1")
    code, out, _err = run(capsys, "--db", str(path), "backup", str(tmp_path / "kopie.sqlite"))
    assert code == 0 and out.startswith("Reservekopie geschreven")
    code, out, _err = run(capsys, "--db", str(path), "restore", str(tmp_path / "kopie.sqlite"))
    assert code == 0 and "Teruggezet" in out
    (tmp_path / "kapot.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, _out, err = run(capsys, "--db", str(path), "restore", str(tmp_path / "kapot.sqlite"))
    assert code == 2 and "geen bruikbare reservekopie" in err


def test_a_vote_over_the_tables_stickers_needs_allow_over(
    capsys: pytest.CaptureFixture[str], tables_file: tuple[str, Database, TwoTables]
) -> None:
    url, database, tables = tables_file
    idea = add_idea(database, tables.mine, text="Een speelstraat", duo_id=tables.duos[0])
    table_one = ("--db", url, "--day", "1", "--table", "1", "--pin", PIN_MINE)
    code, _out, err = run(capsys, "vote", *table_one, str(idea), "31")  # ten people: 30
    assert code == 2 and "--allow-over" in err
    assert [i.dots for i in ideas_at_table(database, tables.mine)] == [0]
    code, _out, _err = run(capsys, "vote", *table_one, str(idea), "31", "--allow-over")
    assert code == 0
    assert [i.dots for i in ideas_at_table(database, tables.mine)] == [31]
