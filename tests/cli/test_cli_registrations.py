"""`degenks import` and `degenks find` keep CLI.md's promises."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.helpers.cli import run
from tests.helpers.files import write_csv


@pytest.fixture
def event_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "g360.sqlite"
    assert run(capsys, "--db", str(path), "demo", "--participants", "0")[0] == 0
    return path


@pytest.fixture
def registrations(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "lijst.csv",
        [
            ["Voornaam", "Naam", "E-mail", "Thema 1"],
            ["Ayşe", "Yılmaz", "ayse@example.org", "Wonen"],
            ["", "", "zonder-naam@example.org", "Werk"],
            ["Mohamed", "El Amrani", "", "Werk"],
        ],
    )


def test_import_then_find(
    event_file: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(event_file), "import", str(registrations), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["added"], report["updated"], report["total_rows"]) == (2, 0, 3)
    assert report["duplicates"] == []
    assert report["rejected"] == [{"line": 3, "reason": "geen naam"}]

    code, out, _err = run(capsys, "--db", str(event_file), "find", "el amrani", "--json")
    assert code == 0
    matches = json.loads(out)["matches"]
    assert [m["name"] for m in matches] == ["Mohamed El Amrani"]
    assert set(matches[0]) >= {"id", "name", "code", "table", "checked_in"}


def test_importing_again_is_exit_1_and_adds_nobody(
    event_file: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", str(event_file), "import", str(registrations))
    code, out, _err = run(capsys, "--db", str(event_file), "import", str(registrations), "--json")
    assert code == 1
    assert json.loads(out)["added"] == 0
    assert len(json.loads(out)["duplicates"]) == 2


def test_a_dry_run_changes_nothing(
    event_file: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(
        capsys, "--db", str(event_file), "import", str(registrations), "--dry-run", "--json"
    )
    assert code == 0
    assert json.loads(out)["added"] == 2
    code, _out, err = run(capsys, "--db", str(event_file), "find", "yilmaz")
    assert code == 3
    assert err.strip().endswith(".")


@pytest.mark.parametrize("content", [b"", b"Kleur;Maat\r\nrood;XL\r\n"])
def test_an_unusable_file_is_exit_2(
    event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "slecht.csv"
    path.write_bytes(content)
    code, out, err = run(capsys, "--db", str(event_file), "import", str(path))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    code, out, _err = run(capsys, "--db", str(event_file), "stats", "--json")
    assert json.loads(out)["participants"] == 0


def test_badges_for_a_day(
    event_file: Path, registrations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", str(event_file), "import", str(registrations))
    out_pdf = tmp_path / "badges.pdf"
    code, out, _err = run(
        capsys,
        "--db",
        str(event_file),
        "badges",
        str(out_pdf),
        "--layout",
        "a6",
        "--order",
        "table",
    )
    assert code == 0
    assert out.startswith("2 badges op 2 pagina’s")
    assert out_pdf.read_bytes().startswith(b"%PDF")
    code, out, err = run(
        capsys, "--db", str(event_file), "badges", str(out_pdf), "--layout", "a3-poster"
    )
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, "--db", str(event_file), "badges", str(out_pdf), "--day", "9")
    assert code == 2
    assert "geen dag 9" in err


@pytest.mark.parametrize(("size", "code"), [("80x50", 0), ("80 bij 50", 2), ("10x10", 2)])
def test_badges_of_your_own_size(
    event_file: Path,
    registrations: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    size: str,
    code: int,
) -> None:
    run(capsys, "--db", str(event_file), "import", str(registrations))
    out_pdf = tmp_path / "eigen.pdf"
    result, _out, err = run(capsys, "--db", str(event_file), "badges", str(out_pdf), "--size", size)
    assert result == code
    assert out_pdf.exists() == (code == 0)
    if code:
        assert "80x50" in err


def test_assign_reports_the_keys_of_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g360.sqlite"
    assert run(capsys, "--db", str(path), "demo", "--participants", "40")[0] == 0
    code, out, _err = run(
        capsys, "--db", str(path), "assign", "--day", "1", "--effort", "0.1", "--json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["seated"] == report["participants"] == 20
    assert set(report) >= {
        "participants",
        "tables",
        "seated",
        "first_choice_share",
        "duos",
        "trios",
        "objective",
        "bound",
        "gap",
        "seconds",
        "solver",
    }
    code, _out, err = run(capsys, "--db", str(path), "assign", "--day", "3")
    assert code == 2 and "geen dag 3" in err


def test_checkin_by_code_and_a_stream_of_scans(
    event_file: Path,
    registrations: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(capsys, "--db", str(event_file), "import", str(registrations))
    _code, out, _err = run(capsys, "--db", str(event_file), "find", "ayse", "--json")
    code = json.loads(out)["matches"][0]["code"]
    result, out, _err = run(
        capsys, "--db", str(event_file), "checkin", code, "--desk", "onthaal 1", "--json"
    )
    assert result == 0
    payload = json.loads(out)
    assert payload["status"] == "checked_in"
    assert payload["participant"]["name"] == "Ayşe Yılmaz"
    assert run(capsys, "--db", str(event_file), "checkin", code)[0] == 1
    assert run(capsys, "--db", str(event_file), "checkin", "NIETS")[0] == 3
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{code}\nVERKEERD\n\n"))
    result, out, _err = run(capsys, "--db", str(event_file), "checkin", "-")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines] == ["already", "unknown"]
    assert all("ms" in line for line in lines)


def test_consent_withdrawn_then_the_person_erased_from_the_command_line(
    event_file: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(event_file))
    run(capsys, *db, "import", str(registrations))
    code, out, _err = run(capsys, *db, "find", "yilmaz", "--json")
    [ayse] = json.loads(out)["matches"]
    person = str(ayse["id"])
    assert run(capsys, *db, "withdraw-consent", person)[0] == 1  # she answered nothing
    code, out, err = run(capsys, *db, "erase", person)
    assert (code, err) == (0, "")
    assert "gewist" in out
    code, out, _err = run(capsys, *db, "find", "yilmaz", "--json")
    assert "Yılmaz" not in out and "ayse@example.org" not in out
    assert run(capsys, *db, "erase", person)[0] == 1  # erased already
    code, _out, err = run(capsys, *db, "erase", "99999")
    assert code == 3 and err.strip().endswith(".")


def test_a_probable_duplicate_is_held_back_until_the_command_line_decides(
    event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = ["Voornaam", "Achternaam", "E-mail"]
    first = write_csv(tmp_path / "eerste.csv", [header, ["Mehmet", "Yilmaz", "mehmet@example.be"]])
    assert run(capsys, "--db", str(event_file), "import", str(first))[0] == 0
    typo = write_csv(tmp_path / "tweede.csv", [header, ["Mehmet", "Yilmas", "mehmet@example.be"]])
    code, out, _err = run(capsys, "--db", str(event_file), "import", str(typo))
    assert code == 1  # nothing added, nothing changed
    assert "Tegengehouden: beslis met --add 2 of --same 2." in out
    decided = ("import", str(typo), "--add", "2", "--json")
    code, out, _err = run(capsys, "--db", str(event_file), *decided)
    assert code == 0
    result = json.loads(out)
    assert result["added"] == 1
    assert [found["decision"] for found in result["probable_duplicates"]] == ["add"]
    code, _out, _err = run(capsys, "--db", str(event_file), "import", str(typo), "--json")
    assert code == 1  # the same file again adds nobody


REAL_EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


@pytest.mark.parametrize(
    "expected_path", sorted(REAL_EXPORTS.glob("*.expected.json")), ids=lambda path: path.stem
)
def test_every_tools_export_reads_right_through_the_command_line_with_no_mapping(
    event_file: Path, capsys: pytest.CaptureFixture[str], expected_path: Path
) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    export = REAL_EXPORTS / expected["file"]
    code, out, _err = run(
        capsys, "--db", str(event_file), "import", str(export), "--dry-run", "--json"
    )
    assert code == 0
    result = json.loads(out)
    summary = expected["summary"]
    counts = (
        result["added"],
        len(result["duplicates"]),
        len(result["rejected"]),
        len(result["skipped"]),
    )
    assert counts == tuple(
        summary.get(key, 0) for key in ("added", "duplicate", "rejected", "skipped")
    )
    outcomes = {line["line"]: line["outcome"] for line in result["lines"]}
    wanted = {row.get("line", row.get("row")): row["outcome"] for row in expected["rows"]}
    assert outcomes == wanted
