"""Write the gov.uk-like part of the demo site (mounted under ``/govuk/``).

Run ``python -m policewatch.demo_site.build_govuk``; the output is committed.
Shapes follow the search API (``/api/search.json``) and the content API
(``/api/content/<base_path>``).  ``link`` and ``base_path`` values are relative
to the gov.uk root (``{{BASE}}/govuk``), as on the real site; attachment URLs
are absolute.  The publications and their figures are invented.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path

from .make_attachments import PATHS, SITE

ROOT = SITE / "govuk"
WEB = "{{BASE}}/govuk"

ORGS = {
    "home-office": dict(title="Home Office", acronym="HO", slug="home-office",
                        link="/government/organisations/home-office",
                        content_id="1c84f9b6-2ae4-4b6b-9a1e-6ed9e9d0f001",
                        organisation_state="live", organisation_type="ministerial_department"),
    "ministry-of-justice": dict(title="Ministry of Justice", acronym="MOJ", slug="ministry-of-justice",
                                link="/government/organisations/ministry-of-justice",
                                content_id="1c84f9b6-2ae4-4b6b-9a1e-6ed9e9d0f002",
                                organisation_state="live", organisation_type="ministerial_department"),
    "civil-nuclear-constabulary": dict(title="Civil Nuclear Constabulary", acronym="CNC",
                                       slug="civil-nuclear-constabulary",
                                       link="/government/organisations/civil-nuclear-constabulary",
                                       content_id="1c84f9b6-2ae4-4b6b-9a1e-6ed9e9d0f003",
                                       organisation_state="live", organisation_type="executive_ndpb"),
}


def _att(key: str, title: str, content_type: str, pages: int | None = None) -> dict:
    path = PATHS[key]
    parts = path.split("/")
    return dict(
        attachment_type="file", id=parts[-1], title=title,
        url=f"{WEB}/media/{parts[-2]}/{parts[-1]}",
        accessible=False, alternative_format_contact_email="crimeandpolicestats@homeoffice.example",
        content_type=content_type, filename=parts[-1], file_size=(SITE / path).stat().st_size,
        number_of_pages=pages, preview_url=None,
        command_paper_number="", unnumbered_command_paper=False, hoc_paper_number="",
        isbn="", unique_reference="",
    )


PUBLICATIONS = [
    dict(
        slug="crime-outcomes-in-england-and-wales-2023-to-2024",
        content_id="5f2a8e1c-7d3b-4c55-9a0e-0b1c2d3e4f01",
        title="Crime outcomes in England and Wales, year ending March 2024",
        description="Outcomes assigned to crimes recorded by the police in England and Wales, "
                    "including charges, cautions and community resolutions.",
        document_type="official_statistics", org="home-office",
        first_published_at="2024-07-18T09:30:00.000+01:00",
        public_updated_at="2024-07-18T09:30:00.000+01:00",
        body="""<div class="govspeak">
<h2 id="main-points">Main points</h2>
<p>This release reports the outcomes assigned by the 43 territorial police forces of England and Wales in the year ending March 2024.</p>
<p>Out-of-court outcomes continued to fall as a share of all outcomes, to 6.8 per cent. Northumbria Police assigned 16 community resolutions for sexual offences in the year, up from 11 in the year ending March 2023. Cleveland Police gave 774 cannabis/khat warnings for possession of drugs, and Durham Constabulary used community resolutions for 5 sexual offences.</p>
<p>The open data tables give outcomes by force, offence and quarter. The technical annex describes the data and its quality.</p>
<h2 id="coverage">Coverage</h2>
<p>Figures for Devon and Cornwall cover April to December 2023 only, following a change of crime recording system.</p>
</div>""",
        attachments=[
            ("govuk_xlsx", "Crime outcomes open data: year ending March 2024",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
            ("govuk_pdf", "Technical annex", "application/pdf", 1),
        ],
        popularity=0.0412,
    ),
    dict(
        slug="police-use-of-out-of-court-disposals-for-sexual-offences-2022-to-2023",
        content_id="5f2a8e1c-7d3b-4c55-9a0e-0b1c2d3e4f02",
        title="Police use of out of court disposals for sexual offences: year ending March 2023",
        description="Community resolutions and cautions given for sexual offences, by police force area.",
        document_type="official_statistics", org="home-office",
        first_published_at="2023-10-26T09:30:00.000+01:00",
        public_updated_at="2023-11-02T14:15:00.000+00:00",
        body="""<div class="govspeak">
<h2 id="summary">Summary</h2>
<p>Avon and Somerset Police used community resolutions for 27 sexual offences in the year ending March 2023, down from 31 the year before. Devon and Cornwall Police recorded 29, and Wiltshire Police 6. Dorset Police gave 8 adult cautions for sexual offences.</p>
<p>Tables by force are available as an OpenDocument spreadsheet and as a CSV file. The 2 November update corrected a header in the CSV file; no figures changed.</p>
</div>""",
        attachments=[
            ("govuk_ods", "Out of court disposals for sexual offences: tables",
             "application/vnd.oasis.opendocument.spreadsheet", None),
            ("govuk_csv", "Out of court disposals for sexual offences: data (CSV)", "text/csv", None),
        ],
        popularity=0.0107,
    ),
]

SEARCH_ONLY = [
    dict(title="Police workforce, England and Wales: 31 March 2024",
         link="/government/statistics/police-workforce-england-and-wales-31-march-2024",
         description="Numbers of police officers, staff and volunteers in the 43 forces.",
         public_timestamp="2024-07-24T09:30:00.000+01:00", org="home-office",
         content_store_document_type="national_statistics", format="publication",
         display_type="Accredited official statistics", popularity=0.0631),
    dict(title="Criminal justice statistics quarterly: December 2023",
         link="/government/statistics/criminal-justice-system-statistics-quarterly-december-2023",
         description="Out of court disposals, prosecutions, convictions and sentencing.",
         public_timestamp="2024-05-16T09:30:00.000+01:00", org="ministry-of-justice",
         content_store_document_type="official_statistics", format="publication",
         display_type="Official Statistics", popularity=0.0298),
    dict(title="New two-tier framework for out of court resolutions",
         link="/government/news/new-two-tier-framework-for-out-of-court-resolutions",
         description="Simple cautions and penalty notices for disorder to be replaced for adults.",
         public_timestamp="2024-03-01T00:01:00.000+00:00", org="ministry-of-justice",
         content_store_document_type="news_story", format="news_article",
         display_type="News story", popularity=0.0150),
    dict(title="Police recorded crime and outcomes open data tables",
         link="/government/statistical-data-sets/police-recorded-crime-and-outcomes-open-data-tables",
         description="Recorded crime and outcomes by force, offence and quarter.",
         public_timestamp="2024-07-18T09:30:00.000+01:00", org="home-office",
         content_store_document_type="statistical_data_set", format="statistical_data_set",
         display_type="Statistical data set", popularity=0.0844),
    dict(title="FOI release: community resolutions issued by the Civil Nuclear Constabulary",
         link="/government/publications/foi-release-community-resolutions-issued-by-the-cnc",
         description="Response to a Freedom of Information request.",
         public_timestamp="2024-02-09T10:00:00.000+00:00", org="civil-nuclear-constabulary",
         content_store_document_type="foi_release", format="publication",
         display_type="FOI release", popularity=0.0009),
]


def _org_link(slug: str) -> dict:
    o = ORGS[slug]
    return dict(content_id=o["content_id"], title=o["title"], base_path=o["link"],
                api_path="/api/content" + o["link"], api_url=f"{WEB}/api/content{o['link']}",
                web_url=f"{WEB}{o['link']}", locale="en", document_type="organisation",
                schema_name="organisation", details={"acronym": o["acronym"]})


def content_item(p: dict) -> dict:
    base_path = f"/government/statistics/{p['slug']}"
    return dict(
        analytics_identifier=None,
        base_path=base_path,
        content_id=p["content_id"],
        document_type=p["document_type"],
        first_published_at=p["first_published_at"],
        locale="en",
        phase="live",
        public_updated_at=p["public_updated_at"],
        publishing_app="whitehall",
        rendering_app="frontend",
        schema_name="publication",
        title=p["title"],
        description=p["description"],
        updated_at=p["public_updated_at"],
        withdrawn_notice={},
        details=dict(
            body=p["body"],
            documents=[],
            attachments=[_att(*a) for a in p["attachments"]],
            featured_attachments=[PATHS[a[0]].split("/")[-1] for a in p["attachments"]],
            first_public_at=p["first_published_at"],
            change_history=[{"public_timestamp": p["first_published_at"], "note": "First published."}],
            political=False,
            government={"title": "2019 to 2024 Conservative government", "slug": "2019-to-2024-conservative-government", "current": False},
            national_applicability={"england": {"label": "England", "applicable": True},
                                    "wales": {"label": "Wales", "applicable": True}},
        ),
        links=dict(
            organisations=[_org_link(p["org"])],
            primary_publishing_organisation=[_org_link(p["org"])],
            available_translations=[dict(base_path=base_path, content_id=p["content_id"], locale="en",
                                         title=p["title"], api_url=f"{WEB}/api/content{base_path}",
                                         web_url=f"{WEB}{base_path}")],
        ),
    )


def search_doc(d: dict) -> dict:
    org = ORGS[d["org"]]
    return dict(
        title=d["title"], link=d["link"], description=d["description"],
        public_timestamp=d["public_timestamp"], format=d["format"], display_type=d["display_type"],
        content_store_document_type=d["content_store_document_type"],
        organisations=[{k: org[k] for k in ("title", "acronym", "slug", "link", "content_id",
                                            "organisation_state", "organisation_type")}],
        slug=d["link"].rsplit("/", 1)[-1], content_id=d.get("content_id"),
        document_series=[], specialist_sectors=[], policy_areas=[], world_locations=[],
        topic_content_ids=[], topical_events=[], expanded_topics=[],
        organisation_content_ids=[org["content_id"]],
        expanded_organisations=[dict(org)],
        popularity=d["popularity"], is_historic=False,
        government_name="2019 to 2024 Conservative government",
        indexable_content=d.get("indexable_content", ""),
    )


def publication_html(p: dict) -> str:
    item = content_item(p)
    atts = []
    for a in item["details"]["attachments"]:
        kind = a["filename"].rsplit(".", 1)[-1].upper()
        atts.append(f"""<section class="gem-c-attachment">
  <div class="gem-c-attachment__details">
    <h3 class="gem-c-attachment__title"><a class="govuk-link" href="{a['url']}">{html.escape(a['title'])}</a></h3>
    <p class="gem-c-attachment__metadata"><span class="gem-c-attachment__attribute"><abbr title="{kind}">{kind}</abbr></span>, <span class="gem-c-attachment__attribute">{max(1, a['file_size'] // 1024)} KB</span></p>
  </div>
</section>""")
    pub = datetime.fromisoformat(p["first_published_at"])
    return f"""<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{html.escape(p['title'])} - GOV.UK</title>
<meta name="description" content="{html.escape(p['description'])}">
<meta name="govuk:content-id" content="{p['content_id']}">
<meta name="govuk:format" content="{p['document_type']}">
<meta name="govuk:organisations" content="&lt;D6&gt;">
<link rel="canonical" href="{WEB}/government/statistics/{p['slug']}">
</head>
<body class="govuk-template__body">
<div id="global-cookie-message" class="gem-c-cookie-banner"><p>We use some essential cookies to make this service work.</p><button>Accept additional cookies</button></div>
<header class="govuk-header"><a href="{WEB}/" class="govuk-header__link--homepage">GOV.UK</a></header>
<main class="govuk-main-wrapper" id="content">
<div class="gem-c-title"><span class="gem-c-title__context">Official Statistics</span><h1 class="gem-c-title__text">{html.escape(p['title'])}</h1></div>
<p class="gem-c-lead-paragraph">{html.escape(p['description'])}</p>
<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="{WEB}{ORGS[p['org']]['link']}">{ORGS[p['org']]['title']}</a></dd><dt>Published</dt><dd>{pub.day} {pub:%B %Y}</dd></dl></div>
<section id="documents"><h2>Documents</h2>
{chr(10).join(atts)}
</section>
<section id="details"><h2>Details</h2>
{p['body']}
</section>
</main>
<footer class="govuk-footer"><p>All content is available under the Open Government Licence v3.0, except where otherwise stated. This is a demonstration copy for software testing.</p></footer>
</body>
</html>
"""


def main() -> None:
    docs = []
    for p in PUBLICATIONS:
        item = content_item(p)
        f = ROOT / "api" / "content" / "government" / "statistics" / f"{p['slug']}.json"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(item, indent=2) + "\n", "utf-8")
        page = ROOT / "government" / "statistics" / f"{p['slug']}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(publication_html(p), "utf-8")
        docs.append(search_doc(dict(
            title=p["title"], link=item["base_path"], description=p["description"],
            public_timestamp=p["public_updated_at"], org=p["org"],
            content_store_document_type=p["document_type"], format="publication",
            display_type="Official Statistics", popularity=p["popularity"],
            content_id=p["content_id"], indexable_content=p["body"])))
    docs += [search_doc(d) for d in SEARCH_ONLY]
    (ROOT / "_search_index.json").write_text(json.dumps(docs, indent=1) + "\n", "utf-8")
    (ROOT / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>GOV.UK (demo)</title></head><body>'
        "<h1>GOV.UK (demo)</h1><ul>"
        '<li><a href="/govuk/api/search.json?filter_organisations=home-office&amp;filter_content_store_document_type=official_statistics&amp;order=-public_timestamp&amp;fields=title,link,public_timestamp,description&amp;count=50">Search API: Home Office official statistics</a></li>'
        + "".join(f'<li><a href="/govuk/government/statistics/{p["slug"]}">{html.escape(p["title"])}</a> '
                  f'(<a href="/govuk/api/content/government/statistics/{p["slug"]}">content API</a>)</li>'
                  for p in PUBLICATIONS)
        + "</ul></body></html>\n", "utf-8")
    print("wrote gov.uk pages:", len(PUBLICATIONS), "publications,", len(docs), "search documents")


if __name__ == "__main__":
    main()
