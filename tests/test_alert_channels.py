"""Alerts through real channels on 127.0.0.1: a webhook receiver that
checks the HMAC signature and an SMTP server (aiosmtpd). The outbox is in
the database: de-duplicated by alert id, retried with back-off, limited
per minute, never sent twice, on both dialects."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from ceasewatch.alert import (
    EmailSender,
    LogSender,
    WebhookSender,
    alert_text,
    backoff,
    body_bytes,
    deliver_due,
    finding_alert,
    sign,
    silent_alert,
    verify_signature,
)
from ceasewatch.alert.config import EmailChannel, WebhookChannel
from ceasewatch.model import Assessment, Claim, Claimant, Document, Evidence, Incident
from ceasewatch.store.base import NewAlert
from local_servers import SECRET, SmtpSink, WebhookReceiver, free_port

T0 = 1_742_000_000.0


def _alert(n: int) -> NewAlert:
    return silent_alert(f"source-{n}", "https://example.org/rss", T0 - 86400, 3600, now=T0)


def _hook(url: str, **kw: object) -> WebhookSender:
    return WebhookSender("hook", WebhookChannel(url=url, secret=SECRET, timeout=2, **kw))  # type: ignore[arg-type]


def _deliver(state, channels, now: float, **kw: object):
    opts = {"max_attempts": 4, "retry_after": 5.0, "retry_max": 60.0} | kw
    return deliver_due(state, {c.name: c for c in channels}, now=now, **opts)  # type: ignore[arg-type]


def test_alert_webhook_is_signed_and_sent_once(store) -> None:
    state = store.watch_state()
    with WebhookReceiver() as receiver:
        hook = _hook(receiver.url + "/hook")
        alert = _alert(1)
        assert state.add_alert(alert, ["hook"], now=T0)
        assert not state.add_alert(alert, ["hook"], now=T0)  # the same alert id is never raised twice
        report = _deliver(state, [hook], T0)
        assert report.sent == [(alert.id, "hook")]
        assert _deliver(state, [hook], T0 + 3600).sent == []  # sent stays sent
        assert receiver.ids() == [alert.id] and receiver.bad == 0
        assert receiver.alerts[0]["type"] == "source_silent"
        assert receiver.headers[0]["X-Ceasewatch-Signature"].startswith("sha256=")


def test_alert_signature_covers_timestamp_and_body() -> None:
    body = body_bytes("alr_1", {"a": 1})
    sig = sign(b"key", "100", body)
    assert verify_signature(b"key", "100", body, sig, now=150)
    assert not verify_signature(b"key", "100", body + b" ", sig, now=150)
    assert not verify_signature(b"other", "100", body, sig, now=150)
    assert not verify_signature(b"key", "101", body, sig, now=150)
    assert not verify_signature(b"key", "100", body, sig, now=100 + 301)  # stale: a replay


def test_alert_webhook_retries_with_backoff(store) -> None:
    state = store.watch_state()
    with WebhookReceiver() as receiver:
        receiver.fail_next = 2
        hook = _hook(receiver.url)
        alert = _alert(2)
        state.add_alert(alert, ["hook"], now=T0)
        assert len(_deliver(state, [hook], T0).retrying) == 1  # attempt 1: 503
        assert _deliver(state, [hook], T0 + 4.9).retrying == []  # not due before 5 s
        assert len(_deliver(state, [hook], T0 + 5).retrying) == 1  # attempt 2: 503, next in 10 s
        assert _deliver(state, [hook], T0 + 14.9).sent == []
        assert _deliver(state, [hook], T0 + 15).sent == [(alert.id, "hook")]
        assert receiver.attempts == 3 and receiver.ids() == [alert.id]
    (row,) = state.list_alerts()
    assert row["deliveries"] == [{"channel": "hook", "state": "sent", "attempts": 3, "last_error": None}]
    assert [backoff(n, first=5, cap=60) for n in (1, 2, 3, 4, 5, 6)] == [5, 10, 20, 40, 60, 60]


def test_alert_gives_up_after_max_attempts_or_a_permanent_refusal(store, caplog: pytest.LogCaptureFixture) -> None:
    state = store.watch_state()
    down = _hook(f"http://127.0.0.1:{free_port()}/")  # nothing listens there
    a1 = _alert(3)
    state.add_alert(a1, ["hook"], now=T0)
    now = T0
    for _ in range(3):
        assert _deliver(state, [down], now).retrying
        now += 60
    with caplog.at_level(logging.ERROR, logger="ceasewatch.alert"):
        assert [f[0] for f in _deliver(state, [down], now).failed] == [a1.id]
    assert "giving up" in caplog.text
    assert _deliver(state, [down], now + 10_000).failed == []  # given up: not tried again
    with WebhookReceiver() as receiver:
        receiver.fail_next, receiver.fail_status = 1, 400
        a2 = _alert(4)
        state.add_alert(a2, ["hook"], now=now)
        report = _deliver(state, [_hook(receiver.url)], now)
        assert [f[0] for f in report.failed] == [a2.id] and receiver.ids() == []


def test_alert_rate_limit_per_channel(store) -> None:
    state = store.watch_state()
    with WebhookReceiver() as receiver:
        hook = _hook(receiver.url, max_per_minute=2)
        alerts = [_alert(10 + i) for i in range(5)]
        for a in alerts:
            state.add_alert(a, ["hook"], now=T0)
        first = _deliver(state, [hook], T0)
        assert len(first.sent) == 2 and first.deferred == 3
        assert _deliver(state, [hook], T0 + 31).sent == []  # still 2 in the last minute
        assert len(_deliver(state, [hook], T0 + 61).sent) == 2
        assert len(_deliver(state, [hook], T0 + 122).sent) == 1
        assert sorted(receiver.ids()) == sorted(a.id for a in alerts)


def _finding() -> tuple[Assessment, Incident, list[Claim], dict[str, Document]]:
    ua_text = "Overnight Russia struck a power substation in Poltava region with 40 drones."
    ru_text = "The Ministry of Defence denies any strike on energy facilities."
    ua_doc = Document.create(ua_text, publisher="Air Force of Ukraine", language="en", url="https://example.org/1")
    ru_doc = Document.create(ru_text, publisher="MoD Russia", language="en")
    ua = Claim(doc_id=ua_doc.id, claimant=Claimant("Air Force of Ukraine", "UA"), attacker="RU", target_country="UA",
               date=date(2025, 3, 27), targets=("energy.power",), regions=("UA-53",), extractor="x",
               evidence=(Evidence("targets.0", ua_text.index("power"), ua_text.index(" in Poltava")),))
    ru = Claim(doc_id=ru_doc.id, claimant=Claimant("MoD Russia", "RU"), stance="denied", target_country="UA",
               date=date(2025, 3, 27), extractor="x", evidence=(Evidence("stance", ru_text.index("denies"), ru_text.index(" any")),))
    inc = Incident(id="inc_1", target_country="UA", date=date(2025, 3, 27), claim_ids=(ua.id, ru.id),
                   regions=("UA-53",), attacker="RU", linker="l")
    a = Assessment(id="asm_1", incident_id="inc_1", agreement="energy-moratorium-2025", version="UA",
                   verdict="alleged", rule="target.protected", reason="energy facility struck", violator="RU")
    return a, inc, [ua, ru], {ua_doc.id: ua_doc, ru_doc.id: ru_doc}


def test_alert_finding_payload_has_both_sides_quotes_and_link() -> None:
    a, inc, claims, docs = _finding()
    alert = finding_alert(a, inc, claims, docs, key="inc_1", dashboard_url="https://m.example.org/")
    p = alert.payload
    assert p["incident"]["url"] == "https://m.example.org/incidents/inc_1"
    assert p["finding"]["verdict"] == "alleged" and p["finding"]["violator"] == "RU"
    assert sorted(p["claims"]) == ["RU", "UA"]
    assert p["claims"]["UA"][0]["quotes"][0]["text"] == "power substation"
    assert p["claims"]["RU"][0]["quotes"][0]["text"] == "denies" and p["claims"]["RU"][0]["stance"] == "denied"
    # The key, not the incident id, decides the alert id: a re-linked incident keeps its alerts.
    assert finding_alert(a, inc, claims, docs, key="inc_1", dashboard_url="x").id == alert.id
    assert finding_alert(a, inc, claims, docs, key="inc_2", dashboard_url="x").id != alert.id
    text = alert_text(alert.id, p)
    assert "\u201cpower substation\u201d" in text and alert.id in text


def test_alert_email_reaches_an_smtp_server(store) -> None:
    a, inc, claims, docs = _finding()
    alert = finding_alert(a, inc, claims, docs, key="inc_1", dashboard_url="http://127.0.0.1:8000")
    state = store.watch_state()
    with SmtpSink() as smtp:
        mail = EmailSender("duty", EmailChannel(host="127.0.0.1", port=smtp.port, sender="cw@example.org",
                                                to=["duty@example.org"], timeout=5))
        state.add_alert(alert, ["duty", "log"], now=T0)
        report = _deliver(state, [mail, LogSender()], T0)
        assert sorted(report.sent) == [(alert.id, "duty"), (alert.id, "log")]
        assert _deliver(state, [mail, LogSender()], T0 + 100).sent == []
        (msg,) = smtp.messages
    assert smtp.alert_ids() == [alert.id]
    assert msg["Subject"] == "[ceasewatch] alleged violation of energy-moratorium-2025:UA by RU on 2025-03-27"
    body = msg.get_body(("plain",)).get_content()
    assert "\u201cpower substation\u201d" in body and "/incidents/inc_1" in body
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == f"{alert.id}.json"


def test_alert_email_server_down_is_retried(store) -> None:
    state = store.watch_state()
    mail = EmailSender("duty", EmailChannel(host="127.0.0.1", port=free_port(), sender="cw@example.org",
                                            to=["duty@example.org"], timeout=2))
    state.add_alert(_alert(30), ["duty"], now=T0)
    report = _deliver(state, [mail], T0)
    assert report.retrying and "cannot send email" in report.retrying[0][2]
