"""Comparing what people type with what the app knows: names and list values, leniently.

`fold` gives the comparison form of a text (no case, no accents, the Turkish dotless i
as an i, no apostrophes, one space between words); `match_choice` finds which of a few
known values a typed value means, and refuses to guess between two.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TypeVar

Key = TypeVar("Key")

# Apostrophes and quote marks vanish: "D'Angelo", "D’Angelo" and "DAngelo" are one name.
_QUOTES = "'’‘‛`´\"“”„‚ʼʻ«»"
# Letters that do not decompose into a base letter and an accent (in casefolded form;
# "ß" and "ẞ" need no entry, casefold writes them as "ss").
_LETTERS = {
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
}
# The combining accents of the Latin, Greek and Cyrillic scripts. Only these are dropped:
# the marks of Arabic, Hebrew, Indic scripts or Japanese kana belong to the letter, and
# recompose with it afterwards, so those scripts come through as written.
_ACCENT_BLOCKS = (
    (0x0300, 0x0370),  # Combining Diacritical Marks
    (0x1AB0, 0x1B00),  # … Extended
    (0x1DC0, 0x1E00),  # … Supplement
    (0x20D0, 0x2100),  # … for Symbols
    (0xFE20, 0xFE30),  # Combining Half Marks
)
_BEFORE_DECOMPOSING = str.maketrans({**dict.fromkeys(_QUOTES), **_LETTERS})
_AFTER_DECOMPOSING = str.maketrans(
    {
        **dict.fromkeys(_QUOTES),
        **_LETTERS,
        **{chr(code): None for start, end in _ACCENT_BLOCKS for code in range(start, end)},
    }
)
_ASCII_QUOTES = str.maketrans(dict.fromkeys("'`\""))
# Hyphens and dashes of every width, underscores, dots, commas and the middle dot of
# Catalan names separate words just as spaces do.
_SEPARATORS = re.compile(r"[\s\-_.,·/\u2010-\u2015]+")
_SEPARATORS_KEEP_SLASH = re.compile(r"[\s\-_.,·\u2010-\u2015]+")
LENIENT_PREFIX_LENGTH = 3
FUZZY_RATIO = 0.8
FUZZY_MARGIN = 0.1


def _fold(text: str, separators: re.Pattern[str]) -> str:
    if text.isascii():
        # Most names in Genk are plain ASCII: skip the Unicode work, same result.
        return separators.sub(" ", text.lower().translate(_ASCII_QUOTES)).strip()
    # Quotes go before decomposing, since NFKD writes "´" as a space and an accent.
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_BEFORE_DECOMPOSING))
    # Casefold again: compatibility forms can decompose into capitals ("Ｉ", "ℍ").
    bare = decomposed.casefold().translate(_AFTER_DECOMPOSING)
    # Recompose what kept its marks (Arabic hamza, Japanese dakuten, Hangul).
    return separators.sub(" ", unicodedata.normalize("NFC", bare)).strip()


def fold(text: str) -> str:
    """The comparison form: 'Öztürk' -> 'ozturk', 'D'Angelo' -> 'dangelo'.

    Slashes count as separators too; dates keep theirs through `fold_keeping_slashes`.
    """
    return _fold(text, _SEPARATORS)


def fold_keeping_slashes(text: str) -> str:
    """`fold`, but dates such as '4/03/2013' keep their slashes."""
    return _fold(text, _SEPARATORS_KEEP_SLASH)


def match_choice(value: str, choices: Mapping[Key, Sequence[str]]) -> Key | None:
    """The key of `choices` whose labels name `value`, or None when none or two could.

    Exact (folded) first; then a unique label that starts with the value or that the value
    starts with (as a whole word); then the closest spelling, when it is close and clearly
    the closest.
    """
    typed = fold_keeping_slashes(value)
    if not typed:
        return None
    folded = {
        key: [label for label in map(fold_keeping_slashes, labels) if label]
        for key, labels in choices.items()
    }
    exact = [key for key, labels in folded.items() if typed in labels]
    if exact:
        return exact[0] if len(exact) == 1 else None
    if len(typed) >= LENIENT_PREFIX_LENGTH:
        # The value may only extend a label by whole words: "Wonen en wijk" means
        # "wonen", but "12 maart" does not mean day "1".
        prefixed = [
            key
            for key, labels in folded.items()
            if any(
                _starts_with(label, typed)
                or (len(label) >= LENIENT_PREFIX_LENGTH and typed.startswith(label + " "))
                for label in labels
            )
        ]
        if prefixed:
            return prefixed[0] if len(prefixed) == 1 else None
    # A near spelling is a typo of a word, never of a number: "15/03/2013" is not a typo of
    # the event's "16/03/2013", nor "dag 2" of "dag 1"; so the digits must be the same.
    digits = _digits(typed)
    scores = sorted(
        (
            (
                max(
                    difflib.SequenceMatcher(None, typed, label).ratio()
                    if _digits(label) == digits
                    else 0.0
                    for label in labels
                ),
                index,
            )
            for index, labels in enumerate(folded.values())
            if labels
        ),
        reverse=True,
    )
    if not scores or scores[0][0] < FUZZY_RATIO:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < FUZZY_MARGIN:
        return None
    return list(folded)[scores[0][1]]


def _starts_with(label: str, typed: str) -> bool:
    """Whether `label` starts with `typed`, not cutting a number: 'dag 1' is no 'dag 12'."""
    if not label.startswith(typed):
        return False
    rest = label[len(typed) :]
    return not (rest and rest[0].isdigit() and typed[-1].isdigit())


def _digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))
