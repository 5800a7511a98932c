"""Plain functions that turn passages into action mentions and figures with their provenance."""
