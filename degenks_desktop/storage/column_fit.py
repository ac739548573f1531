"""Values checked against their columns before they are written.

SQLite keeps a string of any length in a `String(50)` column; PostgreSQL refuses it and
fails the whole transaction, with the row's values in its message. Both engines refuse it
here instead, before the flush, with a sentence that names the field and its limit, so the
rule is the same on both and no citizen's data reaches an error's text.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Session, UOWTransaction

from degenks_desktop.errors import ValueDoesNotFit
from degenks_desktop.i18n import N_, _

# What a person calls the fields they can type too much into; any other is named by its
# column.
FIELD_NAMES = {
    "first_name": N_("first name"),
    "last_name": N_("last name"),
    "email": N_("e-mail address"),
    "phone": N_("phone number"),
    "language": N_("language"),
    "language_need": N_("language need"),
    "desk_note": N_("note for the desk"),
    "name": N_("name"),
    "venue": N_("venue"),
    "title": N_("title"),
    "desk": N_("desk name"),
    "neighbourhood": N_("neighbourhood"),
    "street": N_("street and number"),
    "postcode": N_("postcode"),
    "town": N_("town"),
    "reprint_reason": N_("reason for the reprint"),
    "undo_reason": N_("reason"),
}


@functools.cache
def column_limits(model: type[Any]) -> dict[str, int]:
    """The longest string each length-limited column of `model` keeps, by attribute."""
    mapper = inspect(model)
    return {
        attribute.key: column.type.length
        for attribute in mapper.column_attrs
        for column in attribute.columns
        if isinstance(column.type, String) and column.type.length is not None
    }


def overlong_fields(instance: object) -> list[tuple[str, int, int]]:
    """The fields of `instance` whose text is longer than its column keeps, as
    (attribute, limit, length)."""
    found = []
    model: Any = type(instance)
    for attribute, limit in column_limits(model).items():
        value = getattr(instance, attribute, None)
        if isinstance(value, str) and len(value) > limit:
            found.append((attribute, limit, len(value)))
    return found


def field_name(attribute: str) -> str:
    """The translated name of a field, as a sentence uses it."""
    name = FIELD_NAMES.get(attribute)
    return _(name) if name is not None else attribute.replace("_", " ")


def refuse_values_that_do_not_fit(
    session: Session, _flush: UOWTransaction, _instances: object
) -> None:
    """Before a flush: refuse (ValueDoesNotFit) a new or changed row with a string longer
    than its column keeps. The transaction is then rolled back whole."""
    for instance in (*session.new, *session.dirty):
        for attribute, limit, length in overlong_fields(instance):
            raise ValueDoesNotFit(
                _(
                    "A {field} of {length} characters does not fit: the database keeps up "
                    "to {limit}. Shorten it and try again."
                ).format(field=field_name(attribute), length=length, limit=limit)
            )
