"""Badge codes: the short, unguessable code in each person's QR code.

A code is nine random symbols and one check symbol from an alphabet without look-alikes
(no 0/O, no 1/I/L). Nine
symbols of 31 give about 45 bits: guessing any one of 700 valid codes takes on the order
of 10^10 tries. The check symbol catches a mistyped symbol or two swapped
neighbours, so a mangled scan is refused instead of matched to someone else. Ten symbols
of this alphabet fit a version-1 QR code in alphanumeric mode, which scans reliably.

A scanner set to another keyboard layout than the laptop's types a mangled code;
`scan_readings` gives the readings of a scan whose check symbol holds (as typed first,
then repaired for each pair of layouts), and the desk's lookup takes the one that belongs
to someone, refusing a scan that two people's codes could explain.
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


# --- scans typed for another keyboard layout -------------------------------------------
#
# A keyboard-wedge scanner does not send characters: it presses keys, the ones its own
# layout uses for each symbol, and the laptop turns those keys into characters with *its*
# layout. When the two differ, the code arrives mangled. Below, each layout says what
# every key a badge code needs types, unshifted and shifted; the keys are in the same
# order in each (digit row 1..0, the three letter rows from the left; the last of the
# middle row and of the bottom row are the keys right of L and of M on US QWERTY).
# From these follow what a scanner set to one layout types on a keyboard set to another,
# and so the way back. Worked out for the layouts the front desk meets:
#
# - QWERTY scanner, Belgian AZERTY keyboard: A↔Q and Z↔W swap, M comes out as "," (or
#   "?" when the scanner holds Shift for capitals), and the digits, which QWERTY types
#   without Shift, come out as the AZERTY digit row's unshifted "&é\"'(§è!çà".
# - AZERTY scanner, QWERTY keyboard: the same swaps the other way round; M (on the key
#   right of L) comes out as ":" (or ";"), and the digits, which AZERTY types *with*
#   Shift, come out as QWERTY's shifted digit row "!@#$%^&*()".
# - QWERTY and QWERTZ (German): Y↔Z, in both directions; the digits agree.
# - AZERTY and QWERTZ: the two combined (a three-way turn of W, Y and Z, A↔Q, and the
#   digits as above with QWERTZ's shifted row "!\"§$%&/()=").
#
# Letters are read whether the scanner held Shift or not (Caps Lock inverts it), and the
# case of what arrives never matters.
_KEYS: dict[str, tuple[str, str]] = {
    "qwerty": (
        "1234567890 qwertyuiop asdfghjkl; zxcvbnm,",
        "!@#$%^&*() QWERTYUIOP ASDFGHJKL: ZXCVBNM<",
    ),
    "azerty": (
        "&é\"'(§è!çà azertyuiop qsdfghjklm wxcvbn,;",
        "1234567890 AZERTYUIOP QSDFGHJKLM WXCVBN?.",
    ),
    "qwertz": (
        "1234567890 qwertzuiop asdfghjklö yxcvbnm,",
        '!"§$%&/()= QWERTZUIOP ASDFGHJKLÖ YXCVBNM;',
    ),
}
# The spaces only show where a row ends.
_LAYOUTS = {
    name: (unshifted.replace(" ", ""), shifted.replace(" ", ""))
    for name, (unshifted, shifted) in _KEYS.items()
}
LAYOUTS = tuple(_LAYOUTS)
"""The keyboard layouts a scanner or a laptop may be set to."""
_DIGIT_KEYS = 10


def _keys(layout: str, symbol: str) -> list[tuple[int, int]]:
    """The (key, shift) presses that type `symbol` in `layout` (for a letter: either case)."""
    rows = _LAYOUTS[layout]
    return [
        (key, shift)
        for shift, row in enumerate(rows)
        for key, typed in enumerate(row)
        if typed.upper() == symbol
    ]


def layout_typing(scanner: str, keyboard: str) -> dict[str, tuple[str, ...]]:
    """What a scanner set to `scanner` types for each symbol on a `keyboard` laptop.

    Every character it may arrive as, upper-cased: a letter key with or without Shift.
    """
    typing: dict[str, tuple[str, ...]] = {}
    for symbol in ALPHABET:
        arrives: list[str] = []
        for key, shift in _keys(scanner, symbol):
            # A digit key is pressed with the Shift the scanner's layout needs for it; a
            # letter key may arrive either way (Caps Lock), and case is ignored.
            shifts = (shift,) if key < _DIGIT_KEYS else (0, 1)
            for pressed in shifts:
                typed = _LAYOUTS[keyboard][pressed][key].upper()
                if typed not in arrives:
                    arrives.append(typed)
        typing[symbol] = tuple(arrives)
    return typing


def _reading(scanner: str, keyboard: str) -> dict[int, str]:
    """The way back: each character that arrives, and the symbol the scanner meant."""
    back: dict[int, str] = {}
    for symbol, arrivals in layout_typing(scanner, keyboard).items():
        for typed in arrivals:
            # Two symbols arriving as one character would make the reading a guess.
            assert back.get(ord(typed), symbol) == symbol, (scanner, keyboard, typed)
            back[ord(typed)] = symbol
    return back


# An AZERTY scanner on an AZERTY laptop that loses its Shift on the digit row (Caps Lock
# on a layout where it also works on the digits): the letters come through, only their
# case flips, but the digits arrive as the unshifted "&é\"'(§è!çà". The one repair the
# first version of the desk made, kept.
_AZERTY_CAPS_LOCK = {
    ord(typed): digit
    for typed, digit in zip(_LAYOUTS["azerty"][0][:_DIGIT_KEYS].upper(), "1234567890", strict=True)
}
_READINGS: tuple[dict[int, str], ...] = (
    _AZERTY_CAPS_LOCK,
    *(
        _reading(scanner, keyboard)
        for scanner in LAYOUTS
        for keyboard in LAYOUTS
        if scanner != keyboard
    ),
)


SCANNER_SYMBOLS = frozenset(
    chr(typed)
    for reading in _READINGS
    for typed, meant in reading.items()
    if not chr(typed).isalnum() or (meant.isdigit() and not chr(typed).isdigit())
)
"""What a scanner on another keyboard layout types that no name would hold in its place:
any sign ("&", "!", ","), and the letters a digit key types ("É", "À"); upper-cased."""


def scan_readings(text: str) -> tuple[str, ...]:
    """The codes a scan may stand for whose check symbol holds: as typed first, then as
    typed by a scanner set to another keyboard layout than the laptop's; no repeats.

    Which of them is someone's is for the lookup to say; two people's is a refusal.
    """
    typed = text.upper()
    readings: list[str] = []
    for candidate in (typed, *(typed.translate(reading) for reading in _READINGS)):
        code = normalise_badge_code(candidate)
        if code not in readings and is_valid_badge_code(code):
            readings.append(code)
    return tuple(readings)


def unmangle_scan(text: str) -> str:
    """The first reading of a scan whose check symbol holds, else the text normalised.

    For asking whether a scan looks like a code; the check-in itself looks up every
    reading (`scan_readings`), so that it never takes one person's scan for another's.
    """
    readings = scan_readings(text)
    return readings[0] if readings else normalise_badge_code(text)
