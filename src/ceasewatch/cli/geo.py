"""`ceasewatch geo`: look a place name up in the offline gazetteer.

Example:
    ceasewatch geo "Краснопілля, Сумська область"
    ceasewatch geo Kharkov --json
    ceasewatch geo --point 50.77,35.26
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import typer
from rich.table import Table

from .app import app, console, emit_json, handle_errors, state

__all__ = ["geo", "geo_cli"]

_KINDS = ("region", "settlement", "site", "sea", "country")


def geo(
    text: str | None,
    *,
    lang: str | None = None,
    region_hint: str | None = None,
    country_hint: str | None = None,
    kinds: tuple[str, ...] | None = None,
    limit: int = 5,
    point: tuple[float, float] | None = None,
    cache_dir: str | None = None,
) -> dict[str, Any]:
    """The work behind the command: candidates for `text` and/or the region
    of `point`, as plain data."""
    from ..errors import InputError
    from ..geocode import load_gazetteer, region_name

    if kinds:
        unknown = sorted(set(kinds) - set(_KINDS))
        if unknown:
            raise InputError(
                f"unknown kind {unknown[0]!r}", location="--kind", hint="kinds: " + ", ".join(_KINDS)
            )
    geocoder = load_gazetteer(cache_dir)
    result: dict[str, Any] = {"gazetteer": geocoder.name}
    if text:
        found = geocoder.lookup(
            text, lang=lang, region_hint=region_hint, country_hint=country_hint, kinds=kinds, limit=limit
        )
        result["query"] = text
        result["candidates"] = [
            {**asdict(c), "region_name": region_name(c.region) if c.region else None} for c in found
        ]
    if point:
        code = geocoder.region_of_point(*point)
        result["point"] = {
            "lat": point[0],
            "lon": point[1],
            "region": code,
            "region_name": region_name(code) if code else None,
        }
    return result


def _parse_point(value: str) -> tuple[float, float]:
    from ..errors import InputError

    try:
        lat, lon = (float(v) for v in value.replace(" ", ",").split(",") if v)
    except ValueError as exc:
        raise InputError(
            f"bad point {value!r}", location="--point", hint="write LAT,LON, e.g. 50.77,35.26"
        ) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(
            f"point {value!r} is off the globe", location="--point", hint="latitude first, then longitude"
        )
    return lat, lon


@app.command("geo")
@handle_errors
def geo_cli(
    text: str = typer.Argument(None, help="Place name as written, in any language or case form."),
    lang: str = typer.Option(None, "--lang", help="Language of the text (en, uk, ru); guessed when absent."),
    region: str = typer.Option(
        None, "--region", help="Region the text is about, e.g. UA-59: prefers places there."
    ),
    country: str = typer.Option(
        None, "--country", help="Country of the claim (UA, RU): prefers places there."
    ),
    kind: list[str] = typer.Option(
        None, "--kind", help="Keep only these kinds: region, settlement, site, sea, country."
    ),
    limit: int = typer.Option(5, "--limit", help="Most candidates to show."),
    point: str = typer.Option(
        None, "--point", help="LAT,LON: the region containing a point (e.g. 50.77,35.26)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Write JSON to stdout."),
) -> None:
    """Look up a place name in the offline gazetteer (regions, settlements, sites, seas).

    Example: ceasewatch geo "Краснопілля, Сумська область"
    """
    from ..errors import InputError

    pt = _parse_point(point) if point else None
    if not text and not pt:
        raise InputError("give a place name or --point LAT,LON", hint='example: ceasewatch geo "Sumy region"')
    result = geo(
        text,
        lang=lang,
        region_hint=region,
        country_hint=country,
        kinds=tuple(kind) if kind else None,
        limit=limit,
        point=pt,
        cache_dir=str(state.settings.cache_path),
    )
    if as_json:
        emit_json(result)
        return
    if text:
        table = Table(title=f"{text}  ({result['gazetteer']})", title_justify="left")
        for column in ("score", "kind", "name", "region", "lat", "lon", "precision", "geonames"):
            table.add_column(column)
        for c in result["candidates"]:
            region_label = f"{c['region']} {c['region_name']}" if c["region"] else (c["country"] or "")
            table.add_row(
                f"{c['score']:.2f}",
                c["kind"],
                c["name"],
                region_label,
                "" if c["lat"] is None else f"{c['lat']:.4f}",
                "" if c["lon"] is None else f"{c['lon']:.4f}",
                c["precision"] or "",
                str(c["geonames_id"] or ""),
            )
        if result["candidates"]:
            console.print(table)
        else:
            console.print(f"no match for {text!r}", highlight=False)
    if pt:
        p = result["point"]
        console.print(
            f"{p['lat']}, {p['lon']}: {p['region'] or 'outside UA/RU'} {p['region_name'] or ''}",
            highlight=False,
        )
