"""The auditors themselves must be able to fail, or a clean report means nothing."""

import pytest


def test_nu_checker_reports_invalid_html(nu_checker):
    errors = nu_checker(
        '<!DOCTYPE html><html lang="nl"><title>t</title><p id="a">x</p><p id="a">y</p></html>'
    )
    assert any("Duplicate ID" in error for error in errors)


@pytest.mark.browser
def test_axe_reports_an_image_without_text_alternative(browser, axe):
    page = browser.new_page()
    try:
        page.set_content(
            '<!DOCTYPE html><html lang="nl"><title>t</title><main><img src="x.png"></main></html>'
        )
        assert any(violation.startswith("image-alt") for violation in axe(page))
    finally:
        page.close()
