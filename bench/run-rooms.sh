#!/usr/bin/env bash
# Runs the rooms benchmark (see bench/README.md) and writes bench/results/rooms.md.
# Extra arguments go to the JVM before the main class, e.g. -Dbench.steps=0,1,10 -Dbench.window=10
# The measured JVM needs native access (webrtc-java) and a pre-touched heap, so its resident set
# grows only with what the rooms add outside the Java heap.
exec "$(dirname "$0")/run-benchmark.sh" dev.sofia.bench.RoomsBenchmark bench/results/rooms.md \
  --enable-native-access=ALL-UNNAMED -XX:+AlwaysPreTouch "$@"
