#!/usr/bin/env bash
# The runs behind the Performance table of the README: KernelBenchmark and PeerBenchmark at
# 200000x50, ConvergenceBenchmark at every shape. Short but sane settings (one fork, 2 warmup and
# 3 measurement iterations of 2 s, each at least one operation): about 8-10 minutes on 2 cores.
# Writes benchmarks/results/<Name>.json (JMH's JSON) and <Name>.log (the console output, including
# the [verify] and [convergence] lines printed at teardown).
#
#   bash benchmarks/run-report.sh              # builds the library and the benchmarks first
#   bash benchmarks/run-report.sh --no-build
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  mvn -q -B install -DskipTests
  mvn -q -B -f benchmarks/pom.xml package
fi

mkdir -p benchmarks/results
settings=(-wi 2 -i 3 -f 1 -w 2s -r 2s -foe true)
start=$SECONDS

report() {
  local name=$1
  shift
  echo "== $name $*"
  java -jar benchmarks/target/benchmarks.jar "$name" "$@" "${settings[@]}" \
      -rf json -rff "benchmarks/results/$name.json" > "benchmarks/results/$name.log" 2>&1 || {
    tail -n 60 "benchmarks/results/$name.log"
    echo "$name failed (log: benchmarks/results/$name.log)"
    exit 1
  }
  grep -E '^\[(verify|convergence)\]' "benchmarks/results/$name.log" || true
  sed -n '/^Benchmark /,$p' "benchmarks/results/$name.log"
}

report KernelBenchmark -p shape=200000x50
report PeerBenchmark -p shape=200000x50
report ConvergenceBenchmark

echo "done in $((SECONDS - start)) s: benchmarks/results/*.json"
