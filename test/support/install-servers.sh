#!/usr/bin/env bash
# Installs the Redis and PostgreSQL binaries the integration tests start throwaway servers from
# (test/support/database-servers.ts runs this when they are missing and the user may install
# packages). The tests use only the servers they start, on ports of their own: any system service
# the packages' post-install scripts start is never connected to.
set -euo pipefail

as_root() {
  if ((EUID == 0)); then
    "$@"
  else
    # -n: never stop to ask for a password in the middle of a test run.
    sudo -n "$@"
  fi
}

if ! command -v apt-get >/dev/null; then
  echo "install-servers: this is not a Debian or Ubuntu system (no apt-get): install redis-server and PostgreSQL with its package manager" >&2
  exit 1
fi
as_root apt-get update -q
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server postgresql
