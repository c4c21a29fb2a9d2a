"""Page sections that other apps fill in. A page of a lower app (the home page here, an area
page in gebieden) shows every section registered under its hook (wijkwijzer.haken); an app
with content for it registers a section in its wagtail_hooks.py, so the lower app never
imports the higher one (DESIGN.md: dependencies point one way)."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    empty_text: str
    template: str = ""
    # Returns the section's items for the page's subject, in a fixed number of queries.
    items: Callable[[Any], Sequence[Any]] | None = None
    # Sections show in ascending order; equal orders keep the order they were registered in.
    order: int = 0
    # A page may show leading sections first: on an area page, what a resident can do now.
    lead: bool = False


@dataclass(frozen=True)
class FilledSection:
    section: Section
    items: Sequence[Any]


def fill(sections: Iterable[Section], subject: Any) -> list[FilledSection]:
    """The sections in order, with their items for `subject`. A section registered later with
    the key of an earlier one replaces it in the earlier one's place: a lower app can hold a
    place (with its empty text) that a higher app, if installed, fills."""
    by_key: dict[str, Section] = {}
    for section in sections:
        by_key[section.key] = section
    return [
        FilledSection(section, section.items(subject) if section.items else [])
        for section in sorted(by_key.values(), key=lambda section: section.order)
    ]
