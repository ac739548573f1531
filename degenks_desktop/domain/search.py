"""Finding a person as a desk clerk types: folded search text and the order of matches.

"yilmaz" finds "Yılmaz", "ozturk" finds "Öztürk", "el amrani" finds "El Amrani": both
sides are folded (domain.text_matching.fold) and every typed word must occur somewhere
in the person's names, e-mail or badge code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from degenks_desktop.domain.badge_codes import normalise_badge_code
from degenks_desktop.domain.text_matching import fold

# A name's folded form, remembered: each keystroke ranks up to hundreds of people, and a
# day's names come back keystroke after keystroke (a day of 10,000 has far fewer names).
_folded_name = lru_cache(maxsize=1 << 16)(fold)


def search_key(first_name: str, last_name: str, email: str | None, badge_code: str) -> str:
    """The text a person is found by: folded names, e-mail and badge code."""
    parts = [fold(first_name), fold(last_name), (email or "").casefold(), badge_code.casefold()]
    return " ".join(part for part in parts if part)


def query_words(text: str) -> list[str]:
    """The folded words of what was typed, longest first (the most selective first)."""
    return sorted(set(fold(text).split()), key=len, reverse=True)


def match_rank(
    text: str, *, first_name: str, last_name: str, email: str | None, badge_code: str
) -> tuple[int, str]:
    """A sort key for a found person: lower is better; ties go by name.

    Order: the badge code itself, the whole name, the last name, names that start with
    what was typed, words that start with it, and last anything that merely contains it.
    """
    return rank_for(text)(first_name, last_name, email, badge_code)


def rank_for(text: str) -> Callable[[str, str, str | None, str], tuple[int, str]]:
    """`match_rank` for one typed text, folded once for the hundreds of people it ranks."""
    typed = fold(text)
    typed_code = normalise_badge_code(text)
    typed_words = typed.split()

    def rank(
        first_name: str, last_name: str, email: str | None, badge_code: str
    ) -> tuple[int, str]:
        first, last = _folded_name(first_name), _folded_name(last_name)
        full = f"{first} {last}".strip()
        name_order = f"{last} {first}"
        if typed_code == badge_code:
            return (0, name_order)
        if typed in (full, f"{last} {first}".strip()):
            return (1, name_order)
        if typed == last:
            return (2, name_order)
        if last.startswith(typed) or first.startswith(typed) or full.startswith(typed):
            return (3, name_order)
        name_words = full.split()
        if all(any(word.startswith(part) for word in name_words) for part in typed_words):
            return (4, name_order)
        if email and email.casefold().startswith(typed):
            return (5, name_order)
        return (6, name_order)

    return rank
