#!/usr/bin/env bash
# End to end against Python: the same CSV of ROWS x 20 Gaussian features (fixed seed, awk) fitted by
# `java -jar target/logreg.jar fit` and by polars (read) + scikit-learn (LogisticRegression,
# solver newton-cholesky, C = inf: no penalty, tol 1e-8), with wall time and peak RSS of each (GNU time), and
# the largest relative difference of their coefficients. Python is a dependency of this script only:
# it needs polars, numpy and scikit-learn importable by $PYTHON (default python3), for example from a
# virtual environment (python3 -m venv /tmp/venv && /tmp/venv/bin/pip install polars scikit-learn;
# PYTHON=/tmp/venv/bin/python bash benchmarks/python-peer.sh).
#
# Timings on a shared machine are noisy: the two are run RUNS times (default 5), alternating, and the script
# prints every run, the median wall time of each and the ratio of the medians.
#
#   bash benchmarks/python-peer.sh [ROWS]     # default 1000000; needs target/logreg.jar
#   RUNS=9 bash benchmarks/python-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${RUNS:-5}
python=${PYTHON:-python3}
jar=target/logreg.jar
[ -f "$jar" ] || { echo "build $jar first: mvn -q -B package -DskipTests"; exit 1; }
"$python" -c "import polars, sklearn, numpy" || { echo "$python cannot import polars, sklearn and numpy"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

awk -v n="$rows" 'BEGIN {
  srand(20240607); p = 20; OFS = ",";
  for (j = 1; j <= p; j++) beta[j] = (j % 2 ? 1 : -1) * 0.5 / sqrt(j);
  header = "y"; for (j = 1; j <= p; j++) header = header ",x" j; print header;
  for (i = 0; i < n; i++) {
    line = ""; z = 0.3;
    for (j = 1; j <= p; j++) {
      u = rand(); v = rand(); g = sqrt(-2 * log(u + 1e-300)) * cos(6.283185307179586 * v);
      x = sprintf("%.6f", g); z += beta[j] * x; line = line "," x;
    }
    print ((rand() < 1 / (1 + exp(-z))) ? 1 : 0) line;
  }
}' > "$dir/data.csv"
ls -l "$dir/data.csv" | awk '{print "CSV:", $5, "bytes"}'

cat > "$dir/peer.py" <<'PY'
import json, sys, time
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
t0 = time.perf_counter()
df = pl.read_csv(sys.argv[1])
t1 = time.perf_counter()
y = df["y"].to_numpy()
x = df.drop("y").to_numpy()
model = LogisticRegression(solver="newton-cholesky", C=np.inf, tol=1e-8, max_iter=100).fit(x, y)
t2 = time.perf_counter()
theta = np.concatenate([model.intercept_, model.coef_[0]])
print(f"polars read {t1 - t0:.2f} s, scikit-learn fit {t2 - t1:.2f} s, together {t2 - t0:.2f} s")
ours = json.load(open(sys.argv[2]))
coef = [ours["coefficients"][t] for t in ours["terms"]]
print(f"max relative difference of the coefficients: {np.max(np.abs(np.array(coef) - theta)) / np.max(np.abs(theta)):.2e}")
PY
for run in $(seq "$runs"); do
  /usr/bin/time -o "$dir/ours.time" -f "%e %M" java -jar "$jar" fit --data "$dir/data.csv" --target y \
      --format json > "$dir/logreg.json"
  /usr/bin/time -o "$dir/peer.time" -f "%e %M" "$python" "$dir/peer.py" "$dir/data.csv" "$dir/logreg.json" \
      > "$dir/peer.out"
  read -r ours ours_kb < "$dir/ours.time"
  read -r peer peer_kb < "$dir/peer.time"
  echo "run $run: logreg fit $ours s wall, $ours_kb KB peak RSS; polars + scikit-learn $peer s wall, $peer_kb KB peak RSS"
  sed 's/^/  /' "$dir/peer.out"
  echo "$ours" >> "$dir/ours.all"
  echo "$peer" >> "$dir/peer.all"
  sed -n 's/.*together \([0-9.]*\) s.*/\1/p' "$dir/peer.out" >> "$dir/inside.all"
done
median() { sort -g "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ours=$(median "$dir/ours.all")
peer=$(median "$dir/peer.all")
inside=$(median "$dir/inside.all")
awk -v a="$ours" -v b="$peer" -v c="$inside" -v n="$runs" 'BEGIN {
  printf "median of %d runs: logreg fit %.2f s wall; polars + scikit-learn %.2f s wall (%.2f s of it reading and fitting,\n", n, a, b, c
  printf "  without the start of Python and its imports); ratio %.2f of the wall times, %.2f of the read and fit\n", a / b, a / c }'
