"""De Genks Desktop: the whole day of a citizens' brainstorm in one offline app."""

__version__ = "0.1.0"
