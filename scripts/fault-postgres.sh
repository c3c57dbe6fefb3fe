#!/usr/bin/env bash
# The PostgreSQL server restarted, stopped for longer than the pool waits, crashed, and switched to read-only,
# each while the application is under load: users reading and writing through the API and browsing pages with a
# session (which lives in the database). Proves, and exits 1 otherwise, that
#   - every answer is a success or a clean 503 (no 500, no stack trace, no "wrong password"),
#   - the application reconnects by itself (requests succeed again within RECOVER seconds, health UP),
#   - nothing acknowledged is lost: every customer answered with 201 is in the database afterwards,
#   - while the database is read-only, reads go on, writes get 503 with their reason, and nothing changes.
#
#   scripts/fault-postgres.sh         # a throw-away PostgreSQL cluster (initdb/pg_ctl/psql on PATH, as root it
#                                     # runs them as the postgres user)
#
# Settings (environment): WORKERS (6), PHASE (seconds of load between faults, 20), OUTAGE (seconds the server
# stays down, 40: longer than the pool's 30 s wait), RECOVER (10), PORT (8094), PG_PORT (55495), WORK, JAR.
# Prints "FAULT key=value" lines.
set -euo pipefail

cd "$(dirname "$0")/.."
WORKERS=${WORKERS:-6}
PHASE=${PHASE:-20}
OUTAGE=${OUTAGE:-40}
RECOVER=${RECOVER:-10}
PORT=${PORT:-8094}
PG_PORT=${PG_PORT:-55495}
WORK=${WORK:-/tmp/fault-postgres}
DATABASE=postgres
ADMIN=admin
PASSWORD=fault-admin-secret
source scripts/fault-lib.sh

trap 'stop_load; stop_app; stop_postgres' EXIT
prepare
start_app
now() { date +%s.%N; }

# one worker: an API user who lists customers and creates one on every other request; each answer is a line
# "time kind status id" in its log (an answer cut off or never given: "cut" before its status), each failed
# answer's body kept
api_worker() {
	local n=$1 i=0 status id
	while [[ ! -e "$WORK/stop" ]]; do
		i=$((i + 1))
		if ((i % 2)); then
			status=$(timeout 60 curl -s -o "$WORK/body.$n" -w '%{http_code}' -u "$ADMIN:$PASSWORD" \
				"$BASE/api/v1/customers?size=20&sort=name") || status="cut$status"
			echo "$(now) read $status -" >>"$WORK/requests.$n"
		else
			status=$(timeout 60 curl -s -o "$WORK/body.$n" -w '%{http_code}' -u "$ADMIN:$PASSWORD" \
				-H 'Content-Type: application/json' -d "{\"name\":\"Fault customer $n-$i\"}" \
				"$BASE/api/v1/customers") || status="cut$status"
			id=$(grep -o '"id":[0-9]*' "$WORK/body.$n" | head -1 | cut -d: -f2 || true)
			echo "$(now) write $status ${id:--}" >>"$WORK/requests.$n"
		fi
		[[ "$status" == 2* ]] || cp "$WORK/body.$n" "$WORK/failed.$n.$i"
	done
}

# one worker: a person logged in with the form, browsing pages (the session is read and written each time)
page_worker() {
	local n=$1 i=0 status jar="$WORK/cookies.$n"
	local csrf
	csrf=$(timeout 10 curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | cut -d'"' -f4)
	timeout 10 curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$ADMIN" \
		--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
	local pages=(/ /customers /portfolio /analysis/concentration /warnings)
	while [[ ! -e "$WORK/stop" ]]; do
		i=$((i + 1))
		status=$(timeout 60 curl -s -o "$WORK/body.$n" -w '%{http_code}' -c "$jar" -b "$jar" \
			"$BASE${pages[i % ${#pages[@]}]}") || status="cut$status"
		echo "$(now) page $status -" >>"$WORK/requests.$n"
		[[ "$status" == 2* ]] || cp "$WORK/body.$n" "$WORK/failed.$n.$i"
	done
}

LOAD_PIDS=()
start_load() {
	rm -f "$WORK/stop"
	for n in $(seq 1 "$WORKERS"); do
		if ((n % 3 == 0)); then page_worker "$n" & else api_worker "$n" & fi
		LOAD_PIDS+=($!)
	done
}
stop_load() {
	touch "$WORK/stop"
	for pid in "${LOAD_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	LOAD_PIDS=()
}

mark() { echo "$(now) $1" >>"$WORK/marks"; log "$1"; }

# requests answered successfully after a moment: the first one's time
first_success_after() {
	cat "$WORK"/requests.* | awk -v t="$1" '$1 > t && $3 ~ /^2/ && (first == "" || $1 < first) { first = $1 } END { print first }'
}

start_load
sleep "$PHASE"

faults=("restart -m fast" "restart -m immediate" "outage")
for fault in "${faults[@]}"; do
	mark "fault: $fault"
	at=$(now)
	case "$fault" in
	outage)
		pg_ctl_do stop -m fast
		sleep "$OUTAGE"
		pg_ctl_do start
		;;
	*) pg_ctl_do $fault ;;
	esac
	back=$(now)
	sleep "$PHASE"
	first=$(first_success_after "$back")
	[[ -n "$first" ]] || fail "no request succeeded after the server came back ($fault)"
	recovery=$(echo "$first - $back" | bc)
	(($(echo "$recovery < $RECOVER" | bc))) || fail "requests succeeded again only $recovery s after the server came back"
	echo "FAULT postgres.$(tr ' ' '_' <<<"${fault// -m/}") down_seconds=$(printf '%.1f' "$(echo "$back - $at" | bc)") first_success_after_seconds=$(printf '%.2f' "$recovery")"
done

# read-only: as on a standby after a fail-over, or a database set read-only for maintenance
mark "fault: read-only"
as_postgres "psql -h /tmp -p $PG_PORT -U postgres -qc 'ALTER SYSTEM SET default_transaction_read_only = on' -c 'SELECT pg_reload_conf()'" >/dev/null
read_only_from=$(now)
sleep 2 # a transaction begun before may still commit
customers_before=$(count customer)
sleep "$PHASE"
read_only_to=$(now)
customers_during=$(as_postgres "psql -h /tmp -p $PG_PORT -U postgres -tAc 'SET default_transaction_read_only = off; SELECT count(*) FROM customer'" | tail -1)
as_postgres "psql -h /tmp -p $PG_PORT -U postgres -qc 'ALTER SYSTEM RESET default_transaction_read_only' -c 'SELECT pg_reload_conf()'" >/dev/null
mark "read-write again"
writable=$(now)
sleep "$PHASE"
stop_load

all=$(cat "$WORK"/requests.*)
# a request sent before read-only began may have finished in it; judge those well inside the window
read_only=$(awk -v from="$read_only_from" -v to="$read_only_to" '$1 > from + 2 && $1 < to' <<<"$all")
[[ "$customers_during" == "$customers_before" ]] || fail "customers changed while read-only: $customers_before → $customers_during"
ro_writes=$(awk '$2 == "write"' <<<"$read_only" | wc -l)
ro_writes_refused=$(awk '$2 == "write" && $3 == 503' <<<"$read_only" | wc -l)
ro_reads=$(awk '$2 == "read"' <<<"$read_only" | wc -l)
ro_reads_ok=$(awk '$2 == "read" && $3 == 200' <<<"$read_only" | wc -l)
((ro_writes > 0 && ro_writes == ro_writes_refused)) || fail "while read-only: $ro_writes_refused of $ro_writes writes answered 503"
((ro_reads > 0 && ro_reads == ro_reads_ok)) || fail "while read-only: $ro_reads_ok of $ro_reads API reads answered 200"
grep -l 'accepts no changes' "$WORK"/failed.* >/dev/null || fail "no write was told the database is read-only"
first=$(first_success_after "$writable")
echo "FAULT postgres.read_only writes=$ro_writes refused_503=$ro_writes_refused api_reads=$ro_reads ok=$ro_reads_ok pages=$(awk '$2 == "page"' <<<"$read_only" | wc -l) pages_ok=$(awk '$2 == "page" && $3 == 200' <<<"$read_only" | wc -l) customers_unchanged=$customers_before"
[[ -n "$(awk -v t="$writable" '$1 > t + 2 && $2 == "write" && $3 == 201' <<<"$all")" ]] || fail "no write succeeded after the database took changes again"

# every answer a success or a clean 503
total=$(wc -l <<<"$all")
statuses=$(awk '{ print $3 }' <<<"$all" | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')
echo "FAULT requests total=$total statuses=$statuses"
bad=$(awk '$3 !~ /^(200|201|503)$/ && n++ < 5' <<<"$all")
[[ -z "$bad" ]] || fail "answers other than success or 503: $bad"
for body in "$WORK"/failed.*; do
	[[ -e "$body" ]] || continue
	clean_body "$body" || fail "a failed answer shows internals: $body"
done

# nothing acknowledged is lost
acknowledged=$(awk '$2 == "write" && $3 == 201 { print $4 }' <<<"$all")
ids=$(paste -sd, <<<"$acknowledged")
found=$(query "select count(*) from customer where id in ($ids)")
[[ "$found" == "$(wc -l <<<"$acknowledged")" ]] || fail "$(wc -l <<<"$acknowledged") customers acknowledged, $found in the database"
echo "FAULT acknowledged_writes=$(wc -l <<<"$acknowledged") found_after=$found"
health=$(timeout 10 curl -s "$BASE/actuator/health")
grep -q '"UP"' <<<"$health" || fail "health after the faults: $health"
echo "FAULT health_after=$health"
log "every fault was survived: clean 503s meanwhile, reconnected, nothing acknowledged lost"
