#!/usr/bin/env bash
# Kills the application (kill -9) in the middle of a large sheet import — a portfolio sheet exported to CSV, one
# criterion changed on every row, imported back — and checks that, after a restart, the evaluations are exactly
# those from before the import or exactly those after it (one new evaluation per changed row), never a part,
# and that the application works (health UP, the same file's preview still offers every change or none).
#
#   scripts/fault-kill-sheet-import.sh                   # H2 file database (the default installation)
#   DATABASE=postgres scripts/fault-kill-sheet-import.sh   # a throw-away PostgreSQL cluster (initdb/pg_ctl/psql)
#
# Settings (environment): CUSTOMERS (default 10000 generated customers), KILLS (fractions of a whole import's
# duration at which to kill, default "0.2 0.5 0.8 0.95"), PORT (8095), WORK (/tmp/fault-kill-sheet-import),
# JAR. Exit code 0 when every kill left the data whole; the figures are printed as "FAULT key=value" lines.
set -euo pipefail

cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-10000}
KILLS=${KILLS:-"0.2 0.5 0.8 0.95"}
PORT=${PORT:-8095}
PG_PORT=${PG_PORT:-55496}
WORK=${WORK:-/tmp/fault-kill-sheet-import}
DATABASE=${DATABASE:-h2}
ADMIN=admin
PASSWORD=fault-admin-secret
source scripts/fault-lib.sh

trap 'stop_app; stop_postgres' EXIT
prepare
log "database $DATABASE: generating $CUSTOMERS customers"
PORTFOLIO_DATA_DIR="$WORK/data" PORTFOLIO_ADMIN_USERNAME=$ADMIN PORTFOLIO_ADMIN_PASSWORD=$PASSWORD \
	timeout 1800 java -Xmx1g -jar "$JAR" "${APP_ARGS[@]}" --portfolio.example.generate=database \
	--portfolio.example.customers="$CUSTOMERS" --portfolio.example.years=2 \
	--portfolio.example.lines-per-year=$((CUSTOMERS * 2)) >>"$WORK/app.log" 2>&1 \
	|| fail "the generator failed (see $WORK/app.log)"

# the sheet exported with ";" and every row's "Service needs" column moved to the next level seen in that column
start_app
timeout 300 curl -sf -u "$ADMIN:$PASSWORD" -H 'Accept-Language: en' -o "$WORK/export.csv" \
	"$BASE/api/v1/portfolio/export?format=csv&separator=;" || fail "the export failed"
sed -i '1s/^\xEF\xBB\xBF//' "$WORK/export.csv"
awk -F';' -v OFS=';' '
	NR == 1 {
		for (c = 1; c <= NF; c++) if ($c ~ /^Service needs/ && !column) column = c
		fields = NF; print; next
	}
	{ rows[NR] = $0; if (NF == fields && $column != "" && !($column in seen)) { seen[$column] = 1; levels[++n] = $column } }
	END {
		for (i = 1; i <= n; i++) next_level[levels[i]] = levels[i % n + 1]
		for (r = 2; r <= NR; r++) {
			$0 = rows[r]
			if (NF == fields && $column != "") $column = next_level[$column]
			print
		}
	}' "$WORK/export.csv" >"$WORK/edited.csv"
stop_app

import() { # dry_run file: the answer's body
	timeout 1800 curl -s -u "$ADMIN:$PASSWORD" -H 'Accept-Language: en' -F "file=@$2;type=text/csv" \
		"$BASE/api/v1/portfolio/import?dryRun=$1"
}
changes() { { grep -o '"customerId"' <<<"$1" || true; } | wc -l; }

# 1. how many changes, and how long a whole import takes (on a copy, thrown away after)
cp -a "$WORK/data" "$WORK/data.before"
[[ "$DATABASE" == postgres ]] && as_postgres "psql -h /tmp -p $PG_PORT -U postgres -qc 'CREATE DATABASE before TEMPLATE postgres'"
before=$(count evaluation)
start_app
preview=$(import true "$WORK/edited.csv")
expected=$(changes "$preview")
((expected > CUSTOMERS / 2)) || fail "the edited sheet offers only $expected changes: ${preview:0:600}"
started=$(date +%s.%N)
answer=$(import false "$WORK/edited.csv")
duration=$(echo "$(date +%s.%N) - $started" | bc)
grep -q '"imported":true' <<<"$answer" || fail "the whole import did not land: ${answer:0:600}"
stop_app
[[ "$(count evaluation)" == "$((before + expected))" ]] || fail "the whole import left $(count evaluation) evaluations, not $before + $expected"
echo "FAULT database=$DATABASE customers=$CUSTOMERS changes=$expected import_seconds=$duration"
log "a whole import of $expected changes took $duration s"

restore() { # the database as before the whole import
	if [[ "$DATABASE" == postgres ]]; then
		as_postgres "psql -h /tmp -p $PG_PORT -U postgres -d template1 -qc 'DROP DATABASE postgres' -c 'CREATE DATABASE postgres TEMPLATE before'"
	else
		rm -rf "$WORK/data" && cp -a "$WORK/data.before" "$WORK/data"
	fi
}

# 2. the same import again from the same starting point, killed at points along the way
run=0
for fraction in $KILLS; do
	run=$((run + 1))
	restore
	start_app
	import false "$WORK/edited.csv" >/dev/null 2>&1 &
	delay=$(echo "$duration * $fraction" | bc)
	sleep "$delay"
	kill_app
	after=$(count evaluation)
	if [[ "$after" == "$before" ]]; then
		state=before
	elif [[ "$after" == "$((before + expected))" ]]; then
		state=after
	else
		fail "killed at ${delay}s: $after evaluations, neither $before (before) nor $((before + expected)) (after)"
	fi
	start_app
	# the application works, and the same file offers every change again — or none, when it landed
	again=$(changes "$(import true "$WORK/edited.csv")")
	if [[ "$state" == before ]]; then [[ "$again" == "$expected" ]]; else [[ "$again" == 0 ]]; fi \
		|| fail "after the restart the file offers $again changes ($state the import)"
	stop_app
	echo "FAULT kill.$run at_seconds=$delay evaluations_before=$before after_restart=$after state=$state preview_changes=$again"
	log "run $run: killed at ${delay}s, $after evaluations after the restart ($state the import); the application works"
done
echo "FAULT kills_survived=$run"
log "every kill left the evaluations whole"
