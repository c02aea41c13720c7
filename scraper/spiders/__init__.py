"""One spider per kind of source; the config's `type` picks it."""
from scraper.spiders.alaveteli import AlaveteliSpider
from scraper.spiders.base import SourceSpider
from scraper.spiders.feed import FeedSpider
from scraper.spiders.govuk import GovukSpider
from scraper.spiders.page import PageSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    "feed": FeedSpider,
    "alaveteli": AlaveteliSpider,
    "govuk": GovukSpider,
    "page": PageSpider,
}

__all__ = ["SPIDERS", "AlaveteliSpider", "FeedSpider", "GovukSpider", "PageSpider", "SourceSpider"]
