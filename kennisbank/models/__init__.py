"""The kennisbank's models, one module per part (issue 21): import them from here."""

from kennisbank.models.agenda import (
    Aanmelding,
    AgendaPage,
    EvenementPage,
    Evenementsoort,
)
from kennisbank.models.basis import (
    EMAIL_PATTERN,
    Bewijskracht,
    BewijskrachtPage,
    Doelgroep,
    KennisbankIndexPage,
    KennisbankSectiePage,
)
from kennisbank.models.leerkringen import (
    LEDEN_COLLECTIE,
    LedenDocumentBlock,
    LeerkringBijeenkomst,
    LeerkringIndexPage,
    LeerkringPage,
    Lidmaatschap,
)
from kennisbank.models.praktijkvoorbeelden import (
    KOSTEN_GRENZEN,
    SECTIES,
    Beoordelaar,
    Beoordeling,
    BronBlock,
    Kostenband,
    Kosteneenheid,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
    SynthesePage,
)
from kennisbank.models.publicaties import (
    PublicatieDocument,
    PublicatieIndexPage,
    PublicatiePage,
    Publicatiesoort,
)
from kennisbank.models.volgen import (
    Leeslijstitem,
    Volg,
    Volgaankondiging,
    Volgbericht,
    Volgsoort,
    Volgvoorkeur,
)
from kennisbank.models.vraagbaak import (
    Vraag,
    VraagbaakPage,
    VraagPage,
)

__all__ = [
    "EMAIL_PATTERN",
    "KOSTEN_GRENZEN",
    "LEDEN_COLLECTIE",
    "SECTIES",
    "Aanmelding",
    "AgendaPage",
    "Beoordelaar",
    "Beoordeling",
    "Bewijskracht",
    "BewijskrachtPage",
    "BronBlock",
    "Doelgroep",
    "EvenementPage",
    "Evenementsoort",
    "KennisbankIndexPage",
    "KennisbankSectiePage",
    "Kostenband",
    "Kosteneenheid",
    "LedenDocumentBlock",
    "LeerkringBijeenkomst",
    "LeerkringIndexPage",
    "LeerkringPage",
    "Leeslijstitem",
    "Lidmaatschap",
    "PraktijkvoorbeeldIndexPage",
    "PraktijkvoorbeeldPage",
    "PublicatieDocument",
    "PublicatieIndexPage",
    "PublicatiePage",
    "Publicatiesoort",
    "SynthesePage",
    "Volg",
    "Volgaankondiging",
    "Volgbericht",
    "Volgsoort",
    "Volgvoorkeur",
    "Vraag",
    "VraagPage",
    "VraagbaakPage",
]
