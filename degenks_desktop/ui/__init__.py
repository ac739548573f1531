"""The desktop app: Qt widgets, item models and dialogs, one room per workspace of the day,
and `shell` for the window, the context and background work."""
