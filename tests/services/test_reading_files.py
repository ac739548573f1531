"""Reading registration files in every dialect people send, and refusing what cannot be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from degenks_desktop.errors import InputRejected
from degenks_desktop.services.table_files import RawTable, read_table
from tests.helpers.files import write_csv, write_xlsx

NAMES = [
    ["Voornaam", "Achternaam"],
    ["Ayşe", "Yılmaz"],
    ["Γιώργος", "Παπαδόπουλος"],
    ["محمد", "العلوي"],
    ["Giuseppe", "D'Angelo"],
    ["Jan", "Van den Bosch"],
]


def test_belgian_excel_csv(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "be.csv",
        [["Voornaam", "Thema", "Wijk"], ["Anaïs", "Financiën", "Genk-Zuid"]],
        encoding="cp1252",
    )
    table = read_table(path)
    assert table.headers == ("Voornaam", "Thema", "Wijk")
    assert table.rows[0].values == ("Anaïs", "Financiën", "Genk-Zuid")
    assert "cp1252" in table.description


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), ("\t", "utf-8"), (";", "utf-8"), ("|", "utf-8")]
)
def test_names_survive_every_dialect_exactly(tmp_path: Path, delimiter: str, encoding: str) -> None:
    path = write_csv(tmp_path / "namen.csv", NAMES, delimiter=delimiter, encoding=encoding)
    table = read_table(path)
    assert [list(row.values) for row in table.rows] == NAMES[1:]


def test_quoted_fields_with_delimiters_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "opmerkingen.csv"
    path.write_text(
        'Naam;Opmerking\r\n"Peeters; Jan";"rolstoel\r\nkomt met zoon"\r\nEls Maes;geen\r\n',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.rows[0].values == ("Peeters; Jan", "rolstoel\r\nkomt met zoon")
    assert [row.line for row in table.rows] == [2, 4]


def test_latin1_bytes(tmp_path: Path) -> None:
    path = tmp_path / "oud.csv"
    path.write_bytes("Voornaam;Achternaam\nJosé;Núñez\n".encode("latin-1"))
    assert read_table(path).rows[0].values == ("José", "Núñez")


def test_xlsx_values_become_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "lijst.xlsx",
        [
            ["Voornaam", "Leeftijd", "Geboortedatum", "Telefoon"],
            ["Łukasz", 34, dt.date(1979, 5, 1), None],
            ["Fatima", 27.0, None, "0470 12 34 56"],
        ],
    )
    table = read_table(path)
    assert [row.values for row in table.rows] == [
        ("Łukasz", "34", "1979-05-01", ""),
        ("Fatima", "27", "", "0470 12 34 56"),
    ]
    assert [row.line for row in table.rows] == [2, 3]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leeg.csv", b""),
        ("spaties.csv", b"  \r\n\r\n"),
        ("kop.csv", b"Voornaam;Achternaam\r\n"),
        ("binair.csv", b"\x00\x01\x02\x03"),
        ("kapot.xlsx", b"PK\x03\x04 this is no workbook"),
        ("oud.xls", b"\xd0\xcf\x11\xe0"),
    ],
)
def test_unusable_files_get_one_sentence(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    message = refused.value.message
    assert name in message
    assert message.endswith(".") and "\n" not in message


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="kan niet gelezen"):
        read_table(tmp_path / "weg.csv")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_table_or_a_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "willekeurig.csv"
    path.write_bytes(content)
    try:
        table = read_table(path)
    except InputRejected as refused:
        assert refused.message.endswith(".")
        return
    assert isinstance(table, RawTable)
    assert all(len(row.values) >= len(table.headers) for row in table.rows)
