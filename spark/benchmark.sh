#!/usr/bin/env bash
# This module's Newton against Spark ML's LogisticRegression on local[2] (see SparkBenchmark).
#   bash spark/benchmark.sh [ROWS] [FEATURES]     # default 200000 x 20; needs the core library installed
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B test-compile
plain() { sed 's/\x1b\[[0-9;]*m//g'; }   # Maven's colour codes off
cp=$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | plain)
opens=$(mvn -q -B help:evaluate -Dexpression=spark.opens -DforceStdout | plain)
# shellcheck disable=SC2086
java $opens -cp "target/classes:target/test-classes:$cp" dev.logreg.spark.SparkBenchmark "$@" 2> target/benchmark.log
