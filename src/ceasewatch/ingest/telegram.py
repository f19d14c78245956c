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
from .schemas import TelegramMessage, validate

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
        for index, raw in enumerate(channel["messages"]):
            if not isinstance(raw, dict) or raw.get("type", "message") != "message":
                continue
            raw_id = raw.get("id")
            location = f"message {str(raw_id)[:40]}" if isinstance(raw_id, int | str) else f"message #{index + 1}"
            try:
                message = validate(TelegramMessage, raw, source=source, location=location)
                text = message.plain_text()
                if not text.strip():
                    continue  # a bare photo or sticker
                msg_id = message.id
                url = f"https://t.me/{username}/{msg_id}" if isinstance(username, str) and msg_id else None
                result.documents.append(
                    make_document(
                        text,
                        source=source,
                        source_kind="telegram",
                        options=options,
                        location=location,
                        publisher=name,
                        published=message.published(),
                        url=url,
                        source_id=f"{channel_id}/{msg_id}" if isinstance(channel_id, int | str) else msg_id,
                        meta={"forwarded_from": message.forwarded_from},
                    )
                )
            except InputError as exc:
                result.errors.append(exc)
    return result
