#!/usr/bin/env bash
# Kills the application (kill -9) in the middle of a large invoice import and checks that, after a restart,
# the invoice lines are exactly those from before the import or exactly those after it — never a part — and
# that the application works (health UP, the API answers, a small import lands whole).
#
#   scripts/fault-kill-import.sh                  # H2 file database (the default installation)
#   DATABASE=postgres scripts/fault-kill-import.sh  # a throw-away PostgreSQL 15 cluster (needs initdb/pg_ctl on PATH)
#
# Settings (environment): LINES (default 1000000 lines per import file), KILLS (fractions of a full import's
# duration at which to kill, default "0.15 0.35 0.55 0.75 0.9"), PORT (8093), WORK (/tmp/fault-kill-import),
# JAR (default: the jar in target/, built with ./mvnw -DskipTests package when missing).
# Exit code 0 when every kill left the data whole; the figures are printed as "FAULT key=value" lines.
set -euo pipefail

cd "$(dirname "$0")/.."
LINES=${LINES:-1000000}
KILLS=${KILLS:-"0.15 0.35 0.55 0.75 0.9"}
PORT=${PORT:-8093}
WORK=${WORK:-/tmp/fault-kill-import}
DATABASE=${DATABASE:-h2}
ADMIN=admin
PASSWORD=fault-admin-secret
PG_PORT=${PG_PORT:-55493}
source scripts/fault-lib.sh

generate() { # file prefix lines: invoices of 5 lines, 2,000 customers, three years
	awk -v prefix="$2" -v n="$3" 'BEGIN {
		print "Order ID,Customer ID,Company Name,Order Date,Category,Product,Amount"
		split("Consulting,Design,Supervision,Maintenance", categories, ",")
		for (i = 0; i < n; i++) {
			invoice = int(i / 5)
			c = invoice % 2000
			printf "%s-%d,FC-%d,Fault Customer %d,%04d-%02d-%02d,%s,Work,%d.%02d\n", prefix, invoice, c, c,
				2023 + (invoice % 3), 1 + (invoice % 12), 1 + (invoice % 28), categories[1 + (i % 4)], 10 + (i % 990), i % 100
		}
	}' >"$1"
}

import() { # file: posts it to the API, prints the answer
	timeout 1800 curl -s -u "$ADMIN:$PASSWORD" -F "file=@$1;type=text/csv" "$BASE/api/v1/imports/invoices"
}

app_works() {
	timeout 10 curl -sf -u "$ADMIN:$PASSWORD" "$BASE/api/v1/customers?size=1" >/dev/null || fail "the API does not answer"
	generate "$WORK/small.csv" "SMALL-$1" 10
	local answer
	answer=$(import "$WORK/small.csv")
	grep -q '"imported":true' <<<"$answer" || fail "a small import after the restart did not land: ${answer:0:600}"
}

trap 'stop_app; stop_postgres' EXIT
prepare
log "database $DATABASE, $LINES lines per import, work in $WORK"

# 1. a whole import, to know how long one takes
generate "$WORK/full.csv" FULL "$LINES"
start_app
started=$(date +%s.%N)
answer=$(import "$WORK/full.csv")
grep -q '"imported":true' <<<"$answer" || fail "the whole import did not land: ${answer:0:600}"
duration=$(echo "$(date +%s.%N) - $started" | bc)
stop_app
[[ "$(count invoice_line)" == "$LINES" ]] || fail "the whole import left $(count invoice_line) lines, not $LINES"
echo "FAULT database=$DATABASE"
echo "FAULT lines=$LINES"
echo "FAULT import_seconds=$duration"
log "a whole import of $LINES lines took $duration s"

# 2. the same size again, killed at points along the way
run=0
whole=0
for fraction in $KILLS; do
	run=$((run + 1))
	before=$(count invoice_line)
	generate "$WORK/run.csv" "RUN$run" "$LINES"
	start_app
	import "$WORK/run.csv" >/dev/null 2>&1 &
	delay=$(echo "$duration * $fraction" | bc)
	sleep "$delay"
	kill_app
	after=$(count invoice_line)
	# where the import was: total_rows is set once the file is read and checked, just before the one
	# transaction that writes the lines; processed_rows climbs while it writes
	phase=$(query "select case when total_rows is null then 'reading' else 'writing-' || processed_rows || '/' || total_rows end from invoice_import order by id desc fetch first 1 rows only")
	if [[ "$after" == "$before" ]]; then
		state=before
	elif [[ "$after" == "$((before + LINES))" ]]; then
		state=after
	else
		fail "killed at ${delay}s: $after lines, neither $before (before) nor $((before + LINES)) (after)"
	fi
	start_app
	app_works "$run"
	stop_app
	whole=$((whole + 1))
	echo "FAULT kill.$run at_seconds=$delay phase=$phase lines_before=$before lines_after_restart=$after state=$state"
	log "run $run: killed at ${delay}s while $phase, $after lines after the restart ($state the import); the application works"
done
echo "FAULT kills_survived=$whole"
log "every kill left the invoice lines whole"
