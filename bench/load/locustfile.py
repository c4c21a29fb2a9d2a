"""The campaign evening, simulated (run by run.py): people browsing anonymously, people
searching, and logged-in residents giving input and support on the open process. Each
contribution gets a unique title; those the server accepted (a redirect to the contribution)
go to the file BENCH_GEACCEPTEERD, so run.py can check the database afterwards. One in
DUBBELKLIK contributions is sent twice at the same moment with the same form, as a double
click does: it must be stored once.

The server counts rate limits per person as in production: each simulated person has an
address of their own (X-Forwarded-For, behind one trusted proxy), and a resident gives at most
PER_BEWONER contributions before another resident, with another account and address, takes
their place, as on a real evening where many people each write once or twice."""

import json
import os
import random
import uuid
from itertools import cycle
from pathlib import Path

import formulier
import gevent
from locust import HttpUser, between, constant, task

DOEL = json.loads(Path(os.environ["BENCH_DOEL"]).read_text())
# Open for the whole run, line-buffered: each accepted title is on disk when it is accepted.
GEACCEPTEERD = open(os.environ["BENCH_GEACCEPTEERD"], "a", buffering=1)  # noqa: SIM115
SESSIES = cycle(DOEL["sessies"])
DUBBELKLIK = 5
PER_BEWONER = 3
ADRESSEN = (f"198.18.{n // 250}.{n % 250 + 1}" for n in range(1, 64_000))


class EigenAdres:
    """A person on their own connection: their address, as the proxy reports it."""

    def nieuw_adres(self) -> None:
        self.client.headers["X-Forwarded-For"] = next(ADRESSEN)


class Bezoeker(EigenAdres, HttpUser):
    """Reads pages: home, areas, the kennisbank, examples, processes."""

    weight = 6
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.nieuw_adres()

    @task
    def pagina(self) -> None:
        url = random.choice(DOEL["paginas"])
        self.client.get(url, name=f"pagina {url}")


class Zoeker(EigenAdres, HttpUser):
    weight = 2
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.nieuw_adres()

    @task
    def zoeken(self) -> None:
        self.client.get("/zoeken/", params={"q": random.choice(DOEL["zoekwoorden"])}, name="zoeken")


class Bewoner(EigenAdres, HttpUser):
    """Logged in (a session made by run.py), reads the form, gives input, supports."""

    weight = 2
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.nieuwe_bewoner()

    def nieuwe_bewoner(self) -> None:
        self.client.cookies.set("sessionid", next(SESSIES))
        self.nieuw_adres()
        self.gegeven = 0

    def _formulier(self, url: str, naam: str) -> str:
        return self.client.get(url, name=naam).text

    @task(3)
    def inbreng_geven(self) -> None:
        if self.gegeven >= PER_BEWONER:
            self.nieuwe_bewoner()
        url = DOEL["inbreng_geven"]
        titel = f"Belasting {uuid.uuid4().hex[:16]}"
        data = formulier.inbreng(self._formulier(url, "formulier inbreng-geven"), titel)
        if data is None:
            return
        self.gegeven += 1
        if random.randrange(DUBBELKLIK):
            self._versturen(url, data, titel, "versturen inbreng")
        else:
            gevent.joinall(
                [
                    gevent.spawn(self._versturen, url, data, titel, "versturen inbreng dubbelklik")
                    for _ in range(2)
                ]
            )

    def _versturen(self, url: str, data: dict, titel: str, naam: str) -> None:
        with self.client.post(
            url,
            data=data,
            headers={"Referer": self.host + url},
            name=naam,
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code == 302:
                GEACCEPTEERD.write(titel + "\n")
                antwoord.success()
            else:
                antwoord.failure(f"status {antwoord.status_code}")

    @task(2)
    def steunen(self) -> None:
        if not DOEL["steunbaar"]:
            return
        html = self._formulier(DOEL["inbreng_geven"], "formulier inbreng-geven")
        token = formulier.CSRF.search(html)
        if not token:
            return
        pk = random.choice(DOEL["steunbaar"])
        with self.client.post(
            f"/participatie/inbreng/{pk}/steunen/",
            data={"csrfmiddlewaretoken": token.group(1)},
            headers={"Referer": self.host + DOEL["inbreng_geven"]},
            name="versturen steun",
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code == 302:
                antwoord.success()
            else:
                antwoord.failure(f"status {antwoord.status_code}")


class PaginaUitCache(EigenAdres, HttpUser):
    """Throughput only (run.py's comparison): the home page, from the anonymous page cache."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.nieuw_adres()

    @task
    def home(self) -> None:
        self.client.get("/", name="home uit de cache")


class KaleView(EigenAdres, HttpUser):
    """Throughput only: a view that returns "ok", through the same middleware."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.nieuw_adres()

    @task
    def kaal(self) -> None:
        self.client.get("/bench/kaal/", name="kale view")
