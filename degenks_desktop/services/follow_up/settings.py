"""The event's settings for the weeks after the day: where the follow-up report is read
(the link on every postcard) and the date the postcards carry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from degenks_desktop.errors import InputRejected, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Event, FollowUpSettings

MAX_LINK = 300
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class FollowUpSettingsRow:
    """The follow-up report's link ("" until set) and the postcards' date (None until set)."""

    report_link: str = ""
    postcards_on: dt.date | None = None


def follow_up_settings(database: Database, event_id: int) -> FollowUpSettingsRow:
    """The event's follow-up settings as saved, or the empty ones."""
    with database.reading() as session:
        row = session.get(FollowUpSettings, event_id)
        if row is None:
            return FollowUpSettingsRow()
        return FollowUpSettingsRow(row.report_link or "", row.postcards_on)


def checked_link(link: str) -> str:
    """`link` without its surrounding spaces, if it is an http(s) address of at most
    MAX_LINK characters (or empty); else one sentence saying what to type."""
    cleaned = link.strip()
    if not cleaned:
        return ""
    if len(cleaned) > MAX_LINK:
        raise InputRejected(
            _("The report's link can be at most {most} characters: use a shorter address.").format(
                most=MAX_LINK
            )
        )
    parts = urlsplit(cleaned)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or _SPACE.search(cleaned)
    ):
        raise InputRejected(
            _("The report's link is a web address that starts with https:// (or http://).")
        )
    return cleaned


_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_postcard_date(text: str) -> dt.date | None:
    """The date typed as Genk writes it ('15/01/2027', '15-1-2027', '15.01.2027') or as
    ISO ('2027-01-15'); None when left empty; else one sentence saying how to write it."""
    cleaned = text.strip()
    if not cleaned:
        return None
    day_first, iso = _DAY_FIRST.fullmatch(cleaned), _ISO.fullmatch(cleaned)
    try:
        if day_first:
            return dt.date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    raise InputRejected(
        _("{text} is not a date: write it as day/month/year, such as 15/01/2027.").format(
            text=cleaned
        )
    )


def date_as_typed(date: dt.date | None) -> str:
    """A saved date as it is typed in again: '15/01/2027' ('' for none)."""
    return "" if date is None else f"{date.day:02d}/{date.month:02d}/{date.year}"


def save_follow_up_settings(
    database: Database,
    event_id: int,
    *,
    report_link: str,
    postcards_on: dt.date | None,
    actor: str,
) -> None:
    """Keep the follow-up report's link and the postcards' date (one transaction, audited;
    the same values again write nothing)."""
    link = checked_link(report_link)
    with database.transaction() as session:
        if session.get(Event, event_id) is None:
            raise NotFound(_("There is no event number {id}.").format(id=event_id))
        row = session.get(FollowUpSettings, event_id)
        if row is None:
            row = FollowUpSettings(event_id=event_id, report_link="", postcards_on=None)
            session.add(row)
        elif row.report_link == link and row.postcards_on == postcards_on:
            return
        row.report_link, row.postcards_on = link, postcards_on
        audit.record(
            session,
            action="follow_up.settings_saved",
            actor=actor,
            subject_type="event",
            subject_id=event_id,
            details={
                "report_link": link,
                "postcards_on": postcards_on.isoformat() if postcards_on else None,
            },
        )
