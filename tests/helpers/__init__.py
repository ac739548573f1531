"""Helpers shared by the tests: small real databases and ways to look at them."""
