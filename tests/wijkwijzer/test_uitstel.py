"""wijkwijzer.uitstel.Uitstel: what a bulk job holds back is handed over once, at its end."""

import threading

import pytest

from wijkwijzer.uitstel import Uitstel


def test_items_are_kept_while_active_and_handed_over_once_by_the_outer_block():
    ontvangen: list[list[int]] = []
    uitstel: Uitstel[int] = Uitstel(ontvangen.append)

    assert not uitstel.bewaard(1)
    with uitstel.actief():
        assert uitstel.bewaard(2, 3)
        with uitstel.actief():
            assert uitstel.bewaard(4)
        assert ontvangen == []
    assert ontvangen == [[2, 3, 4]]
    assert not uitstel.bewaard(5)


def test_an_error_still_hands_over_what_was_kept():
    ontvangen: list[list[str]] = []
    uitstel: Uitstel[str] = Uitstel(ontvangen.append)

    with pytest.raises(RuntimeError), uitstel.actief():
        uitstel.bewaard("opgeslagen")
        raise RuntimeError("item 2 mislukte")

    assert ontvangen == [["opgeslagen"]]


def test_another_thread_is_not_held_back():
    uitstel: Uitstel[int] = Uitstel(lambda items: None)
    elders: list[bool] = []

    with uitstel.actief():
        thread = threading.Thread(target=lambda: elders.append(uitstel.bewaard(1)))
        thread.start()
        thread.join()

    assert elders == [False]
