#!/usr/bin/env bash
# Installs the Debian packages the test suite and reports need: PostgreSQL
# (storage tests run against a real server), Chromium (browser tests, PDF
# reports), poppler-utils (PDF checks) and fonts with Cyrillic glyphs.
# Idempotent: does nothing when everything is there. Needs root (CI runs as root).
set -euo pipefail
need=()
command -v /usr/bin/chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing Debian packages: ${need[*]}; run 'sudo $0' or install them" >&2
  exit 1
fi
echo "system-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
