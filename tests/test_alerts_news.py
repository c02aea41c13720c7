"""What counts as news: new, changed (was / now), repeat."""
from __future__ import annotations

import archive
from alerts.news import Latest, classify, detect_and_queue, family_key, figure_key
from archive.documents import save_document
from archive.figures import replace_figures
from tests.smtp import add_figure, alert_config, smtp_sink  # noqa: F401 (fixtures)

KENT = {"force": "Kent", "disposal": "caution", "offence": "rape", "period": "2023", "count": 643,
        "document_id": 2}


def test_classify():
    key = figure_key(KENT)
    fig = {**KENT, "figure_key": key}
    assert classify(fig, {key}, {}) == ("repeat", None)
    assert classify(fig, set(), {}) == ("new", None)
    assert classify(fig, set(), {family_key(KENT): Latest(421)}) == ("changed", 421)
    # Same family twice in one document: a breakdown, not a revision.
    assert classify(fig, set(), {family_key(KENT): Latest(421, document_id=2)}) == ("new", None)
    # No period: the two counts may be different years.
    no_period = {**fig, "period": None}
    assert classify(no_period, set(), {family_key(no_period): Latest(421)}) == ("new", None)
    assert figure_key({**KENT, "force": "KENT "}) == key  # case and spacing do not matter


def test_table_rows_in_one_document_are_each_new(alert_config):
    db = archive.open_archive(alert_config.archive.path)
    saved = save_document(db, url="https://foi.example/table.csv", source="foi", kind="foi",
                          text="District | Cautions\nA | 4\nB | 7")
    rows = [{**KENT, "count": n} for n in (4, 7)]
    for row in rows:
        row["figure_key"] = figure_key(row)
    replace_figures(db, saved.document_id, db["documents"].get(saved.document_id)["content_hash"], rows)
    detected = detect_and_queue(db, archive.open_private(alert_config.archive.private_path))
    assert (detected.new, detected.changed) == (2, 0)


def test_updated_document_with_a_new_count_is_a_change(alert_config):
    add_figure(alert_config, count=421, url="https://n.example/a", text="Kent: 421 cautions.")
    public = archive.open_archive(alert_config.archive.path)
    private = archive.open_private(alert_config.archive.private_path)
    assert detect_and_queue(public, private).new == 1
    add_figure(alert_config, count=643, url="https://n.example/a", text="Kent: 643 cautions (corrected).")
    detected = detect_and_queue(public, private)
    assert (detected.new, detected.changed) == (0, 1)
    (news,) = [r for r in private.query("select * from news where kind = 'changed'")]
    assert (news["previous_count"], news["count"]) == (421, 643)
