# Shared helpers for the scripts in this folder. Sourced, never run: it only defines functions,
# so it leaves the caller's shell options alone.

# Runs a command as root: directly when we are root (CI, containers), else through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: '$*' needs root and sudo is not available" >&2
    return 1
  fi
}

# `apt-get update` is slow, so run it at most once per shell, and only when something is missing.
_sofia_apt_updated=${_sofia_apt_updated:-false}
apt_update_once() {
  if [[ $_sofia_apt_updated != true ]]; then
    as_root apt-get update -qq
    _sofia_apt_updated=true
  fi
}

# True when apt knows the package (a fresh image has empty lists, hence the one update).
apt_package_exists() {
  command -v apt-cache >/dev/null 2>&1 || return 1
  if [[ -n $(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)"') ]]; then
    return 0
  fi
  apt_update_once >/dev/null 2>&1 || return 1
  [[ -n $(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)"') ]]
}

# Installs the Debian packages that are not installed yet; a no-op (no network) when all are.
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "Installing ${missing[*]} with apt-get" >&2
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
