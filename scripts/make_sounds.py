"""Write the front desk's four result sounds to resources/sounds (run once; output is committed).

Each result has its own short shape so a clerk who is looking at the queue, not the
screen, still knows what happened: rising for welcome, level for already, falling and
low for unknown, a three-note chime for "read the note".
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
FOLDER = Path(__file__).resolve().parents[1] / "resources" / "sounds"

# (frequency in Hz, length in seconds) per note
SHAPES = {
    "welcome": [(784.0, 0.09), (1175.0, 0.14)],
    "already": [(660.0, 0.12), (0.0, 0.06), (660.0, 0.12)],
    "unknown": [(330.0, 0.16), (220.0, 0.26)],
    "note": [(784.0, 0.09), (988.0, 0.09), (1319.0, 0.18)],
}


def tone(frequency: float, seconds: float) -> bytes:
    """One note with a short fade in and out (no clicks), as 16-bit mono samples."""
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.01))
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        value = math.sin(2 * math.pi * frequency * i / RATE) if frequency else 0.0
        samples.append(struct.pack("<h", int(11_000 * envelope * value)))
    return b"".join(samples)


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, notes in SHAPES.items():
        with wave.open(str(FOLDER / f"{name}.wav"), "wb") as sound:
            sound.setnchannels(1)
            sound.setsampwidth(2)
            sound.setframerate(RATE)
            sound.writeframes(b"".join(tone(frequency, length) for frequency, length in notes))


if __name__ == "__main__":
    main()
