"""Splitting a whole name into first and last name the way Dutch and Flemish names work.

The first name is one word (hyphens allowed: "Jean-Pierre"), the last name the rest with
its particles: "Jan Van den Broeck" → Jan / Van den Broeck, "Fatima El Amrani" → Fatima /
El Amrani. A name written last name first ("Van den Broeck Jan", as clerks write them)
starts with a particle: the particles and the word after them are the last name. "Peeters,
Jan" says itself where the last name ends. The letters stay exactly as written; only the
whitespace around the parts goes.
"""

from __future__ import annotations

import re

from degenks_desktop.domain.text_matching import fold

# Particles of Dutch, Flemish, French, Arabic and Italian family names, in comparison form
# ("D'" folds to "d", "Van den" is two). They come before the name they belong to.
PARTICLES = frozenset(
    {
        "van",
        "vanden",
        "vander",
        "vande",
        "de",
        "den",
        "der",
        "het",
        "t",
        "ten",
        "ter",
        "te",
        "op",
        "in",
        "la",
        "le",
        "du",
        "des",
        "d",
        "di",
        "da",
        "del",
        "della",
        "lo",
        "el",
        "al",
        "ben",
        "bin",
        "ait",
        "ou",
        "abou",
        "abu",
    }
)
# "D'Hondt", "d’Ursel": a particle written onto its name, a last name by itself.
_GLUED_PARTICLE = re.compile(r"[Dd]['’]\w")


def _is_particle(word: str) -> bool:
    """Whether `word` is a particle: "Van", "den", "D'" (the apostrophe folds away)."""
    return fold(word) in PARTICLES


def split_whole_name(text: str) -> tuple[str, str]:
    """First and last name from one cell: 'Jan Van den Broeck', 'Van den Broeck Jan' or
    'Van den Broeck, Jan'; a single word is a first name."""
    text = text.strip()
    if "," in text:
        last, _comma, first = text.partition(",")
        return first.strip(), last.strip()
    words = text.split()
    if not words:
        return "", ""
    if len(words) >= 2 and _GLUED_PARTICLE.match(words[0]):
        return " ".join(words[1:]), words[0]  # "D'Hondt Tom"
    if len(words) >= 3 and _is_particle(words[0]):
        # Last name first: the particles, then the name they belong to, then the first
        # name ("Van den Broeck Jan", "El Amrani Fatima").
        end = 0
        while end < len(words) - 1 and _is_particle(words[end]):
            end += 1
        if end < len(words) - 1:
            return " ".join(words[end + 1 :]), " ".join(words[: end + 1])
    return words[0], " ".join(words[1:])
