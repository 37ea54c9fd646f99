#!/usr/bin/env bash
# Out of core against in memory, through the command line, on one generated CSV of ROWS x 20 Gaussian
# features (GenerateCsv, fixed seed; 20,000,000 rows by default, about 3.8 GB):
#   1. in memory: fit --data big.csv with a large heap (-Xmx$HEAP, default 12g);
#   2. out of core: logreg cache --data big.csv --output big.lrc, then fit --data big.lrc, both with -Xmx1g,
#      the fit twice (the second with the cache in the page cache).
# For each step it prints wall time and peak RSS (GNU time). Then the fit alone, timed inside the JVM
# (OutOfCore): from the mapped cache with -Xmx1g, twice (the second with the cache in the page cache), and
# from the same rows read into the heap first, with -Xmx$HEAP; their coefficients must be identical.
#
#   bash benchmarks/out-of-core.sh [ROWS]   # needs target/logreg.jar and benchmarks/target/benchmarks.jar
#   WORKDIR=/big/dir bash benchmarks/out-of-core.sh   # keeps the generated files there (reused next time)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-20000000}
heap=${HEAP:-12g}
jar=target/logreg.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "build $jar first: mvn -q -B package -DskipTests"; exit 1; }
[ -f "$bench" ] || { echo "build $bench first: mvn -q -B install -DskipTests && mvn -q -B -f benchmarks/pom.xml package"; exit 1; }
dir=${WORKDIR:-$(mktemp -d)}
[ -n "${WORKDIR:-}" ] || trap 'rm -rf "$dir"' EXIT

if [ ! -f "$dir/big.csv" ]; then
  java -cp "$bench" dev.logreg.bench.GenerateCsv "$rows" "$dir/big.csv"
fi
ls -l "$dir/big.csv" | awk '{printf "CSV: %d rows, %.2f GB\n", '"$rows"', $5 / 1e9}'

/usr/bin/time -f "in memory (-Xmx$heap): fit --data big.csv: %e s wall, %M KB peak RSS" \
    java -Xmx"$heap" -jar "$jar" fit --data "$dir/big.csv" --target y --quiet --format json > "$dir/memory.json"
/usr/bin/time -f "out of core (-Xmx1g): cache --data big.csv: %e s wall, %M KB peak RSS" \
    java -Xmx1g -jar "$jar" cache --data "$dir/big.csv" --target y --output "$dir/big.lrc" --quiet
/usr/bin/time -f "out of core (-Xmx1g): fit --data big.lrc: %e s wall, %M KB peak RSS" \
    java -Xmx1g -jar "$jar" fit --data "$dir/big.lrc" --quiet --format json > "$dir/mapped.json"
for run in 1 2; do
  /usr/bin/time -f "  (OutOfCore mapped, -Xmx1g: %e s wall, %M KB peak RSS)" \
      java -Xmx1g -cp "$bench" dev.logreg.bench.OutOfCore "$dir/big.lrc" mapped | tee "$dir/mapped.txt" | grep -v '^coefficients'
done
/usr/bin/time -f "  (OutOfCore memory, -Xmx$heap: %e s wall, %M KB peak RSS)" \
    java -Xmx"$heap" -cp "$bench" dev.logreg.bench.OutOfCore "$dir/big.lrc" memory | tee "$dir/memory.txt" | grep -v '^coefficients'
if cmp -s <(grep '^coefficients' "$dir/mapped.txt") <(grep '^coefficients' "$dir/memory.txt") \
    && cmp -s <(grep -v '"source"' "$dir/memory.json") <(grep -v '"source"' "$dir/mapped.json"); then
  echo "coefficients: identical (mapped and in memory; fit of the CSV and of the cache)"
else
  echo "coefficients differ"; exit 1
fi
