from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

_TAXONOMY = [
    f"gebieden.{action}_{model}"
    for model in ("thema", "actielijn", "kernindicator")
    for action in ("add", "change", "view")
]
# Boundaries decide where pins are allowed and what the maps show for all areas: the final
# editors import them.
_GRENZEN = [f"gebieden.{action}_gebiedsgrens" for action in ("add", "change", "view")]
ROLE_PERMISSIONS = {REDACTEUR: _TAXONOMY, EINDREDACTEUR: [*_TAXONOMY, *_GRENZEN]}
