from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wijkwijzer.forms import ProfileForm
from wijkwijzer.ratelimit import form_status
from wijkwijzer.services import profile_update


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    status = form_status(request, form, invalid=200)
    if status is None:
        profile_update(user=request.user, display_name=form.cleaned_data["display_name"])
        messages.success(request, _("Je weergavenaam is opgeslagen."))
        return redirect("profiel")
    return render(request, "wijkwijzer/profile.html", {"form": form}, status=status)


def admin_login(request: HttpRequest) -> HttpResponse:
    """Wagtail's own login form would bypass MFA; send staff to allauth's login instead."""
    next_url = request.GET.get("next", "/admin/")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
