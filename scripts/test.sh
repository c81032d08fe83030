#!/usr/bin/env bash
# Runs every test and the format check (spotless is bound to validate, so a badly formatted file
# fails the build here just as in CI). Extra arguments go to Maven, e.g. scripts/test.sh -pl clinic
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

ensure_test_peers

./mvnw verify "$@"
