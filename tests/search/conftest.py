import os

import pytest

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(params=["ingebouwd", "elasticsearch"])
def zoekmachine(request, settings):
    """Runs a contract test against each backend. The Elasticsearch run needs a server at
    ELASTICSEARCH_URL; none can be installed on these machines, so without it the run is
    skipped with that reason."""
    if request.param == "elasticsearch":
        if not ELASTICSEARCH_URL:
            pytest.skip(
                "ELASTICSEARCH_URL is niet gezet: geen Elasticsearch-server om tegen te testen"
            )
        settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    else:
        settings.ELASTICSEARCH_URL = ""
    return request.param
