from wijkwijzer.roles import (
    EINDREDACTEUR,
    LEERKRING_COORDINATOR,
    REDACTEUR,
    VRAAGBAAK_COORDINATOR,
    VRAAGBAAK_DESKUNDIGE,
)

_SNIPPETS = [
    f"kennisbank.{action}_{model}"
    for model in ("doelgroep", "bewijskracht")
    for action in ("add", "change", "view")
]
# Which requests a coordinator sees is narrowed to their own circles in wagtail_hooks.
_MEMBERSHIPS = ["kennisbank.change_lidmaatschap", "kennisbank.view_lidmaatschap"]
_QUESTIONS = ["kennisbank.change_vraag", "kennisbank.view_vraag"]
ROLE_PERMISSIONS = {
    REDACTEUR: [*_SNIPPETS, *_MEMBERSHIPS],
    EINDREDACTEUR: [*_SNIPPETS, *_MEMBERSHIPS],
    LEERKRING_COORDINATOR: _MEMBERSHIPS,
    # Which questions a deskundige sees is narrowed to those routed to them in wagtail_hooks.
    VRAAGBAAK_COORDINATOR: _QUESTIONS,
    VRAAGBAAK_DESKUNDIGE: _QUESTIONS,
}
