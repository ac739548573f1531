"""Onthaal: the check-in station, walk-ins, the desk's sounds and the arrivals dashboard."""
