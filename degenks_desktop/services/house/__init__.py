"""What every room relies on: the event itself, the audit log, backups, database checks."""
