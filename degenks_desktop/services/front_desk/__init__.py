"""The front desk's jobs: check-ins, walk-ins, the name search, arrivals, and the desk's
own copy of the day's list for an outage."""
