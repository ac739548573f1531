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

# Letters that do not decompose into a base letter and an accent.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "'": None,
        "’": None,
        "‘": None,
        "`": None,
        "´": None,
        '"': None,
        "“": None,
        "”": None,
    }
)
_SEPARATORS = re.compile(r"[\s\-_.,·/]+")
_SEPARATORS_KEEP_SLASH = re.compile(r"[\s\-_.,·]+")
LENIENT_PREFIX_LENGTH = 3
FUZZY_RATIO = 0.8
FUZZY_MARGIN = 0.1


def _fold(text: str, separators: re.Pattern[str]) -> str:
    # Case first, so that the table of special letters needs only the lower case, and
    # again after decomposing, since compatibility forms can decompose into capitals.
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return separators.sub(" ", bare.casefold().translate(_SPECIAL_LETTERS)).strip()


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
    starts with; then the closest spelling, when it is close and clearly the closest.
    """
    typed = fold_keeping_slashes(value)
    if not typed:
        return None
    folded = {
        key: [fold_keeping_slashes(label) for label in labels] for key, labels in choices.items()
    }
    exact = [key for key, labels in folded.items() if typed in labels]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        return None
    if len(typed) >= LENIENT_PREFIX_LENGTH:
        prefixed = [
            key
            for key, labels in folded.items()
            if any(
                label.startswith(typed)
                or (len(label) >= LENIENT_PREFIX_LENGTH and typed.startswith(label + " "))
                for label in labels
            )
        ]
        if len(prefixed) == 1:
            return prefixed[0]
        if len(prefixed) > 1:
            return None
    scores = sorted(
        (
            (max(difflib.SequenceMatcher(None, typed, label).ratio() for label in labels), index)
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
