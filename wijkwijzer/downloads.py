"""CSV downloads that spreadsheet programs open correctly: semicolons (the Dutch Excel
default) and a byte order mark, so accents survive."""

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return response
