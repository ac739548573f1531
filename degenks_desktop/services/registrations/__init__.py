"""Registrations in: reading files, mapping columns, matching values, importing."""
