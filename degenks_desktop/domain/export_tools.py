"""Which tool wrote a registrations file, told by the columns only that tool writes.

The import does not need to know (its columns are recognised one by one), but the
organiser does: the wizard says "this looks like a pretix export", so a file that was
read as something else is noticed before anything is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from degenks_desktop.domain.text_matching import fold


@dataclass(frozen=True)
class ExportTool:
    """A tool and the header cells that, all present, mark its export."""

    name: str  # the tool's own name: not translated
    marks: tuple[str, ...]  # folded header cells, all present in its exports


# Marks from each tool's own export (see tests/fixtures/imports/README.md for sources);
# the most telling first, so that a file carrying two tools' marks gets the first.
TOOLS = (
    ExportTool("pretix", ("order code", "position id")),
    ExportTool("Eventbrite", ("order #", "attendee #", "ticket type")),
    ExportTool("Typeform", ("#", "response type")),
    ExportTool("Microsoft Forms", ("id", "start time", "completion time")),
    ExportTool("Google Forms", ("timestamp",)),
    ExportTool("Google Forms", ("tijdstempel",)),  # a Dutch Google account
)


def recognise_tool(headers: Sequence[str]) -> str | None:
    """The name of the tool whose export these headers look like, or None (a list
    someone made by hand, or a tool not known here)."""
    present = {fold(header).strip() for header in headers if header}
    # fold() turns "#" into nothing and "Order #" into "order": compare the raw form too.
    present |= {header.strip().lower() for header in headers if header}
    for tool in TOOLS:
        if all(mark in present for mark in tool.marks):
            return tool.name
    return None
