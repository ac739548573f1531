"""Badge codes: unguessable, free of look-alikes, and a mistyped code is never someone else's."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.badge_codes import (
    ALPHABET,
    CODE_LENGTH,
    format_badge_code,
    is_valid_badge_code,
    new_badge_code,
    normalise_badge_code,
)

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


def test_azerty_digits_and_other_garbage_are_refused() -> None:
    # A scanner on an AZERTY layout types "&é\"'(§è!çà" for the digits 1234567890.
    code = new_badge_code(random.Random(7))
    mangled = code.translate(str.maketrans("23456789", "é\"'(§è!ç"))
    assert not is_valid_badge_code(mangled) or mangled == code
    for garbage in ("", "Ayşe", "12345", "ABCDEFGHJKM", "0O1IL0O1IL"):
        assert not is_valid_badge_code(garbage)
