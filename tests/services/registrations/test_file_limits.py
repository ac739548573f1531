"""Files too large, too wide, too long or packed to explode are refused before they cost
the laptop its memory.

The hostile files run in a child process whose address space is capped a little above what
it uses before reading (RLIMIT_AS), so a refusal that comes too late shows as a
MemoryError there instead of taking the test run down with it.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from degenks_desktop.config import IMPORT_MAX_MB_ENV
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations import files
from degenks_desktop.services.registrations.files import RawRow, read_table

REPOSITORY = Path(__file__).resolve().parents[3]
# What the child may allocate beyond what it holds once the app's modules are loaded.
MARGIN_MB = 80
READ_UNDER_A_CAP = """
import resource, sys
from pathlib import Path
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations.files import read_table

with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
cap = size + int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
try:
    table = read_table(Path(sys.argv[1]))
except InputRejected as refused:
    print("refused:", refused.message)
else:
    print("read:", len(table.rows))
"""

needs_a_memory_cap = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc/self/status are Linux's"
)


def read_under_a_memory_cap(path: Path, **environment: str) -> str:
    """What reading `path` in a child process with its memory capped prints."""
    done = subprocess.run(
        [sys.executable, "-c", READ_UNDER_A_CAP, str(path), str(MARGIN_MB)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env={**os.environ, "DEGENKS_LANG": "en", **environment},
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def numbers_in(message: str, path: Path) -> list[int]:
    """The numbers a sentence names besides its file's: sizes, limits, lines."""
    return [int(number) for number in re.findall(r"\d+", message.replace(str(path), ""))]


def workbook_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet_rows(path: Path, rows: Iterable[bytes]) -> Path:
    """A workbook with a header whose sheet goes on with `rows` of XML, written as a stream."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes([["Naam", "Wijk"]])))
    with source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if not name.startswith("xl/worksheets/"):
                target.writestr(name, data)
                continue
            before, after = data.split(b"</sheetData>")
            with target.open(name, "w") as sheet:
                sheet.write(before)
                for row in rows:
                    sheet.write(row)
                sheet.write(b"</sheetData>" + after)
    return path


@needs_a_memory_cap
def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    # A million identical rows: 50 MB of XML packed into a few hundred KB.
    row = b'<row><c t="inlineStr"><is><t>Jan</t></is></c></row>' * 10_000
    path = with_sheet_rows(tmp_path / "bom.xlsx", (row for _ in range(100)))
    assert path.stat().st_size < 500_000
    said = read_under_a_memory_cap(path)
    assert said.startswith("refused:")
    assert "bom.xlsx" in said


@needs_a_memory_cap
def test_a_workbook_with_a_cell_in_its_last_column_is_refused_at_that_row(
    tmp_path: Path,
) -> None:
    # Every row reaches column XFD (16,384): each one would be kept sixteen thousand wide.
    path = with_sheet_rows(
        tmp_path / "breed.xlsx",
        (
            f'<row r="{number}"><c r="XFD{number}" t="inlineStr"><is><t>x</t></is></c></row>'
            f'<row r="{number + 1}"><c r="A{number + 1}" t="inlineStr"><is><t>Jan</t></is></c>'
            "</row>".encode()
            for number in range(2, 40_000, 2)
        ),
    )
    said = read_under_a_memory_cap(path)
    assert said.startswith("refused:")
    assert numbers_in(said, path) == [2, files.MAX_COLUMNS]  # the row, the limit


@needs_a_memory_cap
@pytest.mark.parametrize("name", ["groot.csv", "groot.xlsx"])
def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".xlsx"):
        # A short list with a large photo in it.
        path.write_bytes(workbook_bytes([["Naam", "Wijk"], ["Jan", "Zuid"]]))
        with zipfile.ZipFile(path, "a") as workbook:
            workbook.writestr("xl/media/image1.png", os.urandom(1_500_000))
    else:
        people = (f"Persoon {n};p{n * 7919}@example.org;Wijk {n % 7}\n" for n in range(40_000))
        path.write_text("Naam;E-mail;Wijk\n" + "".join(people))
    assert 1.1 * files.MB < path.stat().st_size < 2 * files.MB
    said = read_under_a_memory_cap(path, **{IMPORT_MAX_MB_ENV: "1"})
    assert said.startswith("refused:")
    assert numbers_in(said, path) == [2, 1]  # its size and the limit, in MB
    # Under the limit it is read.
    assert read_under_a_memory_cap(path, **{IMPORT_MAX_MB_ENV: "2"}).startswith("read:")


@needs_a_memory_cap
def test_a_csv_is_read_as_a_stream(tmp_path: Path) -> None:
    # 30 MB, of which two registrations are kept: reading it takes a fraction of its size.
    blank = (" " * 999 + "\n") * 1000
    path = tmp_path / "lang.csv"
    with path.open("w") as file:
        file.write("Naam;Wijk\nJan Peeters;Zuid\n")
        for _ in range(30):
            file.write(blank)
        file.write("Els Maes;Kolderbos\n")
    assert path.stat().st_size > 30_000_000
    assert read_under_a_memory_cap(path) == "read: 2"


@needs_a_memory_cap
def test_a_line_of_millions_of_delimiters_is_refused_before_it_is_split(tmp_path: Path) -> None:
    path = tmp_path / "puntkomma.csv"
    path.write_text("Naam;Wijk\nJan;Zuid\n" + ";" * 20_000_000 + "\n")
    said = read_under_a_memory_cap(path)
    assert said.startswith("refused:")
    assert numbers_in(said, path) == [3, files.MAX_COLUMNS]


def test_a_workbook_that_unpacks_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lijst.xlsx"
    path.write_bytes(workbook_bytes([["Naam", "Wijk"], ["Jan", "Zuid"]]))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as workbook:
        workbook.writestr("xl/worksheets/sheet2.xml", os.urandom(1_500_000).hex())
    monkeypatch.setattr(files, "MAX_UNPACKED_MB", 2)
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert numbers_in(refused.value.message, path) == [3, 2]  # its size, then the limit


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_more_registrations_than_the_import_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(files, "MAX_ROWS", 50)
    rows = [["Naam", "Wijk"], *([f"Persoon {number}", "Zuid"] for number in range(51))]
    path = tmp_path / f"lijst{suffix}"
    if suffix == ".xlsx":
        path.write_bytes(workbook_bytes(rows))
    else:
        path.write_text("".join(f"{a};{b}\n" for a, b in rows))
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert numbers_in(refused.value.message, path) == [50, 50]
    # As many as the limit is fine.
    if suffix == ".xlsx":
        path.write_bytes(workbook_bytes(rows[:-1]))
    else:
        path.write_text("".join(f"{a};{b}\n" for a, b in rows[:-1]))
    assert len(read_table(path).rows) == 50


def test_more_columns_than_the_import_takes(tmp_path: Path) -> None:
    width = files.MAX_COLUMNS
    path = tmp_path / "breed.csv"
    path.write_text(
        ";".join(f"Vraag {n}" for n in range(width))
        + "\nJan;Zuid"
        + ";" * (width + 300)  # empty cells beyond the limit: cut off
        + "\nEls;Noord"
        + ";" * width
        + "te veel\n"
    )
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert numbers_in(refused.value.message, path) == [3, width]
    path.write_text(path.read_text().rsplit("te veel", 1)[0] + "\n")
    table = read_table(path)
    assert len(table.headers) == width
    assert table.rows[0] == RawRow(2, ("Jan", "Zuid") + ("",) * (width - 2))
