"""`degenks backup` and `degenks restore` on both engines: a bad file is exit 2 and changes
nothing (it used to crash, exit 70, with the PostgreSQL data gone); a good one restores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import run


def stats(capsys: pytest.CaptureFixture[str], url: str) -> dict[str, object]:
    code, out, _err = run(capsys, "--db", url, "stats", "--json")
    assert code == 0
    return dict(json.loads(out))


def test_a_dump_cut_short_is_exit_2_and_the_day_stays(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = ("demo", "--participants", "20", "--days", "1", "--simulate-day")
    run(capsys, "--db", database_url, *demo)
    backup = tmp_path / "kopie"
    code, _out, _err = run(capsys, "--db", database_url, "backup", str(backup))
    assert code == 0
    before = stats(capsys, database_url)
    assert before["participants"] == 20 and before["ideas"]
    for keep in (backup.stat().st_size // 2, backup.stat().st_size - 100):
        cut = tmp_path / f"afgebroken-{keep}"
        cut.write_bytes(backup.read_bytes()[:keep])
        code, out, err = run(capsys, "--db", database_url, "restore", str(cut))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and str(cut) in err  # one sentence, naming the file
        assert stats(capsys, database_url) == before
    code, out, _err = run(capsys, "--db", database_url, "restore", str(backup))
    assert code == 0 and str(backup) in out
    assert stats(capsys, database_url) == before
