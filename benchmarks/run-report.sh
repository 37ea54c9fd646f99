#!/usr/bin/env bash
# The runs behind the Performance table of the README: KernelBenchmark and PeerBenchmark at
# 200000x50 (one fork, 3 warmup and 6 measurement iterations of 3 s), ConvergenceBenchmark at every
# shape and MultinomialBenchmark (2 warmup and 3 measurement iterations of 2 s): about 13 minutes on
# 2 cores.
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
settings=(-f 1 -w 2s -foe true)
start=$SECONDS

report() {
  local name=$1
  shift
  echo "== $name $*"
  java -jar benchmarks/target/benchmarks.jar "$name" "${settings[@]}" "$@" \
      -rf json -rff "benchmarks/results/$name.json" > "benchmarks/results/$name.log" 2>&1 || {
    tail -n 60 "benchmarks/results/$name.log"
    echo "$name failed (log: benchmarks/results/$name.log)"
    exit 1
  }
  grep -E '^\[(verify|convergence)\]' "benchmarks/results/$name.log" || true
  sed -n '/^Benchmark /,$p' "benchmarks/results/$name.log"
}

# Kernels and peers carry the README's targets: longer runs (6 measurements of 3 s), as single
# iterations on a shared 2-core machine vary by tens of percent.
report KernelBenchmark -p shape=200000x50 -wi 3 -i 6 -r 3s
report PeerBenchmark -p shape=200000x50 -wi 3 -i 6 -r 3s
report ConvergenceBenchmark -wi 2 -i 3 -r 2s
report MultinomialBenchmark -wi 2 -i 3 -r 2s

echo "done in $((SECONDS - start)) s: benchmarks/results/*.json"
