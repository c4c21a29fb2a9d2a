"""The project's extension points, as Wagtail hooks with a type.

Apps above the base hand it what they add (sections on a lower app's page, searchable types,
demo content, personal data, role permissions...) without the lower app importing them
(DESIGN.md: dependencies point one way). Wagtail already has the mechanism: each app's
`wagtail_hooks.py` registers, `wagtail.hooks.get_hooks` finds them all, in INSTALLED_APPS order
(Wagtail imports those modules in that order), the first time any hook is asked for. A `Haak`
only adds a name kept in one place and the type of what is registered under it.

Register in the app's `wagtail_hooks.py`, never in `AppConfig.ready()`:
`haken.DEMO.registreer(demo)`. Read with `haken.DEMO.alle()`. In tests,
`wagtail.hooks.register_temporarily(haken.DEMO.naam, ...)` adds one for a while."""

from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NotRequired, Protocol, TypedDict, TypeVar

from django.db.models import Model
from wagtail import hooks

from wijkwijzer.sections import Section

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from wijkwijzer.models import User

T = TypeVar("T")


class Haak(Generic[T]):
    def __init__(self, naam: str) -> None:
        self.naam = naam

    def registreer(self, waarde: T) -> T:
        """Usable as a decorator: it returns what it registered."""
        hooks.register(self.naam, waarde)
        return waarde

    def alle(self) -> list[T]:
        return list(hooks.get_hooks(self.naam))

    def __repr__(self) -> str:
        return f"Haak({self.naam!r})"


class Zoekbaar(TypedDict):
    """One searchable type, as a content app declares it in its `zoeken.py`: a plain dict, so
    the app needs nothing from search (search.registry.Soort reads it)."""

    type: str
    label: str
    model: type[Model]
    # The items that are public now; search iterates them to (re)build its index.
    items: Callable[[], "QuerySet[Any]"]
    # item -> {title, summary, body, url, datum, thema, gebied, actielijn, gemeente}
    document: Callable[[Any], dict[str, Any]]
    # For items that are not pages: page -> the items whose visibility or URL follow it.
    onder: NotRequired[Callable[[Any], Iterable[Any]]]
    # Words people type for the type itself ("experts eenzaamheid"), the plural shown first:
    # the search page offers to show only this type for the rest of what they typed.
    woorden: NotRequired[tuple[str, ...]]


class Demo(Protocol):
    """An app's `demo` module: load_demo reports its name and runs its `load()`."""

    __name__: str

    def load(self) -> None: ...


class Verwijderen(Protocol):
    def __call__(self, user: "User", *, bewaren: bool) -> None: ...


@dataclass(frozen=True)
class Privacy:
    """What one app holds about a person (AVG): `naam` heads its part of the download."""

    naam: str
    gegevens: Callable[["User"], dict[str, Any]] | None = None
    # Runs before the account goes: with bewaren, public contributions stay without a name.
    verwijderen: Verwijderen | None = None


# A row -> the parts of the page cache it makes stale ("gebied:<slug>", paginacache.ZOEKEN),
# [] when no page shows it, None for the whole site.
Bereik = Callable[[Any], list[str] | None]

HOME_SECTIE: Haak[Section] = Haak("wijkwijzer_home_sectie")
"""Sections of the home page. Registered by gebieden (postcode), participatie (open now),
kennisbank (new examples, agenda); read by HomePage.get_context."""

GEBIED_SECTIE: Haak[Section] = Haak("wijkwijzer_gebied_sectie")
"""Sections of a focus area page. gebieden registers placeholders ("participatie", "kennis",
"indicatoren") that participatie, kennisbank and the monitor replace by key; participatie adds
"kaart". Read by gebieden.selectors.focusgebied_detail."""

OVERLEG_SECTIE: Haak[Section] = Haak("wijkwijzer_overleg_sectie")
"""Sections of an alliance meeting page. Registered by participatie (decisions on residents'
input); read by AlliantieoverlegPage.get_context."""

GEBIED_PAGINATYPE: Haak[str] = Haak("wijkwijzer_gebied_paginatype")
"""Page types ("app.Model") allowed under a focus area besides its meetings. Registered by
participatie (the process page); read by FocusgebiedPage.clean_subpage_models."""

PAGINACACHE_BEREIK: Haak[Mapping[type[Model], Bereik]] = Haak("wijkwijzer_paginacache_bereik")
"""Per app, one mapping of its models to what their rows make stale in the anonymous page
cache (the rest makes the whole site stale). Registered by wijkwijzer and participatie; read
by wijkwijzer.paginacache.rij_gewijzigd."""

# The kennisbank's PraktijkvoorbeeldPage, typed as Any: naming it here would make the base
# import a content app.
MEER_ZOALS_DIT: Haak[Callable[[Any, int], list[int]]] = Haak("wijkwijzer_meer_zoals_dit")
"""(example, limit) -> ids of similar live examples, best first. Registered by search; read by
kennisbank.selectors.praktijkvoorbeelden.vergelijkbaar (the last one registered counts)."""

ZOEKBAAR: Haak[Zoekbaar] = Haak("wijkwijzer_zoekbaar")
"""The searchable types, from each content app's `zoeken.py`. Registered by gebieden,
kennisbank, kennisbank.expertpool and participatie; read by search.registry.soorten."""

DEMO: Haak[Demo] = Haak("wijkwijzer_demo")
"""Each app's `demo` module. Registered by every app with demo content, in INSTALLED_APPS order,
so the shared domain exists before what points at it (and search, last, indexes it all); run
by `manage.py load_demo`."""

PRIVACY: Haak[Privacy] = Haak("wijkwijzer_privacy")
"""Personal data per app, from its `privacy.py`. Registered by kennisbank, its expertpool and
inzendingen, and participatie; read by wijkwijzer.privacy (download and account removal)."""

GEZONDHEID: Haak[Callable[[], dict[str, Any]]] = Haak("wijkwijzer_gezondheid")
"""Each app's `health.check`: its parts of /health/ with the flags `kritiek` and `beperkt`.
Registered by wijkwijzer (database, e-mail) and search; read by wijkwijzer.views.health."""

ROLRECHTEN: Haak[Mapping[str, Iterable[str]]] = Haak("wijkwijzer_rolrechten")
"""Each app's `roles.ROLE_PERMISSIONS`: role -> ["app_label.codename", ...]. Registered by
every app with permissions to hand out; read by wijkwijzer.roles.ensure_roles."""

BULKVERWERKING: Haak[Callable[[], AbstractContextManager[None]]] = Haak("wijkwijzer_bulkverwerking")
"""A context manager that holds back an app's own per-item work while a bulk job runs and
does it once at the end (usually `wijkwijzer.uitstel.Uitstel.actief`): registered by search
(its index) and kennisbank (follower notices); entered by wijkwijzer.bulk.bulkverwerking
around imports."""

ALLE = (
    HOME_SECTIE,
    GEBIED_SECTIE,
    OVERLEG_SECTIE,
    GEBIED_PAGINATYPE,
    PAGINACACHE_BEREIK,
    MEER_ZOALS_DIT,
    ZOEKBAAR,
    DEMO,
    PRIVACY,
    GEZONDHEID,
    ROLRECHTEN,
    BULKVERWERKING,
)
