from wijkwijzer.roles import REDACTEUR

_TAXONOMY = ["thema", "actielijn", "kernindicator"]

ROLE_PERMISSIONS = {
    REDACTEUR: [
        f"gebieden.{action}_{model}" for model in _TAXONOMY for action in ("add", "change", "view")
    ],
}
