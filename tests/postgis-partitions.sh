#!/usr/bin/env bash
# Province partitions or flat tables for the PostGIS export (issue 13 item 6): exports DATASET with
# `sotttt export --to postgis` (flat tables; timed twice: into an empty schema, then replacing every province), builds
# a copy partitioned by province (one list partition per province, as the export wrote before issue 13; same columns,
# primary key (province_code, fid) and GiST), ANALYZEs both, then times on each layout
#   - national queries: nearest postal point per settlement (KNN), settlements within 2 km of a BTS (EXISTS +
#     ST_DWithin), BTS per commune (ST_Contains join), a map-viewer bounding box over BTS;
#   - a one-province query (WHERE province_code = the largest province);
#   - replacing the largest province in every layer, all-or-nothing in one transaction: partitioned as the export
#     does it (staging table, primary key, CHECK, GiST, detach + drop the old partition, attach), flat as
#     DELETE + INSERT (the indexes maintained row by row).
# Every figure is printed with the load average (`uptime`) at the time. Starts a throwaway cluster (tests/pg-cluster.sh)
# unless SOTTTT_TEST_PG is set.
#   bash tests/postgis-partitions.sh DATASET_FOLDER [RUNS]     e.g. bash tests/postgis-partitions.sh /tmp/national 2
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DATASET_FOLDER [RUNS]" >&2
  exit 2
fi
data=$(cd "$1" && pwd)
runs=${2:-2}
cd "$(dirname "$0")/.."
# shellcheck source=tests/pg-cluster.sh
source tests/pg-cluster.sh
trap 'pg_cluster_stop' EXIT
if [ -z "${SOTTTT_TEST_PG:-}" ]; then
  pg_cluster_start
fi
psql=${PG_BIN}/psql
url=${SOTTTT_TEST_PG%%\?*}
layers=admin_units,settlements,towers,bts,fibre_routes,postal_points,zones
P=part_$$
F=flat_$$
S=src_$$

sql() { "$psql" "$url" -qAt -v ON_ERROR_STOP=1 -c "SET jit = off" -c "$1"; }
load() { uptime | sed 's/.*load average: /load /'; }
timed() { # label sql
  local start end
  start=$(date +%s.%N)
  sql "$2" >/dev/null
  end=$(date +%s.%N)
  printf '%-66s %8.2f s   (%s)\n' "$1" "$(awk "BEGIN {print $end - $start}")" "$(load)"
}
cleanup() { sql "DROP SCHEMA IF EXISTS $P CASCADE; DROP SCHEMA IF EXISTS $F CASCADE; DROP SCHEMA IF EXISTS $S CASCADE" >/dev/null 2>&1 || true; pg_cluster_stop; }
trap cleanup EXIT

dotnet build src/SoTTTT.Cli -c Release -v q -nologo >/dev/null
cli=src/SoTTTT.Cli/bin/Release/net10.0/linux-x64/sotttt.dll
echo "machine: $(nproc) cores; dataset $data; $runs run(s) of each query"
for pass in first again; do
  start=$(date +%s.%N)
  dotnet "$cli" export "$data" --to postgis --conn "$url?schema=$F" --layers "$layers" >/dev/null 2>&1
  printf '%-66s %8.2f s   (%s)\n' "sotttt export --to postgis (flat tables), $pass" "$(awk "BEGIN {print $(date +%s.%N) - $start}")" "$(load)"
done

codes=$(sql "SELECT DISTINCT province_code FROM $F.admin_units ORDER BY 1")
part="CREATE SCHEMA $P;"
for l in ${layers//,/ }; do
  part+="CREATE TABLE $P.$l (LIKE $F.$l INCLUDING DEFAULTS) PARTITION BY LIST (province_code);"
  for c in $codes; do
    part+="CREATE TABLE $P.${l}_p$(echo "$c" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9\n' '_') PARTITION OF $P.$l FOR VALUES IN ('$c');"
  done
  part+="INSERT INTO $P.$l SELECT * FROM $F.$l; ALTER TABLE $P.$l ADD PRIMARY KEY (province_code, fid); CREATE INDEX ON $P.$l USING gist (geom);"
done
timed "partitioned copy (one partition per province, primary key, GiST)" "$part"
timed "ANALYZE both layouts" "ANALYZE $P.admin_units, $P.settlements, $P.towers, $P.bts, $P.fibre_routes, $P.postal_points, $P.zones,
  $F.admin_units, $F.settlements, $F.towers, $F.bts, $F.fibre_routes, $F.postal_points, $F.zones"
big=$(sql "SELECT province_code FROM $P.bts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
echo "largest province: $big ($(sql "SELECT count(*) FROM $P.bts WHERE province_code = '$big'") BTS, $(sql "SELECT sum(n) FROM (SELECT count(*) n FROM $P.settlements WHERE province_code = '$big' UNION ALL SELECT count(*) FROM $P.towers WHERE province_code = '$big' UNION ALL SELECT count(*) FROM $P.bts WHERE province_code = '$big' UNION ALL SELECT count(*) FROM $P.fibre_routes WHERE province_code = '$big' UNION ALL SELECT count(*) FROM $P.postal_points WHERE province_code = '$big' UNION ALL SELECT count(*) FROM $P.admin_units WHERE province_code = '$big' UNION ALL SELECT count(*) FROM $P.zones WHERE province_code = '$big') x") rows in 7 layers)"

# 100 boxes of 20 km on a 10 x 10 grid over the BTS extent (numbers fixed here, so each box is an index probe).
read -r x0 y0 dx dy srid <<<"$(sql "SELECT ST_XMin(e), ST_YMin(e), (ST_XMax(e) - ST_XMin(e)) / 10, (ST_YMax(e) - ST_YMin(e)) / 10, (SELECT ST_SRID(geom) FROM $F.bts LIMIT 1)
  FROM (SELECT ST_Extent(geom)::geometry e FROM $F.bts) q" | tr '|' ' ')"
for run in $(seq 1 "$runs"); do
  for s in $P $F; do
    kind=$([ $s = "$P" ] && echo partitioned || echo flat)
    timed "run $run $kind: nearest postal point per settlement" \
      "SELECT count(*), sum(d) FROM $s.settlements s CROSS JOIN LATERAL (SELECT s.geom <-> p.geom AS d FROM $s.postal_points p ORDER BY s.geom <-> p.geom LIMIT 1) n"
    timed "run $run $kind: settlements within 2 km of a BTS" \
      "SELECT count(*) FROM $s.settlements s WHERE EXISTS (SELECT 1 FROM $s.bts b WHERE ST_DWithin(b.geom, s.geom, 2000))"
    timed "run $run $kind: BTS per commune" \
      "SELECT count(*), sum(n) FROM (SELECT a.code, count(*) AS n FROM $s.admin_units a JOIN $s.bts b ON ST_Contains(a.geom, b.geom) WHERE a.level = 'commune' GROUP BY a.code) x"
    timed "run $run $kind: BTS in 100 map boxes of 20 km" \
      "SELECT sum(n) FROM generate_series(0, 99) i CROSS JOIN LATERAL (SELECT count(*) AS n FROM $s.bts b WHERE b.geom && ST_MakeEnvelope(
         $x0 + (i % 10) * $dx, $y0 + (i / 10) * $dy, $x0 + (i % 10) * $dx + 20000, $y0 + (i / 10) * $dy + 20000, $srid)) c"
    timed "run $run $kind: one province's settlements within 2 km of a BTS" \
      "SELECT count(*) FROM $s.settlements s WHERE s.province_code = '$big' AND EXISTS (SELECT 1 FROM $s.bts b WHERE b.province_code = '$big' AND ST_DWithin(b.geom, s.geom, 2000))"
  done
done

# The new rows of the province, prepared before the clocks (the same rows: a replace writes what is there).
prep="CREATE SCHEMA $S;"
for l in ${layers//,/ }; do
  prep+="CREATE TABLE $S.$l AS SELECT * FROM $P.$l WHERE province_code = '$big';"
done
sql "$prep" >/dev/null
sfx=$(echo "$big" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9\n' '_')
for run in $(seq 1 "$runs"); do
  part="BEGIN;"
  for l in ${layers//,/ }; do
    part+="CREATE TABLE $P.${l}_p${sfx}_new${run} (LIKE $P.$l INCLUDING DEFAULTS); INSERT INTO $P.${l}_p${sfx}_new${run} SELECT * FROM $S.$l;
           ALTER TABLE $P.${l}_p${sfx}_new${run} ADD PRIMARY KEY (province_code, fid);
           ALTER TABLE $P.${l}_p${sfx}_new${run} ADD CONSTRAINT ${l}_bound CHECK (province_code IS NOT NULL AND province_code = '$big');
           CREATE INDEX ON $P.${l}_p${sfx}_new${run} USING gist (geom);"
  done
  for l in ${layers//,/ }; do
    part+="ALTER TABLE $P.$l DETACH PARTITION $P.${l}_p${sfx}; DROP TABLE $P.${l}_p${sfx};
           ALTER TABLE $P.${l}_p${sfx}_new${run} RENAME TO ${l}_p${sfx};
           ALTER TABLE $P.$l ATTACH PARTITION $P.${l}_p${sfx} FOR VALUES IN ('$big'); ALTER TABLE $P.${l}_p${sfx} DROP CONSTRAINT ${l}_bound;"
  done
  timed "run $run partitioned: replace province $big (stage + swap)" "$part COMMIT;"
  flatReplace="BEGIN;"
  for l in ${layers//,/ }; do
    flatReplace+="DELETE FROM $F.$l WHERE province_code = '$big'; INSERT INTO $F.$l SELECT * FROM $S.$l;"
  done
  timed "run $run flat: replace province $big (DELETE + INSERT)" "$flatReplace COMMIT;"
done
timed "flat: VACUUM after the replaces (dead rows of the old province)" "VACUUM $F.admin_units, $F.settlements, $F.towers, $F.bts, $F.fibre_routes, $F.postal_points, $F.zones"
