"""The id every write on the day carries, so that a retried write is never stored twice."""

from __future__ import annotations

import uuid


def new_uid() -> str:
    """A new unique id (32 hex digits) for a check-in, an idea, a vote or a concept."""
    return uuid.uuid4().hex
