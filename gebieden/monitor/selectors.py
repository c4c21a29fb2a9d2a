"""Read paths of the monitor pages, each in a fixed number of queries however many periods or
areas there are, and the plain-language sentence that tells a trend."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.utils.safestring import SafeString

from gebieden.models import FocusgebiedPage, Kernindicator
from gebieden.monitor.grafiek import (
    KLEUR_GEBIED,
    KLEUR_GEMEENTE,
    KLEUR_NL,
    KLEUR_STREEF,
    Lijn,
    lijngrafiek,
    schaal,
    staafgrafiek,
)
from gebieden.monitor.models import Meting, Streefwaarde
from wijkwijzer.text import getal


def trendzin(indicator: Kernindicator, metingen: Sequence[Meting]) -> str:
    """E.g. "Sinds 2022 gedaald van 14 naar 11 procent. Dat is een verbetering." """
    if not metingen:
        return "Er zijn nog geen cijfers."
    laatste = metingen[-1]
    eenheid = laatste.eenheid
    if len(metingen) == 1:
        return f"Eén meting: {getal(laatste.waarde)} {eenheid} in {laatste.periode}."
    eerste = metingen[0]
    van, naar = getal(eerste.waarde), getal(laatste.waarde)
    if laatste.waarde == eerste.waarde:
        return f"Sinds {eerste.periode} gelijk gebleven: {naar} {eenheid}."
    gestegen = laatste.waarde > eerste.waarde
    richting = "gestegen" if gestegen else "gedaald"
    zin = f"Sinds {eerste.periode} {richting} van {van} naar {naar} {eenheid}."
    if indicator.hoger_is_beter is not None:
        beter = gestegen == indicator.hoger_is_beter
        zin += " Dat is een verbetering." if beter else " Dat is een verslechtering."
    return zin


def trend_kort(indicator: Kernindicator, metingen: Sequence[Meting]) -> str:
    """The trend in a few words, for the summary table: e.g. "Gedaald sinds 2022: beter"."""
    if not metingen:
        return "Nog geen cijfers"
    if len(metingen) == 1:
        return "Eén meting"
    eerste, laatste = metingen[0], metingen[-1]
    if laatste.waarde == eerste.waarde:
        return f"Gelijk gebleven sinds {eerste.periode}"
    gestegen = laatste.waarde > eerste.waarde
    kort = f"{'Gestegen' if gestegen else 'Gedaald'} sinds {eerste.periode}"
    if indicator.hoger_is_beter is not None:
        kort += ": beter" if gestegen == indicator.hoger_is_beter else ": slechter"
    return kort


@dataclass
class Reeks:
    """One indicator for one area: its figures in time order, target, trend and chart."""

    indicator: Kernindicator
    metingen: list[Meting]
    streefwaarde: Streefwaarde | None
    trend: str
    grafiek: SafeString | None
    voorbeelddata: bool
    heeft_gemeente: bool
    heeft_nederland: bool
    trend_kort: str = ""
    # Where the chart's value axis starts when that is not zero (the page says so).
    as_begin: float | None = None

    @property
    def laatste(self) -> Meting | None:
        return self.metingen[-1] if self.metingen else None


def _reeks(
    gebied: FocusgebiedPage,
    indicator: Kernindicator,
    metingen: Sequence[Meting],
    streef: Streefwaarde | None,
) -> Reeks:
    perioden = [m.periode for m in metingen]
    lijnen = [Lijn(gebied.title, [m.waarde for m in metingen], KLEUR_GEBIED)]
    heeft_gemeente = any(m.gemeente_waarde is not None for m in metingen)
    heeft_nederland = any(m.nederland_waarde is not None for m in metingen)
    if heeft_gemeente:
        lijnen.append(
            Lijn(gebied.gemeente, [m.gemeente_waarde for m in metingen], KLEUR_GEMEENTE, "8 4")
        )
    if heeft_nederland:
        lijnen.append(Lijn("Nederland", [m.nederland_waarde for m in metingen], KLEUR_NL, "2 4"))
    if streef is not None:
        lijnen.append(Lijn("Streefwaarde", [streef.waarde] * len(metingen), KLEUR_STREEF, "12 6"))
    trend = trendzin(indicator, metingen)
    grafiek, as_begin = None, None
    if metingen:
        begin = schaal([w for lijn in lijnen for w in lijn.waarden if w is not None]).begin
        as_begin = begin if begin != 0 else None
        uitleg = trend
        if streef is not None:
            uitleg += f" Streefwaarde: {getal(streef.waarde)} in {streef.jaar}."
        grafiek = lijngrafiek(
            sleutel=f"indicator-{indicator.nummer}",
            titel=f"{indicator.naam} in {gebied.title}",
            beschrijving=uitleg,
            perioden=perioden,
            lijnen=lijnen,
        )
    return Reeks(
        indicator=indicator,
        metingen=list(metingen),
        streefwaarde=streef,
        trend=trend,
        grafiek=grafiek,
        voorbeelddata=any(m.voorbeelddata for m in metingen),
        heeft_gemeente=heeft_gemeente,
        heeft_nederland=heeft_nederland,
        trend_kort=trend_kort(indicator, metingen),
        as_begin=as_begin,
    )


def gebied_monitor(gebied: FocusgebiedPage) -> dict[str, Any]:
    """Every indicator for `gebied`, grouped by actielijn, in three queries; `voorbeelddata`
    when any figure is a demo figure, `alle_voorbeelddata` when every one is (then the page
    says so once, otherwise each demo series is labelled too)."""
    indicatoren = list(Kernindicator.objects.select_related("actielijn").order_by("nummer"))
    per_indicator: dict[int, list[Meting]] = {}
    for meting in Meting.objects.filter(focusgebied=gebied).order_by("peildatum"):
        per_indicator.setdefault(meting.kernindicator_id, []).append(meting)
    streef = {s.kernindicator_id: s for s in Streefwaarde.objects.filter(focusgebied=gebied)}
    reeksen = [
        _reeks(gebied, indicator, per_indicator.get(indicator.pk, []), streef.get(indicator.pk))
        for indicator in indicatoren
    ]
    groepen = [
        {"actielijn": actielijn, "reeksen": list(items)}
        for actielijn, items in groupby(
            sorted(reeksen, key=lambda r: (r.indicator.actielijn.nummer, r.indicator.nummer)),
            key=lambda r: r.indicator.actielijn,
        )
    ]
    return {
        "groepen": groepen,
        "voorbeelddata": any(r.voorbeelddata for r in reeksen),
        "alle_voorbeelddata": all(r.voorbeelddata for r in reeksen if r.metingen),
        "heeft_cijfers": bool(per_indicator),
    }


def reeks_van(gebied: FocusgebiedPage, nummer: int) -> Reeks | None:
    indicator = Kernindicator.objects.filter(nummer=nummer).first()
    if indicator is None:
        return None
    metingen = list(
        Meting.objects.filter(focusgebied=gebied, kernindicator=indicator).order_by("peildatum")
    )
    streef = Streefwaarde.objects.filter(focusgebied=gebied, kernindicator=indicator).first()
    return _reeks(gebied, indicator, metingen, streef)


def laatste_cijfers(gebied: FocusgebiedPage) -> list[Meting]:
    """The latest figure of each indicator that has one, for the area page's section."""
    laatste: dict[int, Meting] = {}
    for meting in (
        Meting.objects.filter(focusgebied=gebied)
        .select_related("kernindicator")
        .order_by("kernindicator__nummer", "peildatum")
    ):
        laatste[meting.kernindicator_id] = meting
    return list(laatste.values())


def vergelijking(params: Mapping[str, str]) -> dict[str, Any]:
    """The areas side by side on one indicator in one period (both chosen in the URL; unknown
    values fall back to the first indicator and its latest period)."""
    indicatoren = list(Kernindicator.objects.order_by("nummer"))
    if not indicatoren:
        return {"indicatoren": [], "indicator": None}
    indicator = next(
        (i for i in indicatoren if str(i.nummer) == params.get("indicator")), indicatoren[0]
    )
    perioden = sorted(
        set(Meting.objects.filter(kernindicator=indicator).values_list("periode", flat=True)),
        reverse=True,
    )
    periode = params.get("periode") if params.get("periode") in perioden else None
    periode = periode or (perioden[0] if perioden else None)
    metingen = list(
        Meting.objects.filter(kernindicator=indicator, periode=periode).select_related(
            "focusgebied"
        )
    )
    # Best first when the indicator has a direction; otherwise highest first.
    metingen.sort(key=lambda m: m.waarde, reverse=indicator.hoger_is_beter is not False)
    gemeten = {m.focusgebied_id for m in metingen}
    zonder = [g for g in FocusgebiedPage.objects.live().order_by("title") if g.pk not in gemeten]
    grafiek = None
    if metingen:
        grafiek = staafgrafiek(
            sleutel="vergelijking",
            titel=f"{indicator.naam}, {periode}, per focusgebied",
            beschrijving=_vergelijking_uitleg(indicator, metingen),
            rijen=[(m.focusgebied.title, m.waarde) for m in metingen],
        )
    return {
        "indicatoren": indicatoren,
        "indicator": indicator,
        "perioden": perioden,
        "periode": periode,
        "metingen": metingen,
        "zonder_cijfer": zonder,
        "grafiek": grafiek,
        "voorbeelddata": any(m.voorbeelddata for m in metingen),
        "eenheid": metingen[0].eenheid if metingen else indicator.eenheid,
    }


def _vergelijking_uitleg(indicator: Kernindicator, metingen: list[Meting]) -> str:
    eerste, laatste = metingen[0], metingen[-1]
    eenheid = eerste.eenheid
    return (
        f"{len(metingen)} focusgebieden. Van {getal(eerste.waarde)} {eenheid} "
        f"({eerste.focusgebied.title}) tot {getal(laatste.waarde)} {eenheid} "
        f"({laatste.focusgebied.title})."
    )
