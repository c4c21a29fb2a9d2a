"""The contribution form as the load generators fill it in: the hidden fields read from the
form page, and the fields a resident types."""

import re

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SOORT = re.compile(r'name="soort" value="([^"]+)"')
THEMA = re.compile(r'<option value="(\d+)"')
SLEUTEL = re.compile(r'name="verzendsleutel" value="([^"]+)"')


def inbreng(html: str, titel: str, **extra: str) -> dict | None:
    """The POST data for a contribution titled `titel` (its text names the title, so no two
    are the same), or None when the page has no open form."""
    velden = [r.search(html) for r in (CSRF, SOORT, THEMA, SLEUTEL)]
    if not all(velden):
        return None
    token, soort, thema, sleutel = (v.group(1) for v in velden)
    return {
        "csrfmiddlewaretoken": token,
        "verzendsleutel": sleutel,
        "soort": soort,
        "titel": titel,
        "tekst": f"Meer speelplekken bij de school, graag. Kenmerk {titel}.",
        "thema": thema,
        "plek": "",
        "afbeelding_tekst": "",
        "pseudoniem": "Bewoner",
        "website": "",
        **extra,
    }
