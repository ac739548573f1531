"""The app's frame: start-up, the main window, the context, background work, settings, crashes."""
