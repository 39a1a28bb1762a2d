#!/usr/bin/env bash
# Installs the system programs that some tests drive for real: headless Chromium (web UI),
# a PostgreSQL server (Postgres store) and a Java runtime (Spark). Debian packages only.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "claimdesk tests need these system packages: ${missing[*]}" >&2
  echo "install them with your package manager (Debian: sudo apt-get install ${missing[*]}) and run again" >&2
  exit 1
fi
echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
