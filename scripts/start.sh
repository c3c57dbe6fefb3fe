#!/usr/bin/env bash
# Starts the packaged application the fastest way the JDK allows: from the extracted jar with an ahead-of-time
# class cache — JDK 25 or newer: the AOT cache (JEP 483/514); JDK 17–24: a class-data-sharing archive (CDS), as
# Spring Boot recommends. After each build (or JDK change) the first start trains the cache once — it starts the
# application against a throw-away database and stops it when ready (15–25 s) — and every later start loads its
# classes from it. Arguments and environment are passed on as to `java -jar`:
#
#   scripts/start.sh                                   # like java -jar target/customer-portfolio-*.jar
#   PORTFOLIO_DATA_DIR=/srv/portfolio scripts/start.sh --server.port=8080
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 JAVA_OPTS="-Xmx2g" scripts/start.sh
#
# The extracted application and its cache live in target/fast-start (FAST_START_DIR); the jar is built when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=$("$ROOT/scripts/jar.sh")
DIR=${FAST_START_DIR:-$ROOT/target/fast-start}
APP="$DIR/$(basename "$JAR")"
MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
if ((MAJOR >= 25)); then
	CACHE="$DIR/application-$MAJOR.aot"
	TRAIN=(-XX:AOTCacheOutput="$CACHE")
	USE=(-XX:AOTCache="$CACHE")
else
	CACHE="$DIR/application-$MAJOR.jsa"
	TRAIN=(-XX:ArchiveClassesAtExit="$CACHE")
	USE=(-XX:SharedArchiveFile="$CACHE")
fi

if [[ ! -f "$APP" || "$JAR" -nt "$APP" ]]; then
	rm -rf "$DIR"
	"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
fi
if [[ ! -f "$CACHE" ]]; then
	echo "Preparing a fast start for $(basename "$JAR") on Java $MAJOR (once per build)…" >&2
	TRAINING=$(mktemp -d)
	# the training run starts the whole application on a throw-away database and stops once it is ready
	PORTFOLIO_DATA_DIR="$TRAINING" "$JAVA" "${TRAIN[@]}" -Dspring.context.exit=onRefresh -jar "$APP" \
		--server.port=0 >"$DIR/training.log" 2>&1 \
		|| { echo "The training run failed (see $DIR/training.log); starting without the cache." >&2; rm -f "$CACHE"; }
	rm -rf "$TRAINING"
fi
if [[ -f "$CACHE" ]]; then
	# shellcheck disable=SC2086
	exec "$JAVA" "${USE[@]}" ${JAVA_OPTS:-} -jar "$APP" "$@"
fi
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} -jar "$APP" "$@"
