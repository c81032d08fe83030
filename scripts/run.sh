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
# The agent's libwebrtc threads would each get a malloc arena of their own; memory freed in them is
# rarely returned, and resident memory creeps up call after call (docs/agents-livekit.md).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec java -jar "${jars[0]}" "$@"
