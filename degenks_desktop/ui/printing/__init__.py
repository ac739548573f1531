"""Printing: the bulk print page and one badge at the desk."""
