"""Sections of a focus area page that other apps fill in, and the page types they add under
an area. The area page shows every
registered section; an app that has content for areas (participation processes, knowledge,
indicators) registers its section in its AppConfig.ready(), so gebieden never imports it."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AreaSection:
    key: str
    title: str
    empty_text: str
    template: str = ""
    # Returns the section's items for an area, in a fixed number of queries.
    items: Callable[[Any], Sequence[Any]] | None = None


@dataclass(frozen=True)
class FilledSection:
    section: AreaSection
    items: Sequence[Any]


_registry: dict[str, AreaSection] = {}

# The page types allowed under a focus area: FocusgebiedPage.subpage_types is this list, so
# apps add theirs in AppConfig.ready() (before Wagtail first reads it) without gebieden
# naming them.
AREA_PAGE_TYPES = ["gebieden.AlliantieoverlegPage"]


def register_area_page_type(model_label: str) -> None:
    if model_label not in AREA_PAGE_TYPES:
        AREA_PAGE_TYPES.append(model_label)


def register_area_section(section: AreaSection) -> None:
    """Add a section, or replace the one with the same key."""
    _registry[section.key] = section


def area_sections(area: Any) -> list[FilledSection]:
    return [
        FilledSection(section, section.items(area) if section.items else [])
        for section in _registry.values()
    ]


# Sections of an alliance meeting's page (decisions about residents' input, for example),
# registered the same way.
_meeting_registry: dict[str, AreaSection] = {}


def register_meeting_section(section: AreaSection) -> None:
    _meeting_registry[section.key] = section


def meeting_sections(meeting: Any) -> list[FilledSection]:
    return [
        FilledSection(section, section.items(meeting) if section.items else [])
        for section in _meeting_registry.values()
    ]
