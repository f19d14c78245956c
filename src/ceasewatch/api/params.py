"""Query parameters shared by the listings: filters, pagination, formats.

Every value is checked here, before the store sees it, so that a bad date,
an unknown party or region code or a huge page size is a 400 with the error
envelope, never a 500 from deep inside a query. The dependencies are
`async def`: they only validate (the agreement ids they check against are
loaded once, at startup), so they run on the event loop without a thread.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any

from fastapi import Query, Request

from ..errors import InputError
from ..model import PARTIES, STANCES, TARGET_CODES, VERDICTS
from ..store.base import ClaimFilter

__all__ = [
    "FilterParams",
    "filter_params",
    "build_filter",
    "Paging",
    "paging_params",
    "known_region_codes",
    "region_code",
    "encode_cursor",
    "decode_cursor",
    "FORMATS",
]

SEA_CODES = ("SEA-BLACK", "SEA-AZOV", "SEA-CASPIAN", "SEA-BALTIC")
COUNTRIES = ("UA", "RU")
FORMATS = ("json", "csv", "geojson")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@lru_cache(maxsize=1)
def known_region_codes() -> frozenset[str]:
    """First-level ISO 3166-2 codes of Ukraine and Russia, and the seas."""
    import pycountry

    codes = {s.code for c in COUNTRIES for s in pycountry.subdivisions.get(country_code=c) or ()}
    return frozenset(codes | set(SEA_CODES))


def region_code(value: str) -> str:
    """A region filter as a code: an ISO 3166-2 code or SEA-* as given, or a region's name in English,
    Ukrainian or Russian ("Sumy", "Сумська область", "Курская область"), read by the offline gazetteer."""
    if value.upper() in known_region_codes():
        return value.upper()
    from ..geocode import default_geocoder

    found = default_geocoder().lookup(value.strip(), kinds=("region", "sea"), limit=1)
    if found and found[0].region in known_region_codes() and found[0].score >= 0.5:
        return str(found[0].region)
    raise _bad("region", value, "use a region's ISO 3166-2 code (UA-59, RU-KRS, SEA-BLACK; see /api/codes) or its "
                                "name in English, Ukrainian or Russian (Sumy, Сумська область)")


def _bad(name: str, value: str, hint: str) -> InputError:
    return InputError(f"invalid value {value!r} for {name}", location=f"query.{name}", hint=hint)


def _choice(name: str, value: str | None, allowed: tuple[str, ...] | frozenset[str]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        shown = ", ".join(sorted(allowed)) if len(allowed) <= 20 else "see /api/codes"
        raise _bad(name, value, f"use one of: {shown}")
    return value


def _day(name: str, value: str | None) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _bad(name, value, "dates are YYYY-MM-DD, e.g. 2025-03-14") from None


@dataclass(frozen=True)
class FilterParams:
    """The filters of one request, validated, with the strings as given so
    links (next page, downloads) can repeat them."""

    flt: ClaimFilter
    raw: dict[str, str]

    def query_string(self, **extra: Any) -> str:
        from urllib.parse import urlencode

        items = dict(self.raw)
        items.update({k: str(v) for k, v in extra.items() if v is not None})
        return urlencode(items)


def _agreement_ids() -> set[str] | None:
    """Ids of the loaded agreements, or None when assess is not available."""
    from ..errors import CeasewatchError
    from .views import load_agreement_records

    try:
        return {str(getattr(a, "id", None) or a["id"]) for a in load_agreement_records()}
    except CeasewatchError:  # not available, or a broken file: the agreement pages report it
        return None


async def filter_params(
    date_from: str | None = Query(None, description="First monitoring day, YYYY-MM-DD", max_length=40),
    date_to: str | None = Query(None, description="Last monitoring day (inclusive), YYYY-MM-DD", max_length=40),
    party: str | None = Query(None, description="Claimant party: UA, RU or OTHER", max_length=10),
    claimant: str | None = Query(None, description="Claimant name, case-insensitive substring", max_length=200),
    attacker: str | None = Query(None, description="Attacking country: UA or RU", max_length=10),
    target_country: str | None = Query(None, description="Country struck: UA or RU", max_length=10),
    region: str | None = Query(None, description="Region: ISO 3166-2 code (UA-59, RU-KRS), SEA-*, or its name in "
                               "English, Ukrainian or Russian (Sumy, Сумська область)", max_length=80),
    target: str | None = Query(None, description="Target code or its top level (energy)", max_length=40),
    stance: str | None = Query(None, description="asserted or denied", max_length=20),
    doc_id: str | None = Query(None, description="Document id", max_length=200),
    agreement: str | None = Query(None, description="Agreement id (verdict listings)", max_length=100),
    verdict: str | None = Query(None, description="Verdict (verdict listings)", max_length=40),
) -> FilterParams:
    return build_filter(
        date_from=date_from, date_to=date_to, party=party, claimant=claimant, attacker=attacker,
        target_country=target_country, region=region, target=target, stance=stance, doc_id=doc_id,
        agreement=agreement, verdict=verdict,
    )


def build_filter(
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    party: str | None = None,
    claimant: str | None = None,
    attacker: str | None = None,
    target_country: str | None = None,
    region: str | None = None,
    target: str | None = None,
    stance: str | None = None,
    doc_id: str | None = None,
    agreement: str | None = None,
    verdict: str | None = None,
) -> FilterParams:
    """Validate filter strings (from a query or the CLI) into a ClaimFilter;
    raises InputError naming the bad parameter."""
    start, end = _day("date_from", date_from), _day("date_to", date_to)
    if start and end and start > end:
        raise InputError(
            f"date_from {start} is after date_to {end}", location="query.date_from", hint="swap the two dates"
        )
    if agreement:
        if not _SLUG.match(agreement):
            raise _bad("agreement", agreement, "agreement ids are short slugs; see /api/agreements")
        known = _agreement_ids()
        if known is not None and agreement not in known:
            raise _bad("agreement", agreement, "see /api/agreements for the known ids")
    if region:
        region = region_code(region)
    flt = ClaimFilter(
        date_from=start,
        date_to=end,
        party=_choice("party", party, PARTIES),
        claimant=claimant or None,
        attacker=_choice("attacker", attacker, COUNTRIES),
        target_country=_choice("target_country", target_country, COUNTRIES),
        region=_choice("region", region, known_region_codes()),
        target=_choice("target", target, TARGET_CODES),
        stance=_choice("stance", stance, STANCES),
        doc_id=doc_id or None,
        agreement=agreement or None,
        verdict=_choice("verdict", verdict, VERDICTS),
    )
    raw = {f.name: str(getattr(flt, f.name)) for f in fields(flt) if getattr(flt, f.name) is not None}
    return FilterParams(flt=flt, raw=raw)


# -- pagination -------------------------------------------------------------

def encode_cursor(store_cursor: str | None) -> str | None:
    """Wrap the store's opaque cursor with a checksum, so that a cursor the
    client made up is a clean 400 instead of whatever the store does with it."""
    if store_cursor is None:
        return None
    raw = store_cursor.encode("utf-8")
    check = hashlib.sha256(b"ceasewatch-cursor\x00" + raw).hexdigest()[:10]
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=") + "." + check


def decode_cursor(cursor: str | None) -> str | None:
    if cursor is None or cursor == "":
        return None
    body, _, check = cursor.partition(".")
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        text = raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw, text = b"", ""
    if not raw or hashlib.sha256(b"ceasewatch-cursor\x00" + raw).hexdigest()[:10] != check:
        raise InputError(
            "invalid cursor",
            location="query.cursor",
            hint="pass back meta.next_cursor from the previous page unchanged",
        )
    return text


@dataclass(frozen=True)
class Paging:
    cursor: str | None  # the store's cursor, decoded
    limit: int
    count: bool = False  # ask the store for meta.total (opt-in: a COUNT over 1M claims takes seconds)


async def paging_params(
    request: Request,
    cursor: str | None = Query(None, description="meta.next_cursor of the previous page", max_length=2000),
    limit: int | None = Query(None, description="Page size (1 .. max_page_size)"),
    total: bool = Query(
        False, description="Also count the whole view into meta.total (first page only; costs a COUNT on large stores)"
    ),
) -> Paging:
    settings = request.app.state.settings
    size = settings.page_size if limit is None else limit
    if size < 1 or size > settings.max_page_size:
        raise InputError(
            f"limit must be between 1 and {settings.max_page_size}, got {size}",
            location="query.limit",
            hint="page through results with meta.next_cursor, or download ?format=csv for everything",
        )
    store_cursor = decode_cursor(cursor)
    return Paging(cursor=store_cursor, limit=size, count=total and store_cursor is None)


async def format_param(
    format: str = Query("json", description="json, csv or geojson (csv/geojson: the whole filtered view)"),
) -> str:
    if format not in FORMATS:
        raise _bad("format", format, "use one of: " + ", ".join(FORMATS))
    return format


__all__.append("format_param")
