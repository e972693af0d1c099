#!/usr/bin/env bash
# Packages the desktop app: `npm run dist` (add `-- --win`, `--mac` or `--linux` for one platform).
# Needs the Electron binary and headers, which electron-builder downloads; it cannot run offline.
set -euo pipefail
cd "$(dirname "$0")/.."
npx electron-vite build
# electron-builder rebuilds the native SQLCipher module for Electron's ABI (npmRebuild: true).
npx electron-builder --config electron-builder.yml "$@"
# Put the Node build back, so `npm test` and the CLI keep working after packaging.
npm rebuild better-sqlite3-multiple-ciphers
