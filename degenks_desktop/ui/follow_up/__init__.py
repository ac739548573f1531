"""After the day's screens: Synthese (the theme team's clusters) and Opvolging (follow-up)."""
