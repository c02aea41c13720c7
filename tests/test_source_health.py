"""An admin hears once when a source breaks, and once when it heals."""
from __future__ import annotations

import archive
from alerts.source_health import check_source
from archive.runs import finish_run, record_error, start_run


def _run(db, status, items=5, error=None):
    run = start_run(db, "kent-log")
    if error:
        record_error(db, run, "kent-log", "https://force.example/log", error)
    finish_run(db, run, status=status, pages=1 if status != "failed" else 0,
               new_documents=0, items_seen=items if status != "failed" else 0)


def test_three_failures_in_a_row_send_one_notice_then_one_recovery(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    sent = []
    _run(db, "ok")
    assert check_source(db, "kent-log", 3, sent.append) is None
    for _ in range(2):
        _run(db, "failed", error="HTTP 500")
        assert check_source(db, "kent-log", 3, sent.append) is None
    _run(db, "failed", error="HTTP 500")
    notice = check_source(db, "kent-log", 3, sent.append)
    assert notice.state == "broken" and "3 runs in a row" in notice.reason and "HTTP 500" in notice.reason
    for _ in range(3):  # still broken: no repeat
        _run(db, "failed", error="HTTP 500")
        assert check_source(db, "kent-log", 3, sent.append) is None
    _run(db, "ok")
    healed = check_source(db, "kent-log", 3, sent.append)
    assert healed.state == "recovered"
    assert [n.state for n in sent] == ["broken", "recovered"]


def test_a_run_with_no_items_is_broken_when_the_source_usually_has_some(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    sent = []
    for _ in range(3):
        _run(db, "ok", items=8)
    _run(db, "ok", items=0)
    notice = check_source(db, "kent-log", 3, sent.append)
    assert notice.state == "broken" and "no items" in notice.reason


def test_a_notice_that_could_not_be_sent_is_sent_on_the_next_check(tmp_path):
    db = archive.open_archive(tmp_path / "pw.db")
    for _ in range(3):
        _run(db, "failed", error="timeout")

    def mail_server_down(notice):
        raise ConnectionRefusedError("mail server down")

    try:
        check_source(db, "kent-log", 3, mail_server_down)
    except ConnectionRefusedError:
        pass
    sent = []
    assert check_source(db, "kent-log", 3, sent.append).state == "broken"
    assert check_source(db, "kent-log", 3, sent.append) is None
    assert len(sent) == 1
