#!/usr/bin/env bash
# Measures the start-up of the packaged application on an empty H2 database, from the start of the process to its
# first answer (GET /login): `java -jar`, and `scripts/start.sh` (its ahead-of-time class cache), with the JDK on
# PATH and, when JAVA_HOMES lists more, with each of those too. Each RUNS (3) times on a fresh data directory;
# prints "BENCH startup.<how>.java<N>.run<M>_ms=" and the median.
#
#   scripts/start-up-time.sh          # PORT (8097), RUNS (3), JAR
#   JAVA_HOMES="/usr/lib/jvm/temurin-25-jdk-amd64" scripts/start-up-time.sh
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
RUNS=${RUNS:-3}
JAR=$(scripts/jar.sh)

measure() { # how command…: milliseconds from start to the first answer
	local how=$1 data pid started ms
	shift
	data=$(mktemp -d)
	started=$(date +%s%N)
	PORTFOLIO_DATA_DIR="$data" "$@" --server.port="$PORT" --server.address=127.0.0.1 >"$data/out.log" 2>&1 &
	pid=$!
	until timeout 2 curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do
		kill -0 "$pid" 2>/dev/null || { echo "the application did not start: $data/out.log" >&2; exit 1; }
		sleep 0.02
	done
	ms=$((($(date +%s%N) - started) / 1000000))
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -rf "$data"
	echo "$ms"
}

for home in "" ${JAVA_HOMES:-}; do
	java="${home:+$home/bin/}java"
	major=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
	JAVA_HOME="$home" measure prepare scripts/start.sh >/dev/null # trains the cache when new; not counted
	for how in java-jar start-sh; do
		times=()
		for run in $(seq 1 "$RUNS"); do
			if [[ "$how" == java-jar ]]; then
				ms=$(measure "$how" "$java" -jar "$JAR")
			else
				ms=$(JAVA_HOME="$home" measure "$how" scripts/start.sh)
			fi
			times+=("$ms")
			echo "BENCH startup.$how.java$major.run${run}_ms=$ms"
		done
		echo "BENCH startup.$how.java$major.median_ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")"
	done
done
echo "BENCH machine=$(nproc) cores"
