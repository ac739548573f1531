"""Badge codes: unguessable, free of look-alikes, and a mistyped code is never someone else's.

A scanner set to another keyboard layout than the laptop's mangles a code; every demo
code, mangled each way, reads back. The tables of what each scanner types are written
out by hand in tests/helpers/scans.py, apart from the layouts the module derives them from.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.demo.plan import plan_demo_event
from degenks_desktop.domain.badge_codes import (
    ALPHABET,
    CODE_LENGTH,
    LAYOUTS,
    SCANNER_SYMBOLS,
    format_badge_code,
    is_valid_badge_code,
    layout_typing,
    new_badge_code,
    normalise_badge_code,
    scan_readings,
    unmangle_scan,
)
from tests.helpers.scans import MANGLINGS, mangle

codes = st.builds(lambda seed: new_badge_code(random.Random(seed)), st.integers())


def test_alphabet_has_no_look_alikes() -> None:
    for look_alike in "0O1IL":
        assert look_alike not in ALPHABET
    assert len(set(ALPHABET)) == len(ALPHABET)


def test_fresh_codes_are_valid_and_differ() -> None:
    fresh = {new_badge_code() for _ in range(2000)}
    assert len(fresh) == 2000
    assert all(len(code) == CODE_LENGTH and is_valid_badge_code(code) for code in fresh)


@given(codes)
def test_a_code_survives_how_people_write_it(code: str) -> None:
    assert is_valid_badge_code(format_badge_code(code))
    assert is_valid_badge_code(f" {code.lower()} ")
    assert normalise_badge_code(format_badge_code(code)) == code


@given(codes, st.integers(min_value=0, max_value=CODE_LENGTH - 1), st.sampled_from(ALPHABET))
def test_one_wrong_symbol_is_refused(code: str, position: int, symbol: str) -> None:
    mistyped = code[:position] + symbol + code[position + 1 :]
    assert is_valid_badge_code(mistyped) == (mistyped == code)


@given(codes, st.integers(min_value=0, max_value=CODE_LENGTH - 2))
def test_two_swapped_neighbours_are_refused(code: str, position: int) -> None:
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert is_valid_badge_code(swapped) == (swapped == code)


def test_azerty_digits_alone_and_other_garbage_are_refused_as_typed() -> None:
    # A scanner on an AZERTY layout types "&é\"'(§è!çà" for the digits 1234567890.
    code = new_badge_code(random.Random(7))
    mangled = code.translate(str.maketrans("23456789", "é\"'(§è!ç"))
    assert not is_valid_badge_code(mangled) or mangled == code
    for garbage in ("", "Ayşe", "12345", "ABCDEFGHJKM", "0O1IL0O1IL"):
        assert not is_valid_badge_code(garbage)


DEMO_CODES = [person.badge_code for person in plan_demo_event().people]


def test_the_demo_has_449_distinct_codes() -> None:
    assert len(DEMO_CODES) == len(set(DEMO_CODES)) == 449


@pytest.mark.parametrize("name", MANGLINGS)
def test_every_demo_code_mangled_each_way_reads_back(name: str) -> None:
    typing = MANGLINGS[name]
    for code in DEMO_CODES:
        for caps_lock in (False, True):
            mangled = mangle(code, typing, caps_lock=caps_lock)
            readings = scan_readings(mangled)
            assert code in readings, (name, code, mangled)
            assert all(is_valid_badge_code(reading) for reading in readings)


def test_the_derived_layout_tables_agree_with_the_hand_written_ones() -> None:
    derived = {
        "QWERTY scanner, AZERTY laptop": layout_typing("qwerty", "azerty"),
        "AZERTY scanner, QWERTY laptop": layout_typing("azerty", "qwerty"),
        "QWERTY scanner, QWERTZ laptop": layout_typing("qwerty", "qwertz"),
        "QWERTZ scanner, QWERTY laptop": layout_typing("qwertz", "qwerty"),
        "QWERTZ scanner, AZERTY laptop": layout_typing("qwertz", "azerty"),
        "AZERTY scanner, QWERTZ laptop": layout_typing("azerty", "qwertz"),
    }
    for name, typing in derived.items():
        for symbol in ALPHABET:
            assert MANGLINGS[name].get(symbol, symbol).upper() in typing[symbol], (name, symbol)
    assert layout_typing("qwerty", "azerty")["M"] == (",", "?")
    assert layout_typing("azerty", "qwerty")["M"] == (";", ":")


def test_no_two_symbols_arrive_as_the_same_character() -> None:
    for scanner in LAYOUTS:
        for keyboard in LAYOUTS:
            arrivals = layout_typing(scanner, keyboard).values()
            flat = [character for each in arrivals for character in each]
            assert len(flat) == len(set(flat)), (scanner, keyboard)


@given(codes)
def test_a_clean_scan_reads_as_typed_first(code: str) -> None:
    assert scan_readings(code)[0] == code
    assert scan_readings(format_badge_code(code).lower())[0] == code
    assert unmangle_scan(f" {code} ") == code


@given(codes, st.sampled_from(sorted(MANGLINGS)), st.booleans())
def test_a_mangled_code_is_always_among_its_readings(code: str, name: str, caps_lock: bool) -> None:
    readings = scan_readings(mangle(code, MANGLINGS[name], caps_lock=caps_lock))
    assert code in readings
    assert len(readings) == len(set(readings))
    assert all(is_valid_badge_code(reading) for reading in readings)


def test_text_that_is_no_code_in_any_layout_has_no_reading() -> None:
    for text in ("", "Ayşe", "12345", "ABCDEFGHJKM", "0O1IL0O1IL", "Jan Peeters"):
        assert scan_readings(text) == ()
        assert not is_valid_badge_code(unmangle_scan(text))


def test_the_signs_of_a_scan_are_what_layouts_type_and_no_name_letter() -> None:
    assert set("&É\"'(§È!ÇÀ") <= SCANNER_SYMBOLS  # the AZERTY digit row
    assert set("!@#$%^&*(),;:?") <= SCANNER_SYMBOLS  # QWERTY's shifted digits, M's keys
    assert not any(symbol.isascii() and symbol.isalnum() for symbol in SCANNER_SYMBOLS)
    assert "Ö" not in SCANNER_SYMBOLS  # a letter key in QWERTZ, and a letter in names
