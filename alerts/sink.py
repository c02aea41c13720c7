"""A local SMTP sink (aiosmtpd) that keeps every message it receives: for tests and the demo.

    with SMTPSink() as sink:
        ...send to 127.0.0.1:sink.port...
        sink.messages  # list of email.message.EmailMessage

aiosmtpd 1.4 cannot bind port 0 (it connects to the port it was given to check that the
server is up), so a free port is picked first.
"""
from __future__ import annotations

import email
import socket
import ssl
import threading
import time
import warnings
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SMTPSink") -> None:
        self.sink = sink

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        if self.sink.reject_data:
            return "451 4.3.0 try again later"
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=policy.default)
        with self.sink._lock:
            self.sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.sink.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"


class SMTPSink:
    """aiosmtpd Controller on 127.0.0.1 collecting messages; optionally requiring a login."""

    def __init__(self, host: str = "127.0.0.1", port: int | None = None,
                 user: str | None = None, password: str | None = None,
                 starttls: ssl.SSLContext | None = None, implicit_tls: ssl.SSLContext | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.reject_data = False
        self._lock = threading.Lock()
        self._credentials = (user, password) if user else None
        kwargs: dict = {}
        if starttls is not None:
            kwargs.update(tls_context=starttls, require_starttls=True)
        if implicit_tls is not None:
            kwargs.update(ssl_context=implicit_tls)
        if self._credentials:
            # Plain-text AUTH is what a local test sink is for; silence aiosmtpd's advice.
            warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
            kwargs.update(authenticator=self._authenticate, auth_required=True,
                          auth_require_tls=starttls is not None)
        self.controller = Controller(_Handler(self), hostname=host, port=self.port, **kwargs)

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and self._credentials == (
            auth_data.login.decode(), auth_data.password.decode())
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

    def start(self) -> "SMTPSink":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> "SMTPSink":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until at least count messages arrived (delivery is synchronous, but be safe)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return list(self.messages)
