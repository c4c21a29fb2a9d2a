"""The search API as a client on another site uses it: it walks the pages by following `next`,
reads one vocabulary of types everywhere, gets URLs it can open from anywhere, and can trust
the OpenAPI description to say exactly what the endpoints take and give. Runs against each
backend, as the contract suite does."""

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.http import QueryDict
from django.test import Client, RequestFactory
from django.urls import resolve

from search import views
from search.backends.base import FACETS, Vraag
from search.registry import soorten, typen
from search.selectors import MAX_PAGE, MAX_PER_PAGE, PER_PAGE
from search.services import herbouwen
from tests.factories import PraktijkvoorbeeldPageFactory, PublicatiePageFactory, ThemaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("zoekmachine")]


@pytest.fixture
def speeltuinen(home):
    jeugd = ThemaFactory(label="Jeugd", slug="jeugd")
    for nummer in range(11):
        PraktijkvoorbeeldPageFactory(
            title=f"Speeltuin {nummer}", slug=f"speeltuin-{nummer}", themas=[jeugd]
        )
    PublicatiePageFactory(title="Speeltuinen veilig inrichten", themas=[jeugd])
    herbouwen()


def api(client, path: str = "/api/zoeken/", **params: Any) -> Any:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_following_next_walks_every_page_once_keeping_the_parameters(client, speeltuinen):
    params = {"q": "speeltuin", "thema": "jeugd", "type": ["praktijkvoorbeeld", "publicatie"]}
    first = api(client, **params, per_pagina=5)
    assert first["count"] == 12 and first["previous"] is None

    pages, url = [first], first["next"]
    while url:
        assert url.startswith("http://testserver/api/zoeken/?")
        assert query_of(url) == {
            "q": ["speeltuin"],
            "thema": ["jeugd"],
            "type": ["praktijkvoorbeeld", "publicatie"],
            "per_pagina": ["5"],
            "page": [str(len(pages) + 1)],
        }
        pages.append(client.get(url).json())
        url = pages[-1]["next"]

    assert [len(page["results"]) for page in pages] == [5, 5, 2]
    assert len({r["url"] for page in pages for r in page["results"]}) == 12
    assert [query_of(page["previous"])["page"] for page in pages[1:]] == [["1"], ["2"]]


def test_per_pagina_sets_where_the_pages_break(client, speeltuinen):
    assert query_of(api(client, q="speeltuin")["next"])["page"] == ["2"]
    assert api(client, q="speeltuin", page=2)["next"] is None
    assert api(client, q="speeltuin", per_pagina=12)["next"] is None
    assert query_of(api(client, q="speeltuin", per_pagina=4, page=2)["next"])["page"] == ["3"]


def test_a_page_past_the_end_is_empty_and_points_back_to_the_last_page(client, speeltuinen):
    past = api(client, q="speeltuin", per_pagina=5, page=9)

    assert past["count"] == 12 and past["results"] == [] and past["next"] is None
    assert query_of(past["previous"])["page"] == ["3"]


def test_a_page_that_is_no_page_is_the_first(client, speeltuinen):
    for page in ("0", "-3", "twee"):
        data = api(client, q="speeltuin", page=page)
        assert data["previous"] is None and query_of(data["next"])["page"] == ["2"], page


def test_no_query_and_no_results_have_no_neighbours(client, speeltuinen):
    for params in ({}, {"q": "xyzzy"}, {"q": "speeltuin", "thema": "onbekend", "page": 2}):
        data = api(client, **params)
        assert data["count"] == 0 and (data["next"], data["previous"]) == (None, None), params


def test_there_is_no_next_beyond_the_deepest_page_the_api_serves():
    # A request for page 101 is answered with page 100, so `next` would loop forever.
    assert views._buren(Vraag("x", pagina=100, per_pagina=1), count=5000) == (99, None)
    assert views._buren(Vraag("x", pagina=99, per_pagina=1), count=5000) == (98, 100)


@pytest.mark.parametrize(
    "pad", ["/zoeken/", "/api/zoeken/", "/api/zoeken/suggesties/", "/api/zoeken/openapi.json"]
)
def test_search_only_reads_other_methods_are_not_allowed(pad):
    client = Client(enforce_csrf_checks=False)
    for methode in ("post", "put", "delete", "patch", "options", "trace"):
        response = getattr(client, methode)(pad + "?q=speeltuin")
        assert response.status_code == 405, methode
        assert response["Allow"] == "GET, HEAD"
    assert client.head(pad + "?q=speeltuin").status_code == 200


def test_suggestions_name_the_same_type_and_url_as_search_does(client, speeltuinen):
    found = {r["title"]: r for r in api(client, q="speeltuinen veilig")["results"]}
    suggested = {s["title"]: s for s in api(client, "/api/zoeken/suggesties/", q="speeltuinen")}

    item = "Speeltuinen veilig inrichten"
    assert suggested[item]["type"] == found[item]["type"] == "publicatie"
    assert suggested[item]["type_label"] == typen()["publicatie"]
    assert suggested[item]["url"] == found[item]["url"]
    assert found[item]["url"].startswith("http://testserver/")


def test_result_types_and_type_facets_speak_the_registry_vocabulary(client, speeltuinen):
    data = api(client, q="speeltuin")
    facet = {f["value"]: f["label"] for f in data["facets"]["type"]}

    assert facet == {"praktijkvoorbeeld": "Praktijkvoorbeeld", "publicatie": "Publicatie"}
    assert facet.items() <= typen().items()
    assert {r["type"] for r in data["results"]} <= set(typen())


def test_every_type_slug_is_declared_once_and_documented():
    declared = [soort.type for soort in soorten()]
    assert len(declared) == len(set(declared))
    doc = (Path(django_settings.BASE_DIR) / "docs" / "search.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([a-z]+)` \| ([^|]+?) \|$", doc, re.MULTILINE))
    assert table == typen()


@pytest.fixture
def proxied(settings):
    """Production's proxy settings, and a site that only answers to its own name."""
    settings.ALLOWED_HOSTS = ["wijkwijzer.nl"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def test_behind_the_proxy_urls_are_https_on_the_sites_own_name(client, speeltuinen, proxied):
    headers = {"host": "wijkwijzer.nl", "x-forwarded-proto": "https"}
    # Without USE_X_FORWARDED_HOST this header is ignored, so a client cannot choose it.
    headers["x-forwarded-host"] = "aanvaller.example"

    data = client.get("/api/zoeken/", {"q": "speeltuin"}, headers=headers).json()
    suggested = client.get("/api/zoeken/suggesties/", {"q": "speeltuin"}, headers=headers).json()

    urls = [data["next"], *(r["url"] for r in data["results"]), *(s["url"] for s in suggested)]
    assert urls and all(url.startswith("https://wijkwijzer.nl/") for url in urls), urls


def test_a_forged_host_is_refused_rather_than_put_in_urls(client, speeltuinen, proxied):
    for path in ("/api/zoeken/", "/api/zoeken/suggesties/", "/api/zoeken/openapi.json"):
        response = client.get(path, {"q": "speeltuin"}, headers={"host": "aanvaller.example"})
        assert response.status_code == 400, path
        assert b"aanvaller" not in response.content


# The OpenAPI description, and real answers checked against it.


@pytest.fixture
def openapi(client) -> dict[str, Any]:
    response = client.get("/api/zoeken/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_openapi_describes_the_running_site(openapi):
    assert openapi["openapi"].startswith("3.1.")
    assert openapi["servers"] == [{"url": "http://testserver"}]
    soort = openapi["components"]["schemas"]["Type"]
    assert soort["enum"] == list(typen())
    assert "praktijkvoorbeeld: Praktijkvoorbeeld" in soort["description"]


def test_every_documented_path_is_served_by_its_view(openapi):
    served = {
        "zoeken": views.zoeken_api,
        "suggesties": views.suggesties_api,
        "openapi": views.openapi_api,
    }
    for path, operations in openapi["paths"].items():
        assert resolve(path).func is served[operations["get"]["operationId"]], path
    assert len(openapi["paths"]) == len(served)


@pytest.mark.parametrize(
    ("path", "view"),
    [("/api/zoeken/", "zoeken_api"), ("/api/zoeken/suggesties/", "suggesties_api")],
)
def test_documented_parameters_are_exactly_the_ones_the_view_reads(
    openapi, speeltuinen, monkeypatch, path, view
):
    documented = {p["name"] for p in openapi["paths"][path]["get"]["parameters"]}
    read: set[str] = set()
    for method in ("get", "getlist", "__getitem__"):
        real = getattr(QueryDict, method)
        monkeypatch.setattr(
            QueryDict,
            method,
            lambda self, key, *a, _real=real: read.add(key) or _real(self, key, *a),
        )
    request = RequestFactory().get(path, {name: "1" for name in documented} | {"q": "speeltuin"})

    getattr(views, view)(request)

    assert read == documented


def test_documented_limits_are_the_ones_the_view_applies(openapi):
    schemas = {
        p["name"]: p["schema"] for p in openapi["paths"]["/api/zoeken/"]["get"]["parameters"]
    }
    assert (schemas["page"]["maximum"], schemas["page"]["default"]) == (MAX_PAGE, 1)
    assert (schemas["per_pagina"]["maximum"], schemas["per_pagina"]["default"]) == (
        MAX_PER_PAGE,
        PER_PAGE,
    )
    assert set(schemas) == {"q", "page", "per_pagina", *FACETS}


def test_real_answers_match_the_openapi_description(client, openapi, speeltuinen):
    search = openapi["paths"]["/api/zoeken/"]["get"]["responses"]["200"]
    suggest = openapi["paths"]["/api/zoeken/suggesties/"]["get"]["responses"]["200"]
    search_schema = search["content"]["application/json"]["schema"]
    suggest_schema = suggest["content"]["application/json"]["schema"]
    answers = [
        (search_schema, api(client, q="speeltuin", thema="jeugd", per_pagina=5, page=2)),
        (search_schema, api(client, q="speeltuin", page=9)),
        (search_schema, api(client)),
        (suggest_schema, api(client, "/api/zoeken/suggesties/", q="speeltuin")),
        (suggest_schema, api(client, "/api/zoeken/suggesties/")),
    ]
    # Every kind of value the schema allows appears at least once.
    assert answers[0][1]["next"] and answers[0][1]["previous"] and answers[3][1]

    for schema, answer in answers:
        assert afwijkingen(openapi, schema, answer) == []


def afwijkingen(
    document: dict[str, Any], schema: dict[str, Any], value: Any, at: str = "$"
) -> list[str]:
    """Where `value` differs from `schema`: the part of JSON Schema 2020-12 that
    search/openapi.json uses (no validator is installed), and stricter in one way: a key the
    schema does not name is reported too, so nothing the API returns goes undocumented."""
    if "$ref" in schema:
        *_, naam = schema["$ref"].split("/")
        return afwijkingen(document, document["components"]["schemas"][naam], value, at)
    fouten = []
    soorten = schema.get("type")
    if soorten is not None:
        toegestaan = soorten if isinstance(soorten, list) else [soorten]
        if not any(_is(soort, value) for soort in toegestaan):
            return [f"{at}: {value!r} is no {soorten}"]
    if "enum" in schema and value not in schema["enum"]:
        fouten.append(f"{at}: {value!r} not in {schema['enum']}")
    if "minimum" in schema and value < schema["minimum"]:
        fouten.append(f"{at}: {value!r} below {schema['minimum']}")
    if schema.get("format") == "uri" and isinstance(value, str):
        deel = urlsplit(value)
        if not (deel.scheme in ("http", "https") and deel.netloc):
            fouten.append(f"{at}: {value!r} is no absolute URL")
    if isinstance(value, dict):
        eigenschappen = schema.get("properties", {})
        fouten += [
            f"{at}: {key!r} missing" for key in schema.get("required", []) if key not in value
        ]
        for key, sub in value.items():
            if key in eigenschappen:
                fouten += afwijkingen(document, eigenschappen[key], sub, f"{at}.{key}")
            else:
                fouten.append(f"{at}: {key!r} is not documented")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            fouten += afwijkingen(document, schema["items"], item, f"{at}[{index}]")
    return fouten


def _is(soort: str, value: Any) -> bool:
    return {
        "null": value is None,
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }[soort]
