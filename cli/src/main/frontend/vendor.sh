#!/usr/bin/env bash
# Copies the dashboard's browser assets into the build: dist/mermaid.min.js of the mermaid version pinned by
# package.json + package-lock.json, installed with `npm ci` (lifecycle scripts off) into node_modules/ here.
# Usage: vendor.sh OUT_DIR  (the Maven build passes target/generated-resources/frontend).
# npm runs only when the lock changed since the last install (a stamp holds its hash), so a rebuild costs nothing
# and works offline once node_modules/ is there. Needs node + npm on PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: vendor.sh OUT_DIR}"
stamp="$here/node_modules/.skystate-stamp"
hash="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)"

if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$hash" || ! -f "$here/node_modules/mermaid/dist/mermaid.min.js" ]]; then
  command -v npm >/dev/null 2>&1 || { echo "vendor.sh: npm is not on PATH; install Node.js 20+ with npm" >&2; exit 1; }
  # mermaid's build tooling declares node >= 22; only its browser bundle is used, so the engine warning is noise.
  if ! npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund --loglevel=error >"$here/npm-ci.log" 2>&1; then
    echo "vendor.sh: npm ci failed; last lines of $here/npm-ci.log:" >&2
    tail -n 20 "$here/npm-ci.log" >&2
    exit 1
  fi
  echo "$hash" >"$stamp"
fi

mkdir -p "$out/io/skystate/cli/internal/dashboard/static"
cp "$here/node_modules/mermaid/dist/mermaid.min.js" "$out/io/skystate/cli/internal/dashboard/static/mermaid.min.js"
cp "$here/node_modules/mermaid/LICENSE" "$out/io/skystate/cli/internal/dashboard/static/mermaid.LICENSE" 2>/dev/null || true
