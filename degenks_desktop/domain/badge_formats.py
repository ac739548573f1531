"""The paper a badge can be printed on: sheets for badge holders, single pages, label rolls."""

from __future__ import annotations

from dataclasses import dataclass

from degenks_desktop.i18n import N_

A4 = (210.0, 297.0)
A6 = (105.0, 148.0)


@dataclass(frozen=True)
class BadgeFormat:
    """A page size in mm and where badges of a size in mm go on it."""

    key: str
    label: str
    page: tuple[float, float]
    badge: tuple[float, float]
    columns: int = 1
    rows: int = 1
    cut_marks: bool = False

    @property
    def per_page(self) -> int:
        """How many badges one page holds."""
        return self.columns * self.rows

    def slots(self) -> list[tuple[float, float]]:
        """Lower-left corners (mm from the page's lower left) of the badges, reading order."""
        page_width, page_height = self.page
        badge_width, badge_height = self.badge
        left = (page_width - self.columns * badge_width) / 2
        bottom = (page_height - self.rows * badge_height) / 2
        return [
            (left + column * badge_width, bottom + (self.rows - 1 - row) * badge_height)
            for row in range(self.rows)
            for column in range(self.columns)
        ]


FORMATS: dict[str, BadgeFormat] = {
    f.key: f
    for f in (
        BadgeFormat(
            "a4-8",
            N_("A4 sheet, 8 badges of 90 × 54 mm (badge holders)"),
            A4,
            (90.0, 54.0),
            columns=2,
            rows=4,
            cut_marks=True,
        ),
        BadgeFormat(
            "a4-a6", N_("A4 sheet, 4 badges of A6"), A4, A6, columns=2, rows=2, cut_marks=True
        ),
        BadgeFormat("a6", N_("One A6 badge per page"), A6, A6),
        BadgeFormat(
            "roll-62", N_("Label printer, 62 mm continuous roll"), (62.0, 90.0), (62.0, 90.0)
        ),
        BadgeFormat(
            "label-89x36", N_("Label printer, 89 × 36 mm labels"), (89.0, 36.0), (89.0, 36.0)
        ),
    )
}
DEFAULT_FORMAT = "a4-8"
SMALLEST_BADGE_MM = 30.0
LARGEST_BADGE_MM = 300.0


def custom_format(width_mm: float, height_mm: float) -> BadgeFormat:
    """One badge of the user's own size per page (each side 30 to 300 mm)."""
    for side in (width_mm, height_mm):
        if not SMALLEST_BADGE_MM <= side <= LARGEST_BADGE_MM:
            raise ValueError("badge sides must be between 30 and 300 mm")
    return BadgeFormat(
        f"custom-{width_mm:g}x{height_mm:g}",
        N_("Own size"),
        (width_mm, height_mm),
        (width_mm, height_mm),
    )
