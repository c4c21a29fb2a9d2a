"""Demo content of the contribution workflow: an organisation with a member, and one
submitted example waiting in the editors' queue ("Inzendingen praktijkvoorbeelden")."""

from django.utils import timezone

from gebieden.models import Thema
from kennisbank.inzendingen.models import Inzending, Organisatie, Organisatielid
from kennisbank.models import Doelgroep
from wijkwijzer.models import User

EMAIL = "schrijver@voorbeeld.invalid"


def load() -> None:
    organisatie, _ = Organisatie.objects.get_or_create(
        naam="Buurtwerk Voorbeeldstad (voorbeeld)",
        defaults={"website": "https://buurtwerk.voorbeeld.invalid/"},
    )
    schrijver, created = User.objects.get_or_create(
        username=EMAIL, defaults={"email": EMAIL, "display_name": "Demo-opbouwwerker"}
    )
    if created:
        schrijver.set_unusable_password()
        schrijver.save()
    Organisatielid.objects.get_or_create(organisatie=organisatie, gebruiker=schrijver)
    if Inzending.objects.filter(auteur=schrijver).exists():
        return
    inzending = Inzending.objects.create(
        auteur=schrijver,
        organisatie=organisatie,
        status=Inzending.Status.INGEDIEND,
        ronde=1,
        ingediend_op=timezone.now(),
        titel="Huiskamer van de wijk (voorbeeld)",
        samenvatting="Een buurthuiskamer die vier middagen per week open is, gerund door "
        "bewoners met steun van een opbouwwerker.",
        probleem="Veel oudere bewoners in de flats kenden hun buren niet meer en kwamen "
        "weinig buiten.",
        doel="Bewoners leren elkaar kennen en helpen elkaar met kleine dingen.",
        doelgroep="Ouderen en nieuwkomers in de flats rond het plein.",
        aanpak="1. Ruimte op de begane grond huren\n2. Vijf vaste gastvrouwen werven\n"
        "3. Elke middag koffie, en één activiteit per week",
        werkzame_elementen="- een vaste gastvrouw die mensen bij naam kent\n"
        "- geen aanmelding nodig\n- bewoners kiezen de activiteiten zelf",
        randvoorwaarden="Een ruimte op loopafstand en een opbouwwerker voor vier uur per week.",
        resultaten="Na een jaar komen er 60 vaste bezoekers; 20 helpen elkaar ook buiten de "
        "huiskamer.",
        bereik_effect="60 vaste bezoekers per week",
        kosten_band=1,
        kosten_eenheid="jaar",
        tijdsbesteding="Vier uur per week opbouwwerk, plus de vrijwilligers.",
    )
    inzending.themas.set(Thema.objects.all()[:1])
    inzending.doelgroepen.set(Doelgroep.objects.all()[:1])
