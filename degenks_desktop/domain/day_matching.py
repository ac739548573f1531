"""Which day of the event a typed answer means: "4 maart", "ma 4/3", "maandag", "Dag 1".

People write a day as a date in any order and form ("4/03/2013", "2013-03-04 09:00:00",
"3/4/2013" from an American form), as a weekday ("de dinsdag"), as the event's day
number, or as all of these at once ("Dag 1 – maandag 4 maart 2013"). Every mention in
the answer must point to the same day of the event; an answer that names two days ("4 of
5 maart"), a date that is not the event's, or nothing at all ("maakt niet uit") is
unclear, never a guess. `DayMatch.sureness` says how sure the match is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from degenks_desktop.domain.text_matching import fold_keeping_slashes

MONTHS = {
    **dict.fromkeys(("januari", "january", "jan", "janvier"), 1),
    **dict.fromkeys(("februari", "february", "feb", "febr", "fevrier"), 2),
    **dict.fromkeys(("maart", "march", "mrt", "mar", "maa", "mars"), 3),
    **dict.fromkeys(("april", "apr", "avril"), 4),
    **dict.fromkeys(("mei", "may", "mai"), 5),
    **dict.fromkeys(("juni", "june", "jun", "juin"), 6),
    **dict.fromkeys(("juli", "july", "jul", "juillet"), 7),
    **dict.fromkeys(("augustus", "august", "aug", "aout"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct", "octobre"), 10),
    **dict.fromkeys(("november", "nov", "novembre"), 11),
    **dict.fromkeys(("december", "dec", "decembre"), 12),
}
WEEKDAYS = (
    ("maandag", "monday", "ma", "mon", "maa", "lundi"),
    ("dinsdag", "tuesday", "di", "tue", "tues", "din", "mardi"),
    ("woensdag", "wednesday", "wo", "wed", "woe", "mercredi"),
    ("donderdag", "thursday", "do", "thu", "thur", "don", "jeudi"),
    ("vrijdag", "friday", "vr", "fri", "vri", "vendredi"),
    ("zaterdag", "saturday", "za", "sat", "zat", "samedi"),
    ("zondag", "sunday", "zo", "sun", "zon", "dimanche"),
)
_WEEKDAY = {word: index for index, words in enumerate(WEEKDAYS) for word in words}
SURE = 1.0
# A weekday alone is sure only while the event has that weekday once.
BY_WEEKDAY = 0.9
THRESHOLD = 0.8

# Dates are matched after their separators became slashes: "2013-03-04", "4.3.2013".
_DATE_SEPARATOR = re.compile(r"(?<=\d)[-.](?=\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\d/])")
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_SPELLED = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:e|ste|de)?(?:\s*(?:of|en|or|and|tot|-)\s*(\d{{1,2}}))?\s+"
    rf"({_MONTH_WORDS})\b(?:\s+(\d{{4}}))?"
)
_DAY_NUMBER = re.compile(r"\b(?:dag|day|jour)\s*(\d{1,2})\b")
_BARE_NUMBER = re.compile(r"\d{1,2}")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")


@dataclass(frozen=True)
class DayMatch:
    """The day an answer means (its number, from 1), or None; and how sure that is."""

    number: int | None
    sureness: float


_UNCLEAR = DayMatch(None, 0.0)


def _year(written: str | None, event_years: set[int]) -> int | None:
    """The year as written ('13' is 2013), or the event's when it has one year only."""
    if written:
        year = int(written)
        return year + 2000 if year < 100 else year
    return next(iter(event_years)) if len(event_years) == 1 else None


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year is not None else None
    except ValueError:
        return None


def _mentions(
    text: str, dates: Sequence[dt.date], month_first: bool
) -> tuple[set[int], bool, bool]:
    """The event days (numbers) `text` mentions, whether it also mentions a day that is
    not the event's, and whether it names one plainly (a date or a day number)."""
    days: set[int] = set()
    foreign = plain = False
    years = {date.year for date in dates}

    def date_mention(date: dt.date | None) -> None:
        nonlocal foreign, plain
        plain = True
        if date in dates:
            days.add(dates.index(date) + 1)
        else:
            foreign = True

    rest = _TIME.sub(" ", text)
    for match in _ISO.finditer(rest):
        date_mention(_date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    rest = _ISO.sub(" ", rest)
    for match in _SPELLED.finditer(rest):
        year, month = _year(match.group(4), years), MONTHS[match.group(3)]
        for day in filter(None, (match.group(1), match.group(2))):
            date_mention(_date(year, month, int(day)))
    rest = _SPELLED.sub(" ", rest)
    for match in _NUMERIC.finditer(rest):
        first, second = int(match.group(1)), int(match.group(2))
        day, month = (second, first) if month_first else (first, second)
        date_mention(_date(_year(match.group(3), years), month, day))
    rest = _NUMERIC.sub(" ", rest)
    numbers = [int(match.group(1)) for match in _DAY_NUMBER.finditer(rest)]
    rest = _DAY_NUMBER.sub(" ", rest)
    if _BARE_NUMBER.fullmatch(rest.strip()):
        numbers.append(int(rest.strip()))  # "1": the day's number, as the app's lists have it
    plain = plain or bool(numbers)
    days.update(number for number in numbers if 1 <= number <= len(dates))
    foreign = foreign or any(not 1 <= number <= len(dates) for number in numbers)
    for word in rest.split():
        weekday = _WEEKDAY.get(word)
        if weekday is not None:
            same = [number for number, date in enumerate(dates, 1) if date.weekday() == weekday]
            if len(same) == 1:
                days.add(same[0])
            else:
                foreign = True  # not an event day, or more than one of them
    return days, foreign, plain


def match_day(text: str, dates: Sequence[dt.date], *, month_first: bool = False) -> DayMatch:
    """The day of the event (`dates`, in order) that `text` means, with how sure it is.

    `month_first` reads "3/4/2013" as 4 March, as American forms (Microsoft Forms) write
    it; else Belgian, day first. Unclear answers give `DayMatch(None, 0.0)`.
    """
    folded = fold_keeping_slashes(_DATE_SEPARATOR.sub("/", text))
    if not folded or not dates:
        return _UNCLEAR
    days, foreign, plain = _mentions(folded, list(dates), month_first)
    if foreign or len(days) != 1:
        return _UNCLEAR
    return DayMatch(days.pop(), SURE if plain else BY_WEEKDAY)


def reads_month_first(answers: Iterable[str], dates: Sequence[dt.date]) -> bool:
    """Whether a column's numeric dates are month first: when more of them name an event
    day read that way than day first ("3/4/2013", "3/5/2013" for 4 and 5 March)."""
    day_first = month_first = 0
    for answer in answers:
        if not _NUMERIC.search(answer):
            continue
        day_first += match_day(answer, dates).number is not None
        month_first += match_day(answer, dates, month_first=True).number is not None
    return month_first > day_first
