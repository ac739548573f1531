"""Dutch first: every marked string of the app has a Dutch translation, placeholders intact."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from degenks_desktop import i18n

PACKAGE = Path(i18n.__file__).resolve().parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def dutch_catalogue() -> dict[str, str]:
    path = i18n.TRANSLATIONS_DIR / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    with path.open("rb") as po_file:
        catalogue = read_po(po_file, locale="nl")
    found = {}
    for message in catalogue:
        if not message.id:
            continue
        # Plural messages have (singular, plural) ids and one translation per form.
        english = message.id if isinstance(message.id, str) else " | ".join(message.id)
        assert not isinstance(message.string, list)  # read_po gives a str, or a tuple of forms
        forms = message.string if isinstance(message.string, tuple) else (message.string or "",)
        found[english] = " | ".join(forms) if all(forms) else ""
    return found


def marked_strings() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message if isinstance(message, str) else " | ".join(message))
    return found


def test_every_marked_string_is_translated_into_dutch() -> None:
    catalogue = dutch_catalogue()
    missing = sorted(m for m in marked_strings() if not catalogue.get(m))
    assert missing == [], "run `make translations` and translate these"


def test_translations_keep_their_placeholders() -> None:
    for english, dutch in dutch_catalogue().items():
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(dutch)), english


def test_the_interface_speaks_dutch_by_default_and_english_on_request() -> None:
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    assert i18n._("Front desk") == "Onthaal"
    i18n.set_language("en")
    assert i18n._("Front desk") == "Front desk"
    i18n.set_language("klingon")
    assert i18n.current_language() == "nl"


def test_one_badge_one_trio_one_page_read_in_the_singular() -> None:
    from degenks_desktop.services.printing.badges import BadgePrint  # noqa: PLC0415

    assert BadgePrint(pages=1, badges=1).describe(Path("badge.pdf")) == (
        "1 badge op 1 pagina: badge.pdf"
    )
    assert BadgePrint(pages=2, badges=8).describe(Path("dag1.pdf")) == (
        "8 badges op 2 pagina’s: dag1.pdf"
    )
    assert i18n.counted("{count} trio", "{count} trios", 1) == "1 trio"
    assert i18n.counted("{count} trio", "{count} trios", 0) == "0 trio’s"
