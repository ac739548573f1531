"""The rules of the day as plain Python: no Qt, no SQL."""
