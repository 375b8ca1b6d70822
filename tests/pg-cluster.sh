# A throwaway PostgreSQL 15 + PostGIS cluster on a loopback port, for the PostGIS tests and benchmarks.
# Source this file, then:
#   pg_cluster_start   # initdb into a temp dir, start on 127.0.0.1:<free port>, create database sotttt_test
#                      # with PostGIS; exports SOTTTT_TEST_PG=postgresql://sotttt@127.0.0.1:<port>/sotttt_test
#   pg_cluster_stop    # stop the server and delete the temp dir
# initdb refuses to run as root, so as root the server runs as the 'postgres' system user (runuser);
# the database superuser is 'sotttt' with trust authentication, reachable only on 127.0.0.1.
# Durability is off (fsync, full-page writes): the cluster lives for one test run.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_CLUSTER_DIR=

pg_cluster_available() {
  [ -x "$PG_BIN/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]
}

_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

pg_cluster_start() {
  pg_cluster_available || { echo "pg-cluster: PostgreSQL 15 or PostGIS 3 is not installed" >&2; return 1; }
  PG_CLUSTER_DIR=$(mktemp -d /tmp/sotttt-pg.XXXXXX)
  chmod 755 "$PG_CLUSTER_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_CLUSTER_DIR"; fi
  local port
  port=$(_pg_free_port) || { echo "pg-cluster: no free port" >&2; return 1; }
  _pg_as_owner "$PG_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -U sotttt --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 ||
    { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_CLUSTER_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null ||
    { cat "$PG_CLUSTER_DIR/server.log" >&2; return 1; }
  "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U sotttt -d postgres -qAt -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE sotttt_test" >/dev/null &&
    "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U sotttt -d sotttt_test -qAt -v ON_ERROR_STOP=1 \
      -c "CREATE EXTENSION postgis" >/dev/null || return 1
  export SOTTTT_TEST_PG="postgresql://sotttt@127.0.0.1:$port/sotttt_test"
  echo "pg-cluster: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') + PostGIS on 127.0.0.1:$port ($PG_CLUSTER_DIR)"
}

pg_cluster_stop() {
  if [ -n "$PG_CLUSTER_DIR" ] && [ -d "$PG_CLUSTER_DIR" ]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
  fi
  PG_CLUSTER_DIR=
}
