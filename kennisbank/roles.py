from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

_SNIPPETS = [
    f"kennisbank.{action}_{model}"
    for model in ("doelgroep", "bewijskracht")
    for action in ("add", "change", "view")
]
ROLE_PERMISSIONS = {REDACTEUR: _SNIPPETS, EINDREDACTEUR: _SNIPPETS}
