"""Write the Alaveteli-like FOI part of the demo site (mounted under ``/alaveteli/``).

Run ``python -m policewatch.demo_site.build_alaveteli``; the output is committed.
Routes follow Alaveteli's ``config/routes.rb``; the JSON follows
``InfoRequest#json_for_api``.  Requesters, letters and figures are invented.

Output: ``request/<url_title>.html`` and ``.json`` for each request,
``body/<url_name>.json``, ``index.html`` and ``_events.json`` (the event index the
server uses for ``/feed/search/<query>`` and ``/request_event/<id>``).
Attachments are written by ``make_attachments``.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path

from .make_attachments import PATHS, SITE

ROOT = SITE / "alaveteli"

BODIES = {
    "lincolnshire_police": dict(id=412, name="Lincolnshire Police", short_name="Lincs Police",
                                home_page="https://www.lincs.police.uk",
                                disclosure_log="https://www.lincs.police.uk/foi-ai/af/accessing-information/published-items/"),
    "kent_police": dict(id=388, name="Kent Police", short_name="",
                        home_page="https://www.kent.police.uk",
                        disclosure_log="https://www.kent.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log&fdte=&tdte="),
    "west_yorkshire_police": dict(id=605, name="West Yorkshire Police", short_name="WYP",
                                  home_page="https://www.westyorkshire.police.uk",
                                  disclosure_log="https://www.westyorkshire.police.uk/freedom-of-information"),
}

USERS = {
    "jo_farrant": dict(id=77310, name="Jo Farrant"),
    "daniel_mcintyre": dict(id=81022, name="Daniel McIntyre"),
    "survivors_data_project": dict(id=90415, name="Survivors Data Project"),
}


def _att(key: str, content_type: str) -> dict:
    path = PATHS[key]
    parts = path.split("/")
    return dict(part=int(parts[-2]), filename=parts[-1], content_type=content_type,
                size=(SITE / path).stat().st_size if (SITE / path).exists() else 0)


REQUESTS = [
    dict(
        id=1101, url_title="use_of_community_resolutions_for_rape_offences",
        title="Use of community resolutions for rape offences",
        body="lincolnshire_police", user="jo_farrant", state="successful",
        tags=[["community_resolution", None], ["sexual_offences", None]],
        messages=[
            dict(kind="outgoing", id=2201, event=300101, at="2024-01-08T10:12:44.000+00:00", text="""Dear Lincolnshire Police,

Under the Freedom of Information Act 2000, please provide the number of crimes of rape recorded by your force that were finalised with a community resolution (outcome 8) in each calendar year from 2019 to 2023.

Please break the figures down by Home Office offence code, and include other sexual offences against children under 16 if this can be done within the cost limit.

Yours faithfully,

Jo Farrant"""),
            dict(kind="incoming", id=1901, event=300102, at="2024-02-02T14:03:19.000+00:00",
                 attachments=[_att("lincs_pdf", "application/pdf")],
                 attachment_text="Community resolutions recorded for sexual offences 2019 to 2023 rape of a female child under 13 rape of a male child under 13",
                 text="""Dear Ms Farrant,

Freedom of Information Request Reference No: 000412/24

I write in connection with your request for information received by Lincolnshire Police on 8 January 2024. I can confirm that Lincolnshire Police holds information relevant to your request.

In 2023 Lincolnshire Police recorded four community resolutions for the rape of a child under 13. Over the five years from 2019 to 2023 the outcome was used 13 times for this offence.

Year    Rape of a child under 13 - Community Resolution
2019    0
2020    1
2021    3
2022    5
2023    4

A breakdown by offence code, including other sexual offences against children, is in the attached document.

Every community resolution for a sexual offence is reviewed by a detective inspector. In all of the cases above the suspect was aged under 16 at the time of the offence.

If you are dissatisfied with this response you may ask for an internal review within 40 working days.

Yours sincerely,

Information Compliance Unit
Lincolnshire Police"""),
            dict(kind="status_update", event=300103, at="2024-02-03T09:30:02.000+00:00"),
        ],
    ),
    dict(
        id=1144, url_title="cautions_for_sexual_offences_2021_22_and_2022_23",
        title="Cautions for sexual offences 2021/22 and 2022/23",
        body="kent_police", user="daniel_mcintyre", state="successful",
        tags=[["caution", None]],
        messages=[
            dict(kind="outgoing", id=2230, event=300111, at="2024-01-15T19:44:10.000+00:00", text="""Dear Kent Police,

Please tell me how many adult cautions, youth cautions and community resolutions Kent Police gave for sexual offences in the financial years 2021/22 and 2022/23, broken down by offence.

If possible, please also give a breakdown by policing district for 2022/23.

Yours faithfully,

Daniel McIntyre"""),
            dict(kind="incoming", id=1911, event=300112, at="2024-02-13T11:21:55.000+00:00",
                 attachments=[_att("kent_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                              _att("kent_csv", "text/csv")],
                 attachment_text="Force Offence Outcome 2021-22 2022-23 Kent Sexual assault on a female aged 13 and over Caution - adults Community Resolution Exposure and voyeurism District Medway Swale Thanet Maidstone",
                 text="""Dear Mr McIntyre,

Our reference: FOI/24/0188

Thank you for your request. Kent Police can confirm that it holds the information you asked for.

In 2022/23 Kent Police issued 11 adult cautions for sexual assault on a female aged 13 and over, down from 14 in 2021/22. Community resolutions for exposure and voyeurism rose to 15.

Totals for all sexual offences:

Outcome                 2021-22   2022-23
Caution - adults           35        28
Caution - youths            5         7
Community Resolution       26        29

The attached spreadsheet gives the figures by offence, and the CSV file gives the 2022/23 figures by district. Please note that one suspect may receive more than one outcome.

Yours sincerely,

Freedom of Information Team
Kent Police Headquarters"""),
            dict(kind="status_update", event=300113, at="2024-02-14T08:02:41.000+00:00"),
        ],
    ),
    dict(
        id=1187, url_title="out_of_court_disposals_for_sexual_offences_against_children",
        title="Out of court disposals for sexual offences against children",
        body="west_yorkshire_police", user="survivors_data_project", state="partially_successful",
        tags=[["out_of_court_disposal", None], ["community_resolution", None]],
        messages=[
            dict(kind="outgoing", id=2261, event=300121, at="2024-02-20T09:00:31.000+00:00", text="""Dear West Yorkshire Police,

For each of the financial years 2021/22 and 2022/23, please state how many sexual offences against children under 16 were finalised with (a) a community resolution, (b) a youth caution and (c) an adult caution.

Yours faithfully,

Survivors Data Project"""),
            dict(kind="incoming", id=1921, event=300122, at="2024-02-21T10:14:00.000+00:00", attachments=[],
                 attachment_text="",
                 text="""Dear Sir or Madam,

Thank you for your request for information, which was received on 20 February 2024 and has been given the reference 4471/24.

We will respond within 20 working days, as required by section 10 of the Freedom of Information Act 2000.

Yours faithfully,

Disclosure Unit
West Yorkshire Police"""),
            dict(kind="incoming", id=1922, event=300123, at="2024-03-19T16:48:27.000+00:00",
                 attachments=[_att("wyp_bad_pdf", "application/pdf"),
                              _att("wyp_bad_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")],
                 attachment_text="",
                 text="""Dear Sir or Madam,

Request reference: 4471/24

West Yorkshire Police recorded 27 community resolutions for sexual offences against children under 16 in 2022/23, compared with 19 in 2021/22.

Outcome                 2021/22   2022/23
Community Resolution       19        27
Caution - youths           11         9
Caution - adults            2         3

We are unable to provide a breakdown by offence, because the cost of doing so would exceed the appropriate limit of 18 hours (section 12). Our letter and Appendix A are attached.

Yours faithfully,

Disclosure Unit
West Yorkshire Police"""),
            dict(kind="status_update", event=300124, at="2024-03-20T12:00:00.000+00:00"),
        ],
    ),
]

STATUS_TEXT = {"successful": "Successful", "partially_successful": "Partially successful",
               "waiting_response": "Awaiting response"}


def _event_type(m: dict) -> str:
    return {"outgoing": "sent", "incoming": "response", "status_update": "status_update"}[m["kind"]]


def request_json(r: dict) -> dict:
    body = BODIES[r["body"]]
    user = USERS[r["user"]]
    events = []
    for m in r["messages"]:
        ev = dict(
            id=m["event"], event_type=_event_type(m), created_at=m["at"],
            described_state=r["state"] if m["kind"] != "outgoing" else "waiting_response",
            calculated_state=r["state"] if m["kind"] != "outgoing" else "waiting_response",
            last_described_at=m["at"],
            incoming_message_id=m["id"] if m["kind"] == "incoming" else None,
            outgoing_message_id=m["id"] if m["kind"] == "outgoing" else None,
            comment_id=None,
        )
        if m["kind"] != "status_update":
            ev["display_status"] = STATUS_TEXT[r["state"]] if m["kind"] == "incoming" else "Awaiting response"
        events.append(ev)
    return dict(
        id=r["id"], url_title=r["url_title"], title=r["title"],
        created_at=r["messages"][0]["at"], updated_at=r["messages"][-1]["at"],
        described_state=r["state"], display_status=STATUS_TEXT[r["state"]],
        awaiting_description=False, prominence="normal", law_used="foi",
        tags=r["tags"],
        user=dict(id=user["id"], url_name=r["user"], name=user["name"], ban_text="", about_me=""),
        public_body=body_json(r["body"]),
        info_request_events=events,
    )


def body_json(url_name: str) -> dict:
    b = BODIES[url_name]
    n = sum(1 for r in REQUESTS if r["body"] == url_name)
    return dict(
        id=b["id"], url_name=url_name, name=b["name"], short_name=b["short_name"],
        created_at="2008-01-22T17:51:26.000+00:00", updated_at="2024-01-05T10:00:00.000+00:00",
        home_page=b["home_page"], notes="", publication_scheme="", disclosure_log=b["disclosure_log"],
        tags=[["police", None], ["foi", None]],
        info=dict(requests_count=n, requests_successful_count=n, requests_not_held_count=0,
                  requests_overdue_count=0, requests_visible_classified_count=n),
    )


def _date(iso: str) -> str:
    d = datetime.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def _text_to_html(text: str) -> str:
    paras = []
    for block in text.strip().split("\n\n"):
        lines = [html.escape(line).replace("  ", "&nbsp; ") for line in block.split("\n")]
        paras.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(paras)


def _att_url(r: dict, m: dict, a: dict) -> str:
    return (f"/alaveteli/request/{r['url_title']}/response/{m['id']}/attach/{a['part']}/"
            f"{a['filename']}?cookie_passthrough=1")


def request_html(r: dict) -> str:
    body = BODIES[r["body"]]
    user = USERS[r["user"]]
    blocks = []
    for m in r["messages"]:
        if m["kind"] == "status_update":
            continue
        if m["kind"] == "outgoing":
            author, css, anchor = user["name"], "outgoing", f"outgoing-{m['id']}"
        else:
            author, css, anchor = body["name"], "incoming", f"incoming-{m['id']}"
        atts = ""
        if m.get("attachments"):
            items = []
            for a in m["attachments"]:
                url = _att_url(r, m, a)
                ext = a["filename"].rsplit(".", 1)[-1]
                size = f"{max(1, a['size'] // 1024)}K"
                items.append(
                    f'<li class="attachment">\n'
                    f'  <a href="{html.escape(url)}"><img class="attachment__image" alt="Attachment" src="/alaveteli/assets/content_type/icon_{ext}_large.png"></a>\n'
                    f'  <p class="attachment__name"><a href="{html.escape(url)}">{html.escape(a["filename"])}</a></p>\n'
                    f'  <p class="attachment__meta">{size} <a href="{html.escape(url)}">Download</a></p>\n'
                    f"</li>")
            atts = ('<div class="attachments"><h3 class="attachments__header">'
                    f'{len(items)} Attachment{"s" if len(items) > 1 else ""}</h3>\n'
                    '<ul class="list-of-attachments">\n' + "\n".join(items) + "\n</ul></div>")
        blocks.append(f"""<div class="correspondence box {css}" id="{anchor}" data-event-id="{m['event']}">
  <div class="correspondence__header">
    <span class="correspondence__header__author">{html.escape(author)}</span>
    <span class="correspondence__header__date"><time datetime="{m['at']}">{_date(m['at'])}</time></span>
    <a class="correspondence__header__link" href="#{anchor}">Link to this</a>
  </div>
  {atts}
  <div class="correspondence_text">
{_text_to_html(m['text'])}
  </div>
</div>""")
    status = STATUS_TEXT[r["state"]].lower()
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{html.escape(r["title"])} - a Freedom of Information request to {html.escape(body["name"])} - FOI Demo</title>
<link rel="alternate" type="application/json" href="/alaveteli/request/{r['url_title']}.json" title="JSON version of this request">
<link rel="alternate" type="application/atom+xml" href="/alaveteli/feed/search/request:{r['url_title']}" title="RSS feed of updates to this request">
</head>
<body class="request-show">
<div id="banner"><a href="/alaveteli/" id="logo">FOI Demo</a>
<ul id="navigation"><li><a href="/alaveteli/select_authority">Make a request</a></li><li><a href="/alaveteli/list/all">Browse requests</a></li><li><a href="/alaveteli/body/list/all">View authorities</a></li><li><a href="/alaveteli/help/about">Help</a></li></ul></div>
<div id="wrapper"><div id="content">
<div id="left_column" class="left_column">
  <div id="request_header">
    <h1>{html.escape(r["title"])}</h1>
    <p class="subtitle">Request made by <a href="/alaveteli/user/{r['user']}">{html.escape(user["name"])}</a> to <a href="/alaveteli/body/{r['body']}">{html.escape(body["name"])}</a>. This request has been closed to new correspondence.</p>
  </div>
  <div id="request_status" class="request-status-message"><p>The request was <strong>{status}</strong>.</p></div>
  <div class="request-correspondence">
{chr(10).join(blocks)}
  </div>
</div>
<div id="right_column" class="sidebar">
  <div class="sidebar__section"><h2>Follow this request</h2><a href="/alaveteli/track/request/{r['url_title']}">Follow</a></div>
  <div class="sidebar__section"><h2>Similar requests</h2><ul>{"".join(f'<li><a href="/alaveteli/request/{o["url_title"]}">{html.escape(o["title"])}</a></li>' for o in REQUESTS if o is not r)}</ul></div>
</div>
</div></div>
<div id="footer"><p>This is a demonstration site run on Alaveteli-style routes for software testing.</p></div>
</body>
</html>
"""


def events_index() -> list[dict]:
    out = []
    for r in REQUESTS:
        body = BODIES[r["body"]]
        for m in r["messages"]:
            text = m.get("text", "") + " " + m.get("attachment_text", "")
            flat = " ".join(m.get("text", "").split())
            snippet = flat[:150] + ("..." if len(flat) > 150 else "")
            label = {"outgoing": "Request sent", "incoming": f"Response by {body['name']}",
                     "status_update": "Status updated"}[m["kind"]]
            out.append(dict(
                id=m["event"], event_type=_event_type(m), created_at=m["at"].replace(".000", ""),
                url_title=r["url_title"], info_request_id=r["id"], title=r["title"],
                incoming_message_id=m["id"] if m["kind"] == "incoming" else None,
                outgoing_message_id=m["id"] if m["kind"] == "outgoing" else None,
                public_body=r["body"], public_body_name=body["name"],
                user_name=USERS[r["user"]]["name"],
                calculated_state=r["state"] if m["kind"] != "outgoing" else "waiting_response",
                display_status=STATUS_TEXT[r["state"]] + ".",
                event_label=f"{label} on {_date(m['at'])}",
                filetypes=sorted({a["filename"].rsplit(".", 1)[-1].lower() for a in m.get("attachments", [])}),
                snippet=snippet, text=text,
            ))
    return out


def index_html() -> str:
    items = "".join(
        f'<li class="request_listing"><a href="/alaveteli/request/{r["url_title"]}">{html.escape(r["title"])}</a> '
        f'to {html.escape(BODIES[r["body"]]["name"])}</li>' for r in REQUESTS)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>FOI Demo - make and browse Freedom of Information requests</title>
<link rel="alternate" type="application/atom+xml" href="/alaveteli/feed/search/%22community%20resolution%22" title="Requests matching community resolution"></head>
<body><h1>FOI Demo</h1>
<p>An Alaveteli-style site. Try <a href="/alaveteli/feed/search/%22community%20resolution%22">the feed for "community resolution"</a>
or <a href="/alaveteli/feed/search/variety:response%20requested_from:kent_police">responses from Kent Police</a>.</p>
<h2>Recent requests</h2><ul>{items}</ul></body></html>
"""


def main() -> None:
    ROOT.mkdir(parents=True, exist_ok=True)
    for r in REQUESTS:
        (ROOT / "request").mkdir(exist_ok=True)
        (ROOT / "request" / f"{r['url_title']}.json").write_text(json.dumps(request_json(r), indent=2) + "\n", "utf-8")
        (ROOT / "request" / f"{r['url_title']}.html").write_text(request_html(r), "utf-8")
    (ROOT / "body").mkdir(exist_ok=True)
    for name in BODIES:
        (ROOT / "body" / f"{name}.json").write_text(json.dumps(body_json(name), indent=2) + "\n", "utf-8")
    (ROOT / "_events.json").write_text(json.dumps(events_index(), indent=1) + "\n", "utf-8")
    (ROOT / "index.html").write_text(index_html(), "utf-8")
    print("wrote Alaveteli pages for", len(REQUESTS), "requests")


if __name__ == "__main__":
    main()
