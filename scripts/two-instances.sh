#!/usr/bin/env bash
# Starts two instances of the application on one PostgreSQL database, as a load-balanced installation runs them,
# and leaves them running until Ctrl-C. With --check it proves the setup and stops: both answer, a login on one
# is a login on the other, the schema was migrated once. (The full proof — concurrent edits and imports — is the
# automated test TwoInstancesTests, run by ./mvnw verify.)
#
#   scripts/two-instances.sh            # a throw-away PostgreSQL cluster, instances on 8081 and 8082
#   scripts/two-instances.sh --check
#   PORTFOLIO_DB_URL=jdbc:postgresql://host:5432/portfolio PORTFOLIO_DB_USER=… PORTFOLIO_DB_PASSWORD=… \
#     scripts/two-instances.sh          # an existing PostgreSQL database instead
#
# Settings (environment): PORT_A (8081), PORT_B (8082), PG_PORT (55494), WORK (/tmp/two-instances),
# JAR (default: the jar in target/, built with ./mvnw -DskipTests package when missing). The throw-away cluster
# needs PostgreSQL's initdb and pg_ctl on PATH (Debian: apt-get install postgresql; as root it runs them as the
# postgres user). Sign in as admin / two-instances-admin.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
PG_PORT=${PG_PORT:-55494}
WORK=${WORK:-/tmp/two-instances}
ADMIN=admin
PASSWORD=two-instances-admin
CHECK=false
[[ "${1:-}" == "--check" ]] && CHECK=true

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

JAR=$(scripts/jar.sh)
rm -rf "$WORK" && mkdir -p "$WORK"

OWN_CLUSTER=false
if [[ -z "${PORTFOLIO_DB_URL:-}" ]]; then
	OWN_CLUSTER=true
	chown -R postgres "$WORK" 2>/dev/null || true
	as_postgres "initdb -D '$WORK/pgdata' -U postgres --auth=trust >/dev/null"
	as_postgres "pg_ctl -D '$WORK/pgdata' -o '-p $PG_PORT -k /tmp' -l '$WORK/postgres.log' -w start >/dev/null"
	export PORTFOLIO_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" PORTFOLIO_DB_USER=postgres \
		PORTFOLIO_DB_PASSWORD=
	log "PostgreSQL on port $PG_PORT ($WORK/pgdata)"
fi

PIDS=()
stop() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	if $OWN_CLUSTER; then as_postgres "pg_ctl -D '$WORK/pgdata' -m fast stop >/dev/null" || true; fi
}
trap stop EXIT

# both at the same moment, on an empty database: Flyway migrates once, one instance creates the administrator
for port in "$PORT_A" "$PORT_B"; do
	mkdir -p "$WORK/data-$port"
	PORTFOLIO_DATA_DIR="$WORK/data-$port" PORTFOLIO_ADMIN_USERNAME=$ADMIN PORTFOLIO_ADMIN_PASSWORD=$PASSWORD \
		java -Xmx1g -jar "$JAR" --spring.profiles.active=postgres --server.port="$port" \
		--server.address=127.0.0.1 >"$WORK/app-$port.log" 2>&1 &
	PIDS+=($!)
done
for port in "$PORT_A" "$PORT_B"; do
	for _ in $(seq 1 240); do
		if curl -fsS -m 2 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
		sleep 0.5
	done
	curl -fsS -m 5 "http://127.0.0.1:$port/actuator/health" >/dev/null || { log "instance on $port did not start: $WORK/app-$port.log"; exit 1; }
	log "instance up on http://127.0.0.1:$port"
done

if $CHECK; then
	jar=$WORK/cookies
	csrf=$(curl -fsS -m 10 -c "$jar" "http://127.0.0.1:$PORT_A/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -fsS -m 10 -b "$jar" -c "$jar" -o /dev/null -d "username=$ADMIN&password=$PASSWORD&_csrf=$csrf" \
		"http://127.0.0.1:$PORT_A/login"
	status=$(curl -sS -m 10 -b "$jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_B/customers")
	[[ "$status" == 200 ]] || { log "FAILED: the session of $PORT_A is not a login on $PORT_B ($status)"; exit 1; }
	log "a login on $PORT_A is a login on $PORT_B"
	migrations=$(curl -fsS -m 10 -u "$ADMIN:$PASSWORD" "http://127.0.0.1:$PORT_B/api/v1/customers" -o /dev/null -w '%{http_code}')
	[[ "$migrations" == 200 ]] || { log "FAILED: the API of $PORT_B answers $migrations"; exit 1; }
	if $OWN_CLUSTER; then
		twice=$(as_postgres "psql -h /tmp -p $PG_PORT -U postgres -tAc \"select count(*) from (select version from flyway_schema_history where version is not null group by version having count(*) > 1) d\"")
		[[ "$twice" == 0 ]] || { log "FAILED: a migration ran twice"; exit 1; }
		log "every migration ran once"
	fi
	log "OK"
	exit 0
fi
log "both instances run; Ctrl-C stops them (logs in $WORK)"
wait
