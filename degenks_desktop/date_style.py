"""One way to write dates and times per context, in Dutch (Belgium) or English (UK).

Three contexts, each with one style taken from Babel's formats for the language, so a
person never meets two spellings of the same day in one place:

- on screen (the header's day picker, the walk-in form, the desk's cards): the day in
  full, "maandag 4 maart 2013";
- on paper (table sheets, letters, the report): "4 maart 2013";
- on a badge, where a corner holds it: "4 mrt 2013";
- the clock, everywhere: "09:14".

Files meant for other programs (CSV, spreadsheets, backups' names) keep ISO dates; they
do not come here.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time

from degenks_desktop.i18n import current_language

# Belgian Dutch, as Genk writes it; British English for the English interface.
BABEL_LOCALES = {"nl": "nl_BE", "en": "en_GB"}


def _locale(language: str | None) -> str:
    return BABEL_LOCALES.get(language or current_language(), BABEL_LOCALES["nl"])


def day_on_screen(date: dt.date, language: str | None = None) -> str:
    """'maandag 4 maart 2013' / 'Monday, 4 March 2013' (default: the interface language)."""
    return format_date(date, "full", locale=_locale(language))


def day_on_paper(date: dt.date, language: str | None = None) -> str:
    """'4 maart 2013' / '4 March 2013': sheets, letters and the report."""
    return format_date(date, "long", locale=_locale(language))


def day_on_badge(date: dt.date, language: str | None = None) -> str:
    """'4 mrt 2013' / '4 Mar 2013': the badge's corner beside the QR code."""
    return format_date(date, "medium", locale=_locale(language))


def clock(moment: dt.datetime | dt.time, language: str | None = None) -> str:
    """'09:14', in local time when `moment` knows its time zone (check-ins are in UTC)."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        moment = moment.time()
    return format_time(moment, "short", locale=_locale(language))
