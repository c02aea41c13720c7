"""An admin keeps sources alive: trial crawls, a status table, and one email per breakage."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import archive
from alerts.sink import SMTPSink
from archive.runs import recent_runs
from policewatch.cli import cli
from policewatch.daemon import LiveConfig, crawl_job
from tests.siteserver import FixtureSite

LOG = "/force/foi-ai/af/accessing-information/published-items/"
CONFIG = """
[archive]
path = "data/pw.db"
[crawl]
download_delay = 0
timeout = 5
retries = 0
[mail]
host = "127.0.0.1"
port = {smtp}
sender = "alerts@example.org"
security = "none"
[admin]
emails = ["admin@example.org"]
failure_threshold = 2
[[sources]]
name = "force-log"
type = "page"
url = "{url}"
item_selector = "{selector}"
next_selector = "a.next"
"""


@pytest.fixture
def site():
    with FixtureSite() as running:
        yield running


def _config(tmp_path, site, smtp=25, path=LOG, selector=".published-items a.item-link"):
    file = tmp_path / "policewatch.toml"
    file.write_text(CONFIG.format(smtp=smtp, url=site.url(path), selector=selector), encoding="utf-8")
    return file


def _cli(config, *args):
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_a_failing_source_is_in_status_and_one_admin_email_then_a_recovery_email(tmp_path, site):
    with SMTPSink() as sink:
        config = _config(tmp_path, site, sink.port, path="/fail/500")
        live = LiveConfig(config)
        for _ in range(3):
            assert crawl_job(live, "force-log").startswith("crawl failed")
        (broken,) = sink.wait_for(1)
        assert broken["Subject"] == "PoliceWatch: source force-log is broken"
        assert "failed 2 runs in a row" in broken.get_content() and "500" in broken.get_content()

        status = _cli(config, "sources", "status")
        row = next(line for line in status.splitlines() if line.startswith("force-log"))
        assert "failed (BROKEN)" in row and row.split()[-3] == "3"  # fails in a row
        assert "HTTP 500" in status

        _config(tmp_path, site, sink.port)  # the admin fixes the URL; the daemon sees the edit
        assert crawl_job(live, "force-log").startswith("crawl ok")
        assert recent_runs(archive.open_archive(tmp_path / "data/pw.db"), "force-log", 1)[0]["new_figures"] > 0
        healed = sink.wait_for(2)[1]
        assert healed["Subject"] == "PoliceWatch: source force-log has recovered"
        crawl_job(live, "force-log")
        assert len(sink.messages) == 2
    assert "ok" in _cli(config, "sources", "status").splitlines()[1]


@pytest.mark.slow
def test_check_shows_documents_and_figures_and_stores_nothing(tmp_path, site):
    config = _config(tmp_path, site)
    output = _cli(config, "sources", "check", "force-log", "--limit", "3")
    assert "documents would be archived" in output
    assert "foi · " in output and "characters · http://127.0.0.1" in output
    assert "figure: Derbyshire" in output
    assert "Nothing looks wrong." in output
    assert archive.open_archive(tmp_path / "data/pw.db")["documents"].count == 0


@pytest.mark.slow
def test_check_names_a_selector_that_matches_nothing(tmp_path, site):
    config = _config(tmp_path, site, selector="ul.old-layout a")
    output = _cli(config, "sources", "check", "force-log")
    problems = output.split("What looks wrong:")[1]
    assert "item_selector 'ul.old-layout a' matched no links" in problems
    assert "no items: nothing would be archived" in problems


@pytest.mark.slow
def test_a_selector_that_stops_matching_is_broken_in_status_and_one_email(tmp_path, site):
    with SMTPSink() as sink:
        config = _config(tmp_path, site, sink.port)
        live = LiveConfig(config)
        for _ in range(2):  # the usual: items every run (the second finds them archived already)
            assert crawl_job(live, "force-log").startswith("crawl ok")
        _config(tmp_path, site, sink.port, selector="ul.old-layout a")  # the site changed its markup
        crawl_job(live, "force-log")
        (notice,) = sink.wait_for(1)
        assert notice["Subject"] == "PoliceWatch: source force-log is broken"
        assert "found no items" in notice.get_content()
        crawl_job(live, "force-log")
        assert len(sink.messages) == 1
    status = _cli(config, "sources", "status")
    assert "(BROKEN)" in next(line for line in status.splitlines() if line.startswith("force-log"))
    assert "matched no links" in status
