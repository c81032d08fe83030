#!/usr/bin/env bash
# Runs Sofia on embedded defaults: embedded PostgreSQL with its data under ./data, port 3005.
# Extra arguments go to the app, e.g. scripts/run.sh --server.port=8080
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

# Tests and the format check belong to scripts/test.sh; here we only want a runnable jar, fast.
./mvnw -q -pl clinic -am package -DskipTests -Dspotless.check.skip=true

jars=(clinic/target/clinic-*-exec.jar)
if [[ ${#jars[@]} -ne 1 || ! -f ${jars[0]} ]]; then
  echo "error: expected exactly one clinic/target/clinic-*-exec.jar, found: ${jars[*]}" >&2
  exit 1
fi
# Two malloc arenas instead of one per thread that allocates (libwebrtc and the JIT have many): this
# bounds how many arenas keep freed memory, but does not stop resident memory from creeping up call
# after call — glibc keeps what is freed after peaks (a C2 compilation frees 17 MiB at once) until
# malloc_trim. -XX:TrimNativeHeapInterval=<ms> makes the JVM trim periodically; with 10000 it stayed
# flat over 300 calls (docs/agents-livekit.md).
# (The unlock flag is needed on JDK 21, where the option is still experimental; harmless later.)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec java -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000 -jar "${jars[0]}" "$@"
