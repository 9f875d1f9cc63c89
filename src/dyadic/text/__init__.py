"""Cleaning: from text as scraped to the prose that gets coded (DESIGN.md, stage "clean")."""

from dyadic.text.clean import CleanText, clean_text

__all__ = ["CleanText", "clean_text"]
