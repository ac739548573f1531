"""Rapporten: the report and the exports."""
