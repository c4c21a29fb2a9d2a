"""Import knowledge items from JSON (an array, or one object per line). The format is the
public contract in docs/import_kennisbank.md. Every item is validated on its own; good items
are imported (created, or updated when the slug exists), bad ones are reported and skipped."""

import datetime
import json
import logging
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.db.models import Model, QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText

from gebieden.models import Actielijn, FocusgebiedPage, Thema
from kennisbank.models import (
    EMAIL_PATTERN,
    Beoordelaar,
    Beoordeling,
    Bewijskracht,
    Doelgroep,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
    PublicatieIndexPage,
    PublicatiePage,
    Publicatiesoort,
    VraagbaakPage,
    VraagPage,
)
from wijkwijzer.bulk import bulkverwerking
from wijkwijzer.markdown import render_markdown
from wijkwijzer.publiceren import live_toevoegen

PAGE_TYPES = {
    "praktijkvoorbeeld": (PraktijkvoorbeeldIndexPage, PraktijkvoorbeeldPage),
    "publicatie": (PublicatieIndexPage, PublicatiePage),
    "vraag": (VraagbaakPage, VraagPage),
}
MANY_TO_MANY = ("themas", "actielijnen", "doelgroepen")
REQUIRED = ("type", "slug", "title", "summary")

logger = logging.getLogger(__name__)


class ItemFout(Exception):
    """One item cannot be imported; the message says why, in Dutch."""


@dataclass
class ImportResultaat:
    aangemaakt: list[str] = field(default_factory=list)
    bijgewerkt: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    fouten: list[tuple[str, str]] = field(default_factory=list)


# How an item came through, as the name of its list in ImportResultaat.
Uitkomst = Literal["aangemaakt", "bijgewerkt", "ongewijzigd"]


# Limits on what one file may ask of the server (docs/import_kennisbank.md). Real items are
# far below them; without them one file could keep the import, and then the search rebuild of
# the next start, busy for many minutes.
MAX_BESTAND = 20 * 1024 * 1024  # bytes
MAX_TEKST = 100_000  # characters in any one field (a long practice description is ~20,000)
MAX_LIJST = 100  # entries in any one list field
MAX_DIEPTE = 10  # nesting of arrays and objects within an item (items need 3)

# The JSON structure only: whole strings (with their escapes), brackets and commas.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')


class BestandFout(Exception):
    """The file as a whole cannot be read; the message says why, in Dutch."""


def _ontleed(tekst: str) -> Any:
    """One item's JSON, or an ItemFout. Nesting is counted before parsing: Python's parser
    recurses, and a deeply nested item would otherwise end the whole import."""
    diepte = 0
    for token in _TOKENS.finditer(tekst):
        teken = token.group()
        if teken in "[{":
            diepte += 1
            if diepte > MAX_DIEPTE:
                return ItemFout(f"te diep genest (meer dan {MAX_DIEPTE} niveaus)")
        elif teken in "]}":
            diepte -= 1
    try:
        return json.loads(tekst)
    except json.JSONDecodeError as error:
        return ItemFout(f"geen geldige JSON ({error.msg})")


def _array_elementen(tekst: str) -> Iterator[str]:
    """The texts of the elements of the top-level JSON array in `tekst`, found by following
    strings and brackets only, so that one malformed element is reported on its own and the
    elements after it are still read."""
    diepte, begin = 0, tekst.index("[") + 1
    for token in _TOKENS.finditer(tekst, begin):
        teken = token.group()
        if teken in "[{":
            diepte += 1
        elif teken in "]}":
            if diepte == 0:
                if tekst[begin : token.start()].strip():
                    yield tekst[begin : token.start()]
                return
            diepte -= 1
        elif teken == "," and diepte == 0:
            yield tekst[begin : token.start()]
            begin = token.end()
    if tekst[begin:].strip():
        yield tekst[begin:]


def read_items(path: Path) -> Iterator[tuple[str, Any]]:
    """(reference, item) pairs; the reference names the place in the file for error reports.
    An item that cannot be parsed yields an ItemFout as the item."""
    if path.stat().st_size > MAX_BESTAND:
        raise BestandFout(
            _("het bestand is groter dan %(mb)s MB; splits het op")
            % {"mb": MAX_BESTAND // (1024 * 1024)}
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise BestandFout(
            _("het bestand is geen UTF-8-tekst (%(reason)s)") % {"reason": error.reason}
        ) from None
    if text.lstrip().startswith("["):
        for number, element in enumerate(_array_elementen(text), start=1):
            yield f"item {number}", _ontleed(element)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield f"regel {number}", _ontleed(line)


def import_file(path: Path, voortgang: Callable[[int, int], None] | None = None) -> ImportResultaat:
    """Import every item of `path`; `voortgang` is called with (done, total) after each.
    The indexes beside the pages (the site's search, Wagtail's search and reference index)
    are written once, at the end (wijkwijzer.bulk)."""
    result = ImportResultaat()
    items = list(read_items(path))
    voorraad = Voorraad(items)
    with bulkverwerking():
        for gedaan, (reference, item) in enumerate(items, start=1):
            _importeer(reference, item, voorraad, result)
            if voortgang:
                voortgang(gedaan, len(items))
    return result


def _importeer(reference: str, item: Any, voorraad: "Voorraad", result: ImportResultaat) -> None:
    label = reference
    try:
        if isinstance(item, ItemFout):
            raise item
        if isinstance(item, dict) and isinstance(item.get("slug"), str) and item["slug"]:
            label = f"{reference} (slug '{item['slug'][:100]}')"
        uitkomst = _met_herhaling(item, voorraad)
    except ItemFout as error:
        result.fouten.append((label, str(error)))
        return
    except ValidationError as error:
        result.fouten.append((label, _validatiefouten(error)))
        return
    except Exception as error:
        # Whatever one item does wrong, the others are still imported and the summary
        # printed; the traceback goes to the log for whoever maintains the importer.
        if _bezet(error):
            fout = "de database bleef bezet; importeer opnieuw (wat er al is, wordt bijgewerkt)"
        else:
            logger.exception("Import van %s mislukt", label)
            fout = f"onverwachte fout bij het opslaan ({type(error).__name__})"
        result.fouten.append((label, fout))
        return
    getattr(result, uitkomst).append(item["slug"])


# SQLite (the embedded default) lets one writer in at a time; a website busy writing can keep
# an item waiting past the database's busy timeout.
POGINGEN = 3


def _bezet(error: Exception) -> bool:
    return isinstance(error, OperationalError) and "locked" in str(error)


def _met_herhaling(item: Any, voorraad: "Voorraad") -> Uitkomst:
    """import_item, tried again when the database stayed locked (each try is one
    transaction, so a failed one left nothing behind)."""
    poging = 1
    while True:
        try:
            return import_item(item, voorraad)
        except OperationalError as error:
            if not _bezet(error) or poging == POGINGEN:
                raise
        time.sleep(poging)
        poging += 1


# Model fields named as the import file names them, for error messages.
IMPORTVELDEN = {"samenvatting": "summary", "body": "body_markdown", "antwoord": "body_markdown"}


def _validatiefouten(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return "; ".join(
        f"veld '{IMPORTVELDEN.get(naam, naam)}': {' '.join(meldingen)}"
        for naam, meldingen in error.message_dict.items()
    )


class Voorraad:
    """What the items of one run look up, read once: the overview pages, themes, areas,
    action lines, evidence levels and target groups, and the pages that already have the
    file's slugs (with their themes and the like), so that an unchanged item costs no query."""

    def __init__(self, items: list[tuple[str, Any]]) -> None:
        self.themas = {thema.slug: thema for thema in Thema.objects.all()}
        self.gebieden = {gebied.slug: gebied for gebied in FocusgebiedPage.objects.all()}
        self.actielijnen = {actielijn.nummer: actielijn for actielijn in Actielijn.objects.all()}
        self.niveaus = {niveau.slug: niveau for niveau in Bewijskracht.objects.all()}
        self.doelgroepen = {groep.slug: groep for groep in Doelgroep.objects.all()}
        self.indexen: dict[str, Page | None] = {}
        self.paginas: dict[tuple[str, str], Page] = {}
        # Slugs read at the start: one without a page in `paginas` has none (yet).
        self.gelezen: set[tuple[str, str]] = set()
        slugs: dict[str, list[str]] = defaultdict(list)
        for _nummer, item in items:
            soort = item.get("type") if isinstance(item, dict) else None
            if isinstance(soort, str) and soort in PAGE_TYPES and isinstance(item["slug"], str):
                slugs[soort].append(item["slug"])
                self.gelezen.add((soort, item["slug"]))
        for soort, lijst in slugs.items():
            for begin in range(0, len(lijst), BLOK):
                for page in self._bestaande(soort, lijst[begin : begin + BLOK]):
                    self.paginas[(soort, page.slug)] = page

    def index(self, soort: str) -> Page | None:
        if soort not in self.indexen:
            self.indexen[soort] = PAGE_TYPES[soort][0].objects.first()
        return self.indexen[soort]

    def _bestaande(self, soort: str, slugs: list[str]) -> QuerySet:
        index = self.index(soort)
        if index is None:
            return PAGE_TYPES[soort][1].objects.none()
        model = PAGE_TYPES[soort][1]
        meer = [naam for naam in (*MANY_TO_MANY, "beoordelingen") if hasattr(model, naam)]
        return model.objects.child_of(index).filter(slug__in=slugs).prefetch_related(*meer)

    def pagina(self, soort: str, slug: str) -> Page | None:
        if (soort, slug) not in self.paginas and (soort, slug) not in self.gelezen:
            page = self._bestaande(soort, [slug]).first()
            if page is not None:
                self.paginas[(soort, slug)] = page
        return self.paginas.get((soort, slug))

    def vergeten(self, soort: str, slug: str) -> None:
        """After a failed try the page in memory may hold the item's values and the overview
        page a wrong child count; both are read again."""
        self.paginas.pop((soort, slug), None)
        self.gelezen.discard((soort, slug))
        self.indexen.pop(soort, None)


# Slugs per query when the existing pages are read.
BLOK = 500


def import_item(item: Any, voorraad: Voorraad | None = None) -> Uitkomst:
    """Create or update one item as a published page; an item equal to its live page is
    left alone."""
    voorraad = voorraad or Voorraad([])
    values = _validate(item, voorraad)
    soort = item["type"]
    index = voorraad.index(soort)
    if index is None:
        raise ItemFout(
            _("er is nog geen overzichtspagina voor type '%(soort)s' (draai load_demo)")
            % {"soort": soort}
        )
    many = {name: values.pop(name) for name in MANY_TO_MANY if name in values}
    page = voorraad.pagina(soort, values["slug"])
    if page is not None and _ongewijzigd(page, values, many):
        return "ongewijzigd"
    nieuwe_groepen: list[Doelgroep] = []
    try:
        with transaction.atomic():
            created = page is None
            if created:
                page = PAGE_TYPES[soort][1]()
            for name, value in values.items():
                setattr(page, name, value)
            for name, value in many.items():
                if name == "doelgroepen":
                    value = _doelgroepen(value, voorraad, nieuwe_groepen)
                getattr(page, name).set(value)
            if created:
                live_toevoegen(index, page)
            else:
                page.save_revision().publish()
    except Exception:
        voorraad.vergeten(soort, values["slug"])
        raise
    voorraad.doelgroepen.update({groep.slug: groep for groep in nieuwe_groepen})
    voorraad.paginas[(soort, page.slug)] = page
    return "aangemaakt" if created else "bijgewerkt"


def _vergelijkbaar(value: Any) -> Any:
    """`value` as a page holds it and as an item gives it, made comparable: rich text as its
    HTML, a stream as (block type, value) pairs without the block ids, rows as their keys."""
    if isinstance(value, RichText):
        return value.source
    if isinstance(value, StreamValue):
        return [(child.block_type, _vergelijkbaar(child.value)) for child in value]
    if isinstance(value, tuple):
        return tuple(_vergelijkbaar(part) for part in value)
    if isinstance(value, Beoordeling):
        return (
            value.niveau_id,
            value.beoordelaar,
            value.datum,
            value.geldig_tot,
            value.onderbouwing,
        )
    if isinstance(value, Model):
        return value.pk
    if hasattr(value, "all"):
        value = list(value.all())
    if isinstance(value, list):
        return [_vergelijkbaar(part) for part in value]
    return value


def _ongewijzigd(page: Page, values: dict[str, Any], many: dict[str, list]) -> bool:
    if not page.live or page.has_unpublished_changes:
        return False
    for name, value in values.items():
        veld = page._meta.get_field(name)
        # A foreign key is compared by its id, without reading the row it points at.
        huidig = getattr(page, veld.attname if veld.concrete else name)
        if _vergelijkbaar(huidig) != _vergelijkbaar(value):
            return False
    for name, value in many.items():
        huidig = getattr(page, name).all()
        if name == "doelgroepen":
            if {groep.slug for groep in huidig} != {_doelgroep_slug(naam) for naam in value}:
                return False
        elif {obj.pk for obj in huidig} != {obj.pk for obj in value}:
            return False
    return True


def _check_waarden(item: dict) -> None:
    """What no field of any item may hold: text over MAX_TEKST, lists over MAX_LIJST, and the
    NUL character, which PostgreSQL cannot store in text."""
    for name, value in item.items():
        values = value if isinstance(value, list) else [value]
        if len(values) > MAX_LIJST:
            raise ItemFout(
                _("veld '%(name)s' heeft meer dan %(maximum)s waarden")
                % {"name": name, "maximum": MAX_LIJST}
            )
        for text in values:
            if not isinstance(text, str):
                continue
            if len(text) > MAX_TEKST:
                raise ItemFout(
                    _("veld '%(name)s' is langer dan %(maximum)s tekens")
                    % {"name": name, "maximum": MAX_TEKST}
                )
            if "\x00" in text:
                raise ItemFout(_("veld '%(name)s' bevat een NUL-teken (\\u0000)") % {"name": name})


def _validate(item: Any, voorraad: Voorraad) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ItemFout(_("een item moet een JSON-object zijn"))
    _check_waarden(item)
    missing = [name for name in REQUIRED if not str(item.get(name) or "").strip()]
    if missing:
        raise ItemFout(_("verplicht veld ontbreekt: %(velden)s") % {"velden": ", ".join(missing)})
    for name in REQUIRED:
        if not isinstance(item[name], str):
            raise ItemFout(_("veld '%(name)s' moet tekst zijn") % {"name": name})
    if item["type"] not in PAGE_TYPES:
        raise ItemFout(
            _("onbekend type '%(type)s' (kies uit: %(keuzes)s)")
            % {"type": item["type"], "keuzes": ", ".join(sorted(PAGE_TYPES))}
        )
    slug = item["slug"]
    if not isinstance(slug, str) or slugify(slug) != slug:
        raise ItemFout(
            _("ongeldige slug '%(slug)s': gebruik kleine letters, cijfers en streepjes")
            % {"slug": slug}
        )
    if len(item["title"]) > 255:
        raise ItemFout(_("titel is langer dan 255 tekens"))

    area = None
    if item.get("focusgebied"):
        area = voorraad.gebieden.get(item["focusgebied"])
        if area is None:
            raise ItemFout(
                _("onbekend focusgebied '%(focusgebied)s'") % {"focusgebied": item["focusgebied"]}
            )
    common = {
        "slug": slug,
        "title": item["title"].strip(),
        "samenvatting": str(item["summary"]).strip(),
        "focusgebied": area,
        "themas": _by_key(voorraad.themas, _strings(item, "themes"), "thema"),
        "publicatiedatum": _date(item),
        "is_demo": bool(item.get("demo", False)),
    }
    if item["type"] == "publicatie":
        soort = item.get("soort") or Publicatiesoort.KENNISDOSSIER
        if soort not in Publicatiesoort.values:
            raise ItemFout(
                _("onbekende soort '%(soort)s' (kies uit: %(keuzes)s)")
                % {"soort": soort, "keuzes": ", ".join(Publicatiesoort.values)}
            )
        return {**common, "soort": soort, "body": render_markdown(_text(item, "body_markdown"))}
    if item["type"] == "vraag":
        antwoord = render_markdown(_text(item, "body_markdown"))
        if not antwoord:
            raise ItemFout(_("een vraag heeft een antwoord nodig in body_markdown"))
        return {**common, "antwoord": antwoord}
    body = render_markdown(_text(item, "body_markdown"))
    return {
        **common,
        "body": [("tekst", RichText(body))] if body else [],
        "aanpak": render_markdown(_text(item, "aanpak_markdown")),
        "resultaten": render_markdown(_text(item, "resultaten_markdown")),
        "lessen": render_markdown(_text(item, "lessen_markdown")),
        "partners": "\n".join(_strings(item, "partners")),
        "looptijd": _text(item, "looptijd"),
        "contact_organisatie": _contact(item),
        "gemeente": _text(item, "gemeente") or (area.gemeente if area else ""),
        "actielijnen": _actielijnen(item, voorraad),
        "doelgroepen": _strings(item, "doelgroepen"),
        "beoordelingen": _beoordelingen(item, voorraad),
        **_kosten(item),
        "bereik_effect": _text(item, "bereik_effect"),
    }


def _text(item: dict, name: str) -> str:
    value = item.get(name) or ""
    if not isinstance(value, str):
        raise ItemFout(_("veld '%(name)s' moet tekst zijn") % {"name": name})
    return value.strip()


def _strings(item: dict, name: str) -> list[str]:
    value = item.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ItemFout(_("veld '%(name)s' moet een lijst met teksten zijn") % {"name": name})
    return [v.strip() for v in value if v.strip()]


def _by_key(found: dict[str, Any], values: list[str], noun: str) -> list:
    unknown = [value for value in values if value not in found]
    if unknown:
        raise ItemFout(
            _("onbekend %(soort)s: %(namen)s") % {"soort": noun, "namen": ", ".join(unknown)}
        )
    return [found[value] for value in dict.fromkeys(values)]


def _actielijnen(item: dict, voorraad: Voorraad) -> list[Actielijn]:
    numbers = item.get("actielijnen") or []
    if not isinstance(numbers, list) or not all(
        isinstance(n, int) and 1 <= n <= 4 for n in numbers
    ):
        raise ItemFout(_("actielijnen moet een lijst met getallen van 1 tot en met 4 zijn"))
    return [voorraad.actielijnen[n] for n in sorted(set(numbers)) if n in voorraad.actielijnen]


# An imported level becomes an assessment by the editorial panel, dated on the item's
# publication and valid for three years (docs/import_kennisbank.md).
IMPORT_GELDIGHEID = datetime.timedelta(days=3 * 365)


def _beoordelingen(item: dict, voorraad: Voorraad) -> list[Beoordeling]:
    slugs = _strings(item, "bewijskracht")
    if not slugs:
        return []
    niveau = _by_key(voorraad.niveaus, slugs[:1], "bewijskrachtniveau")[0]
    datum = _date(item)
    return [
        Beoordeling(
            niveau=niveau,
            beoordelaar=Beoordelaar.REDACTIEPANEL,
            datum=datum,
            geldig_tot=datum + IMPORT_GELDIGHEID,
            onderbouwing=_text(item, "bewijskracht_onderbouwing")[:1000],
        )
    ]


def _kosten(item: dict) -> dict:
    band, per = item.get("kosten_band"), _text(item, "kosten_per")
    if band is None and not per:
        return {"kosten_band": None, "kosten_eenheid": ""}
    if band not in (1, 2, 3) or per not in ("deelnemer", "jaar"):
        raise ItemFout(
            _("kosten_band moet 1, 2 of 3 zijn en kosten_per 'deelnemer' of 'jaar', samen")
        )
    return {"kosten_band": band, "kosten_eenheid": per}


def _doelgroep_slug(name: str) -> str:
    return slugify(name)[:50]


def _doelgroepen(names: list[str], voorraad: Voorraad, nieuw: list[Doelgroep]) -> list[Doelgroep]:
    """Doelgroepen are free text in the import; new ones are added to the snippet list (and
    to the run's list once the item is saved, as its transaction may still be undone)."""
    groups = []
    for name in names:
        group = voorraad.doelgroepen.get(_doelgroep_slug(name))
        if group is None:
            group, _nieuw = Doelgroep.objects.get_or_create(
                slug=_doelgroep_slug(name), defaults={"naam": name[:100]}
            )
            nieuw.append(group)
        groups.append(group)
    return groups


def _contact(item: dict) -> str:
    contact = _text(item, "contact_organisatie")
    if EMAIL_PATTERN.search(contact):
        raise ItemFout(
            _("contact_organisatie mag geen e-mailadres bevatten, alleen de organisatie")
        )
    return contact


def _date(item: dict) -> datetime.date:
    value = item.get("published")
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ItemFout(
            _("published '%(value)s' is geen datum (gebruik JJJJ-MM-DD)") % {"value": value}
        ) from None
