#!/usr/bin/env bash
# Packages the desktop app: `npm run dist` (add `-- --win`, `--mac` or `--linux` for one platform).
# Needs the Electron binary and headers, which electron-builder downloads; it cannot run offline.
set -euo pipefail
cd "$(dirname "$0")/.."

# electron-builder rebuilds the native SQLCipher module for Electron's ABI (npmRebuild: true), which
# leaves a build Node cannot load. Whatever happens below (success, failure, Ctrl-C), put the Node
# build back on the way out, so `npm test` and the CLI keep working; the exit status stays the run's.
restore_node_build() {
  local status=$?
  trap - EXIT
  echo "Rebuilding better-sqlite3-multiple-ciphers for Node…" >&2
  if ! npm rebuild better-sqlite3-multiple-ciphers; then
    echo "Could not rebuild better-sqlite3-multiple-ciphers for Node: run \`npm rebuild better-sqlite3-multiple-ciphers\`." >&2
    [ "$status" -eq 0 ] && status=1
  fi
  exit "$status"
}
trap restore_node_build EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

npx electron-vite build
npx electron-builder --config electron-builder.yml "$@"
