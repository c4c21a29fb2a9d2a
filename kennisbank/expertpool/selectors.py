"""Read paths of the Expertpool, each with a fixed number of queries."""

import statistics
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from gebieden.models import Thema
from kennisbank.expertpool.models import (
    AanvraagGebeurtenis,
    Beschikbaarheid,
    ExpertPage,
    ExpertpoolPage,
    Fase,
    Ondersteuningsaanvraag,
    Regio,
    Uitnodiging,
)
from wijkwijzer.models import User
from wijkwijzer.paginering import pagina

PER_PAGE = 12
S = Ondersteuningsaanvraag.Status
LOPEND = (S.GEMATCHT,)


def _profielen(queryset: QuerySet[ExpertPage]) -> QuerySet[ExpertPage]:
    # The photo's renditions in one query for the whole list; without them each photo looks
    # its rendition up on its own whenever the cache does not have it.
    return queryset.select_related("foto").prefetch_related(
        "foto__renditions", "themas", "fasen", "regios"
    )


def experts_lijst(index: ExpertpoolPage, params: QueryDict) -> dict[str, Any]:
    """Experts under `index` by name, filtered by the repeatable parameters `thema`, `fase`,
    `regio` and `beschikbaarheid` (any value within a filter, all filters together). An expert
    who works nationwide matches every region."""
    themas, fasen, regios = (
        list(Thema.objects.all()),
        list(Fase.objects.all()),
        list(Regio.objects.all()),
    )
    getlist = params.getlist
    chosen = {
        "thema": [t.slug for t in themas if t.slug in getlist("thema")],
        "fase": [f.slug for f in fasen if f.slug in getlist("fase")],
        "regio": [r.slug for r in regios if r.slug in getlist("regio")],
        "beschikbaarheid": [b for b in Beschikbaarheid.values if b in getlist("beschikbaarheid")],
    }
    experts = ExpertPage.objects.child_of(index).live()
    if chosen["thema"]:
        experts = experts.filter(
            pk__in=ExpertPage.objects.filter(themas__slug__in=chosen["thema"]).values("pk")
        )
    if chosen["fase"]:
        experts = experts.filter(
            pk__in=ExpertPage.objects.filter(fasen__slug__in=chosen["fase"]).values("pk")
        )
    if chosen["regio"]:
        experts = experts.filter(
            pk__in=ExpertPage.objects.filter(
                Q(regios__slug__in=chosen["regio"]) | Q(regios__landelijk=True)
            ).values("pk")
        )
    if chosen["beschikbaarheid"]:
        experts = experts.filter(beschikbaarheid__in=chosen["beschikbaarheid"])
    paginator = Paginator(_profielen(experts.order_by("title")), PER_PAGE)
    query = QueryDict(mutable=True)
    for key, values in chosen.items():
        query.setlist(key, values)
    return {
        "experts": pagina(paginator, params.get("page")),
        "aantal": paginator.count,
        "gekozen": chosen,
        "gefilterd": any(chosen.values()),
        "filter_query": query.urlencode(),
        "opties": {
            "thema": [(t.slug, t.label) for t in themas],
            "fase": [(f.slug, f.naam) for f in fasen],
            "regio": [(r.slug, r.naam) for r in regios],
            "beschikbaarheid": list(Beschikbaarheid.choices),
        },
    }


def expert_detail(expert: ExpertPage) -> dict[str, Any]:
    return {
        "themas": list(expert.themas.all()),
        "fasen": list(expert.fasen.all()),
        "regios": list(expert.regios.all()),
        "voorbeelden": list(expert.praktijkvoorbeelden.live().order_by("-publicatiedatum")),
        "uitkomsten": list(
            expert.opdrachten.filter(status=S.AFGEROND, uitkomst_openbaar=True)
            .select_related("focusgebied")
            .order_by("-afgerond_op")
        ),
    }


@dataclass
class Voorstel:
    expert: ExpertPage
    score: int
    redenen: list[str] = field(default_factory=list)


def voorgestelde_experts(aanvraag: Ondersteuningsaanvraag, limit: int = 5) -> list[Voorstel]:
    """Experts ranked by fit for `aanvraag`, with the reasons: shared themes (3 points each),
    the requested phase (2), the area's province or nationwide (1), availability (2, or 1 when
    limited) and minus 1 per running assignment. Only live experts with an account (so they
    can be invited) who are not unavailable and were not invited for this request before."""
    themas = {t.pk: t.label for t in aanvraag.themas.all()}
    provincie = aanvraag.focusgebied.provincie if aanvraag.focusgebied else None
    eerder = aanvraag.uitnodigingen.values("expert_id")
    kandidaten = (
        _profielen(ExpertPage.objects.live())
        .filter(gebruiker__isnull=False)
        .exclude(beschikbaarheid=Beschikbaarheid.NIET)
        .exclude(pk__in=eerder)
        .annotate(lopend=Count("opdrachten", filter=Q(opdrachten__status__in=LOPEND)))
    )
    voorstellen = []
    for expert in kandidaten:
        voorstel = Voorstel(expert, 0)
        gedeeld = [themas[t.pk] for t in expert.themas.all() if t.pk in themas]
        if gedeeld:
            voorstel.score += 3 * len(gedeeld)
            voorstel.redenen.append(_("Expertise: %(themas)s") % {"themas": ", ".join(gedeeld)})
        if any(f.pk == aanvraag.fase_id for f in expert.fasen.all()):
            voorstel.score += 2
            voorstel.redenen.append(
                _("Ondersteunt de fase %(fase)s") % {"fase": aanvraag.fase.naam.lower()}
            )
        regios = list(expert.regios.all())
        if any(r.landelijk for r in regios):
            voorstel.score += 1
            voorstel.redenen.append(_("Werkt landelijk"))
        elif aanvraag.focusgebied and any(r.slug == provincie for r in regios):
            voorstel.score += 1
            voorstel.redenen.append(
                _("Werkt in %(provincie)s")
                % {"provincie": aanvraag.focusgebied.get_provincie_display()}
            )
        if expert.beschikbaarheid == Beschikbaarheid.BESCHIKBAAR:
            voorstel.score += 2
            voorstel.redenen.append(_("Beschikbaar"))
        else:
            voorstel.score += 1
            voorstel.redenen.append(_("Beperkt beschikbaar"))
        if expert.lopend:
            voorstel.score -= expert.lopend
            voorstel.redenen.append(
                _("%(aantal)d lopende opdracht(en)") % {"aantal": expert.lopend}
            )
        voorstellen.append(voorstel)
    voorstellen.sort(key=lambda v: (-v.score, v.expert.title))
    return voorstellen[:limit]


def _aanvragen(
    queryset: QuerySet[Ondersteuningsaanvraag],
) -> QuerySet[Ondersteuningsaanvraag]:
    return queryset.select_related("focusgebied", "fase", "expert").prefetch_related("themas")


def mijn_aanvragen(user: User) -> list[Ondersteuningsaanvraag]:
    """The requests `user` made: the list on their own page."""
    return list(_aanvragen(Ondersteuningsaanvraag.objects.filter(aanvrager=user)))


def aanvraag_met_tijdlijn(pk: int) -> Ondersteuningsaanvraag | None:
    """A request with its timeline, or None. Who may read it is the view's question
    (`expertpool.bekijken_aanvraag`)."""
    return (
        _aanvragen(Ondersteuningsaanvraag.objects.filter(pk=pk))
        .prefetch_related(
            Prefetch("gebeurtenissen", AanvraagGebeurtenis.objects.select_related("wie"))
        )
        .first()
    )


def mijn_uitnodigingen(user: User) -> list[Uitnodiging]:
    """The invitations of the expert whose account `user` is; empty for everyone else."""
    return list(
        Uitnodiging.objects.filter(expert__gebruiker=user)
        .select_related("aanvraag__focusgebied", "aanvraag__fase")
        .prefetch_related("aanvraag__themas")
    )


def uitnodiging_met_aanvraag(pk: int) -> Uitnodiging | None:
    """An invitation with its expert and request, or None. Who may answer it is the view's
    question (`expertpool.beantwoorden_uitnodiging`)."""
    return Uitnodiging.objects.select_related("expert", "aanvraag").filter(pk=pk).first()


def cijfers() -> dict[str, Any]:
    """The coordinator's figures: requests per area and per theme, and the median number of
    days from submission to a match."""
    per_gebied = (
        Ondersteuningsaanvraag.objects.values("focusgebied__title", "gemeente")
        .annotate(aantal=Count("pk"))
        .order_by("-aantal", "focusgebied__title", "gemeente")
    )
    per_thema = (
        Thema.objects.annotate(aantal=Count("ondersteuningsaanvragen"))
        .filter(aantal__gt=0)
        .order_by("-aantal", "label")
    )
    matches = Ondersteuningsaanvraag.objects.filter(gematcht_op__isnull=False).values_list(
        "ingediend_op", "gematcht_op"
    )
    dagen = [(match - start).total_seconds() / 86400 for start, match in matches if match]
    return {
        "per_gebied": [
            (row["focusgebied__title"] or row["gemeente"] or _("Onbekend"), row["aantal"])
            for row in per_gebied
        ],
        "per_thema": [(thema.label, thema.aantal) for thema in per_thema],
        "mediaan_dagen": round(statistics.median(dagen), 1) if dagen else None,
        "aantal_matches": len(dagen),
        "totaal": Ondersteuningsaanvraag.objects.count(),
    }
