"""Dates: the article's date, and each event's date resolved from its own sentence."""
