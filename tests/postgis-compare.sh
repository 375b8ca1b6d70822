#!/usr/bin/env bash
# sotttt against tuned PostGIS on one dataset (issue 13): starts a throwaway PostgreSQL 15 + PostGIS cluster
# (tests/pg-cluster.sh, installed by tests/run.sh), runs the postgis-compare benchmark, stops and deletes the cluster.
#   bash tests/postgis-compare.sh DATASET_FOLDER [RUNS]
#   e.g. dotnet run --project src/SoTTTT.Cli -c Release -- synth --profile national --seed 1 --out /tmp/national
#        bash tests/postgis-compare.sh /tmp/national 3
# With SOTTTT_TEST_PG already set (a database with PostGIS), that database is used and nothing is started.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DATASET_FOLDER [RUNS]" >&2
  exit 2
fi
data=$(cd "$1" && pwd)
runs=${2:-3}
cd "$(dirname "$0")/.."
# shellcheck source=tests/pg-cluster.sh
source tests/pg-cluster.sh
trap 'pg_cluster_stop' EXIT
if [ -z "${SOTTTT_TEST_PG:-}" ]; then
  pg_cluster_start
fi
uptime
dotnet build tests/SoTTTT.Benchmarks -c Release -v q -nologo >/dev/null
dotnet tests/SoTTTT.Benchmarks/bin/Release/net10.0/linux-x64/SoTTTT.Benchmarks.dll postgis-compare "$data" "$SOTTTT_TEST_PG" "$runs"
uptime
