#!/bin/sh
# The omni coverage question answered twice: by `sotttt coverage` and by PostGIS ST_DWithin, on the same data.
# Every BTS is made omni (azimuth_deg emptied), so a settlement is covered by a technology exactly when it lies
# within some BTS's max_range_km (bts_footprints.csv); PostGIS is given those ranges and answers with ST_DWithin.
# Prints both timings and the covered settlements per technology, and fails when the counts differ.
#
# usage: tests/SoTTTT.Benchmarks/postgis-dwithin.sh DATASET_FOLDER POSTGRESQL_URL
#   e.g. source tests/pg-cluster.sh && pg_cluster_start
#        sh tests/SoTTTT.Benchmarks/postgis-dwithin.sh /tmp/national "$SOTTTT_TEST_PG"
# Needs psql and a database with PostGIS; writes schema coverage_dwithin (replaced on every run).
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 DATASET_FOLDER POSTGRESQL_URL" >&2
  exit 2
fi

DATA=$1
URL=$2
SCHEMA=coverage_dwithin
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export PGOPTIONS="--client-min-messages=warning"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

dotnet build "$ROOT/src/SoTTTT.Cli" -c Release -v q -nologo >/dev/null
sotttt() { dotnet "$ROOT/src/SoTTTT.Cli/bin/Release/net10.0/sotttt.dll" "$@"; }
now() { date +%s.%N; }

# 1. An omni copy of the dataset (empty azimuth_deg, whatever its column position).
mkdir -p "$WORK/omni"
cp "$DATA"/* "$WORK/omni/"
python3 - "$WORK/omni/bts.csv" <<'PY'
import csv, sys
path = sys.argv[1]
with open(path, newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
header = rows[0]
if 'azimuth_deg' in header:
    k = header.index('azimuth_deg')
    for row in rows[1:]:
        row[k] = ''
with open(path, 'w', newline='', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\n').writerows(rows)
PY

# 2. sotttt: load + coverage of settlements (no --out folder besides what the comparison needs).
start=$(now)
sotttt coverage "$WORK/omni" --level province --out "$WORK/out" >/dev/null 2>"$WORK/sotttt.err" || { cat "$WORK/sotttt.err" >&2; exit 1; }
end=$(now)
echo "sotttt coverage (load, footprints, settlements, 100 m raster, files): $(echo "$end - $start" | bc) s"

# 3. PostGIS: the settlements and BTS layers, plus each BTS's max_range_km.
psql -q -v ON_ERROR_STOP=1 "$URL" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
sotttt export "$WORK/omni" --to postgis --conn "$URL?schema=$SCHEMA" --layers settlements,bts >/dev/null
cut -d, -f1,3,7 "$WORK/out/bts_footprints.csv" > "$WORK/ranges.csv"
psql -q -v ON_ERROR_STOP=1 "$URL" <<SQL
SET search_path TO $SCHEMA, public;
CREATE TABLE ranges (id text PRIMARY KEY, tech text NOT NULL, max_range_km double precision NOT NULL);
\copy ranges FROM '$WORK/ranges.csv' WITH (FORMAT csv, HEADER true)
ANALYZE;
SQL

start=$(now)
psql -A -t -F, -v ON_ERROR_STOP=1 "$URL" > "$WORK/postgis.csv" <<SQL
SET search_path TO $SCHEMA, public;
WITH sites AS (SELECT b.geom, r.tech, r.max_range_km * 1000 AS m FROM bts b JOIN ranges r ON r.id = b.id)
SELECT sites.tech, count(DISTINCT s.id) FROM sites JOIN settlements s ON ST_DWithin(s.geom, sites.geom, sites.m)
GROUP BY sites.tech ORDER BY sites.tech;
SQL
end=$(now)
echo "PostGIS ST_DWithin (covered settlements per technology): $(echo "$end - $start" | bc) s"

# 4. Compare with coverage.csv: the "*" rows, summed over provinces.
python3 - "$WORK/out/coverage.csv" "$WORK/postgis.csv" <<'PY'
import csv, sys
ours = {}
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row['operator'] == '*':
            ours[row['tech']] = ours.get(row['tech'], 0) + int(row['settlements_covered'])
theirs = {}
with open(sys.argv[2], encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and ',' in line:
            tech, n = line.split(',')
            theirs[tech] = int(n)
print('tech  sotttt  postgis')
for tech in sorted(set(ours) | set(theirs)):
    print(f'{tech:4}  {ours.get(tech, 0):6}  {theirs.get(tech, 0):7}')
sys.exit(0 if ours == theirs else 1)
PY
