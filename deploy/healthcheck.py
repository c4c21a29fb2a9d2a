"""Container health check: GET /health/ on the local gunicorn; exit 0 on 200, else 1.

Django answers 400 to a Host outside ALLOWED_HOSTS, so the request names the first allowed
host (a leading dot of a domain pattern dropped; "*" means any name will do)."""

import os
import sys
import urllib.request

host = (os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip() or "localhost").lstrip(
    "."
)
if host == "*":
    host = "localhost"
request = urllib.request.Request("http://127.0.0.1:8000/health/", headers={"Host": host})
try:
    # A fixed http://127.0.0.1 URL: no user-chosen scheme can reach urlopen (bandit B310).
    with urllib.request.urlopen(request, timeout=4) as response:  # nosec B310
        sys.exit(0 if response.status == 200 else 1)
except Exception as error:  # any failure means unhealthy
    print(f"health check failed: {error}", file=sys.stderr)
    sys.exit(1)
