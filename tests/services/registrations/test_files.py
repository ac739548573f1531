"""Reading registration files as people send them, and refusing what cannot be read."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations.files import RawRow, RawTable, read_table

NAMES = [
    ["Voornaam", "Achternaam", "Wijk"],
    ["Ayşe", "Yılmaz", "Winterslag"],
    ["İbrahim", "Öztürk-Şahin", "Waterschei"],
    ["Γιώργος", "Παπαδόπουλος", "Genk-Centrum"],
    ["محمد", "العلوي", "Genk-Zuid"],
    ["Giuseppe", "D'Angelo", "Kolderbos"],
    ["Jan", "Van den Bosch", "Bret-Gelieren"],
    ["Marie-Louise Anne", "Vanderstraeten-" + "Xhonneux" * 30, "Zwartberg"],
]


def write(path: Path, text: str, encoding: str, delimiter: str = ";") -> Path:
    """`text` with ";" as the delimiter, written with `delimiter` in `encoding`."""
    path.write_bytes(text.replace(";", delimiter).encode(encoding))
    return path


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_belgian_excel_semicolons_in_windows_1252(tmp_path: Path) -> None:
    path = write(
        tmp_path / "inschrijvingen.csv",
        "Voornaam;Naam;Thema 1;Wijk\r\nAnaïs;Peeters;Financiën;Genk-Zuid\r\n"
        "Sébastien;Dupré;Wonen;Zwartberg\r\n",
        "cp1252",
    )
    table = read_table(path)
    assert table.headers == ("Voornaam", "Naam", "Thema 1", "Wijk")
    assert table.rows == (
        RawRow(2, ("Anaïs", "Peeters", "Financiën", "Genk-Zuid")),
        RawRow(3, ("Sébastien", "Dupré", "Wonen", "Zwartberg")),
    )
    assert table.description == "CSV, ';' delimiter, cp1252"


def test_commas_in_utf8_with_a_bom(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv", "First name;Email\nŁukasz;l@example.org\n", "utf-8-sig", ","
    )
    table = read_table(path)
    assert table.headers == ("First name", "Email")  # no BOM stuck to the first header
    assert table.rows[0].values == ("Łukasz", "l@example.org")
    assert table.description == "CSV, ',' delimiter, utf-8 with BOM"


def test_tabs(tmp_path: Path) -> None:
    path = write(tmp_path / "export.tsv", "Voornaam;Naam\nEls;Maes\n", "utf-8", "\t")
    table = read_table(path)
    assert table.rows[0].values == ("Els", "Maes")
    assert table.description == "CSV, tab delimiter, utf-8"


def test_excel_unicode_text_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Voornaam\tNaam\r\nAyşe\tYılmaz\r\n".encode("utf-16"))
    table = read_table(path)
    assert table.rows[0].values == ("Ayşe", "Yılmaz")
    assert table.description == "CSV, tab delimiter, utf-16"


def test_quoted_delimiters_and_line_breaks(tmp_path: Path) -> None:
    path = write(
        tmp_path / "opmerkingen.csv",
        'Naam;Opmerking;Wijk\r\n"Peeters; Jan";"rolstoel\r\nkomt met ""zoon""";Winterslag\r\n'
        "Els Maes;geen;Kolderbos\r\n"
        '"Yılmaz, Ayşe";"twee\nregels\ntekst";Genk-Zuid\n'
        "Jan;;\n",
        "utf-8",
    )
    table = read_table(path)
    assert table.rows[0].values == ("Peeters; Jan", 'rolstoel\r\nkomt met "zoon"', "Winterslag")
    assert table.rows[2].values == ("Yılmaz, Ayşe", "twee\nregels\ntekst", "Genk-Zuid")
    assert [row.line for row in table.rows] == [2, 4, 5, 8]


def test_empty_rows_are_skipped_and_the_lines_still_count(tmp_path: Path) -> None:
    path = write(
        tmp_path / "gaten.csv",
        "\r\n;;\r\nVoornaam;Naam;\r\n\r\nJan;Peeters\r\n  ;  ;  \r\nEls;Maes;extra;meer\r\n",
        "utf-8",
    )
    table = read_table(path)
    # The header is the first row with something in it; its empty name is kept.
    assert table.headers == ("Voornaam", "Naam", "")
    assert table.rows == (
        RawRow(5, ("Jan", "Peeters", "")),  # padded to the header's width
        RawRow(7, ("Els", "Maes", "extra", "meer")),  # longer rows are kept whole
    )


def test_cells_are_trimmed_and_duplicate_headers_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "dubbel.csv", " Naam ; Naam \n  Jan  ;\tPeeters \n", "utf-8")
    table = read_table(path)
    assert table.headers == ("Naam", "Naam")
    assert table.rows[0].values == ("Jan", "Peeters")


def test_bytes_that_only_latin1_can_read(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252, so only latin-1 reads this file.
    path = tmp_path / "oud.csv"
    path.write_bytes(b"Voornaam;Naam\nJos\xe9;N\xfa\xf1ez\x81\n")
    table = read_table(path)
    assert table.rows[0].values == ("José", "Núñez\x81")
    assert table.description.endswith("latin-1")


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_names_survive_a_utf8_round_trip_exactly(tmp_path: Path, delimiter: str) -> None:
    text = "".join(";".join(row) + "\r\n" for row in NAMES)
    table = read_table(write(tmp_path / "namen.csv", text, "utf-8", delimiter))
    assert [list(row.values) for row in table.rows] == NAMES[1:]


def test_a_file_of_one_column(tmp_path: Path) -> None:
    path = write(tmp_path / "namen.txt", "Naam\nPeeters, Jan\nEls Maes\n", "utf-8")
    assert [row.values for row in read_table(path).rows] == [("Peeters, Jan",), ("Els Maes",)]


def test_xlsx_values_become_text(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "lijst.xlsx",
        {
            "Inschrijvingen": [
                ["Voornaam", "Leeftijd", "Geboortedatum", "Telefoon", "Score"],
                ["Łukasz", 34, dt.date(1979, 5, 1), None, 7.5],
                [None, None, None, None, None],
                ["Fatima", 27.0, dt.datetime(1986, 2, 3, 14, 30), "0470 12 34 56", 1e3],
                ["  Γιώργος ", None, None, None, None],
            ]
        },
    )
    table = read_table(path)
    assert table.headers == ("Voornaam", "Leeftijd", "Geboortedatum", "Telefoon", "Score")
    assert table.rows == (
        RawRow(2, ("Łukasz", "34", "1979-05-01", "", "7.5")),
        RawRow(4, ("Fatima", "27", "1986-02-03", "0470 12 34 56", "1000")),
        RawRow(5, ("Γιώργος", "", "", "", "")),
    )
    assert table.description == "Excel, sheet 'Inschrijvingen'"


def test_xlsx_the_first_sheet_with_data(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "lijst.xlsm",
        {"Leeg": [], "Formulier": [[], ["Naam", "E-mail"], ["Els Maes", "els@example.org"]]},
    )
    table = read_table(path)
    assert table.headers == ("Naam", "E-mail")
    assert table.rows == (RawRow(3, ("Els Maes", "els@example.org")),)
    assert table.description == "Excel, sheet 'Formulier'"


def test_xlsx_with_a_wrong_size_written_in_it(tmp_path: Path) -> None:
    # Some exporting programs write "A1" as the size of a sheet with far more in it.
    path = write_workbook(tmp_path / "export.xlsx", {"Blad1": [["Naam", "Wijk"], ["Jan", "Zuid"]]})
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    table = read_table(path)
    assert table.headers == ("Naam", "Wijk")
    assert table.rows == (RawRow(2, ("Jan", "Zuid")),)


@pytest.mark.parametrize("name", ["lijst", "lijst.dat", "lijst.csv"])
def test_a_workbook_by_its_content_whatever_its_name(tmp_path: Path, name: str) -> None:
    source = write_workbook(tmp_path / "echt.xlsx", {"Blad1": [["Naam"], ["Els Maes"]]})
    path = tmp_path / name
    path.write_bytes(source.read_bytes())
    assert read_table(path).rows == (RawRow(2, ("Els Maes",)),)


def test_text_without_a_known_extension_is_csv(tmp_path: Path) -> None:
    path = write(tmp_path / "lijst.dat", "Naam;Wijk\nJan;Zuid\n", "utf-8")
    assert read_table(path).rows == (RawRow(2, ("Jan", "Zuid")),)


def assert_one_sentence(refused: pytest.ExceptionInfo[InputRejected], path: Path) -> None:
    message = refused.value.message
    assert path.name in message
    assert message.endswith(".")
    assert "\n" not in message
    assert ". " not in message.replace(str(path), "")


def numbers_in(refused: pytest.ExceptionInfo[InputRejected], path: Path) -> list[int]:
    """The numbers a refusal names besides its file's: a line, a limit (in any language)."""
    return [
        int(number) for number in re.findall(r"\d+", refused.value.message.replace(str(path), ""))
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leeg.csv", b""),
        ("bom.csv", codecs.BOM_UTF8),
        ("spaties.csv", b"  \r\n\r\n\t\r\n"),
        ("puntkomma.csv", b";;;\r\n ; ; \r\n"),
        ("kop.csv", b"Voornaam;Achternaam\r\n\r\n"),
        ("binair.csv", b"\x00\x01\x02\x03Naam"),
        ("utf16.txt", codecs.BOM_UTF16_LE + b"N\x00a\x00a"),
        ("kapot.xlsx", b"PK\x03\x04 this is no workbook"),
        ("geen-zip.xlsx", b"Naam;Wijk\nJan;Zuid\n"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("OUD.XLS", b""),
    ],
)
def test_unusable_files_get_one_sentence(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)


def test_a_truncated_workbook(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "half.xlsx", {"Blad1": [["Naam"], ["Jan"]]})
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)


def test_a_workbook_without_values(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "leeg.xlsx", {"Blad1": [], "Blad2": [[None, " "]]})
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)


def test_a_workbook_with_only_a_header(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "kop.xlsx", {"Blad1": [["Naam", "Wijk"]]})
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)


@pytest.mark.parametrize("name", ["weg.csv", "weg.xlsx", "map"])
def test_a_file_that_is_not_there_or_not_a_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "map":
        path.mkdir()
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=500),
        st.lists(
            st.sampled_from(
                [b";", b",", b"\t", b'"', b"\r\n", b"\n", b"\r", b" ", b"Jan", b"\xe9"]
            ),
            max_size=80,
        ).map(b"".join),
    )
)
def test_any_bytes_give_a_table_or_a_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "willekeurig.csv"
    path.write_bytes(content)
    try:
        table = read_table(path)
    except InputRejected as refused:
        assert refused.message.endswith(".") and "\n" not in refused.message
        return
    assert isinstance(table, RawTable)
    assert table.rows
    assert all(len(row.values) >= len(table.headers) for row in table.rows)
    assert all(row.line > 1 for row in table.rows)


def test_a_quote_left_open_to_the_end_names_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "open.csv",
        'Naam;Opmerking;Wijk\r\nEls Maes;geen;Kolderbos\r\nJan;"rolstoel;Zuid\r\n'
        + "".join(f"Persoon {number};;Winterslag\r\n" for number in range(5)),
        "utf-8",
    )
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)
    assert numbers_in(refused, path) == [3]  # the line where the quote opened


def test_a_quote_that_swallows_a_hundred_people_names_its_line(tmp_path: Path) -> None:
    # A stray quote much further down closes it: without a check, the hundred people in
    # between became one person's remark.
    people = "".join(f"Persoon {number};geen;Winterslag\r\n" for number in range(100))
    path = write(
        tmp_path / "open.csv",
        f'Naam;Opmerking;Wijk\r\nJan;"rolstoel;Zuid\r\n{people}Els;"ja";Kolderbos\r\n',
        "utf-8",
    )
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert_one_sentence(refused, path)
    assert numbers_in(refused, path) == [2]  # the line where the quote opened


def test_a_quote_that_swallows_a_few_registrations_names_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "open.csv",
        "Naam;Opmerking;Wijk;Telefoon\r\nEls;geen;Kolderbos;1\r\n"
        'Peeters, Jan;"""de"" zoon\r\nkomt mee";Zuid;2\r\n'  # a remark of two lines: fine
        'Jan;"rolstoel;Zuid;3\r\nEls;geen;Noord;4\r\nPiet;x";Zuid;5\r\n',
        "utf-8",
    )
    with pytest.raises(InputRejected) as refused:
        read_table(path)
    assert numbers_in(refused, path) == [5]  # the line where the quote opened


def test_remarks_of_a_few_lines_with_delimiters_in_them_are_read(tmp_path: Path) -> None:
    remark = "allergie: noten; gluten\r\nrolstoel; komt met zoon\r\n(bellen op 0470 12 34 56)"
    path = write(
        tmp_path / "opmerkingen.csv",
        f'Voornaam;Naam;Opmerking;Wijk;Telefoon;E-mail\r\nJan;Peeters;"{remark}";Zuid;1;j@x.be\r\n'
        "Els;Maes;;Kolderbos;2;e@x.be\r\n",
        "utf-8",
    )
    table = read_table(path)
    assert table.rows == (
        RawRow(2, ("Jan", "Peeters", remark, "Zuid", "1", "j@x.be")),
        RawRow(5, ("Els", "Maes", "", "Kolderbos", "2", "e@x.be")),
    )


def test_formulas_without_a_computed_value_are_warned_about(tmp_path: Path) -> None:
    # openpyxl, like other programs that write workbooks, saves formulas without computing
    # them: the names read as empty.
    path = write_workbook(
        tmp_path / "formules.xlsx",
        {
            "Blad1": [
                ["Voornaam", "Naam", "Volledige naam"],
                ["Els", "Maes", '=A2&" "&B2'],
                ["Jan", "Peeters", "Jan Peeters"],
                ['=UPPER("ayşe")', '=PROPER("yilmaz")'],  # a row of formulas only
            ]
        },
    )
    table = read_table(path)
    assert [note.line for note in table.warnings] == [2, 4]
    assert "'Volledige naam'" in table.warnings[0].reason
    assert "'Voornaam', 'Naam'" in table.warnings[1].reason
    assert table.rows[0].values == ("Els", "Maes", "")


def _with_cached_values(path: Path, values: dict[str, bytes]) -> None:
    """Rewrite `path` as Excel saves it: each formula cell with the value it computed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/"):
                for cell, cached in values.items():
                    data = re.sub(
                        rb'<c r="' + cell.encode() + rb'"[^>]*>(<f>.*?</f>)<v\s*/>',
                        b'<c r="' + cell.encode() + b'" t="str">\\1<v>' + cached + b"</v>",
                        data,
                    )
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_formulas_with_their_values_as_excel_saves_them(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "excel.xlsx",
        {"Blad1": [["Naam", "Kort"], ['=" Els Maes"', '=IF(A2="","",LEFT(A2,3))'], ["Jan", "x"]]},
    )
    # A formula that computed "" is an empty cell, not a formula without a value.
    _with_cached_values(path, {"A2": b" Els Maes", "B2": b""})
    table = read_table(path)
    assert table.warnings == ()
    assert table.rows[0].values == ("Els Maes", "")


INVISIBLE_NAMES = [
    ["Voornaam", "Naam", "Opmerking"],
    ["Ahmed\u202eevil", "\u2067العلوي\u2069", "\u202egeen"],
    ["Jan\u200b", "Ja\u200bnssens", "rolstoel\u200d"],
    ["\ufeffEls", "Ma\u2060es\u00ad", ""],
    ["\ufeff", "\u200b", "\u3164"],  # a row of only invisible characters is an empty row
]
VISIBLE_NAMES = [
    ("Ahmedevil", "العلوي", "geen"),
    ("Jan", "Janssens", "rolstoel"),
    ("Els", "Maes", ""),
]


def test_invisible_characters_leave_the_names_of_a_csv(tmp_path: Path) -> None:
    text = "".join(";".join(row) + "\r\n" for row in INVISIBLE_NAMES)
    table = read_table(write(tmp_path / "namen.csv", text, "utf-8"))
    assert [row.values for row in table.rows] == VISIBLE_NAMES


def test_invisible_characters_leave_the_names_of_a_workbook(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "namen.xlsx", {"Blad1": [list(row) for row in INVISIBLE_NAMES]}
    )
    table = read_table(path)
    assert [row.values for row in table.rows] == VISIBLE_NAMES


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def test_the_header_is_found_below_a_title_and_an_empty_row(tmp_path: Path) -> None:
    path = write(
        tmp_path / "klerk.csv",
        "Inschrijvingen G360 – 4 en 5 maart;;;;;\r\n"
        ";;;;;\r\n"
        "Nr.;Naam;Voornaam;Thema;Dag;;;\r\n"
        "1;Peeters;Jan;Wonen;4/03/2013;;;\r\n"
        ";;;;;;;\r\n"
        "2;Maes;Els;;5/03/2013;;;\r\n"
        ";;;;;;;\r\n",
        "cp1252",
    )
    table = read_table(path)
    assert table.header_line == 3
    # The formatted empty columns after the last named one are gone.
    assert table.headers == ("Nr.", "Naam", "Voornaam", "Thema", "Dag")
    assert table.rows == (
        RawRow(4, ("1", "Peeters", "Jan", "Wonen", "4/03/2013")),
        RawRow(6, ("2", "Maes", "Els", "", "5/03/2013")),
    )
    # The empty row between two people is listed; the ones above the header and after
    # the last person are not.
    assert table.empty_lines == (5,)
    assert table.encoding == "cp1252"


def test_the_sheet_with_the_people_is_read(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "pretix.xlsx",
        {
            "Orders": [
                ["Order code", "Status", "Email", "Order date", "Date of last payment"],
                ["ABC12", "paid", "jan@example.org", "2013-02-01", "2013-02-01"],
            ],
            "Order positions": [
                [
                    "Order code",
                    "Status",
                    "Email",
                    "Start date",
                    "Attendee name",
                    "Welk thema kies je?",
                ],
                ["ABC12", "paid", "jan@example.org", "2013-03-04 09:00:00", "Jan Peeters", "Wonen"],
                ["ABC12", "paid", "jan@example.org", "2013-03-04 09:00:00", "Els Maes", "Werk"],
            ],
            "Order fees": [["Order code", "Fee type", "Price"]],
        },
    )
    table = read_table(path)
    assert (table.sheet, table.header_line) == ("Order positions", 1)
    assert table.sheets == ("Orders", "Order positions", "Order fees")
    assert [row.values[4] for row in table.rows] == ["Jan Peeters", "Els Maes"]
    assert table.description == "Excel, sheet 'Order positions'"
    # Another sheet, when the organiser chooses it.
    orders = read_table(path, sheet="Orders")
    assert orders.sheet == "Orders"
    assert orders.headers[0] == "Order code" and len(orders.rows) == 1
    with pytest.raises(InputRejected) as refused:
        read_table(path, sheet="Deelnemers")
    assert "Deelnemers" in refused.value.message


def test_a_merged_cell_holds_for_every_row_it_spans(tmp_path: Path) -> None:
    path = tmp_path / "klerk.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Inschrijvingen G360"])
    sheet.append([])
    sheet.append(["Naam", "Voornaam", "Thema", "Dag"])
    sheet.append(["Peeters", "Jan", "Wonen", dt.datetime(2013, 3, 4)])
    sheet.append(["Maes", "Els", None, dt.datetime(2013, 3, 5)])
    sheet.append(["Claes", "Luc", None, dt.datetime(2013, 3, 5)])
    sheet.append(["Şahin", "Ayşe", "Werk", dt.datetime(2013, 3, 4)])
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("C4:C6")
    workbook.save(path)
    table = read_table(path)
    assert table.header_line == 3
    assert table.headers == ("Naam", "Voornaam", "Thema", "Dag")
    assert [(row.line, row.values[2]) for row in table.rows] == [
        (4, "Wonen"),
        (5, "Wonen"),
        (6, "Wonen"),
        (7, "Werk"),
    ]


@pytest.mark.parametrize(
    ("name", "sheet", "header_line", "first_header"),
    [
        ("klerk_inschrijvingen_g360.xlsx", "Inschrijvingen", 3, "Nr."),
        ("klerk_inschrijvingen_g360_puntkomma.csv", None, 3, "Nr."),
        ("pretix_g360_orders.xlsx", "Order positions", 1, "Event slug"),
        ("microsoft_forms_g360.xlsx", "Sheet1", 1, "ID"),
        ("eventbrite_attendee_summary.csv", None, 1, "Order #"),
    ],
)
def test_the_tools_exports_are_read_from_their_header(
    name: str, sheet: str | None, header_line: int, first_header: str
) -> None:
    table = read_table(FIXTURES / name)
    assert (table.sheet, table.header_line, table.headers[0]) == (sheet, header_line, first_header)
    assert table.headers[-1]  # no empty column names at the end
