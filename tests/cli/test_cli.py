"""The command line's global rules: exit codes, one sentence on stderr, JSON on stdout."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from degenks_desktop import __version__
from degenks_desktop.cli import organising
from degenks_desktop.config import data_dir
from degenks_desktop.errors import KnownError
from degenks_desktop.storage.database import open_database
from tests.helpers.cli import run
from tests.helpers.planted import (
    PLANTED,
    PLANTED_EMAIL,
    PLANTED_NAME,
    PLANTED_PASSWORD,
    PLANTED_PHONE,
    planted_url,
)
from tests.helpers.users import call_as_ordinary_user


def assert_one_sentence(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].endswith(".")


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "g360.sqlite"
    code, _out, _err = run(capsys, "--db", str(path), "demo", "--participants", "60")
    assert code == 0
    return path


def test_demo_then_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g360.sqlite"
    code, out, _err = run(capsys, "demo", "--db", str(path), "--seed", "7", "--json")
    assert code == 0
    assert json.loads(out)["participants"] == 449
    code, out, err = run(capsys, "stats", "--db", str(path), "--json")
    assert (code, err) == (0, "")
    stats = json.loads(out)
    for key in ("participants", "checked_in", "tables", "ideas", "votes", "concepts"):
        assert key in stats
    assert stats["participants"] == 449
    assert stats["checked_in"] == {"1": 0, "2": 0}
    assert sum(stats["expected"].values()) == 449


def test_the_demo_is_seated_so_the_desk_finds_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g360.sqlite"
    code, out, _err = run(capsys, "--db", str(path), "demo", "--participants", "60")
    assert code == 0
    assert "60 van 60 mensen zitten aan een thematafel, in " in out
    code, out, _err = run(capsys, "--db", str(path), "find", "a", "--json")
    assert code == 0
    matches = json.loads(out)["matches"]
    assert matches and all(isinstance(match["table"], int) for match in matches)
    code, out, _err = run(capsys, "--db", str(path), "find", matches[0]["code"])
    assert code == 0 and f"tafel {matches[0]['table']}" in out.lower()
    code, out, _err = run(
        capsys, "--db", str(path), "demo", "--force", "--participants", "20", "--json"
    )
    assert code == 0 and json.loads(out)["seated"] == 20


def test_assign_after_check_ins_says_how_many_it_leaves_unseated(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out, _err = run(capsys, "--db", str(demo_file), "find", "a", "--json")
    codes = [match["code"] for match in json.loads(out)["matches"]]
    day_one = []
    for code in codes:
        result, out, _err = run(
            capsys, "--db", str(demo_file), "checkin", code, "--day", "1", "--json"
        )
        if result == 0:
            day_one.append(code)
        if len(day_one) == 5:
            break
    assert len(day_one) == 5
    code, out, _err = run(
        capsys, "--db", str(demo_file), "assign", "--day", "1", "--effort", "0.1", "--json"
    )
    assert code == 0
    report = json.loads(out)
    assert (report["seated"], report["not_checked_in"]) == (5, 25)
    code, out, _err = run(capsys, "--db", str(demo_file), "assign", "--day", "1", "--effort", "0.1")
    assert code == 0
    assert "25 ingeschreven mensen zijn nog niet ingecheckt en krijgen geen plaats" in out
    assert "Bijwerken voor aankomsten" in out


def test_the_environment_variable_chooses_the_database(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEGENKS_DB", str(demo_file))
    code, out, _err = run(capsys, "stats", "--json")
    assert code == 0
    assert json.loads(out)["participants"] == 60


def test_a_second_demo_is_refused_unless_forced(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(demo_file), "demo")
    assert (code, out) == (2, "")
    assert "--force" in err
    assert_one_sentence(err)
    code, _out, _err = run(
        capsys, "--db", str(demo_file), "demo", "--force", "--participants", "12"
    )
    assert code == 0
    code, out, _err = run(capsys, "--db", str(demo_file), "stats", "--json")
    assert json.loads(out)["participants"] == 12


def test_a_missing_database_is_exit_4_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bestaat-niet.sqlite"
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert (code, out) == (4, "")
    assert err.startswith("Er is geen databank")
    assert_one_sentence(err)
    assert not path.exists()


def test_a_corrupt_database_is_exit_4_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, content in (
        ("tekst.sqlite", b"Dit is geen databank maar een boodschappenlijst.\n" * 100),
        ("kapot.sqlite", b"SQLite format 3\x00" + os.urandom(8192)),
    ):
        path = tmp_path / name
        path.write_bytes(content)
        code, out, err = run(capsys, "--db", str(path), "stats")
        assert (code, out) == (4, "")
        assert "beschadigd" in err
        assert_one_sentence(err)
        assert path.read_bytes() == content


def test_a_locked_database_is_exit_4(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEGENKS_BUSY_TIMEOUT_MS", "100")
    other_program = sqlite3.connect(demo_file, isolation_level=None, timeout=0)
    other_program.execute("BEGIN EXCLUSIVE")
    try:
        code, out, err = run(capsys, "--db", str(demo_file), "demo", "--force")
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()
    assert (code, out) == (4, "")
    assert "in gebruik" in err
    assert_one_sentence(err)
    code, out, _err = run(capsys, "--db", str(demo_file), "stats", "--json")
    assert json.loads(out)["participants"] == 60


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every user can enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="degenks-readonly-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_a_read_only_database_is_exit_4_and_untouched(
    shared_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shared_folder / "g360.sqlite"
    code, _out, _err = run(capsys, "--db", str(path), "demo", "--participants", "5")
    assert code == 0
    for leftover in shared_folder.glob("g360.sqlite-*"):
        leftover.unlink()
    path.chmod(0o444)
    shared_folder.chmod(0o555)
    before = path.read_bytes()

    def open_it() -> int:
        try:
            open_database(f"sqlite:///{path}").close()
        except KnownError as error:
            os.write(2, f"{error.message}\n".encode())
            return error.exit_code
        return 0

    code, err = call_as_ordinary_user(open_it)
    assert code == 4
    assert "alleen-lezen" in err
    assert_one_sentence(err)
    assert path.read_bytes() == before


def test_an_unreachable_server_is_exit_4(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", "postgresql://degenks@127.0.0.1:1/degenks", "stats")
    assert (code, out) == (4, "")
    assert "niet bereikbaar" in err
    assert_one_sentence(err)


def test_a_database_without_an_event_is_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "leeg.sqlite"
    open_database(f"sqlite:///{path}").close()
    code, out, err = run(capsys, "--db", str(path), "stats", "--json")
    assert (code, out) == (3, "")
    assert "degenks demo" in err
    assert_one_sentence(err)


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--bogus"),
        ("demo", "--participants", "veel"),
        ("demo", "--participants", "-3"),
        ("demo", "--days", "0"),
        ("nothing-like-a-command",),
    ],
)
def test_wrong_input_is_exit_2_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    path = tmp_path / "g360.sqlite"
    code, out, err = run(capsys, "--db", str(path), *args)
    assert (code, out) == (2, "")
    assert_one_sentence(err)
    if path.exists():
        code, _out, _err = run(capsys, "--db", str(path), "stats")
        assert code == 3  # still no event


def test_english_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DEGENKS_LANG", "en")
    code, _out, err = run(capsys, "--db", str(tmp_path / "x.sqlite"), "stats")
    assert code == 4
    assert err.startswith("There is no database at")


def test_without_a_screen_the_gui_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, out, err = run(capsys, "gui")
    assert (code, out) == (2, "")
    assert err.startswith("Geen scherm gevonden")
    assert_one_sentence(err)


def count_ayse_in(_args: argparse.Namespace) -> int:
    raise ValueError(f"{PLANTED_NAME}, {PLANTED_EMAIL}")


def connect_with_the_password(args: argparse.Namespace) -> int:
    # A bug whose message and locals hold the database's address with its password, and
    # a citizen's details, as a driver's or our own error text might.
    address, person = args.db, (PLANTED_NAME, PLANTED_EMAIL, PLANTED_PHONE)
    raise RuntimeError(f"could not use {address} for {person}")


def test_a_bug_is_one_sentence_and_a_crash_file_without_personal_data(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(organising, "run_stats", count_ayse_in)
    code, out, err = run(capsys, "stats")
    assert (code, out) == (70, "")
    assert_one_sentence(err)
    assert "Ayşe" not in err
    crash_files = [path for path in data_dir().glob("crash-*.txt") if str(path) in err]
    assert len(crash_files) == 1, err
    report = crash_files[0].read_text(encoding="utf-8")
    assert "builtins.ValueError" in report
    assert "in main" in report and "in count_ayse_in" in report
    for personal in PLANTED:
        assert personal not in report


def test_a_crash_file_never_holds_the_database_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(organising, "run_stats", connect_with_the_password)
    code, out, err = run(capsys, "--db", planted_url(), "stats")
    assert (code, out) == (70, "")
    assert PLANTED_PASSWORD not in err
    [crash_file] = [path for path in data_dir().glob("crash-*.txt") if str(path) in err]
    report = crash_file.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in report and "connect_with_the_password" in report
    assert [value for value in PLANTED if value in report] == []


def test_the_command_line_and_its_crash_report_load_no_qt() -> None:
    check = (
        "import sys; from degenks_desktop import cli, crash_report; cli.build_parser(); "
        "crash_report.crash_report(ValueError, None); "
        "sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_installed_command_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "degenks_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"degenks {__version__}"


def test_a_reader_that_leaves_early_is_no_crash(demo_file: Path) -> None:
    # `degenks checkin - | head -1`: the codes keep coming, the reader has gone.
    environment = {**os.environ, "DEGENKS_LANG": "nl"}
    crash_files_before = set(data_dir().glob("crash-*.txt"))
    command = subprocess.Popen(
        [sys.executable, "-m", "degenks_desktop", "--db", str(demo_file), "checkin", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert command.stdin is not None and command.stdout is not None
    scanner = command.stdin

    def scan_on() -> None:  # unknown codes: one line out for each
        with contextlib.suppress(BrokenPipeError):
            scanner.write(b"NIEMAND123\n" * 20_000)
            scanner.close()

    typing = threading.Thread(target=scan_on)
    typing.start()
    first = command.stdout.readline()
    command.stdout.close()
    err = command.stderr.read() if command.stderr is not None else b""
    command.wait(timeout=120)
    typing.join()
    assert json.loads(first)["status"] == "unknown"
    assert command.returncode == 141  # as the shell reports a reader that left
    assert err == b""  # no sentence, no "Exception ignored", no traceback
    assert set(data_dir().glob("crash-*.txt")) == crash_files_before


@pytest.mark.parametrize(
    "url", ["mysql://gebruiker@server/g360", "mongodb://server/g360", "postgresql+pg9000://s/db"]
)
def test_a_database_of_another_kind_is_a_sentence_and_exit_4(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    code, out, err = run(capsys, "--db", url, "stats")
    assert (code, out) == (4, "")
    assert_one_sentence(err)
    assert "postgresql://" in err  # what to give instead
