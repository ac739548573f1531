"""Tafels: a facilitator's table session, and the organisers' view of every table."""
