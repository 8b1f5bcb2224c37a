#!/usr/bin/env bash
# Installs the local cloud emulators the *ConformanceIT tests run against, pinned by files under emulators/:
#   emulators/requirements.txt         pip packages (e.g. moto[server]==x.y.z), installed into .emulators/venv
#   emulators/package.json + lock      npm packages, installed with `npm ci` into emulators/node_modules
# Each step runs only if its pin file exists, so a fresh machine without Python or Node passes while nothing is pinned.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

installed=0

if [[ -f emulators/requirements.txt ]]; then
  python3 -m venv .emulators/venv
  .emulators/venv/bin/python -m pip install --quiet --disable-pip-version-check -r emulators/requirements.txt
  installed=1
fi

if [[ -f emulators/package.json ]]; then
  if [[ ! -f emulators/package-lock.json ]]; then
    echo "emulators/package.json has no package-lock.json; npm ci needs the lock file" >&2
    exit 1
  fi
  npm ci --prefix emulators --no-audit --no-fund
  installed=1
fi

if [[ "$installed" -eq 0 ]]; then
  echo "no emulators needed yet"
fi
