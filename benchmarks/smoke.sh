#!/usr/bin/env bash
# Smoke run for CI: every benchmark once, at the smallest shape (10000x10, or 10000 rows), one short measurement
# iteration in this JVM (-f 0), plus the Skin data's loader once. It checks that the benchmarks build,
# run and pass their @TearDown checks (every fit against the reference optimum, every kernel against
# the loop reference); its timings mean nothing. About 1-2 minutes on 2 cores.
#
#   bash benchmarks/smoke.sh              # builds the library and the benchmarks first
#   bash benchmarks/smoke.sh --no-build   # uses benchmarks/target/benchmarks.jar as it is
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  mvn -q -B install -DskipTests
  mvn -q -B -f benchmarks/pom.xml package
fi

mkdir -p benchmarks/target
log=benchmarks/target/smoke.log
: > "$log"
start=$SECONDS
quick=(-wi 0 -i 1 -f 0 -r 1 -w 1 -foe true)

run() {
  if ! java -Xmx3g -jar benchmarks/target/benchmarks.jar "$@" "${quick[@]}" >> "$log" 2>&1; then
    tail -n 60 "$log"
    echo "benchmark smoke run failed: java -jar benchmarks/target/benchmarks.jar $*  (full log: $log)"
    exit 1
  fi
}

# Every benchmark class but ModelBenchmark and IngestBenchmark has a 'shape' parameter; 10000x10 is the smallest.
run '^(?!.*(ModelBenchmark|IngestBenchmark)).*' -p shape=10000x10
# ModelBenchmark and IngestBenchmark have 'rows' instead (a million by default): 10,000 here.
run '(ModelBenchmark|IngestBenchmark)' -p rows=10000
# The embedded Skin Segmentation data: load, validate the counts, one pass.
run 'KernelBenchmark.streamPass' -p shape=skin

grep -E '^\[(verify|convergence)\]' "$log" || true
echo "benchmark smoke run passed in $((SECONDS - start)) s (log: $log)"
