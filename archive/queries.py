"""Reading figures back: filters by canonical names, one row per figure with all its sources."""
from __future__ import annotations

import json

from sqlite_utils import Database

def find_figures(db: Database, *, force: str | None = None, offence: str | None = None,
                 disposal: str | None = None, since: str | None = None,
                 limit: int | None = None) -> list[dict]:
    """Figures newest first, one row per figure however many documents report it.

    Names must be canonical (policewatch.names resolves what users type); case is ignored. The date of a figure is its document's
    publication date, or the day it was fetched when unpublished; a figure found in
    several documents is shown with the newest one, and `urls` lists every document
    that carries it.
    """
    where, params = [], []
    for column, value in (("force", force), ("offence", offence), ("disposal", disposal)):
        if value is not None:
            where.append(f"lower(f.[{column}]) = lower(?)")
            params.append(value)
    if since:
        where.append("substr(coalesce(d.published, d.fetched_at), 1, 10) >= ?")
        params.append(since)
    sql = f"""
    with matching as (
        select f.*, d.url, d.title, d.source, d.kind,
               substr(coalesce(d.published, d.fetched_at), 1, 10) as date,
               row_number() over (partition by f.figure_key
                   order by coalesce(d.published, d.fetched_at) desc, f.id desc) as nth
        from figures f join documents d on d.id = f.document_id
        {"where " + " and ".join(where) if where else ""}
    )
    select m.force, m.offence, m.disposal, m.count, m.period, m.previous_count, m.change_pct,
           m.quote, m.date, m.url, m.title, m.source, m.kind, m.document_id, m.figure_key,
           (select json_group_array(url) from (
               select d2.url from figures f2 join documents d2 on d2.id = f2.document_id
               where f2.figure_key = m.figure_key
               group by d2.url order by max(coalesce(d2.published, d2.fetched_at)) desc)) as urls
    from matching m where m.nth = 1
    order by m.date desc, m.id desc
    {"limit ?" if limit else ""}
    """
    rows = db.query(sql, params + ([limit] if limit else []))
    return [{**row, "urls": json.loads(row["urls"])} for row in rows]
