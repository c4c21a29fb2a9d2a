from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participatie.selectors import gemodereerde_gebieden


class ModeratieMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return gemodereerde_gebieden(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_moderatie_menu_item():
    # The queue and the team's answers live on the site itself (under /participatie/beheer/,
    # MFA required like the admin), next to what residents see.
    return ModeratieMenuItem(
        _("Moderatie inbreng"),
        reverse("participatie:moderatie"),
        icon_name="warning",
        order=910,
    )
