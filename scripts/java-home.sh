# Sourced by the other scripts: points JAVA_HOME (and PATH) at a JDK >= 21, because the build
# targets Java 21 while many machines still default to 17.
#
# No `set -euo pipefail` here on purpose: this file is sourced, and those options would leak into
# (and could kill) an interactive shell that sources it. The scripts that source it set them.

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOFIA_MIN_JAVA=21

# Prints the feature version (17, 21, 25 …) of the JDK at $1, or nothing if it is no working JDK.
java_major_version() {
  local java="$1/bin/java" version
  [[ -x $java && -x $1/bin/javac ]] || return 0
  version=$("$java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  # "1.8.0_392" → 8; "21.0.4" → 21; "25" → 25; "26-ea" → 26
  if [[ $version == 1.* ]]; then
    version=${version#1.}
  fi
  version=${version%%[.+-]*}
  if [[ $version =~ ^[0-9]+$ ]]; then
    echo "$version"
  fi
}

# Prints the path of the newest JDK >= 21 under /usr/lib/jvm, or nothing.
find_installed_jdk() {
  local dir best="" best_version=0 version
  for dir in /usr/lib/jvm/*; do
    [[ -d $dir ]] || continue
    version=$(java_major_version "$dir")
    if [[ -n $version ]] && ((version >= SOFIA_MIN_JAVA && version > best_version)); then
      best=$(readlink -f "$dir")
      best_version=$version
    fi
  done
  echo "$best"
}

select_java_home() {
  local version
  if [[ -n ${JAVA_HOME:-} ]]; then
    version=$(java_major_version "$JAVA_HOME")
    if [[ -n $version ]] && ((version >= SOFIA_MIN_JAVA)); then
      return 0 # the caller's choice wins when it is new enough
    fi
    echo "note: ignoring JAVA_HOME=$JAVA_HOME (Java ${version:-?}); Sofia needs Java $SOFIA_MIN_JAVA+" >&2
  fi
  local found
  found=$(find_installed_jdk)
  if [[ -z $found ]] && apt_package_exists openjdk-21-jdk-headless; then
    ensure_apt_packages openjdk-21-jdk-headless
    found=$(find_installed_jdk)
  fi
  if [[ -z $found ]]; then
    echo "error: no JDK $SOFIA_MIN_JAVA or newer found (looked at JAVA_HOME and /usr/lib/jvm/*," \
      "and apt has no openjdk-21-jdk-headless). Install one, e.g. Temurin 21 from https://adoptium.net," \
      "and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$found
}

select_java_home || return 1
export JAVA_HOME
case ":$PATH:" in
  ":$JAVA_HOME/bin:"*) ;; # already first: sourcing twice must not grow PATH
  *) export PATH="$JAVA_HOME/bin:$PATH" ;;
esac
