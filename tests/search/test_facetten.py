"""Facets let people widen a choice as well as narrow it: a facet's values are counted without
that facet's own chosen values (disjunctive faceting), so ticking one theme keeps the other
themes listed with the results they would bring. Each result shows what people scan for:
its type, its area and its date. Contract tests: they run against every backend."""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from search.services import herbouwen
from tests.factories import (
    EvenementPageFactory,
    FocusgebiedPageFactory,
    PraktijkvoorbeeldPageFactory,
    PublicatiePageFactory,
    ThemaFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("zoekmachine")]

NEUTRAAL = "Een verslag uit de praktijk."


@pytest.fixture
def voorbeelden(home) -> list[dict[str, list[str]]]:
    """Items about eenzaamheid with overlapping themes, two types and some in one area, and
    one item the query does not find; returns the facet values of those it finds."""
    jeugd, wonen, zorg = (ThemaFactory(label=label) for label in ("Jeugd", "Wonen", "Zorg"))
    zuid = FocusgebiedPageFactory(title="Rotterdam-Zuid", gemeente="Rotterdam")
    opzet = [
        (PraktijkvoorbeeldPageFactory, [jeugd], zuid),
        (PraktijkvoorbeeldPageFactory, [jeugd, wonen], None),
        (PraktijkvoorbeeldPageFactory, [wonen], zuid),
        (PublicatiePageFactory, [wonen, zorg], None),
        (PublicatiePageFactory, [zorg], zuid),
        (PublicatiePageFactory, [jeugd], None),
    ]
    gevonden = []
    for nummer, (maker, themas, gebied) in enumerate(opzet):
        maker(
            title=f"Eenzaamheid aanpakken {nummer}",
            samenvatting=NEUTRAAL,
            themas=themas,
            focusgebied=gebied,
        )
        gevonden.append(
            {
                "thema": [thema.slug for thema in themas],
                "type": [maker._meta.model.__name__.removesuffix("Page").lower()],
                "gebied": [gebied.slug] if gebied else [],
            }
        )
    PraktijkvoorbeeldPageFactory(title="Speelplein", samenvatting=NEUTRAAL, themas=[jeugd])
    herbouwen()
    return gevonden


def verwacht(items: list[dict[str, list[str]]], facet: str, filters: dict) -> dict[str, int]:
    """The counts a facet should show, worked out here from the items: over the items every
    other facet's choice allows (any of its values), not this facet's own."""
    toegestaan = [
        item
        for item in items
        if all(set(item[naam]) & set(waarden) for naam, waarden in filters.items() if naam != facet)
    ]
    return dict(Counter(waarde for item in toegestaan for waarde in item[facet]))


def zoek(client, **filters) -> dict:
    return client.get("/api/zoeken/", {"q": "eenzaamheid", **filters}).json()


def facetten(data: dict, facet: str) -> dict[str, int]:
    return {f["value"]: f["count"] for f in data["facets"][facet]}


@pytest.mark.parametrize(
    "filters",
    [
        {"thema": ["jeugd"]},
        {"type": ["publicatie"]},
        {"thema": ["jeugd"], "type": ["publicatie"]},
        {"thema": ["jeugd", "wonen"], "gebied": ["rotterdam-zuid"]},
    ],
)
def test_a_facets_other_values_keep_the_counts_they_would_bring(client, voorbeelden, filters):
    data = zoek(client, **filters)

    for facet in ("thema", "type", "gebied"):
        assert facetten(data, facet) == verwacht(voorbeelden, facet, filters), facet
    # The results themselves follow every choice: any value within a facet, all facets.
    assert data["count"] == sum(
        all(set(item[naam]) & set(waarden) for naam, waarden in filters.items())
        for item in voorbeelden
    )


def test_one_theme_chosen_the_others_stay_listed_to_tick_as_well(client, voorbeelden):
    html = client.get("/zoeken/", {"q": "eenzaamheid", "thema": "jeugd"}).content.decode()

    assert "3 resultaten" in html
    assert 'id="z-thema-jeugd" name="thema" value="jeugd" checked>' in html
    assert 'for="z-thema-jeugd">Jeugd (3)</label>' in html
    # Ticking Wonen too would show the items with either theme.
    assert 'id="z-thema-wonen" name="thema" value="wonen">' in html
    assert 'for="z-thema-wonen">Wonen (3)</label>' in html
    assert 'for="z-thema-zorg">Zorg (2)</label>' in html
    # Other facets count within the chosen theme.
    assert 'for="z-type-publicatie">Publicatie (1)</label>' in html
    widened = zoek(client, thema=["jeugd", "wonen"])
    assert widened["count"] == 5


def test_a_chosen_value_stays_listed_when_the_query_no_longer_finds_it(client, voorbeelden):
    html = client.get("/zoeken/", {"q": "speelplein", "thema": "zorg"}).content.decode()

    assert "0 resultaten" in html
    assert 'for="z-thema-zorg">Zorg (0)</label>' in html
    assert 'value="zorg" checked>' in html


def test_a_chosen_value_no_item_has_stays_listed_to_untick(client, voorbeelden):
    # An old link, or a theme since deleted: the page says 0 and shows what to untick.
    html = client.get("/zoeken/", {"q": "eenzaamheid", "thema": "bestaatniet"}).content.decode()

    assert "0 resultaten" in html
    assert 'id="z-thema-bestaatniet" name="thema" value="bestaatniet" checked>' in html
    assert 'for="z-thema-bestaatniet">bestaatniet (0)</label>' in html


def test_filters_without_words_list_every_item_they_allow(client, voorbeelden):
    """Browsing: a theme (or type, or area) chosen with no words lists all its items, the
    facets counted over them as for a search that matches everything."""
    data = client.get("/api/zoeken/", {"thema": "jeugd"}).json()

    titels = [result["title"] for result in data["results"]]
    assert data["count"] == 4
    assert sorted(titels) == [
        "Eenzaamheid aanpakken 0",
        "Eenzaamheid aanpakken 1",
        "Eenzaamheid aanpakken 5",
        "Speelplein",
    ]
    assert facetten(data, "type") == {"praktijkvoorbeeld": 3, "publicatie": 1}
    assert facetten(data, "thema") == {"jeugd": 4, "wonen": 3, "zorg": 2}
    html = client.get("/zoeken/", {"type": "publicatie"}).content.decode()
    assert "3 resultaten</p>" in html and "Eenzaamheid aanpakken 3" in html


def test_browsing_by_a_value_nobody_has_shows_none_and_what_to_untick(client, voorbeelden):
    """An old link to a deleted theme, without words: no items (not every item), and the
    value listed as chosen so it can be unticked."""
    data = client.get("/api/zoeken/", {"thema": "bestaatniet"}).json()
    assert data["count"] == 0
    assert data["results"] == []
    html = client.get("/zoeken/", {"thema": "bestaatniet"}).content.decode()
    assert "0 resultaten" in html
    assert 'id="z-thema-bestaatniet" name="thema" value="bestaatniet" checked>' in html


def test_browsing_shows_the_newest_first(client, home):
    thema = ThemaFactory(label="Veiligheid")
    for dag, titel in ((3, "Maart"), (9, "September"), (6, "Juni")):
        PraktijkvoorbeeldPageFactory(
            title=titel, themas=[thema], publicatiedatum=datetime.date(2026, dag, 1)
        )
    herbouwen()

    data = client.get("/api/zoeken/", {"thema": "veiligheid"}).json()

    assert [result["title"] for result in data["results"]] == ["September", "Juni", "Maart"]


def test_each_result_shows_its_type_area_and_date(client, home, query_count):
    zuid = FocusgebiedPageFactory(title="Rotterdam-Zuid", gemeente="Rotterdam")
    PraktijkvoorbeeldPageFactory(
        title="Eenzaamheid op Zuid",
        samenvatting=NEUTRAAL,
        focusgebied=zuid,
        publicatiedatum=datetime.date(2026, 3, 2),
    )
    PraktijkvoorbeeldPageFactory(
        title="Eenzaamheid in Zaandam",
        samenvatting=NEUTRAAL,
        gemeente="Zaanstad",
        publicatiedatum=datetime.date(2026, 2, 1),
    )
    # Just after midnight in Amsterdam, the evening before in UTC: the event's own day.
    begin = datetime.datetime(2026, 5, 21, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    EvenementPageFactory(title="Kenniskamer eenzaamheid", samenvatting=NEUTRAAL, begin=begin)
    PublicatiePageFactory(
        title="Eenzaamheid, een handreiking",
        samenvatting=NEUTRAAL,
        publicatiedatum=datetime.date(2025, 12, 9),
    )
    herbouwen()

    html = client.get("/zoeken/", {"q": "eenzaamheid"}).content.decode()

    assert (
        'Praktijkvoorbeeld · Rotterdam-Zuid, Rotterdam · <time datetime="2026-03-02">'
        "2 maart 2026</time>"
    ) in html
    assert 'Praktijkvoorbeeld · Zaanstad · <time datetime="2026-02-01">1 februari 2026</time>' in (
        html
    )
    assert 'Evenement · <time datetime="2026-05-21">21 mei 2026</time>' in html
    assert 'Publicatie · <time datetime="2025-12-09">9 december 2025</time>' in html

    def meer_resultaten() -> None:
        for nummer in range(5):
            PraktijkvoorbeeldPageFactory(
                title=f"Eenzaamheid {nummer}", samenvatting=NEUTRAAL, focusgebied=zuid
            )
        herbouwen()

    # The metadata comes from the index with the results: no query per result.
    query_count.assert_constant("/zoeken/?q=eenzaamheid", meer_resultaten, maximum=10)
