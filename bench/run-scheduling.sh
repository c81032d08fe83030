#!/usr/bin/env bash
# Runs the scheduling benchmark (see bench/README.md) and writes bench/results/scheduling.md.
# Extra arguments go to the JVM before the main class, e.g. -Dbench.rounds=20 -Dbench.warmup=5
exec "$(dirname "$0")/run-benchmark.sh" dev.sofia.bench.SchedulingBenchmark bench/results/scheduling.md "$@"
