#!/usr/bin/env bash
# Runs one benchmark main class and writes its markdown result; the run-*.sh scripts call this.
# Usage: bench/run-benchmark.sh <main class> <result file> [JVM arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
main_class=$1 output=$2
shift 2

if [[ -f scripts/java-home.sh ]]; then
  # shellcheck source=scripts/java-home.sh
  source scripts/java-home.sh
elif [[ -z ${JAVA_HOME:-} ]]; then
  echo "error: set JAVA_HOME to a JDK 21 or newer" >&2
  exit 1
else
  export PATH="$JAVA_HOME/bin:$PATH"
fi

# Compiles bench and the modules it uses and writes bench/target/runtime-classpath.txt; no tests, no
# format check.
# SOFIA_TARGET=target-<name> builds into that directory instead (see -Dsofia.target in the root pom),
# so a benchmark run does not collide with other builds in the same checkout.
target=${SOFIA_TARGET:-target}
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true -Dsofia.target="$target"

# The commit measured, and the production files that differ from it, since those shape the figures.
commit="commit \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`"
changed=$(git status --porcelain -- clinic/src/main agents/agents-livekit/src/main livekit-local/src/main 2>/dev/null | awk '{print $NF}' | xargs -r -n1 basename | paste -sd, - || true)
if [[ -n $changed ]]; then
  commit="$commit, with uncommitted changes to ${changed//,/, }"
fi

# A fixed heap, so the collector does not resize it in the middle of the measured rounds.
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g \
  -cp "bench/$target/classes:$(cat "bench/$target/runtime-classpath.txt")" \
  -Dbench.commit="$commit" -Dbench.output="$output" \
  "$@" "$main_class"
