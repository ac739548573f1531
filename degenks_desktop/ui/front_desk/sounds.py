"""The front desk's sounds: one per result, so the clerk hears what the card says.

Played with QtMultimedia's QSoundEffect (low latency, preloaded). A laptop without a
working audio output, or a Qt without QtMultimedia, falls back to the system beep for
the results that need attention, and the desk works on in silence otherwise.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from degenks_desktop.config import RESOURCES_DIR

SOUND_DIR = RESOURCES_DIR / "sounds"
SOUND_FOR_COLOUR = {
    "green": "welcome",
    "orange": "already",
    "red": "unknown",
    "purple": "note",
    "amber": "already",  # another day: the clerk has a question to ask
    "grey": "unknown",  # cancelled: not checked in
}

log = logging.getLogger(__name__)


def sound_file(name: str) -> Path:
    """The WAV file of one of the desk's sounds."""
    return SOUND_DIR / f"{name}.wav"


class DeskSounds(QObject):
    """Plays the sound of a result card's colour; `enabled` is the desk's setting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.last_played = ""  # what was asked for last (the tests listen here)
        self._effects: dict[str, object] = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 - optional module
        except ImportError as error:  # no QtMultimedia or no audio libraries on this laptop
            log.info("desk sounds fall back to the system beep: %s", error)
            return
        for name in SOUND_FOR_COLOUR.values():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(sound_file(name))))
            effect.setVolume(0.8)
            self._effects[name] = effect

    def play_for(self, colour: str) -> None:
        """The sound for a card's colour (nothing when switched off)."""
        name = SOUND_FOR_COLOUR.get(colour)
        if not self.enabled or name is None:
            return
        self.last_played = name
        effect = self._effects.get(name)
        if effect is not None and effect.isLoaded():  # type: ignore[attr-defined]
            effect.play()  # type: ignore[attr-defined]
        elif colour != "green":
            QApplication.beep()  # at least the cards that need a second look are heard
