# Shared by the fault scripts (sourced, not run): the jar, a throw-away PostgreSQL cluster, the application
# started and stopped, and one-value queries. The sourcing script sets WORK, PORT, ADMIN, PASSWORD and
# DATABASE (h2 or postgres) first, and may add to APP_ARGS.

BASE="http://127.0.0.1:$PORT"
PG_PORT=${PG_PORT:-55493}
APP_ARGS=(--server.port="$PORT" --server.address=127.0.0.1
	--spring.servlet.multipart.max-file-size=1GB --spring.servlet.multipart.max-request-size=1GB)
APP_PID=

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; stop_app || true; stop_postgres || true; exit 1; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

# the application's jar (built when missing), and the H2 driver it carries, to read the file while it is down
prepare() {
	JAR=$(scripts/jar.sh)
	rm -rf "$WORK" && mkdir -p "$WORK/data" "$WORK/lib"
	unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/lib"
	H2_JAR=$(ls "$WORK"/lib/h2-*.jar)
	H2_URL="jdbc:h2:file:$WORK/data/portfolio;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
	if [[ "$DATABASE" == postgres ]]; then start_postgres; fi
}

start_postgres() {
	PGDATA="$WORK/pgdata"
	chown -R postgres "$WORK" 2>/dev/null || true
	as_postgres "initdb -D '$PGDATA' -U postgres --auth=trust >/dev/null"
	pg_ctl_do start
	APP_ARGS+=(--spring.profiles.active=postgres
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
		--spring.datasource.username=postgres --spring.datasource.password=)
}

# pg_ctl start | stop -m fast | restart -m immediate …, on the throw-away cluster
pg_ctl_do() {
	as_postgres "pg_ctl -D '$WORK/pgdata' -o '-p $PG_PORT -k /tmp' -l '$WORK/postgres.log' -w $* >/dev/null"
}

stop_postgres() {
	[[ "$DATABASE" == postgres && -d "$WORK/pgdata" ]] || return 0
	pg_ctl_do stop -m fast || true
}

query() { # one value; for H2 the application must be down
	local sql="$1"
	if [[ "$DATABASE" == postgres ]]; then
		as_postgres "psql -h /tmp -p $PG_PORT -U postgres -tAc \"$sql\""
	else
		timeout 300 java -cp "$H2_JAR" org.h2.tools.Shell -url "$H2_URL" -user sa -password "" -sql "$sql" \
			| sed -n 2p | tr -d ' '
	fi
}

count() { query "select count(*) from $1"; }

start_app() {
	PORTFOLIO_DATA_DIR="$WORK/data" PORTFOLIO_ADMIN_USERNAME=$ADMIN PORTFOLIO_ADMIN_PASSWORD=$PASSWORD \
		java -Xmx1g -Djava.io.tmpdir="$WORK" -jar "$JAR" "${APP_ARGS[@]}" "$@" >>"$WORK/app.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 240); do
		if timeout 5 curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
			return 0
		fi
		kill -0 "$APP_PID" 2>/dev/null || fail "the application did not start (see $WORK/app.log)"
		sleep 0.5
	done
	fail "the application did not answer within 120 s"
}

stop_app() {
	[[ -n "${APP_PID:-}" ]] || return 0
	kill "$APP_PID" 2>/dev/null || true
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}

kill_app() { # kill -9, as a power cut does
	kill -9 "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}

# no stack trace, no exception class, no SQL in an answer's body (a file)
clean_body() {
	! grep -qE 'Exception|\bat (org|java|jdk|com)\.|SQL|select |insert into' "$1"
}
