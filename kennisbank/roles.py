from wijkwijzer.roles import REDACTEUR

ROLE_PERMISSIONS = {
    REDACTEUR: [
        f"kennisbank.{action}_{model}"
        for model in ("doelgroep", "bewijskracht")
        for action in ("add", "change", "view")
    ],
}
