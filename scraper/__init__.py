"""The collection stage: Scrapy spiders that fetch news, FOI and statistics into the archive.

One spider per kind of source (`spiders.SPIDERS`); each crawl runs in its own child
process (`policewatch.crawling.crawl_in_child`), because Twisted's reactor cannot be restarted.
"""
