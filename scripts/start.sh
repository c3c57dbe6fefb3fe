#!/usr/bin/env bash
# Starts the packaged application the fastest way: from the extracted jar with a class-data-sharing archive
# (the JDK's CDS; Spring Boot's recommended setup). After each build the first start trains the archive once —
# it starts the application against a throw-away database and stops it (about 15 s) — and every later start
# loads its classes from the archive. Arguments and environment are passed on as to `java -jar`:
#
#   scripts/start.sh                                   # like java -jar target/customer-portfolio-*.jar
#   PORTFOLIO_DATA_DIR=/srv/portfolio scripts/start.sh --server.port=8080
#   JAVA_OPTS="-Xmx2g" scripts/start.sh
#
# The extracted application and its archive live in target/fast-start (FAST_START_DIR); the jar is built when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR=${JAR:-$(ls "$ROOT"/target/customer-portfolio-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$JAR" ]]; then
	(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
	JAR=$(ls "$ROOT"/target/customer-portfolio-*.jar | grep -v original | head -1)
fi
DIR=${FAST_START_DIR:-$ROOT/target/fast-start}
APP="$DIR/$(basename "$JAR")"
ARCHIVE="$DIR/application.jsa"

if [[ ! -f "$ARCHIVE" || "$JAR" -nt "$ARCHIVE" ]]; then
	echo "Preparing a fast start for $(basename "$JAR") (once per build)…" >&2
	rm -rf "$DIR"
	java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
	TRAINING=$(mktemp -d)
	# the training run starts the whole application on a throw-away database and stops once it is ready
	PORTFOLIO_DATA_DIR="$TRAINING" java -XX:ArchiveClassesAtExit="$ARCHIVE" -Dspring.context.exit=onRefresh \
		-jar "$APP" --server.port=0 >"$DIR/training.log" 2>&1 \
		|| { echo "The training run failed (see $DIR/training.log); starting without the archive." >&2; rm -f "$ARCHIVE"; }
	rm -rf "$TRAINING"
fi
if [[ -f "$ARCHIVE" ]]; then
	# shellcheck disable=SC2086
	exec java -XX:SharedArchiveFile="$ARCHIVE" ${JAVA_OPTS:-} -jar "$APP" "$@"
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$APP" "$@"
