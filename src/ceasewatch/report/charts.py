"""Charts and the map of the daily report, drawn with matplotlib (Agg).

Figures come back as SVG text (crisp in HTML and in Chromium's PDF) or PNG
bytes (for Markdown). Region shapes come from the geocoding stage's
`regions_geojson()`; when it is unavailable the map is left out, with a note.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")  # no display: reports are rendered headless
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import PatchCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Polygon as PolygonPatch  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

if TYPE_CHECKING:
    from .daily import DailyReport

__all__ = ["violations_chart", "launches_chart", "region_map", "load_region_shapes", "to_svg", "to_png"]

PARTY_COLOURS = {"RU": "#b2182b", "UA": "#2166ac", "OTHER": "#7f7f7f", "unknown": "#bbbbbb"}
MAP_BOUNDS = (21.5, 46.5, 43.5, 57.0)  # lon min, lon max, lat min, lat max: Ukraine and western Russia


def _days(report: DailyReport) -> list[date]:
    n = (report.day - report.period_from).days
    return [report.period_from + timedelta(days=i) for i in range(n + 1)]


def violations_chart(report: DailyReport) -> Figure:
    """Incidents with a violation verdict per day, by the party charged."""
    days = _days(report)
    fig, ax = plt.subplots(figsize=(7.2, 2.6), dpi=110)
    width = 0.4
    for k, party in enumerate(("RU", "UA")):
        values = [report.daily_violations.get((d, party), 0) for d in days]
        xs = [i + (k - 0.5) * width for i in range(len(days))]
        ax.bar(xs, values, width=width, color=PARTY_COLOURS[party], label=f"charged to {party}")
    ax.axvspan(len(days) - 1.5, len(days) - 0.5, color="#fff3b0", zorder=0)
    _day_axis(ax, days)
    ax.set_ylabel("incidents")
    ax.set_title("Alleged, corroborated and disputed violations per day", fontsize=10, loc="left")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def launches_chart(report: DailyReport) -> Figure:
    """Weapons each side says were launched at it, per monitoring day."""
    days = _days(report)
    fig, ax = plt.subplots(figsize=(7.2, 2.4), dpi=110)
    for party in ("UA", "RU"):
        # Only days with a stated count are drawn: a day without one is not a zero.
        xs = [i for i, d in enumerate(days) if (d, party) in report.daily_launches]
        ax.plot(xs, [report.daily_launches[(days[i], party)] for i in xs], marker="o", markersize=3,
                color=PARTY_COLOURS[party], label=f"claimed by {party}")
    ax.set_xlim(-0.5, len(days) - 0.5)
    _day_axis(ax, days)
    ax.set_ylabel("launched")
    ax.set_title("Launches per night as each side's claims state them", fontsize=10, loc="left")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def _day_axis(ax: Any, days: list[date]) -> None:
    step = max(1, len(days) // 10)
    ticks = list(range(0, len(days), step))
    ax.set_xticks(ticks, [days[i].strftime("%d %b") for i in ticks], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def load_region_shapes() -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(ISO code, outer rings) of UA and RU admin-1 regions; [] when the
    geocoding stage's shapes are not available."""
    try:
        from ..geocode import regions_geojson

        collection = regions_geojson()
    except Exception:  # noqa: BLE001 - an optional layer: the report says the map is missing
        return []
    shapes = []
    for feature in collection.get("features", []):
        iso = (feature.get("properties") or {}).get("iso")
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings = [geom["coordinates"][0]]
        elif geom.get("type") == "MultiPolygon":
            rings = [poly[0] for poly in geom["coordinates"]]
        else:
            continue
        shapes.append((iso or "", [[(float(x), float(y)) for x, y in ring] for ring in rings]))
    return shapes


def region_map(report: DailyReport, shapes: list[tuple[str, list[list[tuple[float, float]]]]]) -> Figure:
    """Regions named in incidents with a violation verdict, shaded by count."""
    fig, ax = plt.subplots(figsize=(7.2, 4.6), dpi=110)
    lo_x, hi_x, lo_y, hi_y = MAP_BOUNDS
    top = max(report.region_counts.values(), default=0)
    patches, colours = [], []
    cmap = matplotlib.colormaps["OrRd"]
    for iso, rings in shapes:
        n = report.region_counts.get(iso, 0)
        for ring in rings:
            if all(x < lo_x or x > hi_x for x, _ in ring) or all(y < lo_y or y > hi_y for _, y in ring):
                continue
            patches.append(PolygonPatch(ring, closed=True))
            if n:
                colours.append(cmap(0.35 + 0.6 * n / top))
            else:
                colours.append("#eef1f4" if iso.startswith("UA") else "#f7f7f7")
    ax.add_collection(PatchCollection(patches, facecolor=colours, edgecolor="#8a8f96", linewidth=0.3))
    for name, lat, lon in report.places:
        ax.plot(lon, lat, "o", color="#222222", markersize=3)
        ax.annotate(name, (lon, lat), fontsize=6, xytext=(3, 2), textcoords="offset points")
    ax.set_xlim(lo_x, hi_x)
    ax.set_ylim(lo_y, hi_y)
    ax.set_aspect(1.5)  # roughly equal distances at ~48 degrees north
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"Regions named in incidents with a violation verdict, {report.day.isoformat()}",
                 fontsize=10, loc="left")
    for spine in ax.spines.values():
        spine.set_color("#cccccc")
    fig.tight_layout()
    return fig


def to_svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.find("<svg"):]  # drop the XML prolog so it can sit inline in HTML


def to_png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
