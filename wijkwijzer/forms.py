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


class AccountVerwijderenForm(forms.Form):
    """Deleting an account: what happens to public contributions, and a confirmation (the
    password too, for accounts that have one)."""

    bijdragen = forms.ChoiceField(
        label=_("Wat moet er gebeuren met wat je openbaar hebt geschreven?"),
        choices=[
            ("bewaren", _("Laten staan, zonder mijn naam (als 'verwijderde deelnemer')")),
            ("verwijderen", _("Ook verwijderen")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er met je berichten moet gebeuren.")},
    )
    bevestig = forms.BooleanField(
        label=_("Ja, verwijder mijn account. Dit kan niet ongedaan worden gemaakt."),
        error_messages={"required": _("Vink aan dat je je account echt wilt verwijderen.")},
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if user.has_usable_password():
            self.fields["wachtwoord"] = forms.CharField(
                label=_("Je wachtwoord"),
                widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                error_messages={"required": _("Vul je wachtwoord in.")},
            )

    def clean_wachtwoord(self) -> str:
        wachtwoord = self.cleaned_data["wachtwoord"]
        if not self.user.check_password(wachtwoord):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return wachtwoord
