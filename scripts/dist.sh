#!/usr/bin/env bash
# Packages the desktop app: `npm run dist` (add `-- --win`, `--mac` or `--linux` for one platform).
# Needs Node >= 22.12 (Electron's tooling) and the Electron binary, which electron-builder downloads;
# it cannot run offline.
set -euo pipefail
cd "$(dirname "$0")/.."

# Before anything else: explain and stop on a Node too old for Electron's tooling.
node scripts/require-node.mjs "npm run dist"

npx electron-vite build
# The SQLCipher module for Electron's ABI, built beside node_modules' Node build (never in place of it):
# electron-builder.yml ships native/electron-<platform>-<arch>/ as extraResources, and the app loads it
# from there (electron/core/db/native-binding.ts). Prepared for this machine's platform and CPU; for
# another, run `npm run prepare:electron -- --platform P --arch A` first (prebuilt binaries only).
npx tsx scripts/prepare-electron-native.ts
npx electron-builder --config electron-builder.yml "$@"
