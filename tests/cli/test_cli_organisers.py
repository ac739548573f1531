"""Organisers' commands on the command line: without an organiser's name and password, or
with a wrong one, each is exit 2 with one sentence and the database as it was; with it,
each works. Wrong passwords and wrong PINs in a row make further tries wait, here as in
the app; reading commands without personal data stay open."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from degenks_desktop.config import sqlite_url
from degenks_desktop.services.house.backups import take_backup
from degenks_desktop.services.house.organisers import DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD
from degenks_desktop.services.tables.access import demo_pin
from degenks_desktop.storage.database import open_database
from tests.helpers.cli import run
from tests.helpers.files import write_csv
from tests.helpers.fingerprint import TRIES_AND_AUDIT, fingerprint

WRONG = (DEMO_ORGANISER, "niet het wachtwoord")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo event, made once for the module by `degenks demo`."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    code = run_plain(["--db", str(path), "demo", "--participants", "40", "--days", "1"])
    assert code == 0
    return path


def run_plain(args: list[str]) -> int:
    from degenks_desktop import cli  # noqa: PLC0415

    return cli.main(args)


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the demo database."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def new_password() -> Iterator[None]:
    """A script's password for `organiser add`."""
    os.environ["DEGENKS_NEW_ORGANISER_PASSWORD"] = "een nieuw lang wachtwoord"
    yield
    os.environ.pop("DEGENKS_NEW_ORGANISER_PASSWORD", None)


def organiser_commands(demo: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Every command only organisers may run, with what it needs, on `demo`."""
    backup = tmp_path / "kopie.sqlite"
    database = open_database(sqlite_url(demo))
    try:
        take_backup(database, backup)
    finally:
        database.close()
    registrations = write_csv(
        tmp_path / "lijst.csv",
        [
            ["Voornaam", "Naam", "E-mail", "Thema 1"],
            ["Ayşe", "Yılmaz", "ayse@example.org", "Wonen"],
        ],
    )
    return {
        "pin": ["pin", "--day", "1", "--table", "3", "000000"],
        "export": ["export", str(tmp_path / "mensen.xlsx"), "--what", "participants"],
        "restore": ["restore", str(backup)],
        "import": ["import", str(registrations)],
        "import --dry-run": ["import", str(registrations), "--dry-run"],
        "assign": ["assign", "--effort", "0.1"],
        "demo --force": ["demo", "--force", "--participants", "10", "--days", "1"],
        "backup": ["backup", str(tmp_path / "nog-een-kopie.sqlite")],
        "badges": ["badges", str(tmp_path / "badges.pdf")],
        "letters": ["letters", str(tmp_path / "brieven.pdf")],
        "packs": ["packs", str(tmp_path / "pakketten.pdf")],
        "erase": ["erase", "1"],
        "withdraw-consent": ["withdraw-consent", "1"],
        "organiser add": ["organiser", "add", "Tom"],
    }


COMMANDS = [
    "pin",
    "export",
    "restore",
    "import",
    "import --dry-run",
    "assign",
    "demo --force",
    "backup",
    "badges",
    "letters",
    "packs",
    "erase",
    "withdraw-consent",
    "organiser add",
]
WRITES_A_FILE = {"export", "backup", "badges", "letters", "packs"}


def assert_one_sentence(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].endswith("."), err


@pytest.mark.usefixtures("new_password")
@pytest.mark.parametrize("command", COMMANDS)
def test_an_organisers_command_without_the_credential_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, command: str
) -> None:
    url = sqlite_url(demo)
    args = organiser_commands(demo, tmp_path)[command]
    before = fingerprint(url)
    code, out, err = run(capsys, "--db", str(demo), *args, organiser=None)
    assert (code, out) == (2, "")
    assert err.startswith("Alleen een organisator mag dit: geef je naam met --organiser"), err
    assert_one_sentence(err)
    assert fingerprint(url) == before
    if command in WRITES_A_FILE:
        assert not Path(args[1]).exists()


@pytest.mark.usefixtures("new_password")
@pytest.mark.parametrize("command", COMMANDS)
def test_an_organisers_command_with_a_wrong_password_changes_nothing_but_the_count(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, command: str
) -> None:
    url = sqlite_url(demo)
    args = organiser_commands(demo, tmp_path)[command]
    before = fingerprint(url, leave_out=TRIES_AND_AUDIT)
    code, out, err = run(capsys, "--db", str(demo), *args, organiser=WRONG)
    assert (code, out) == (2, "")
    assert err.strip() == (
        "Die naam en dat wachtwoord zijn niet van een organisator: probeer opnieuw."
    )
    assert fingerprint(url, leave_out=TRIES_AND_AUDIT) == before
    if command in WRITES_A_FILE:
        assert not Path(args[1]).exists()


@pytest.mark.usefixtures("new_password")
@pytest.mark.parametrize("command", COMMANDS)
def test_an_organisers_command_works_with_the_credential(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, command: str
) -> None:
    url = sqlite_url(demo)
    args = organiser_commands(demo, tmp_path)[command]
    before = fingerprint(url, leave_out=TRIES_AND_AUDIT)
    code, _out, err = run(capsys, "--db", str(demo), *args)
    # withdraw-consent: participant 1 of the demo may have given no answers (exit 1).
    assert code in (0, 1), err
    assert err == "" or command == "withdraw-consent", err
    if command in WRITES_A_FILE:
        assert Path(args[1]).stat().st_size > 0
    elif command not in {"import --dry-run", "restore", "withdraw-consent"}:
        assert fingerprint(url, leave_out=TRIES_AND_AUDIT) != before


def test_a_pin_is_no_longer_set_without_an_organiser(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    pin = ("--db", str(demo), "pin", "--day", "1", "--table", "3", "000000")
    code, _out, err = run(capsys, *pin, organiser=None)
    assert code == 2 and "--organiser" in err
    code, _out, err = run(
        capsys, "--db", str(demo), "ideas", "--day", "1", "--table", "3", "--pin", "000000"
    )
    assert code == 2 and "niet die van tafel 3" in err
    # The demo's PIN still works; with an organiser, the new one does.
    code, _out, _err = run(
        capsys, "--db", str(demo), "ideas", "--day", "1", "--table", "3", "--pin", demo_pin(1, 3)
    )
    assert code == 0
    code, out, _err = run(capsys, *pin, "--organiser", DEMO_ORGANISER)
    assert (code, out.strip()) == (0, "De pincode van tafel 3 is ingesteld.")
    code, _out, _err = run(
        capsys, "--db", str(demo), "ideas", "--day", "1", "--table", "3", "--pin", "000000"
    )
    assert code == 0


def test_five_wrong_passwords_make_the_next_command_wait(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    export = ("--db", str(demo), "export", str(tmp_path / "mensen.csv"), "--what", "participants")
    for _try in range(4):
        assert run(capsys, *export, organiser=WRONG)[0] == 2
    code, _out, err = run(capsys, *export, organiser=WRONG)
    assert (code, err.strip()) == (
        2,
        "Die naam en dat wachtwoord zijn niet van een organisator: wacht 30 seconden voor "
        "de volgende poging.",
    )
    # The next command, the right password: refused unchecked, until the wait is over.
    code, _out, err = run(capsys, *export)
    assert code == 2
    assert err.startswith("Te veel foute wachtwoorden na elkaar voor deze organisator: wacht ")
    assert not (tmp_path / "mensen.csv").exists()


def test_five_wrong_pins_make_the_table_wait(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    table = ("--db", str(demo), "--day", "1", "--table", "2")
    for _try in range(5):
        code, _out, _err = run(capsys, "ideas", *table, "--pin", "9999")
    assert code == 2
    code, _out, err = run(capsys, "idea", *table, "--pin", demo_pin(1, 2), "Een speelstraat")
    assert code == 2
    assert err.startswith("Te veel foute pincodes na elkaar aan tafel 2: wacht ")
    code, out, _err = run(
        capsys,
        "ideas",
        "--db",
        str(demo),
        "--day",
        "1",
        "--table",
        "3",
        "--pin",
        demo_pin(1, 3),
        "--json",
    )
    assert (code, json.loads(out)) == (0, {"ideas": []})  # another table is not held up


def test_a_database_without_organisers_says_how_to_make_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, new_password: None
) -> None:
    path = tmp_path / "oud.sqlite"
    open_database(sqlite_url(path), create=True).close()
    code, _out, err = run(capsys, "--db", str(path), "assign")
    assert code == 2
    assert err.strip() == (
        "Alleen een organisator mag dit, en deze databank heeft nog geen organisatoraccount: "
        "maak er een met `degenks organiser add NAME`."
    )
    code, out, err = run(capsys, "--db", str(path), "organiser", "add", "Lies", organiser=None)
    assert (code, out.strip(), err) == (0, "Het organisatoraccount Lies is gemaakt.", "")
    # From now on a new account needs an organiser's word: Lies's.
    code, _out, err = run(capsys, "--db", str(path), "organiser", "add", "Tom", organiser=None)
    assert code == 2 and "--organiser" in err
    code, _out, _err = run(
        capsys,
        "--db",
        str(path),
        "organiser",
        "add",
        "Tom",
        organiser=("Lies", "een nieuw lang wachtwoord"),
    )
    assert code == 0
    code, _out, err = run(
        capsys, "--db", str(path), "organiser", "add", "Els", organiser=("Tom", "fout")
    )
    assert code == 2


def test_a_short_new_password_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nieuw.sqlite"
    open_database(sqlite_url(path), create=True).close()
    monkeypatch.setenv("DEGENKS_NEW_ORGANISER_PASSWORD", "kort")
    code, _out, err = run(capsys, "--db", str(path), "organiser", "add", "Lies", organiser=None)
    assert (code, err.strip()) == (
        2,
        "Het wachtwoord van een organisator heeft minstens 10 tekens.",
    )


def test_reading_without_personal_data_needs_no_credential(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    for args in (
        ["stats", "--json"],
        ["export", str(tmp_path / "anoniem.csv"), "--what", "participants", "--anonymous"],
        ["report", str(tmp_path / "rapport.pdf")],
        ["signs", str(tmp_path / "borden.pdf")],
    ):
        code, _out, err = run(capsys, "--db", str(demo), *args, organiser=None)
        assert (code, err) == (0, ""), args


def test_the_demo_prints_its_organiser_and_its_short_pins(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    code, out, _err = run(capsys, "--db", str(path), "demo", "--participants", "10", organiser=None)
    assert code == 0
    assert (
        f"De organisator van de demo meldt zich aan als {DEMO_ORGANISER} met het wachtwoord "
        f"{DEMO_ORGANISER_PASSWORD}"
    ) in out
    assert (
        "de pincodes van de demo hebben 4 cijfers, een pincode die je instelt heeft er 6 tot 8"
        in out
    )
    code, out, _err = run(
        capsys, "--db", str(path), "demo", "--force", "--participants", "10", "--json"
    )
    assert code == 0
    assert json.loads(out)["organiser"] == DEMO_ORGANISER


@pytest.mark.parametrize(("option", "value"), [("--effort", "-1"), ("--seconds", "0")])
def test_assign_with_an_effort_or_time_limit_out_of_range_says_so_and_seats_nobody(
    capsys: pytest.CaptureFixture[str], demo: Path, option: str, value: str
) -> None:
    url = sqlite_url(demo)
    before = fingerprint(url)
    code, out, err = run(capsys, "--db", str(demo), "assign", option, value)
    assert (code, out) == (2, "")
    assert err.startswith("Geef de zoektocht"), err
    assert_one_sentence(err)
    assert fingerprint(url) == before
