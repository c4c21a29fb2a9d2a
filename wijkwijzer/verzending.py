"""Each form is stored once, however often it is sent.

A write form carries a random key in a hidden field (`{% verzendsleutel %}`). The view of such
a form is decorated with `eenmalig`: it runs in one transaction, and when its answer is a
redirect (the write succeeded) the key is stored with the redirect's address in that same
transaction. Sent again, the form finds its key and the visitor goes where the first send went,
with nothing stored twice. Two sends at the same moment both run the view, but the key is a
primary key: the second insert waits for the first transaction and then fails, which rolls back
everything the second send wrote (its contribution, its queued e-mails). A second send that
the view refuses (a form error: its text now exists) also gets the first send's answer."""

import datetime
import uuid
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkwijzer.models import Verzending

VELD = "verzendsleutel"
REDIRECTS = (301, 302, 303)
# Long enough for any retry by a browser or a person; the receipts are then removed
# (verzendingen_opruimen).
BEWAREN = datetime.timedelta(days=2)


def nieuwe_sleutel() -> str:
    return str(uuid.uuid4())


def _sleutel(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(VELD, ""))
    except ValueError:
        return None


def _eerder(request: HttpRequest, sleutel: uuid.UUID) -> HttpResponse | None:
    """Where the first send of this form went, as the answer to a later one; None if none
    was stored."""
    verzending = Verzending.objects.filter(sleutel=sleutel).first()
    if verzending is None:
        return None
    messages.info(request, _("Je had dit al verstuurd. We hebben het één keer bewaard."))
    return redirect(verzending.url)


def eenmalig(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        sleutel = _sleutel(request) if request.method == "POST" else None
        if sleutel is None:
            return view(request, *args, **kwargs)
        if eerder := _eerder(request, sleutel):
            return eerder
        try:
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                if response.status_code in REDIRECTS:
                    Verzending.objects.create(sleutel=sleutel, url=response["Location"])
        except IntegrityError:
            if eerder := _eerder(request, sleutel):
                return eerder
            raise
        if response.status_code not in REDIRECTS:
            # Refused, for example as a duplicate of the text the first send stored while
            # this one was on its way: then the first send is the answer.
            return _eerder(request, sleutel) or response
        return response

    return wrapped


def verzendingen_opruimen() -> int:
    aantal, _per_model = Verzending.objects.filter(
        aangemaakt_op__lt=timezone.now() - BEWAREN
    ).delete()
    return aantal
