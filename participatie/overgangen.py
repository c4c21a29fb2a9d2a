"""The statuses of the participation and the moves allowed between them: one table per state
machine, read by the services that make a move and by the forms that offer only the allowed
ones. The models take their choices from here, so this module imports nothing of the app and
every other part of it can import this one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Zichtbaarheid(models.TextChoices):
    """Whether a contribution or reply is online; confirmation and moderation (services) move it."""

    WACHT_OP_BEVESTIGING = "bevestiging", _("Wacht op bevestiging van het e-mailadres")
    WACHT_OP_MODERATIE = "moderatie", _("Wacht op goedkeuring")
    ZICHTBAAR = "zichtbaar", _("Zichtbaar")
    VERBORGEN = "verborgen", _("Verborgen door de moderator")


class Inbrengstatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    VERWERKT = "verwerkt", _("Verwerkt in plan")
    NIET_OVERGENOMEN = "niet_overgenomen", _("Niet overgenomen")
    DOORGESTUURD = "doorgestuurd", _("Doorgestuurd")


# A contribution is closed in these statuses; reaching one needs a public answer.
AFGESLOTEN = {Inbrengstatus.VERWERKT, Inbrengstatus.NIET_OVERGENOMEN, Inbrengstatus.DOORGESTUURD}

S = Inbrengstatus
# Every allowed status change: from received or in progress to any next step, and a closed
# contribution may be reopened. Closing needs an answer (see services.status_wijzigen).
OVERGANGEN: set[tuple[str, str]] = {
    *((S.ONTVANGEN, naar) for naar in (S.IN_BEHANDELING, *AFGESLOTEN)),
    *((S.IN_BEHANDELING, naar) for naar in AFGESLOTEN),
    *((van, S.IN_BEHANDELING) for van in AFGESLOTEN),
}


class Publicatie(models.TextChoices):
    CONCEPT = "concept", _("Vastgehouden, nog niet openbaar")
    GEPUBLICEERD = "gepubliceerd", _("Openbaar")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


# Every allowed change of an update's publication: a held-back update is published or
# withdrawn; both are final.
PUBLICATIE_OVERGANGEN = {
    (Publicatie.CONCEPT, Publicatie.GEPUBLICEERD),
    (Publicatie.CONCEPT, Publicatie.INGETROKKEN),
}


class Resultaatstatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    GEREED = "gereed", _("Gereed")
    VERVALLEN = "vervallen", _("Vervallen")


# Results (uitvoering). Every allowed status change of a result; "vervallen" needs a reason
# (checked in the editor's form) and a dropped result can be planned again.
R = Resultaatstatus
RESULTAAT_OVERGANGEN: set[tuple[str, str]] = {
    (R.GEPLAND, R.IN_UITVOERING),
    (R.GEPLAND, R.VERVALLEN),
    (R.IN_UITVOERING, R.GEREED),
    (R.IN_UITVOERING, R.VERVALLEN),
    (R.VERVALLEN, R.GEPLAND),
}
