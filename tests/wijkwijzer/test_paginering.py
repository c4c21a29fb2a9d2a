import pytest
from django.core.paginator import Paginator

from wijkwijzer.paginering import pagina


@pytest.mark.parametrize(
    ("gevraagd", "nummer"),
    [
        (None, 1),
        ("", 1),
        ("2", 2),
        (" 3 ", 3),
        ("3", 3),
        ("4", 3),
        ("99999999999999999999", 3),
        ("9" * 5000, 1),  # more digits than Python reads as a number: no number
        ("0", 1),
        ("-2", 1),
        ("drie", 1),
        ("2.5", 1),
    ],
)
def test_a_page_parameter_names_a_page_that_exists(gevraagd, nummer):
    paginator = Paginator(range(25), 10)

    assert pagina(paginator, gevraagd).number == nummer


def test_an_empty_listing_has_its_first_page():
    assert list(pagina(Paginator([], 10), "5")) == []
