#!/usr/bin/env bash
# Serves GridAtlas on the bundled sample street (installing npm packages first if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec npx vite --host 127.0.0.1 --port "${PORT:-5173}" --strictPort
