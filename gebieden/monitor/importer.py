"""Import of figures from CSV, for the management command and the admin upload alike.

Columns (header row, comma or semicolon separated, names in any order): indicator (number
1-15), gebied (area slug, or the CBS code of the wijk or buurt the area is), periode (2023,
2023-Q2 or 2023-06), waarde, eenheid, bron, and optionally gemeente and nederland (reference
values). Numbers may use a decimal comma. The file may be UTF-8 (with or without the byte
order mark Excel writes), or Windows-1252, which Excel on Windows writes for "CSV
(gescheiden door lijstscheidingsteken)"; `decodeer` tells them apart.

Every row is checked before anything is written; a real import is all-or-nothing, and a
figure that already exists for the indicator, area and period is replaced."""

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gebieden.models import FocusgebiedPage, Kernindicator
from gebieden.monitor.models import Meting, peildatum

VERPLICHT = ["indicator", "gebied", "periode", "waarde", "eenheid", "bron"]
OPTIONEEL = ["gemeente", "nederland"]
MAX_WAARDE = Decimal("9999999999.99")


@dataclass
class Uitslag:
    metingen: list[Meting] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    nieuw: int = 0
    bijgewerkt: int = 0
    geschreven: bool = False


class Onleesbaar(ValueError):
    """The file is in no encoding the import knows; the message says what to do, in Dutch."""


# Names for the user of the encodings decodeer recognises.
CODERINGEN = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16 (Unicode)", "cp1252": "Windows-1252"}


def decodeer(data: bytes) -> tuple[str, str]:
    """The text of an uploaded or given file and the name of its encoding. UTF-8 is tried
    first: text in Windows-1252 with any letter beyond ASCII (é, ë) is almost never valid
    UTF-8, while every UTF-8 file would also "decode" as Windows-1252, wrongly."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        coderingen = ["utf-16"]
    else:
        coderingen = ["utf-8-sig", "cp1252"]
    for codering in coderingen:
        try:
            return data.decode(codering), CODERINGEN[codering]
        except UnicodeDecodeError:
            continue
    raise Onleesbaar(
        _(
            "Dit bestand is geen tekst in UTF-8 of Windows-1252. Sla het in Excel op als "
            "'CSV UTF-8 (door komma's gescheiden)'."
        )
    )


def _getal(tekst: str) -> Decimal:
    tekst = tekst.strip().replace(" ", "")
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")
    waarde = Decimal(tekst)
    if not waarde.is_finite() or abs(waarde) > MAX_WAARDE:
        raise InvalidOperation(tekst)
    return waarde.quantize(Decimal("0.01"))


Voortgang = Callable[[int, int], None]


def lees(tekst: str, *, voorbeelddata: bool = False, voortgang: Voortgang | None = None) -> Uitslag:
    """Parse and check every row; writes nothing. `voortgang` is called with (rows read,
    rows) as the rows are checked."""
    uitslag = Uitslag()
    if not tekst.strip():
        uitslag.fouten.append("Het bestand is leeg.")
        return uitslag
    if "\x00" in tekst:
        # PostgreSQL cannot store it, and no spreadsheet writes it into a CSV file.
        uitslag.fouten.append("Het bestand is geen leesbare CSV (het bevat NUL-tekens).")
        return uitslag
    regels = tekst.splitlines()
    kopregel = regels[0]
    scheiding = max(";,", key=kopregel.count)
    if scheiding not in kopregel:
        uitslag.fouten.append(
            "Dit bestand is gescheiden met tabs. Sla het op als CSV met puntkomma's of komma's "
            "(in Excel: 'CSV (gescheiden door lijstscheidingsteken)')."
            if "\t" in kopregel
            else "De kopregel heeft maar één kolom. Scheid de kolommen met puntkomma's (;) of "
            f"komma's (,); nodig zijn: {', '.join(VERPLICHT)}."
        )
        return uitslag
    try:
        _lees_regels(
            csv.DictReader(io.StringIO(tekst), delimiter=scheiding),
            uitslag,
            voorbeelddata,
            voortgang,
            # Rows as lines; a quoted value over several lines only makes the total high.
            max(len(regels) - 1, 1),
        )
    except csv.Error as fout:
        uitslag.metingen = []
        uitslag.fouten.append(f"Het bestand is geen leesbare CSV ({fout}).")
    if not uitslag.metingen and not uitslag.fouten:
        uitslag.fouten.append("Het bestand heeft geen regels met cijfers.")
    _tel_bestaande(uitslag)
    return uitslag


def _lees_regels(
    reader: csv.DictReader,
    uitslag: Uitslag,
    voorbeelddata: bool,
    voortgang: Voortgang | None,
    rijen: int,
) -> None:
    kolommen = [naam.strip().lower() for naam in reader.fieldnames or []]
    reader.fieldnames = kolommen
    if ontbrekend := [naam for naam in VERPLICHT if naam not in kolommen]:
        uitslag.fouten.append(f"Kolommen ontbreken: {', '.join(ontbrekend)}.")
        return
    indicatoren = {str(k.nummer): k for k in Kernindicator.objects.all()}
    alle = list(FocusgebiedPage.objects.all())
    gebieden = {g.slug: g for g in alle}
    # A figure keyed by CBS code belongs to the area that code is, whole; a code that is one
    # part of an area (one of its buurten) has a figure for that part only.
    deel_van = {code: g for g in alle for code in g.cbs_code_lijst}
    gebieden.update({code: g for code, g in deel_van.items() if g.cbs_code_lijst == {code}})
    gezien: dict[tuple, int] = {}
    for regel, rij in enumerate(reader, start=2):
        if voortgang:
            voortgang(regel - 1, rijen)
        fouten = []
        waarden = {naam: (rij.get(naam) or "").strip() for naam in VERPLICHT + OPTIONEEL}
        indicator = indicatoren.get(waarden["indicator"])
        gebied = gebieden.get(waarden["gebied"])
        if indicator is None:
            fouten.append(f"onbekende indicator '{waarden['indicator']}' (kies 1 tot 15)")
        if gebied is None and (geheel := deel_van.get(waarden["gebied"])):
            fouten.append(
                f"{waarden['gebied']} is maar een deel van {geheel.title}; een cijfer moet voor "
                f"het hele gebied gelden (gebruik dan '{geheel.slug}')"
            )
        elif gebied is None:
            fouten.append(f"onbekend gebied '{waarden['gebied']}'")
        try:
            datum = peildatum(waarden["periode"])
        except ValueError:
            fouten.append(
                f"periode '{waarden['periode']}' klopt niet (schrijf 2023, 2023-Q2 of 2023-06)"
            )
            datum = None
        getallen = {}
        for naam in ("waarde", "gemeente", "nederland"):
            if not waarden[naam] and naam != "waarde":
                getallen[naam] = None
                continue
            try:
                getallen[naam] = _getal(waarden[naam])
            except InvalidOperation:
                fouten.append(f"'{waarden[naam]}' in kolom {naam} is geen getal")
        for naam in ("eenheid", "bron"):
            if not waarden[naam]:
                fouten.append(f"kolom {naam} is leeg")
            elif len(waarden[naam]) > (lengte := Meting._meta.get_field(naam).max_length):
                fouten.append(f"kolom {naam} is langer dan {lengte} tekens")
        sleutel = (
            waarden["indicator"],
            gebied.pk if gebied else waarden["gebied"],
            waarden["periode"],
        )
        if sleutel in gezien:
            fouten.append(
                "dubbele periode: dezelfde indicator, gebied en periode staan op regel "
                f"{gezien[sleutel]}"
            )
        gezien.setdefault(sleutel, regel)
        if fouten:
            uitslag.fouten.extend(f"Regel {regel}: {fout}." for fout in fouten)
            continue
        uitslag.metingen.append(
            Meting(
                kernindicator=indicator,
                focusgebied=gebied,
                periode=waarden["periode"],
                peildatum=datum,
                waarde=getallen["waarde"],
                eenheid=waarden["eenheid"],
                bron=waarden["bron"],
                gemeente_waarde=getallen["gemeente"],
                nederland_waarde=getallen["nederland"],
                voorbeelddata=voorbeelddata,
            )
        )


def _bestaande(metingen: list[Meting]) -> dict[tuple, Meting]:
    gebieden = {m.focusgebied_id for m in metingen}
    return {
        (m.kernindicator_id, m.focusgebied_id, m.periode): m
        for m in Meting.objects.filter(focusgebied_id__in=gebieden)
    }


def _tel_bestaande(uitslag: Uitslag) -> None:
    bestaand = _bestaande(uitslag.metingen)
    uitslag.bijgewerkt = sum(
        (m.kernindicator_id, m.focusgebied_id, m.periode) in bestaand for m in uitslag.metingen
    )
    uitslag.nieuw = len(uitslag.metingen) - uitslag.bijgewerkt


VELDEN = [
    "waarde",
    "eenheid",
    "bron",
    "gemeente_waarde",
    "nederland_waarde",
    "voorbeelddata",
    "geimporteerd_op",
]


def importeren(
    tekst: str,
    *,
    proef: bool = False,
    voorbeelddata: bool = False,
    voortgang: Voortgang | None = None,
) -> Uitslag:
    """Check `tekst`; unless it is a dry run or any row has an error, write every figure in
    one transaction."""
    uitslag = lees(tekst, voorbeelddata=voorbeelddata, voortgang=voortgang)
    if proef or uitslag.fouten:
        return uitslag
    now = timezone.now()
    with transaction.atomic():
        bestaand = _bestaande(uitslag.metingen)
        nieuw, gewijzigd = [], []
        for meting in uitslag.metingen:
            meting.geimporteerd_op = now
            oud = bestaand.get((meting.kernindicator_id, meting.focusgebied_id, meting.periode))
            if oud is None:
                nieuw.append(meting)
                continue
            for veld in VELDEN:
                setattr(oud, veld, getattr(meting, veld))
            gewijzigd.append(oud)
        Meting.objects.bulk_create(nieuw, batch_size=500)
        Meting.objects.bulk_update(gewijzigd, VELDEN, batch_size=500)
    uitslag.geschreven = True
    return uitslag
