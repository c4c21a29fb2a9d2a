"""CSV downloads that spreadsheet programs open correctly and safely: semicolons (the Dutch
Excel default), a byte order mark so accents survive, and no cell that a spreadsheet would
run as a formula."""

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

# What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP's list).
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
# A signed number as the downloads write it ("-3,5"): a spreadsheet reads it as a number.
GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def cel(waarde: Any) -> Any:
    """A value as a CSV cell: text that a spreadsheet would take for a formula (people write
    titles, names and answers that end up in these files) gets a leading apostrophe, which
    spreadsheets show as plain text. Numbers stay numbers, negative ones included."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN) and not GETAL.fullmatch(waarde):
        return "'" + waarde
    return waarde


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([cel(kop) for kop in header])
    writer.writerows([cel(waarde) for waarde in rij] for rij in rows)
    return response


def wagtail_exports_beveiligen() -> None:
    """The same neutralising for every CSV download of the Wagtail admin: the project's own
    listings and Wagtail's reports (site history, aging and locked pages, workflows,
    redirects), whose cells hold page titles and names that people outside the editorial
    team wrote. They all pass through SpreadsheetExportMixin.preprocess_field_value, which
    has no setting for this. Their XLSX is safe already: Wagtail stores formula-looking text
    as text."""
    origineel = SpreadsheetExportMixin.preprocess_field_value
    if getattr(origineel, "neutraliseert_formules", False):
        return

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        waarde = origineel(self, field, value, export_format)
        return cel(waarde) if export_format == self.FORMAT_CSV else waarde

    preprocess_field_value.neutraliseert_formules = True  # type: ignore[attr-defined]
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
