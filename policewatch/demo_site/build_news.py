"""Write the news part of the demo site: two fictional papers, their feeds and articles.

Run ``python -m policewatch.demo_site.build_news``; the output is committed.
All stories, people and figures are invented for testing.
"""

from __future__ import annotations

import html
import json
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"

GAZETTE = {
    "key": "gazette",
    "name": "The Wolds and Fens Gazette",
    "short": "Gazette",
    "sections": ["News", "Crime", "Courts", "Politics", "Sport", "What's on", "Property", "Jobs"],
}
LEDGER = {
    "key": "ledger",
    "name": "The Daily Ledger",
    "short": "Ledger",
    "sections": ["UK", "World", "Politics", "Business", "Opinion", "Culture", "Sport", "Puzzles"],
}

# Each article: paper, path, title, summary, published (ISO), date_style, byline, body (HTML).
# date_style: "meta" (article:published_time), "jsonld" (NewsArticle datePublished) or
# "none" (date only in the feed).
ARTICLES: list[dict] = [
    # ------------------------------------------------------------- Gazette
    dict(
        paper=GAZETTE, path="/news/gazette/2024/03/14/community-resolutions-child-rape-cases.html",
        title="Police used community resolutions in four child rape cases",
        summary="Figures obtained by the Gazette show Lincolnshire Police closed four reports of "
                "child rape last year without charge or caution.",
        published="2024-03-14T06:30:00+00:00", date_style="meta", byline="Hannah Oduya, crime reporter",
        body="""
<p class="standfirst">Campaigners say the informal outcome should never be used for the most serious sexual offences.</p>
<p>Lincolnshire Police handed out community resolutions in four child rape cases last year, according to figures released to the Gazette under the Freedom of Information Act.</p>
<p>A community resolution is an informal outcome: there is no criminal record, and the suspect usually agrees to apologise or to attend a course. National guidance says it is intended for minor offending such as low-level criminal damage.</p>
<p>The force said all four cases involved suspects who were themselves children, the youngest aged 12, and that each decision had been reviewed by a senior officer. &ldquo;These are complex cases and the wishes of the victim and their family are always considered,&rdquo; a spokesperson said.</p>
<p>Marion Keele, who founded the Boston-based support group Safe Harbour in 2009, said: &ldquo;A rape is a rape. A 13-year-old girl deserves to see it treated as one.&rdquo;</p>
<p>The force's budget for its child protection unit rose to &pound;3.2 million this year, an increase of 6 per cent.</p>
""",
    ),
    dict(
        paper=GAZETTE, path="/news/gazette/2024/04/02/humberside-cannabis-warnings-rise.html",
        title="Cannabis warnings soar as Humberside changes approach",
        summary="The number of cannabis warnings handed out on both banks of the Humber has risen by half.",
        published="2024-04-02T11:05:00+01:00", date_style="jsonld", byline="Tom Radley",
        body="""
<p class="standfirst">Officers are being encouraged to deal with small amounts of cannabis on the street.</p>
<p>The number of cannabis warnings issued by Humberside Police for possession of cannabis rose from 421 in 2021/22 to 643 in 2022/23, the force's own data shows.</p>
<p>Chief Inspector Leanne Hurst said the change freed officers from hours of paperwork. &ldquo;A warning takes twenty minutes. A file for court can take a whole shift,&rdquo; she said.</p>
<p>Critics point out that a warning can be given only for personal use, and that repeat offenders should be charged. One Hull councillor, aged 58, said he had seen &ldquo;the same three lads smoking outside the library every afternoon since 2022&rdquo;.</p>
<p>The force covers around 900,000 people across Hull, Grimsby, Scunthorpe and the East Riding.</p>
""",
    ),
    dict(
        paper=GAZETTE, path="/news/gazette/2024/04/19/norfolk-shoplifting-penalty-notices.html",
        title="Shop thieves fined on the spot as retail crime climbs",
        summary="Norfolk's police are using penalty notices against shoplifters more often.",
        published="2024-04-19T08:00:00+01:00", date_style="none", byline="Priya Castell",
        body="""
<p>Norfolk Constabulary is turning to penalty notices for disorder to deal with a wave of shoplifting in the county's market towns.</p>
<p>Between January and March this year the force issued penalty notices for disorder to shoplifters in Norfolk, figures seen by the Gazette show. The sanction was used nine times, compared with a dozen times in the same three months of 2023.</p>
<p>Each notice carries a &pound;90 fine. Retailers say that is far less than the value of the goods taken: one Dereham shop lost stock worth &pound;1,400 in a single week in February.</p>
<p>The British Retail Consortium estimates that theft costs shops across the East of England more than &pound;100 million a year.</p>
""",
    ),
    dict(
        paper=GAZETTE, path="/news/gazette/2024/05/07/man-jailed-after-supermarket-assault.html",
        title="Man jailed for 18 months after supermarket car park attack",
        summary="A 34-year-old man who punched a security guard has been jailed.",
        published="2024-05-07T16:40:00+01:00", date_style="meta", byline="Court reporter",
        body="""
<p>A man who punched a supermarket security guard four times in a Spalding car park has been jailed for 18 months.</p>
<p>Darren Whitlow, 34, of Pinchbeck Road, admitted assault occasioning actual bodily harm at Lincoln Crown Court on Monday. The court heard he had 11 previous convictions dating back to 2009.</p>
<p>The guard, 61, needed 14 stitches and was off work for six weeks. Judge Alison Perry also ordered Whitlow to pay &pound;500 compensation and a victim surcharge of &pound;187.</p>
<p>In 2022 Whitlow was given a suspended sentence of 26 weeks for a similar attack. &ldquo;Staff are entitled to go to work without fear,&rdquo; the judge said, adding that 90 per cent of the guard's shifts are now worked in pairs.</p>
""",
    ),
    dict(
        paper=GAZETTE, path="/news/gazette/2024/05/21/cautions-sexual-offences-kent-essex.html",
        title="Hundreds of sex offenders given cautions instead of court, figures show",
        summary="Forces in the south-east cautioned dozens of suspects for sexual offences last year.",
        published="2024-05-21T07:15:00+01:00", date_style="jsonld", byline="Hannah Oduya and Sam Ekwueme",
        syndicated_path="/news/ledger/partners/gazette/kent-essex-sexual-offence-cautions.html",
        body="""
<p class="standfirst">Victims' groups say a caution sends the wrong message for sexual offending.</p>
<p>Police forces in the south-east of England gave cautions to dozens of people accused of sexual offences last year, figures compiled by the Gazette's data team show.</p>
<p>In 2023 Kent issued 45 and Essex 38 cautions for sexual offences, most of them for sexual assault or exposure.</p>
<p>A caution is a formal admission of guilt and appears on a criminal record check for at least two years for an adult. Both forces said every caution was authorised by an inspector and that victims had been consulted.</p>
<p>The Gazette asked all 43 forces in England and Wales for the same information; 31 replied within the 20 working days the law allows.</p>
<p><em>This article was produced with the Ledger's regional data partnership.</em></p>
""",
    ),
    dict(
        paper=GAZETTE, path="/news/gazette/2024/05/30/precept-rise-approved.html",
        title="Policing precept rise of 4.9 per cent approved",
        summary="Band D households will pay an extra \u00a313 a year towards policing.",
        published="2024-05-30T18:20:00+01:00", date_style="meta", byline="Local democracy reporter",
        body="""
<p>The Lincolnshire Police and Crime Commissioner's plan to raise the policing part of council tax by 4.9 per cent has been approved by the county's police and crime panel.</p>
<p>Band D households will pay &pound;13 more a year, taking the annual charge to &pound;293.13. The commissioner said the money would pay for 25 extra neighbourhood officers by 2025.</p>
<p>Seven members of the panel voted in favour and three against. One member, a retired sergeant aged 67, said the county had &ldquo;fewer officers per head than it did in 2010&rdquo;.</p>
""",
    ),
    dict(
        paper=GAZETTE, path="/private/embargoed/derbyshire-community-resolutions-preview.html",
        title="EMBARGOED: Derbyshire community resolution figures",
        summary="Not for publication before the embargo lifts.",
        published="2024-06-01T00:01:00+01:00", date_style="meta", byline="Data desk",
        body="""
<p><strong>EMBARGOED until 00:01 on Saturday.</strong> Do not publish or crawl.</p>
<p>Derbyshire Constabulary used community resolutions 77 times for violence against the person in 2023.</p>
""",
    ),
    # -------------------------------------------------------------- Ledger
    dict(
        paper=LEDGER, path="/news/ledger/uk/2024/06/03/out-of-court-disposals-big-city-forces.html",
        title="Revealed: how England's big-city forces deal with violence out of court",
        summary="A Ledger analysis of force data shows wide differences in the use of cautions, "
                "community resolutions and penalty notices.",
        published="2024-06-03T05:00:00+01:00", date_style="meta", byline="Ledger data team",
        body="""
<p class="standfirst">Two forces of a similar size made very different choices, our analysis shows.</p>
<p>The Ledger asked England's largest metropolitan forces how they had dealt with offences of violence against the person that did not go to court in the year ending March 2024.</p>
<table class="data-table">
<caption>Out-of-court disposals for violence against the person, year ending March 2024</caption>
<thead><tr><th>Force</th><th>Community resolution</th><th>Caution</th><th>Penalty notice for disorder</th></tr></thead>
<tbody>
<tr><th scope="row">Greater Manchester Police</th><td>1,832</td><td>964</td><td>112</td></tr>
<tr><th scope="row">West Midlands Police</th><td>2,417</td><td>1,105</td><td>87</td></tr>
<tr><th scope="row">Merseyside Police</th><td>1,296</td><td>703</td><td>54</td></tr>
<tr><th scope="row">South Yorkshire Police</th><td>1,140</td><td>512</td><td>39</td></tr>
</tbody>
</table>
<p class="table-note">Source: force responses to Freedom of Information requests. Figures are offences, not people.</p>
<p>West Midlands Police said that community resolutions were &ldquo;used only where the victim agrees and the harm is low&rdquo;. Greater Manchester Police did not comment.</p>
<p>Researchers at the University of Sheffield found in 2021 that 62 per cent of victims offered a community resolution were satisfied with the outcome.</p>
""",
    ),
    dict(
        paper=LEDGER, path="/news/ledger/uk/2024/06/11/met-community-resolutions-domestic-abuse.html",
        title="Scotland Yard settled more than a thousand domestic assaults with an apology",
        summary="Campaigners say community resolutions put victims of domestic abuse at risk.",
        published="2024-06-11T06:00:00+01:00", date_style="jsonld", byline="Ruth Amankwah, home affairs editor",
        body="""
<p>Scotland Yard used community resolutions in 1,204 cases of domestic abuse-related common assault in 2023, figures released under the Freedom of Information Act show.</p>
<p>Guidance from the College of Policing says community resolutions should be used in domestic abuse cases only in exceptional circumstances. The Met said it was &ldquo;reviewing every one of these decisions&rdquo;.</p>
<p>Elsewhere, West Yorkshire Police gave 212 conditional cautions for criminal damage in 2022/23, a route that lets officers attach conditions such as paying for repairs.</p>
<p>Refuge workers in Croydon said they supported about 3,000 women last year, 40 per cent of them aged under 30.</p>
""",
    ),
    dict(
        paper=LEDGER, path="/news/ledger/uk/2024/06/20/sentencing-review-prison-places.html",
        title="Sentencing review promises 2,000 new prison places by 2026",
        summary="Ministers hope shorter sentences served in the community will ease overcrowding.",
        published="2024-06-20T12:30:00+01:00", date_style="jsonld", byline="Political staff",
        body="""
<p>The government will build 2,000 new prison places by 2026 and expand community sentences, the justice secretary announced on Thursday.</p>
<p>Prisons in England and Wales are running at 99 per cent of capacity. Sentences of less than 12 months would be presumed to be suspended, and about 1,500 prisoners could be released up to 40 days early.</p>
<p>The plans will cost &pound;4.5bn over four years. A 21-year-old serving six months for burglary would, under the new rules, be more likely to serve an 18-month community order instead.</p>
""",
    ),
    dict(
        paper=LEDGER, path="/news/ledger/uk/2024/07/02/transport-police-cautions-sexual-assault.html",
        title="Transport police cautioned 57 suspects for sexual assault on trains",
        summary="Women's groups want more cases taken to court.",
        published="2024-07-02T07:45:00+01:00", date_style="meta", byline="Transport correspondent",
        body="""
<p>British Transport Police cautioned 57 people for sexual assault on the rail network in 2023, the force has confirmed.</p>
<p>BTP says reports have risen since it launched its 61016 text service, which 70 per cent of people who report sexual harassment now use.</p>
<p>The force said most cautions related to incidents on London Underground and commuter lines into London, and that the youngest suspect was 15.</p>
""",
    ),
    dict(
        paper=LEDGER, path="/news/ledger/uk/2024/07/15/wales-cannabis-warnings.html",
        title="Cannabis warnings: Welsh forces take opposite paths",
        summary="One force barely uses them; its neighbour has made them routine.",
        published="2024-07-15T09:10:00+01:00", date_style="jsonld", byline="Wales correspondent",
        body="""
<p>Dyfed-Powys Police issued 318 cannabis warnings for possession of cannabis in 2023, while South Wales Police gave out 1,090 over the same period.</p>
<p>Adjusted for population, South Wales used the warning about twice as often. Dyfed-Powys said its officers preferred to refer people under 25 to drug education courses.</p>
<p>North Wales Police declined to provide figures, saying that answering would cost more than the &pound;450 limit set by the law.</p>
""",
    ),
    dict(
        paper=LEDGER, path="/news/ledger/uk/2024/07/22/officer-numbers-record.html",
        title="Officer numbers reach record high, Home Office says",
        summary="There are now 147,746 full-time equivalent officers in England and Wales.",
        published="2024-07-22T10:00:00+01:00", date_style="meta", byline="Home affairs staff",
        body="""
<p>There were 147,746 full-time equivalent police officers in England and Wales at the end of March 2024, the highest number since records began in 2003.</p>
<p>The Metropolitan Police Service employs 33,980 of them, about 23 per cent of the total. Lincolnshire Police has 1,199 officers, among the fewest per head of population.</p>
<p>The Police Federation said that one in five officers had less than two years' experience.</p>
""",
    ),
]


def _paper_nav(paper: dict) -> str:
    items = "".join(f'<li><a href="/news/{paper["key"]}/{s.lower().replace(" ", "-").replace(chr(39), "")}/">{html.escape(s)}</a></li>'
                    for s in paper["sections"])
    return f'<nav class="site-nav" aria-label="Sections"><ul>{items}</ul></nav>'


def _related(article: dict) -> str:
    others = [a for a in ARTICLES if a["paper"] is article["paper"] and a is not article
              and not a["path"].startswith("/private/")][:3]
    links = "".join(f'<li><a href="{a["path"]}">{html.escape(a["title"])}</a></li>' for a in others)
    return (f'<aside class="related"><h2>Related stories</h2><ul>{links}</ul>'
            '<h2>Most read</h2><ol><li><a href="/news/">Bypass roadworks to last until spring</a></li>'
            '<li><a href="/news/">Ten of the best farm shops</a></li>'
            '<li><a href="/news/">Lottery win for village syndicate</a></li></ol></aside>')


def render_article(article: dict, path: str) -> str:
    paper = article["paper"]
    title = html.escape(article["title"])
    pub = article["published"]
    head_extra = []
    if article["date_style"] == "meta":
        head_extra.append(f'<meta property="article:published_time" content="{pub}">')
    elif article["date_style"] == "jsonld":
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article["title"],
            "datePublished": pub,
            "dateModified": pub,
            "author": [{"@type": "Person", "name": article["byline"]}],
            "publisher": {"@type": "Organization", "name": paper["name"]},
            "mainEntityOfPage": "{{BASE}}" + article["path"],
        }
        head_extra.append('<script type="application/ld+json">' + json.dumps(ld, indent=1) + "</script>")
    canonical = article["path"]
    dateline = ""
    if article["date_style"] != "none":
        d = datetime.fromisoformat(pub)
        dateline = f'<time datetime="{pub}">{d.day} {d:%B %Y}</time>'
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title} | {html.escape(paper["name"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{html.escape(article["summary"])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{html.escape(paper["name"])}">
<link rel="canonical" href="{{{{BASE}}}}{canonical}">
{chr(10).join(head_extra)}
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"section": "news", "paywall": false}});</script>
</head>
<body class="article-page">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We and our 143 partners use cookies to personalise content and adverts and to analyse our traffic. You can change your choices at any time.</p>
  <button class="accept">Accept all</button> <button class="reject">Reject non-essential</button> <a href="/news/{paper["key"]}/cookies/">Manage preferences</a>
</div>
<header class="masthead">
  <a class="logo" href="/news/{paper["key"]}/">{html.escape(paper["name"])}</a>
  <form class="search" action="/news/{paper["key"]}/search/"><input name="q" placeholder="Search"></form>
  <a class="subscribe" href="/news/{paper["key"]}/subscribe/">Subscribe from &pound;1 a week</a>
</header>
{_paper_nav(paper)}
<div class="ad ad-leaderboard" data-slot="top-728x90"><span class="ad-label">Advertisement</span><a href="/ads/click?id=8812">Conservatory blinds: 30% off this weekend only</a></div>
<main>
<article class="story">
  <header>
    <p class="kicker">Crime</p>
    <h1 class="headline">{title}</h1>
    <p class="byline">By {html.escape(article["byline"])} {dateline}</p>
  </header>
  <div class="story-body">
{article["body"].strip()}
  </div>
  <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
  <p class="comments-closed">Comments are closed on this article for legal reasons.</p>
</article>
<div class="ad ad-mpu" data-slot="mpu-300x250"><span class="ad-label">Advertisement</span><a href="/ads/click?id=4410">Local singles near you aged 40+</a></div>
{_related(article)}
<section class="newsletter"><h2>Get the morning briefing</h2><p>The top 5 stories, every weekday at 7am.</p><form><input type="email" name="email"><button>Sign up</button></form></section>
</main>
<footer class="site-footer">
  <ul><li><a href="/news/{paper["key"]}/about/">About us</a></li><li><a href="/news/{paper["key"]}/contact/">Contact</a></li><li><a href="/news/{paper["key"]}/complaints/">Complaints</a></li><li><a href="/news/{paper["key"]}/privacy/">Privacy notice</a></li><li><a href="/news/{paper["key"]}/terms/">Terms</a></li></ul>
  <p>&copy; 2024 {html.escape(paper["name"])}. Registered in England and Wales No. 01234567. This is a fictional publication used for software testing.</p>
</footer>
</body>
</html>
"""


def _rss_date(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso))


def render_rss(articles: list[dict]) -> str:
    items = []
    for a in articles:
        link = a["path"]
        if a.get("syndicated_path"):
            link += "?utm_source=rss&utm_medium=feed&utm_campaign=crime"
        items.append(f"""  <item>
    <title>{html.escape(a["title"])}</title>
    <link>{{{{BASE}}}}{html.escape(link)}</link>
    <guid isPermaLink="false">gazette-{a["path"].rsplit("/", 1)[-1].removesuffix(".html")}</guid>
    <pubDate>{_rss_date(a["published"])}</pubDate>
    <dc:creator>{html.escape(a["byline"])}</dc:creator>
    <category>Crime</category>
    <description>{html.escape(a["summary"])}</description>
  </item>""")
    last = max(a["published"] for a in articles)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>{html.escape(GAZETTE["name"])} - Crime</title>
  <link>{{{{BASE}}}}/news/gazette/</link>
  <description>Crime and courts news from the Wolds and the Fens.</description>
  <language>en-gb</language>
  <lastBuildDate>{_rss_date(last)}</lastBuildDate>
  <ttl>15</ttl>
  <atom:link href="{{{{BASE}}}}/news/gazette/rss.xml" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
</channel>
</rss>
"""


def render_atom(entries: list[tuple[dict, str]]) -> str:
    out = []
    for a, path in entries:
        out.append(f"""  <entry>
    <id>tag:ledger.example,2024:{path}</id>
    <title>{html.escape(a["title"])}</title>
    <link rel="alternate" type="text/html" href="{{{{BASE}}}}{html.escape(path)}"/>
    <published>{a["published"]}</published>
    <updated>{a["published"]}</updated>
    <author><name>{html.escape(a["byline"])}</name></author>
    <summary type="html">{html.escape("<p>" + html.escape(a["summary"]) + "</p>")}</summary>
  </entry>""")
    updated = max(a["published"] for a, _ in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>tag:ledger.example,2024:/news/ledger/atom.xml</id>
  <title>{html.escape(LEDGER["name"])}: UK news</title>
  <subtitle>Home affairs, crime and justice</subtitle>
  <link rel="self" type="application/atom+xml" href="{{{{BASE}}}}/news/ledger/atom.xml"/>
  <link rel="alternate" type="text/html" href="{{{{BASE}}}}/news/ledger/"/>
  <updated>{updated}</updated>
  <author><name>{html.escape(LEDGER["name"])}</name></author>
{chr(10).join(out)}
</feed>
"""


def paper_index(paper: dict, articles: list[tuple[dict, str]], feed: str) -> str:
    links = "".join(f'<li><a href="{p}">{html.escape(a["title"])}</a></li>' for a, p in articles)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(paper["name"])}</title>
<link rel="alternate" type="{"application/rss+xml" if feed.endswith("rss.xml") else "application/atom+xml"}" href="{feed}"></head>
<body><h1>{html.escape(paper["name"])}</h1>{_paper_nav(paper)}<ul class="stories">{links}</ul>
<p><a href="{feed}">Feed</a></p><p>A fictional publication used for software testing.</p></body></html>
"""


def build() -> dict[str, str]:
    files: dict[str, str] = {}
    gazette = [a for a in ARTICLES if a["paper"] is GAZETTE]
    ledger = [a for a in ARTICLES if a["paper"] is LEDGER]
    for a in ARTICLES:
        files[a["path"]] = render_article(a, a["path"])
        if a.get("syndicated_path"):
            files[a["syndicated_path"]] = render_article(a, a["syndicated_path"])
    files["/news/gazette/rss.xml"] = render_rss(sorted(gazette, key=lambda a: a["published"], reverse=True))
    atom_entries = [(a, a["path"]) for a in ledger]
    atom_entries += [(a, a["syndicated_path"]) for a in gazette if a.get("syndicated_path")]
    atom_entries.sort(key=lambda e: e[0]["published"], reverse=True)
    files["/news/ledger/atom.xml"] = render_atom(atom_entries)
    files["/news/gazette/index.html"] = paper_index(
        GAZETTE, [(a, a["path"]) for a in gazette if not a["path"].startswith("/private/")], "/news/gazette/rss.xml")
    files["/news/ledger/index.html"] = paper_index(LEDGER, atom_entries, "/news/ledger/atom.xml")
    files["/news/index.html"] = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>News</title></head><body>'
        '<h1>News</h1><ul><li><a href="/news/gazette/">The Wolds and Fens Gazette</a> '
        '(<a href="/news/gazette/rss.xml">RSS</a>)</li><li><a href="/news/ledger/">The Daily Ledger</a> '
        '(<a href="/news/ledger/atom.xml">Atom</a>)</li></ul></body></html>\n')
    return files


def main() -> None:
    for path, text in build().items():
        f = SITE / path.lstrip("/")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, "utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
