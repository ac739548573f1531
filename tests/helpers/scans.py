"""What a keyboard-wedge scanner types when its layout is not the laptop's.

Written out by hand from the keyboards, apart from the layouts `domain/badge_codes`
derives its readings from, so that the tests check the derivation instead of repeating it.
"""

from __future__ import annotations

import random

from degenks_desktop.domain.badge_codes import new_badge_code, scan_readings

# What a scanner set to one layout types on a laptop set to another, per symbol (only the
# symbols that change).
AZERTY_DIGITS = dict(zip("23456789", "é\"'(§è!ç", strict=True))  # unshifted digit row
QWERTY_SHIFTED_DIGITS = dict(zip("23456789", "@#$%^&*(", strict=True))
QWERTZ_SHIFTED_DIGITS = dict(zip("23456789", '"§$%&/()', strict=True))
A_Q_Z_W = {"A": "Q", "Q": "A", "Z": "W", "W": "Z"}
MANGLINGS: dict[str, dict[str, str]] = {
    "QWERTY scanner, AZERTY laptop": {**A_Q_Z_W, "M": ",", **AZERTY_DIGITS},
    "QWERTY scanner holding Shift for M, AZERTY laptop": {**A_Q_Z_W, "M": "?", **AZERTY_DIGITS},
    "AZERTY scanner, QWERTY laptop": {**A_Q_Z_W, "M": ":", **QWERTY_SHIFTED_DIGITS},
    "AZERTY scanner without Shift for M, QWERTY laptop": {
        **A_Q_Z_W,
        "M": ";",
        **QWERTY_SHIFTED_DIGITS,
    },
    "QWERTY scanner, QWERTZ laptop": {"Y": "Z", "Z": "Y"},
    "QWERTZ scanner, QWERTY laptop": {"Y": "Z", "Z": "Y"},
    "QWERTZ scanner, AZERTY laptop": {
        "A": "Q",
        "Q": "A",
        "Z": "Y",
        "Y": "W",
        "W": "Z",
        "M": ",",
        **AZERTY_DIGITS,
    },
    "AZERTY scanner, QWERTZ laptop": {
        "A": "Q",
        "Q": "A",
        "W": "Y",
        "Y": "Z",
        "Z": "W",
        "M": "ö",
        **QWERTZ_SHIFTED_DIGITS,
    },
    "AZERTY scanner, AZERTY laptop losing Shift on the digits": AZERTY_DIGITS,
}


def mangle(code: str, typing: dict[str, str], *, caps_lock: bool = False) -> str:
    """`code` as the scanner types it; with Caps Lock on, in the other case."""
    typed = "".join(typing.get(symbol, symbol) for symbol in code)
    return typed.lower() if caps_lock else typed


def two_people_in_one_scan(seed: int = 0) -> tuple[str, str, str]:
    """A badge code, how a QWERTY scanner on an AZERTY laptop types it, and another valid
    code that the same scan also reads as: the case the desk must refuse to guess."""
    rng = random.Random(seed)
    typing = MANGLINGS["QWERTY scanner, AZERTY laptop"]
    while True:
        code = new_badge_code(rng)
        scan = mangle(code, typing)
        others = [reading for reading in scan_readings(scan) if reading != code]
        if others:
            return code, scan, others[0]
