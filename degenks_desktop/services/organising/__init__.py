"""The organisers' jobs: setting up an event, seating, the diversity matrix, and where
the event stands."""
