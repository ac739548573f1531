"""Everything on paper: badges, table signs, facilitator packs, letters, and their fonts."""
