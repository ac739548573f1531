"""How the app names days, percentages and other values on screen, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from degenks_desktop.date_style import day_on_screen
from degenks_desktop.i18n import _, current_language
from degenks_desktop.services.house.events import DayInfo


def interface_locale() -> QLocale:
    """The Qt locale of the interface language, for dates and numbers."""
    if current_language() == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def day_label(day: DayInfo) -> str:
    """'Dag 1 — maandag 4 maart 2013', in the interface language."""
    return _("Day {number} — {date}").format(number=day.number, date=day_on_screen(day.date))


def percentage(share: float | None) -> str:
    """'23 %' (or '23%' in English); an empty string for None."""
    if share is None:
        return ""
    return interface_locale().toString(share * 100, "f", 0) + (
        "\u00a0%" if current_language() == "nl" else "%"
    )
