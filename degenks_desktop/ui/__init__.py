"""The desktop app: Qt widgets, item models, dialogs and background workers."""
