#!/usr/bin/env bash
# Prepares this machine to build, run and test Sofia. Idempotent and quick when everything is
# already there: each step checks before it installs. Sourced by run.sh and test.sh, and may be run
# on its own. Maven dependencies are not pre-fetched here: ./mvnw does that on first build.
set -euo pipefail

SOFIA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Tools built from source (go install) live outside the repo so a fresh clone reuses them.
SOFIA_TOOLS_BIN=${SOFIA_TOOLS_BIN:-$HOME/.cache/sofia/bin}
export SOFIA_ROOT SOFIA_TOOLS_BIN

# shellcheck source=scripts/java-home.sh
source "$SOFIA_ROOT/scripts/java-home.sh" # also brings ensure_apt_packages (scripts/lib.sh)

# Installs a Go tool into $SOFIA_TOOLS_BIN unless that exact module@version is already there.
# A marker file records the version, because a binary alone does not say which version it is.
ensure_go_tool() {
  local name=$1 module_version=$2
  local marker="$SOFIA_TOOLS_BIN/.$name.version"
  if [[ -x $SOFIA_TOOLS_BIN/$name && -f $marker && $(<"$marker") == "$module_version" ]]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "error: $name needs Go to build ($module_version); install Go 1.22+ and put it on PATH" >&2
    return 1
  fi
  echo "Building $name from $module_version" >&2
  mkdir -p "$SOFIA_TOOLS_BIN"
  GOBIN=$SOFIA_TOOLS_BIN go install "$module_version"
  echo "$module_version" >"$marker"
}

case ":$PATH:" in
  *":$SOFIA_TOOLS_BIN:"*) ;;
  *) export PATH="$SOFIA_TOOLS_BIN:$PATH" ;;
esac

# Nothing beyond the JDK is needed yet. Later needs go here, e.g.
#   ensure_apt_packages libpulse0 espeak-ng
#   ensure_go_tool livekit-server github.com/livekit/livekit-server/cmd/server@vX.Y.Z
