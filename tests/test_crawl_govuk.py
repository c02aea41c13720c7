"""User story: statistics from gov.uk's search and content APIs."""
from __future__ import annotations

import pytest

from tests.crawl_support import crawl, documents, errors, paths, write_config
from tests.siteserver import FixtureSite

pytestmark = pytest.mark.slow


def test_govuk_publication_and_attachments_are_archived_as_stats(tmp_path):
    with FixtureSite() as site:
        config = write_config(tmp_path, f"""
            [[sources]]
            name = "home-office-outcomes"
            type = "govuk"
            url = "{site.base_url}/govuk/"
            query = "crime outcomes"
            organisation = "home-office"
        """)
        code, summaries = crawl(config)
        asked = paths(site)
    assert code == 0
    assert any(p.startswith("/govuk/api/search.json?q=crime+outcomes&filter_organisations=home-office") for p in asked)
    assert "/govuk/api/content/government/statistics/crime-outcomes-in-england-and-wales-2023-to-2024" in asked
    docs = documents(config)
    assert {d["kind"] for d in docs} == {"stats"}
    publication = next(d for d in docs if d["url"].endswith(
        "/govuk/government/statistics/crime-outcomes-in-england-and-wales-2023-to-2024"))
    assert publication["title"] == "Crime outcomes in England and Wales, year ending March 2024"
    assert publication["published"] == "2024-07-18T08:30:00+00:00"
    assert "Northumbria Police assigned 16 community resolutions" in publication["text"]
    children = {d["title"]: d for d in docs if d["parent_id"] == publication["id"]}
    assert set(children) == {"Crime outcomes open data: year ending March 2024", "Technical annex"}
    assert "| Financial Year | Financial Quarter | Force Name |" in children[
        "Crime outcomes open data: year ending March 2024"]["text"]
    # A search hit whose content item is missing is one recorded error; the rest is kept.
    assert summaries["home-office-outcomes"]["status"] == "partial"
    assert [e["error"] for e in errors(config, "home-office-outcomes")] == ["HTTP 404"]
