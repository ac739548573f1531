"""The import wizard for registration files."""
