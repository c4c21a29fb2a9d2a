"""Per-item work held back while a bulk job (wijkwijzer.bulk, an import) runs, and done once,
for everything at the same time, when it ends. The page cache, the site's search index and the
follower notices each keep one."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class Uitstel(Generic[T]):
    """`bewaard(*items)` keeps the items, per thread, while `actief()` runs in that thread
    (and says so); when `actief()` ends, also in an error, `afhandelen` gets them all.
    Entered twice (a bulk job inside another), only the outer one hands them over."""

    def __init__(self, afhandelen: Callable[[list[T]], None]) -> None:
        self._afhandelen = afhandelen
        self._lokaal = threading.local()

    def bewaard(self, *items: T) -> bool:
        verzameld: list[T] | None = getattr(self._lokaal, "items", None)
        if verzameld is None:
            return False
        verzameld.extend(items)
        return True

    @contextmanager
    def actief(self) -> Iterator[None]:
        if getattr(self._lokaal, "items", None) is not None:
            yield
            return
        self._lokaal.items = []
        try:
            yield
        finally:
            items, self._lokaal.items = self._lokaal.items, None
            self._afhandelen(items)
