from django.http import HttpRequest

from wijkwijzer.selectors import menu_pages, site_teksten


def site_navigation(request: HttpRequest) -> dict:
    return {"menu_pages": menu_pages(request), "site_teksten": site_teksten()}
