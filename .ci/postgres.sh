#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL, creates the user and database "weft", and
# prints the JDBC URL on stdout, e.g. for: WEFT_TEST_POSTGRES_URL=$(.ci/postgres.sh) bin/test
# Everything else goes to stderr. Idempotent; needs root (apt-get, and runs psql as postgres).
set -euo pipefail
PGUSER_NAME=${WEFT_PG_USER:-weft}
PGPASS=${WEFT_PG_PASSWORD:-weft}
PGDB=${WEFT_PG_DB:-weft}
PGPORT=${WEFT_PG_PORT:-5432}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
fi

# the newest installed cluster; create one if the package made none
read -r version cluster port status _ < <(pg_lsclusters --no-header | sort -k1,1n | tail -1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  cluster=main
  pg_createcluster "$version" "$cluster" -p "$PGPORT" >&2
  port=$PGPORT
  status=down
fi
if [ "$status" != "online" ]; then
  echo "postgres.sh: starting cluster $version/$cluster on port $port" >&2
  pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 1 50); do
  runuser -u postgres -- pg_isready -q -p "$port" && break
  sleep 0.2
done

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PGUSER_NAME'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PGDB'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE $PGDB OWNER $PGUSER_NAME" >&2
fi
echo "jdbc:postgresql://localhost:$port/$PGDB?user=$PGUSER_NAME&password=$PGPASS"
