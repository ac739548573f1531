"""Phone numbers in one normal form, so that the same number written two ways is one.

"+32 (0)89 12 34 56", "089 12 34 56", "0470/12.34.56", "'+32470123456" (a CSV that put an
apostrophe before a "formula") and "470123456" (Excel dropped the 0) all come out as
E.164, "+3289123456" and "+32470123456", with Belgium as the country of a number written
without one. The `phonenumbers` library does the parsing; this is the only module that
uses it.
"""

from __future__ import annotations

import re

import phonenumbers

DEFAULT_REGION = "BE"
# A Belgian mobile number is 04xx xx xx xx: nine digits without its 0, starting with 4.
_MOBILE_WITHOUT_ZERO = re.compile(r"4\d{8}")
_NOT_DIALLED = re.compile(r"[^\d+]")


def normal_phone(text: str | None, region: str = DEFAULT_REGION) -> str | None:
    """`text` as E.164 ("+32470123456"), or None when it is no phone number at all.

    A number that `phonenumbers` cannot place keeps its digits, so that two spellings of
    an odd number still compare equal.
    """
    if not text:
        return None
    dialled = _NOT_DIALLED.sub("", text.replace("(0)", ""))
    if not dialled.strip("+"):
        return None
    if _MOBILE_WITHOUT_ZERO.fullmatch(dialled) and region == DEFAULT_REGION:
        dialled = "0" + dialled  # a spreadsheet took it for a number
    try:
        number = phonenumbers.parse(dialled, region)
    except phonenumbers.NumberParseException:
        return dialled.lstrip("+") or None
    if not phonenumbers.is_possible_number(number):
        return dialled.lstrip("+") or None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
