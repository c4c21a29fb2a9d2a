"""/expertpool/: anyone browses and filters the experts; no contact details are public."""

import pytest

from tests.factories import (
    ExpertPageFactory,
    ExpertpoolPageFactory,
    OndersteuningsaanvraagFactory,
    PraktijkvoorbeeldPageFactory,
    ThemaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(home):
    return ExpertpoolPageFactory()


def names(html: str, candidates: list[str]) -> set[str]:
    return {name for name in candidates if name in html}


def test_filters_by_theme_phase_region_and_availability(client, pool):
    jeugd, wonen = ThemaFactory(label="Jeugd"), ThemaFactory(label="Wonen")
    ExpertPageFactory(title="Anouk", themas=[wonen], fasen=["verkenning"], regios=["utrecht"])
    ExpertPageFactory(title="Mehmet", themas=[jeugd], fasen=["ontwerp"], regios=["zuid-holland"])
    ExpertPageFactory(title="Ingrid", themas=[wonen], fasen=["ontwerp"], regios=["landelijk"])
    ExpertPageFactory(title="Koen", themas=[jeugd], beschikbaarheid="niet")
    everyone = ["Anouk", "Mehmet", "Ingrid", "Koen"]

    def found(**params) -> set[str]:
        return names(client.get(pool.url, params).content.decode(), everyone)

    assert found() == set(everyone)
    assert found(thema=jeugd.slug) == {"Mehmet", "Koen"}
    assert found(fase="ontwerp") == {"Mehmet", "Ingrid"}
    assert found(regio="utrecht") == {"Anouk", "Ingrid"}  # nationwide covers every region
    assert found(beschikbaarheid="beschikbaar") == {"Anouk", "Mehmet", "Ingrid"}
    assert found(thema=wonen.slug, fase="ontwerp") == {"Ingrid"}
    assert found(thema="onbekend") == set(everyone)


def test_a_profile_shows_expertise_and_examples_but_no_contact_details(client, pool):
    voorbeeld = PraktijkvoorbeeldPageFactory(title="Kinderen op Zuid")
    expert = ExpertPageFactory(
        title="Mehmet Yilmaz",
        themas=[ThemaFactory(label="Jeugd")],
        fasen=["ontwerp", "uitvoering"],
        regios=["zuid-holland"],
        gebruiker=UserFactory(email="mehmet.yilmaz@example.nl"),
    )
    expert.praktijkvoorbeelden.set([voorbeeld])
    expert.save()
    OndersteuningsaanvraagFactory(
        expert=expert, status="afgerond", uitkomst="Geheime uitkomst", uitkomst_openbaar=False
    )

    html = client.get(expert.url).content.decode()

    for text in ("Jeugd", "Ontwerp, Uitvoering", "Zuid-Holland", "Kinderen op Zuid", "Lokaal"):
        assert text in html, text
    assert "@" not in html.split("<main")[1].split("</main>")[0]
    assert "Geheime uitkomst" not in html
    assert 'href="/expertpool/aanvragen/"' in html


def test_list_query_count_does_not_grow(query_count, pool):
    ExpertPageFactory(themas=[ThemaFactory()], fasen=["ontwerp"], regios=["utrecht"])
    query_count.assert_constant(
        pool.url,
        lambda: [
            ExpertPageFactory(themas=[ThemaFactory()], fasen=["ontwerp"], regios=["utrecht"])
            for _ in range(5)
        ],
        maximum=20,
    )


def test_detail_query_count_does_not_grow(query_count, pool):
    expert = ExpertPageFactory(themas=[ThemaFactory()])
    expert.praktijkvoorbeelden.add(PraktijkvoorbeeldPageFactory())
    expert.save()
    OndersteuningsaanvraagFactory(expert=expert, status="afgerond", uitkomst_openbaar=True)

    def more():
        expert.themas.add(*[ThemaFactory() for _ in range(3)])
        expert.praktijkvoorbeelden.add(*[PraktijkvoorbeeldPageFactory() for _ in range(3)])
        expert.save()
        for _ in range(3):
            OndersteuningsaanvraagFactory(expert=expert, status="afgerond", uitkomst_openbaar=True)

    query_count.assert_constant(expert.url, more, maximum=20)
