#!/usr/bin/env bash
# Every check and test: install what is needed, lint, format, type-check, unit tests, build,
# end-to-end tests in Debian's Chromium. CI (.ci/run) calls exactly this through `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$1"; }

step 'install'
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh

step 'lint (ESLint, Prettier)'
npx eslint .
npx prettier --check . --log-level warn

step 'types (svelte-check)'
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --output human

step 'unit tests (vitest)'
npx vitest run

step 'build and end-to-end tests (Playwright, Chromium)'
npx playwright test
