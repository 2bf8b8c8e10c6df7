#!/usr/bin/env bash
# Installs the npm packages from package-lock.json when node_modules is missing or older than it.
set -euo pipefail
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
