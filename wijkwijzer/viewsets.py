from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from wijkwijzer.forms import WagtailUserCreationForm, WagtailUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False) -> type:
        return WagtailUserEditForm if for_update else WagtailUserCreationForm
