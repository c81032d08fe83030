#!/usr/bin/env bash
# Runs the workers benchmark (see bench/README.md) and writes bench/results/workers.md: the Java
# AgentWorker beside the Python livekit-agents worker, against the same local livekit-server.
# Extra arguments go to the driver JVM before the main class, e.g. -Dbench.dispatches=20 -Dbench.jobs=5
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
# livekit-agents from PyPI in its own venv (only this benchmark needs it).
ensure_bench_peers
# The Java worker's JVM is started by the driver with --enable-native-access (webrtc-java) and the
# heap options in -Dbench.java-worker-opts (default -Xmx512m); the driver itself is not measured.
exec bench/run-benchmark.sh dev.sofia.bench.WorkersBenchmark bench/results/workers.md \
  --enable-native-access=ALL-UNNAMED -Dbench.agents-venv="$SOFIA_AGENTS_VENV" "$@"
