"""Which column of a registrations file holds which field: proposed, checked, remembered.

A mapping lists, per column, the key of a field in `FIELDS` or None. The mapping an
organiser last imported a file with is remembered by the file's column names, so that
next week's export of the same web form maps itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from degenks_desktop.domain.import_columns import FIELDS, guess_mapping
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house.events import require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import ImportMapping, utc_now

FIELD_KEYS = frozenset(f.key for f in FIELDS)


def mapping_signature(headers: Sequence[str]) -> str:
    """A fingerprint of a file's column names, to remember its mapping by."""
    folded = "\x1f".join(fold(header) for header in headers)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def check_mapping(headers: Sequence[str], mapping: Sequence[str | None]) -> list[str | None]:
    """`mapping` as a list, or InputRejected if it does not fit the headers."""
    if len(mapping) != len(headers):
        raise InputRejected(_("The column mapping does not fit this file: map every column."))
    used: set[str] = set()
    for key in mapping:
        if key is None:
            continue
        if key not in FIELD_KEYS:
            raise InputRejected(_("There is no field called {name}.").format(name=key))
        if key in used:
            raise InputRejected(_("Two columns are mapped to the same field: map each field once."))
        used.add(key)
    return list(mapping)


def proposed_mapping(
    database: Database, headers: Sequence[str], samples: Sequence[Sequence[str]] = ()
) -> list[str | None]:
    """The mapping used last time for these column names, else the app's own guess (from
    the headers, and the first rows in `samples` where two columns could hold a field)."""
    with database.reading() as session:
        event = require_event(session)
        remembered = session.scalars(
            select(ImportMapping.mapping).where(
                ImportMapping.event_id == event.id,
                ImportMapping.signature == mapping_signature(headers),
            )
        ).first()
    if remembered is not None:
        try:
            return check_mapping(headers, json.loads(remembered))
        except (InputRejected, ValueError):
            pass  # an outdated mapping: guess again
    return guess_mapping(headers, samples)


def remember_mapping(
    session: Session, event_id: int, headers: Sequence[str], mapping: list[str | None]
) -> None:
    """Keep `mapping` for files with these column names, in the import's own transaction."""
    signature = mapping_signature(headers)
    remembered = session.scalars(
        select(ImportMapping).where(
            ImportMapping.event_id == event_id, ImportMapping.signature == signature
        )
    ).first()
    if remembered is None:
        remembered = ImportMapping(event_id=event_id, signature=signature, mapping="[]")
        session.add(remembered)
    remembered.mapping = json.dumps(mapping)
    remembered.updated_at = utc_now()
