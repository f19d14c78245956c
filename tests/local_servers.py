"""Real servers on 127.0.0.1 for the watch and alert tests: an RSS feed
server that honours ETag / Last-Modified, a webhook receiver that checks
signatures, and an SMTP server (aiosmtpd). Each runs in a thread and
records what it saw."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from ceasewatch.alert import verify_signature

SECRET = "test-signing-key-0123456789"


def free_port() -> int:
    """A port nothing listens on now (aiosmtpd's controller needs one up front)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> Any:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def rss(items: list[dict[str, str]], *, title: str = "Air Force of Ukraine") -> bytes:
    """An RSS 2.0 feed of `items` (title, text, date as RFC 822, guid)."""
    entries = "".join(
        f"<item><title>{i['title']}</title><guid>{i['guid']}</guid><pubDate>{i['date']}</pubDate>"
        f"<description>{i['text']}</description></item>"
        for i in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<language>en</language>{entries}</channel></rss>").encode()


class FeedServer(_Server):
    """Serves `self.items` as RSS at /feed.xml with an ETag that changes with
    them; answers 304 to a matching If-None-Match. /broken.xml is a 500."""

    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []
        self.requests: list[dict[str, str | None]] = []
        self.version = 0
        self.modified = datetime(2025, 3, 27, 6, 0, tzinfo=UTC)
        super().__init__(_FeedHandler)

    def publish(self, item: dict[str, str]) -> None:
        with self.lock:
            self.items.append(item)
            self.version += 1

    @property
    def feed_url(self) -> str:
        return self.url + "/feed.xml"


class _FeedHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        owner: FeedServer = self.server.owner  # type: ignore[attr-defined]
        with owner.lock:
            owner.requests.append({"path": self.path, "if_none_match": self.headers.get("If-None-Match"),
                                   "if_modified_since": self.headers.get("If-Modified-Since")})
            etag = f'"v{owner.version}"'
            body = rss(list(owner.items))
        if self.path != "/feed.xml":
            self.send_response(500)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", format_datetime(owner.modified, usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class WebhookReceiver(_Server):
    """Records every POST whose signature verifies (`alerts`), and counts
    the ones that did not (`bad`). `fail_next` makes the next N requests
    answer `fail_status`."""

    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret.encode()
        self.alerts: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.bad = 0
        self.fail_next = 0
        self.fail_status = 503
        self.attempts = 0
        super().__init__(_WebhookHandler)

    def ids(self) -> list[str]:
        with self.lock:
            return [a["id"] for a in self.alerts]


class _WebhookHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        owner: WebhookReceiver = self.server.owner  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with owner.lock:
            owner.attempts += 1
            if owner.fail_next > 0:
                owner.fail_next -= 1
                status = owner.fail_status
            elif verify_signature(owner.secret, self.headers.get("X-Ceasewatch-Timestamp", ""), body,
                                  self.headers.get("X-Ceasewatch-Signature", "")):
                payload = json.loads(body)
                assert payload["id"] == self.headers["X-Ceasewatch-Alert"]
                owner.alerts.append(payload)
                owner.headers.append(dict(self.headers))
                status = 204
            else:
                owner.bad += 1
                status = 401
        self.send_response(status)
        self.end_headers()


class SmtpSink:
    """aiosmtpd on 127.0.0.1: parsed messages in `messages`."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd hook
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(msg)  # type: ignore[arg-type]
        return "250 OK"

    @property
    def port(self) -> int:
        return self.controller.port

    def alert_ids(self) -> list[str]:
        with self.lock:
            return [str(m["Message-ID"]).strip("<>").split("@")[0] for m in self.messages]

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
