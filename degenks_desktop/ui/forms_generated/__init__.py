"""Python compiled from the Qt Designer forms in forms/ by `make forms`; never edited here."""
