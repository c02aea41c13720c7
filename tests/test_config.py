"""An admin edits policewatch.toml: mistakes are reported with file, source and field."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from policewatch.cli import cli
from policewatch.config import ConfigError, load_config, parse_duration

MINIMAL = """
[archive]
path = "data/pw.db"

[[sources]]
name = "local-news"
type = "feed"
url = "https://news.example.org/rss.xml"
"""


def test_minimal_config_gets_sensible_defaults(write_config):
    path = write_config(MINIMAL)
    config = load_config(path)
    assert config.archive.path == path.parent / "data/pw.db"
    assert config.archive.private_path == path.parent / "data/pw-private.db"
    source = config.source("local-news")
    assert source.domains == ("news.example.org",)
    assert source.max_pages == 200
    assert config.mail is None
    assert config.crawl.obey_robots is True
    assert "PoliceWatch" in config.crawl.user_agent


@pytest.mark.parametrize("snippet, expected", [
    ('type = "rss"', "source 'local-news' ([[sources]] #1), field 'type': 'rss' is not one of"),
    ('max_pages = 0', "field 'max_pages': must be greater than zero"),
    ('every = "often"', "field 'every': 'often' is not a duration"),
    ('cron = "61 * * * *"', "field 'cron'"),
    ('colour = "blue"', "field 'colour': unknown field"),
    ('item_selector = "a[["', "field 'item_selector'"),
])
def test_source_mistakes_name_file_source_and_field(write_config, snippet, expected):
    text = MINIMAL.replace('type = "feed"', snippet if snippet.startswith("type") else 'type = "feed"\n' + snippet)
    path = write_config(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_required_fields_and_type_specific_fields(write_config):
    with pytest.raises(ConfigError, match=r"\[archive\], field 'path': is required"):
        load_config(write_config("[archive]\n"))
    page = MINIMAL.replace('type = "feed"', 'type = "page"')
    with pytest.raises(ConfigError, match="field 'item_selector': is required for type 'page'"):
        load_config(write_config(page))
    duplicate = MINIMAL + MINIMAL.split("[archive]")[1].split('path = "data/pw.db"')[1]
    with pytest.raises(ConfigError, match="is used by another source"):
        load_config(write_config(duplicate))


def test_secrets_come_from_environment_only(write_config):
    path = write_config(MINIMAL + '\n[mail]\nhost = "smtp.example.org"\nsender = "a@example.org"\n')
    config = load_config(path, environ={"POLICEWATCH_SMTP_USER": "u", "POLICEWATCH_SMTP_PASSWORD": "p"})
    assert (config.mail.user, config.mail.password, config.mail.port) == ("u", "p", 587)
    assert "p" not in repr(config.mail).split("user='u'")[1]
    with pytest.raises(ConfigError, match="field 'password': unknown field"):
        load_config(write_config(MINIMAL + '\n[mail]\nhost = "h"\nsender = "a@b"\npassword = "x"\n'))


def test_bad_toml_and_missing_file_are_clear(tmp_path, write_config):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write_config("[archive\npath="))
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_durations():
    assert parse_duration("30m") == 1800
    assert parse_duration("1d") == 86400
    with pytest.raises(ValueError):
        parse_duration("0m")


def test_init_writes_an_example_that_loads(tmp_path):
    target = tmp_path / "policewatch.toml"
    result = CliRunner().invoke(cli, ["--config", str(target), "init"])
    assert result.exit_code == 0, result.output
    config = load_config(target)
    assert {s.type for s in config.sources} == {"feed", "alaveteli", "govuk", "page"}
    again = CliRunner().invoke(cli, ["--config", str(target), "init"])
    assert again.exit_code == 1 and "already exists" in again.output


def test_cli_reports_config_errors_without_traceback(write_config):
    path = write_config(MINIMAL.replace('type = "feed"', 'type = "rss"'))
    result = CliRunner().invoke(cli, ["--config", str(path), "sources", "list"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "'type'" in result.output
    assert "Traceback" not in result.output


def test_crontab_weekdays_mean_what_crontab_means():
    from datetime import datetime, timezone

    from policewatch.schedules import cron_trigger

    monday_noon = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    fire = cron_trigger("0 6 * * 1-5", timezone.utc).get_next_fire_time(None, monday_noon)
    assert fire.strftime("%a %H:%M") == "Tue 06:00"
    saturday = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
    assert cron_trigger("0 6 * * 1-5", timezone.utc).get_next_fire_time(None, saturday).strftime("%a") == "Mon"
    assert cron_trigger("0 6 * * 0", timezone.utc).get_next_fire_time(None, saturday).strftime("%a") == "Sun"
    assert cron_trigger("0 6 * * 7", timezone.utc).get_next_fire_time(None, saturday).strftime("%a") == "Sun"
    assert cron_trigger("0 6 * * sat", timezone.utc).get_next_fire_time(None, monday_noon).strftime("%a") == "Sat"
