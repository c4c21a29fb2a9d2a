"""Demo content of the base app: the home page. Run by `manage.py load_demo`."""

from wijkwijzer.services import ensure_home_page


def load() -> None:
    ensure_home_page()
