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
  local name=$1 module_version=$2 lock_fd
  local marker="$SOFIA_TOOLS_BIN/.$name.version"
  if [[ -x $SOFIA_TOOLS_BIN/$name && -f $marker && $(<"$marker") == "$module_version" ]]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "error: $name needs Go to build ($module_version); install Go 1.22+ and put it on PATH" >&2
    return 1
  fi
  mkdir -p "$SOFIA_TOOLS_BIN"
  # Two runs starting at once (a test run beside the app) build once: the second waits here.
  exec {lock_fd}>"$SOFIA_TOOLS_BIN/.$name.lock"
  flock "$lock_fd"
  if [[ -x $SOFIA_TOOLS_BIN/$name && -f $marker && $(<"$marker") == "$module_version" ]]; then
    exec {lock_fd}>&-
    return 0
  fi
  echo "Building $name from $module_version (once; cached in $SOFIA_TOOLS_BIN)" >&2
  # go install names the binary after the last path element (cmd/server -> server), so build into
  # a scratch directory and move it into place under the name we use.
  local scratch
  scratch=$(mktemp -d)
  GOBIN=$scratch go install -trimpath "$module_version"
  mv "$scratch"/* "$SOFIA_TOOLS_BIN/$name"
  rm -rf "$scratch"
  echo "$module_version" >"$marker"
  exec {lock_fd}>&-
}

# Builds a Go command from a module version the proxy serves, for modules `go install m@v` refuses:
# `go install` asks the proxy for the module's version list (to look up deprecations), and the
# proxy answers 403 for github.com/livekit/sip's list while serving its tagged versions. So the
# module is downloaded at that exact version (its own go.mod and go.sum pin every dependency) and
# built in a writable copy. Same marker and lock as ensure_go_tool.
ensure_go_module_build() {
  local name=$1 module=$2 version=$3 package=$4 lock_fd
  local marker="$SOFIA_TOOLS_BIN/.$name.version"
  if [[ -x $SOFIA_TOOLS_BIN/$name && -f $marker && $(<"$marker") == "$module@$version" ]]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "error: $name needs Go to build ($module@$version); install Go and put it on PATH" >&2
    return 1
  fi
  mkdir -p "$SOFIA_TOOLS_BIN"
  exec {lock_fd}>"$SOFIA_TOOLS_BIN/.$name.lock"
  flock "$lock_fd"
  if [[ -x $SOFIA_TOOLS_BIN/$name && -f $marker && $(<"$marker") == "$module@$version" ]]; then
    exec {lock_fd}>&-
    return 0
  fi
  echo "Building $name from $module@$version (once; cached in $SOFIA_TOOLS_BIN)" >&2
  local scratch dir
  scratch=$(mktemp -d)
  # `go mod download` needs no main module; run it from the empty scratch directory
  dir=$(cd "$scratch" && go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  cp -r "$dir" "$scratch/src"
  chmod -R u+w "$scratch/src"
  (cd "$scratch/src" && go build -trimpath -o "$scratch/$name" "$package")
  mv "$scratch/$name" "$SOFIA_TOOLS_BIN/$name"
  rm -rf "$scratch"
  echo "$module@$version" >"$marker"
  exec {lock_fd}>&-
}

case ":$PATH:" in
  *":$SOFIA_TOOLS_BIN:"*) ;;
  *) export PATH="$SOFIA_TOOLS_BIN:$PATH" ;;
esac

# LiveKit server: the run command starts it as a child process when LIVEKIT_URL is not set, and the
# tests start one per test class. v1.13.5 is the newest v1.13 whose dependencies the Go module proxy
# serves in full (see docs/dev/livekit-tooling.md).
LIVEKIT_SERVER_MODULE=github.com/livekit/livekit-server/cmd/server@v1.13.5
ensure_go_tool livekit-server "$LIVEKIT_SERVER_MODULE"

# webrtc-java's native library (the agents' WebRTC stack) links against PulseAudio's client
# library even when, as here, no sound device is used.
ensure_apt_packages libpulse0 espeak-ng

# Node.js and npm build the voice widget (web/widget) inside the Maven build; its packages come
# from the npm registry into ~/.npm's cache. Debian's nodejs (18 on bookworm) is new enough.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  ensure_apt_packages nodejs npm
fi

# Playwright (the widget's browser tests) uses Debian's Chromium and never downloads browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Independent LiveKit peers and services the tests need, beyond what running Sofia needs: Redis
# (LiveKit's SIP API stores trunks and rules there) and the official Python SDK in a private venv
# (a second, independent client implementation that joins rooms with the tokens Sofia issues).
SOFIA_VENV=${SOFIA_VENV:-$HOME/.cache/sofia/venv}
export SOFIA_VENV
LIVEKIT_PYTHON_PACKAGES=(livekit==1.2.0 livekit-api==1.2.2)
ACTIONLINT_MODULE=github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
# LiveKit SIP v1.8.0: the newest tag the Go module proxy serves (v1.8.1 and later, v1.11.0 that
# deploy/compose.yaml runs among them, are 403 there). It speaks livekit-server v1.13.5's psrpc
# (v0.7.2, the same version both require) over the shared Redis.
LIVEKIT_SIP_MODULE=github.com/livekit/sip
LIVEKIT_SIP_VERSION=v1.8.0
ensure_test_peers() {
  # Chromium for the voice widget's browser tests (Playwright drives it; Playwright's own browser
  # downloads are switched off, see PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD above).
  ensure_apt_packages redis-server python3-venv chromium
  # The TCP-only deploy test (TcpOnlyNetworkIntegrationTests) builds a network namespace whose
  # firewall drops UDP: iproute2 makes the namespace, nftables the firewall.
  ensure_apt_packages iproute2 nftables
  # WorkflowLintTests lints .github/workflows with actionlint, which checks the workflows' shell
  # scripts with shellcheck when it is on PATH.
  ensure_go_tool actionlint "$ACTIONLINT_MODULE"
  ensure_apt_packages shellcheck
  # Phone calls end to end (clinic's phone tests): LiveKit SIP between a SIP caller and
  # livekit-server, and SIPp (Debian's package sip-tester) as the carrier. livekit-sip links Opus,
  # Opus files and SoX's resampler through cgo (pkg-config finds them).
  ensure_apt_packages pkg-config gcc libc6-dev libopus-dev libopusfile-dev libsoxr-dev sip-tester
  CGO_ENABLED=1 ensure_go_module_build livekit-sip "$LIVEKIT_SIP_MODULE" "$LIVEKIT_SIP_VERSION" ./cmd/livekit-sip
  local marker="$SOFIA_VENV/.sofia-packages"
  if [[ -x $SOFIA_VENV/bin/python && -f $marker && $(<"$marker") == "${LIVEKIT_PYTHON_PACKAGES[*]}" ]]; then
    return 0
  fi
  echo "Installing the LiveKit Python SDK (${LIVEKIT_PYTHON_PACKAGES[*]}) into $SOFIA_VENV" >&2
  python3 -m venv "$SOFIA_VENV"
  "$SOFIA_VENV/bin/pip" install --quiet --disable-pip-version-check "${LIVEKIT_PYTHON_PACKAGES[@]}"
  echo "${LIVEKIT_PYTHON_PACKAGES[*]}" >"$marker"
}

# The Python agent framework for the workers and voice benchmarks only (bench/run-workers.sh and
# bench/run-voice.sh call this; the tests do not need it): livekit-agents from PyPI in a venv of its
# own, since it pins its own livekit rtc package (1.1.21 for 1.8.9) beside the test peers' livekit
# 1.2.0; the voice benchmark adds its OpenAI plugin (pointed at the fake OpenAI server) and its
# Silero VAD, on the same 1.8.9 line.
SOFIA_AGENTS_VENV=${SOFIA_AGENTS_VENV:-$HOME/.cache/sofia/venv-agents}
export SOFIA_AGENTS_VENV
LIVEKIT_AGENTS_PACKAGES=(livekit-agents==1.8.9 livekit-plugins-openai==1.8.9 livekit-plugins-silero==1.8.9)
ensure_bench_peers() {
  ensure_apt_packages python3-venv
  local marker="$SOFIA_AGENTS_VENV/.sofia-packages"
  if [[ -x $SOFIA_AGENTS_VENV/bin/python && -f $marker && $(<"$marker") == "${LIVEKIT_AGENTS_PACKAGES[*]}" ]]; then
    return 0
  fi
  echo "Installing the LiveKit agent framework (${LIVEKIT_AGENTS_PACKAGES[*]}) into $SOFIA_AGENTS_VENV" >&2
  python3 -m venv "$SOFIA_AGENTS_VENV"
  "$SOFIA_AGENTS_VENV/bin/pip" install --quiet --disable-pip-version-check "${LIVEKIT_AGENTS_PACKAGES[@]}"
  echo "${LIVEKIT_AGENTS_PACKAGES[*]}" >"$marker"
}
