#!/usr/bin/env bash
# Runs the phone benchmark (see bench/README.md) and writes bench/results/phone.md: Redis,
# livekit-server, livekit-sip and SIPp (installed by scripts/setup.sh) with the app in-process.
# Extra arguments go to the JVM before the main class, e.g. -Dbench.steps=1,5,10,20 -Dbench.lone-repeats=5
cd "$(dirname "$0")/.."
# livekit-sip built from source says "0.0.0-dev"; the version setup.sh builds is the one to report.
sip_version=$(sed -n 's/^LIVEKIT_SIP_VERSION=//p' scripts/setup.sh | head -n 1)
exec bench/run-benchmark.sh dev.sofia.bench.PhoneBenchmark bench/results/phone.md \
  -Dbench.livekit-sip-version="${sip_version:-unknown}" "$@"
