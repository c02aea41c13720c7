"""Write the Single Online Home style disclosure log of the demo site (under ``/force/``).

Run ``python -m policewatch.demo_site.build_disclosure``; the output is committed.
``/force/`` stands for a force's web site root (here a fictional copy of the
Derbyshire Constabulary site).  Requests and figures are invented.

Stable selectors: item links ``.published-items a.item-link``; next page ``a.next``
(also ``rel="next"``); listing pages ``?page=2``, ``?page=3``.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from .make_attachments import PATHS, SITE

LISTING = "/force/foi-ai/af/accessing-information/published-items/"
FORCE = "Derbyshire Constabulary"
PER_PAGE = 4


def _table(header: list[str], rows: list[list[str]]) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    trs = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="foi-table"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>'


ITEMS = [
    dict(ref="24-0803", day=date(2024, 8, 5), slug="foi-24-0803-community-resolutions-sexual-offences-children",
         title="Community resolutions for sexual offences against children",
         request="Please provide the number of community resolutions given for sexual offences where the victim was under 13, in 2022 and 2023.",
         response="<p>In 2023 Derbyshire Constabulary recorded two community resolutions for sexual assault on a child under 13. "
                  "In 2022 there were none.</p><p>Both suspects were aged under 14.</p>"),
    dict(ref="24-0731", day=date(2024, 7, 29), slug="foi-24-0731-outcome-22-diversionary-activity",
         title="Outcome 22 (diversionary, educational or intervention activity)",
         request="How many crimes were finalised with outcome 22 in 2022/23 and 2023/24, by offence?",
         response="<p>The figures are shown below.</p>" + _table(
             ["Offence", "Outcome", "2022/23", "2023/24"],
             [["Possession of cannabis", "Outcome 22 - diversionary activity", "312", "405"],
              ["Shoplifting", "Outcome 22 - diversionary activity", "88", "121"],
              ["Common assault", "Outcome 22 - diversionary activity", "47", "63"]])),
    dict(ref="24-0702", day=date(2024, 7, 15), slug="foi-24-0702-cannabis-warnings-2019-2023",
         title="Cannabis warnings 2019 to 2023",
         request="Please state how many cannabis warnings Derbyshire Constabulary issued for possession of cannabis in each year from 2019 to 2023.",
         response="<p>Derbyshire Constabulary can confirm the following cannabis warnings for possession of cannabis.</p>" + _table(
             ["Year", "Cannabis warnings"],
             [["2019", "1,204"], ["2020", "1,387"], ["2021", "1,122"], ["2022", "964"], ["2023", "871"]])),
    dict(ref="24-0655", day=date(2024, 6, 24), slug="foi-24-0655-conditional-cautions-domestic-abuse",
         title="Conditional cautions for domestic abuse-related offences",
         request="How many conditional cautions were given for domestic abuse-related offences in 2023?",
         response="<p>Derbyshire Constabulary issued 38 conditional cautions for domestic abuse-related common assault in 2023, "
                  "as part of its deferred prosecution scheme. Conditions included attending a 12-week behaviour programme.</p>"),
    dict(ref="24-0601", day=date(2024, 6, 10), slug="foi-24-0601-community-resolutions-hate-crime",
         title="Community resolutions for hate crime",
         request="Please give the number of community resolutions for racially or religiously aggravated offences in 2022 and 2023.",
         response=_table(
             ["Offence", "Outcome", "2022", "2023"],
             [["Racially or religiously aggravated public fear, alarm or distress", "Community Resolution", "41", "36"],
              ["Racially or religiously aggravated harassment", "Community Resolution", "9", "12"]])),
    dict(ref="24-0577", day=date(2024, 5, 20), slug="foi-24-0577-cautions-sexual-offences",
         title="Cautions for sexual offences",
         request="How many adult and youth cautions were issued for sexual offences in each of the last three financial years?",
         response="<p>Please see the attached document.</p>", attachment="soh_pdf"),
    dict(ref="24-0419", day=date(2024, 4, 22), slug="foi-24-0419-penalty-notices-for-disorder-2023",
         title="Penalty notices for disorder issued in 2023",
         request="Please tell me how many penalty notices for disorder were issued in 2023 and for which offences.",
         response="<p>In 2023 the force issued 264 penalty notices for disorder for shoplifting and 59 for being drunk and disorderly. "
                  "The fixed penalty for each is &pound;90.</p>"),
    dict(ref="24-0312", day=date(2024, 3, 25), slug="foi-24-0312-community-resolutions-by-offence",
         title="Community resolutions by offence, April to December 2023",
         request="Please provide the number of community resolutions by offence for April to December 2023, by quarter.",
         response="<p>The information is provided in the attached spreadsheet. In total, 402 community resolutions "
                  "were given for common assault over the nine months.</p>", attachment="soh_xlsx"),
    dict(ref="24-0288", day=date(2024, 3, 11), slug="foi-24-0288-police-vehicle-fleet",
         title="Police vehicle fleet",
         request="How many vehicles are in the force fleet, and how many are electric?",
         response="<p>The force fleet comprised 412 vehicles on 1 March 2024, of which 37 were fully electric. "
                  "Average annual mileage per response car was 31,500 miles.</p>"),
    dict(ref="24-0199", day=date(2024, 2, 19), slug="foi-24-0199-overtime-spend-2022-23",
         title="Overtime spend 2022/23",
         request="What was the total spend on police officer overtime in 2022/23?",
         response="<p>Total officer overtime in 2022/23 was &pound;8.4 million, 3.1 per cent of the pay bill. "
                  "The highest single claim was for 212 hours during a 2022 major incident.</p>"),
]


def item_path(it: dict) -> str:
    month = it["day"].strftime("%B").lower()
    return f"/force/foi-ai/derbyshire-constabulary/disclosure-2024/{month}-2024/{it['slug']}/"


def _shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{html.escape(title)} | {FORCE}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<div class="cookie-banner" role="region" aria-label="Cookies"><p>We use cookies to make this site work and to understand how it is used.</p><button>Accept analytics cookies</button></div>
<header class="site-header"><a class="logo" href="/force/">{FORCE}</a>
<nav class="main-nav"><ul><li><a href="/force/ro/report/">Report</a></li><li><a href="/force/foi-ai/af/accessing-information/">Accessing information</a></li><li><a href="/force/news/">News</a></li><li><a href="/force/contact/">Contact us</a></li></ul></nav></header>
<main id="main-content">
{main}
</main>
<footer class="site-footer"><p>&copy; {FORCE} (demonstration copy for software testing). In an emergency call 999.</p></footer>
</body></html>
"""


def listing_page(page: int, pages: int) -> str:
    start = (page - 1) * PER_PAGE
    items = []
    for it in ITEMS[start:start + PER_PAGE]:
        items.append(f"""    <li class="published-item">
      <a class="item-link" href="{item_path(it)}">FOI {it['ref']} {html.escape(it['title'])}</a>
      <p class="item-meta"><span class="item-type">Disclosure log</span> <time datetime="{it['day'].isoformat()}">{it['day']:%d/%m/%Y}</time></p>
      <p class="item-summary">{html.escape(it['request'])}</p>
    </li>""")
    nav = []
    if page > 1:
        nav.append(f'<a class="previous" rel="prev" href="?page={page - 1}">Previous</a>')
    nav.append(f'<span class="current">Page {page} of {pages}</span>')
    if page < pages:
        nav.append(f'<a class="next" rel="next" href="?page={page + 1}">Next</a>')
    main = f"""<h1>Published items</h1>
<form class="published-items-filter" action="{LISTING}" method="get">
  <label>Search <input name="q"></label>
  <label>Document type <select name="dt"><option>Disclosure log</option><option>Publication scheme</option></select></label>
  <label>From <input name="fdte" type="date"></label> <label>To <input name="tdte" type="date"></label>
  <button type="submit">Filter</button>
</form>
<p class="results-count">Showing {start + 1} to {min(start + PER_PAGE, len(ITEMS))} of {len(ITEMS)} results</p>
<div class="published-items">
  <ul class="items">
{chr(10).join(items)}
  </ul>
</div>
<nav class="pagination" aria-label="Pagination">{' '.join(nav)}</nav>"""
    return _shell("Published items", main)


def item_page(it: dict) -> str:
    att = ""
    if it.get("attachment"):
        path = PATHS[it["attachment"]]
        ext = path.rsplit(".", 1)[-1].upper()
        size = max(1, (SITE / path).stat().st_size // 1024)
        att = (f'<div class="attachments"><h2>Attachments</h2><ul><li>'
               f'<a class="attachment-link" href="/{path}">FOI {it["ref"]} response ({ext}, {size}KB)</a>'
               f"</li></ul></div>")
    main = f"""<article class="disclosure-item">
<h1>{html.escape(it['title'])}</h1>
<p class="published-date">Published: <time datetime="{it['day'].isoformat()}">{it['day'].day} {it['day']:%B %Y}</time></p>
<p class="enquiry-ref">Enquiry Reference: FOI: {it['ref']}</p>
<section class="request"><h2>Request</h2><p>{html.escape(it['request'])}</p></section>
<section class="response"><h2>Response</h2>
{it['response']}
</section>
{att}
<p><a href="{LISTING}">Back to published items</a></p>
</article>"""
    return _shell(it["title"], main)


def main() -> None:
    pages = (len(ITEMS) + PER_PAGE - 1) // PER_PAGE
    root = SITE / LISTING.strip("/")
    root.mkdir(parents=True, exist_ok=True)
    for p in range(1, pages + 1):
        name = "index.html" if p == 1 else f"index.page-{p}.html"
        (root / name).write_text(listing_page(p, pages), "utf-8")
    for it in ITEMS:
        f = SITE / item_path(it).strip("/") / "index.html"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(item_page(it), "utf-8")
    print("wrote disclosure log:", len(ITEMS), "items on", pages, "pages")


if __name__ == "__main__":
    main()
