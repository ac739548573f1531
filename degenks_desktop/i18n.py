"""The one translation mechanism of the app: gettext, as Picard does.

Source strings are English; `resources/translations/<lang>/LC_MESSAGES/degenks.po` holds
the translations, Dutch first. The .mo files are compiled from the .po files on first
use, so a fresh clone needs no build step. Every layer marks user-visible text with `_`
(or `N_` for text that is translated later, when shown).
"""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

from degenks_desktop.config import RESOURCES_DIR

log = logging.getLogger(__name__)

DOMAIN = "degenks"
LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _compiled_catalogue(language: str) -> Path | None:
    """Return the .mo file for `language`, compiling it from its .po when that is newer."""
    po_path = TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo_path = po_path.with_suffix(".mo")
    if not po_path.exists():
        return mo_path if mo_path.exists() else None
    # `<=`: a catalogue saved in the same second as the last compile is compiled again.
    if not mo_path.exists() or mo_path.stat().st_mtime <= po_path.stat().st_mtime:
        # Babel's catalogue tools only when a catalogue is compiled, not at every start.
        from babel.messages.mofile import write_mo  # noqa: PLC0415
        from babel.messages.pofile import read_po  # noqa: PLC0415

        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file, locale=language)
        try:
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalogue)
        except OSError:
            # A read-only install (a bundle in Program Files) ships its .mo already built.
            log.warning("Could not write %s; using the shipped catalogue", mo_path)
    return mo_path if mo_path.exists() else None


def translations_for(language: str) -> gettext.NullTranslations:
    """The catalogue of `language`, for a document made in another language than the app's."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    mo_path = _compiled_catalogue(language) if language != "en" else None
    if mo_path is None:
        return gettext.NullTranslations()
    with mo_path.open("rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def set_language(language: str) -> None:
    """Translate every later `_()` call into `language` ("nl" or "en")."""
    global _translation, _language  # noqa: PLW0603 - gettext is process-wide by design
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language
    _translation = translations_for(language)


def current_language() -> str:
    """The language `_()` translates into now."""
    return _language


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose form depends on `count`."""
    return _translation.ngettext(singular, plural, count)


def counted(singular: str, plural: str, count: int) -> str:
    """'1 idee' / '3 ideeën': `ngettext` with `{count}` filled in, for a count inside a
    longer sentence (the sentence's own `_` then places it)."""
    return ngettext(singular, plural, count).format(count=count)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark `message` for translation without translating it yet (for module constants)."""
    return message


set_language(DEFAULT_LANGUAGE)


def ui_text(message: str, _disambiguation: str | None = None) -> str:
    """`_` for the forms compiled from Qt Designer (`pyside6-uic --tr ui_text` passes a
    disambiguation as well): their strings are in the same catalogue as the rest."""
    return _(message)
