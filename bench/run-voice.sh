#!/usr/bin/env bash
# Runs the voice benchmark (see bench/README.md) and writes bench/results/voice.md: agent-added
# latency and sessions per core of Sofia's agents framework beside Python's livekit-agents, both
# against the same fake OpenAI servers and a local livekit-server.
# Extra arguments go to the driver JVM before the main class, e.g. -Dbench.turns=40 -Dbench.steps=2,4
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
# livekit-agents with its OpenAI and Silero plugins from PyPI in its own venv (only benchmarks need it).
ensure_bench_peers
# The driver (callers, fake servers, in-process sessions) needs native access for webrtc-java; the
# Java worker's JVM is started by the driver with the options in -Dbench.java-worker-opts.
exec bench/run-benchmark.sh dev.sofia.bench.VoiceBenchmark bench/results/voice.md \
  --enable-native-access=ALL-UNNAMED -Dbench.agents-venv="$SOFIA_AGENTS_VENV" "$@"
