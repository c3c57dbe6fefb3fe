#!/usr/bin/env bash
# Prints the path of the application's jar in target/, building it first (without tests) when there is none.
# Used by the other scripts; JAR set in the environment wins.
set -euo pipefail
if [[ -n "${JAR:-}" ]]; then
	realpath "$JAR"
	exit 0
fi
cd "$(dirname "$0")/.."
find_jar() { ls target/customer-portfolio-*.jar 2>/dev/null | grep -v original | head -1 || true; }
if [[ -z "$(find_jar)" ]]; then
	echo "building the jar" >&2
	./mvnw -q -B -DskipTests package >&2
fi
realpath "$(find_jar)"
