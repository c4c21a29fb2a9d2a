"""Staff import figures from CSV: a dry run lists every row error before anything is written;
a real import is all-or-nothing; the command and the admin upload share the importer."""

from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from gebieden.models import FocusgebiedPage
from gebieden.monitor.importer import importeren
from gebieden.monitor.models import Meting
from gebieden.services import add_alliantie_medewerker
from tests.factories import UserFactory
from wijkwijzer.roles import REDACTEUR

pytestmark = pytest.mark.django_db
KOP = "indicator;gebied;periode;waarde;eenheid;bron;gemeente;nederland"
GOED = [
    "15;overvecht;2022;14;procent;Politie;12;9,5",
    "15;overvecht;2023;11,5;procent;Politie;;",
    "5;overvecht;2023-Q2;5,1;score;Leefbaarometer;;",
]


def csv(*regels: str) -> str:
    return "\n".join([KOP, *regels])


def test_a_good_file_is_imported(indicatoren, gebied):
    uitslag = importeren(csv(*GOED))

    assert uitslag.fouten == [] and uitslag.geschreven
    assert (uitslag.nieuw, uitslag.bijgewerkt) == (3, 0)
    meting = Meting.objects.get(periode="2022")
    assert (str(meting.waarde), str(meting.nederland_waarde)) == ("14.00", "9.50")
    assert Meting.objects.get(periode="2023-Q2").peildatum.isoformat() == "2023-04-01"


def test_every_row_error_is_listed_and_nothing_is_written(indicatoren, gebied):
    uitslag = importeren(
        csv(
            *GOED,
            "15;nergenshuizen;2022;3;procent;Politie;;",
            "16;overvecht;2022;3;procent;Politie;;",
            "15;overvecht;2021;veel;procent;Politie;;",
            "15;overvecht;2022;9;procent;Politie;;",
            "15;overvecht;2022-13;9;procent;Politie;;",
            "15;overvecht;2020;9;procent;;;",
        )
    )

    assert uitslag.fouten == [
        "Regel 5: onbekend gebied 'nergenshuizen'.",
        "Regel 6: onbekende indicator '16' (kies 1 tot 15).",
        "Regel 7: 'veel' in kolom waarde is geen getal.",
        "Regel 8: dubbele periode: dezelfde indicator, gebied en periode staan op regel 2.",
        "Regel 9: periode '2022-13' klopt niet (schrijf 2023, 2023-Q2 of 2023-06).",
        "Regel 10: kolom bron is leeg.",
    ]
    assert not uitslag.geschreven
    assert not Meting.objects.exists()  # all or nothing


def test_a_dry_run_writes_nothing_and_counts_new_and_updated(indicatoren, gebied):
    importeren(csv(GOED[0]))

    uitslag = importeren(csv(*GOED), proef=True)

    assert (uitslag.nieuw, uitslag.bijgewerkt, uitslag.geschreven) == (2, 1, False)
    assert Meting.objects.count() == 1


def test_an_existing_period_is_replaced(indicatoren, gebied):
    importeren(csv(GOED[0]))

    importeren(csv("15;overvecht;2022;13;procent;Politie, herzien;;"))

    meting = Meting.objects.get()
    assert (str(meting.waarde), meting.bron, meting.gemeente_waarde) == (
        "13.00",
        "Politie, herzien",
        None,
    )


def test_missing_columns_and_comma_separated_files(indicatoren, gebied):
    assert importeren("indicator,gebied,waarde\n15,overvecht,3").fouten == [
        "Kolommen ontbreken: periode, eenheid, bron."
    ]
    uitslag = importeren(
        "indicator,gebied,periode,waarde,eenheid,bron\n15,overvecht,2024,7.25,procent,CBS"
    )
    assert uitslag.fouten == [] and str(Meting.objects.get().waarde) == "7.25"


def test_the_command_reports_errors_with_a_non_zero_exit(indicatoren, gebied, tmp_path):
    bestand = tmp_path / "cijfers.csv"
    bestand.write_text(csv(GOED[0], "16;overvecht;2022;3;procent;Politie;;"), encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError, match="1 fouten; er is niets opgeslagen"):
        call_command("import_monitor", str(bestand), stderr=err)

    assert "Regel 3: onbekende indicator '16'" in err.getvalue()
    bestand.write_text(csv(*GOED), encoding="utf-8")
    out = StringIO()
    call_command("import_monitor", str(bestand), "--proef", stdout=out)
    assert "Zou opslaan: 3 nieuw, 0 bijgewerkt." in out.getvalue()
    assert not Meting.objects.exists()
    call_command("import_monitor", str(bestand), stdout=out)
    assert Meting.objects.count() == 3


def test_the_admin_upload_shows_the_dry_run_then_imports(client, indicatoren, gebied, roles):
    redacteur = UserFactory()
    redacteur.groups.add(roles[REDACTEUR])
    TOTP.activate(redacteur, generate_totp_secret())
    client.force_login(redacteur)

    def upload(tekst: str, **extra):
        bestand = SimpleUploadedFile("cijfers.csv", tekst.encode("utf-8-sig"), "text/csv")
        return client.post("/admin/monitor/import/", {"bestand": bestand, **extra}).content.decode()

    fout = upload(csv(GOED[0], "15;nergenshuizen;2022;3;procent;Politie;;"), proef="on")
    assert "Regel 3: onbekend gebied" in fout and "er is niets opgeslagen" in fout
    proef = upload(csv(*GOED), proef="on")
    assert "Proefimport zonder fouten: 3 nieuwe" in proef
    assert not Meting.objects.exists()
    echt = upload(csv(*GOED))
    assert "Opgeslagen: 3 nieuwe en 0 bijgewerkte cijfers." in echt
    assert Meting.objects.count() == 3


def test_only_the_redactie_may_import(client, indicatoren, gebied, roles):
    medewerker = UserFactory()
    TOTP.activate(medewerker, generate_totp_secret())
    add_alliantie_medewerker(user=medewerker, gebied=gebied)
    client.force_login(medewerker)

    response = client.get("/admin/monitor/import/")

    # Wagtail turns a refusal inside the admin into a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        (KOP.replace(";", "\t") + "\n" + GOED[0].replace(";", "\t"), "gescheiden met tabs"),
        ("indicator\n15", "De kopregel heeft maar één kolom."),
        (csv("15;overvecht;2022;14;procent;Politie\x00;;"), "geen leesbare CSV"),
        (
            csv("15;overvecht;2022;14;" + "p" * 61 + ";Politie;;"),
            "Regel 2: kolom eenheid is langer dan 60 tekens.",
        ),
        (
            csv("15;overvecht;2022;14;procent;" + "b" * 201 + ";;"),
            "Regel 2: kolom bron is langer dan 200 tekens.",
        ),
    ],
)
def test_a_file_in_the_wrong_shape_gets_a_clear_error_in_the_admin(
    client, indicatoren, gebied, roles, tekst, melding
):
    redacteur = UserFactory()
    redacteur.groups.add(roles[REDACTEUR])
    TOTP.activate(redacteur, generate_totp_secret())
    client.force_login(redacteur)
    bestand = SimpleUploadedFile("cijfers.csv", tekst.encode("utf-8"), "text/csv")

    response = client.post("/admin/monitor/import/", {"bestand": bestand})

    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Meting.objects.exists()


def test_figures_keyed_by_the_cbs_code_of_an_area_are_joined_to_it(indicatoren, gebied):
    # CBS publishes per wijk: an area that is one wijk takes its figures by that code.
    FocusgebiedPage.objects.filter(pk=gebied.pk).update(cbs_codes="WK034409")
    uitslag = importeren(csv("15;WK034409;2023;11,5;procent;CBS;;"))

    assert uitslag.fouten == []
    assert Meting.objects.get().focusgebied == gebied


def test_a_code_that_is_only_part_of_an_area_is_refused(indicatoren, gebied):
    FocusgebiedPage.objects.filter(pk=gebied.pk).update(cbs_codes="BU03440901, BU03440902")

    uitslag = importeren(csv("15;BU03440901;2023;11,5;procent;CBS;;"))

    assert uitslag.fouten == [
        "Regel 2: BU03440901 is maar een deel van Overvecht; een cijfer moet voor het hele "
        "gebied gelden (gebruik dan 'overvecht')."
    ]
    assert not Meting.objects.exists()


def test_the_same_area_by_slug_and_by_code_is_one_figure_twice(indicatoren, gebied):
    FocusgebiedPage.objects.filter(pk=gebied.pk).update(cbs_codes="WK034409")

    uitslag = importeren(
        csv("15;overvecht;2023;11;procent;CBS;;", "15;WK034409;2023;12;procent;CBS;;")
    )

    assert any("dubbele periode" in fout for fout in uitslag.fouten)


# Excel's files (issue 22, point 6): Windows-1252 and UTF-8, semicolons and commas.
ZUIDOOST = [
    "15;overvecht;2022;14;procent;Enquête Zuidoost (één peiling);12;9,5",
    "5;overvecht;2023;6,2;score;Leefbaarometer, Café-enquête;;",
]


@pytest.mark.parametrize(
    ("codering", "kop"),
    [("cp1252", ""), ("utf-8", ""), ("utf-8", "\ufeff"), ("utf-16", "")],
)
def test_excel_encodings_are_read_with_their_accents(indicatoren, gebied, tmp_path, codering, kop):
    bestand = tmp_path / "cijfers.csv"
    bestand.write_bytes((kop + csv(*ZUIDOOST)).encode(codering))
    out = StringIO()

    call_command("import_monitor", str(bestand), stdout=out)

    assert "Opgeslagen: 2 nieuw, 0 bijgewerkt." in out.getvalue()
    assert Meting.objects.get(periode="2022").bron == "Enquête Zuidoost (één peiling)"
    assert Meting.objects.get(periode="2023").bron == "Leefbaarometer, Café-enquête"


def test_a_comma_separated_windows_file_with_quoted_commas(indicatoren, gebied, tmp_path):
    regels = [
        "indicator,gebied,periode,waarde,eenheid,bron",
        '15,overvecht,2022,"14,5",procent,"Enquête, Zuidoost"',
    ]
    bestand = tmp_path / "cijfers.csv"
    bestand.write_bytes("\r\n".join(regels).encode("cp1252"))

    call_command("import_monitor", str(bestand), stdout=StringIO())

    meting = Meting.objects.get()
    assert (str(meting.waarde), meting.bron) == ("14.50", "Enquête, Zuidoost")


def test_progress_and_summary_follow_the_verbosity(indicatoren, gebied, tmp_path):
    bestand = tmp_path / "cijfers.csv"
    bestand.write_text(csv(*GOED), encoding="utf-8")
    out, stil = StringIO(), StringIO()

    call_command("import_monitor", str(bestand), "--proef", stdout=out)
    call_command("import_monitor", str(bestand), "--proef", stdout=stil, verbosity=0)

    assert "3 van 3 regels (100%)" in out.getvalue()
    assert "Gelezen als UTF-8." in out.getvalue()
    assert stil.getvalue() == ""


def test_the_admin_upload_reads_a_windows_file(client, indicatoren, gebied, roles):
    redacteur = UserFactory()
    redacteur.groups.add(roles[REDACTEUR])
    TOTP.activate(redacteur, generate_totp_secret())
    client.force_login(redacteur)
    bestand = SimpleUploadedFile("cijfers.csv", csv(*ZUIDOOST).encode("cp1252"), "text/csv")

    pagina = client.post("/admin/monitor/import/", {"bestand": bestand}).content.decode()

    assert "Opgeslagen: 2 nieuwe en 0 bijgewerkte cijfers." in pagina
    assert Meting.objects.get(periode="2022").bron == "Enquête Zuidoost (één peiling)"


def test_bytes_in_no_known_encoding_are_refused_with_advice(indicatoren, gebied, tmp_path):
    bestand = tmp_path / "cijfers.csv"
    # 0x81 is undefined in Windows-1252 and, alone, invalid UTF-8.
    bestand.write_bytes(csv(*GOED).encode("ascii") + b"\x81")

    with pytest.raises(CommandError, match="geen tekst in UTF-8 of Windows-1252"):
        call_command("import_monitor", str(bestand))
