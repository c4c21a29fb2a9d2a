"""Page sections that other apps fill in. A page of a lower app (the home page here, an area
page in gebieden) shows every section registered with its registry; an app with content for it
registers a section in its AppConfig.ready(), so the lower app never imports the higher one
(DESIGN.md: dependencies point one way)."""

from collections.abc import Callable, Sequence
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


class SectionRegistry:
    def __init__(self) -> None:
        self._sections: dict[str, Section] = {}

    def register(self, section: Section) -> None:
        """Add a section, or replace the one with the same key (keeping its place)."""
        self._sections[section.key] = section

    def fill(self, subject: Any) -> list[FilledSection]:
        sections = sorted(self._sections.values(), key=lambda section: section.order)
        return [
            FilledSection(section, section.items(subject) if section.items else [])
            for section in sections
        ]


# The home page's sections: what is going on now (the postcode finder, processes closing soon,
# new practice examples, upcoming events).
home_sections = SectionRegistry()
