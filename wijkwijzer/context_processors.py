from django.http import HttpRequest

from wijkwijzer.selectors import menu_pages


def site_navigation(request: HttpRequest) -> dict:
    return {"menu_pages": menu_pages(request)}
