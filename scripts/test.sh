#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "type-check";            npm run -s typecheck
step "lint";                  npm run -s lint
step "unit, core and reliability tests (vitest)"; npm run -s test:core
step "build (electron-vite)"; npm run -s build
step "security scan (electronegativity)"; npm run -s security
step "renderer in Chromium (Playwright via the test bridge)"; npm run -s test:e2e
step "Electron shell (Playwright _electron)"; npm run -s test:electron
