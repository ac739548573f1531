"""Dates read the same way wherever a person meets them in one context, in either language."""

from __future__ import annotations

import datetime as dt

from degenks_desktop import i18n
from degenks_desktop.date_style import clock, day_on_badge, day_on_paper, day_on_screen

G360_DAY_ONE = dt.date(2013, 3, 4)


def test_each_context_has_its_one_dutch_style() -> None:
    assert day_on_screen(G360_DAY_ONE) == "maandag 4 maart 2013"
    assert day_on_paper(G360_DAY_ONE) == "4 maart 2013"
    assert day_on_badge(G360_DAY_ONE) == "4 mrt 2013"
    assert clock(dt.time(9, 5)) == "09:05"


def test_english_follows_the_interface_or_the_documents_language() -> None:
    assert day_on_paper(G360_DAY_ONE, "en") == "4 March 2013"  # a report made in English
    i18n.set_language("en")
    assert day_on_screen(G360_DAY_ONE) == "Monday, 4 March 2013"
    assert day_on_badge(G360_DAY_ONE) == "4 Mar 2013"
    assert day_on_paper(G360_DAY_ONE, "nl") == "4 maart 2013"


def test_a_check_in_stored_in_utc_shows_the_local_time() -> None:
    at = dt.datetime(2013, 3, 4, 8, 14, tzinfo=dt.UTC)
    assert clock(at) == at.astimezone().strftime("%H:%M")
