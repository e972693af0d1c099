#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "type-check";            npm run -s typecheck
step "lint";                  npm run -s lint
step "unit, core and reliability tests (vitest)"; npm run -s test:core
step "build (electron-vite)"; npm run -s build
# The Electron shell tests below skip where there is no Electron binary; these prove what they can without it.
step "built main and preload parse (node --check)"; node --check out/main/index.js && node --check out/preload/index.cjs
step "start-up smoke test of the built bundles (stand-in electron module)"; npm run -s test:smoke
step "security scan (electronegativity)"; npm run -s security
step "renderer in Chromium (Playwright via the test bridge)"; npm run -s test:e2e
# Where the Electron binary is installed the app needs its SQLCipher build (otherwise the tests skip, saying why).
step "Electron shell (Playwright _electron)"
if [ -f node_modules/electron/path.txt ]; then npm run -s prepare:electron; fi
npm run -s test:electron
