from django import forms
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from wijkwijzer.models import User
from wijkwijzer.services import profile_update

DISPLAY_NAME_HELP = _("De naam die anderen op de site zien. Een schuilnaam mag.")


class FormRenderer(TemplatesSetting):
    """Renders every Django form (allauth's included) with the NL Design System form markup
    in templates/forms/."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class SignupForm(forms.Form):
    """Extra field on allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Weergavenaam"), max_length=60, help_text=DISPLAY_NAME_HELP
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        profile_update(user=user, display_name=self.cleaned_data["display_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]
        labels = {"display_name": _("Weergavenaam")}
        help_texts = {"display_name": DISPLAY_NAME_HELP}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True


class OptionalRealNameMixin:
    """Residents sign up with an e-mail address and a display name only; the admin must not
    demand a real name they never gave."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False


class WagtailUserEditForm(OptionalRealNameMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"display_name"}


class WagtailUserCreationForm(OptionalRealNameMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"display_name"}
