"""Organisatie: the workspace, the diversity matrix, the seating board, the themes."""
