"""Characters that show nothing yet change a name: bidi controls and zero-width characters.

A right-to-left override (U+202E) between "Ahmed" and "evil" makes the name display as
"Ahmedlive" and turns the rest of a badge or a list line around; a zero-width space
(U+200B) inside "Janssens" looks like nothing while it makes another person of him for
every search and every duplicate check.
Files carry them in from web forms and copied text, never on purpose.
"""

from __future__ import annotations

# Explicit code points rather than the whole "Cf" (format) category: that category also
# holds visible signs (the Arabic number signs U+0600-U+0605, the Syriac abbreviation mark)
# that belong to the text. Letters of every script and combining marks (Mn, Mc: accents,
# Arabic harakat, Hebrew points, variation selectors) are never in this list.
_BIDI_CONTROLS = (
    "\u061c"  # Arabic letter mark
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"  # isolates and their pop
)
_ZERO_WIDTH = (
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u2060"  # word joiner
    "\u2061\u2062\u2063\u2064"  # invisible function application, times, separator, plus
    "\ufeff"  # zero-width no-break space: a byte order mark in the middle of the text
    "\u00ad"  # soft hyphen: shows only where a line breaks, never in a name on a badge
    "\u180e"  # Mongolian vowel separator, zero-width since Unicode 6.3
    "\u206a\u206b\u206c\u206d\u206e\u206f"  # deprecated shaping and digit controls
    "\ufff9\ufffa\ufffb"  # interlinear annotation marks
)
# Hangul fillers are letters only in name: they render as nothing, and are the usual way to
# make a "blank" name that is not empty.
_BLANK_LETTERS = "\u115f\u1160\u3164\uffa0"
# Tag characters (U+E0000-U+E007F) spell hidden ASCII text after a visible one.
_TAGS = "".join(chr(code) for code in range(0xE0000, 0xE0080))

_INVISIBLE = {ord(char): None for char in _BIDI_CONTROLS + _ZERO_WIDTH + _BLANK_LETTERS + _TAGS}


def strip_invisible(text: str) -> str:
    """`text` without bidi controls, zero-width and other invisible characters.

    Everything visible stays as it is, in every script: Arabic and Hebrew letters (whose
    direction comes from the letters themselves, not from controls), accents and other
    combining marks, ordinary spaces. Surrounding whitespace is not touched; trim after.
    """
    if text.isascii():  # the usual case, and a check that costs nothing
        return text
    return text.translate(_INVISIBLE)
