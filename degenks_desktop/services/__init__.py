"""Services: one module per job of the day; the GUI, the CLI and the tests all call these."""
