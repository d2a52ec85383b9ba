#!/usr/bin/env bash
# Vigil benchmark (issue 3): seeds a synthetic estate in moto_server and measures a first and an
# unchanged second collection run. Not part of ./mvnw verify. Figures go to docs/performance.md.
#
#   bash bench/run.sh                      # 5,000 resources
#   bash bench/run.sh --resources 1000     # any Bench option: --regions, --concurrency, --runs ...
#
# Needs moto_server on the PATH (or VIGIL_MOTO_SERVER), and the Vigil modules installed in ~/.m2:
#   ./mvnw -o -q -B install -DskipTests -pl functions/domain,functions/emulator,functions/aws-clients,functions/checks,functions/adapters,functions/collect-evidence
# By default moto_server runs through bench/moto-server-fast, which skips moto's whole-table copy
# per TransactWriteItems (quadratic; see bench/moto_server_fast.py). BENCH_STOCK_MOTO=1 uses the
# stock moto_server instead.
# Raw output: $BENCH_OUT (default /tmp/vigil-bench-<timestamp>.txt); JFR recordings next to it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="${BENCH_OUT:-/tmp/vigil-bench-$stamp.txt}"
jfr_dir="${out%.txt}-jfr"
mkdir -p "$jfr_dir"
if [[ "${BENCH_STOCK_MOTO:-0}" != 1 && -z "${VIGIL_MOTO_SERVER:-}" ]]; then
  export VIGIL_MOTO_SERVER="$root/bench/moto-server-fast"
fi

"$root/mvnw" -o -q -B -f "$root/bench/pom.xml" package

# -Xmx1g: a 1,769 MB Lambda (1 vCPU) leaves about that much for the heap. G1 as ergonomics choose
# on this machine; GC log beside the output. Micronaut and Vigil log warnings only.
java -Xms1g -Xmx1g \
  -XX:FlightRecorderOptions:stackdepth=256 \
  -Xlog:gc:file="${out%.txt}-gc.log" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/bench/target/classes:$root/bench/target/lib/*" \
  io.vigil.bench.Bench --jfr-dir "$jfr_dir" "$@" 2>&1 | tee "$out"
echo "raw output: $out"
