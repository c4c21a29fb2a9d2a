"""factory_boy factories for every app's models. Page factories add the page under its parent
in the tree, as an editor would."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils.text import slugify
from wagtail.models import Page

from gebieden.models import (
    AlliantieLid,
    AlliantieoverlegPage,
    AlliantieRol,
    FocusgebiedPage,
    GebiedenIndexPage,
    Provincie,
    Thema,
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
    parent = factory.LazyFunction(
        lambda: GebiedenIndexPage.objects.first() or GebiedenIndexPageFactory()
    )


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
