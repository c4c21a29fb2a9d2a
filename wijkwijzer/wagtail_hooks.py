from wijkwijzer import demo, haken, health, roles
from wijkwijzer.models import Verzending

haken.DEMO.registreer(demo)
haken.GEZONDHEID.registreer(health.check)
haken.ROLRECHTEN.registreer(roles.ROLE_PERMISSIONS)
# A once-only receipt shows on no page.
haken.PAGINACACHE_BEREIK.registreer({Verzending: lambda rij: []})
