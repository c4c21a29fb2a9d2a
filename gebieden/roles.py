from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

_TAXONOMY = [
    f"gebieden.{action}_{model}"
    for model in ("thema", "actielijn", "kernindicator")
    for action in ("add", "change", "view")
]
ROLE_PERMISSIONS = {REDACTEUR: _TAXONOMY, EINDREDACTEUR: _TAXONOMY}
