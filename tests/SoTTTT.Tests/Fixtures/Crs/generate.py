#!/usr/bin/env python3
"""Regenerates proj_reference.csv with PROJ's cs2cs (Debian package proj-bin).

Usage (from this folder):  python3 generate.py > proj_reference.csv

Deterministic for a given PROJ version: pseudo-random points (seed 20250101) inside a
coarse outline of Vietnam's land, each within +-1.5 deg (TM-3) or +-3.5 deg (UTM) of the
zone's central meridian. "--area EPSG:3328" (Vietnam - onshore) restricts PROJ to the national
transformation EPSG:6960, the one SoTTTT implements; by default cs2cs picks EPSG:5194 (VN-2000 to
WGS 84 (1), Mekong delta blocks DBSCL 02 and 03) for points inside that block, up to 0.8 m apart.
Every conversion is one cs2cs call per CRS pair; the exact
command lines are written into the header of the CSV. PROJ's axis order is lat,lon for
EPSG:4326 / EPSG:4756 and easting,northing for the projected CRSs; the CSV always holds
x = longitude or easting, y = latitude or northing.
"""
import random
import subprocess

SEED = 20250101

# Coarse outline of Vietnam's mainland (lon, lat), enough to keep points on land.
OUTLINE = [
    (102.14, 22.40), (102.50, 22.75), (103.00, 22.55), (103.50, 22.70), (104.00, 22.75),
    (104.40, 22.85), (105.00, 23.20), (105.35, 23.38), (105.90, 23.00), (106.70, 22.85),
    (106.75, 22.40), (107.35, 21.80), (108.00, 21.55), (107.20, 21.00), (106.70, 20.70),
    (106.00, 19.90), (105.80, 19.00), (106.00, 18.30), (106.50, 17.70), (107.10, 16.90),
    (108.20, 16.10), (108.80, 15.40), (109.10, 14.30), (109.20, 13.00), (109.45, 12.60),
    (109.20, 11.70), (108.90, 11.30), (108.10, 10.90), (107.20, 10.40), (106.80, 10.20),
    (106.50, 9.60), (105.80, 9.00), (105.10, 8.58), (104.80, 8.75), (104.85, 9.60),
    (104.50, 10.40), (105.00, 10.90), (105.80, 10.95), (106.10, 11.75), (106.50, 11.95),
    (107.50, 12.20), (107.55, 12.90), (107.45, 13.80), (107.55, 14.70), (107.25, 15.20),
    (107.20, 16.00), (106.55, 16.90), (106.00, 17.40), (105.60, 18.00), (105.10, 18.70),
    (103.90, 19.30), (104.10, 19.70), (104.30, 20.30), (104.60, 20.60), (104.00, 20.95),
    (103.20, 20.80), (102.90, 21.30), (102.60, 21.70), (102.20, 22.10),
]

# (EPSG code, central meridian, half width of the zone's use in degrees, points)
TM3 = [(5896, 102.0), (5897, 105.0), (5898, 108.0), (5899, 107.75),
       (9205, 103.0), (9206, 104.0), (9207, 104.5), (9208, 104.75), (9209, 105.5),
       (9210, 105.75), (9211, 106.0), (9212, 106.25), (9213, 106.5), (9214, 107.0),
       (9215, 107.25), (9216, 107.5), (9217, 108.25), (9218, 108.5)]
ZONES = [(code, cm, 1.5, 15) for code, cm in TM3] + [(3405, 105.0, 3.5, 20), (3406, 111.0, 3.5, 20)]


def on_land(lon, lat):
    inside = False
    n = len(OUTLINE)
    for i in range(n):
        x1, y1 = OUTLINE[i]
        x2, y2 = OUTLINE[(i + 1) % n]
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def sample(rng, cm, half_width, count):
    points = []
    while len(points) < count:
        lon = rng.uniform(max(102.1, cm - half_width), min(109.5, cm + half_width))
        lat = rng.uniform(8.5, 23.4)
        if on_land(lon, lat):
            points.append((round(lon, 9), round(lat, 9)))
    return points


def cs2cs(source, target, lines):
    command = ["cs2cs", "--area", "EPSG:3328", "-f", "%.9f", f"EPSG:{source}", f"EPSG:{target}"]
    out = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    values = [row.split() for row in out.strip().split("\n")]
    if len(values) != len(lines) or any(v[0] == "*" for v in values):
        raise SystemExit(f"cs2cs failed for {' '.join(command)}")
    return " ".join(command), [(float(v[0]), float(v[1])) for v in values]


def main():
    rng = random.Random(SEED)
    commands, rows = [], []
    for code, cm, half_width, count in ZONES:
        points = sample(rng, cm, half_width, count)
        # EPSG:4326 input is lat lon; projected output is easting northing.
        cmd, projected = cs2cs(4326, code, [f"{lat:.9f} {lon:.9f}" for lon, lat in points])
        commands.append(cmd)
        rows += [(4326, code, lon, lat, e, n) for (lon, lat), (e, n) in zip(points, projected)]
        inputs = [(round(e, 3), round(n, 3)) for e, n in projected]
        cmd, geographic = cs2cs(code, 4326, [f"{e:.3f} {n:.3f}" for e, n in inputs])
        commands.append(cmd)
        rows += [(code, 4326, e, n, lon, lat) for (e, n), (lat, lon) in zip(inputs, geographic)]
    for source, target in [(4326, 4756), (4756, 4326)]:
        points = sample(rng, 105.8, 4.0, 20)
        # Both geographic: lat lon in, lat lon out.
        cmd, shifted = cs2cs(source, target, [f"{lat:.9f} {lon:.9f}" for lon, lat in points])
        commands.append(cmd)
        rows += [(source, target, lon, lat, x, y) for (lon, lat), (y, x) in zip(points, shifted)]

    version = subprocess.run(["cs2cs"], capture_output=True, text=True).stderr.split("\n")[0]
    print(f"# Reference conversions computed by PROJ cs2cs ({version}); regenerate with generate.py.")
    print("# --area EPSG:3328 (Vietnam - onshore) makes PROJ apply EPSG:6960 (VN-2000 to WGS 84 (2), national,")
    print("# coordinate-frame Helmert) everywhere;")
    print("# without it cs2cs switches to EPSG:5194 (Mekong delta blocks DBSCL 02/03) inside that block, up to 0.8 m apart.")
    print("# x = longitude (deg) or easting (m), y = latitude (deg) or northing (m). Commands (stdin as noted in generate.py):")
    for cmd in commands:
        print(f"#   {cmd}")
    print("from,to,x_in,y_in,x_out,y_out")
    for source, target, x, y, xo, yo in rows:
        fmt_in = "{:.9f}" if source in (4326, 4756) else "{:.3f}"
        print(f"{source},{target},{fmt_in.format(x)},{fmt_in.format(y)},{xo:.9f},{yo:.9f}")


if __name__ == "__main__":
    main()
