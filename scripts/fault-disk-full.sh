#!/usr/bin/env bash
# The H2 database on a disk that fills up during a large import: the application must answer with a clean
# error (no stack trace), keep answering, and the H2 file must open again afterwards with exactly the data
# committed before (nothing half-written); with room again, imports work. Needs root, to mount a small tmpfs
# for the data directory. SIZE must hold the stored upload (ImportFiles keeps it in the data directory, about
# 72 MB for 1M lines) but not the database growing by the import, so that H2 itself meets the full disk.
# A read-only data directory is not simulated: tmpfs refuses "remount,ro" while H2 holds its file open, and
# root ignores file permissions.
#
#   sudo scripts/fault-disk-full.sh        # SIZE (default 110m), LINES (default 1000000), PORT (8093), WORK, JAR
set -euo pipefail

cd "$(dirname "$0")/.."
SIZE=${SIZE:-110m}
LINES=${LINES:-1000000}
PORT=${PORT:-8093}
WORK=${WORK:-/tmp/fault-disk-full}
ADMIN=admin
PASSWORD=fault-admin-secret
DATABASE=h2
source scripts/fault-lib.sh
[[ $(id -u) -eq 0 ]] || { log "needs root to mount a small tmpfs; skipped"; exit 2; }

umount "$WORK/data" 2>/dev/null || true
prepare
mount -t tmpfs -o size="$SIZE" tmpfs "$WORK/data"
trap 'stop_app; umount "$WORK/data" 2>/dev/null || true' EXIT

generate() {
	awk -v prefix="$2" -v n="$3" 'BEGIN {
		print "Order ID,Customer ID,Company Name,Order Date,Category,Product,Amount"
		for (i = 0; i < n; i++) {
			invoice = int(i / 5)
			printf "%s-%d,DF-%d,Disk Customer %d,2025-%02d-%02d,Consulting,Work,%d.50\n", prefix, invoice,
				invoice % 500, invoice % 500, 1 + (invoice % 12), 1 + (invoice % 28), 10 + (i % 990)
		}
	}' >"$1"
}

# answers "status body" of an import
import() {
	timeout 1800 curl -s -o "$WORK/answer.json" -w '%{http_code}' -u "$ADMIN:$PASSWORD" \
		-F "file=@$1;type=text/csv" "$BASE/api/v1/imports/invoices" || true
}

clean_error() { # status: a 4xx/5xx answer without a stack trace
	[[ "$1" -ge 400 ]] && clean_body "$WORK/answer.json"
}

start_app
generate "$WORK/small.csv" SMALL 1000
[[ "$(import "$WORK/small.csv")" == 200 ]] || fail "the first small import did not land"
stop_app
before=$(count invoice_line)
log "1. disk full: $SIZE for the data, importing $LINES lines"
generate "$WORK/big.csv" BIG "$LINES"
start_app
status=$(import "$WORK/big.csv")
log "the import answered $status: $(head -c 400 "$WORK/answer.json")"
log "the cause in the log: $(grep -m1 -o 'No space left on device\|[A-Za-z.]*Exception: [^\n]*' "$WORK/app.log" | head -1)"
clean_error "$status" || fail "no clean error on a full disk (status $status)"
health=$(timeout 10 curl -s "$BASE/actuator/health" || true)
customers=$(timeout 10 curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN:$PASSWORD" "$BASE/api/v1/customers?size=1" || true)
log "meanwhile: health $health, customers API $customers"
stop_app
after=$(count invoice_line) || fail "the H2 file does not open after the disk filled up"
[[ "$after" == "$before" ]] || fail "$after lines after the failed import, not $before"
echo "FAULT disk_full.status=$status"
echo "FAULT disk_full.health_meanwhile=$health"
echo "FAULT disk_full.customers_api_meanwhile=$customers"
echo "FAULT disk_full.lines_before=$before lines_after=$after"

log "2. room again: the application starts and imports"
mount -o remount,size=2g "$WORK/data"
start_app
generate "$WORK/again.csv" AGAIN 1000
[[ "$(import "$WORK/again.csv")" == 200 ]] || fail "no import once there is room again"
stop_app
echo "FAULT disk_full.after_room_lines=$(count invoice_line)"

log "done"
