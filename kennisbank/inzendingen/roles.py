from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

# Which submissions the editors see (submitted ones, never drafts) and which steps they may
# take are decided in kennisbank.inzendingen.services; these only open the screens.
_EDITORS = [
    *(f"inzendingen.{action}_organisatie" for action in ("add", "change", "view")),
    "inzendingen.change_inzending",
    "inzendingen.view_inzending",
]
ROLE_PERMISSIONS = {REDACTEUR: _EDITORS, EINDREDACTEUR: _EDITORS}
