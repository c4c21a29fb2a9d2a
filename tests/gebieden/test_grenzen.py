"""Area boundaries from a GeoJSON file (DESIGN.md: `import_gebiedsgrenzen FILE.geojson
[--proef]`): features found by slug or by CBS wijk/buurt code, checked, merged per area; all or
nothing; a dry run writes nothing."""

import json
from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from gebieden.geo import bevat
from gebieden.models import Gebiedsgrens
from tests.factories import FocusgebiedPageFactory, UserFactory, vierkant
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

pytestmark = pytest.mark.django_db
# Small enough that neighbouring test squares do not overlap.
ZIJDE = 0.01


def feature(geometrie: dict, **eigenschappen) -> dict:
    return {"type": "Feature", "properties": eigenschappen, "geometry": geometrie}


def importeer(tmp_path, features: list, *opties: str) -> tuple[str, str, int]:
    pad = tmp_path / "grenzen.geojson"
    pad.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    out, err = StringIO(), StringIO()
    try:
        call_command("import_gebiedsgrenzen", str(pad), *opties, stdout=out, stderr=err)
        code = 0
    except CommandError as fout:
        code, _ = 1, err.write(str(fout))
    return out.getvalue(), err.getvalue(), code


@pytest.fixture
def gebieden(gebieden_index):
    return {
        "zaandam": FocusgebiedPageFactory(parent=gebieden_index, slug="zaandam-oost"),
        "overvecht": FocusgebiedPageFactory(
            parent=gebieden_index, slug="utrecht-overvecht", cbs_codes="BU03440101, BU03440102"
        ),
    }


def test_features_by_slug_and_by_cbs_code_become_each_areas_boundary(tmp_path, gebieden):
    out, err, code = importeer(
        tmp_path,
        [
            feature(vierkant(4.83, 52.43, ZIJDE), slug="zaandam-oost"),
            # Two buurten of one area (as the CBS Wijk- en Buurtkaart names them) are merged.
            feature(vierkant(5.10, 52.10, ZIJDE), buurtcode="BU03440101", gemeentecode="GM0344"),
            feature(vierkant(5.11, 52.10, ZIJDE), buurtcode="BU03440102", gemeentecode="GM0344"),
            # A buurt of no focus area is skipped, not an error.
            feature(vierkant(5.20, 52.10, ZIJDE), buurtcode="BU03449999"),
        ],
    )

    assert code == 0, err
    assert "Opgeslagen: 2 gebieden, 1 features bij geen gebied (overgeslagen)." in out
    assert "utrecht-overvecht: 2 vormen" in out
    zaandam = Gebiedsgrens.objects.get(focusgebied=gebieden["zaandam"])
    assert zaandam.bron == "grenzen.geojson" and not zaandam.is_benadering
    assert bevat(zaandam.geometrie, 4.835, 52.435)
    overvecht = Gebiedsgrens.objects.get(focusgebied=gebieden["overvecht"]).geometrie
    # Both buurten, and the seam between them, are inside; the skipped buurt is not.
    assert bevat(overvecht, 5.105, 52.105) and bevat(overvecht, 5.115, 52.105)
    assert bevat(overvecht, 5.11, 52.105)
    assert not bevat(overvecht, 5.205, 52.105)


def test_a_dry_run_reports_and_writes_nothing(tmp_path, gebieden):
    out, _, code = importeer(
        tmp_path, [feature(vierkant(4.83, 52.43, ZIJDE), slug="zaandam-oost")], "--proef"
    )

    assert code == 0
    assert "Proef, niets opgeslagen: 1 gebieden" in out
    assert not Gebiedsgrens.objects.exists()


def test_a_missing_buurt_is_pointed_out(tmp_path, gebieden):
    out, _, code = importeer(tmp_path, [feature(vierkant(5.10, 52.10, ZIJDE), code="BU03440101")])

    assert code == 0
    assert "LET OP" in out and "BU03440102 staat niet in het bestand" in out


@pytest.mark.parametrize(
    ("geometrie", "uitleg"),
    [
        # The CBS files' own metres (Rijksdriehoekstelsel) instead of WGS84.
        (vierkant(120_000, 487_000, 500), "Rijksdriehoekstelsel"),
        # Latitude first: lands in Somalia.
        (vierkant(52.43, 4.83, ZIJDE), "niet in Nederland"),
        (
            {"type": "Point", "coordinates": [4.83, 52.43]},
            "Polygon of MultiPolygon zijn, geen Point",
        ),
        ({"type": "Polygon", "coordinates": "kapot"}, "onleesbaar"),
    ],
)
def test_a_bad_shape_is_an_error_and_nothing_is_written(tmp_path, gebieden, geometrie, uitleg):
    _, err, code = importeer(
        tmp_path,
        [
            feature(vierkant(4.83, 52.43, ZIJDE), slug="zaandam-oost"),
            feature(geometrie, code="BU03440101"),
        ],
    )

    assert code == 1
    assert "FOUT Feature 2 (BU03440101" in err and uitleg in err
    assert "er is niets opgeslagen" in err
    assert not Gebiedsgrens.objects.exists()


def test_an_unknown_slug_and_a_broken_file_are_errors(tmp_path, gebieden):
    _, err, code = importeer(tmp_path, [feature(vierkant(4.83, 52.43, ZIJDE), slug="atlantis")])
    assert code == 1 and "geen focusgebied met slug 'atlantis'" in err

    pad = tmp_path / "kapot.geojson"
    pad.write_text('{"type": "FeatureCollection", "features": [')
    with pytest.raises(CommandError):
        call_command("import_gebiedsgrenzen", str(pad), stdout=StringIO(), stderr=StringIO())
    assert not Gebiedsgrens.objects.exists()


def test_a_reimport_replaces_the_boundary(tmp_path, gebieden):
    importeer(tmp_path, [feature(vierkant(4.83, 52.43, ZIJDE), slug="zaandam-oost")])
    importeer(tmp_path, [feature(vierkant(4.90, 52.43, ZIJDE), slug="zaandam-oost")])

    grens = Gebiedsgrens.objects.get()
    assert bevat(grens.geometrie, 4.905, 52.435) and not bevat(grens.geometrie, 4.835, 52.435)


def beheerder(roles, rol):
    gebruiker = UserFactory()
    gebruiker.groups.add(roles[rol])
    TOTP.activate(gebruiker, generate_totp_secret())
    return gebruiker


def test_a_final_editor_imports_in_the_admin_after_a_dry_run(client, gebieden, roles):
    client.force_login(beheerder(roles, EINDREDACTEUR))

    def upload(features: list, **extra) -> str:
        inhoud = json.dumps({"type": "FeatureCollection", "features": features}).encode()
        bestand = SimpleUploadedFile("buurten.geojson", inhoud, "application/geo+json")
        return client.post(
            "/admin/gebieden/grenzen/", {"bestand": bestand, **extra}
        ).content.decode()

    fout = upload([feature(vierkant(52.43, 4.83, ZIJDE), slug="zaandam-oost")], proef="on")
    assert "niet in Nederland" in fout and "er is niets opgeslagen" in fout
    goed = [feature(vierkant(4.83, 52.43, ZIJDE), slug="zaandam-oost")]
    proef = upload(goed, proef="on")
    assert "Proefimport zonder fouten" in proef and "zaandam-oost: 1 vorm" in proef
    assert not Gebiedsgrens.objects.exists()
    assert "Opgeslagen." in upload(goed)
    assert Gebiedsgrens.objects.get().bron == "buurten.geojson"


def test_an_editor_may_not_import_boundaries(client, gebieden, roles):
    client.force_login(beheerder(roles, REDACTEUR))

    response = client.get("/admin/gebieden/grenzen/")

    # Wagtail turns a refusal inside the admin into a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
