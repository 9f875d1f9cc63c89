"""Actors: names and roles in a sentence -> CAMEO actor codes, by the article's date."""
