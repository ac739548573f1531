"""Scripts that make the project's material (fixtures, forms, sounds, screenshots), run by hand."""
