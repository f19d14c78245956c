"""Telegram Desktop channel exports (`result.json`, "Machine-readable JSON").

A single-chat export is an object with `name`, `id`, `type` and `messages`;
a full-account export nests such objects under `chats.list`. Each ordinary
message with text becomes a document: the channel name is the publisher,
`<channel id>/<message id>` the source id, and the URL is `t.me`-style when
the export carries the channel's username. Service messages (pins, joins,
title changes) and messages without text (bare photos, stickers) are skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from .common import ReadOptions, ReadResult, make_document

__all__ = ["read_telegram_export", "is_telegram_export", "message_text"]


def is_telegram_export(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("messages"), list):
        return True
    chats = data.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def message_text(value: Any) -> str:
    """Plain text of a message's `text`: a string, or a list mixing strings
    and entity objects (`{"type": "bold", "text": ...}`)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for item in value:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, dict):
                parts.append(str(item.get("text") or ""))
        return "".join(parts)
    return ""


def _channels(data: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(data.get("messages"), list):
        return [data]
    return [
        chat
        for chat in data["chats"]["list"]
        if isinstance(chat, dict) and isinstance(chat.get("messages"), list)
    ]


def _published(message: dict[str, Any]) -> Any:
    # date_unixtime is UTC; `date` is the exporting machine's local wall time
    # without a zone, so it is only the fallback.
    unix = message.get("date_unixtime")
    if unix not in (None, ""):
        try:
            return int(unix)
        except (TypeError, ValueError):
            pass
    return message.get("date")


def read_telegram_export(path: Path, options: ReadOptions, data: Any) -> ReadResult:
    """Documents from an already-parsed Telegram export at `path`."""
    source = str(path)
    if not is_telegram_export(data):
        raise InputError(
            "not a Telegram Desktop export (no messages list)",
            source=source,
            hint='export the channel from Telegram Desktop with format "Machine-readable JSON"',
        )
    result = ReadResult()
    for channel in _channels(data):
        name = channel.get("name")
        channel_id = channel.get("id")
        username = channel.get("username")
        for index, message in enumerate(channel["messages"]):
            if not isinstance(message, dict) or message.get("type", "message") != "message":
                continue
            text = message_text(message.get("text"))
            if not text.strip():
                continue
            msg_id = message.get("id")
            location = f"message {msg_id}" if msg_id is not None else f"message #{index + 1}"
            url = f"https://t.me/{username}/{msg_id}" if username and msg_id is not None else None
            try:
                result.documents.append(
                    make_document(
                        text,
                        source=source,
                        source_kind="telegram",
                        options=options,
                        location=location,
                        publisher=name,
                        published=_published(message),
                        url=url,
                        source_id=f"{channel_id}/{msg_id}" if channel_id is not None else msg_id,
                        meta={"forwarded_from": message.get("forwarded_from")},
                    )
                )
            except InputError as exc:
                result.errors.append(exc)
    return result
