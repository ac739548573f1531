"""The demo event and the simulated day: plans, names and ideas read from data files."""
