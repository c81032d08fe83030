#!/usr/bin/env bash
# Runs the LiveKit HTTP benchmark (see bench/README.md) and writes bench/results/livekit-http.md.
# Extra arguments go to the JVM before the main class, e.g. -Dbench.rounds=20 -Dbench.requests=4096
exec "$(dirname "$0")/run-benchmark.sh" dev.sofia.bench.LiveKitHttpBenchmark bench/results/livekit-http.md "$@"
