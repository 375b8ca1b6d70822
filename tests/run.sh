#!/usr/bin/env bash
# The test command of the README: installs what the tests need (Debian packages), then runs every test.
# - proj-bin: PROJ's cs2cs, the independent reference the coordinate tests compare against.
# - gdal-bin: GDAL's ogrinfo, the independent reader the GeoPackage tests check exports with.
# - postgresql-15 + postgresql-15-postgis-3: a throwaway PostGIS cluster on a loopback port for the PostGIS tests
#   (tests/pg-cluster.sh), started here, its URL in SOTTTT_TEST_PG, stopped and deleted on exit.
# - chromium + chromium-driver: the headless browser the map viewer tests drive (Selenium).
# - npm (only when maps/node_modules is absent): `npm ci` in maps/ installs the pinned OpenLayers the viewer serves.
# - libreoffice-writer-nogui + poppler-utils: the plan document (.docx) is converted to PDF headless and its first page
#   rendered to PNG (pdftoppm), the independent check that Word processors open it.
# - fonts-dejavu-core: DejaVu Sans, the face of the PNG maps (SkiaSharp picks it by family name).
# - gcc + libc6-dev + zlib1g-dev: Native AOT's linker for the native front `sotttt` (src/SoTTTT.Front), which the build
#   publishes beside the program; the test NativeFront_* fails in CI without it.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v cs2cs >/dev/null 2>&1 || need+=(proj-bin)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v splat >/dev/null 2>&1 || need+=(splat)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v gcc >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 || need+=(gcc)
[ -f /usr/include/stdio.h ] || need+=(libc6-dev)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ! -f maps/node_modules/ol/dist/ol.js ] && ! command -v npm >/dev/null 2>&1; then need+=(npm); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests/run.sh: installing ${need[*]} (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "tests/run.sh: missing ${need[*]} and cannot install them (needs root and apt-get); tests that need them fail in CI and are ignored elsewhere" >&2
  fi
fi

if [ ! -f maps/node_modules/ol/dist/ol.js ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "tests/run.sh: npm ci in maps/ (OpenLayers for the map viewer)"
    (cd maps && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "tests/run.sh: npm is missing, so maps/node_modules (OpenLayers) cannot be installed; the viewer tests will fail" >&2
  fi
fi

log=$(mktemp)
# The tests' dataset cache (issue 13) in a folder of their own, removed afterwards: ~/.cache is left alone.
SOTTTT_CACHE_DIR=$(mktemp -d)
export SOTTTT_CACHE_DIR
# shellcheck source=tests/pg-cluster.sh
source tests/pg-cluster.sh
trap 'pg_cluster_stop; rm -f "$log"; rm -rf "$SOTTTT_CACHE_DIR"' EXIT
if [ -z "${SOTTTT_TEST_PG:-}" ]; then
  if pg_cluster_available; then
    pg_cluster_start || echo "tests/run.sh: could not start the PostGIS test cluster; PostGIS tests fail in CI and are ignored elsewhere" >&2
  fi
fi

set +e
dotnet test SoTTTT.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line in the plain form CI reads: "N passed, N failed, N skipped".
summary=$(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+' "$log" | tr -d ' ' |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {if (NR) printf "%d passed, %d failed, %d skipped\n", p, f, s}')
if [ -n "$summary" ]; then
  echo "$summary"
fi
exit "$status"
