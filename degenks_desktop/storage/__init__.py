"""Storage: SQLAlchemy models, engine set-up and migrations; SQLite or PostgreSQL."""
