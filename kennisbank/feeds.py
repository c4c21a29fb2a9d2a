from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from kennisbank.models import PraktijkvoorbeeldPage
from kennisbank.selectors.praktijkvoorbeelden import nieuwste_voorbeelden


class NieuwInDeKennisbankFeed(Feed):
    """Atom feed of the newest practice examples."""

    feed_type = Atom1Feed
    title = _("WijkWijzer: nieuw in de kennisbank")
    subtitle = _("De nieuwste praktijkvoorbeelden uit de twintig focusgebieden.")
    link = "/kennisbank/"

    def items(self) -> list[PraktijkvoorbeeldPage]:
        return nieuwste_voorbeelden()

    def item_title(self, item: PraktijkvoorbeeldPage) -> str:
        return item.title

    def item_description(self, item: PraktijkvoorbeeldPage) -> str:
        return item.samenvatting

    def item_link(self, item: PraktijkvoorbeeldPage) -> str:
        return item.url

    def item_pubdate(self, item: PraktijkvoorbeeldPage):
        return item.first_published_at
