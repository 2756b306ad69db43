"""One-off tooling: convert world-atlas TopoJSON to the small European GeoJSON the EU map ships with.

Run once (the app never reads ../shared at run time):
    python -m tools.geo_convert /work/shared/data/geo/countries-50m.json data/geo/europe.geojson

Arcs are decoded (delta + quantisation transform), simplified once with Douglas-Peucker (shared borders stay shared
because arcs, not rings, are simplified), and rings are assembled per country. Only EU27 members plus some neighbours
for context are kept, and overseas parts outside a European bounding box are dropped. Feature ids are ISO alpha-2.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

# ISO 3166-1 numeric (as world-atlas stores it) -> alpha-2. Greece is GR (not Eurostat's EL).
EU27 = {
    "040": "AT", "056": "BE", "100": "BG", "191": "HR", "196": "CY", "203": "CZ", "208": "DK", "233": "EE",
    "246": "FI", "250": "FR", "276": "DE", "300": "GR", "348": "HU", "372": "IE", "380": "IT", "428": "LV",
    "440": "LT", "442": "LU", "470": "MT", "528": "NL", "616": "PL", "620": "PT", "642": "RO", "703": "SK",
    "705": "SI", "724": "ES", "752": "SE",
}
NEIGHBOURS = {
    "578": "NO", "756": "CH", "826": "GB", "352": "IS", "438": "LI", "008": "AL", "070": "BA", "499": "ME",
    "807": "MK", "688": "RS", "804": "UA", "112": "BY", "498": "MD", "792": "TR", "643": "RU",
}
NEIGHBOURS_BY_NAME = {"Kosovo": "XK"}  # world-atlas has no numeric id for Kosovo
# Europe (incl. Cyprus and Malta); parts whose centre lies outside are dropped (Canaries, French Guiana, Svalbard …)
BBOX = (-25.0, 34.0, 45.0, 71.5)
TOLERANCE_DEG = 0.02  # ≈ 2 km: invisible at the zoom of an EU overview map
DECIMALS = 3


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; keeps both end points so arcs still join."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if dist > worst:
                worst, worst_index = dist, i
        if worst_index is not None and worst > tolerance:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [p for p, k in zip(points, keep) if k]


def ring(arc_indexes: list[int], arcs: list) -> list[list[float]]:
    coords: list[tuple[float, float]] = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        coords.extend(points if not coords else points[1:])
    rounded = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in coords]
    deduped = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
    return deduped


def in_europe(polygon: list[list[list[float]]]) -> bool:
    xs = [p[0] for p in polygon[0]]
    ys = [p[1] for p in polygon[0]]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    narrow = max(xs) - min(xs) <= 45  # drops Russia's mainland (it spans the globe) but keeps Kaliningrad
    return narrow and BBOX[0] <= cx <= BBOX[2] and BBOX[1] <= cy <= BBOX[3]


def _crimea(polygon: list) -> bool:
    xs = [p[0] for p in polygon[0]]
    ys = [p[1] for p in polygon[0]]
    return 32 <= (min(xs) + max(xs)) / 2 <= 37 and 44 <= (min(ys) + max(ys)) / 2 <= 46.5


def _kaliningrad(polygon: list) -> bool:
    return max(p[0] for p in polygon[0]) < 23


def convert(topology: dict) -> dict:
    arcs = [simplify(a, TOLERANCE_DEG) for a in decode_arcs(topology)]
    features = []
    moved_to_ukraine: list = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric, name = geometry.get("id"), geometry["properties"]["name"]
        code = EU27.get(numeric) or NEIGHBOURS.get(numeric) or NEIGHBOURS_BY_NAME.get(name)
        if not code:
            continue
        raw = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        polygons = [[ring(r, arcs) for r in polygon] for polygon in raw]
        polygons = [p for p in polygons if len(p[0]) >= 4 and in_europe(p)]
        if code == "RU":
            # Natural Earth draws Crimea as Russian; the EU and the UN (GA res. 68/262) recognise it as Ukraine.
            # Of Russia only the Kaliningrad exclave lies inside the map and is kept, for orientation.
            moved_to_ukraine += [p for p in polygons if _crimea(p)]
            polygons = [p for p in polygons if _kaliningrad(p)]
        if not polygons:
            continue
        features.append({
            "type": "Feature", "id": code,
            "properties": {"iso2": code, "name": name, "eu27": code in EU27.values()},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })
    for feature in features:
        if feature["id"] == "UA":
            feature["geometry"]["coordinates"] += moved_to_ukraine
    features.sort(key=lambda f: f["id"])
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    source, target = Path(argv[0]), Path(argv[1])
    collection = convert(json.loads(source.read_text(encoding="utf-8")))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{len(collection['features'])} features, {target.stat().st_size / 1024:.0f} KiB -> {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
