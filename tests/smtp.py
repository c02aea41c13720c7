"""Test helpers for the alerting stage: a real SMTP sink, a config, figures without nlp.

Import the fixtures into a test module: `from tests.smtp import alert_config, smtp_sink`.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import archive
from alerts.news import figure_key
from alerts.sink import SMTPSink, free_port
from archive.documents import save_document
from archive.figures import replace_figures
from policewatch.config import Config, load_config


@pytest.fixture
def smtp_sink() -> Iterator[SMTPSink]:
    with SMTPSink() as sink:
        yield sink


def write_alert_config(folder: Path, smtp_port: int | None, extra: str = "") -> Path:
    """A config with no sources, mail to 127.0.0.1:smtp_port (or to files when None)."""
    mail = (f'[mail]\nhost = "127.0.0.1"\nport = {smtp_port}\nsender = "alerts@policewatch.test"\n'
            'security = "none"\ntimeout = 5\n') if smtp_port else ""
    text = (f'[archive]\npath = "data/pw.db"\n\n{mail}\n'
            '[alerts]\ntimezone = "Europe/London"\nmax_attempts = 3\n' + extra)
    path = folder / "policewatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def alert_config(tmp_path: Path, smtp_sink: SMTPSink) -> Config:
    return load_config(write_alert_config(tmp_path, smtp_sink.port), environ={})


def down_port() -> int:
    """A port nothing listens on (picked free, then left closed)."""
    return free_port()


_counter = iter(range(1, 1_000_000))


def add_figure(config: Config, *, force: str | None = "Kent", disposal: str = "community resolution",
               offence: str | None = "sexual offences", count: int = 45, period: str | None = "2022/23",
               title: str = "Kent police figures", url: str | None = None, text: str | None = None,
               quote: str | None = None, source: str = "courier") -> int:
    """Archive a document carrying one figure, as crawl + extract would; returns document id."""
    db = archive.open_archive(config.archive.path)
    n = next(_counter)
    body = text or f"{force} used {count} {disposal}s for {offence} in {period}. Story {n}."
    saved = save_document(db, url=url or f"https://news.example/story-{n}", source=source, kind="news",
                          text=body, title=title)
    figure = {"force": force, "disposal": disposal, "offence": offence, "count": count, "period": period,
              "quote": quote or body}
    figure["figure_key"] = figure_key(figure)
    digest = db["documents"].get(saved.document_id)["content_hash"]
    replace_figures(db, saved.document_id, digest, [figure])
    return saved.document_id


def self_signed_tls(folder: Path) -> tuple["ssl.SSLContext", "ssl.SSLContext"]:
    """(server context, client context trusting it) for 127.0.0.1, from a fresh self-signed cert."""
    import datetime
    import ipaddress
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cafile=str(cert_file))
    return server, client
