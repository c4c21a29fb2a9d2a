from wijkwijzer.roles import EINDREDACTEUR, LEERKRING_COORDINATOR, REDACTEUR

_SNIPPETS = [
    f"kennisbank.{action}_{model}"
    for model in ("doelgroep", "bewijskracht")
    for action in ("add", "change", "view")
]
# Which requests a coordinator sees is narrowed to their own circles in wagtail_hooks.
_MEMBERSHIPS = ["kennisbank.change_lidmaatschap", "kennisbank.view_lidmaatschap"]
ROLE_PERMISSIONS = {
    REDACTEUR: [*_SNIPPETS, *_MEMBERSHIPS],
    EINDREDACTEUR: [*_SNIPPETS, *_MEMBERSHIPS],
    LEERKRING_COORDINATOR: _MEMBERSHIPS,
}
