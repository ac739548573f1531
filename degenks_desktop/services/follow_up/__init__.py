"""After the day: the theme team's synthesis, the follow-up of ideas and concepts, the postcard."""
