#!/usr/bin/env bash
# The management review pack over 100,000 findings and 1,000,000 results (issue 7, "Scale"):
# Vigil's computation and memory, with the domain's in-memory stores. Not part of ./mvnw verify.
#
#   bash bench/pack.sh                                  # 100,000 findings, 1,000,000 results
#   bash bench/pack.sh --findings 10000 --results 100000
#
# Needs the Vigil modules installed in ~/.m2 (./mvnw -q -B install -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/mvnw" -o -q -B -f "$root/bench/pom.xml" package
java -Xms2g -Xmx6g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/bench/target/classes:$root/bench/target/lib/*" io.vigil.bench.PackBench "$@"
