"""What leaves the app after the day: the report's content, the report PDF, exports."""
