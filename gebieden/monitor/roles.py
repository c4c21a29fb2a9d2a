from wijkwijzer.roles import ALLIANTIE_MEDEWERKER, EINDREDACTEUR, REDACTEUR

_METINGEN = ["monitor.add_meting", "monitor.change_meting", "monitor.view_meting"]
_STREEF = [f"monitor.{a}_streefwaarde" for a in ("add", "change", "delete", "view")]
# Redactie imports the figures; alliance staff set targets, for their own area only (the
# admin limits them; see gebieden.monitor.wagtail_hooks).
ROLE_PERMISSIONS = {
    REDACTEUR: [*_METINGEN, *_STREEF],
    EINDREDACTEUR: [*_METINGEN, *_STREEF],
    ALLIANTIE_MEDEWERKER: _STREEF,
}
