"""Professionals browse, filter and read practice examples."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from gebieden.models import Actielijn
from tests.factories import (
    BewijskrachtFactory,
    DoelgroepFactory,
    FocusgebiedPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db
LIST = "/kennisbank/praktijkvoorbeelden/"


@pytest.fixture
def lijst(gebieden_index):
    return PraktijkvoorbeeldIndexPageFactory()


@pytest.fixture
def actielijnen(db):
    return {n: Actielijn.objects.create(nummer=n, titel=f"Actielijn {n}") for n in (1, 2, 3, 4)}


def titles(response) -> list[str]:
    return [page.title for page in response.context["voorbeelden"]]


def test_filters_combine_and_repeat(client, lijst, gebieden_index, actielijnen):
    veiligheid, jeugd = ThemaFactory(label="Veiligheid"), ThemaFactory(label="Jeugd")
    zuid = FocusgebiedPageFactory(
        parent=gebieden_index, title="Rotterdam-Zuid", gemeente="Rotterdam"
    )
    jongeren = DoelgroepFactory(naam="Jongeren")
    effectief = BewijskrachtFactory(naam="Effectief")
    PraktijkvoorbeeldPageFactory(
        title="A",
        themas=[veiligheid],
        focusgebied=zuid,
        gemeente="Rotterdam",
        actielijnen=[actielijnen[4]],
        doelgroepen=[jongeren],
        bewijskracht=effectief,
    )
    PraktijkvoorbeeldPageFactory(
        title="B", themas=[jeugd], gemeente="Zaanstad", actielijnen=[actielijnen[3]]
    )
    PraktijkvoorbeeldPageFactory(title="C", themas=[veiligheid, jeugd], gemeente="Zaanstad")

    assert titles(client.get(LIST, {"thema": "veiligheid"})) == ["C", "A"]
    assert sorted(titles(client.get(LIST, {"thema": ["veiligheid", "jeugd"]}))) == ["A", "B", "C"]
    assert titles(
        client.get(LIST, {"thema": "jeugd", "gemeente": "Zaanstad", "actielijn": "3"})
    ) == ["B"]
    assert titles(client.get(LIST, {"gebied": "rotterdam-zuid"})) == ["A"]
    assert titles(client.get(LIST, {"doelgroep": "jongeren", "bewijskracht": "effectief"})) == ["A"]
    assert titles(client.get(LIST, {"thema": "veiligheid", "gemeente": "Utrecht"})) == [
        "C",
        "A",
    ]  # unknown value ignored


def test_sort_by_title_or_newest(client, lijst):
    PraktijkvoorbeeldPageFactory(
        title="Buurtbemiddeling", publicatiedatum=datetime.date(2025, 1, 1)
    )
    PraktijkvoorbeeldPageFactory(title="Aanpak overlast", publicatiedatum=datetime.date(2024, 1, 1))
    PraktijkvoorbeeldPageFactory(title="Centrum", publicatiedatum=datetime.date(2026, 1, 1))

    assert titles(client.get(LIST)) == ["Centrum", "Buurtbemiddeling", "Aanpak overlast"]
    assert titles(client.get(LIST, {"sort": "titel"})) == [
        "Aanpak overlast",
        "Buurtbemiddeling",
        "Centrum",
    ]
    assert titles(client.get(LIST, {"sort": "<script>"}))[0] == "Centrum"


def test_pages_keep_the_filters_in_their_links(client, lijst):
    veiligheid = ThemaFactory(label="Veiligheid")
    for _ in range(15):
        PraktijkvoorbeeldPageFactory(themas=[veiligheid])
    PraktijkvoorbeeldPageFactory()

    first = client.get(LIST, {"thema": "veiligheid", "sort": "titel"})
    second = client.get(LIST, {"thema": "veiligheid", "sort": "titel", "page": "2"})
    beyond = client.get(LIST, {"thema": "veiligheid", "page": "99"})

    assert first.context["aantal"] == 15
    assert len(titles(first)) == 12 and len(titles(second)) == 3
    assert 'href="?thema=veiligheid&amp;sort=titel&amp;page=2"' in first.content.decode()
    assert beyond.status_code == 200 and len(titles(beyond)) == 3
    # Page 0, a negative page or no number is the first page, not the last.
    for page in ("0", "-1", "twee", "1.5"):
        assert titles(client.get(LIST, {"thema": "veiligheid", "sort": "titel", "page": page})) == (
            titles(first)
        ), page


def test_detail_reads_summary_first_then_approach_results_lessons(client, lijst, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index, title="Heerlen-Noord")
    voorbeeld = PraktijkvoorbeeldPageFactory(
        title="Bovengrondse Vakschool",
        samenvatting="Vakmanschap als weg uit de bijstand.",
        aanpak="<p>Opleiden in de praktijk.</p>",
        resultaten="<p>Uitstroom naar werk.</p>",
        lessen="<p>Werkgevers committeren zich vooraf.</p>",
        partners="Gemeente Heerlen\nWerkgevers Parkstad",
        looptijd="2021 tot heden",
        contact_organisatie="Bovengrondse Vakschool",
        focusgebied=area,
    )
    html = client.get(voorbeeld.url).content.decode()

    order = [
        "Vakmanschap als weg uit de bijstand.",
        "Opleiden in de praktijk.",
        "Uitstroom naar werk.",
        "Werkgevers committeren zich vooraf.",
        "Gemeente Heerlen, Werkgevers Parkstad",
        "2021 tot heden",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert f'href="{area.url}"' in html


def test_contact_organisation_refuses_an_email_address(lijst):
    voorbeeld = PraktijkvoorbeeldPageFactory.build(contact_organisatie="Jan, jan@gemeente.nl")
    with pytest.raises(ValidationError) as error:
        voorbeeld.clean()
    assert "Geen e-mailadres" in str(error.value)


def test_related_examples_prefer_same_area_then_shared_themes(client, lijst, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index)
    a, b, c = ThemaFactory(label="A"), ThemaFactory(label="B"), ThemaFactory(label="C")
    voorbeeld = PraktijkvoorbeeldPageFactory(themas=[a, b], focusgebied=area)
    PraktijkvoorbeeldPageFactory(title="Een thema", themas=[a])
    PraktijkvoorbeeldPageFactory(title="Twee thema's", themas=[a, b])
    PraktijkvoorbeeldPageFactory(title="Zelfde gebied", themas=[c], focusgebied=area)
    PraktijkvoorbeeldPageFactory(title="Niets gemeen", themas=[c])

    related = client.get(voorbeeld.url).context["vergelijkbaar"]

    assert [p.title for p in related] == ["Zelfde gebied", "Twee thema's", "Een thema"]


def test_area_page_lists_its_knowledge(client, lijst, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index)
    PraktijkvoorbeeldPageFactory(title="Taalhuis in de wijk", focusgebied=area)
    PraktijkvoorbeeldPageFactory(
        title="Elders", focusgebied=FocusgebiedPageFactory(parent=gebieden_index)
    )

    html = client.get(area.url).content.decode()

    assert "Taalhuis in de wijk" in html and "Elders" not in html


def test_atom_feed_lists_the_newest_examples(client, lijst):
    PraktijkvoorbeeldPageFactory(title="Nieuw voorbeeld", samenvatting="Kort gezegd.")

    response = client.get("/kennisbank/feed/")
    feed = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}

    assert response["Content-Type"].startswith("application/atom+xml")
    entry = feed.find("a:entry", ns)
    assert entry.find("a:title", ns).text == "Nieuw voorbeeld"
    assert (
        entry.find("a:link", ns)
        .get("href")
        .endswith("/kennisbank/praktijkvoorbeelden/nieuw-voorbeeld/")
    )


def test_drafts_are_not_listed(client, lijst):
    PraktijkvoorbeeldPageFactory(title="Concept", live=False)
    PraktijkvoorbeeldPageFactory(title="Gepubliceerd")

    assert titles(client.get(LIST)) == ["Gepubliceerd"]
    assert "Concept" not in client.get("/kennisbank/feed/").content.decode()


def test_list_query_count_does_not_grow(query_count, lijst):
    thema = ThemaFactory()
    PraktijkvoorbeeldPageFactory(themas=[thema])

    def more():
        for _ in range(8):
            PraktijkvoorbeeldPageFactory(
                themas=[thema, ThemaFactory()], bewijskracht=BewijskrachtFactory()
            )

    query_count.assert_constant(LIST + "?thema=" + thema.slug, more, maximum=20)


def test_detail_query_count_does_not_grow_with_related_items(query_count, lijst, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index)
    thema = ThemaFactory()
    voorbeeld = PraktijkvoorbeeldPageFactory(themas=[thema], focusgebied=area)
    PraktijkvoorbeeldPageFactory(themas=[thema])

    def more():
        for _ in range(6):
            PraktijkvoorbeeldPageFactory(themas=[thema, ThemaFactory()], focusgebied=area)

    query_count.assert_constant(voorbeeld.url, more, maximum=25)


def test_kennisbank_start_query_count_does_not_grow(query_count, lijst):
    PraktijkvoorbeeldPageFactory()
    query_count.assert_constant(
        "/kennisbank/",
        lambda: [PraktijkvoorbeeldPageFactory(themas=[ThemaFactory()]) for _ in range(5)],
        maximum=20,
    )


def test_related_examples_of_an_example_without_area_rank_by_themes(client, lijst, gebieden_index):
    a, b = ThemaFactory(label="A"), ThemaFactory(label="B")
    voorbeeld = PraktijkvoorbeeldPageFactory(themas=[a, b])
    PraktijkvoorbeeldPageFactory(title="Een thema, ook geen gebied", themas=[a])
    PraktijkvoorbeeldPageFactory(
        title="Twee thema's",
        themas=[a, b],
        focusgebied=FocusgebiedPageFactory(parent=gebieden_index),
    )

    related = client.get(voorbeeld.url).context["vergelijkbaar"]

    assert [p.title for p in related] == ["Twee thema's", "Een thema, ook geen gebied"]
