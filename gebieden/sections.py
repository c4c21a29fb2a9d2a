"""Sections of a focus area page that other apps fill in, and the page types they add under
an area. The area page shows every registered section; an app that has content for areas
(participation processes, knowledge, indicators) registers its section in its
AppConfig.ready(), so gebieden never imports it."""

from typing import Any

from wijkwijzer.sections import FilledSection, Section, SectionRegistry

AreaSection = Section

_areas = SectionRegistry()
# Sections of an alliance meeting's page (decisions about residents' input, for example),
# registered the same way.
_meetings = SectionRegistry()

# The page types allowed under a focus area: FocusgebiedPage.subpage_types is this list, so
# apps add theirs in AppConfig.ready() (before Wagtail first reads it) without gebieden
# naming them.
AREA_PAGE_TYPES = ["gebieden.AlliantieoverlegPage"]


def register_area_page_type(model_label: str) -> None:
    if model_label not in AREA_PAGE_TYPES:
        AREA_PAGE_TYPES.append(model_label)


def register_area_section(section: Section) -> None:
    """Add a section, or replace the one with the same key."""
    _areas.register(section)


def area_sections(area: Any) -> list[FilledSection]:
    return _areas.fill(area)


def register_meeting_section(section: Section) -> None:
    _meetings.register(section)


def meeting_sections(meeting: Any) -> list[FilledSection]:
    return _meetings.fill(meeting)
