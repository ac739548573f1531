"""Badge codes: the short, unguessable code in each person's QR code.

A code is nine random symbols and one check symbol from an alphabet without look-alikes
(no 0/O, no 1/I/L). Nine
symbols of 31 give about 45 bits: guessing any one of 700 valid codes takes on the order
of 10^10 tries. The check symbol catches a mistyped symbol or two swapped
neighbours, so a mangled scan is refused instead of matched to someone else. Ten symbols
of this alphabet fit a version-1 QR code in alphanumeric mode, which scans reliably.
"""

from __future__ import annotations

import random
import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RANDOM_LENGTH = 9
CODE_LENGTH = RANDOM_LENGTH + 1
_INDEX = {symbol: index for index, symbol in enumerate(ALPHABET)}
_SEPARATORS = re.compile(r"[\s\-_.]")


def check_symbol(payload: str) -> str:
    """The check symbol for `payload`: a weighted sum modulo 31, the alphabet's size.

    Because 31 is prime and the weights 1..10 differ, any single wrong symbol and any
    swap of two different neighbours changes the sum, so the check no longer holds.
    """
    base = len(ALPHABET)
    total = sum((position + 2) * _INDEX[symbol] for position, symbol in enumerate(payload))
    return ALPHABET[(-total) % base]


def new_badge_code(rng: random.Random | None = None) -> str:
    """A fresh random badge code; pass a seeded `rng` only for reproducible demos."""
    if rng is None:
        payload = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    else:
        payload = "".join(rng.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return payload + check_symbol(payload)


def normalise_badge_code(text: str) -> str:
    """Upper-case `text` and drop the spaces and dashes people and printers add."""
    return _SEPARATORS.sub("", text).upper()


def is_valid_badge_code(text: str) -> bool:
    """Whether `text` (normalised) is a well-formed code with a correct check symbol."""
    code = normalise_badge_code(text)
    if len(code) != CODE_LENGTH or any(symbol not in _INDEX for symbol in code):
        return False
    return check_symbol(code[:-1]) == code[-1]


def format_badge_code(code: str) -> str:
    """The code as printed for reading aloud or typing: two groups of five."""
    code = normalise_badge_code(code)
    return f"{code[:5]}-{code[5:]}"


# What a keyboard-wedge scanner set up for QWERTY types for the digits on a Belgian
# AZERTY keyboard, unshifted: "&é\"'(§è!çà" for 1234567890.
_AZERTY_DIGITS = str.maketrans("&é\"'(§è!çà", "1234567890")


def unmangle_scan(text: str) -> str:
    """A scanned code with AZERTY digit keys turned back into digits (letters are kept).

    The check symbol then tells a repaired code from a wrong one: a mangled scan is
    recognised or refused, never matched to someone else.
    """
    return normalise_badge_code(text.translate(_AZERTY_DIGITS))
