from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

_SYNONYMS = [f"search.{action}_synoniem" for action in ("add", "change", "delete", "view")]
ROLE_PERMISSIONS = {REDACTEUR: _SYNONYMS, EINDREDACTEUR: _SYNONYMS}
