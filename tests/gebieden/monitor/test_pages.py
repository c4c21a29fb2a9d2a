"""Anyone reads an area's indicators as charts with a trend sentence, target, references, a
data table and a CSV download; /monitor/ compares the areas on one indicator and period."""

import csv
import io
from decimal import Decimal

import pytest

from gebieden.monitor.importer import importeren
from gebieden.monitor.models import Meting, Streefwaarde
from gebieden.monitor.selectors import trendzin

pytestmark = pytest.mark.django_db
KOP = "indicator;gebied;periode;waarde;eenheid;bron;gemeente;nederland"


def cijfers(*regels: str, voorbeelddata: bool = False) -> None:
    uitslag = importeren("\n".join([KOP, *regels]), voorbeelddata=voorbeelddata)
    assert uitslag.fouten == []


def test_the_trend_in_plain_words(indicatoren, gebied):
    cijfers(
        "15;overvecht;2022;14;procent;Politie;;",
        "15;overvecht;2023;12,5;procent;Politie;;",
        "15;overvecht;2024;11;procent;Politie;;",
        "5;overvecht;2022;5,2;score;Leefbaarometer;;",
        "5;overvecht;2024;5;score;Leefbaarometer;;",
        "1;overvecht;2024;300;woningen;Gemeente;;",
    )

    def reeks(nummer: int) -> list[Meting]:
        return list(Meting.objects.filter(kernindicator__nummer=nummer).order_by("peildatum"))

    assert trendzin(indicatoren[15], reeks(15)) == (
        "Sinds 2022 gedaald van 14 naar 11 procent. Dat is een verbetering."
    )
    assert trendzin(indicatoren[5], reeks(5)) == (
        "Sinds 2022 gedaald van 5,2 naar 5 score. Dat is een verslechtering."
    )
    assert trendzin(indicatoren[1], reeks(1)) == "Eén meting: 300 woningen in 2024."


def test_the_area_page_shows_every_indicator_with_chart_table_and_sources(
    client, indicatoren, gebied
):
    cijfers(
        "15;overvecht;2022;14;procent;Politie;12;9,5",
        "15;overvecht;2024;11;procent;Politie 2025;10;9",
    )
    Streefwaarde.objects.create(
        focusgebied=gebied, kernindicator=indicatoren[15], waarde=Decimal("8"), jaar=2030
    )

    page = client.get("/gebieden/overvecht/monitor/").content.decode()

    assert "Actielijn 2: Wonen" in page and "Actielijn 4: Jeugd" in page
    assert "Sinds 2022 gedaald van 14 naar 11 procent. Dat is een verbetering." in page
    assert '<svg class="site-grafiek site-grafiek--breed"' in page and 'role="img"' in page
    assert '<title id="indicator-15-titel">Incidentie criminaliteit in Overvecht</title>' in page
    assert "Streefwaarde van de alliantie: 8 in 2030." in page
    assert "Utrecht</th>" in page and "Nederland</th>" in page  # reference columns
    assert ">9,5<" in page and "Politie 2025" in page
    assert "Voor deze indicator zijn nog geen cijfers." in page  # indicator 5 and 1
    assert "Voorbeelddata" not in page  # real figures are not labelled as demo
    for tekening in page.split('<svg class="site-grafiek')[1:]:
        assert "style=" not in tekening.split("</svg>")[0]


def test_demo_figures_are_labelled_everywhere_once_per_page(client, indicatoren, gebied):
    cijfers(
        "15;overvecht;2022;14;procent;Voorbeeld;;",
        "5;overvecht;2022;5;score;Voorbeeld;;",
        voorbeelddata=True,
    )

    for url in ("/gebieden/overvecht/monitor/", "/monitor/?indicator=15"):
        assert client.get(url).content.decode().count("Voorbeelddata, geen echte cijfers.") == 1
    assert "voorbeelddata" in client.get(gebied.url).content.decode()


def test_with_real_and_demo_figures_side_by_side_each_demo_series_is_labelled(
    client, indicatoren, gebied
):
    cijfers("15;overvecht;2022;14;procent;Voorbeeld;;", voorbeelddata=True)
    cijfers("5;overvecht;2022;5;score;Leefbaarometer;;")

    page = client.get("/gebieden/overvecht/monitor/").content.decode()
    samenvatting = {
        deel.split(".", 1)[0]: deel.split("</summary>", 1)[0]
        for deel in page.split('<span class="site-indicator__naam">')[1:]
    }

    assert page.count("Voorbeelddata, geen echte cijfers.") == 1
    assert "Cijfers met het label voorbeelddata zijn verzonnen" in page
    assert "voorbeelddata" in samenvatting["15"] and "voorbeelddata" not in samenvatting["5"]


def test_the_area_page_starts_with_every_indicators_latest_figure_and_trend_closed(
    client, indicatoren, gebied
):
    cijfers(
        "15;overvecht;2022;14;procent;Politie;;",
        "15;overvecht;2024;11;procent;Politie;;",
        "5;overvecht;2024;5,1;score;Leefbaarometer;;",
    )

    page = client.get("/gebieden/overvecht/monitor/").content.decode()
    samenvattingen = [
        deel.split("</summary>", 1)[0]
        for deel in page.split('<summary class="site-indicator__kop">')[1:]
    ]

    assert len(samenvattingen) == 3 and page.count("<details") == 3
    assert "<details" in page and " open>" not in page  # all closed until opened
    assert "1. Te herstructureren woningen" in samenvattingen[0]
    assert "Nog geen cijfers" in samenvattingen[0]
    assert "<strong>5,1 score</strong> (2024) · Eén meting" in samenvattingen[1]
    assert "<strong>11 procent</strong> (2024) · Gedaald sinds 2022: beter" in samenvattingen[2]


def test_an_indicator_in_the_address_is_open_and_the_comparison_links_to_it(
    client, indicatoren, gebied
):
    cijfers("15;overvecht;2024;11;procent;Politie;;")

    page = client.get("/gebieden/overvecht/monitor/?indicator=15").content.decode()
    vergelijking = client.get("/monitor/?indicator=15").content.decode()

    assert '<details class="site-indicator" id="indicator-15" open>' in page
    assert '<details class="site-indicator" id="indicator-5">' in page
    assert 'href="/gebieden/overvecht/monitor/?indicator=15#indicator-15"' in vergelijking
    for onzin in ("abc", "99999999999999999999", "-1"):
        assert client.get(f"/gebieden/overvecht/monitor/?indicator={onzin}").status_code == 200


def test_a_line_chart_that_does_not_start_at_zero_says_so(client, indicatoren, gebied):
    cijfers("5;overvecht;2022;5,2;score;L;;", "5;overvecht;2024;5,6;score;L;;")
    cijfers("15;overvecht;2022;14;procent;Politie;;", "15;overvecht;2024;2;procent;Politie;;")

    page = client.get("/gebieden/overvecht/monitor/").content.decode()

    assert page.count("Let op: de schaal links begint bij") == 1
    assert "Let op: de schaal links begint bij 5,2, niet bij 0." in page


def test_the_csv_download_has_what_the_chart_shows(client, indicatoren, gebied):
    cijfers("15;overvecht;2022;14,5;procent;Politie;12;9", "15;overvecht;2024;11;procent;Politie;;")

    response = client.get("/gebieden/overvecht/monitor/15.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][:4] == ["indicator", "gebied", "periode", "waarde"]
    assert rows[1][2:5] == ["2022", "14,50", "procent"]
    assert rows[2][2] == "2024"
    assert client.get("/gebieden/overvecht/monitor/99.csv").status_code == 404


def test_the_area_page_keeps_its_query_count_with_more_periods(query_count, indicatoren, gebied):
    cijfers("15;overvecht;2020;14;procent;Politie;;")

    def meer_perioden():
        cijfers(
            *(
                f"{n};overvecht;{jaar};{jaar - 2000};x;Bron;1;2"
                for n in (1, 5, 15)
                for jaar in range(2001, 2020)
            )
        )

    # The area, the indicators, the figures, the targets; the rest is the base template.
    query_count.assert_constant("/gebieden/overvecht/monitor/", meer_perioden, maximum=7)


def test_the_comparison_sorts_best_first_and_the_period_is_selectable(
    client, indicatoren, gebied, ander_gebied
):
    cijfers(
        "15;overvecht;2023;14;procent;Politie;;",
        "15;poelenburg;2023;9;procent;Politie;;",
        "15;overvecht;2024;8;procent;Politie;;",
        "5;overvecht;2024;5,1;score;Leefbaarometer;;",
        "5;poelenburg;2024;6,3;score;Leefbaarometer;;",
    )

    lager_beter = client.get("/monitor/?indicator=15&periode=2023").content.decode()
    hoger_beter = client.get("/monitor/?indicator=5").content.decode()
    laatste = client.get("/monitor/?indicator=15").content.decode()

    assert lager_beter.index(">Poelenburg<") < lager_beter.index(">Overvecht<")
    assert hoger_beter.index(">Poelenburg<") < hoger_beter.index(">Overvecht<")
    # The latest period by default; Poelenburg has no figure for it and is named as such.
    assert '<option value="2024" selected>' in laatste
    assert "Geen cijfer voor deze periode: Poelenburg." in laatste
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/monitor/vergelijking.csv?indicator=15&periode=2023").content.decode(
                    "utf-8-sig"
                )
            ),
            delimiter=";",
        )
    )
    assert [row[1] for row in rows[1:]] == ["poelenburg", "overvecht"]


def test_the_area_page_section_links_to_the_monitor(client, indicatoren, gebied):
    cijfers("15;overvecht;2024;11;procent;Politie;;")

    page = client.get(gebied.url).content.decode()

    assert "Incidentie criminaliteit: <strong>11 procent</strong> (2024)" in page
    assert 'href="/gebieden/overvecht/monitor/"' in page


def test_the_comparison_keeps_its_query_count_with_more_areas_and_periods(
    query_count, indicatoren, gebied, ander_gebied
):
    cijfers("15;overvecht;2023;14;procent;Politie;;")

    def meer():
        cijfers(
            *(
                f"15;{slug};{jaar};{jaar - 2000};procent;Bron;;"
                for slug in ("overvecht", "poelenburg")
                for jaar in range(2001, 2023)
            )
        )

    query_count.assert_constant("/monitor/?indicator=15", meer, maximum=7)


def test_the_csv_download_writes_no_formulas_but_keeps_negative_numbers(
    client, indicatoren, gebied
):
    cijfers('15;overvecht;2022;-3,5;procent;=HYPERLINK("http://x.example");;')

    response = client.get("/gebieden/overvecht/monitor/15.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))

    assert rows[1][3] == "-3,50"
    assert rows[1][5] == '\'=HYPERLINK("http://x.example")'
