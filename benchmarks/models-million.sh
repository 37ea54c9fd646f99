#!/usr/bin/env bash
# Save, load and predict on a million rows, end to end through the command line: generates (fixed
# seed, awk) a training file and a new-data file of 1,000,000 rows each, 20 Gaussian features and a
# categorical column of 4 levels, fits with --save-model and scores the new file with predict,
# printing wall time and peak RSS of each step (GNU time). The data stay in a temporary directory.
#
#   bash benchmarks/models-million.sh [ROWS]      # needs target/logreg.jar (mvn -q -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
jar=target/logreg.jar
[ -f "$jar" ] || { echo "build $jar first: mvn -q -B package -DskipTests"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

generate() { # $1 file, $2 seed, $3 1 to write the target
  awk -v n="$rows" -v seed="$2" -v target="$3" 'BEGIN {
    srand(seed); p = 20; OFS = ",";
    for (j = 1; j <= p; j++) beta[j] = (j % 2 ? 1 : -1) * 0.4 / sqrt(j);
    split("a b c d", levels, " "); shift["a"] = 0; shift["b"] = 0.3; shift["c"] = -0.5; shift["d"] = 0.8;
    header = "";
    for (j = 1; j <= p; j++) header = header "x" j ",";
    print (target ? "y," : "") header "grade";
    for (i = 0; i < n; i++) {
      line = ""; z = 0.2;
      for (j = 1; j <= p; j++) {
        u = rand(); v = rand(); g = sqrt(-2 * log(u + 1e-300)) * cos(6.283185307179586 * v);
        x = sprintf("%.6f", g); z += beta[j] * x; line = line x ",";
      }
      l = levels[int(rand() * 4) + 1]; z += shift[l];
      y = (rand() < 1 / (1 + exp(-z))) ? 1 : 0;
      print (target ? y "," : "") line l;
    }
  }' > "$1"
}

step() { # $1 label, then the command
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$@"
}

echo "generating $rows rows twice in $dir"
generate "$dir/train.csv" 20241201 1
generate "$dir/new.csv" 20241202 0
ls -l "$dir"/*.csv | awk '{print $5, $9}'
step "fit --save-model" java -jar "$jar" fit --data "$dir/train.csv" --target y --save-model "$dir/model.json" \
    > "$dir/fit.txt"
ls -l "$dir/model.json" | awk '{print "model file:", $5, "bytes"}'
step "predict (csv)" java -jar "$jar" predict --model "$dir/model.json" --data "$dir/new.csv" --output "$dir/p.csv"
step "predict (json)" java -jar "$jar" predict --model "$dir/model.json" --data "$dir/new.csv" --format json \
    --output "$dir/p.json"
wc -l "$dir/p.csv" | awk '{print "predictions:", $1 - 1, "rows"}'
