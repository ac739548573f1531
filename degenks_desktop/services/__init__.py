"""Services: the jobs of the day, one room (sub-package) per job; the GUI, the CLI and the
tests all call these. No Qt here."""
