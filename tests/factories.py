"""factory_boy factories for every app's models. Page factories add the page under its parent
in the tree, as an editor would."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from gebieden.models import (
    AlliantieLid,
    AlliantieoverlegPage,
    AlliantieRol,
    FocusgebiedPage,
    GebiedenIndexPage,
    Gebiedsgrens,
    Provincie,
    Thema,
)
from gebieden.services import add_alliantie_medewerker
from kennisbank.expertpool.models import (
    ExpertPage,
    ExpertpoolPage,
    Fase,
    Ondersteuningsaanvraag,
    Regio,
)
from kennisbank.inzendingen.models import Inzending, Organisatie, Organisatielid
from kennisbank.models import (
    AgendaPage,
    Beoordeling,
    Bewijskracht,
    BewijskrachtPage,
    Doelgroep,
    EvenementPage,
    KennisbankIndexPage,
    LeerkringIndexPage,
    LeerkringPage,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
    PublicatieIndexPage,
    PublicatiePage,
    SynthesePage,
    Vraag,
    VraagbaakPage,
    VraagPage,
)
from participatie.models import (
    Fasesoort,
    Inbreng,
    Inbrengsoort,
    ParticipatieprocesPage,
    ProcesFase,
    Reactie,
    ResultaatPage,
    Steun,
    Zichtbaarheid,
)
from wijkwijzer.models import User
from wijkwijzer.services import ensure_home_page


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.nl")
    display_name = factory.Sequence(lambda n: f"Buurtgenoot {n}")
    password = factory.django.Password("geheim-wachtwoord-123")

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        """A verified primary address, as after sign-up; pass verified_email=False to skip."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class PageFactory(factory.django.DjangoModelFactory):
    """Base for Wagtail pages: `parent` is the page to add under."""

    class Meta:
        abstract = True

    live = True

    @classmethod
    def _create(cls, model_class, parent: Page | None = None, **kwargs):
        return parent.add_child(instance=model_class(**kwargs))

    @classmethod
    def _build(cls, model_class, parent: Page | None = None, **kwargs):
        return model_class(**kwargs)


def parental_m2m(name: str, slugs_of: type | None = None) -> factory.PostGeneration:
    """Set a ParentalManyToManyField from a list passed to the factory (of objects, or of slugs
    of `slugs_of`); such relations live in memory until the page is saved, so save it."""

    def setter(page, create, extracted, **kwargs):
        if create and extracted:
            values = slugs_of.objects.filter(slug__in=extracted) if slugs_of else extracted
            getattr(page, name).set(values)
            page.save()

    return factory.PostGeneration(setter)


def first_or_create(factory_class: type[factory.Factory]):
    """The existing page of a one-per-site type (an index page), or a new one."""
    return factory_class._meta.model.objects.first() or factory_class()


class GebiedenIndexPageFactory(PageFactory):
    class Meta:
        model = GebiedenIndexPage

    title = "Focusgebieden"
    slug = "gebieden"
    show_in_menus = True
    parent = factory.LazyFunction(ensure_home_page)


class FocusgebiedPageFactory(PageFactory):
    class Meta:
        model = FocusgebiedPage

    title = factory.Sequence(lambda n: f"Testwijk {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    gemeente = factory.Sequence(lambda n: f"Gemeente {n}")
    provincie = Provincie.ZUID_HOLLAND
    samenvatting = "Een wijk waar bewoners en alliantie samenwerken."
    parent = factory.LazyFunction(lambda: first_or_create(GebiedenIndexPageFactory))


def vierkant(lengte: float = 4.83, breedte: float = 52.43, zijde: float = 0.02) -> dict:
    """A square GeoJSON polygon from its south-west corner (by default in Zaandam)."""
    hoeken = [(0, 0), (zijde, 0), (zijde, zijde), (0, zijde), (0, 0)]
    return {"type": "Polygon", "coordinates": [[[lengte + x, breedte + y] for x, y in hoeken]]}


class GebiedsgrensFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebiedsgrens

    focusgebied = factory.SubFactory(FocusgebiedPageFactory)
    geometrie = factory.LazyFunction(vierkant)
    bron = "test"


def teamlid(gebied: FocusgebiedPage) -> User:
    """A member of the area's alliance team, who answers its residents."""
    lid = UserFactory(display_name=f"Team {gebied.title}")
    add_alliantie_medewerker(user=lid, gebied=gebied)
    return lid


class AlliantieLidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlliantieLid

    focusgebied = factory.SubFactory(FocusgebiedPageFactory)
    rol = AlliantieRol.WETHOUDER
    naam = factory.Sequence(lambda n: f"Lid {n}")
    organisatie = "Gemeente"


class AlliantieoverlegPageFactory(PageFactory):
    class Meta:
        model = AlliantieoverlegPage

    title = factory.Sequence(lambda n: f"Alliantieoverleg {n}")
    slug = factory.Sequence(lambda n: f"overleg-{n}")
    datum = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    agenda = "<p>Voortgang van het plan</p>"
    parent = factory.SubFactory(FocusgebiedPageFactory)


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("slug",)

    label = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda thema: slugify(thema.label))


class DoelgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doelgroep
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.LazyAttribute(lambda doelgroep: slugify(doelgroep.naam))


class BewijskrachtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bewijskracht
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Niveau {n}")
    slug = factory.LazyAttribute(lambda niveau: slugify(niveau.naam))
    volgorde = factory.Sequence(lambda n: n + 1)
    uitleg = "Wat dit niveau betekent."


class KennisbankIndexPageFactory(PageFactory):
    class Meta:
        model = KennisbankIndexPage

    title = "Kennisbank"
    slug = "kennisbank"
    show_in_menus = True
    parent = factory.LazyFunction(ensure_home_page)


class BewijskrachtPageFactory(PageFactory):
    class Meta:
        model = BewijskrachtPage

    title = "Bewijskracht"
    slug = "bewijskracht"
    parent = factory.LazyFunction(lambda: first_or_create(KennisbankIndexPageFactory))


class PublicatieIndexPageFactory(PageFactory):
    class Meta:
        model = PublicatieIndexPage

    title = "Publicaties"
    slug = "publicaties"
    parent = factory.LazyFunction(lambda: first_or_create(KennisbankIndexPageFactory))


class PublicatiePageFactory(PageFactory):
    class Meta:
        model = PublicatiePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publicatie {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    soort = "handreiking"
    samenvatting = "Een handreiking voor de wijkaanpak."
    publicatiedatum = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
    )
    parent = factory.LazyFunction(lambda: first_or_create(PublicatieIndexPageFactory))
    themas = parental_m2m("themas")


class AgendaPageFactory(PageFactory):
    class Meta:
        model = AgendaPage

    title = "Agenda"
    slug = "agenda"
    parent = factory.LazyFunction(lambda: first_or_create(KennisbankIndexPageFactory))


class EvenementPageFactory(PageFactory):
    class Meta:
        model = EvenementPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kenniskamer {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    soort = "kenniskamer"
    begin = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    einde = factory.LazyAttribute(lambda page: page.begin + datetime.timedelta(hours=2))
    locatie = "Wijkcentrum De Brug"
    capaciteit = 2
    samenvatting = "Professionals wisselen ervaringen uit."
    parent = factory.LazyFunction(lambda: first_or_create(AgendaPageFactory))
    themas = parental_m2m("themas")


class LeerkringIndexPageFactory(PageFactory):
    class Meta:
        model = LeerkringIndexPage

    title = "Leerkringen"
    slug = "leerkringen"
    parent = factory.LazyFunction(lambda: first_or_create(KennisbankIndexPageFactory))


class LeerkringPageFactory(PageFactory):
    class Meta:
        model = LeerkringPage

    title = factory.Sequence(lambda n: f"Leerkring {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    samenvatting = "Samen leren over bewonersparticipatie."
    doel = "<p>Ervaringen delen.</p>"
    facilitator = "Kennisinstituut"
    ledeninformatie = "<p>Geheime vergaderlink: https://meet.example/kring</p>"
    parent = factory.LazyFunction(lambda: first_or_create(LeerkringIndexPageFactory))


class PraktijkvoorbeeldIndexPageFactory(PageFactory):
    class Meta:
        model = PraktijkvoorbeeldIndexPage

    title = "Praktijkvoorbeelden"
    slug = "praktijkvoorbeelden"
    parent = factory.LazyFunction(lambda: first_or_create(KennisbankIndexPageFactory))


class PraktijkvoorbeeldPageFactory(PageFactory):
    class Meta:
        model = PraktijkvoorbeeldPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    samenvatting = "Een aanpak die bewoners en professionals samen uitvoeren."
    aanpak = "<p>Zo pakten we het aan.</p>"
    publicatiedatum = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
    )
    parent = factory.LazyFunction(lambda: first_or_create(PraktijkvoorbeeldIndexPageFactory))

    themas = parental_m2m("themas")
    actielijnen = parental_m2m("actielijnen")
    doelgroepen = parental_m2m("doelgroepen")

    @factory.post_generation
    def bewijskracht(page, create, extracted, geldig_tot=None, **kwargs):
        """`bewijskracht=<level>` gives the example one assessment of that level by the
        editorial panel (valid three years, or until `bewijskracht__geldig_tot`)."""
        if create and extracted:
            page.beoordelingen = [
                Beoordeling(
                    niveau=extracted,
                    beoordelaar="redactiepanel",
                    datum=page.publicatiedatum,
                    geldig_tot=geldig_tot
                    or page.publicatiedatum + datetime.timedelta(days=3 * 365),
                    onderbouwing="Beoordeeld door het redactiepanel.",
                )
            ]
            page.save()


class VraagbaakPageFactory(PageFactory):
    class Meta:
        model = VraagbaakPage

    title = "Vraagbaak"
    slug = "vraagbaak"
    parent = factory.LazyFunction(lambda: first_or_create(KennisbankIndexPageFactory))


class VraagPageFactory(PageFactory):
    class Meta:
        model = VraagPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Hoe betrek je jongeren bij plan {n}?")
    slug = factory.Sequence(lambda n: f"vraag-{n}")
    samenvatting = "In onze wijk doen jongeren weinig mee aan bijeenkomsten."
    antwoord = "<p>Ga naar de plekken waar jongeren al zijn.</p>"
    publicatiedatum = factory.Sequence(
        lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
    )
    parent = factory.LazyFunction(lambda: first_or_create(VraagbaakPageFactory))
    themas = parental_m2m("themas")


class VraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vraag

    vrager = factory.SubFactory(UserFactory)
    vraag = factory.Sequence(lambda n: f"Hoe organiseer je een buurtgesprek over plan {n}?")
    toelichting = "Ik werk als wijkregisseur in Overvecht; de opkomst is laag."
    thema = factory.SubFactory(ThemaFactory)


class ExpertpoolPageFactory(PageFactory):
    class Meta:
        model = ExpertpoolPage

    title = "Expertpool"
    slug = "expertpool"
    parent = factory.LazyFunction(ensure_home_page)


class ExpertPageFactory(PageFactory):
    """An expert with an account (so they can be invited). Phases and regions are given as
    slugs: fasen=["ontwerp"], regios=["utrecht"]."""

    class Meta:
        model = ExpertPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Expert {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    functie = "Adviseur wijkaanpak"
    biografie = "<p>Ervaren in de wijkaanpak.</p>"
    ervaring = "lokaal"
    beschikbaarheid = "beschikbaar"
    gebruiker = factory.SubFactory(UserFactory)
    parent = factory.LazyFunction(lambda: first_or_create(ExpertpoolPageFactory))
    themas = parental_m2m("themas")
    fasen = parental_m2m("fasen", slugs_of=Fase)
    regios = parental_m2m("regios", slugs_of=Regio)


class OndersteuningsaanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ondersteuningsaanvraag
        skip_postgeneration_save = True

    aanvrager = factory.SubFactory(UserFactory)
    organisatie = "Gemeente Utrecht"
    gemeente = "Utrecht"
    vraag = "Hoe versterken we de samenwerking tussen corporaties en zorg?"
    fase = factory.LazyFunction(lambda: Fase.objects.get(slug="ontwerp"))
    urgentie = "normaal"
    periode = "voorjaar 2027"

    @factory.post_generation
    def themas(aanvraag, create, extracted, **kwargs):
        if create and extracted:
            aanvraag.themas.set(extracted)


class ParticipatieprocesPageFactory(PageFactory):
    """A process open for input today: one "inbreng" phase from a week ago to a month ahead.
    Pass fasen=[(soort, days from today to begin, days to end), ...] for other phases."""

    class Meta:
        model = ParticipatieprocesPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Plan voor het plein {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    samenvatting = "Het plein wordt opnieuw ingericht. Wat vind je belangrijk?"
    contact_naam = "Programmabureau Testwijk"
    parent = factory.SubFactory(FocusgebiedPageFactory)

    @factory.post_generation
    def fasen(page, create, extracted, **kwargs):
        if not create:
            return
        today = timezone.localdate()
        for soort, begin, eind in extracted or [(Fasesoort.INBRENG, -7, 30)]:
            ProcesFase.objects.create(
                proces=page,
                soort=soort,
                begin=today + datetime.timedelta(days=begin),
                eind=today + datetime.timedelta(days=eind),
            )


class InbrengFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inbreng

    proces = factory.SubFactory(ParticipatieprocesPageFactory)
    focusgebied = factory.LazyAttribute(lambda inbreng: inbreng.proces.get_parent().specific)
    soort = Inbrengsoort.IDEE
    titel = factory.Sequence(lambda n: f"Idee nummer {n}")
    tekst = factory.Sequence(lambda n: f"Meer bankjes en bomen op het plein, voorstel {n}.")
    auteur = factory.SubFactory(UserFactory)
    pseudoniem = factory.LazyAttribute(lambda inbreng: inbreng.auteur.public_name)
    zichtbaarheid = Zichtbaarheid.ZICHTBAAR
    gepubliceerd_op = factory.LazyFunction(timezone.now)


class ReactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reactie

    inbreng = factory.SubFactory(InbrengFactory)
    tekst = factory.Sequence(lambda n: f"Goed idee, reactie {n}.")
    auteur = factory.SubFactory(UserFactory)
    pseudoniem = factory.LazyAttribute(lambda reactie: reactie.auteur.public_name)
    zichtbaarheid = Zichtbaarheid.ZICHTBAAR


class SteunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Steun

    inbreng = factory.SubFactory(InbrengFactory)
    gebruiker = factory.SubFactory(UserFactory)


class ResultaatPageFactory(PageFactory):
    class Meta:
        model = ResultaatPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Speeltuin vernieuwd {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    samenvatting = "De speeltuin krijgt nieuwe toestellen en meer schaduw."
    parent = factory.SubFactory(ParticipatieprocesPageFactory)
    bijdragen = parental_m2m("bijdragen")


class SynthesePageFactory(PageFactory):
    class Meta:
        model = SynthesePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Synthese {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    samenvatting = "Wat werkt bij deze aanpak."
    body = "<p>De redactie zette de lessen op een rij.</p>"
    parent = factory.LazyFunction(lambda: first_or_create(PraktijkvoorbeeldIndexPageFactory))

    voorbeelden = parental_m2m("voorbeelden")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    """An organisation; `leden=[user, ...]` makes them members."""

    class Meta:
        model = Organisatie
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Buurtwerk Voorbeeldstad {n}")
    website = "https://buurtwerk.example.nl/"

    @factory.post_generation
    def leden(organisatie, create, extracted, **kwargs):
        for gebruiker in extracted or []:
            Organisatielid.objects.create(organisatie=organisatie, gebruiker=gebruiker)


class InzendingFactory(factory.django.DjangoModelFactory):
    """A contribution with every needed answer filled in (`themas` and `doelgroepen` are
    created); the author is a member of its organisation. Pass `compleet=False` for a fresh,
    empty draft."""

    class Meta:
        model = Inzending
        skip_postgeneration_save = True

    class Params:
        compleet = True

    auteur = factory.SubFactory(UserFactory)
    organisatie = factory.Maybe(
        "compleet",
        factory.LazyAttribute(lambda inzending: OrganisatieFactory(leden=[inzending.auteur])),
        None,
    )
    titel = factory.Maybe("compleet", factory.Sequence(lambda n: f"Buurtkamer {n}"), "")
    samenvatting = factory.Maybe("compleet", "Een huiskamer in de wijk, open voor iedereen.", "")
    probleem = factory.Maybe("compleet", "Bewoners kenden elkaar niet meer.", "")
    doel = factory.Maybe("compleet", "Buren leren elkaar kennen.", "")
    aanpak = factory.Maybe("compleet", "Vier middagen per week open, met vrijwilligers.", "")
    werkzame_elementen = factory.Maybe("compleet", "- vaste gastvrouw\n- lage drempel", "")
    randvoorwaarden = factory.Maybe("compleet", "Een ruimte op de begane grond.", "")
    resultaten = factory.Maybe("compleet", "120 vaste bezoekers na een jaar.", "")

    @factory.post_generation
    def themas(inzending, create, extracted, **kwargs):
        if create and (extracted or inzending.titel):
            inzending.themas.set(extracted or [ThemaFactory()])

    @factory.post_generation
    def doelgroepen(inzending, create, extracted, **kwargs):
        if create and (extracted or inzending.titel):
            inzending.doelgroepen.set(extracted or [DoelgroepFactory()])
