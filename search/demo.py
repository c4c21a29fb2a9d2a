"""Runs last in `manage.py load_demo`: rebuild the search index, so the demo content (also
content loaded before search existed) is findable at once."""

from search.services import herbouwen


def load() -> None:
    herbouwen()
